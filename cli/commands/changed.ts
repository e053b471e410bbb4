/**
 * `topicform changed (--base <dir> | --base-ref <ref>) [--head cdktf.out] [--format text|json]`: the stacks of the head
 * output whose Terraform differs from the base's, for CI to plan only those (guard/stack-changes.ts has the rule:
 * byte-identical cdk.tf.json, or the same once `//` comments and key order are set aside, does not plan).
 *
 * Where the base comes from decides what a change of dependencies means:
 * - `--base <dir>`: an output synthesized from the base commit with the base's own lockfile (the GitHub review workflow
 *   does this, `npm ci` on the default branch). Both sides show their own topicform, so the outputs alone decide: an
 *   upgrade that changes no stack's Terraform plans nothing.
 * - `--base-ref <ref>`: the ref's declarations synthesized here with this checkout's node_modules (cli/synth-ref.ts,
 *   as `topicform atlantis --base-ref` does). That base cannot show what a different lockfile would change, so when
 *   package-lock.json differs from the ref every stack plans.
 *
 * Exit codes: 0 listed (whether or not anything changed), 1 an input error (no output, unknown ref, failed synth).
 */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { compareStacks, type StackChanges } from '../../guard/stack-changes';
import { ReviewInputError } from '../../review/errors';
import { InputError } from '../read-output';
import { lockfileReason, readStackTexts } from '../stack-changes';
import { RefWorkspace } from '../synth-ref';
import type { CommandIo } from './access';
import { writeFileAtomic } from '../write';

export interface ChangedOptions {
  readonly base?: string;
  readonly baseRef?: string;
  /** Keep the output `--base-ref` synthesizes here (replaced only once the synth succeeded). @default a temporary directory */
  readonly baseOut?: string;
  /** @default 'cdktf.out' */
  readonly head?: string;
  /** @default 'main.ts' */
  readonly app?: string;
  /** @default 'text' */
  readonly format?: 'text' | 'json';
  readonly output?: string;
}

/** The JSON report: what was compared, every stack with its verdict, and the stacks to plan. */
export interface ChangedReport extends StackChanges {
  readonly base: string;
  readonly head: string;
}

export function registerChangedCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  return program
    .command('changed')
    .description("list the stacks whose Terraform differs from the base's: the ones CI plans (an unchanged stack's plan would show nothing)")
    .option('--base <dir>', "the base output, synthesized from the base commit with the base's own lockfile (as the GitHub review workflow does)")
    .option(
      '--base-ref <ref>',
      "synthesize the base from this git ref with this checkout's dependencies; a package-lock.json that differs from it plans every stack",
    )
    .option('--base-out <dir>', 'with --base-ref: keep the base output in this directory (default: a temporary one, removed)')
    .option('--head <dir>', 'the head output', 'cdktf.out')
    .option('--app <file>', 'with --base-ref: the module exporting buildApp(outdir) at the ref', 'main.ts')
    .addOption(new Option('-f, --format <format>', 'text for people, json for CI').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  topicform changed --base base --head head --format json          # {"plan": ["prod-orders"], "stacks": [...]}',
        '  topicform changed --base-ref origin/main --format json | jq -c .plan',
        '',
        "A stack is unchanged when its cdk.tf.json is byte-identical to the base's, or the same JSON once `//` comments",
        "(cdktf's metadata: its version, the stack name) and key order are set aside: terraform reads neither. Each stack",
        'is reported as changed, new, unchanged or removed (only in the base), with the reason; `plan` lists the changed',
        'and new ones. Exit codes: 0 listed, 1 an input error.',
      ].join('\n'),
    )
    .action((options: ChangedOptions) => {
      setExitCode(runChanged(options, io));
    });
}

export function runChanged(options: ChangedOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const fail = (message: string): number => {
    stderr.write(`topicform changed: ${message}\n`);
    return 1;
  };
  if ((options.base === undefined) === (options.baseRef === undefined)) return fail('give the base as --base <dir> or --base-ref <ref> (one of them)');
  if (options.baseOut !== undefined && options.baseRef === undefined) return fail('--base-out keeps the output of --base-ref: give --base-ref too');
  const headShown = options.head ?? 'cdktf.out';
  const head = { dir: resolve(cwd, headShown), shown: headShown };
  let report: ChangedReport;
  const workspace = new RefWorkspace(cwd, (line) => stderr.write(`${line}\n`), 'changed');
  try {
    // The head is read first: a missing one is reported before minutes go into the base's synth.
    const headStacks = readStackTexts(head.dir, head.shown);
    if (options.base !== undefined) {
      report = { base: options.base, head: headShown, ...compareStacks(readStackTexts(resolve(cwd, options.base), options.base), headStacks) };
    } else {
      const ref = options.baseRef as string;
      const side = workspace.synthesizeRef('base', ref, options.app ?? 'main.ts', options.baseOut === undefined ? undefined : resolve(cwd, options.baseOut));
      const everyStack = lockfileReason(ref, cwd);
      report = { base: ref, head: headShown, ...compareStacks(readStackTexts(side.dir, ref), headStacks, everyStack === undefined ? {} : { everyStack }) };
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ReviewInputError) return fail(error.message);
    throw error;
  } finally {
    workspace.dispose();
  }
  const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderChanged(report);
  if (options.output === undefined) stdout.write(text);
  else writeFileAtomic(resolve(cwd, options.output), text);
  return 0;
}

/** The report for people: a count, then each stack with its verdict and why. */
export function renderChanged(report: ChangedReport): string {
  const inHead = report.stacks.filter((s) => s.change !== 'removed').length;
  const lines = [`topicform changed: ${report.plan.length} of ${inHead} stack${inHead === 1 ? '' : 's'} of ${report.head} to plan (base ${report.base})`];
  for (const s of report.stacks) lines.push(`  ${s.stack}: ${s.change} (${s.reason})`);
  return `${lines.join('\n')}\n`;
}
