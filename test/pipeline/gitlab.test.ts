// The GitLab CI configuration `topicform init --ci gitlab` writes, and the pipelines topicform generates for it, validate
// against GitLab's own CI schema (test/fixtures/gitlab-ci/ci.json, loaded with YAML 1.2 and the !reference tag) and keep
// the trust model of docs/ci-gitlab.md: merge request jobs hold nothing, the default branch guards and reviews, protected
// environments hold the credentials, apply applies exactly the saved plan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type CollectionTag } from 'yaml';
import { renderGitlabStacks, runGitlabApply, runGitlabNote } from '../../cli/commands/ci-gitlab';
import { renderTemplates } from '../../cli/commands/init';
import { AUTH_MECHANISMS, providerSecrets } from '../../model/schema/auth';
import { checkGitlabEnvironments } from '../../pipeline/gitlab-environments';
import { gitlabApplyPipeline, gitlabStackJobs } from '../../pipeline/gitlab-pipeline';
import { noteAction, noteBody, REVIEWED_COMMIT_PREFIX } from '../../pipeline/gitlab-note';
import { COMMENT_MARKER } from '../../review/render/markdown';
import { capturedIo } from '../helpers/io';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'gitlab-ci', 'ci.json'), 'utf8')) as object;

/** GitLab's `!reference [job, key]`: a sequence of strings, which the schema accepts where it is used. */
const reference: CollectionTag = { tag: '!reference', collection: 'seq', resolve: (seq) => seq };
const load = (text: string): Record<string, unknown> => parse(text, { version: '1.2', customTags: [reference] }) as Record<string, unknown>;

type Job = {
  rules?: Array<{ if?: string }>;
  environment?: { name: string; action?: string } | string;
  script?: unknown[];
  before_script?: unknown[];
  extends?: string;
  needs?: Array<{ job: string; pipeline?: string }>;
  trigger?: Record<string, unknown>;
  inherit?: unknown;
  variables?: Record<string, string>;
  resource_group?: string;
  stage?: string;
};

const files = renderTemplates('x', '@acme/platform-team', 'gitlab');
const text = (file: string): string => files.get(file) ?? '';
const pipeline = load(text('.gitlab-ci.yml'));
const templates = load(text('.gitlab/topicform-jobs.yml'));
const stacks = load(text('.gitlab/topicform-stacks.yml'));
/** The configuration as GitLab merges it: the file and its includes. */
const merged: Record<string, Job> = { ...templates, ...stacks, ...pipeline } as Record<string, Job>;
const jobs: Array<[string, Job]> = Object.entries(merged).filter(
  ([name, v]) => !name.startsWith('.') && typeof v === 'object' && !['workflow', 'include', 'stages', 'variables', 'default'].includes(name),
);
const flat = (job: Job): string => JSON.stringify(job);
const resolved = (job: Job): string => {
  const parent = job.extends === undefined ? undefined : merged[job.extends];
  return `${flat(job)}${parent === undefined ? '' : resolved(parent)}`;
};
const isMergeRequestJob = (job: Job): boolean => (job.rules ?? []).some((r) => (r.if ?? '').includes('merge_request_event'));

/** A job with its `extends` chain merged in, as GitLab merges it: mappings deep-merged, anything else replaced. */
function withExtends(job: Job): Job {
  const parent = job.extends === undefined ? undefined : merged[job.extends];
  if (parent === undefined) return job;
  const deep = (a: unknown, b: unknown): unknown => {
    if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = deep(out[k], v);
    return out;
  };
  const own = { ...(deep(withExtends(parent), job) as Job) };
  delete own.extends;
  return own;
}

describe("the GitLab CI configuration validates against GitLab's ci.json", () => {
  let validate: ValidateFunction;
  let validateJob: ValidateFunction;
  beforeAll(() => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(SCHEMA);
    // The schema lets a hidden key (`.name`) be anything, so each template is checked as the job it is.
    validateJob = ajv.compile({ $ref: 'https://gitlab.com/.gitlab-ci.yml#/definitions/job_template' });
  });
  const check = (name: string, document: unknown, validator = validate): void => {
    const ok = validator(document);
    expect(validator.errors ?? [], `${name}: ${JSON.stringify(validator.errors?.slice(0, 5))}`).toEqual([]);
    expect(ok).toBe(true);
  };

  it('each job template, and each job with its templates merged in', () => {
    for (const [name, job] of Object.entries(templates)) check(name, job, validateJob);
    for (const [name, job] of jobs) check(name, withExtends(job), validateJob);
    expect(validateJob({ script: ['echo'], scriptx: 1 })).toBe(false);
  });

  it.each(['.gitlab-ci.yml', '.gitlab/topicform-jobs.yml', '.gitlab/topicform-stacks.yml'])('%s', (file) => {
    expect(text(file)).not.toBe('');
    check(file, load(text(file)));
  });

  it('the apply child pipeline topicform generates', () => {
    const list = {
      nonproduction: ['dev'],
      production: ['prod-orders'],
      sha256: { dev: 'a'.repeat(64), 'prod-orders': 'b'.repeat(64) },
      refused: [],
      failed: [],
    };
    check('apply.yml', gitlabApplyPipeline(list, '4242'));
    check('apply.yml (nothing to apply)', gitlabApplyPipeline({ ...list, nonproduction: [], production: [], sha256: {} }, '4242'));
  });

  it('rejects a configuration the schema forbids (the validator is live)', () => {
    expect(validate({ job: { script: 'echo', when: 'sometimes' } })).toBe(false);
    expect(validate({ job: { script: 'echo', environment: { name: 'x', action: 'deploy' } } })).toBe(false);
  });
});

describe('the GitLab pipeline keeps the trust model (docs/ci-gitlab.md)', () => {
  it('extends and needs only jobs it defines; includes the job templates and the per-stack jobs', () => {
    expect(pipeline.include).toEqual([{ local: '.gitlab/topicform-jobs.yml' }, { local: '.gitlab/topicform-stacks.yml' }]);
    for (const [name, job] of [...jobs, ...(Object.entries(templates) as Array<[string, Job]>)]) {
      if (job.extends !== undefined) expect(merged[job.extends], `${name} extends ${job.extends}`).toBeDefined();
      for (const need of job.needs ?? []) expect(merged[need.job], `${name} needs ${need.job}`).toBeDefined();
    }
  });

  it('synthesizes without artifacts where only the stacks are read (the merge request and the review base), never for deploy or drift', () => {
    const synths = (name: string): string[] => (resolved(merged[name] as Job).match(/\$TOPICFORM synth[^";\\]*/g) ?? []).map((s) => s.trim());
    expect(synths('topicform:synth')).toEqual(['$TOPICFORM synth --no-artifacts --out out']);
    expect(synths('topicform:review')).toEqual(['$TOPICFORM synth --no-artifacts --out base']);
    expect(synths('topicform:deploy')).toEqual(['$TOPICFORM synth --out out']);
    expect(synths('topicform:drift-synth')).toEqual(['$TOPICFORM synth --out out']);
    expect((merged['topicform:synth'] as Job & { artifacts?: { paths: string[] } }).artifacts?.paths).toEqual([
      'out/stacks/*/cdk.tf.json',
      'out/stacks/*/topology.json',
    ]);
  });

  it('runs merge request jobs with no environment, no credential and no token, and starts the review with no variables', () => {
    const mergeRequest = jobs.filter(([, job]) => isMergeRequestJob(job));
    expect(mergeRequest.map(([name]) => name).sort()).toEqual(['topicform:request-review', 'topicform:synth']);
    for (const [name, job] of mergeRequest) {
      const all = resolved(job);
      expect(all, name).not.toMatch(/"environment"|KAFKA_|TOPICFORM_GITLAB|AWS_|ARM_|GOOGLE_|TF_HTTP|TF_TOKEN/);
    }
    const trigger = merged['topicform:request-review'];
    expect(trigger?.inherit).toEqual({ variables: false });
    expect(trigger?.trigger).toEqual({
      project: '$CI_PROJECT_PATH',
      branch: '$CI_DEFAULT_BRANCH',
      forward: { yaml_variables: false, pipeline_variables: false },
    });
  });

  it('never expands text a merge request controls inside a script (shell injection)', () => {
    for (const [name, job] of jobs) {
      expect(resolved(job), name).not.toMatch(
        /\$\{?CI_(MERGE_REQUEST_(TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|COMMIT_(MESSAGE|TITLE|DESCRIPTION|REF_NAME|BRANCH))\b(?![^"]*==)/,
      );
    }
  });

  it('guards and reviews from the default branch: its own synth as the base, the artifact as data, its own note', () => {
    const review = merged['topicform:review'] as Job;
    for (const rule of review.rules ?? []) expect(rule.if).toMatch(/^\$CI_COMMIT_BRANCH == \$CI_DEFAULT_BRANCH && /);
    const script = resolved(review);
    expect(script).toContain('synth --no-artifacts --out base');
    expect(script).toContain('guard --untrusted --base base');
    expect(script).toContain('ci gitlab-note');
    expect(script).toContain('repository/files/review-acknowledgements.yaml/raw?ref=$sha');
    expect(script).toContain('select(.name == \\"topicform:synth\\")');
    expect(script).toContain('statuses/$sha');
  });

  it("caches the base's output per default-branch commit, and synthesizes it only when the cache has none", () => {
    const review = merged['topicform:review'] as Job & { cache?: { key: string; paths: string[] } };
    expect(review.cache).toEqual({ key: 'topicform-base-$CI_COMMIT_SHA', paths: ['base/'] });
    // No other job writes or reads that cache: a merge request's pipeline cannot seed the base the review trusts.
    for (const [name, job] of jobs) if (name !== 'topicform:review') expect(JSON.stringify(job), name).not.toContain('topicform-base-');
    const first = String(review.script?.[0]);
    const dir = mkdtempSync(join(tmpdir(), 'topicform-gitlab-cache-'));
    const run = (): string =>
      execFileSync('sh', ['-c', first], {
        cwd: dir,
        env: { ...process.env, TOPICFORM: 'echo would run topicform', CI_COMMIT_SHA: 'abc123' },
        encoding: 'utf8',
      });
    expect(run()).toBe('would run topicform synth --no-artifacts --out base\n');
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'manifest.json'), '{}');
    expect(run()).toBe('base: the cached output of abc123\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans in the protected plan environment with read-only credentials and no lock, and applies exactly the saved plan', () => {
    const plan = merged['.topicform-plan'] as Job;
    expect(plan.rules?.[0]?.if).toBe('$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_COMMIT_REF_PROTECTED == "true"');
    const planScript = JSON.stringify(merged['.topicform-terraform-plan']);
    expect(planScript).toContain('-lock=false -detailed-exitcode');
    expect(planScript).toContain('plan scrub');
    expect(planScript).toContain('--acknowledgements out/review-acknowledgements.yaml');
    const apply = JSON.stringify(merged['.topicform-apply']);
    expect(apply).toContain('sha256sum -c -');
    expect(apply).toContain('terraform init -input=false -lockfile=readonly');
    expect(apply).toContain('terraform apply -input=false -lock-timeout=10m \\"$CI_PROJECT_DIR/plan/$STACK/tfplan\\"');
    expect(apply).not.toContain('terraform plan');
    const deploy = JSON.stringify(merged['topicform:deploy']);
    expect(deploy).toContain('guard --untrusted --remote-backend');
    expect(deploy).toContain('ci environments --role apply');
  });

  it('gives each stack its plan and drift job in its own protected environment', () => {
    expect(gitlabStackJobs([{ stack: 'prod-orders', production: true }])).toEqual({
      'topicform:plan:prod-orders': {
        extends: '.topicform-plan',
        environment: { name: 'topicform-plan-prod-orders', action: 'prepare' },
        variables: { STACK: 'prod-orders' },
      },
      'topicform:drift:prod-orders': {
        extends: '.topicform-drift',
        environment: { name: 'topicform-drift-prod-orders', action: 'prepare' },
        variables: { STACK: 'prod-orders' },
      },
    });
    expect(text('.gitlab/topicform-stacks.yml')).toBe(
      renderGitlabStacks([
        { stack: 'dev', production: false },
        { stack: 'prod-orders', production: true },
      ]),
    );
  });

  it('wires every documented credential and backend secret into the terraform jobs', () => {
    const documented = [
      ...new Set(AUTH_MECHANISMS.flatMap((mechanism) => [true, false].flatMap((tls) => providerSecrets({ mechanism, tls, secrets: 'environment' })))),
    ];
    const credentials = JSON.stringify(merged['.topicform-credentials']);
    for (const s of documented) expect(credentials, s.environmentVariable).toContain(s.environmentVariable);
    for (const attribute of ['sasl_username', 'sasl_password', 'sasl_token_url', 'client_cert', 'client_key']) expect(credentials).toContain(attribute);
    for (const name of [
      'TF_VAR_kafka_bootstrap_servers',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'GOOGLE_CREDENTIALS',
      'ARM_CLIENT_SECRET',
      'TF_HTTP_PASSWORD',
      'TF_TOKEN_app_terraform_io',
    ]) {
      expect(credentials, name).toContain(name);
    }
    for (const name of ['.topicform-plan', '.topicform-apply', '.topicform-drift']) {
      expect(JSON.stringify(merged[name]), name).toContain('.topicform-credentials');
    }
  });

  it('installs without install scripts', () => {
    for (const line of [text('.gitlab-ci.yml'), text('.gitlab/topicform-jobs.yml')]
      .join('\n')
      .split('\n')
      .filter((l) => /npm ci/.test(l))) {
      expect(line).toContain('--ignore-scripts');
    }
  });
});

describe('topicform ci gitlab-apply', () => {
  const write = (dir: string, stack: string, summary: object): void => {
    mkdirSync(join(dir, stack), { recursive: true });
    writeFileSync(join(dir, stack, 'summary.json'), JSON.stringify(summary));
  };
  const summary = (stack: string, production: boolean, status: string, sha256: string | null): object => ({
    stack,
    production,
    status,
    sha256,
    exitCode: 2,
    counts: {},
    changes: [],
    refusals: [],
  });

  it('writes apply jobs for the stacks with changes only, non-production first, each with its plan job and SHA-256', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-gitlab-apply-'));
    write(join(dir, 'plan'), 'dev', summary('dev', false, 'changes', 'a'.repeat(64)));
    write(join(dir, 'plan'), 'prod-orders', summary('prod-orders', true, 'changes', 'b'.repeat(64)));
    write(join(dir, 'plan'), 'prod-search', summary('prod-search', true, 'no-changes', null));
    const io = capturedIo();
    expect(runGitlabApply({ plans: 'plan', pipeline: '77', output: 'apply.yml' }, io, dir), io.err()).toBe(0);
    const child = load(readFileSync(join(dir, 'apply.yml'), 'utf8')) as Record<string, Job>;
    expect(Object.keys(child).filter((k) => k.startsWith('topicform:'))).toEqual(['topicform:apply:dev', 'topicform:apply:prod-orders']);
    expect(child['topicform:apply:dev']).toMatchObject({
      stage: 'apply-nonproduction',
      environment: { name: 'topicform-dev', action: 'start' },
      variables: { STACK: 'dev', PLAN_SHA256: 'a'.repeat(64) },
      resource_group: 'topicform-dev',
    });
    expect(child['topicform:apply:prod-orders']?.stage).toBe('apply-production');
    expect(child['topicform:apply:prod-orders']?.needs).toEqual([
      { pipeline: '77', job: 'topicform:deploy', artifacts: true },
      { pipeline: '77', job: 'topicform:plan:prod-orders', artifacts: true },
    ]);
  });

  it('refuses (exit 1) when a plan failed or was refused: nothing is applied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-gitlab-apply-'));
    write(join(dir, 'plan'), 'dev', summary('dev', false, 'changes', 'a'.repeat(64)));
    write(join(dir, 'plan'), 'prod-orders', summary('prod-orders', true, 'refused', 'b'.repeat(64)));
    const io = capturedIo();
    expect(runGitlabApply({ plans: 'plan', pipeline: '77', output: 'apply.yml' }, io, dir)).toBe(1);
    expect(io.err()).toContain('the plan of prod-orders is refused: nothing is applied');
  });
});

describe('the merge request note', () => {
  const review = `${COMMENT_MARKER}\n## topicform review: ✅ nothing blocking\n`;
  const own = { id: 9, body: noteBody(review, 'abc1234'), author: { username: 'topicform-bot' } };

  it("is created once, then only the bot's own marked note is updated, and skipped when its commit is reviewed", () => {
    expect(noteAction([], 'topicform-bot', 'abc1234')).toEqual({ action: 'create' });
    const forged = { id: 3, body: `${COMMENT_MARKER}\nall good`, author: { username: 'mallory' } };
    expect(noteAction([forged], 'topicform-bot', 'abc1234')).toEqual({ action: 'create' });
    expect(noteAction([forged, own], 'topicform-bot', 'abc1234')).toEqual({ action: 'skip', noteId: 9 });
    expect(noteAction([forged, own], 'topicform-bot', 'def5678')).toEqual({ action: 'update', noteId: 9 });
    expect(noteAction([{ ...own, system: true }], 'topicform-bot', 'def5678')).toEqual({ action: 'create' });
  });

  it('carries the review and the commit it is of, and refuses a body topicform did not render', () => {
    expect(own.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(own.body).toContain(`${REVIEWED_COMMIT_PREFIX}abc1234 -->`);
    expect(() => noteBody('hello', 'abc1234')).toThrow(/does not start with the topicform marker/);
    expect(() => noteBody(review, 'not a sha; rm -rf /')).toThrow(/not a commit SHA/);
  });

  it('topicform ci gitlab-note prints the action and writes the body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-gitlab-note-'));
    writeFileSync(join(dir, 'notes.json'), JSON.stringify([own]));
    writeFileSync(join(dir, 'review.md'), review);
    const io = capturedIo();
    expect(runGitlabNote({ notes: 'notes.json', bot: 'topicform-bot', commit: 'def5678', review: 'review.md', output: 'body.md' }, io, dir)).toBe(0);
    expect(io.out()).toBe('update 9\n');
    expect(readFileSync(join(dir, 'body.md'), 'utf8')).toBe(noteBody(review, 'def5678'));
  });
});

describe('GitLab protected environments', () => {
  const requirements = [
    { environment: 'topicform-plan-prod-orders', reviewers: false },
    { environment: 'topicform-prod-orders', reviewers: true },
  ];

  it('refuses an unprotected environment and a production apply environment without required approvals', () => {
    const result = checkGitlabEnvironments(
      [{ name: 'topicform-prod-orders', deploy_access_levels: [{ access_level: 40 }], required_approval_count: 0 }],
      requirements,
    );
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/topicform-plan-prod-orders is not protected/);
    expect(result.problems.join('\n')).toMatch(/topicform-prod-orders has no required approvals/);
  });

  it('accepts protected environments with approvals on production apply, and warns when every Developer may deploy', () => {
    const result = checkGitlabEnvironments(
      [
        { name: 'topicform-plan-prod-orders', deploy_access_levels: [{ access_level: 40 }] },
        { name: 'topicform-prod-orders', deploy_access_levels: [{ access_level: 30 }], approval_rules: [{ required_approvals: 1 }] },
      ],
      requirements,
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings.join('\n')).toMatch(/lets every Developer deploy/);
  });
});
