/**
 * `topicform ci environments`: checks, before any job uses them, that the GitHub environments a role needs exist,
 * let only the default branch deploy, and (production apply) have required reviewers (pipeline/github-environments.ts).
 * The workflow fetches the API's answers with its own token; this command reads them as data and never calls out.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { checkEnvironments, ENVIRONMENT_ROLES, requirementsFor } from '../../pipeline/github-environments';
import { checkGitlabEnvironments } from '../../pipeline/gitlab-environments';
import type { GitlabProtectedEnvironment } from '../../pipeline/gitlab-environments';
import type { BranchPolicy, EnvironmentRole, GithubEnvironment } from '../../pipeline/github-environments';
import type { GuardResult } from '../../guard/types';
import { InputError, readInputFile, readJsonFile } from '../read-output';
import type { CommandIo } from './access';
import { registerGitlabCommands } from './ci-gitlab';

export interface CiEnvironmentsOptions {
  readonly role: EnvironmentRole;
  readonly guard: string;
  /** GitHub: GET /repos/{owner}/{repo}/environments. One of github and gitlab. */
  readonly github?: string;
  /** GitLab: GET /projects/:id/protected_environments. One of github and gitlab. */
  readonly gitlab?: string;
  readonly branchPolicies?: string;
  readonly branch: string;
  readonly changedOnly?: boolean;
  readonly plannable?: boolean;
}

export function registerCiCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  const ci = program.command('ci').description('checks and generated jobs for CI platforms (GitHub Actions, GitLab CI)');
  ci.command('environments')
    .description(
      'check that the environments a job role needs exist and are protected: GitHub (deploy only from the default branch; production apply: required reviewers) or GitLab (protected; production apply: required approvals)',
    )
    .addOption(
      new Option('--role <role>', 'which jobs: plan (topicform-plan-<stack>), apply (topicform-<stack>), drift (topicform-drift-<stack>)')
        .choices(Object.keys(ENVIRONMENT_ROLES))
        .makeOptionMandatory(),
    )
    .requiredOption('--guard <file>', 'the JSON report of topicform guard: the stacks, and which are production')
    .option('--github <file>', 'GitHub: GET /repos/{owner}/{repo}/environments: the JSON answer, an array, or one environment per line')
    .option('--gitlab <file>', 'GitLab: GET /projects/:id/protected_environments: the JSON answer (an array), or one environment per line')
    .option('--branch-policies <file>', 'deployment branch policies of environments with custom rules: one {environment, name, type} per line')
    .option('--branch <name>', 'the only branch that may deploy', 'main')
    .option('--changed-only', 'only the stacks the guard report marks changed', false)
    .option('--plannable', 'only the stacks the guard report lists in `plan` (a pull request plans those)', false)
    .addHelpText('after', '\nExit codes: 0 every environment is there and protected, 1 a problem (each is printed) or an unreadable input.')
    .action((options: CiEnvironmentsOptions) => setExitCode(runCiEnvironments(options, io)));
  registerGitlabCommands(ci, setExitCode, io);
  return ci;
}

export function runCiEnvironments(options: CiEnvironmentsOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  try {
    const guard = readJsonFile(resolve(cwd, options.guard), options.guard) as GuardResult;
    if (!Array.isArray(guard.stacks)) throw new InputError(`${options.guard}: not a topicform guard JSON report (no stacks)`);
    const plan = new Set(Array.isArray(guard.plan) ? guard.plan : []);
    const stacks = guard.stacks.filter(
      (s: GuardResult['stacks'][number]) => (options.changedOnly !== true || s.changed) && (options.plannable !== true || plan.has(s.stack)),
    );
    if ((options.github === undefined) === (options.gitlab === undefined)) {
      throw new InputError('give the environments of one CI: --github <file> or --gitlab <file>');
    }
    const requirements = requirementsFor(options.role, stacks);
    let result;
    if (options.gitlab !== undefined) {
      result = checkGitlabEnvironments(
        records(resolve(cwd, options.gitlab), options.gitlab, 'protected_environments') as GitlabProtectedEnvironment[],
        requirements,
      );
    } else {
      const github = options.github ?? '';
      const environments = records(resolve(cwd, github), github, 'environments') as GithubEnvironment[];
      const policies =
        options.branchPolicies === undefined
          ? []
          : (records(resolve(cwd, options.branchPolicies), options.branchPolicies, 'branch_policies') as BranchPolicy[]);
      result = checkEnvironments(environments, policies, requirements, options.branch);
    }
    for (const w of result.warnings) stderr.write(`warning: ${w}\n`);
    if (!result.ok) {
      for (const p of result.problems) stderr.write(`error: ${p}\n`);
      stderr.write(
        `topicform ci environments: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing may use these environments until they are fixed\n`,
      );
      return 1;
    }
    stdout.write(
      `topicform ci environments: ${stacks.length} ${options.role} environment(s) exist and ${options.gitlab === undefined ? `deploy only from ${options.branch}` : 'are protected'}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform ci environments: ${error.message}\n`);
    return 1;
  }
}

/** A JSON answer `{ <key>: [...] }`, a JSON array, or one JSON object per line (what `gh api --jq '.x[]'` prints). */
export function records(path: string, shown: string, key: string): unknown[] {
  const text = readInputFile(path, shown).trim();
  if (text === '') return [];
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value)) return value as unknown[];
    if (typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>)[key])) {
      return (value as Record<string, unknown[]>)[key] ?? [];
    }
    return [value];
  } catch {
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          throw new InputError(`${shown}: line ${i + 1} is not JSON`);
        }
      });
  }
}
