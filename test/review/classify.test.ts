// Classification details beyond the corpus: values compared as the broker sees them, and plans that contradict the
// outputs.
import { describe, expect, it } from 'vitest';
import { parseOutput, parsePlan } from '../../review/parse';
import { review } from '../../review/review';
import type { ReviewResult } from '../../review/types';
import { MutableOutput } from './corpus/output';
import type { MutableStack } from './corpus/output';
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- tests edit parsed Terraform JSON */

const ORDERS = 'orders.order-created';
const DOCS = 'search.document-changed';

function reviewChange(change: (o: MutableOutput) => void, plan?: { stack: string; json: unknown }): ReviewResult {
  const base = MutableOutput.seed();
  const head = base.clone();
  change(head);
  return review({
    base: parseOutput('base', base.files('base')),
    head: parseOutput('head', head.files('head')),
    plans: plan === undefined ? [] : [parsePlan(plan.stack, { file: 'plan.json', text: JSON.stringify(plan.json) })],
  });
}
const ids = (r: ReviewResult): string[][] => r.findings.map((f) => [f.verdict, f.id]);
const inStack = (stack: string, change: (s: MutableStack) => void) => (o: MutableOutput) => change(o.stack(stack));

describe('classify', () => {
  it('lists a value made explicit at the broker default as a config change, not a retention change', () => {
    const r = reviewChange(
      inStack('prod-search', (s) => s.setConfig(`${DOCS}.indexer.dlq`, 'min.insync.replicas', '2').setConfig(DOCS, 'retention.ms', '604800000')),
    );
    expect(ids(r)).toEqual([['SAFE', `prod-search/${DOCS}/config-changed`]]);
  });

  it('treats retention on a compact-only topic as a config change: compaction deletes nothing by time', () => {
    const r = reviewChange(inStack('prod-search', (s) => s.setConfig(DOCS, 'retention.ms', '3600000')));
    expect(ids(r)).toEqual([['SAFE', `prod-search/${DOCS}/config-changed`]]);
  });

  it('warns, and does not block, when retention is cut to exactly the 7-day replay window: the window still fits', () => {
    const r = reviewChange(inStack('prod-orders', (s) => s.setConfig(ORDERS, 'retention.ms', '604800000')));
    expect(ids(r)).toEqual([['WARN', `prod-orders/${ORDERS}/retention-decreased`]]);
  });

  it('blocks a retention one millisecond below the replay window', () => {
    const r = reviewChange(inStack('prod-orders', (s) => s.setConfig(ORDERS, 'retention.ms', '604799999')));
    expect(ids(r)).toEqual([['BLOCK', `prod-orders/${ORDERS}/retention-below-replay-window`]]);
  });

  it("points a DLQ's own change at its topic's declaration (topics/orders.ts:37), not at the group's (line 57)", () => {
    const dlq = `${ORDERS}.payment.dlq`;
    const r = reviewChange(inStack('prod-orders', (s) => s.setReplication(dlq, 4)));
    expect(r.findings.map((f) => [f.id, f.origin])).toEqual([
      [
        `prod-orders/${dlq}/replication-increased`,
        { key: 'topic:orders/order-created', label: ORDERS, companion: 'DLQ', declaredAt: 'topics/orders.ts:37', subject: dlq },
      ],
    ]);
  });

  it('does not compare a retention that is not a number', () => {
    const r = reviewChange(inStack('prod-orders', (s) => s.setConfig(ORDERS, 'retention.ms', '7d')));
    expect(ids(r)).toEqual([['SAFE', `prod-orders/${ORDERS}/config-changed`]]);
  });

  it('warns of a lower min.insync.replicas in production only', () => {
    const r = reviewChange((o) => {
      o.stack('prod-orders').setConfig(ORDERS, 'min.insync.replicas', '1');
      o.stack('dev').setReplication(ORDERS, 3);
    });
    expect(ids(r)).toEqual([
      ['WARN', `dev/${ORDERS}/replication-increased`],
      ['WARN', `prod-orders/${ORDERS}/min-insync-lowered`],
    ]);
    const dev = reviewChange((o) => o.stack('dev').setConfig(ORDERS, 'min.insync.replicas', '0'));
    expect(ids(dev)).toEqual([['SAFE', `dev/${ORDERS}/min-insync-lowered`]]);
  });

  it('warns of a switch from delete to compact', () => {
    const r = reviewChange(inStack('dev', (s) => s.setConfig(ORDERS, 'cleanup.policy', 'compact')));
    expect(ids(r)).toEqual([['WARN', `dev/${ORDERS}/cleanup-policy-changed`]]);
  });

  it('blocks a topic the plan replaces even when the outputs only show a partition increase', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'kafka_topic.orders_order-created',
          mode: 'managed',
          type: 'kafka_topic',
          change: {
            actions: ['create', 'delete'],
            before: { name: ORDERS, partitions: 8 },
            after: { name: ORDERS, partitions: 4 },
            replace_paths: [['partitions']],
          },
        },
      ],
    };
    const r = reviewChange(
      inStack('dev', (s) => s.setPartitions(ORDERS, 4)),
      { stack: 'dev', json: plan },
    );
    expect(ids(r)).toEqual([
      ['BLOCK', `dev/${ORDERS}/plan-replace`],
      ['WARN', `dev/${ORDERS}/partitions-increased`],
    ]);
    expect(r.findings[0]?.reason).toMatch(/terraform replaces it because of partitions/);
    expect(r.findings[0]?.rows).toContainEqual({ key: 'partitions', current: '8', new: '4' });
    expect(r.findings[1]?.plan).toHaveLength(1);
  });

  it('fails when a plan is given for a stack the head does not have', () => {
    expect(() => reviewChange(() => {}, { stack: 'staging', json: { format_version: '1.2' } })).toThrow(
      /plan\.json: the plan is given for stack "staging", which the head output does not have \(it has dev, prod-orders, prod-search\)/,
    );
  });

  it('reviews a stack that appears or disappears as a whole', () => {
    const r = reviewChange((o) => o.stacks.delete('prod-search'));
    expect(ids(r).filter(([v]) => v === 'BLOCK')).toEqual([
      ['BLOCK', `prod-search/${ORDERS}.search.order-indexer.dlq/topic-deleted`],
      ['BLOCK', `prod-search/${DOCS}.indexer.dlq/topic-deleted`],
      ['BLOCK', `prod-search/${DOCS}/topic-deleted`],
      // The sink connector went with its stack, so its DLQ is an ordinary deletion; Connect's storage topics are not.
      ['BLOCK', 'prod-search/search.document-index.dlq/topic-deleted'],
      ['BLOCK', 'prod-search/search.indexing.connect-configs/connect-storage-removed'],
      ['BLOCK', 'prod-search/search.indexing.connect-offsets/connect-storage-removed'],
      ['BLOCK', 'prod-search/search.indexing.connect-status/connect-storage-removed'],
    ]);
    const base = MutableOutput.seed(['prod-orders']);
    const appeared = review({
      base: parseOutput('base', base.files('base')),
      head: parseOutput('head', MutableOutput.seed(['prod-orders', 'dev']).files('head')),
    });
    expect(appeared.findings.length).toBeGreaterThan(0);
    expect(appeared.findings.every((f) => f.stack === 'dev')).toBe(true);
    // A new environment: its settings are listed for review, as a WARN; everything else it adds is SAFE.
    expect(appeared.findings.filter((f) => f.verdict !== 'SAFE').map((f) => [f.verdict, f.id])).toEqual([['WARN', 'dev/stack/environment-added']]);
    const added = appeared.findings.find((f) => f.rule === 'environment-added');
    expect(added?.rows.map((row) => row.key)).toContain('required-providers: kafka.source');
  });
});

describe('settings that reach terraform', () => {
  type Tf = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const tf = (o: MutableOutput, stack: string): Tf => o.stack(stack).tf as Tf;

  it('blocks a backend moved to http at an outside address, with its own rule and every setting shown', () => {
    const r = reviewChange(
      (o) => void (tf(o, 'prod-orders').terraform = { ...tf(o, 'prod-orders').terraform, backend: { http: { address: 'https://state.evil.example.com/s' } } }),
    );
    expect(ids(r)).toEqual([['BLOCK', 'prod-orders/stack/backend-changed']]);
    const f = r.findings[0];
    expect(f?.rows).toContainEqual({ key: 'http.address', current: '—', new: '"https://state.evil.example.com/s"' });
    expect(f?.reason).toMatch(/backend credentials CI holds, go to the new backend/);
    expect(r.summary.blocking).toBe(1);
  });

  it('blocks production auth set to none with TLS off (provider-changed)', () => {
    const r = reviewChange((o) => {
      const provider = (tf(o, 'prod-orders').provider as Tf).kafka[0] as Tf;
      delete provider.sasl_mechanism;
      provider.tls_enabled = false;
    });
    expect(ids(r)).toEqual([['BLOCK', 'prod-orders/stack/provider-changed']]);
    expect(r.findings[0]?.rows).toEqual([
      { key: 'kafka.sasl_mechanism', current: '"scram-sha512"', new: '—' },
      { key: 'kafka.tls_enabled', current: 'true', new: 'false' },
    ]);
  });

  it('blocks variables and required providers changes, each with its own rule', () => {
    const r = reviewChange((o) => {
      const json = tf(o, 'prod-search');
      (json.variable as Tf).kafka_sasl_password = { type: 'string', sensitive: true };
      (json.terraform as Tf).required_providers.kafka.version = '0.14.0';
    });
    expect(ids(r)).toEqual([
      ['BLOCK', 'prod-search/stack/required-providers-changed'],
      ['BLOCK', 'prod-search/stack/variables-changed'],
    ]);
  });

  it('accepts an acknowledgement of a settings change', () => {
    const base = MutableOutput.seed();
    const head = base.clone();
    ((tf(head, 'prod-orders').provider as Tf).kafka[0] as Tf).tls_enabled = false;
    const r = review({
      base: parseOutput('base', base.files('base')),
      head: parseOutput('head', head.files('head')),
      acknowledgements: [{ finding: 'prod-orders/stack/provider-changed', reason: 'the brokers move behind a TLS-terminating proxy' }],
    });
    expect(r.summary.blocking).toBe(0);
    expect(r.summary.acknowledged).toBe(1);
  });

  it('compares a new stack of a known environment with its siblings: a domain stack added changes no setting', () => {
    const base = MutableOutput.seed(['prod-orders']);
    const head = MutableOutput.seed(['prod-orders', 'prod-search']);
    const r = review({ base: parseOutput('base', base.files('base')), head: parseOutput('head', head.files('head')) });
    expect(r.findings.filter((f) => f.subject.kind === 'stack')).toEqual([]);
  });

  it('warns about an owner change, with the old and the new owner as required reviewers', () => {
    const r = reviewChange((o) => {
      for (const stack of ['prod-orders', 'dev']) {
        const domain = o.stack(stack).topology.domains.find((d) => d.name === 'orders');
        if (domain !== undefined) domain.owner = '@acme/checkout-team';
      }
    });
    // One finding per stack that holds the domain.
    expect(ids(r).filter(([, id]) => (id ?? '').endsWith('owner-changed'))).toEqual([
      ['WARN', 'dev/domain:orders/owner-changed'],
      ['WARN', 'prod-orders/domain:orders/owner-changed'],
    ]);
    expect(r.findings[0]?.title).toBe('domain orders: owner @acme/orders-team → @acme/checkout-team');
    expect(r.access.requiredReviewers).toEqual(expect.arrayContaining(['@acme/checkout-team', '@acme/orders-team']));
    expect(r.findings.some((f) => f.rule === 'declaration-changed')).toBe(false);
  });
});
