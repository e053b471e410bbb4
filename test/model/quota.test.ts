/**
 * Client quotas from declared throughput (model/quota.ts), with numbers and explanations worked out by hand from the
 * module's definition: producer_byte_rate = Σ peak msg/s × average bytes of the topics produced × 2; consumer_byte_rate
 * = the same of the topics read, once per group, × 3; no rate when a topic involved declares no throughput.
 */
import { describe, expect, it } from 'vitest';
import { deriveQuotas, hasRates, principalUses, quotaAddress, quotaConfig, wholeBytes, type QuotaOptions } from '../../model/quota';
import type {
  ResolvedConnector,
  ResolvedConsumerGroup,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedQuota,
  ResolvedStreamsApplication,
} from '../../model/topology';

/** Only the fields quotas read: a topic's throughput, a group's subscriptions, a producer's topic. */
const topic = (name: string, throughput: { peakMessagesPerSecond: number; averageMessageBytes: number } | null): [string, ResolvedEventTopic] => [
  name,
  { name, throughput } as unknown as ResolvedEventTopic,
];
const group = (groupId: string, principal: string, reads: readonly string[], domain = 'orders', service = `${groupId}-service`): ResolvedConsumerGroup =>
  ({ groupId, principal, domain, service, subscriptions: reads.map((topicName) => ({ topicName })) }) as unknown as ResolvedConsumerGroup;
const producer = (principal: string, topicName: string, domain = 'orders', service = 'order-service'): ResolvedProducer =>
  ({ principal, topicName, service, topic: { domain, event: topicName } }) as unknown as ResolvedProducer;

const TOPICS = new Map([
  topic('orders.created', { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 }), // 2,048,000 B/s
  topic('orders.paid', { peakMessagesPerSecond: 100, averageMessageBytes: 500 }), // 50,000 B/s
  topic('orders.legacy', null),
  topic('orders.audit', null),
]);
const ON: QuotaOptions = { enabled: true, overrides: {}, environment: 'prod', throughputScaling: 1 };

function quotaOf(quotas: readonly ResolvedQuota[], principal: string): ResolvedQuota {
  const q = quotas.find((x) => x.principal === principal);
  if (q === undefined) throw new Error(`no quota for ${principal}; have ${quotas.map((x) => x.principal).join(', ')}`);
  return q;
}

describe('deriveQuotas', () => {
  it('sums what a principal produces, × 2: (2,048,000 + 50,000) × 2 = 4,196,000 B/s', () => {
    const q = quotaOf(
      deriveQuotas(TOPICS, [], [producer('User:order-service', 'orders.paid'), producer('User:order-service', 'orders.created')], ON),
      'User:order-service',
    );
    expect(q.producerByteRate).toEqual({
      value: 4_196_000,
      explanation:
        'orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s + orders.paid 100 msg/s × 500 B = 50,000 B/s = 2,098,000 B/s; × produce headroom 2 → 4,196,000 B/s per broker',
    });
    expect(q.consumerByteRate).toBeNull();
    expect(q).toMatchObject({ entityName: 'order-service', domain: 'orders', services: ['order-service'], undeclaredThroughput: { produce: [], consume: [] } });
  });

  it('counts a topic produced twice by one principal once', () => {
    const q = quotaOf(
      deriveQuotas(
        TOPICS,
        [],
        [producer('User:order-service', 'orders.created'), producer('User:order-service', 'orders.created', 'orders', 'other-service')],
        ON,
      ),
      'User:order-service',
    );
    expect(q.producerByteRate?.value).toBe(4_096_000);
    expect(q.services).toEqual(['order-service', 'other-service']);
  });

  it('sums what a principal reads once per group, × 3: two groups on one topic = 2 × 2,048,000 × 3 = 12,288,000 B/s', () => {
    const quotas = deriveQuotas(TOPICS, [group('orders.b', 'User:reader', ['orders.created']), group('orders.a', 'User:reader', ['orders.created'])], [], ON);
    expect(quotaOf(quotas, 'User:reader').consumerByteRate).toEqual({
      value: 12_288_000,
      explanation:
        'orders.a reads orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s + orders.b reads orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s = 4,096,000 B/s; × consume headroom 3 → 12,288,000 B/s per broker',
    });
  });

  it('writes one flow without a sum: 50,000 × 3 = 150,000 B/s', () => {
    const quotas = deriveQuotas(TOPICS, [group('orders.a', 'User:reader', ['orders.paid'])], [], ON);
    expect(quotaOf(quotas, 'User:reader').consumerByteRate).toEqual({
      value: 150_000,
      explanation: 'orders.a reads orders.paid 100 msg/s × 500 B = 50,000 B/s; × consume headroom 3 → 150,000 B/s per broker',
    });
  });

  it('derives no rate when a topic involved declares no throughput, and names those topics once, sorted', () => {
    const quotas = deriveQuotas(
      TOPICS,
      [group('orders.a', 'User:reader', ['orders.legacy', 'orders.created', 'orders.audit', 'orders.legacy'])],
      [producer('User:reader', 'orders.legacy')],
      ON,
    );
    const q = quotaOf(quotas, 'User:reader');
    expect(q.consumerByteRate).toBeNull();
    expect(q.producerByteRate).toBeNull();
    expect(q.undeclaredThroughput).toEqual({ produce: ['orders.legacy'], consume: ['orders.audit', 'orders.legacy'] });
    expect(hasRates(q)).toBe(false);
  });

  it('says when the environment scales throughput down', () => {
    const scaled = deriveQuotas(
      new Map([topic('orders.created', { peakMessagesPerSecond: 200, averageMessageBytes: 1_024 })]),
      [],
      [producer('User:order-service', 'orders.created')],
      { ...ON, throughputScaling: 0.1 },
    );
    expect(quotaOf(scaled, 'User:order-service').producerByteRate).toEqual({
      value: 409_600,
      explanation:
        'orders.created 200 msg/s × 1,024 B = 204,800 B/s (throughput scaled ×0.1 in this environment); × produce headroom 2 → 409,600 B/s per broker',
    });
  });

  it('takes an override per principal and direction, saying what it replaces', () => {
    const options: QuotaOptions = { ...ON, overrides: { 'User:reader': { consumerByteRate: 1_000 }, 'User:order-service': { producerByteRate: 5_000 } } };
    const quotas = deriveQuotas(TOPICS, [group('orders.a', 'User:reader', ['orders.legacy'])], [producer('User:order-service', 'orders.created')], options);
    expect(quotaOf(quotas, 'User:reader').consumerByteRate).toEqual({ value: 1_000, explanation: '1,000 B/s set in environment prod (none derived)' });
    expect(quotaOf(quotas, 'User:reader').undeclaredThroughput).toEqual({ produce: [], consume: [] });
    expect(quotaOf(quotas, 'User:order-service').producerByteRate).toEqual({
      value: 5_000,
      explanation: '5,000 B/s set in environment prod (derived would be 4,096,000 B/s)',
    });
  });

  it('keeps the undeclared topics of the direction that is not overridden', () => {
    const quotas = deriveQuotas(TOPICS, [group('orders.a', 'User:reader', ['orders.legacy'])], [producer('User:reader', 'orders.audit')], {
      ...ON,
      overrides: { 'User:reader': { consumerByteRate: 1_000 } },
    });
    expect(quotaOf(quotas, 'User:reader').undeclaredThroughput).toEqual({ produce: ['orders.audit'], consume: [] });
  });

  it('drops the undeclared topics of an overridden direction: the override is the rate, nothing is missing', () => {
    const options: QuotaOptions = { ...ON, overrides: { 'User:reader': { producerByteRate: 7_000 } } };
    const quotas = deriveQuotas(TOPICS, [group('orders.a', 'User:reader', ['orders.legacy'])], [producer('User:reader', 'orders.audit')], options);
    expect(quotaOf(quotas, 'User:reader').undeclaredThroughput).toEqual({ produce: [], consume: ['orders.legacy'] });
    expect(quotaOf(quotas, 'User:reader').producerByteRate).toEqual({ value: 7_000, explanation: '7,000 B/s set in environment prod (none derived)' });
  });

  it('counts a topic it has no resolved topic for as one without declared throughput, rather than failing', () => {
    const q = quotaOf(deriveQuotas(TOPICS, [], [producer('User:order-service', 'orders.unknown')], ON), 'User:order-service');
    expect(q.producerByteRate).toBeNull();
    expect(q.undeclaredThroughput.produce).toEqual(['orders.unknown']);
  });

  it('is empty when quotas are off, and skips principals that are not User:', () => {
    expect(deriveQuotas(TOPICS, [group('orders.a', 'User:reader', ['orders.paid'])], [], { ...ON, enabled: false })).toEqual([]);
    const quotas = deriveQuotas(TOPICS, [group('orders.a', 'Group:readers', ['orders.paid']), group('orders.b', 'User:reader', ['orders.paid'])], [], ON);
    expect(quotas.map((q) => q.principal)).toEqual(['User:reader']);
  });

  it('sorts quotas by principal and puts each in the first domain, by name, that uses it', () => {
    const quotas = deriveQuotas(
      TOPICS,
      [group('search.a', 'User:b', ['orders.paid'], 'search'), group('billing.a', 'User:b', ['orders.paid'], 'billing')],
      [producer('User:a', 'orders.paid', 'orders')],
      ON,
    );
    expect(quotas.map((q) => [q.principal, q.domain])).toEqual([
      ['User:a', 'orders'],
      ['User:b', 'billing'],
    ]);
  });
});

describe('deriveQuotas: Kafka Streams applications and connectors count like the clients they are', () => {
  const app = (applicationId: string, principal: string, reads: readonly string[], writes: readonly string[]): ResolvedStreamsApplication =>
    ({
      applicationId,
      principal,
      domain: 'orders',
      service: applicationId,
      inputs: reads.map((topicName) => ({ topicName })),
      outputs: writes.map((topicName) => ({ topicName })),
    }) as unknown as ResolvedStreamsApplication;
  const connector = (type: 'sink' | 'source', cluster: string, name: string, topics: readonly string[]): ResolvedConnector =>
    ({
      type,
      name,
      cluster: { groupId: cluster },
      groupId: type === 'sink' ? `connect-${name}` : null,
      principal: 'User:connect',
      domain: 'search',
      service: 'search-connect',
      topics: topics.map((topicName) => ({ topicName })),
    }) as unknown as ResolvedConnector;

  it('counts what a Streams application writes as produced and what it reads once, in its application id, as consumed', () => {
    const apps = [
      app('orders-totals', 'User:streams', ['orders.paid'], ['orders.created']),
      app('orders-audit', 'User:streams', ['orders.created'], ['orders.paid']),
    ];
    const q = quotaOf(deriveQuotas(TOPICS, [], [], ON, { streamsApplications: apps, connectors: [] }), 'User:streams');
    expect(q.producerByteRate).toEqual({
      value: 4_196_000,
      explanation:
        'orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s + orders.paid 100 msg/s × 500 B = 50,000 B/s = 2,098,000 B/s; × produce headroom 2 → 4,196,000 B/s per broker',
    });
    // (2,048,000 + 50,000) × 3 = 6,294,000, the applications in id order whatever the declaration order.
    expect(q.consumerByteRate).toEqual({
      value: 6_294_000,
      explanation:
        'orders-audit reads orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s + orders-totals reads orders.paid 100 msg/s × 500 B = 50,000 B/s = 2,098,000 B/s; × consume headroom 3 → 6,294,000 B/s per broker',
    });
    expect(q).toMatchObject({ domain: 'orders', services: ['orders-audit', 'orders-totals'] });
  });

  it('counts what a source connector writes as produced and what a sink connector reads, in its group, as consumed', () => {
    const connectors = [
      connector('sink', 'search.b', 'aa-index', ['orders.created']),
      connector('source', 'search.a', 'cdc', ['orders.paid']),
      connector('sink', 'search.a', 'zz-archive', ['orders.paid']),
    ];
    const q = quotaOf(deriveQuotas(TOPICS, [], [], ON, { streamsApplications: [], connectors }), 'User:connect');
    // Only the source connector produces: 50,000 × 2.
    expect(q.producerByteRate).toEqual({
      value: 100_000,
      explanation: 'orders.paid 100 msg/s × 500 B = 50,000 B/s; × produce headroom 2 → 100,000 B/s per broker',
    });
    // Only the sinks consume, by cluster then name (search.a/zz-archive before search.b/aa-index): (50,000 + 2,048,000) × 3.
    expect(q.consumerByteRate).toEqual({
      value: 6_294_000,
      explanation:
        'connect-zz-archive reads orders.paid 100 msg/s × 500 B = 50,000 B/s + connect-aa-index reads orders.created 2,000 msg/s × 1,024 B = 2,048,000 B/s = 2,098,000 B/s; × consume headroom 3 → 6,294,000 B/s per broker',
    });
    expect(q).toMatchObject({ entityName: 'connect', domain: 'search', services: ['search-connect'] });
  });

  it('keeps connectors already in cluster-then-name order in that order', () => {
    const connectors = [connector('sink', 'search.a', 'zz-archive', ['orders.paid']), connector('sink', 'search.b', 'aa-index', ['orders.created'])];
    const q = quotaOf(deriveQuotas(TOPICS, [], [], ON, { streamsApplications: [], connectors }), 'User:connect');
    // search.a/zz-archive before search.b/aa-index: the cluster decides before the name.
    expect(q.consumerByteRate?.explanation.startsWith('connect-zz-archive reads orders.paid')).toBe(true);
  });
});

describe('quota helpers', () => {
  it('rounds bytes up to a whole byte, ignoring float noise below a thousandth', () => {
    expect(wholeBytes(200.00000000000003)).toBe(200);
    expect(wholeBytes(200.0004)).toBe(200);
    expect(wholeBytes(200.0006)).toBe(201);
    expect(wholeBytes(200.5)).toBe(201);
    expect(wholeBytes(200)).toBe(200);
  });

  it('maps principals to the domains and services that use them', () => {
    const uses = principalUses(
      [group('orders.a', 'User:x', [], 'orders', 'svc-a')],
      [producer('User:x', 't', 'search', 'svc-b'), producer('User:y', 't', 'orders', 'svc-c')],
    );
    expect([...uses.entries()].map(([p, u]) => [p, [...u.domains].sort(), [...u.services].sort()])).toEqual([
      ['User:x', ['orders', 'search'], ['svc-a', 'svc-b']],
      ['User:y', ['orders'], ['svc-c']],
    ]);
  });

  it('renders only the rates a quota has, and says whether it has any', () => {
    const rate = (value: number) => ({ value, explanation: '' });
    const base = { principal: 'User:a', entityName: 'a', domain: 'd', services: [], undeclaredThroughput: { produce: [], consume: [] } };
    expect(quotaConfig({ ...base, producerByteRate: rate(1), consumerByteRate: rate(2) })).toEqual({ consumer_byte_rate: 2, producer_byte_rate: 1 });
    expect(quotaConfig({ ...base, producerByteRate: null, consumerByteRate: rate(2) })).toEqual({ consumer_byte_rate: 2 });
    expect(quotaConfig({ ...base, producerByteRate: rate(1), consumerByteRate: null })).toEqual({ producer_byte_rate: 1 });
    expect(hasRates({ ...base, producerByteRate: null, consumerByteRate: rate(2) })).toBe(true);
    expect(hasRates({ ...base, producerByteRate: rate(1), consumerByteRate: null })).toBe(true);
  });

  it('addresses a quota by its entity only: sha256("user|<name>")[0..8], unsafe characters replaced', () => {
    expect(quotaAddress({ entityName: 'payment-service' })).toBe('quota_user_payment-service_b649b742');
    expect(quotaAddress({ entityName: 'svc.a b' })).toBe('quota_user_svc_a_b_08a67fcd');
  });
});
