// Every corpus case produces exactly its expected findings (verdict and id, in report order), with the committed
// plan JSON that the real terraform produced against the provider double.
import { describe, expect, it } from 'vitest';
import { CASES, corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

describe('review corpus', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = runCase(c);
    expect(result.findings.map((f) => [f.verdict, f.id])).toEqual(c.expected);
    expect(result.contracts.map((f) => [f.verdict, f.id])).toEqual(c.contracts ?? []);
    expect(result.access.changes.map((a) => `${a.verdict} ${a.kind} ${a.principal} ${a.resource.type}:${a.resource.name} ${a.owner ?? '-'}`)).toEqual(
      c.access ?? [],
    );
    expect(result.access.requiredReviewers).toEqual(c.reviewers ?? []);
    expect(result.drift.map((d) => `${d.stack} ${d.address}`)).toEqual(c.drift ?? []);
    expect(result.summary.blocking).toBe([...c.expected, ...(c.contracts ?? [])].filter(([v]) => v === 'BLOCK').length);
  });

  it('covers every verdict', () => {
    const verdicts = new Set(CASES.flatMap((c) => c.expected.map(([v]) => v)));
    expect([...verdicts].sort()).toEqual(['BLOCK', 'MOVE', 'SAFE', 'WARN']);
  });
});

describe('findings carry what a reviewer needs', () => {
  it('shows a partition decrease in a non-production stack as the replacement terraform plans', () => {
    const [finding] = runCase(corpusCase('dev-partitions-decreased')).findings;
    expect(finding).toMatchObject({
      verdict: 'BLOCK',
      rule: 'partitions-decreased',
      environment: 'dev',
      production: false,
      stack: 'dev',
      before: '12',
      after: '6',
      rows: [{ key: 'partitions', current: '12', new: '6' }],
      plan: [{ address: 'kafka_topic.search_document-changed', actions: ['delete', 'create'], replacePaths: ['partitions'] }],
    });
  });

  it('says that per-key ordering breaks when partitions grow', () => {
    const finding = runCase(corpusCase('topic-warnings')).findings.find((f) => f.rule === 'partitions-increased');
    expect(finding?.reason).toMatch(/per-key ordering breaks for in-flight keys/);
    expect(finding?.before).toBe('24');
    expect(finding?.after).toBe('48');
  });

  it('humanizes milliseconds in the Key | Current | New rows', () => {
    const finding = runCase(corpusCase('retention-cuts')).findings[0];
    expect(finding?.rows).toEqual([{ key: 'retention.ms', current: '693000000 (8d 30m)', new: '86400000 (1d)' }]);
    expect(finding?.reason).toMatch(/shorter than the declared replay window of 7d/);
  });

  it('names who still needs a removed ACL', () => {
    const finding = runCase(corpusCase('acl-still-needed')).findings[0];
    expect(finding?.reason).toMatch(/consumer group orders\.payment .*reads orders\.order-created/);
  });

  it('attaches the plan of both addresses to an address change without a moved block', () => {
    const topic = runCase(corpusCase('address-changed')).findings.find((f) => f.subject.kind === 'topic');
    expect(topic?.plan.map((p) => [p.address, p.actions])).toEqual([
      ['kafka_topic.search_document-changed_indexer_dlq', ['delete']],
      ['kafka_topic.search_indexer_dlq', ['create']],
    ]);
  });

  it('shows the moved block in the plan as a previous address', () => {
    const topic = runCase(corpusCase('address-moved')).findings.find((f) => f.subject.kind === 'topic');
    expect(topic?.plan).toEqual([
      {
        address: 'kafka_topic.search_indexer_dlq',
        actions: ['no-op'],
        replacePaths: [],
        importingId: null,
        previousAddress: 'kafka_topic.search_document-changed_indexer_dlq',
      },
    ]);
  });

  it('reports a move with the forget in one stack and the import in the other', () => {
    const move = runCase(corpusCase('stack-move')).findings.find((f) => f.id === 'prod-search/orders.order-created.notification.dlq/stack-moved');
    expect(move).toMatchObject({ verdict: 'MOVE', before: 'prod-orders', after: 'prod-search' });
    expect(move?.plan.map((p) => [p.actions, p.importingId])).toEqual([
      [['forget'], null],
      [['no-op'], 'orders.order-created.notification.dlq'],
    ]);
  });

  it('reports a removed event field once, as a contract change, never as a declaration change', () => {
    const result = runCase(corpusCase('contract-field-removed'));
    expect(result.findings).toEqual([]);
    expect(result.contracts[0]).toMatchObject({
      id: 'prod-orders/orders.order-created/value/customerId/property-removed-closed-model',
      verdict: 'BLOCK',
      environment: 'prod',
      production: true,
      stack: 'prod-orders',
      mode: 'BACKWARD',
      breaks: ['backward'],
    });
  });

  it("keeps the contract's change strategy a declared note, and its mode a contract change", () => {
    const result = runCase(corpusCase('contract-mode-and-note'));
    expect(result.findings[0]?.rows).toEqual([
      {
        key: 'contract.changeStrategy',
        current: 'additive optional fields only; a breaking change is a new event type',
        new: 'no structural changes; a breaking change is a new event type',
      },
    ]);
    expect(result.contracts[0]).toMatchObject({ title: 'compatibility BACKWARD → FULL', verdict: 'SAFE' });
  });

  it('names the topic owner for a cross-domain read, WARN without a reason and SAFE quoting it', () => {
    const warn = runCase(corpusCase('cross-domain-without-reason')).access.changes[0];
    expect(warn).toMatchObject({
      verdict: 'WARN',
      owner: '@acme/orders-team',
      domain: 'orders',
      stack: 'prod-orders',
      crossDomain: { resourceDomain: 'orders', principalDomains: ['search'], grants: [{ groupId: 'search.order-indexer', domain: 'search', reason: null }] },
    });
    const safe = runCase(corpusCase('cross-domain-grant')).access.changes[0];
    expect(safe?.verdict).toBe('SAFE');
    expect(safe?.message).toContain('@acme/orders-team approves');
    expect(safe?.message).toContain('reads it because "customer service searches orders by customer and status"');
  });

  it('counts an ACL edited into the Terraform JSON, which no declaration explains, as outside every domain', () => {
    const wildcard = runCase(corpusCase('acl-warnings')).access.changes.find((a) => a.principal === 'User:*');
    expect(wildcard).toMatchObject({ verdict: 'WARN', kind: 'granted', why: [], crossDomain: { resourceDomain: 'orders', principalDomains: [], grants: [] } });
  });

  it('lists drift with the state and the cluster side by side', () => {
    const result = runCase(corpusCase('drift'));
    expect(result.drift).toEqual([
      {
        stack: 'dev',
        address: 'kafka_topic.orders_order-created',
        actions: ['update'],
        rows: [{ key: 'config.retention.ms', current: '148680000 (1d 17h 18m)', new: '3600000 (1h)' }],
      },
      {
        stack: 'dev',
        address: 'kafka_topic.search_document-changed_indexer_dlq',
        actions: ['delete'],
        rows: [{ key: 'exists', current: 'yes', new: 'no (deleted outside terraform)' }],
      },
    ]);
  });
});

describe('connector-removed: the counterpart of group-removed for Kafka Connect', () => {
  it('says what a removed sink loses: its DLQ with the dead letters, and offsets whose expiry means a full re-delivery', () => {
    const finding = runCase(corpusCase('sink-connector-removed')).findings.find(
      (f) => f.id === 'prod-search/connector:search.indexing/document-index/connector-removed',
    );
    expect(finding).toMatchObject({
      verdict: 'BLOCK',
      rule: 'connector-removed',
      production: true,
      before: 'search.indexing/document-index',
      after: '(removed)',
    });
    expect(finding?.reason).toMatch(/offsets of its group connect-document-index stay on the cluster until they expire/);
    expect(finding?.reason).toMatch(/earliest for Connect's sink consumers/);
    expect(finding?.reason).toMatch(/dead letters still waiting in search\.document-index\.dlq are lost/);
    expect(finding?.fix).toBe('re-drive or export search.document-index.dlq, then acknowledge');
    expect(finding?.rows.map((r) => r.key)).toEqual(['principal', 'reads', 'offsets', 'DLQ']);
  });

  it('names the readers a removed source connector leaves without events, and only blocks in production when there are some', () => {
    const findings = runCase(corpusCase('source-connector-removed')).findings;
    const prod = findings.find((f) => f.id === 'prod-search/connector:search.indexing/catalog-cdc/connector-removed');
    expect(prod?.reason).toMatch(/consumer group search\.indexer, sink connector search\.indexing\/document-index still read them/);
    expect(prod?.rows.find((r) => r.key === 'readers')?.current).toBe('consumer group search.indexer, sink connector search.indexing/document-index');
    const dev = findings.find((f) => f.id === 'dev/connector:search.indexing/catalog-cdc/connector-removed');
    expect(dev).toMatchObject({ verdict: 'WARN' });
    expect(dev?.reason).toMatch(/nothing declared reads them/);
  });
});
