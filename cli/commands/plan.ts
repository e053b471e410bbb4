/**
 * `topicform plan summary|scrub|list`: what a terraform plan means and what of it may leave the job, for any CI.
 *
 * - `summary`: a stack's plan (`terraform show -json`), the exit code of `terraform plan -detailed-exitcode` and the
 *   `terraform show` text → Markdown (or JSON); exit 1 when the plan failed or is refused (a production plan that
 *   deletes or replaces a topic no reviewed acknowledgement names). pipeline/plan-summary.ts.
 * - `scrub`: the plan JSON without sensitive values, the only form of it CI uploads. pipeline/scrub.ts.
 * - `list`: the JSON summaries of a run's plans → which stacks have something to apply and each saved plan's SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { parseAcknowledgements } from '../../review/acknowledge';
import { ReviewInputError } from '../../review/errors';
import { listPlans, renderPlanSummary, summarizePlan } from '../../pipeline/plan-summary';
import type { PlanSummary } from '../../pipeline/plan-summary';
import { scrubPlan } from '../../pipeline/scrub';
import { InputError, readInputFile, readJsonFile } from '../read-output';
import type { CommandIo } from './access';
import { writeFileAtomic } from '../write';

export interface PlanSummaryOptions {
  readonly stackDir: string;
  readonly exitCode: string;
  readonly planJson?: string;
  readonly text?: string;
  readonly planFile?: string;
  readonly acknowledgements?: string;
  readonly format?: 'markdown' | 'json';
  readonly output?: string;
}

export function registerPlanCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  const plan = program.command('plan').description('what a terraform plan means and what of it may leave the job: summary, scrub, list (for any CI)');
  plan
    .command('summary')
    .description("summarize a stack's terraform plan as Markdown (or JSON); exit 1 when it failed or is refused")
    .requiredOption('--stack-dir <dir>', 'the stack directory (its name is the stack, its topology.json says whether it is production)')
    .requiredOption('--exit-code <n>', 'the exit code of `terraform plan -detailed-exitcode` (0 no changes, 2 changes, else failed)')
    .option('--plan-json <file>', '`terraform show -json <planfile>` (raw or scrubbed)')
    .option('--text <file>', '`terraform show -no-color <planfile>`, or the log of a failed plan')
    .option('--plan-file <file>', 'the saved plan: its SHA-256 goes into the summary for the apply job to check')
    .option('--acknowledgements <file>', 'the reviewed review-acknowledgements.yaml: what lets a production plan delete or replace a topic')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExit codes: 0 the plan may be applied (or has no changes), 1 it failed, is refused, or an input is unreadable.')
    .action((options: PlanSummaryOptions) => setExitCode(runPlanSummary(options, io)));
  plan
    .command('scrub')
    .description('remove every sensitive value from a plan JSON (terraform show -json writes them in clear) before it is uploaded')
    .argument('<plan-json>', '`terraform show -json <planfile>`')
    .requiredOption('-o, --output <file>', 'the scrubbed plan')
    .option('--redact-env <name...>', 'also replace the values of these environment variables wherever they appear (e.g. KAFKA_SASL_PASSWORD)', [])
    .action((file: string, options: { output: string; redactEnv: string[] }) => setExitCode(runPlanScrub(file, options, io)));
  plan
    .command('list')
    .description("list a run's plans from their JSON summaries: the stacks with something to apply, by production, and each saved plan's SHA-256")
    .argument('<dir>', 'a directory holding the JSON summaries (any depth), e.g. the downloaded plan artifacts')
    .action((dir: string) => setExitCode(runPlanList(dir, io)));
  return plan;
}

export function runPlanSummary(options: PlanSummaryOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stderr = io.stderr ?? process.stderr;
  let summary: PlanSummary;
  let text: string | undefined;
  try {
    const exitCode = Number(options.exitCode);
    if (!Number.isInteger(exitCode)) throw new InputError(`--exit-code ${options.exitCode}: expected the exit code of terraform plan, a number`);
    const stackDir = resolve(cwd, options.stackDir);
    text = options.text === undefined ? undefined : readInputFile(resolve(cwd, options.text), options.text);
    const plan =
      options.planJson === undefined || !existsSync(resolve(cwd, options.planJson))
        ? undefined
        : readJsonFile(resolve(cwd, options.planJson), options.planJson);
    const acknowledged =
      options.acknowledgements === undefined || !existsSync(resolve(cwd, options.acknowledgements))
        ? []
        : parseAcknowledgements({ file: options.acknowledgements, text: readFileSync(resolve(cwd, options.acknowledgements), 'utf8') }).map((a) => a.finding);
    const sha256 =
      options.planFile === undefined || !existsSync(resolve(cwd, options.planFile))
        ? undefined
        : createHash('sha256')
            .update(readFileSync(resolve(cwd, options.planFile)))
            .digest('hex');
    summary = summarizePlan({
      stack: basename(stackDir),
      production: isProduction(stackDir),
      exitCode,
      plan,
      ...(text === undefined ? {} : { text }),
      acknowledged,
      ...(sha256 === undefined ? {} : { sha256 }),
    });
  } catch (error) {
    if (!(error instanceof InputError) && !(error instanceof ReviewInputError)) throw error;
    stderr.write(`topicform plan summary: ${error.message}\n`);
    return 1;
  }
  write(options.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderPlanSummary(summary, text), options.output, io, cwd);
  if (summary.status === 'failed') stderr.write(`topicform plan summary: the plan of ${summary.stack} failed (${summary.failure ?? ''})\n`);
  if (summary.status === 'refused') {
    stderr.write(
      `topicform plan summary: the plan of ${summary.stack} is refused: it deletes or replaces ${summary.refusals.map((r) => r.topic).join(', ')} in production without an acknowledgement\n`,
    );
  }
  return summary.status === 'failed' || summary.status === 'refused' ? 1 : 0;
}

export function runPlanScrub(
  file: string,
  options: { output: string; redactEnv?: readonly string[] },
  io: CommandIo = {},
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): number {
  const stderr = io.stderr ?? process.stderr;
  try {
    const plan = readJsonFile(resolve(cwd, file), file);
    const secrets = (options.redactEnv ?? []).map((name) => env[name] ?? '').filter((v) => v !== '');
    const { plan: scrubbed, removed } = scrubPlan(plan, secrets);
    writeFileAtomic(resolve(cwd, options.output), `${JSON.stringify(scrubbed)}\n`);
    stderr.write(`topicform plan scrub: ${removed} sensitive value${removed === 1 ? '' : 's'} removed → ${options.output}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform plan scrub: ${error.message}\n`);
    return 1;
  }
}

export function runPlanList(dir: string, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  try {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) {
      // No plan artifact at all: nothing to apply.
      stdout.write(`${JSON.stringify(listPlans([]))}\n`);
      return 0;
    }
    const summaries = findFiles(root, 'summary.json').map((f) => readJsonFile(f, f) as PlanSummary);
    stdout.write(`${JSON.stringify(listPlans(summaries))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform plan list: ${error.message}\n`);
    return 1;
  }
}

function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? findFiles(full, name) : entry === name ? [full] : [];
    });
}

/** From the stack's topology.json; unknown counts as production (the stricter rules apply). */
function isProduction(stackDir: string): boolean {
  try {
    const topology = JSON.parse(readFileSync(join(stackDir, 'topology.json'), 'utf8')) as { environment?: { production?: unknown } };
    return topology.environment?.production !== false;
  } catch {
    return true;
  }
}

function write(text: string, output: string | undefined, io: CommandIo, cwd: string): void {
  if (output === undefined) (io.stdout ?? process.stdout).write(text);
  else writeFileAtomic(resolve(cwd, output), text);
}
