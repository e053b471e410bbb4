/**
 * resolve() at the edges mutation testing found unpinned: where an issue about an unparseable declaration points,
 * what is not reported twice, sorted output whatever the declaration order, principal types and quota overrides an
 * environment refuses, what a resolved domain and group keep, and replay-window scaling.
 */
import { describe, expect, it } from 'vitest';
import { resolve, type Declarations } from '../../../model/resolve';
import type { ConsumerGroupInput, EnvironmentInput, EventTopicInput, ProducerInput } from '../../../model/schema';

const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };

const domain = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  owner: `@acme/${name}-team`,
  description: `${name} events`,
  source: { path: `dev/${name}` },
  ...extra,
});
const topic = (d: string, name: string, extra: Partial<EventTopicInput> = {}): EventTopicInput => ({
  domain: d,
  name,
  eventTypes: ['Happened'],
  key: { field: 'id', aggregate: 'thing', reason: 'per-thing ordering; things are independent' },
  partitions: 3,
  replay: { kind: 'window', window: '7d' },
  source: { path: `dev/${d}/${name}` },
  ...extra,
});
const group = (
  d: string,
  name: string,
  reads: ReadonlyArray<{ domain: string; event: string; reason?: string }>,
  extra: Partial<ConsumerGroupInput> = {},
): ConsumerGroupInput => ({
  domain: d,
  name,
  service: `${name}-service`,
  principal: `User:${name}-service`,
  subscriptions: reads.map((r) => ({ topic: { domain: r.domain, event: r.event }, ...(r.reason === undefined ? {} : { reason: r.reason }) })),
  idempotency: 'keyed by event id; duplicates are ignored',
  source: { path: `dev/${d}/${name}` },
  ...extra,
});
const producer = (d: string, event: string, principal: string, service = 'writer'): ProducerInput => ({
  topic: { domain: d, event },
  service,
  principal,
  source: { path: `dev/${d}/${event}/Producer-${service}` },
});

function run(declarations: Partial<Declarations>, environment: unknown = DEV) {
  return resolve({ domains: [], topics: [], consumerGroups: [], producers: [], ...declarations }, environment);
}

const brief = (r: ReturnType<typeof run>): string[] => r.issues.map((i) => `${i.source.path} ${i.path} ${i.code}${i.hint === undefined ? '' : ` (${i.hint})`}`);

describe('where an issue about an unparseable declaration points', () => {
  it('at the declaration’s own source when it has one with a path', () => {
    const r = run({ domains: [{ name: 'Bad Name', owner: '@a/b', description: 'd', source: { path: 'dev/bad', file: 'topics/bad.ts', line: 3 } }] });
    expect(r.issues.map((i) => i.source)).toEqual([{ path: 'dev/bad', file: 'topics/bad.ts', line: 3 }]);
  });

  it.each([
    ['a string', 'orders'],
    ['null', null],
    ['an object without source', { name: 'Bad Name' }],
    ['a source that is not an object', { name: 'Bad Name', source: 'dev/bad' }],
    ['a source without a string path', { name: 'Bad Name', source: { path: 7 } }],
  ])('at <unknown> for %s', (_name, raw) => {
    const r = run({ domains: [raw] });
    expect(r.topology).toBeNull();
    expect(new Set(r.issues.map((i) => i.source.path))).toEqual(new Set(['<unknown>']));
  });
});

describe('what is reported once', () => {
  it('does not report a topic of an unparseable domain as naming an unknown domain', () => {
    const r = run({ domains: [domain('orders', { owner: 'not a team' })], topics: [topic('orders', 'created')] });
    expect(brief(r)).toEqual(['dev/orders owner schema-invalid_format']);
  });

  it('does not report a subscription to an unparseable topic as naming an unknown topic', () => {
    const r = run({
      domains: [domain('orders')],
      topics: [topic('orders', 'created', { eventTypes: [] })],
      consumerGroups: [group('orders', 'payment', [{ domain: 'orders', event: 'created' }])],
    });
    expect(brief(r).filter((l) => l.includes('unknown-topic'))).toEqual([]);
    expect(brief(r)).toEqual(['dev/orders/created eventTypes schema-too_small']);
  });

  it('reports an unknown domain and an unknown topic with a did-you-mean', () => {
    const r = run({
      domains: [domain('orders')],
      topics: [topic('order', 'created')],
      consumerGroups: [group('orders', 'payment', [{ domain: 'orders', event: 'create' }])],
      producers: [producer('orders', 'nope-at-all-xyz', 'User:writer')],
    });
    expect(r.issues.map((i) => `${i.source.path} ${i.path} ${i.code}${i.hint === undefined ? '' : ` (${i.hint})`} | ${i.message}`)).toEqual([
      'dev/order/created domain unknown-domain (did you mean "orders"?) | domain "order" is not declared',
      'dev/orders/nope-at-all-xyz/Producer-writer topic unknown-topic | event topic "orders/nope-at-all-xyz" is not declared',
      'dev/orders/payment subscriptions[0].topic unknown-topic (did you mean "order/created"?) | event topic "orders/create" is not declared',
    ]);
  });

  it('names a duplicate subscription and a cross-domain read without a reason', () => {
    const r = run({
      domains: [domain('orders'), domain('billing')],
      topics: [topic('orders', 'created')],
      consumerGroups: [
        group('billing', 'invoicer', [
          { domain: 'orders', event: 'created' },
          { domain: 'orders', event: 'created' },
        ]),
      ],
    });
    expect(r.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [
        'subscriptions[0].reason',
        'cross-domain-read-without-reason',
        'group "billing.invoicer" reads "orders/created" of domain "orders" without a stated reason',
      ],
      ['subscriptions[1].topic', 'duplicate-subscription', 'group "billing.invoicer" subscribes to "orders/created" twice'],
    ]);
  });

  it('names a producer granted twice, and a legacy ACL of an unknown domain', () => {
    const r = run({
      domains: [domain('orders')],
      topics: [topic('orders', 'created')],
      producers: [producer('orders', 'created', 'User:w'), producer('orders', 'created', 'User:w')],
    });
    expect(r.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      ['service', 'duplicate-producer', 'writer (User:w) is granted produce on "orders/created" twice (first at dev/orders/created/Producer-writer)'],
    ]);
  });
});

describe('resolved output', () => {
  it('sorts domains, topics, groups and subscriptions whatever the declaration order', () => {
    const r = run({
      domains: [domain('search'), domain('orders'), domain('billing')],
      topics: [topic('search', 'changed'), topic('orders', 'paid'), topic('orders', 'created')],
      consumerGroups: [
        group('search', 'indexer', [{ domain: 'search', event: 'changed' }]),
        group(
          'orders',
          'payment',
          [
            { domain: 'orders', event: 'paid' },
            { domain: 'orders', event: 'created' },
          ],
          { deadLetter: false },
        ),
      ],
    });
    const t = r.topology;
    if (t === null) throw new Error(JSON.stringify(r.issues));
    expect(t.domains.map((d) => d.name)).toEqual(['billing', 'orders', 'search']);
    expect(t.topics.map((x) => x.name)).toEqual(['orders.created', 'orders.paid', 'search.changed', 'search.changed.indexer.dlq']);
    expect(t.consumerGroups.map((g) => g.groupId)).toEqual(['orders.payment', 'search.indexer']);
    expect(t.consumerGroups[0]?.subscriptions.map((s) => s.topicName)).toEqual(['orders.created', 'orders.paid']);
  });

  it('keeps a domain’s recovery procedure, a subscription’s reason, and nulls for what a group does not declare', () => {
    const r = run({
      domains: [domain('orders', { recoveryProcedure: 'docs/runbooks/orders.md' }), domain('billing')],
      topics: [topic('orders', 'created')],
      consumerGroups: [
        group('billing', 'invoicer', [{ domain: 'orders', event: 'created', reason: 'invoices follow orders' }], {
          idempotency: undefined,
          suppressions: [{ ruleId: 'TF-GROUP-001', reason: 'invoices are deduplicated downstream' }],
        }),
      ],
    });
    const t = r.topology;
    if (t === null) throw new Error(JSON.stringify(r.issues));
    expect(t.domains.find((d) => d.name === 'orders')?.recoveryProcedure).toBe('docs/runbooks/orders.md');
    expect('recoveryProcedure' in (t.domains.find((d) => d.name === 'billing') ?? {})).toBe(false);
    const g = t.consumerGroups[0];
    expect(g?.subscriptions[0]?.reason).toBe('invoices follow orders');
    expect(g).toMatchObject({ idempotency: null, processingTimePerMessageMs: null, maxProcessingLagMs: null, deadLetter: true });
    const own = run({
      domains: [domain('orders')],
      topics: [topic('orders', 'created')],
      consumerGroups: [group('orders', 'payment', [{ domain: 'orders', event: 'created' }])],
    }).topology;
    expect('reason' in (own?.consumerGroups[0]?.subscriptions[0] ?? { reason: 1 })).toBe(false);
  });

  it('records the environment with its scaling', () => {
    const t = run({ domains: [domain('orders')] }, { ...DEV, scaling: { replayWindow: 0.5, throughput: 0.25 } }).topology;
    expect(t?.environment).toEqual({
      name: 'dev',
      production: false,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      topicPrefix: '',
      scaling: { replayWindow: 0.5, throughput: 0.25 },
    });
  });
});

describe('replay windows scaled by the environment', () => {
  const retention = (env: EnvironmentInput, replay: EventTopicInput['replay']): string | undefined =>
    run({ domains: [domain('orders')], topics: [topic('orders', 'created', { replay })] }, env).topology?.topics[0]?.config['retention.ms'];

  it('keeps the window at scale 1: 7d + 1d margin', () => {
    expect(retention(DEV, { kind: 'window', window: '7d' })).toBe(String(8 * 86_400_000));
  });

  it('scales a window: 7d × 0.5 = 3d 12h, + 1d margin', () => {
    expect(retention({ ...DEV, scaling: { replayWindow: 0.5 } }, { kind: 'window', window: '7d' })).toBe(String(4.5 * 86_400_000));
  });

  it('never below the minimum window: 2h × 0.1 = 12m → 1h, + 1d margin', () => {
    expect(retention({ ...DEV, scaling: { replayWindow: 0.1 } }, { kind: 'window', window: '2h' })).toBe(String(3_600_000 + 86_400_000));
  });

  it('scales the key expiry of a compacted topic, not its reindex time', () => {
    const t = run(
      { domains: [domain('orders')], topics: [topic('orders', 'created', { replay: { kind: 'full', longestReindex: '12h', expireAfter: '10d' } })] },
      { ...DEV, scaling: { replayWindow: 0.5 } },
    ).topology?.topics[0];
    // expireAfter 10d × 0.5 = 5d, + 1d margin; tombstones outlive the unscaled 12h reindex.
    expect(t?.config['retention.ms']).toBe(String(6 * 86_400_000));
    expect(t?.config['cleanup.policy']).toBe('compact,delete');
    if (t?.kind !== 'event') throw new Error('not an event topic');
    expect(t.replay).toEqual({ kind: 'full', longestReindex: '12h', expireAfter: '5d' });
  });
});

describe('environment rules on principals and quotas', () => {
  const base = { domains: [domain('orders')], topics: [topic('orders', 'created')] };

  it('refuses a principal type the environment does not allow, saying how to fix it', () => {
    const r = run({
      ...base,
      consumerGroups: [group('orders', 'payment', [{ domain: 'orders', event: 'created' }], { principal: 'ServiceAccount:payments' })],
    });
    expect(r.issues.map((i) => [i.path, i.code, i.message, i.hint])).toEqual([
      [
        'principal',
        'principal-type-not-allowed',
        'principal "ServiceAccount:payments" has type "ServiceAccount", which environment "dev" does not allow (allowed: User)',
        'Kafka\'s authorizer matches only "User:" principals unless the brokers run a custom principal builder: use KafkaPrincipal.user(…), or add "ServiceAccount" to the environment\'s principalTypes if they do',
      ],
    ]);
    expect(
      run({ ...base, producers: [producer('orders', 'created', 'ServiceAccount:w')] }, { ...DEV, principalTypes: ['User', 'ServiceAccount'] }).issues,
    ).toEqual([]);
  });

  it('refuses a quota override for a principal no declaration uses (with a did-you-mean), or one that is not User:', () => {
    const env = {
      ...DEV,
      principalTypes: ['User', 'Group'],
      quotas: { overrides: { 'User:writr': { producerByteRate: 1_000 }, 'Group:x': { consumerByteRate: 1 }, 'User:writer': { producerByteRate: 2_000 } } },
    };
    const r = run({ ...base, producers: [producer('orders', 'created', 'User:writer')] }, env);
    expect(r.issues.map((i) => [i.source.path, i.path, i.code, i.message, i.hint])).toEqual([
      [
        'environment',
        'quotas.overrides["Group:x"]',
        'quota-override-not-user',
        'quota override for "Group:x": Kafka\'s user quotas apply to "User:" principals only',
        undefined,
      ],
      [
        'environment',
        'quotas.overrides["User:writr"]',
        'quota-override-unknown-principal',
        'quota override for "User:writr", which no producer or consumer group of environment "dev" uses',
        'did you mean "User:writer"?',
      ],
    ]);
  });

  it('accepts an override for a principal in use, and gives no hint when nothing is close', () => {
    const r = run(
      { ...base, producers: [producer('orders', 'created', 'User:writer')] },
      { ...DEV, quotas: { overrides: { 'User:writer': { producerByteRate: 2_000 }, 'User:zzzzzzzzzzzz': { producerByteRate: 1 } } } },
    );
    expect(r.issues.map((i) => [i.code, i.hint])).toEqual([['quota-override-unknown-principal', undefined]]);
  });
});

describe('what a resolved topic, group and producer carry', () => {
  const one = (decl: Partial<Declarations>, env: EnvironmentInput = DEV) => {
    const r = run({ domains: [domain('orders')], ...decl }, env);
    if (r.topology === null) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    return r.topology;
  };

  it('scales declared throughput by the environment, and not at scale 1', () => {
    const throughput = { peakMessagesPerSecond: 1_000, averageMessageBytes: 100 };
    const at = (env: EnvironmentInput) => {
      const t = one({ topics: [topic('orders', 'created', { partitions: undefined, throughput })] }, env).topics[0];
      return t?.kind === 'event' ? t.throughput : undefined;
    };
    expect(at({ ...DEV, scaling: { throughput: 0.25 } })).toEqual({ peakMessagesPerSecond: 250, averageMessageBytes: 100 });
    expect(at(DEV)).toEqual(throughput);
  });

  it('leaves a full replay without expiry unscaled', () => {
    const t = one({ topics: [topic('orders', 'created', { replay: { kind: 'full', longestReindex: '12h' } })] }, { ...DEV, scaling: { replayWindow: 0.5 } })
      .topics[0];
    expect(t?.kind === 'event' ? t.replay : undefined).toEqual({ kind: 'full', longestReindex: '12h' });
    expect(t?.config['retention.ms']).toBeUndefined();
  });

  it('keeps description, event types, aggregate (declared, or the key’s), and null for undeclared throughput', () => {
    const [a, b] = one({
      topics: [
        topic('orders', 'a', { description: 'an order happened', eventTypes: ['A1', 'A2'], aggregate: { name: 'order', cardinality: 10 } }),
        topic('orders', 'b'),
      ],
    }).topics;
    expect(a).toMatchObject({
      description: 'an order happened',
      eventTypes: ['A1', 'A2'],
      aggregate: { name: 'order', cardinality: 10 },
      throughput: null,
      retentionBytes: null,
    });
    expect(b?.kind === 'event' ? b.aggregate : undefined).toEqual({ name: 'thing' });
    expect('description' in (b ?? {})).toBe(false);
    const keyless = one({ topics: [topic('orders', 'c', { key: undefined, ordering: 'none' })] }).topics[0];
    expect(keyless?.kind === 'event' ? [keyless.key, keyless.aggregate] : undefined).toEqual([null, null]);
  });

  it('makes the subject naming its schemas imply explicit, and leaves a contract without schemas as it is', () => {
    const withSchemas = one({ topics: [topic('orders', 'a', { contract: { schemas: { Happened: { type: 'object' } } } })] }).topics[0];
    expect(withSchemas?.kind === 'event' ? withSchemas.contract.subjectNaming : undefined).toBe('TopicRecordNameStrategy');
    const plain = one({ topics: [topic('orders', 'a')] }).topics[0];
    expect(plain?.kind === 'event' ? plain.contract : undefined).toEqual({ compatibility: 'BACKWARD' });
  });

  it('sizes partitions from throughput and the slowest reader: 1,000 msg/s × 20 ms = 20 consumers → × 2 → 48', () => {
    const t = one({
      topics: [topic('orders', 'a', { partitions: undefined, throughput: { peakMessagesPerSecond: 1_000, averageMessageBytes: 100 } })],
      consumerGroups: [
        group('orders', 'fast', [{ domain: 'orders', event: 'a' }], { processingTimePerMessage: '2ms', deadLetter: false }),
        group('orders', 'slow', [{ domain: 'orders', event: 'a' }], { processingTimePerMessage: '20ms', deadLetter: false }),
        group('orders', 'unknown', [{ domain: 'orders', event: 'a' }], { deadLetter: false }),
      ],
    }).topics[0];
    expect(t?.partitions.value).toBe(48);
    const alone = one({ topics: [topic('orders', 'a', { partitions: undefined, throughput: { peakMessagesPerSecond: 1_000, averageMessageBytes: 100 } })] })
      .topics[0];
    // No reader declares a processing time: producer-bound only, 0.1 MB/s → 1 × 2 = 2.
    expect(alone?.partitions.value).toBe(2);
  });

  it('gives retry tiers the parent’s partitions or the declared count, numbered from 1 with their delays', () => {
    const topics = one({
      topics: [topic('orders', 'a', { partitions: 12 })],
      consumerGroups: [
        group('orders', 'p', [{ domain: 'orders', event: 'a' }], { retries: ['1s', '5s'] }),
        group('orders', 'q', [{ domain: 'orders', event: 'a' }], { retries: ['1s'], retryPartitions: 4, deadLetter: false }),
      ],
    }).topics;
    const retries = topics
      .filter((t) => t.kind === 'retry')
      .map((t) => [t.name, t.partitions.value, t.partitions.explanation, t.kind === 'retry' ? t.retry : undefined]);
    expect(retries).toEqual([
      ['orders.a.p.retry-1', 12, 'same as orders.a: read by the same group instances', { tier: 1, delayMs: 1_000 }],
      ['orders.a.p.retry-2', 12, 'same as orders.a: read by the same group instances', { tier: 2, delayMs: 5_000 }],
      ['orders.a.q.retry-1', 4, 'declared', { tier: 1, delayMs: 1_000 }],
    ]);
    const dlq = topics.find((t) => t.kind === 'dead-letter');
    expect(dlq).toMatchObject({
      name: 'orders.a.p.dlq',
      partitions: { value: 3, explanation: 'dead letters are rare: 3 (3, or fewer when orders.a has fewer)' },
    });
    expect('retry' in (dlq ?? {})).toBe(false);
  });

  it('takes a declared dead-letter shape: partitions, retention and extra config', () => {
    const dlq = one({
      topics: [topic('orders', 'a', { partitions: 2 })],
      consumerGroups: [
        group('orders', 'p', [{ domain: 'orders', event: 'a' }], {
          deadLetter: { partitions: 1, retention: '3d', config: { 'max.message.bytes': '2000000' } },
        }),
      ],
    }).topics.find((t) => t.kind === 'dead-letter');
    expect(dlq).toMatchObject({ partitions: { value: 1, explanation: 'declared' }, retentionMs: { value: 3 * 86_400_000, explanation: 'declared' } });
    expect(dlq?.config).toEqual({
      'cleanup.policy': 'delete',
      'max.message.bytes': '2000000',
      'min.insync.replicas': '1',
      'retention.ms': String(3 * 86_400_000),
    });
    const small = one({
      topics: [topic('orders', 'a', { partitions: 2 })],
      consumerGroups: [group('orders', 'p', [{ domain: 'orders', event: 'a' }])],
    }).topics.find((t) => t.kind === 'dead-letter');
    expect(small?.partitions).toEqual({ value: 2, explanation: 'dead letters are rare: 2 (3, or fewer when orders.a has fewer)' });
  });

  it('fills a producer’s delivery defaults and keeps what it declares', () => {
    const [plain, tuned] = one({
      topics: [topic('orders', 'a'), topic('orders', 'b')],
      producers: [
        producer('orders', 'a', 'User:w'),
        { ...producer('orders', 'b', 'User:w'), transactionalIdPrefix: 'w-tx-', delivery: { timeout: '10s', backoff: '200ms', backoffMax: '5s', retries: 3 } },
      ],
    }).producers;
    expect(plain).toMatchObject({
      topicName: 'orders.a',
      idempotent: true,
      transactionalIdPrefix: null,
      delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
    });
    expect(tuned).toMatchObject({
      topicName: 'orders.b',
      transactionalIdPrefix: 'w-tx-',
      delivery: { timeoutMs: 10_000, backoffMs: 200, backoffMaxMs: 5_000, retries: 3 },
    });
  });
});

describe('config and shape checks', () => {
  const issues = (decl: Partial<Declarations>) =>
    run({ domains: [domain('orders')], ...decl }).issues.map((i) => [i.path, i.code, i.message, i.hint ?? null, i.severity ?? 'error']);

  it('refuses derived keys in a topic’s config, naming the field to set, and checks the rest', () => {
    expect(issues({ topics: [topic('orders', 'a', { config: { 'retention.bytes': '1', 'cleanup.policy': 'compact', 'segment.ms': 'x' } })] })).toEqual([
      [
        'config["cleanup.policy"]',
        'derived-config-key',
        '"cleanup.policy" is derived from replay (or cleanupPolicy); set it there',
        'remove "cleanup.policy" from config',
        'error',
      ],
      [
        'config["retention.bytes"]',
        'derived-config-key',
        '"retention.bytes" is derived from retentionBytes; set it there',
        'remove "retention.bytes" from config',
        'error',
      ],
      expect.arrayContaining(['config["segment.ms"]']),
    ]);
  });

  it('checks config keys even when another field fails, and skips a config that is not a string map', () => {
    const bad = { ...topic('orders', 'a', { config: { 'min.insync.replicas': '2' } }), eventTypes: [] };
    expect(issues({ topics: [bad] }).map(([path, code]) => `${String(path)} ${String(code)}`)).toEqual([
      'config["min.insync.replicas"] derived-config-key',
      'eventTypes schema-too_small',
    ]);
    const numbers = { ...topic('orders', 'a'), config: { 'cleanup.policy': 1 } };
    expect(issues({ topics: [numbers] }).map(([, code]) => code)).toEqual(['schema-invalid_type']);
  });

  it('refuses a cleanup policy that contradicts the replay, saying what each replay needs', () => {
    expect(issues({ topics: [topic('orders', 'a', { cleanupPolicy: 'compact' })] })).toEqual([
      [
        'cleanupPolicy',
        'cleanup-policy-contradicts-replay',
        'cleanup policy "compact" contradicts replay "window", which needs "delete"',
        'a replay window keeps every event for the window: use delete, or declare Replay.full()',
        'error',
      ],
    ]);
    expect(issues({ topics: [topic('orders', 'a', { replay: { kind: 'full', longestReindex: '1h' }, cleanupPolicy: 'delete' })] })).toEqual([
      [
        'cleanupPolicy',
        'cleanup-policy-contradicts-replay',
        'cleanup policy "delete" contradicts replay "full", which needs "compact"',
        "a full replay keeps every key's latest state: use compaction",
        'error',
      ],
    ]);
    expect(
      issues({ topics: [topic('orders', 'a', { replay: { kind: 'full', longestReindex: '1h', expireAfter: '1d' }, cleanupPolicy: 'compact,delete' })] }),
    ).toEqual([]);
  });

  it('warns that retention.ms does nothing on a compacted topic, unless keys expire', () => {
    expect(issues({ topics: [topic('orders', 'a', { replay: { kind: 'full', longestReindex: '1h' }, config: { 'retention.ms': '1000' } })] })).toEqual([
      [
        'config["retention.ms"]',
        'retention-on-compacted-topic',
        "retention.ms has no effect on a compacted topic (full replay keeps every key's latest value)",
        'remove it, or declare Replay.full({ longestReindex, expireAfter }) if keys may expire',
        'warning',
      ],
    ]);
    expect(
      issues({ topics: [topic('orders', 'a', { replay: { kind: 'full', longestReindex: '1h', expireAfter: '2d' }, config: { 'retention.ms': '1000' } })] }),
    ).toEqual([]);
    expect(issues({ topics: [topic('orders', 'a', { config: { 'retention.ms': '1000' } })] })).toEqual([]);
  });

  it('refuses retry partitions without retry tiers, and derived keys in a dead-letter config', () => {
    expect(
      issues({
        topics: [topic('orders', 'a')],
        consumerGroups: [
          group('orders', 'p', [{ domain: 'orders', event: 'a' }], {
            retryPartitions: 3,
            deadLetter: { config: { 'retention.ms': '1', 'cleanup.policy': 'compact', 'min.insync.replicas': '2', 'retention.bytes': '5', 'segment.ms': 'x' } },
          }),
        ],
      }),
    ).toEqual([
      [
        'deadLetter.config["cleanup.policy"]',
        'derived-config-key',
        '"cleanup.policy" of a dead-letter topic is derived (dead letters are deleted after their retention)',
        'remove "cleanup.policy" from deadLetter.config',
        'error',
      ],
      [
        'deadLetter.config["min.insync.replicas"]',
        'derived-config-key',
        '"min.insync.replicas" of a dead-letter topic is derived from the subscribed topic',
        'remove "min.insync.replicas" from deadLetter.config',
        'error',
      ],
      [
        'deadLetter.config["retention.bytes"]',
        'derived-config-key',
        '"retention.bytes" of a dead-letter topic is not declarable on a dead-letter topic',
        'remove "retention.bytes" from deadLetter.config',
        'error',
      ],
      [
        'deadLetter.config["retention.ms"]',
        'derived-config-key',
        '"retention.ms" of a dead-letter topic is deadLetter.retention',
        'remove "retention.ms" from deadLetter.config',
        'error',
      ],
      expect.arrayContaining(['deadLetter.config["segment.ms"]']),
      [
        'retryPartitions',
        'retry-partitions-without-retries',
        'group "orders.p" declares retry partitions but no retry tiers',
        'declare retries, or remove retryPartitions',
        'error',
      ],
    ]);
  });

  it('refuses topic names Kafka would reject or confuse, naming the first declaration (in name order)', () => {
    const r = run({
      domains: [domain('orders')],
      topics: [
        topic('orders', 'a', { topicName: 'orders.x_y' }),
        topic('orders', 'b', { topicName: 'orders.x.y' }),
        topic('orders', 'c', { topicName: 'orders.x.y' }),
      ],
    });
    expect(r.issues.map((i) => [i.source.path, i.path, i.code, i.message, i.severity ?? 'error'])).toEqual([
      [
        'dev/orders/a',
        'name',
        'mixed-topic-name-separators',
        'topic name "orders.x_y" mixes "." and "_", which Kafka\'s metric names treat as the same character',
        'warning',
      ],
      [
        'dev/orders/a',
        'name',
        'topic-name-collision',
        'topic "orders.x_y" differs from "orders.x.y" (dev/orders/b) only by "." versus "_"; Kafka rejects the second one',
        'error',
      ],
      ['dev/orders/c', 'name', 'duplicate-topic-name', 'topic "orders.x.y" is also declared at dev/orders/b', 'error'],
    ]);
  });
});
