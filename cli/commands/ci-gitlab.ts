/**
 * `topicform ci gitlab-stacks|gitlab-apply|gitlab-note`: the parts of the GitLab pipeline that depend on the stacks or
 * decide something, so the YAML only fetches and runs (docs/ci-gitlab.md).
 *
 * - `gitlab-stacks [--check]`: writes `.gitlab/topicform-stacks.yml`, the per-stack plan and drift jobs
 *   (pipeline/gitlab-pipeline.ts); `--check` exits 1 when it no longer matches the stacks.
 * - `gitlab-apply --plans <dir> --pipeline <id> --output <file>`: the apply child pipeline for the plans summarized
 *   in `<dir>` (what `topicform plan summary --format json` wrote); exit 1 when a plan failed or was refused.
 * - `gitlab-note --notes <file> --bot <username> --commit <sha>`: prints `skip <id>`, `create` or `update <id>` for the
 *   review note of a merge request (only the bot's own marked note is ever updated); with `--review <file> --output
 *   <file>` also writes the note's body.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { GITLAB_STACKS_FILE, GITLAB_STACKS_HEADER, gitlabApplyPipeline, gitlabStackJobs, type GitlabStack } from '../../pipeline/gitlab-pipeline';
import { noteAction, noteBody, type GitlabNote } from '../../pipeline/gitlab-note';
import { listPlans, type PlanSummary } from '../../pipeline/plan-summary';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { InputError, readInputFile, readJsonFile } from '../read-output';
import { loadStacks } from '../stacks';
import { writeFileAtomic } from '../write';
import type { CommandIo } from './access';
import { records } from './ci';

const YAML_OPTIONS = { version: '1.2', lineWidth: 0 } as const;

/** The content of `.gitlab/topicform-stacks.yml` for these stacks. */
export function renderGitlabStacks(stacks: readonly GitlabStack[]): string {
  return `${GITLAB_STACKS_HEADER.join('\n')}\n${stringify(gitlabStackJobs(stacks), YAML_OPTIONS)}`;
}

export function registerGitlabCommands(ci: Command, setExitCode: (code: number) => void, io: CommandIo = {}): void {
  ci.command('gitlab-stacks')
    .description(`write ${GITLAB_STACKS_FILE}: the per-stack plan and drift jobs the GitLab pipeline includes`)
    .option('--check', 'write nothing; exit 1 when the file is missing or stale (for CI)', false)
    .option('-o, --output <file>', 'the file', GITLAB_STACKS_FILE)
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: { check: boolean; output: string; app: string }) => setExitCode(runGitlabStacks(loadAppBuilder(options.app), options, io)));
  ci.command('gitlab-apply')
    .description('write the apply child pipeline: a job per stack whose saved plan has changes, non-production first')
    .requiredOption('--plans <dir>', "the plan jobs' JSON summaries (any depth)")
    .requiredOption('--pipeline <id>', 'the id of the pipeline whose plan jobs saved the plans ($CI_PIPELINE_ID)')
    .requiredOption('-o, --output <file>', 'the child pipeline YAML')
    .addHelpText('after', '\nExit codes: 0 written, 1 a plan failed or was refused (nothing may be applied), or an unreadable input.')
    .action((options: { plans: string; pipeline: string; output: string }) => setExitCode(runGitlabApply(options, io)));
  ci.command('gitlab-note')
    .description("decide what to do with a merge request's review note: skip (this commit is reviewed), create, or update the bot's own marked note")
    .requiredOption('--notes <file>', 'GET /projects/:id/merge_requests/:iid/notes: the JSON answer (an array)')
    .requiredOption('--bot <username>', 'the username of the token that posts the review (only its notes are updated)')
    .requiredOption('--commit <sha>', "the merge request's head commit the review is of")
    .option('--review <file>', 'the rendered review (topicform review --format markdown), to write the note body from')
    .option('-o, --output <file>', 'where to write the note body (with --review)')
    .addHelpText('after', '\nPrints one line: `skip <note id>`, `create`, or `update <note id>`. Exit 1 on an unreadable input.')
    .action((options: { notes: string; bot: string; commit: string; review?: string; output?: string }) => setExitCode(runGitlabNote(options, io)));
}

export function runGitlabStacks(buildApp: AppBuilder, options: { check: boolean; output?: string }, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const { stacks, errors } = loadStacks(buildApp);
  if (errors.length > 0) {
    for (const line of errors) stderr.write(`${line}\n`);
    stderr.write(`topicform ci gitlab-stacks: ${errors.length} error(s) in the declarations; fix them first\n`);
    return 1;
  }
  const content = renderGitlabStacks(stacks.map((s) => ({ stack: s.node.id, production: s.topology?.environment.production ?? true })));
  const output = options.output ?? GITLAB_STACKS_FILE;
  const target = resolve(cwd, output);
  if (options.check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === content) {
      stdout.write(`${output} is up to date\n`);
      return 0;
    }
    stderr.write(
      `topicform ci gitlab-stacks: ${output} is ${current === undefined ? 'missing' : 'stale: it no longer matches the stacks'}; run \`topicform ci gitlab-stacks\` and commit it\n`,
    );
    return 1;
  }
  stdout.write(writeFileAtomic(target, content) ? `wrote ${output}\n` : `${output} is up to date\n`);
  return 0;
}

export function runGitlabApply(options: { plans: string; pipeline: string; output: string }, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  try {
    const root = resolve(cwd, options.plans);
    const summaries = existsSync(root) ? summaryFiles(root).map((f) => readJsonFile(f, f) as PlanSummary) : [];
    const list = listPlans(summaries);
    if (list.failed.length + list.refused.length > 0) {
      stderr.write(
        `topicform ci gitlab-apply: ${[...list.failed.map((s) => `the plan of ${s} failed`), ...list.refused.map((s) => `the plan of ${s} is refused`)].join('; ')}: nothing is applied\n`,
      );
      return 1;
    }
    let pipeline;
    try {
      pipeline = gitlabApplyPipeline(list, options.pipeline);
    } catch (error) {
      throw new InputError(error instanceof Error ? error.message : String(error));
    }
    writeFileAtomic(resolve(cwd, options.output), stringify(pipeline, YAML_OPTIONS));
    const stacks = [...list.nonproduction, ...list.production];
    stdout.write(stacks.length === 0 ? 'topicform ci gitlab-apply: no stack has changes\n' : `topicform ci gitlab-apply: ${stacks.join(', ')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform ci gitlab-apply: ${error.message}\n`);
    return 1;
  }
}

export function runGitlabNote(
  options: { notes: string; bot: string; commit: string; review?: string; output?: string },
  io: CommandIo = {},
  cwd = process.cwd(),
): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  try {
    if ((options.review === undefined) !== (options.output === undefined)) throw new InputError('--review and --output go together');
    const notes = records(resolve(cwd, options.notes), options.notes, 'notes') as GitlabNote[];
    const action = noteAction(notes, options.bot, options.commit);
    if (options.review !== undefined && options.output !== undefined) {
      let body: string;
      try {
        body = noteBody(readInputFile(resolve(cwd, options.review), options.review), options.commit);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`${options.review}: ${error instanceof Error ? error.message : String(error)}`);
      }
      writeFileAtomic(resolve(cwd, options.output), body);
    }
    stdout.write(`${action.action === 'create' ? 'create' : `${action.action} ${action.noteId}`}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform ci gitlab-note: ${error.message}\n`);
    return 1;
  }
}

function summaryFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? summaryFiles(full) : entry === 'summary.json' ? [full] : [];
    });
}
