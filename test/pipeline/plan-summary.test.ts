// Plan summaries: counts and changes from real plan shapes, production deletes and replaces refused unless a reviewed
// acknowledgement names the topic, failures reported as failures, and the CLI end to end.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlanList, runPlanSummary } from '../../cli/commands/plan';
import { listPlans, renderPlanSummary, summarizePlan } from '../../pipeline/plan-summary';
import type { PlanSummary } from '../../pipeline/plan-summary';

const change = (address: string, actions: string[], before: object | null, after: object | null, extra: object = {}) => ({
  address,
  mode: 'managed',
  type: address.split('.')[0],
  change: { actions, before, after, ...extra },
});
const topic = (name: string) => ({ name, partitions: 6, replication_factor: 3 });
const PLAN = {
  format_version: '1.2',
  resource_changes: [
    change('kafka_topic.orders_a', ['create'], null, topic('orders.a')),
    change('kafka_topic.orders_b', ['delete', 'create'], topic('orders.b'), topic('orders.b'), { replace_paths: [['partitions']] }),
    change('kafka_topic.orders_c', ['delete'], topic('orders.c'), null),
    change('kafka_acl.x', ['delete'], { acl_principal: 'User:svc', acl_operation: 'Read', resource_type: 'Topic', resource_name: 'orders.c' }, null),
    change('kafka_topic.orders_d', ['no-op'], topic('orders.d'), topic('orders.d'), { importing: { id: 'orders.d' } }),
    change('kafka_topic.orders_e', ['no-op'], topic('orders.e'), topic('orders.e')),
  ],
};

describe('summarizePlan', () => {
  it('counts what the plan does and lists each change', () => {
    const s = summarizePlan({ stack: 'dev', production: false, exitCode: 2, plan: PLAN });
    expect(s.status).toBe('changes');
    expect(s.changes.map((c) => [c.action, c.address])).toEqual([
      ['delete', 'kafka_acl.x'],
      ['create', 'kafka_topic.orders_a'],
      ['replace', 'kafka_topic.orders_b'],
      ['delete', 'kafka_topic.orders_c'],
      ['import', 'kafka_topic.orders_d'],
    ]);
    expect(renderPlanSummary(s)).toMatch(/^### terraform plan `dev`: 1 to add, 1 to replace, 2 to destroy, 1 to import\n/);
  });

  it('refuses a production plan that deletes or replaces a topic no acknowledgement names; ACL deletes pass', () => {
    const s = summarizePlan({ stack: 'prod-orders', production: true, exitCode: 2, plan: PLAN, acknowledged: ['prod-orders/orders.c/topic-deleted'] });
    expect(s.status).toBe('refused');
    expect(s.refusals.map((r) => [r.topic, r.action])).toEqual([['orders.b', 'replace']]);
    const md = renderPlanSummary(s);
    expect(md).toMatch(/^### ⛔ terraform plan `prod-orders` \(production\): .* — refused/);
    expect(md).toContain('acknowledge `prod-orders/orders.b/topic-deleted` or the review finding of this topic');
    const accepted = summarizePlan({
      stack: 'prod-orders',
      production: true,
      exitCode: 2,
      plan: PLAN,
      acknowledged: ['prod-orders/orders.c/topic-deleted', 'prod-orders/orders.b/partitions-decreased'],
    });
    expect(accepted.status).toBe('changes');
  });

  it('reports a failed plan as failed, never as no changes', () => {
    const failed = summarizePlan({ stack: 'dev', production: false, exitCode: 1 });
    expect(failed.status).toBe('failed');
    expect(renderPlanSummary(failed, 'Error: broker unreachable\n')).toContain('### ⛔ terraform plan `dev` failed\n\nterraform plan exited with 1');
    expect(summarizePlan({ stack: 'dev', production: false, exitCode: 2, plan: { ...PLAN, errored: true } }).status).toBe('failed');
    expect(summarizePlan({ stack: 'dev', production: false, exitCode: 0, plan: { format_version: '1.2', resource_changes: [] } }).status).toBe('no-changes');
  });

  it('fences the terraform show text so that it cannot close the block', () => {
    const md = renderPlanSummary(summarizePlan({ stack: 'dev', production: false, exitCode: 2, plan: PLAN }), 'a ``` b ```` c');
    expect(md).toContain('`````\na ``` b ```` c\n`````');
  });

  it('lists the stacks to apply, production apart, with their checksums', () => {
    const s = (stack: string, production: boolean, status: PlanSummary['status'], sha256: string | null): PlanSummary => ({
      stack,
      production,
      status,
      sha256,
      counts: { create: 0, update: 0, replace: 0, delete: 0, import: 0, forget: 0, move: 0 },
      changes: [],
      refusals: [],
      failure: null,
    });
    expect(
      listPlans([
        s('prod-b', true, 'changes', 'bb'),
        s('dev', false, 'changes', 'dd'),
        s('staging', false, 'no-changes', null),
        s('prod-a', true, 'refused', 'aa'),
        s('qa', false, 'failed', null),
      ]),
    ).toEqual({
      nonproduction: ['dev'],
      production: ['prod-b'],
      sha256: { dev: 'dd', 'prod-b': 'bb' },
      refused: ['prod-a'],
      failed: ['qa'],
    });
  });
});

describe('topicform plan summary / list, end to end', () => {
  const work = mkdtempSync(join(tmpdir(), 'topicform-plan-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: { write: (s: string) => ((out.stdout += s), true) } as NodeJS.WritableStream,
        stderr: { write: (s: string) => ((out.stderr += s), true) } as NodeJS.WritableStream,
      },
    };
  };

  it('reads production from topology.json, checksums the plan file, applies the acknowledgement file, and exits 1 when refused', () => {
    const dir = join(work, 'stacks', 'prod-orders');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'topology.json'), JSON.stringify({ environment: { name: 'prod', production: true } }));
    writeFileSync(join(work, 'plan.json'), JSON.stringify(PLAN));
    writeFileSync(join(work, 'tfplan'), 'binary plan');
    writeFileSync(
      join(work, 'acks.yaml'),
      'acknowledgements:\n  - finding: prod-orders/orders.c/topic-deleted\n    reason: the topic was replaced by orders.a last month\n',
    );
    const refused = io();
    expect(
      runPlanSummary(
        { stackDir: 'stacks/prod-orders', exitCode: '2', planJson: 'plan.json', planFile: 'tfplan', acknowledgements: 'acks.yaml', format: 'json' },
        refused.io,
        work,
      ),
    ).toBe(1);
    const summary = JSON.parse(refused.out.stdout) as PlanSummary;
    expect(summary).toMatchObject({
      stack: 'prod-orders',
      production: true,
      status: 'refused',
      sha256: createHash('sha256').update('binary plan').digest('hex'),
    });
    expect(summary.refusals.map((r) => r.topic)).toEqual(['orders.b']);
    expect(refused.out.stderr).toMatch(/refused: it deletes or replaces orders\.b in production without an acknowledgement/);

    const failed = io();
    expect(runPlanSummary({ stackDir: 'stacks/prod-orders', exitCode: '1', text: 'tfplan' }, failed.io, work)).toBe(1);
    expect(failed.out.stdout).toMatch(/failed/);
  });

  it('lists the summaries of a run', () => {
    const dir = join(work, 'plans', 'topicform-plan-dev');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'summary.json'),
      JSON.stringify(summarizePlan({ stack: 'dev', production: false, exitCode: 2, plan: PLAN, sha256: 'ab'.repeat(32) })),
    );
    const listed = io();
    expect(runPlanList('plans', listed.io, work)).toBe(0);
    expect(JSON.parse(listed.out.stdout)).toMatchObject({ nonproduction: ['dev'], production: [], sha256: { dev: 'ab'.repeat(32) } });
    const none = io();
    expect(runPlanList('no-such-dir', none.io, work)).toBe(0);
    expect(JSON.parse(none.out.stdout)).toMatchObject({ nonproduction: [], production: [] });
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toContain('"status":"changes"');
  });
});
