/**
 * `topicform graph --format mermaid|dot|json [--env <name>] [--domain <name>] [--app main.ts]`: prints the event flow
 * (producers → topics → consumer groups → retry and dead-letter topics) of one environment, or of one domain and what
 * it connects to. Nothing is written to cdktf.out.
 */
import { Option, type Command } from 'commander';
import { mergeByEnvironment } from '../../artifacts/canonical';
import { renderDot } from '../../artifacts/graph/dot';
import { renderGraphJson } from '../../artifacts/graph/json';
import { domainFlow, environmentFlow } from '../../artifacts/graph/draw';
import { buildGraph } from '../../artifacts/graph/model';
import type { Topology } from '../../model/topology';
import { didYouMean } from '../../model/did-you-mean';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { loadStacks } from '../stacks';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphOptions {
  readonly format: GraphFormat;
  /** @default - the first production environment by name, or the first environment by name when none is production */
  readonly env?: string;
  /** @default - every domain */
  readonly domain?: string;
}

export interface GraphIo {
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

/**
 * Mermaid is drawn as the documents draw it (companions folded into their groups, a graph too large for Mermaid's
 * defaults replaced by a smaller one: artifacts/graph/draw.ts); DOT and JSON hold every node and edge, for tools
 * without those limits.
 */
const RENDERERS: Readonly<Record<GraphFormat, (topology: Topology, domain: string | null) => string>> = {
  mermaid: (topology, domain) => (domain === null ? environmentFlow(topology) : domainFlow(topology, domain)),
  dot: (topology, domain) => renderDot(buildGraph(topology, domain)),
  json: (topology, domain) => renderGraphJson(buildGraph(topology, domain)),
};

/** Adds the `graph` command; its exit code goes to `setExitCode`. */
export function registerGraphCommand(program: Command, setExitCode: (code: number) => void, io: GraphIo = {}): Command {
  return program
    .command('graph')
    .description('print the event flow: producers → topics → consumer groups → retry and dead-letter topics')
    .addOption(new Option('-f, --format <format>', 'output format').choices(GRAPH_FORMATS).default('mermaid'))
    .option('--env <name>', 'environment to draw (default: the first production environment by name)')
    .option('--domain <name>', 'draw one domain and what it connects to (default: every domain)')
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: GraphOptions & { app: string }) => {
      setExitCode(runGraph(loadAppBuilder(options.app), options, io));
    });
}

/** Builds the app, picks the environment and domain, prints the graph; returns the exit code. */
export function runGraph(buildApp: AppBuilder, options: GraphOptions, io: GraphIo = {}): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const fail = (message: string): number => {
    stderr.write(`topicform graph: ${message}\n`);
    return 1;
  };

  const { stacks, errors } = loadStacks(buildApp);
  if (errors.length > 0) {
    for (const line of errors) stderr.write(`${line}\n`);
    return fail(`${errors.length} error(s) in the declarations; fix them to draw the graph`);
  }
  // Stacks may hold slices of an environment (one stack per domain): merged back, one Topology per environment.
  const topologies = mergeByEnvironment(stacks.flatMap((s) => (s.topology === null ? [] : [s.topology])));
  const environments = topologies.map((t) => t.environment.name);
  // Production is what a reader asks about when they name none; dev often holds experiments production does not.
  const topology =
    options.env === undefined
      ? (topologies.find((t) => t.environment.production) ?? topologies[0])
      : topologies.find((t) => t.environment.name === options.env);
  if (topology === undefined) {
    if (options.env === undefined) return fail('the app declares no KafkaStack, so there is nothing to draw');
    return fail(`unknown environment "${options.env}"${hint(options.env, environments)}; the app declares ${list(environments)}`);
  }
  const domains = topology.domains.map((d) => d.name);
  if (options.domain !== undefined && !domains.includes(options.domain)) {
    return fail(
      `unknown domain "${options.domain}" in environment "${topology.environment.name}"${hint(options.domain, domains)}; it declares ${list(domains)}`,
    );
  }
  stdout.write(RENDERERS[options.format](topology, options.domain ?? null));
  return 0;
}

function hint(value: string, candidates: readonly string[]): string {
  const guess = didYouMean(value, candidates);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `"${n}"`).join(', ');
}
