// The environment check refuses what GitHub would otherwise allow silently: a missing environment (created
// unprotected on first use), any branch deploying, custom rules beyond the default branch, and a production apply
// without required reviewers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCiEnvironments } from '../../cli/commands/ci';
import { checkEnvironments, requirementsFor } from '../../pipeline/github-environments';
import type { GithubEnvironment } from '../../pipeline/github-environments';

const mainOnly = { protected_branches: false, custom_branch_policies: true };
const reviewers = { type: 'required_reviewers', reviewers: [{ type: 'Team', reviewer: { slug: 'platform' } }], prevent_self_review: true };
const env = (name: string, extra: Partial<GithubEnvironment> = {}): GithubEnvironment => ({
  name,
  deployment_branch_policy: mainOnly,
  protection_rules: [],
  ...extra,
});
const policy = (environment: string, name = 'main') => ({ environment, name, type: 'branch' });
const STACKS = [
  { stack: 'dev', production: false },
  { stack: 'prod-orders', production: true },
];

describe('checkEnvironments', () => {
  it('accepts existing environments limited to main, with reviewers on production apply', () => {
    const envs = [env('topicform-dev'), env('topicform-prod-orders', { protection_rules: [reviewers] })];
    const result = checkEnvironments(envs, [policy('topicform-dev'), policy('topicform-prod-orders')], requirementsFor('apply', STACKS), 'main');
    expect(result).toEqual({ ok: true, problems: [], warnings: [] });
  });

  it('refuses a missing environment, any-branch deployment, extra branch rules and a production apply without reviewers', () => {
    const envs = [env('topicform-dev', { deployment_branch_policy: null }), env('topicform-prod-orders')];
    const apply = checkEnvironments(
      envs,
      [policy('topicform-prod-orders'), policy('topicform-prod-orders', 'feature/*')],
      [...requirementsFor('apply', STACKS), { environment: 'topicform-qa', reviewers: false }],
      'main',
    );
    expect(apply.ok).toBe(false);
    expect(apply.problems).toEqual([
      expect.stringMatching(/^environment topicform-dev lets every branch deploy: a pull request's workflow could use its secrets/),
      expect.stringMatching(/^environment topicform-prod-orders also lets branch "feature\/\*" deploy/),
      expect.stringMatching(/^environment topicform-prod-orders has no required reviewers/),
      expect.stringMatching(/^environment topicform-qa does not exist: GitHub would create it unprotected on first use/),
    ]);
  });

  it('needs no reviewers on plan and drift environments, and warns when a production approver may approve their own run', () => {
    expect(requirementsFor('plan', STACKS).map((r) => [r.environment, r.reviewers])).toEqual([
      ['topicform-plan-dev', false],
      ['topicform-plan-prod-orders', false],
    ]);
    const selfReview = checkEnvironments(
      [env('topicform-prod-orders', { protection_rules: [{ ...reviewers, prevent_self_review: false }] })],
      [policy('topicform-prod-orders')],
      requirementsFor('apply', [STACKS[1] ?? { stack: '', production: true }]),
      'main',
    );
    expect(selfReview.ok).toBe(true);
    expect(selfReview.warnings).toEqual([expect.stringMatching(/Prevent self-review/)]);
  });
});

describe('topicform ci environments, end to end', () => {
  const work = mkdtempSync(join(tmpdir(), 'topicform-ci-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads the guard report and the API answer as gh prints them, one per line', () => {
    writeFileSync(
      join(work, 'guard.json'),
      JSON.stringify({
        ok: true,
        base: 'base',
        violations: [],
        stacks: STACKS.map((s) => ({ ...s, directory: '', environment: '', changed: s.stack === 'dev', new: false, ok: true })),
      }),
    );
    writeFileSync(join(work, 'environments.jsonl'), `${JSON.stringify(env('topicform-plan-dev'))}\n`);
    writeFileSync(join(work, 'policies.jsonl'), `${JSON.stringify(policy('topicform-plan-dev'))}\n`);
    let out = '';
    let err = '';
    const io = {
      stdout: { write: (s: string) => ((out += s), true) } as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((err += s), true) } as NodeJS.WritableStream,
    };
    expect(
      runCiEnvironments(
        { role: 'plan', guard: 'guard.json', github: 'environments.jsonl', branchPolicies: 'policies.jsonl', branch: 'main', changedOnly: true },
        io,
        work,
      ),
    ).toBe(0);
    expect(out).toBe('topicform ci environments: 1 plan environment(s) exist and deploy only from main\n');
    expect(
      runCiEnvironments({ role: 'plan', guard: 'guard.json', github: 'environments.jsonl', branchPolicies: 'policies.jsonl', branch: 'main' }, io, work),
    ).toBe(1);
    expect(err).toMatch(/error: environment topicform-plan-prod-orders does not exist/);
  });
});
