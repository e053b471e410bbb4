/** `topicform stacks`: the stacks of the app, for people and for CI matrices. */
import { MSK_CLUSTER_ARN_VARIABLE } from '../../model/msk-iam/terraform';
import type { Command } from 'commander';
import { loadAppBuilder } from '../load-app';
import { loadStacks } from '../stacks';
import { paintFor } from '../colour';
import { NO_PAINT, type Paint } from '../../rules/format/text';

interface StacksOptions {
  readonly json: boolean;
  readonly env: string[];
  readonly app: string;
}

export interface StackInfo {
  readonly stack: string;
  readonly environment: string;
  readonly production: boolean;
  /** The domains the stack holds (all of its environment's for the environment layout). */
  readonly domains: readonly string[];
  /** Relative to cdktf.out. */
  readonly directory: string;
  readonly backend: string;
  /** Terraform variables CI must supply (TF_VAR_<name>). */
  readonly requiredVariables: readonly string[];
  /** Environment variables terraform's process must have (the provider's KAFKA_* credentials). */
  readonly requiredEnvironment: readonly string[];
  /** Environment variables needed only in some setups (KAFKA_CA_CERT for a private CA). */
  readonly optionalEnvironment: readonly string[];
}

export function registerStacksCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('stacks')
    .description('list the stacks and what each needs at terraform time (use --json for a CI matrix)')
    .option('--json', 'print JSON: an array of stacks with environment, domains, directory, backend and required variables', false)
    .option('-e, --env <name...>', 'only these environments (default: all)', [])
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: StacksOptions) => {
      const { stacks, errors } = loadStacks(loadAppBuilder(options.app), options.env);
      if (errors.length > 0) {
        process.stderr.write(`${errors.join('\n')}\n\nthe declarations have errors; fix them first\n`);
        setExitCode(1);
        return;
      }
      const infos: StackInfo[] = stacks.map((s) => ({
        stack: s.node.id,
        environment: s.environmentName,
        production: s.topology?.environment.production ?? false,
        domains: (s.topology?.domains ?? []).map((d) => d.name),
        directory: `stacks/${s.node.id}`,
        backend: s.backendType,
        // SCRAM passwords (model/scram.ts): one ephemeral variable per credential the stack holds.
        // MSK IAM policies in Terraform (auth.aws.iam): the cluster ARN their resource ARNs are built from.
        requiredVariables: [
          ...s.cluster.requiredVariables,
          ...(s.topology?.scramCredentials ?? []).map((c) => c.variable),
          ...((s.topology?.mskIam?.attachments ?? []).length > 0 && s.domains === undefined ? [MSK_CLUSTER_ARN_VARIABLE] : []),
        ],
        requiredEnvironment: [...s.cluster.requiredEnvironment],
        optionalEnvironment: [...s.cluster.optionalEnvironment],
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(infos, null, 2)}\n`);
      } else {
        process.stdout.write(formatStacks(infos, paintFor(process.stdout)));
      }
      setExitCode(0);
    });
}

const HEADERS = ['STACK', 'ENVIRONMENT', 'BACKEND', 'DOMAINS'] as const;

/**
 * The stacks as a table with headers, each stack's needs under it, and a warning for every production stack on a local
 * backend: its state would be a file on whichever machine runs terraform, shared with neither CI nor colleagues, so two
 * people applying from two machines overwrite each other's changes, and a lost laptop loses a production cluster's state.
 */
export function formatStacks(infos: readonly StackInfo[], paint: Paint = NO_PAINT): string {
  const risky = (i: StackInfo): boolean => i.production && i.backend === 'local';
  const rows = infos.map((i) => [
    i.stack,
    `${i.environment}${i.production ? ' (production)' : ''}`,
    `${i.backend}${risky(i) ? ' !' : ''}`,
    i.domains.join(', '),
  ]);
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [paint.heading(line(HEADERS))];
  infos.forEach((i, n) => {
    const row = line(rows[n] ?? []);
    lines.push(risky(i) ? paint.level('warning', row) : row);
    const needs = `needs TF_VAR: ${i.requiredVariables.join(', ') || 'none'}${i.requiredEnvironment.length > 0 ? `; env: ${i.requiredEnvironment.join(', ')}` : ''}`;
    lines.push(`${''.padEnd(widths[0] ?? 0)}  ${paint.dim(needs)}`);
  });
  const local = infos.filter(risky).map((i) => i.stack);
  if (local.length > 0) {
    lines.push(
      '',
      `${paint.level('warning', 'warning')}: production stack(s) on a local backend (!): ${local.join(', ')}. Their state would be a file on whichever machine runs terraform, shared with neither CI nor colleagues; set a remote backend (s3, gcs, azurerm, http, remote) for the environment in environments.ts.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
