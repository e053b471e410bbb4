// The example GitHub Actions workflows validate against SchemaStore's github-workflow.json, loaded with YAML 1.2
// (so `on:` stays a key and is not read as the boolean true), and keep the security properties they promise.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeNeeding, SHARED_ROOT, sharedRequirement } from '../helpers/requirements';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const FIXTURE = path.join(SHARED_ROOT, 'fixtures/github-actions');
const SCHEMA = path.join(FIXTURE, 'github-workflow.json');
const SCHEMA_REQUIREMENT = sharedRequirement('fixtures/github-actions/github-workflow.json', 'fixtures/github-actions/negative/runs-on.yaml');
const FILES = ['topicform-pr.yml', 'topicform-pr-comment.yml', 'topicform-deploy.yml', 'topicform-drift.yml'];

type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> };
type Job = { if?: string; environment?: unknown; permissions?: unknown; steps?: { uses?: string; run?: string; with?: Record<string, unknown> }[] };

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

describe('workflow security', () => {
  it('loads `on` as a key with YAML 1.2', () => {
    for (const file of FILES) expect(Object.keys(load(file))).toContain('on');
  });

  it('runs the pull-request code with a read-only token and no secrets outside the trusted plan job', () => {
    const pr = load('topicform-pr.yml');
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({ contents: 'read' });
    const text = fs.readFileSync(path.join(WORKFLOWS, 'topicform-pr.yml'), 'utf8');
    const secretsUsedBy = Object.entries(pr.jobs).filter(([, job]) => JSON.stringify(job).includes('secrets.'));
    expect(secretsUsedBy.map(([name]) => name)).toEqual(['plan']);
    expect(pr.jobs.plan?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(pr.jobs.plan?.environment).toBe('topicform-plan-${{ matrix.stack }}');
    // The plan job runs terraform on the synthesized JSON only: no checkout, no npm.
    expect(pr.jobs.plan?.steps?.some((s) => s.uses?.startsWith('actions/checkout') === true || (s.run ?? '').includes('npm'))).toBe(false);
    expect(text).not.toContain('pull_request_target');
  });

  it('posts the comment from a workflow_run workflow that never checks out the pull request', () => {
    const comment = load('topicform-pr-comment.yml');
    expect(comment.on).toEqual({ workflow_run: { workflows: ['topicform PR'], types: ['completed'] } });
    expect(comment.permissions).toEqual({});
    const job = comment.jobs.comment;
    expect(job?.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    expect(job?.steps?.some((s) => s.uses?.startsWith('actions/checkout') === true)).toBe(false);
    expect(job?.steps?.some((s) => (s.run ?? '').length > 0)).toBe(false);
  });

  it('applies production stacks only through their environment, after the others, and refuses a local backend', () => {
    const deploy = load('topicform-deploy.yml');
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
    expect(deploy.jobs['apply-production']?.environment).toBe('topicform-${{ matrix.stack }}');
    expect(JSON.stringify(deploy.jobs.synth)).toMatch(/has a \$\{backend:-missing\} backend .*Set backend for the environment in environments\.ts/);
  });

  it('reports drift (plan exit 2) as an issue and a failed run, on a schedule', () => {
    const drift = load('topicform-drift.yml');
    expect(Object.keys(drift.on)).toEqual(['schedule', 'workflow_dispatch']);
    const text = fs.readFileSync(path.join(WORKFLOWS, 'topicform-drift.yml'), 'utf8');
    expect(text).toContain('-detailed-exitcode');
    expect(text).toContain("steps.plan.outputs.exit-code == '2'");
    expect(text).toContain('github.rest.issues.create');
  });
});
