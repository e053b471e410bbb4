/**
 * `topicform review`: a Kafka-aware review of the change from a base output to a head output.
 *
 * Each side is a synthesized output directory (`--base <dir>`, `--head <dir>`) or a git ref that review synthesizes
 * itself (`--base-ref origin/main`, `--head-ref HEAD`: the ref's tree is extracted with `git archive` into a
 * temporary directory, this repository's node_modules is linked into it, and the ref's own app runs with
 * CDKTF_OUTDIR pointing at a temporary output). Terraform plans (`terraform show -json <planfile>`) add evidence per
 * stack: `--plan <stack>=<file>`. Besides the findings, the review has a "Contract changes" section (event schemas
 * under each topic's compatibility mode; a BLOCK there blocks too) and an "Access changes" section (who can read or
 * write what, with the owner who approves and the required reviewers).
 *
 * Exit codes: 0 nothing blocking, 2 an unacknowledged BLOCK finding or a failed plan, 1 a usage or input error (the
 * message names the file and what is wrong with it; never a stack trace).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { ACKNOWLEDGEMENTS_FILE, parseAcknowledgements } from '../../review/acknowledge';
import { ReviewInputError } from '../../review/errors';
import { parseOutput, parsePlan } from '../../review/parse';
import type { StackFiles } from '../../review/parse';
import { renderJson } from '../../review/render/json';
import { renderMarkdown } from '../../review/render/markdown';
import { renderText } from '../../review/render/text';
import { review } from '../../review/review';
import type { Acknowledgement, PlanSnapshot, ReviewResult, Snapshot } from '../../review/types';
import { SharedTexts } from '../shared-texts';
import { RefWorkspace, type Side } from '../synth-ref';
import { writeFileAtomic } from '../write';

export const REVIEW_EXIT = { ok: 0, input: 1, blocking: 2 } as const;

export interface ReviewOptions {
  readonly base?: string;
  readonly head?: string;
  readonly baseRef?: string;
  readonly headRef?: string;
  readonly plan: string[];
  readonly format: 'markdown' | 'text' | 'json';
  readonly acknowledgements?: string;
  readonly output?: string;
  readonly app: string;
  /** Where the full review is (the CI run), named by a Markdown comment that leaves something out. */
  readonly detailsUrl?: string;
  /** Stacks whose terraform plan failed: the review says so and blocks (exit 2). */
  readonly planFailed?: string[];
  /** Review only these stacks of both outputs (a CI that plans and comments per stack, such as Atlantis). @default every stack */
  readonly stack?: string[];
  /**
   * `<format>=<file>`: the same review also written in another format to a file, from the one run (a CI that keeps the
   * comment, the JSON and the log reads the outputs and plans once instead of once per format).
   * @default none
   */
  readonly also?: string[];
}

const FORMATS = ['markdown', 'text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function registerReviewCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('review')
    .description(
      'review the change from a base to a head output: BLOCK, WARN, MOVE and SAFE findings, contract changes and access changes; exit 2 on an unacknowledged BLOCK or a failed plan',
    )
    .option('--base <dir>', 'the base output: a cdktf.out directory written by topicform synth')
    .option('--head <dir>', 'the head output (default: cdktf.out when --base is given)')
    .option('--base-ref <ref>', 'synthesize the base from this git ref instead, e.g. origin/main')
    .option('--head-ref <ref>', 'synthesize the head from this git ref instead, e.g. HEAD')
    .option('--plan <[stack=]file>', '`terraform show -json <planfile>` of a head stack (repeatable; the stack may be left out when there is one)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--acknowledgements <file>', `reviewed acknowledgements of blocking findings (default: ${ACKNOWLEDGEMENTS_FILE} of the head, when present)`)
    .option('-o, --output <file>', 'write the review to a file instead of stdout')
    .option('--app <file>', 'the app each git ref is synthesized with', 'main.ts')
    .option('--details-url <url>', 'where the full review is (e.g. the CI run): a Markdown comment that leaves something out for size names it')
    .option('--plan-failed <stack>', 'terraform plan of this head stack failed (repeatable): the review says so and blocks', collect, [])
    .option('--stack <name>', 'review only this stack of both outputs (repeatable), for a CI that plans and comments per stack', collect, [])
    .option('--also <format=file>', 'also write the same review in another format (markdown, text or json) to a file (repeatable)', collect, [])
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  topicform review --base base.out --head cdktf.out --format markdown --output review.md',
        '  topicform review --base-ref origin/main --head-ref HEAD',
        '  topicform review --base-ref origin/main --head cdktf.out --plan dev=plan-dev.json --plan prod=plan-prod.json',
        '  topicform review --base base.out --head cdktf.out --format markdown --output comment.md --also json=review.json --also text=review.txt',
        '',
        'Exit codes: 0 nothing blocking, 2 an unacknowledged BLOCK finding or a failed plan (--plan-failed), 1 a usage or input error.',
      ].join('\n'),
    )
    .action((options: ReviewOptions) => {
      setExitCode(runReview(options));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--also json=review.json`: checked before the review runs, so a typo costs no synth or parse. */
function parseAlso(arg: string): { format: Format; file: string } {
  const eq = arg.indexOf('=');
  const format = arg.slice(0, Math.max(eq, 0));
  const file = arg.slice(eq + 1);
  if (eq <= 0 || file === '' || !(FORMATS as readonly string[]).includes(format)) {
    throw new ReviewInputError(`--also ${arg}`, `give <format>=<file>, the format one of ${FORMATS.join(', ')} (e.g. --also json=review.json)`);
  }
  return { format: format as Format, file };
}

/** Runs the review and writes it; returns the exit code. Errors in the input are printed, never thrown. */
export function runReview(
  options: ReviewOptions,
  io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WriteStream | NodeJS.WritableStream; cwd?: string } = {},
): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const cwd = io.cwd ?? process.cwd();
  const progress = (line: string): void => {
    if ((stderr as NodeJS.WriteStream).isTTY === true) stderr.write(`${line}\n`);
  };
  const workspace = new RefWorkspace(cwd, progress, 'review', (line) => stderr.write(`${line}\n`));
  try {
    const also = (options.also ?? []).map(parseAlso);
    const result = reviewFromOptions(options, cwd, workspace);
    const markdownOptions = options.detailsUrl === undefined ? {} : { fullReviewUrl: options.detailsUrl };
    const render = (format: Format): string =>
      format === 'json' ? renderJson(result) : format === 'markdown' ? renderMarkdown(result, markdownOptions) : renderText(result);
    const report = render(options.format);
    if (options.output === undefined) stdout.write(report);
    else writeFileAtomic(resolve(cwd, options.output), report);
    for (const { format, file } of also) writeFileAtomic(resolve(cwd, file), format === options.format ? report : render(format));
    return result.summary.blocking > 0 || result.summary.failedPlans > 0 ? REVIEW_EXIT.blocking : REVIEW_EXIT.ok;
  } catch (error) {
    const message = error instanceof ReviewInputError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    stderr.write(`topicform review: ${message}\n`);
    return REVIEW_EXIT.input;
  } finally {
    workspace.dispose();
  }
}

function reviewFromOptions(options: ReviewOptions, cwd: string, workspace: RefWorkspace): ReviewResult {
  if (options.base !== undefined && options.baseRef !== undefined) throw new ReviewInputError('--base', 'give --base <dir> or --base-ref <ref>, not both');
  if (options.head !== undefined && options.headRef !== undefined) throw new ReviewInputError('--head', 'give --head <dir> or --head-ref <ref>, not both');
  if (options.base === undefined && options.baseRef === undefined) {
    throw new ReviewInputError(
      '--base',
      'missing: give the base output with --base <dir> (a cdktf.out directory) or --base-ref <ref> (a git ref to synthesize)',
    );
  }

  const base: Side =
    options.baseRef !== undefined
      ? workspace.synthesizeRef('base', options.baseRef, options.app)
      : { dir: resolve(cwd, options.base ?? ''), label: options.base ?? '' };
  const headDir = options.head ?? 'cdktf.out';
  const head: Side =
    options.headRef !== undefined ? workspace.synthesizeRef('head', options.headRef, options.app) : { dir: resolve(cwd, headDir), label: headDir };

  const only = options.stack ?? [];
  // The base's texts are kept for the head's reading, and its parsed stacks for the head's parse: a byte-identical stack
  // is read, decoded and parsed once (cli/shared-texts.ts, review/parse.ts).
  const texts = new SharedTexts();
  const baseFiles = readOutputFiles(base.dir, base.label, only, texts);
  const baseSnapshot = parseOutput(base.label, baseFiles);
  const headSnapshot = parseOutput(head.label, readOutputFiles(head.dir, head.label, only, texts), { files: baseFiles, snapshot: baseSnapshot });
  const unknown = only.filter((s) => !headSnapshot.stacks.has(s) && !baseSnapshot.stacks.has(s));
  if (unknown.length > 0) throw new ReviewInputError(`--stack ${unknown.join(', ')}`, `no such stack in ${head.label} or ${base.label}`);
  const plans = options.plan.map((arg) => readPlan(arg, cwd, headSnapshot));
  const acknowledgements = readAcknowledgements(options.acknowledgements, cwd, head.tree);
  return review({ base: baseSnapshot, head: headSnapshot, plans, acknowledgements, failedPlans: options.planFailed ?? [] });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the inputs

/** A synthesized output directory: `stacks/<stack>/cdk.tf.json` and `stacks/<stack>/topology.json` (only `only`'s stacks when given). */
export function readOutput(dir: string, label: string, only: readonly string[] = []): Snapshot {
  return parseOutput(label, readOutputFiles(dir, label, only));
}

/** The files of `readOutput`; `texts` shares a byte-identical file's string with the other side's reading. */
function readOutputFiles(dir: string, label: string, only: readonly string[], texts: SharedTexts = new SharedTexts()): StackFiles[] {
  if (!existsSync(dir)) throw new ReviewInputError(label, 'no such directory');
  if (!statSync(dir).isDirectory()) throw new ReviewInputError(label, 'is not a directory: give a cdktf.out directory written by topicform synth');
  const stacksDir = join(dir, 'stacks');
  if (!existsSync(stacksDir) || !statSync(stacksDir).isDirectory()) {
    throw new ReviewInputError(label, 'has no stacks/ directory: give a cdktf.out directory written by topicform synth');
  }
  const stacks: StackFiles[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    if (only.length > 0 && !only.includes(name)) continue;
    const stackDir = join(stacksDir, name);
    if (!statSync(stackDir).isDirectory()) continue;
    const terraform = join(stackDir, 'cdk.tf.json');
    const topology = join(stackDir, 'topology.json');
    const shown = (file: string): string => `${label}/stacks/${name}/${file}`;
    const hasTerraform = existsSync(terraform);
    const hasTopology = existsSync(topology);
    // A directory with neither file is what synth leaves of a stack it no longer writes (terraform's files stay).
    if (!hasTerraform && !hasTopology) continue;
    if (!hasTerraform) throw new ReviewInputError(shown('cdk.tf.json'), 'missing: the stack has a topology.json but no Terraform JSON');
    if (!hasTopology) {
      throw new ReviewInputError(
        shown('topology.json'),
        'missing: topicform synth writes the Topology beside cdk.tf.json; synthesize this output again with topicform synth',
      );
    }
    stacks.push({
      stack: name,
      terraform: { file: shown('cdk.tf.json'), text: texts.read(`${name}/cdk.tf.json`, terraform) },
      topology: { file: shown('topology.json'), text: texts.read(`${name}/topology.json`, topology) },
    });
  }
  return stacks;
}

const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `--plan dev=plan.json`, or `--plan plan.json` when the head has a single stack. */
function readPlan(arg: string, cwd: string, head: Snapshot): PlanSnapshot {
  const eq = arg.indexOf('=');
  const named = eq > 0 && STACK_NAME.test(arg.slice(0, eq));
  const file = named ? arg.slice(eq + 1) : arg;
  const stacks = [...head.stacks.keys()].sort();
  let stack: string;
  if (named) {
    stack = arg.slice(0, eq);
    if (!head.stacks.has(stack)) {
      throw new ReviewInputError(`--plan ${arg}`, `unknown stack "${stack}": the head output has ${stacks.join(', ') || 'no stacks'}`);
    }
  } else if (stacks.length === 1 && stacks[0] !== undefined) {
    stack = stacks[0];
  } else {
    throw new ReviewInputError(
      `--plan ${arg}`,
      `name the stack the plan is for, e.g. --plan ${stacks[0] ?? 'dev'}=${file} (plan JSON does not say which stack it belongs to); the head output has ${stacks.join(', ')}`,
    );
  }
  const path = resolve(cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new ReviewInputError(file, 'no such file (the plan given with --plan)');
  return parsePlan(stack, { file, text: readFileSync(path, 'utf8') });
}

function readAcknowledgements(option: string | undefined, cwd: string, headTree: string | undefined): Acknowledgement[] {
  if (option !== undefined) {
    const path = resolve(cwd, option);
    if (!existsSync(path)) throw new ReviewInputError(option, 'no such file (the acknowledgements given with --acknowledgements)');
    return parseAcknowledgements({ file: option, text: readFileSync(path, 'utf8') });
  }
  // The head's own file: it is part of the change under review.
  const path = join(headTree ?? cwd, ACKNOWLEDGEMENTS_FILE);
  if (!existsSync(path)) return [];
  return parseAcknowledgements({ file: ACKNOWLEDGEMENTS_FILE, text: readFileSync(path, 'utf8') });
}
