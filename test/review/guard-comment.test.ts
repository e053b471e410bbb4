// The pull-request comment of an output topicform guard refused: the guard's findings, read from its JSON report,
// escaped and capped like every value the pull request controls, within GitHub's comment size limit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuard } from '../../cli/commands/guard';
import type { GuardResult, GuardViolation } from '../../guard/types';
import { GITHUB_COMMENT_LIMIT, MARKDOWN_CELL_MAX, MARKDOWN_COMMENT_BUDGET } from '../../review/limits';
import { renderGuardComment } from '../../review/render/guard-comment';
import { COMMENT_MARKER, escape } from '../../review/render/markdown';

const scratch = mkdtempSync(join(tmpdir(), 'topicform-guard-comment-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const refused = (violations: GuardViolation[], stacks = ['dev', 'prod-orders']): GuardResult => ({
  ok: false,
  reviewable: false,
  base: 'base',
  violations,
  stacks: stacks.map((stack) => ({
    stack,
    directory: `head/stacks/${stack}`,
    environment: 'dev',
    production: false,
    changed: true,
    new: false,
    ok: false,
    remoteBackend: true,
  })),
  plan: [],
});

const violation = (over: Partial<GuardViolation> = {}): GuardViolation => ({
  stack: 'dev',
  file: 'head/stacks/dev/cdk.tf.json',
  path: 'resource.null_resource.x',
  code: 'resource-type-not-allowed',
  message: 'resource type "null_resource" is not one topicform writes (kafka_topic, kafka_acl, kafka_quota)',
  ...over,
});

describe('renderGuardComment', () => {
  it('lists each violation: stack, file and JSON path, reason code and message, under the marker the comment step looks for', () => {
    const md = renderGuardComment(
      refused([violation(), violation({ stack: '', file: 'head/stacks/README', path: '', code: 'unexpected-file', message: 'not a stack directory' })]),
    );
    const lines = md.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe("## topicform review: ⛔ topicform guard refused the pull request's output");
    expect(md).toContain('**2 violations in 1 of 2 stacks** (base <code>base</code>). Terraform did not run on this output');
    expect(md).toContain(
      '| <code>dev</code> | <code>cdk.tf.json</code> · <code>resource.null&#95;resource.x</code> | `resource-type-not-allowed` | resource type "null&#95;resource" is not one topicform writes (kafka&#95;topic, kafka&#95;acl, kafka&#95;quota) |',
    );
    expect(md).toContain('| — | <code>README</code> | `unexpected-file` | not a stack directory |');
  });

  it('escapes and caps every value from the output: no line break of any kind, no HTML, no table break, no mention', () => {
    const hostile = `x\ry\u2028z\u2029|<script>@acme/security ${'a'.repeat(70_000)}`;
    const md = renderGuardComment(refused([violation({ stack: hostile, file: `head/stacks/${hostile}`, path: hostile, message: hostile })]));
    const row = md.split('\n').find((l) => l.startsWith('| <code>x'));
    expect(row).toBeDefined();
    expect(row).toContain(escape('x y z |<script>@acme/security '));
    expect(md).not.toMatch(/[\r\u2028\u2029]|<script>|@acme/);
    // Four cut cells, each at most MARKDOWN_CELL_MAX characters before escaping (an escape is at most 8 characters).
    expect((row ?? '').length).toBeLessThan(4 * 8 * MARKDOWN_CELL_MAX);
    expect(md.length).toBeLessThan(10_000);
  });

  it('stays under the budget with thousands of 70,000-character violations, counting the rest and naming the run', () => {
    const many = Array.from({ length: 1_000 }, (_, i) =>
      violation({ stack: `s${i}`, path: `resource.kafka_topic.${'p'.repeat(70_000)}`, message: 'm'.repeat(70_000) }),
    );
    const url = 'https://github.com/acme/kafka/actions/runs/42';
    const md = renderGuardComment(
      refused(
        many,
        many.map((v) => v.stack),
      ),
      { fullReviewUrl: url },
    );
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_COMMENT_BUDGET);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const shown = md.split('\n').filter((l) => l.startsWith('| <code>s')).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`_Not shown here (comment size limit): ${1_000 - shown} more violations. Every one is in the full review: ${escape(url)}._`);
  });

  it('says what a settings-only result means, naming at most 20 stacks', () => {
    const stacks = Array.from({ length: 30 }, (_, i) => `prod-${String(i).padStart(2, '0')}`);
    const result = {
      ...refused(
        stacks.map((stack) => violation({ stack, code: 'backend-changed', message: 'backend setting s3.bucket differs from base' })),
        stacks,
      ),
      reviewable: true,
    };
    const md = renderGuardComment(result);
    expect(md.split('\n')[1]).toBe('## topicform guard: ⚠️ settings differ from the base');
    expect(md).toContain(
      '<code>prod-19</code> and 10 more differ from the base: terraform does not run on them before the change is merged, and the review blocks each difference',
    );
    expect(md).not.toContain('<code>prod-20</code> and');
  });

  it('is what `topicform guard --format markdown` prints, and equals the rendering of its JSON report', () => {
    const out = join(scratch, 'out');
    mkdirSync(join(out, 'stacks', 'dev'), { recursive: true });
    writeFileSync(
      join(out, 'stacks', 'dev', 'cdk.tf.json'),
      JSON.stringify({ resource: { null_resource: { x: { provisioner: [{ 'local-exec': { command: 'env' } }] } } } }),
    );
    writeFileSync(join(out, 'stacks', 'dev', 'topology.json'), '{}');
    writeFileSync(join(out, 'stacks', 'dev', 'evil.auto.tfvars.json'), '{}');
    const quiet = { stderr: { write: () => true } as unknown as NodeJS.WritableStream };
    const url = 'https://github.com/acme/kafka/actions/runs/7';
    expect(runGuard([out], { format: 'json', output: join(scratch, 'guard.json') }, quiet)).toBe(1);
    expect(runGuard([out], { format: 'markdown', output: join(scratch, 'guard.md'), detailsUrl: url }, quiet)).toBe(1);
    const fromJson = renderGuardComment(JSON.parse(readFileSync(join(scratch, 'guard.json'), 'utf8')) as GuardResult, { fullReviewUrl: url });
    const markdown = readFileSync(join(scratch, 'guard.md'), 'utf8');
    expect(markdown).toBe(fromJson);
    expect(markdown).toContain('`resource-type-not-allowed`');
    expect(markdown).toContain('<code>evil.auto.tfvars.json</code> | `unexpected-file`');
  });
});
