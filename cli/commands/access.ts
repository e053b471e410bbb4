/**
 * `topicform access --principal User:payment-service | --topic orders.order-created [--format text|json|markdown]
 * [--env <name...>] [--app main.ts]`: everything a principal can do, or everyone who can read or write a topic — the
 * two questions a security review asks — across every environment (or the ones named). Nothing is written.
 */
import { Option, type Command } from 'commander';
import { ACCESS_FORMATS, formatPrincipalReport, formatTopicReport, type AccessFormat } from '../../access/format';
import { knownPrincipals, knownTopics, principalReport, topicReport, type AccessSource } from '../../access/report';
import type { StackPlacement } from '../../access/topologies';
import { KafkaEnvironment } from '../../constructs/kafka-environment';
import { didYouMean } from '../../model/did-you-mean';
import { PRINCIPAL_PATTERN } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { loadStacks } from '../stacks';

export interface AccessOptions {
  readonly principal?: string;
  readonly topic?: string;
  readonly format: AccessFormat;
  /** @default - every environment */
  readonly env?: readonly string[];
}

export interface CommandIo {
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

/**
 * The app's resolved Topologies, one per environment (a KafkaEnvironment's whole Topology, not its stacks' slices),
 * and where each environment's domains live. `errors` are the declaration errors, formatted.
 */
export function loadAccessSource(buildApp: AppBuilder, environments?: readonly string[]): { source: AccessSource; errors: readonly string[] } {
  const { stacks, errors } = loadStacks(buildApp, environments);
  const topologies = new Map<string, Topology>();
  const placements: StackPlacement[] = [];
  for (const s of stacks) {
    const scope = s.node.scope;
    const topology = scope instanceof KafkaEnvironment ? scope.render().topology : s.topology;
    if (topology !== null && !topologies.has(topology.environment.name)) topologies.set(topology.environment.name, topology);
    placements.push({ stack: s.node.id, environment: s.environmentName, domains: s.domains === undefined ? null : [...s.domains].sort() });
  }
  return { source: { topologies: [...topologies.values()], stacks: placements }, errors };
}

/** Adds the `access` command; its exit code goes to `setExitCode`. */
export function registerAccessCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  return program
    .command('access')
    .description('list everything a principal can do (--principal), or everyone who can read or write a topic (--topic)')
    .option('-p, --principal <principal>', 'a principal such as User:payment-service (a bare name means User:<name>)')
    .option('-t, --topic <name>', 'a topic, with or without the environment prefix, e.g. orders.order-created')
    .addOption(new Option('-f, --format <format>', 'output format').choices(ACCESS_FORMATS).default('text'))
    .option('-e, --env <name...>', 'only these environments (default: all)', [])
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: AccessOptions & { app: string }) => {
      setExitCode(runAccess(loadAppBuilder(options.app), options, io));
    });
}

/** Builds the app and prints the report; returns the exit code (1 on a usage error, unknown name or declaration errors). */
export function runAccess(buildApp: AppBuilder, options: AccessOptions, io: CommandIo = {}): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const fail = (message: string): number => {
    stderr.write(`topicform access: ${message}\n`);
    return 1;
  };
  if ((options.principal === undefined) === (options.topic === undefined)) return fail('give exactly one of --principal <principal> or --topic <name>');
  const principal = options.principal === undefined ? undefined : options.principal.includes(':') ? options.principal : `User:${options.principal}`;
  if (principal !== undefined && !PRINCIPAL_PATTERN.test(principal)) {
    return fail(`"${principal}" is not a principal such as "User:payment-service" (no "*", "|" or spaces)`);
  }

  const environments = options.env ?? [];
  const { source, errors } = loadAccessSource(buildApp, environments);
  if (errors.length > 0) {
    for (const line of errors) stderr.write(`${line}\n`);
    return fail(`${errors.length} error(s) in the declarations; fix them first`);
  }
  if (principal !== undefined) {
    const report = principalReport(source, principal, environments);
    if (report.unknown) {
      return fail(`no ACL, declaration or quota names ${principal} in ${report.environments.join(', ')}${hint(principal, knownPrincipals(source))}`);
    }
    stdout.write(formatPrincipalReport(report, options.format));
    return 0;
  }
  const topic = options.topic ?? '';
  const report = topicReport(source, topic, environments);
  if (report.entries.length === 0) return fail(`no topic "${topic}" in ${report.environments.join(', ')}${hint(topic, knownTopics(source))}`);
  stdout.write(formatTopicReport(report, options.format));
  return 0;
}

function hint(value: string, candidates: readonly string[]): string {
  const guess = didYouMean(value, candidates);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}
