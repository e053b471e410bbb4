/**
 * `topicform guard [--base <output dir>] [--untrusted] [--remote-backend] <stack dir | output dir>...`: refuses a
 * synthesized output that holds anything topicform does not write (guard/), before terraform runs on it with
 * credentials. Run it from trusted code (the default branch's checkout) over the output as data.
 *
 * Exit codes: 0 every stack holds only what topicform writes (and, with --base, has the base's settings); 2 the output
 * holds only what topicform writes, but some stacks' settings differ from the base: review may read it, those stacks
 * are not planned; 1 anything else refused (each violation is printed with its file, JSON path and reason code) or an
 * input error.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { GUARD_CODES, SETTINGS_CODES } from '../../guard/codes';
import { guard } from '../../guard/guard';
import type { GuardInput, GuardResult, GuardStack } from '../../guard/types';
import { renderGuardComment } from '../../review/render/guard-comment';
import { entryKind, isOutputDirectory, listEntries, InputError, readOutputStacks, readRegularFile } from '../read-output';
import { SharedTexts } from '../shared-texts';
import type { CommandIo } from './access';
import { writeFileAtomic } from '../write';

export interface GuardOptions {
  readonly base?: string;
  readonly untrusted?: boolean;
  readonly remoteBackend?: boolean;
  /** `markdown`: the pull-request comment of a refused output (review/render/guard-comment.ts). @default 'text' */
  readonly format?: 'text' | 'json' | 'markdown';
  readonly output?: string;
  /** Where the full report is (the CI run), named by a Markdown comment that leaves violations out. */
  readonly detailsUrl?: string;
}

/** Exit codes (module comment). */
export const GUARD_EXIT = { ok: 0, refused: 1, settingsDiffer: 2 } as const;

export function registerGuardCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  return program
    .command('guard')
    .description('refuse a synthesized output that holds anything topicform does not write, before terraform runs on it with credentials')
    .argument('<dirs...>', 'stack directories (cdktf.out/stacks/<stack>), or output directories whose stacks/ are all checked')
    .option(
      '--base <dir>',
      "the base output (the default branch's own synth): a stack whose backend, provider settings, variables or required providers differ from it is not planned (exit 2)",
    )
    .option('--untrusted', "the output comes from another job: terraform's .terraform/ and lock file are refused too", false)
    .option('--remote-backend', 'refuse a local or missing backend (CI: the state would be lost with the runner)', false)
    .addOption(
      new Option('-f, --format <format>', 'output format (markdown: the pull-request comment of a refused output)')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--details-url <url>', 'where the full report is (e.g. the CI run): a Markdown comment that leaves violations out for size names it')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  topicform guard cdktf.out',
        '  topicform guard --untrusted --remote-backend --base out/base --format json --output guard.json out/head',
        '',
        'The JSON report lists each stack with environment, production, changed (its Terraform JSON differs from the',
        "base's) and new, and `plan`, the stacks CI may plan. Exit codes: 0 nothing refused; 2 only settings differ",
        `from the base (${SETTINGS_CODES.join(', ')}): the output may be reviewed, those stacks are not planned;`,
        '1 anything else refused, or an input error.',
        '',
        'Reason codes:',
        ...Object.entries(GUARD_CODES).map(([code, why]) => `  ${code}: ${why}`),
      ].join('\n'),
    )
    .action((dirs: string[], options: GuardOptions) => {
      setExitCode(runGuard(dirs, options, io));
    });
}

export function runGuard(dirs: readonly string[], options: GuardOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let result: GuardResult;
  try {
    result = guard(readInput(dirs, options, cwd));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform guard: ${error.message}\n`);
    return 1;
  }
  const report =
    options.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : options.format === 'markdown'
        ? renderGuardComment(result, options.detailsUrl === undefined ? {} : { fullReviewUrl: options.detailsUrl })
        : renderText(result);
  if (options.output === undefined) stdout.write(report);
  else writeFileAtomic(resolve(cwd, options.output), report);
  if (options.output !== undefined && options.format !== undefined && options.format !== 'text') stderr.write(renderText(result));
  return result.ok ? GUARD_EXIT.ok : result.reviewable ? GUARD_EXIT.settingsDiffer : GUARD_EXIT.refused;
}

function readInput(dirs: readonly string[], options: GuardOptions, cwd: string): GuardInput {
  if (dirs.length === 0) throw new InputError('give at least one stack or output directory');
  const stacks: GuardStack[] = [];
  const strays: string[] = [];
  // The head's texts are kept for the base's reading: a byte-identical file is decoded once, one string for both.
  const texts = new SharedTexts();
  for (const dir of dirs) {
    const full = resolve(cwd, dir);
    if (!existsSync(full) && entryKind(full) !== 'symlink') throw new InputError(`${dir}: no such directory`);
    if (entryKind(full) !== 'directory') {
      throw new InputError(`${dir}: not a directory${entryKind(full) === 'symlink' ? ' (a symbolic link is never followed)' : ''}`);
    }
    if (isOutputDirectory(full)) {
      for (const entry of listEntries(join(full, 'stacks'))) {
        const shown = `${dir.replace(/\/+$/, '')}/stacks/${entry.name}`;
        if (entry.kind === 'directory') stacks.push(readStack(join(full, 'stacks', entry.name), shown, texts));
        else strays.push(shown);
      }
    } else {
      stacks.push(readStack(full, dir.replace(/\/+$/, ''), texts));
    }
  }
  const seen = new Set<string>();
  for (const s of stacks) {
    if (seen.has(s.stack)) throw new InputError(`stack ${s.stack} is given twice (${s.directory})`);
    seen.add(s.stack);
  }
  const base = options.base === undefined ? undefined : { label: options.base, stacks: readOutputStacks(resolve(cwd, options.base), options.base, texts) };
  return {
    stacks,
    strays,
    ...(base === undefined ? {} : { base }),
    options: { untrusted: options.untrusted === true, remoteBackend: options.remoteBackend === true },
  };
}

function readStack(dir: string, shown: string, texts: SharedTexts): GuardStack {
  const name = basename(dir);
  const terraform = readRegularFile(join(dir, 'cdk.tf.json'), (path) => texts.read(`${name}/cdk.tf.json`, path));
  const topology = readRegularFile(join(dir, 'topology.json'), (path) => texts.read(`${name}/topology.json`, path));
  return {
    stack: name,
    directory: shown,
    entries: listEntries(dir),
    ...(terraform === undefined ? {} : { terraform }),
    ...(topology === undefined ? {} : { topology }),
  };
}

export function renderText(result: GuardResult): string {
  const lines: string[] = [];
  const n = result.stacks.length;
  if (result.ok) {
    lines.push(`topicform guard: ${n} stack${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} only what topicform writes`);
    const state = (s: GuardResult['stacks'][number]): string => (result.base === null ? '' : s.new ? ': new' : s.changed ? ': changed' : ': unchanged');
    for (const s of result.stacks) lines.push(`  ${s.stack}${state(s)}${s.production === true ? ' (production)' : ''}`);
  } else {
    for (const v of result.violations) lines.push(`${v.file}: ${v.path === '' ? '' : `${v.path}: `}${v.message} [${v.code}]`);
    const stacks = new Set(result.violations.map((v) => v.stack).filter((s) => s !== ''));
    const counted = `${result.violations.length} violation${result.violations.length === 1 ? '' : 's'} in ${stacks.size} of ${n} stack${n === 1 ? '' : 's'}`;
    if (result.reviewable) {
      lines.push(
        `topicform guard: settings differ from the base — ${counted}; the output holds only what topicform writes, so review may read it, but terraform must not run on ${[...stacks].sort().join(', ')} before the change is merged`,
      );
    } else {
      lines.push(`topicform guard: refused — ${counted}; terraform must not run on this output`);
    }
  }
  return `${lines.join('\n')}\n`;
}
