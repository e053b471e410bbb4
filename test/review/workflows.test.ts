// The example GitHub Actions workflows validate against SchemaStore's github-workflow.json, loaded with YAML 1.2
// (so `on:` stays a key and is not read as the boolean true), and keep the security properties they promise.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AUTH_MECHANISMS, providerSecrets } from '../../model/schema/auth';
import { describeNeeding, SHARED_ROOT, sharedRequirement } from '../helpers/requirements';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const FIXTURE = path.join(SHARED_ROOT, 'fixtures/github-actions');
const SCHEMA = path.join(FIXTURE, 'github-workflow.json');
const FILES = ['topicform-pr.yml', 'topicform-pr-review.yml', 'topicform-deploy.yml', 'topicform-drift.yml'];
const TEMPLATES = path.join(ROOT, 'templates/github/workflows');
const SCHEMA_REQUIREMENT = sharedRequirement('fixtures/github-actions/github-workflow.json', 'fixtures/github-actions/negative/runs-on.yaml');

type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> };
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { if?: string; environment?: unknown; permissions?: unknown; needs?: unknown; strategy?: unknown; steps?: Step[] };

const load = (file: string): Workflow => parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'), { version: '1.2', schema: 'core' }) as Workflow;

describeNeeding(SCHEMA_REQUIREMENT, 'workflows validate against github-workflow.json', () => {
  // Compiled in beforeAll: a skipped describe still runs its body, and the schema may be absent.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
  });

  it.each(FILES)('%s', (file) => {
    const ok = validate(load(file));
    expect(validate.errors ?? [], `${file}: ${ajv.errorsText(validate.errors)}`).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a workflow the schema forbids (the validator is live)', () => {
    const bad = parse(fs.readFileSync(path.join(FIXTURE, 'negative/runs-on.yaml'), 'utf8'), { version: '1.2', schema: 'core' }) as unknown;
    expect(validate(bad)).toBe(false);
  });
});

describe('workflow security (docs/threat-model.md)', () => {
  const text = (file: string): string => fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
  const jobs = (file: string): [string, Job][] => Object.entries(load(file).jobs);

  it('loads `on` as a key with YAML 1.2', () => {
    for (const file of FILES) expect(Object.keys(load(file))).toContain('on');
  });

  it('the templates init writes are these workflows, with npx topicform', () => {
    for (const file of FILES) {
      const template = fs.readFileSync(path.join(TEMPLATES, `${file}.tmpl`), 'utf8');
      const own = text(file)
        .replace(/ {2}# In a repository that depends on topicform[^\n]*\n/, '')
        .replace('TOPICFORM: node bin/topicform.js', 'TOPICFORM: npx topicform');
      expect(own, file).toBe(template);
    }
  });

  it.each(FILES)('%s pins every action by a full commit SHA, with its tag in a comment', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((l) => /^\s+(- )?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line, line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(FILES)('%s never expands ${{ github.event.* }} inside run: (shell injection)', (file) => {
    for (const [name, job] of jobs(file)) for (const step of job.steps ?? []) expect(step.run ?? '', `${file} ${name}`).not.toMatch(/\$\{\{\s*github\.event\./);
  });

  it.each(FILES)('%s gives every job explicit, least permissions', (file) => {
    const workflow = load(file);
    expect(workflow.permissions === undefined ? 'missing' : 'set').toBe('set');
    const allowed: Record<string, string[]> = {
      'topicform-pr.yml': ['contents:read'],
      'topicform-pr-review.yml': ['actions:read', 'contents:read', 'pull-requests:read', 'pull-requests:write', 'statuses:write'],
      'topicform-deploy.yml': ['actions:read', 'contents:read'],
      'topicform-drift.yml': ['actions:read', 'contents:read', 'issues:write'],
    };
    for (const [name, job] of jobs(file)) {
      const permissions = (job.permissions ?? workflow.permissions) as Record<string, string>;
      for (const [scope, level] of Object.entries(permissions)) expect(allowed[file], `${file} ${name} ${scope}: ${level}`).toContain(`${scope}:${level}`);
      // In the workflow that handles pull requests, a job that can write runs no repository code at all.
      if (file === 'topicform-pr-review.yml' && Object.values(permissions).includes('write')) {
        expect(JSON.stringify(job.steps), `${file} ${name} writes and must run no repository code`).not.toMatch(/actions\/checkout|npm |\$TOPICFORM/);
      }
    }
  });

  it("runs the pull request's code with no secret, no environment and a read-only token, and never pull_request_target", () => {
    const pr = load('topicform-pr.yml');
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({ contents: 'read' });
    expect(text('topicform-pr.yml')).not.toMatch(/secrets\.|environment:|pull_request_target/);
    for (const file of FILES) expect(text(file)).not.toContain('pull_request_target');
  });

  it('synthesizes without artifacts where only the stacks are read (the head and the base of a pull request), never for deploy or drift', () => {
    // What the pull request's job uploads, and all the review job reads of the base, are the stacks: the client configs,
    // docs and schemas would be rendered for nobody (issue 26, item 3).
    const synths = (file: string): string[] =>
      text(file)
        .split('\n')
        .filter((l) => l.includes('$TOPICFORM synth'))
        .map((l) => l.trim());
    expect(synths('topicform-pr.yml')).toEqual(['run: $TOPICFORM synth --no-artifacts --out out']);
    expect(synths('topicform-pr-review.yml')).toEqual(['run: $TOPICFORM synth --no-artifacts --out base']);
    expect(synths('topicform-deploy.yml')).toEqual(['run: $TOPICFORM synth --out out']);
    expect(synths('topicform-drift.yml')).toEqual(['run: $TOPICFORM synth --out out']);
    const upload = load('topicform-pr.yml').jobs.synth?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact') === true);
    expect(String(upload?.with?.path).trim().split('\n')).toEqual(['out/pr-number', 'out/head-sha', 'out/stacks/*/cdk.tf.json', 'out/stacks/*/topology.json']);
  });

  it('guards and reviews from the default branch: workflow_run, its own checkout and lockfile, plan only after the guard', () => {
    const review = load('topicform-pr-review.yml');
    expect(review.on).toEqual({ workflow_run: { workflows: ['topicform PR'], types: ['completed'] } });
    expect(review.permissions).toEqual({});
    for (const [, job] of Object.entries(review.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('actions/checkout') === true) expect(step.with?.ref, 'checks out the default branch only').toBeUndefined();
      }
    }
    const prepare = JSON.stringify(review.jobs.prepare);
    expect(prepare).toContain('synth --no-artifacts --out base');
    expect(prepare).toContain('guard --untrusted --base base');
    // Settings that differ from the base (guard exit 2) are not planned but still reviewed, where the review blocks them.
    expect(prepare).toContain('--output guard.json head || [ $? = 2 ]');
    // The base's output is the same for every pull request against one default-branch commit: synthesized once,
    // restored from the default branch's cache after that; the plan matrix is the guard's list of changed stacks, so
    // a stack whose Terraform JSON is byte-identical to the base's is never planned.
    const steps = review.jobs.prepare?.steps ?? [];
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@') === true);
    expect(cache?.with).toMatchObject({ path: 'base/stacks/' });
    expect(String(cache?.with?.key)).toContain('${{ github.sha }}');
    const synthBase: (Step & { if?: string }) | undefined = steps.find((s) => s.run?.includes('synth --no-artifacts --out base') === true);
    expect(synthBase?.if).toBe("steps.base-cache.outputs.cache-hit != 'true'");
    expect(steps.indexOf(cache as Step)).toBeLessThan(steps.indexOf(synthBase as Step));
    expect(prepare).toContain('stacks=$(jq -c .plan guard.json)');
    expect(review.jobs.plan?.needs).toBe('prepare');
    expect(review.jobs.plan?.environment).toBe('topicform-plan-${{ matrix.stack }}');
    expect(JSON.stringify(review.jobs.plan)).toContain('-lock=false');
    expect(JSON.stringify(review.jobs.plan)).toContain('plan scrub');
    expect(JSON.stringify(review.jobs.comment)).toContain("c.user?.login === 'github-actions[bot]'");
    // A refused output: the comment lists the guard's findings, rendered by topicform in prepare (the comment job runs
    // no repository code), never only "refused".
    const render = (review.jobs.prepare?.steps ?? []).find((s) => (s.run ?? '').includes('guard') && (s.run ?? '').includes('--format markdown'));
    expect(render?.run).toContain('--output guard-comment.md');
    expect((render as { if?: string } | undefined)?.if).toBe("failure() && steps.guard.outcome == 'failure'");
    const comment = JSON.stringify(review.jobs.comment);
    expect(comment).toContain('"name":"topicform-guard-refused"');
    expect(comment).toContain("'guard/guard-comment.md'");
  });

  it('deploys main only (push and workflow_dispatch alike) and applies exactly the saved plan, checksum verified, state locked', () => {
    const deploy = load('topicform-deploy.yml');
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
    for (const [name, job] of Object.entries(deploy.jobs)) expect(job.if ?? '', name).toContain("github.ref == 'refs/heads/main'");
    for (const name of ['apply-nonproduction', 'apply-production']) {
      const job = deploy.jobs[name];
      expect(job?.environment).toBe('topicform-${{ matrix.stack }}');
      const run = (job?.steps ?? []).map((s) => s.run ?? '').join('\n');
      expect(run).toMatch(/sha256sum --check --strict/);
      expect(run).toMatch(/terraform apply -input=false -lock-timeout=10m "\$PLAN_DIR\/tfplan"/);
      expect(run).not.toMatch(/terraform plan/);
      expect(JSON.stringify(job?.strategy)).toContain('needs.collect.outputs.plans');
    }
    const plan = JSON.stringify(deploy.jobs.plan);
    expect(plan).toContain('-detailed-exitcode');
    expect(plan).toContain('GITHUB_STEP_SUMMARY');
    expect(plan).toContain('--acknowledgements out/review-acknowledgements.yaml');
    expect(JSON.stringify(deploy.jobs.synth)).toContain('guard --untrusted --remote-backend');
    expect(JSON.stringify(deploy.jobs.synth)).toContain('ci environments --role apply');
  });

  it('runs drift on a schedule, one at a time, reporting drift and a failed plan apart', () => {
    const drift = load('topicform-drift.yml') as Workflow & { concurrency?: { group: string } };
    expect(Object.keys(drift.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(drift.concurrency?.group).toBe('topicform-drift');
    const t = text('topicform-drift.yml');
    expect(t).toContain('-detailed-exitcode');
    expect(t).toContain('github.rest.issues.create');
    expect(t).toContain('terraform plan of stack $STACK failed');
  });

  it('uses the current Node LTS and no install scripts', () => {
    for (const file of FILES) {
      expect(text(file)).toContain("NODE_VERSION: '24'");
      for (const line of text(file)
        .split('\n')
        .filter((l) => /npm ci/.test(l))) {
        expect(line).toContain('--ignore-scripts');
      }
    }
  });

  it('wires every documented credential and backend secret into every terraform step', () => {
    const documented = [
      ...new Set(AUTH_MECHANISMS.flatMap((mechanism) => [true, false].flatMap((tls) => providerSecrets({ mechanism, tls, secrets: 'environment' })))),
    ];
    const names = [
      ...new Set(documented.flatMap((s) => [s.environmentVariable, `TF_VAR_${s.variable}`])),
      'TF_VAR_kafka_bootstrap_servers',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'GOOGLE_CREDENTIALS',
      'ARM_CLIENT_SECRET',
      'TF_HTTP_PASSWORD',
      'TF_TOKEN_app_terraform_io',
    ];
    const optional = new Set(['TF_VAR_kafka_ca_cert']);
    for (const file of FILES) {
      for (const [name, job] of jobs(file)) {
        for (const step of job.steps ?? []) {
          if (!/terraform (plan|apply) -/.test(step.run ?? '')) continue;
          for (const n of names) if (!optional.has(n)) expect(Object.keys(step.env ?? {}), `${file} ${name}: ${n}`).toContain(n);
        }
      }
    }
  });
});
