import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { toMs } from '../../model/duration';
import { formatIssue } from '../../model/issues';
import { highlyDivisibleCounts } from '../../model/sizing/partitions';
import { MAX_SIZED_PARTITIONS } from '../../model/limits';
import { metricCollisionKey, topicAddress } from '../../model/naming';
import { resolve, type Declarations, type LocatedIssue, type ResolveResult } from '../../model/resolve';
import type { ConsumerGroupInput, domainSchema, EnvironmentInput, EventTopicInput, ProducerInput } from '../../model/schema';
import { validateTopicConfig } from '../../model/topic-config-keys';
import type { ResolvedCompanionTopic, ResolvedEventTopic, ResolvedTopic, Topology } from '../../model/topology';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };
const PROD: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };

// ---------------------------------------------------------------------------------------------------------------------
// Declarations: the orders and search seed examples, plus a billing domain that reads orders' events.

type DomainInput = z.input<typeof domainSchema>;

const ORDERS: DomainInput = { name: 'orders', owner: '@acme/orders-team', description: 'Order lifecycle', source: { path: 'dev/orders' } };
const SEARCH: DomainInput = { name: 'search', owner: '@acme/search-team', description: 'Search indexing', source: { path: 'dev/search' } };
const BILLING: DomainInput = { name: 'billing', owner: '@acme/billing-team', description: 'Invoices', source: { path: 'dev/billing' } };

const ORDER_CREATED: EventTopicInput = {
  domain: 'orders',
  name: 'order-created',
  eventTypes: ['OrderCreated'],
  key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other' },
  throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 },
  replay: { kind: 'window', window: '7d' },
  source: { path: 'dev/orders/order-created' },
};

const DOCUMENT_CHANGED: EventTopicInput = {
  domain: 'search',
  name: 'document-changed',
  eventTypes: ['DocumentUpserted', 'DocumentDeleted'],
  key: { field: 'documentId', aggregate: 'document', reason: 'compaction keeps the latest state per document' },
  partitions: 6,
  replay: { kind: 'full', longestReindex: '12h' },
  source: { path: 'dev/search/document-changed' },
};

const PAYMENT: ConsumerGroupInput = {
  domain: 'orders',
  name: 'payment',
  service: 'payment-service',
  principal: 'User:payment-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }],
  idempotency: 'payment id unique per order; duplicates are ignored',
  processingTimePerMessage: '5ms',
  maxProcessingLag: '5m',
  retries: ['1s', '2s', '4s'],
  source: { path: 'dev/orders/order-created/payment' },
};

const NOTIFICATION: ConsumerGroupInput = {
  domain: 'orders',
  name: 'notification',
  service: 'notification-service',
  principal: 'User:notification-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }],
  idempotency: 'notification keyed by event id; resends are harmless',
  processingTimePerMessage: '3ms',
  maxProcessingLag: '30m',
  source: { path: 'dev/orders/order-created/notification' },
};

const INDEXER: ConsumerGroupInput = {
  domain: 'search',
  name: 'indexer',
  service: 'indexer',
  principal: 'User:indexer',
  subscriptions: [{ topic: { domain: 'search', event: 'document-changed' } }],
  idempotency: 'upserts by document id and version; replays are harmless',
  source: { path: 'dev/search/document-changed/indexer' },
};

const INVOICING: ConsumerGroupInput = {
  domain: 'billing',
  name: 'invoicing',
  service: 'invoice-service',
  principal: 'User:invoice-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are raised when an order is placed' }],
  maxProcessingLag: '1h',
  source: { path: 'dev/billing/invoicing' },
};

const ORDER_SERVICE: ProducerInput = {
  topic: { domain: 'orders', event: 'order-created' },
  service: 'order-service',
  principal: 'User:order-service',
  source: { path: 'dev/orders/order-created/order-service' },
};

const SEED: Declarations = {
  domains: [ORDERS, SEARCH],
  topics: [ORDER_CREATED, DOCUMENT_CHANGED],
  consumerGroups: [PAYMENT, NOTIFICATION, INDEXER],
  producers: [ORDER_SERVICE],
};

const withDeclarations = (changes: Partial<Declarations>): Declarations => ({ ...SEED, ...changes });

// ---------------------------------------------------------------------------------------------------------------------
// Helpers

function resolved(declarations: Declarations, environment: EnvironmentInput = DEV): Topology {
  const result = resolve(declarations, environment);
  if (result.topology === null) {
    throw new Error(`expected a topology, got issues:\n${result.issues.map((i) => `${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  }
  return result.topology;
}

function topicNamed(topology: Topology, name: string): ResolvedTopic {
  const topic = topology.topics.find((t) => t.name === name);
  if (topic === undefined) throw new Error(`no topic "${name}" among ${topology.topics.map((t) => t.name).join(', ')}`);
  return topic;
}

function eventTopic(topology: Topology, name: string): ResolvedEventTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind !== 'event') throw new Error(`"${name}" is a ${topic.kind} topic`);
  return topic;
}

function companion(topology: Topology, name: string): ResolvedCompanionTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind === 'event') throw new Error(`"${name}" is an event topic`);
  return topic;
}

interface ExpectedIssue {
  readonly source: string;
  readonly path: string;
  readonly code: string;
  readonly message?: string;
  readonly hint?: string;
}

const describeIssues = (issues: readonly LocatedIssue[]): string => issues.map((i) => `  ${i.source.path} › ${i.path} [${i.code}] ${i.message}`).join('\n');

/** Asserts that `result` holds an issue at `source` › `path` with `code`, whose message and hint contain the given text. */
function expectIssue(result: ResolveResult, expected: ExpectedIssue): LocatedIssue {
  const found = result.issues.find((i) => i.source.path === expected.source && i.path === expected.path && i.code === expected.code);
  expect(found, `no ${expected.code} at ${expected.source} › ${expected.path} among:\n${describeIssues(result.issues)}`).toBeDefined();
  if (found === undefined) throw new Error('unreachable');
  if (expected.message !== undefined) expect(found.message).toContain(expected.message);
  if (expected.hint !== undefined) expect(found.hint).toContain(expected.hint);
  return found;
}

/** Resolves declarations that must fail: no topology, and each expected issue present. */
function expectFailure(declarations: Declarations, environment: EnvironmentInput, ...expected: ExpectedIssue[]): ResolveResult {
  const result = resolve(declarations, environment);
  expect(result.topology, describeIssues(result.issues)).toBeNull();
  for (const e of expected) expectIssue(result, e);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------------

describe('resolve: the seed examples', () => {
  const topology = resolved(withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, INVOICING] }));

  it('names every topic: event topics <domain>.<event>, a DLQ per group, retry tiers <topic>.<group>.retry-<n>', () => {
    expect(topology.topics.map((t) => `${t.kind} ${t.name} (${t.domain})`)).toEqual([
      'event orders.order-created (orders)',
      'dead-letter orders.order-created.billing.invoicing.dlq (billing)',
      'dead-letter orders.order-created.notification.dlq (orders)',
      'dead-letter orders.order-created.payment.dlq (orders)',
      'retry orders.order-created.payment.retry-1 (orders)',
      'retry orders.order-created.payment.retry-2 (orders)',
      'retry orders.order-created.payment.retry-3 (orders)',
      'event search.document-changed (search)',
      'dead-letter search.document-changed.indexer.dlq (search)',
    ]);
  });

  it('sizes partitions from throughput and the slowest reader: 2,000 msg/s × 5 ms = 10, × 2 → 24', () => {
    const topic = eventTopic(topology, 'orders.order-created');
    expect(topic.partitions.value).toBe(24);
    expect(topic.partitions.explanation).toContain('consumers 2,000 msg/s × 5 ms → 10');
  });

  it('keeps declared partitions', () => {
    expect(eventTopic(topology, 'search.document-changed').partitions).toEqual({ value: 6, explanation: '6 declared' });
  });

  it('sizes retention.ms as the window + the largest lag of all readers (cross-domain ones too) + 1 day', () => {
    const topic = eventTopic(topology, 'orders.order-created');
    // 7d window; lags: payment 5m, notification 30m, invoicing (billing) 1h.
    const expected = 7 * DAY + HOUR + DAY;
    expect(topic.retentionMs).toEqual({ value: expected, explanation: 'replay window 7d + largest tolerated lag 1h + margin 1d = 8d 1h' });
    expect(topic.config['retention.ms']).toBe(String(expected));
    expect(topic.cleanupPolicy).toBe('delete');
  });

  it('compacts a full-replay topic, keeps tombstones for the longest reindex + 1 day, and sets no retention.ms', () => {
    const topic = eventTopic(topology, 'search.document-changed');
    expect(topic.cleanupPolicy).toBe('compact');
    expect(topic.retentionMs).toBeNull();
    expect(topic.config).toEqual({ 'cleanup.policy': 'compact', 'delete.retention.ms': String(12 * HOUR + DAY), 'min.insync.replicas': '1' });
  });

  it('writes the full config of a window topic, keys sorted', () => {
    expect(Object.entries(eventTopic(topology, 'orders.order-created').config)).toEqual([
      ['cleanup.policy', 'delete'],
      ['min.insync.replicas', '1'],
      ['retention.ms', String(8 * DAY + HOUR)],
    ]);
  });

  it('gives dead-letter topics 3 partitions (fewer when the main topic has fewer) and 28 days of retention', () => {
    const dlq = companion(topology, 'orders.order-created.payment.dlq');
    expect(dlq).toMatchObject({ kind: 'dead-letter', domain: 'orders', groupId: 'orders.payment', parent: { domain: 'orders', event: 'order-created' }, cleanupPolicy: 'delete' });
    expect(dlq.partitions.value).toBe(3);
    expect(dlq.retentionMs?.value).toBe(28 * DAY);
    expect(dlq.config).toEqual({ 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': String(28 * DAY) });
    expect(dlq.retry).toBeUndefined();
  });

  it('gives retry tiers the main topic partitions, their delay and a retention of delay + 7 days', () => {
    const tiers = [1, 2, 3].map((n) => companion(topology, `orders.order-created.payment.retry-${n}`));
    expect(tiers.map((t) => t.retry)).toEqual([
      { tier: 1, delayMs: 1_000 },
      { tier: 2, delayMs: 2_000 },
      { tier: 3, delayMs: 4_000 },
    ]);
    expect(tiers.map((t) => t.partitions.value)).toEqual([24, 24, 24]);
    expect(tiers.map((t) => t.retentionMs?.value)).toEqual([7 * DAY + 1_000, 7 * DAY + 2_000, 7 * DAY + 4_000]);
    expect(tiers.every((t) => t.groupId === 'orders.payment' && t.domain === 'orders')).toBe(true);
  });

  it("places a cross-domain group's DLQ in the consumer's domain as <topic>.<consumer-domain>.<group>.dlq", () => {
    const dlq = companion(topology, 'orders.order-created.billing.invoicing.dlq');
    expect(dlq.domain).toBe('billing');
    expect(dlq.groupId).toBe('billing.invoicing');
    expect(dlq.source).toEqual({ path: 'dev/billing/invoicing' });
    const group = topology.consumerGroups.find((g) => g.groupId === 'billing.invoicing');
    expect(group?.subscriptions).toEqual([
      {
        topic: { domain: 'orders', event: 'order-created' },
        topicName: 'orders.order-created',
        reason: 'invoices are raised when an order is placed',
        deadLetterTopic: 'orders.order-created.billing.invoicing.dlq',
        retryTopics: [],
      },
    ]);
  });

  it('resolves consumer groups with defaults, sorted by group id', () => {
    expect(topology.consumerGroups.map((g) => g.groupId)).toEqual(['billing.invoicing', 'orders.notification', 'orders.payment', 'search.indexer']);
    expect(topology.consumerGroups.find((g) => g.groupId === 'orders.payment')).toMatchObject({
      domain: 'orders',
      name: 'payment',
      service: 'payment-service',
      principal: 'User:payment-service',
      deadLetter: true,
      retryDelaysMs: [1_000, 2_000, 4_000],
      processingTimePerMessageMs: 5,
      maxProcessingLagMs: 5 * MINUTE,
      offsetCommit: { mode: 'manual' },
      processing: 'sync',
    });
    expect(topology.consumerGroups.find((g) => g.groupId === 'billing.invoicing')).toMatchObject({ idempotency: null, processingTimePerMessageMs: null });
  });

  it("resolves producers with Kafka's delivery defaults", () => {
    expect(topology.producers).toHaveLength(1);
    expect(topology.producers[0]).toMatchObject(
      {
        topic: { domain: 'orders', event: 'order-created' },
        topicName: 'orders.order-created',
        service: 'order-service',
        principal: 'User:order-service',
        idempotent: true,
        transactionalIdPrefix: null,
        delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
        source: { path: 'dev/orders/order-created/order-service' },
      },
    );
  });

  it('derives ACLs for every group and producer, each in the domain that owns the resource', () => {
    const acls = topology.acls.map((a) => `${a.principal} ${a.operation} ${a.resourceType}:${a.resourceName} → ${a.domain}`);
    expect(acls).toEqual(
      expect.arrayContaining([
        'User:order-service Write Topic:orders.order-created → orders',
        'User:invoice-service Read Group:billing.invoicing → billing',
        'User:invoice-service Read Topic:orders.order-created → orders',
        'User:invoice-service Write Topic:orders.order-created.billing.invoicing.dlq → billing',
        'User:payment-service Read Topic:orders.order-created.payment.retry-3 → orders',
        'User:indexer Read Topic:search.document-changed → search',
      ]),
    );
    expect(topology.acls).toHaveLength(
      1 + // producer
        2 + 2 + // invoicing: group, topic, DLQ read + write
        2 + 2 + // notification
        2 + 2 + 6 + // payment: group, topic, DLQ ×2, three retry tiers ×2
        2 + 2, // indexer
    );
  });

  it('lists domains sorted by name and records the environment', () => {
    expect(topology.domains.map((d) => d.name)).toEqual(['billing', 'orders', 'search']);
    expect(topology.environment).toEqual({ name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1, topicPrefix: '', scaling: { replayWindow: 1, throughput: 1 } });
    expect(topology.formatVersion).toBe(1);
  });

  it('reports no issue at all', () => {
    expect(resolve(withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, INVOICING] }), DEV).issues).toEqual([]);
  });
});

describe('resolve: environments', () => {
  it('protects topics and sets min.insync.replicas only in production', () => {
    const dev = resolved(SEED, DEV);
    const prod = resolved(SEED, PROD);
    expect(dev.topics.every((t) => !t.protect)).toBe(true);
    expect(prod.topics.every((t) => t.protect)).toBe(true);
    expect(prod.topics.every((t) => t.replicationFactor === 3 && t.minInsyncReplicas === 2 && t.config['min.insync.replicas'] === '2')).toBe(true);
    expect(dev.topics.every((t) => t.replicationFactor === 1 && t.config['min.insync.replicas'] === '1')).toBe(true);
  });

  it('lets a topic override replication; its companions follow it', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, replication: { factor: 5, minInsyncReplicas: 3 } }, DOCUMENT_CHANGED] }), PROD);
    expect(eventTopic(topology, 'orders.order-created')).toMatchObject({ replicationFactor: 5, minInsyncReplicas: 3 });
    expect(companion(topology, 'orders.order-created.payment.dlq')).toMatchObject({ replicationFactor: 5, minInsyncReplicas: 3, config: { 'min.insync.replicas': '3' } });
  });

  it('prefixes every topic name, companion, producer and ACL with the topic prefix', () => {
    const topology = resolved(SEED, { ...DEV, topicPrefix: 'staging.' });
    expect(topology.topics.every((t) => t.name.startsWith('staging.'))).toBe(true);
    expect(topology.producers[0]?.topicName).toBe('staging.orders.order-created');
    expect(topology.acls.filter((a) => a.resourceType === 'Topic').every((a) => a.resourceName.startsWith('staging.'))).toBe(true);
    expect(companion(topology, 'staging.orders.order-created.payment.retry-1').parent).toEqual({ domain: 'orders', event: 'order-created' });
  });

  it("warns, but resolves, when the prefix mixes '_' with the '.' of topic names", () => {
    const result = resolve(SEED, { ...DEV, topicPrefix: 'staging_' });
    expect(result.topology).not.toBeNull();
    const warning = expectIssue(result, { source: 'dev/orders/order-created', path: 'name', code: 'mixed-topic-name-separators', message: 'mixes "." and "_"' });
    expect(warning.severity).toBe('warning');
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(result.issues).toHaveLength(result.topology?.topics.length ?? -1);
  });

  it('fails when the environment itself is invalid, with the field path', () => {
    const result = resolve(SEED, { ...DEV, name: 'Dev Cluster', replicationFactor: 0 });
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'environment', path: 'name', code: 'schema-invalid_format', message: 'must be lower-case letters' });
    expectIssue(result, { source: 'environment', path: 'replicationFactor', code: 'schema-too_small' });
  });

  it('goes on checking the declarations when the environment is invalid, so that every problem is reported at once', () => {
    const broken = { ...PAYMENT, idempotency: 'short' };
    const result = resolve(withDeclarations({ consumerGroups: [broken, NOTIFICATION, INDEXER] }), { ...DEV, replicationFactor: 0, bootstrapServer: 'kafka:9092' }, { path: 'dev', file: 'environments.ts', line: 3 });
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => [i.source.path, i.source.file, i.path, i.code])).toEqual([
      ['dev', 'environments.ts', 'bootstrapServer', 'schema-unrecognized_keys'],
      ['dev', 'environments.ts', 'replicationFactor', 'schema-too_small'],
      [PAYMENT.source.path, undefined, 'idempotency', 'schema-too_small'],
    ]);
  });

  it('accepts replication factor 1 with min.insync.replicas 1 outside production', () => {
    expect(resolve(SEED, DEV).issues).toEqual([]);
  });
});

// The replication rules (minISR ≤ RF; in production RF ≥ 3 and 2 ≤ minISR < RF) and the key rules (per-key ordering and
// full replay need a key) are lint rules (rules/cluster, rules/key) that read the Topology: resolve must carry the
// declared values through unchanged so that lint can judge them and name the field.
describe('resolve: replication and keys are carried through for lint', () => {
  const withReplication = (replication: { factor?: number; minInsyncReplicas?: number }): Declarations =>
    withDeclarations({ topics: [{ ...ORDER_CREATED, replication }, DOCUMENT_CHANGED] });

  it.each([
    ['dev', { factor: 1, minInsyncReplicas: 2 }, 1, 2, DEV],
    ['prod', { factor: 2 }, 2, 2, PROD],
    ['prod', { minInsyncReplicas: 3 }, 3, 3, PROD],
    ['prod', { factor: 5, minInsyncReplicas: 3 }, 5, 3, PROD],
  ] as const)('in %s, a topic declaring replication %j gets RF %i and min.insync.replicas %i, its companions too', (_env, replication, factor, minIsr, environment) => {
    const topology = resolved(withReplication(replication), environment);
    for (const name of ['orders.order-created', 'orders.order-created.payment.dlq', 'orders.order-created.payment.retry-1']) {
      expect(topicNamed(topology, name)).toMatchObject({ replicationFactor: factor, minInsyncReplicas: minIsr, config: { 'min.insync.replicas': String(minIsr) } });
    }
    // Other topics keep the environment's defaults.
    expect(eventTopic(topology, 'search.document-changed')).toMatchObject({ replicationFactor: environment.replicationFactor, minInsyncReplicas: environment.minInsyncReplicas });
  });

  it('records the environment replication as declared', () => {
    expect(resolved(SEED, { ...PROD, replicationFactor: 5, minInsyncReplicas: 3 }).environment).toMatchObject({ replicationFactor: 5, minInsyncReplicas: 3, production: true });
  });

  it('resolves an unkeyed topic with key null and its declared ordering', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, key: undefined }, DOCUMENT_CHANGED] }));
    expect(eventTopic(topology, 'orders.order-created')).toMatchObject({ key: null, ordering: 'per-key' });
  });

  it('resolves an unkeyed full-replay topic as compacted with key null', () => {
    const topology = resolved(withDeclarations({ topics: [ORDER_CREATED, { ...DOCUMENT_CHANGED, key: undefined, ordering: 'none' }] }));
    expect(eventTopic(topology, 'search.document-changed')).toMatchObject({ key: null, ordering: 'none', cleanupPolicy: 'compact' });
  });
});

describe('resolve: declaration errors', () => {
  it('fails when key.reason is too short, with the zod field path', () => {
    const result = expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, key: { field: 'orderId', aggregate: 'order', reason: 'ordering' } }, DOCUMENT_CHANGED] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'key.reason',
      code: 'schema-too_small',
      message: 'must be a written reason of at least 10 characters',
    });
    expect(result.issues.filter((i) => i.path === 'key.reason')).toHaveLength(1);
  });

  it('fails when a consumer group name is not kebab case', () => {
    expectFailure(withDeclarations({ consumerGroups: [{ ...PAYMENT, name: 'Payment Svc' }, NOTIFICATION, INDEXER] }), DEV, {
      source: 'dev/orders/order-created/payment',
      path: 'name',
      code: 'schema-invalid_format',
      message: 'must be lower-case letters, digits and "-", starting with a letter',
    });
  });

  it('fails when a nested field is malformed, with the indexed path', () => {
    expectFailure(withDeclarations({ consumerGroups: [{ ...PAYMENT, retries: ['1s', '1.5s'] }, NOTIFICATION, INDEXER] }), DEV, {
      source: 'dev/orders/order-created/payment',
      path: 'retries[1]',
      code: 'schema-invalid_format',
      message: 'must be a whole number followed by ms, s, m, h or d',
    });
  });

  it('fails when a topic declares neither partitions nor throughput', () => {
    expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, throughput: undefined }, DOCUMENT_CHANGED] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'partitions',
      code: 'schema-custom',
      message: 'declare either partitions or throughput',
    });
  });

  it('fails when a declaration has a field the schema does not know', () => {
    const result = expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, retention: '7d' }, DOCUMENT_CHANGED] }), DEV);
    expect(result.issues.some((i) => i.source.path === 'dev/orders/order-created' && i.code === 'schema-unrecognized_keys' && i.message.includes('retention'))).toBe(true);
  });

  it('fails when a topic config key is unknown, with a did-you-mean hint', () => {
    expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'retention.msx': '1000' } }, DOCUMENT_CHANGED] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'config["retention.msx"]',
      code: 'unknown-config-key',
      message: 'unknown topic config key "retention.msx"',
      hint: 'did you mean "retention.ms"?',
    });
  });

  it.each([
    ['cleanup.policy', 'compact', 'replay (or cleanupPolicy)'],
    ['min.insync.replicas', '2', 'replication.minInsyncReplicas'],
    ['retention.bytes', '1073741824', 'retentionBytes'],
  ])('fails when config sets the derived key %s', (key, value, field) => {
    expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { [key]: value } }, DOCUMENT_CHANGED] }), DEV, {
      source: 'dev/orders/order-created',
      path: `config["${key}"]`,
      code: 'derived-config-key',
      message: `"${key}" is derived from ${field}; set it there`,
      hint: `remove "${key}" from config`,
    });
  });

  it('fails when an explicit cleanup policy contradicts a replay window', () => {
    expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, cleanupPolicy: 'compact' }, DOCUMENT_CHANGED] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'cleanupPolicy',
      code: 'cleanup-policy-contradicts-replay',
      message: 'cleanup policy "compact" contradicts replay "window", which needs "delete"',
    });
  });

  it.each(['delete', 'compact,delete'] as const)('fails when the explicit cleanup policy %j contradicts a full replay', (cleanupPolicy) => {
    expectFailure(withDeclarations({ topics: [ORDER_CREATED, { ...DOCUMENT_CHANGED, cleanupPolicy }] }), DEV, {
      source: 'dev/search/document-changed',
      path: 'cleanupPolicy',
      code: 'cleanup-policy-contradicts-replay',
      message: `cleanup policy "${cleanupPolicy}" contradicts replay "full", which needs "compact"`,
    });
  });

  it('accepts an explicit cleanup policy that matches the replay', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, cleanupPolicy: 'delete' }, { ...DOCUMENT_CHANGED, cleanupPolicy: 'compact' }] }));
    expect(topology.topics.filter((t) => t.kind === 'event').map((t) => t.cleanupPolicy)).toEqual(['delete', 'compact']);
  });

  it('fails when a topic belongs to an undeclared domain, with a did-you-mean hint', () => {
    expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, domain: 'ordres' }, DOCUMENT_CHANGED], consumerGroups: [INDEXER], producers: [] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'domain',
      code: 'unknown-domain',
      message: 'domain "ordres" is not declared',
      hint: 'did you mean "orders"?',
    });
  });

  it('fails when a consumer group belongs to an undeclared domain', () => {
    const result = expectFailure(withDeclarations({ consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, { ...INVOICING }] }), DEV, {
      source: 'dev/billing/invoicing',
      path: 'domain',
      code: 'unknown-domain',
      message: 'domain "billing" is not declared',
    });
    expect(result.issues.find((i) => i.code === 'unknown-domain')?.hint).toBeUndefined();
  });

  it('fails when a subscription names an undeclared topic, with a did-you-mean hint', () => {
    expectFailure(
      withDeclarations({ consumerGroups: [{ ...PAYMENT, subscriptions: [{ topic: { domain: 'orders', event: 'order-creatd' } }] }, NOTIFICATION, INDEXER] }),
      DEV,
      {
        source: 'dev/orders/order-created/payment',
        path: 'subscriptions[0].topic',
        code: 'unknown-topic',
        message: 'event topic "orders/order-creatd" is not declared',
        hint: 'did you mean "orders/order-created"?',
      },
    );
  });

  it('fails when a producer names an undeclared topic', () => {
    expectFailure(withDeclarations({ producers: [{ ...ORDER_SERVICE, topic: { domain: 'orders', event: 'order-paid' } }] }), DEV, {
      source: 'dev/orders/order-created/order-service',
      path: 'topic',
      code: 'unknown-topic',
      message: 'event topic "orders/order-paid" is not declared',
    });
  });

  it("fails when a group reads another domain's topic without a reason", () => {
    const withoutReason = { topic: { domain: 'orders', event: 'order-created' } };
    expectFailure(withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, { ...INVOICING, subscriptions: [withoutReason] }] }), DEV, {
      source: 'dev/billing/invoicing',
      path: 'subscriptions[0].reason',
      code: 'cross-domain-read-without-reason',
      message: 'group "billing.invoicing" reads "orders/order-created" of domain "orders" without a stated reason',
    });
  });

  it('fails when an event topic is declared twice in a domain', () => {
    expectFailure(withDeclarations({ topics: [ORDER_CREATED, DOCUMENT_CHANGED, { ...ORDER_CREATED, source: { path: 'dev/orders/order-created-again' } }] }), DEV, {
      source: 'dev/orders/order-created-again',
      path: 'name',
      code: 'duplicate-topic',
      message: 'event topic "order-created" is declared twice in domain "orders" (first at dev/orders/order-created)',
    });
  });

  it('fails when a domain is declared twice', () => {
    expectFailure(withDeclarations({ domains: [ORDERS, SEARCH, { ...ORDERS, source: { path: 'dev/orders-again' } }] }), DEV, {
      source: 'dev/orders-again',
      path: 'name',
      code: 'duplicate-domain',
      message: 'domain "orders" is declared twice (first at dev/orders)',
    });
  });

  it('fails when a consumer group is declared twice in a domain, once: not again for its group id and companions', () => {
    const again = { ...PAYMENT, source: { path: 'dev/orders/payment-again', file: 'topics/orders.ts', line: 40 } };
    const result = expectFailure(withDeclarations({ consumerGroups: [{ ...PAYMENT, source: { ...PAYMENT.source, file: 'topics/orders.ts', line: 20 } }, NOTIFICATION, INDEXER, again] }), DEV, {
      source: 'dev/orders/payment-again',
      path: 'name',
      code: 'duplicate-consumer-group',
      message: 'consumer group "payment" is declared twice in domain "orders" (first at topics/orders.ts:20)',
    });
    expect(result.issues).toHaveLength(1);
  });

  it('fails when two groups share a group id', () => {
    expectFailure(withDeclarations({ consumerGroups: [PAYMENT, { ...NOTIFICATION, groupId: 'orders.payment' }, INDEXER] }), DEV, {
      source: 'dev/orders/order-created/notification',
      path: 'groupId',
      code: 'duplicate-group-id',
      message: 'group id "orders.payment" is also used by dev/orders/order-created/payment; a group id is global to the cluster',
    });
  });

  it('fails when an event topic name is longer than Kafka allows', () => {
    const event = `e${'x'.repeat(244)}`; // orders.<245> = 252 characters
    const result = expectFailure(withDeclarations({ topics: [{ ...ORDER_CREATED, name: event }, DOCUMENT_CHANGED], consumerGroups: [INDEXER], producers: [] }), DEV, {
      source: 'dev/orders/order-created',
      path: 'name',
      code: 'topic-name-too-long',
      message: 'is 252 characters; Kafka allows at most 249',
    });
    expect(result.issues.filter((i) => i.code === 'topic-name-too-long')).toHaveLength(1);
  });

  it('fails when a companion name is too long although its event topic fits', () => {
    const event = `e${'x'.repeat(239)}`; // orders.<240> = 247 characters; its DLQ is not
    const topic = { ...ORDER_CREATED, name: event };
    const group = { ...NOTIFICATION, subscriptions: [{ topic: { domain: 'orders', event } }] };
    const result = expectFailure(withDeclarations({ topics: [topic, DOCUMENT_CHANGED], consumerGroups: [group, INDEXER], producers: [] }), DEV, {
      source: 'dev/orders/order-created/notification',
      path: 'name',
      code: 'topic-name-too-long',
      message: `is ${`orders.${event}.notification.dlq`.length} characters`,
      hint: 'shorten the domain, event or group name',
    });
    expect(result.issues.filter((i) => i.source.path === 'dev/orders/order-created' && i.code === 'topic-name-too-long')).toEqual([]);
  });

  it('reports config key errors even when another field of the same topic fails the schema', () => {
    const result = expectFailure(
      withDeclarations({ topics: [{ ...ORDER_CREATED, key: { field: 'orderId', aggregate: 'order', reason: 'short' }, config: { 'retention.msx': '1' } }, DOCUMENT_CHANGED] }),
      DEV,
      { source: 'dev/orders/order-created', path: 'key.reason', code: 'schema-too_small' },
      { source: 'dev/orders/order-created', path: 'config["retention.msx"]', code: 'unknown-config-key', hint: 'did you mean "retention.ms"?' },
    );
    expect(result.issues.filter((i) => i.code === 'unknown-config-key')).toHaveLength(1);
  });

  it('reports every error of every declaration at once', () => {
    const result = resolve(
      {
        domains: [ORDERS, SEARCH, BILLING],
        topics: [
          { ...ORDER_CREATED, config: { 'retention.msx': '1', 'cleanup.policy': 'delete' }, cleanupPolicy: 'compact' },
          { ...DOCUMENT_CHANGED, key: { field: 'documentId', aggregate: 'document', reason: 'short' } },
          { ...ORDER_CREATED, name: 'order-paid', domain: 'order', source: { path: 'dev/order/order-paid' } },
        ],
        consumerGroups: [
          { ...INVOICING, subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }] },
          { ...PAYMENT, subscriptions: [{ topic: { domain: 'orders', event: 'order-shipped' } }] },
        ],
        producers: [{ ...ORDER_SERVICE, principal: 'User:*' }],
      },
      DEV,
    );
    expect(result.topology).toBeNull();
    const found = result.issues.map((i) => `${i.source.path} › ${i.path} ${i.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'dev/orders/order-created › config["retention.msx"] unknown-config-key',
        'dev/orders/order-created › config["cleanup.policy"] derived-config-key',
        'dev/orders/order-created › cleanupPolicy cleanup-policy-contradicts-replay',
        'dev/search/document-changed › key.reason schema-too_small',
        'dev/order/order-paid › domain unknown-domain',
        'dev/billing/invoicing › subscriptions[0].reason cross-domain-read-without-reason',
        'dev/orders/order-created/payment › subscriptions[0].topic unknown-topic',
        'dev/orders/order-created/order-service › principal schema-invalid_format',
      ]),
    );
  });

  it('returns no topology when there is an error, and sorts issues by source, path and code', () => {
    const result = resolve(
      withDeclarations({
        topics: [{ ...ORDER_CREATED, config: { 'retention.msx': '1', 'segment.msx': '1' }, cleanupPolicy: 'compact' }, { ...DOCUMENT_CHANGED, cleanupPolicy: 'delete' }],
        consumerGroups: [{ ...PAYMENT, subscriptions: [{ topic: { domain: 'orders', event: 'nope' } }] }, NOTIFICATION, INDEXER],
        producers: [{ ...ORDER_SERVICE, topic: { domain: 'orders', event: 'nope' } }],
      }),
      DEV,
    );
    expect(result.topology).toBeNull();
    expect(result.issues.length).toBeGreaterThan(4);
    const keys = result.issues.map((i) => `${i.source.path}\u0000${i.path}\u0000${i.code}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('resolve: explicit config', () => {
  it('lets an explicit retention.ms override the derived one, and says so', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'retention.ms': String(14 * DAY) } }, DOCUMENT_CHANGED] }));
    const topic = eventTopic(topology, 'orders.order-created');
    expect(topic.config['retention.ms']).toBe(String(14 * DAY));
    expect(topic.retentionMs).toEqual({ value: 14 * DAY, explanation: '14d declared in config (derived would be 8d 30m)' });
  });

  it("explains an explicit retention.ms of -1 as Kafka's unlimited retention", () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'retention.ms': '-1' } }, DOCUMENT_CHANGED] }));
    const topic = eventTopic(topology, 'orders.order-created');
    expect(topic.config['retention.ms']).toBe('-1');
    expect(topic.retentionMs?.value).toBe(-1);
    // formatMs(-1) must not turn "keep forever" into a day minus a millisecond.
    expect(topic.retentionMs?.explanation).not.toContain('23h 59m 59s 999ms');
  });

  it('passes other known topic configs through, sorted, next to the derived ones', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'segment.ms': '3600000', 'compression.type': 'zstd' } }, DOCUMENT_CHANGED] }));
    expect(Object.keys(eventTopic(topology, 'orders.order-created').config)).toEqual(['cleanup.policy', 'compression.type', 'min.insync.replicas', 'retention.ms', 'segment.ms']);
  });

  it('writes a declared retentionBytes as retention.bytes', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, retentionBytes: 1_073_741_824 }, DOCUMENT_CHANGED] }));
    expect(eventTopic(topology, 'orders.order-created')).toMatchObject({ retentionBytes: 1_073_741_824, config: { 'retention.bytes': '1073741824' } });
  });

  it('never derives retention.bytes', () => {
    expect(resolved(SEED).topics.some((t) => 'retention.bytes' in t.config)).toBe(false);
  });

  it('passes an allow-listed vendor key through', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'confluent.placement.constraints': '{}' } }, DOCUMENT_CHANGED] }), {
      ...DEV,
      vendorConfigKeys: ['confluent.placement.constraints'],
    });
    expect(eventTopic(topology, 'orders.order-created').config['confluent.placement.constraints']).toBe('{}');
  });
});

describe('resolve: DLQ and retry options', () => {
  it('creates no DLQ for a group that opts out, and no retry topics without delays', () => {
    const topology = resolved(withDeclarations({ consumerGroups: [{ ...NOTIFICATION, deadLetter: false }, INDEXER] }));
    expect(topology.topics.filter((t) => t.kind !== 'event' && t.groupId === 'orders.notification')).toEqual([]);
    expect(topology.consumerGroups.find((g) => g.groupId === 'orders.notification')?.subscriptions[0]).toMatchObject({ deadLetterTopic: null, retryTopics: [] });
  });

  it('gives a DLQ fewer partitions when its topic has fewer than 3', () => {
    const topology = resolved(withDeclarations({ topics: [ORDER_CREATED, { ...DOCUMENT_CHANGED, partitions: 2 }] }));
    expect(companion(topology, 'search.document-changed.indexer.dlq').partitions.value).toBe(2);
  });

  it('uses an explicit group id for companions and ACLs, but the group name for companion names', () => {
    const topology = resolved(withDeclarations({ consumerGroups: [{ ...PAYMENT, groupId: 'payment-service-v2' }, NOTIFICATION, INDEXER] }));
    expect(companion(topology, 'orders.order-created.payment.dlq').groupId).toBe('payment-service-v2');
    expect(topology.acls.some((a) => a.resourceType === 'Group' && a.resourceName === 'payment-service-v2' && a.principal === 'User:payment-service')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Properties over generated, valid declarations.

const DOMAIN_NAMES = ['orders', 'search', 'billing'] as const;
const EVENT_NAMES = ['created', 'paid', 'changed'] as const;
const GROUP_NAMES = ['alpha', 'beta'] as const;
const durationArb = (units: readonly string[], max: number): fc.Arbitrary<`${number}ms`> =>
  fc.tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}` as `${number}ms`);

const topicArb = fc.record({
  domain: fc.constantFrom(...DOMAIN_NAMES),
  name: fc.constantFrom(...EVENT_NAMES),
  sizing: fc.oneof(
    fc.record({ partitions: fc.integer({ min: 1, max: 64 }) }),
    fc.record({
      throughput: fc.record(
        { peakMessagesPerSecond: fc.integer({ min: 1, max: 200_000 }), averageMessageBytes: fc.integer({ min: 1, max: 100_000 }), maxConsumerInstances: fc.integer({ min: 1, max: 50 }) },
        { requiredKeys: ['peakMessagesPerSecond', 'averageMessageBytes'] },
      ),
    }),
  ),
  replay: fc.oneof(
    durationArb(['h', 'd'], 30).map((window) => ({ kind: 'window' as const, window })),
    durationArb(['h', 'd'], 3).map((longestReindex) => ({ kind: 'full' as const, longestReindex })),
  ),
});

const groupArb = fc.record({
  domain: fc.constantFrom(...DOMAIN_NAMES),
  name: fc.constantFrom(...GROUP_NAMES),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  deadLetter: fc.boolean(),
  retries: fc.array(durationArb(['ms', 's', 'm'], 60), { maxLength: 3 }),
  processingTimePerMessage: fc.option(durationArb(['ms'], 200), { nil: undefined }),
  maxProcessingLag: fc.option(durationArb(['m', 'h'], 12), { nil: undefined }),
});

const producerArb = fc.record({ pick: fc.nat(), service: fc.constantFrom('writer-a', 'writer-b'), tx: fc.boolean() });

const declarationsArb: fc.Arbitrary<Declarations> = fc
  .record({
    topics: fc.uniqueArray(topicArb, { minLength: 1, maxLength: 5, selector: (t) => `${t.domain}/${t.name}` }),
    groups: fc.uniqueArray(groupArb, { maxLength: 4, selector: (g) => `${g.domain}/${g.name}` }),
    producers: fc.uniqueArray(producerArb, { maxLength: 4, selector: (p) => `${p.pick}/${p.service}` }),
  })
  .map(({ topics, groups, producers }) => {
    const refs = topics.map((t) => ({ domain: t.domain, event: t.name }));
    const ref = (i: number) => refs[i % refs.length] ?? { domain: 'orders', event: 'created' };
    return {
      domains: DOMAIN_NAMES.map((name) => ({ name, owner: `@acme/${name}-team`, description: `the ${name} domain`, source: { path: `dev/${name}` } })),
      topics: topics.map((t) => ({
        domain: t.domain,
        name: t.name,
        eventTypes: ['SomethingHappened'],
        key: { field: 'id', aggregate: 'thing', reason: 'per-thing ordering; things are independent' },
        ...t.sizing,
        replay: t.replay,
        source: { path: `dev/${t.domain}/${t.name}` },
      })),
      consumerGroups: groups.map((g) => ({
        domain: g.domain,
        name: g.name,
        service: `${g.name}-service`,
        principal: `User:${g.domain}-${g.name}`,
        subscriptions: [...new Set(g.picks.map((i) => i % refs.length))].map((i) => ({ topic: ref(i), reason: 'reads it to keep its own view current' })),
        deadLetter: g.deadLetter,
        retries: g.retries,
        ...(g.processingTimePerMessage === undefined ? {} : { processingTimePerMessage: g.processingTimePerMessage }),
        ...(g.maxProcessingLag === undefined ? {} : { maxProcessingLag: g.maxProcessingLag }),
        source: { path: `dev/${g.domain}/groups/${g.name}` },
      })),
      // Producers are unique per (topic, service): see the duplicate-producer test below.
      producers: [...new Map(producers.map((p) => [`${p.pick % refs.length}/${p.service}`, p])).values()].map((p) => ({
        topic: ref(p.pick),
        service: p.service,
        principal: `User:${p.service}`,
        ...(p.tx ? { transactionalIdPrefix: `${p.service}-tx-` } : {}),
        source: { path: `dev/producers/${ref(p.pick).domain}/${ref(p.pick).event}/${p.service}` },
      })),
    };
  });

const environmentArb: fc.Arbitrary<EnvironmentInput> = fc.constantFrom(
  DEV,
  PROD,
  { ...DEV, topicPrefix: 'staging.' },
  { ...PROD, replicationFactor: 5, minInsyncReplicas: 3, acl: { explicitDescribe: true, legacyIdempotentWrite: true } },
);

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const DIVISIBLE = new Set(highlyDivisibleCounts(MAX_SIZED_PARTITIONS));

describe('resolve: properties of valid declarations', () => {
  it('resolves generated valid declarations without errors', () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const result = resolve(declarations, environment);
        expect(result.issues, describeIssues(result.issues)).toEqual([]);
        expect(result.topology).not.toBeNull();
      }),
    );
  });

  it('gives the same topology whatever the order of the declarations', () => {
    const arb = fc
      .tuple(declarationsArb, environmentArb)
      .chain(([declarations, environment]) =>
        fc.record({
          declarations: fc.constant(declarations),
          environment: fc.constant(environment),
          shuffled: fc.record({
            domains: permutation(declarations.domains),
            topics: permutation(declarations.topics),
            consumerGroups: permutation(declarations.consumerGroups),
            producers: permutation(declarations.producers),
          }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ declarations, environment, shuffled }) => {
        const a = resolve(declarations, environment);
        const b = resolve(shuffled, environment);
        expect(b.topology).toEqual(a.topology);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('gives the same topology for the seed examples in every order', () => {
    const seed = withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, INVOICING] });
    const expected = JSON.stringify(resolve(seed, PROD));
    fc.assert(
      fc.property(
        fc.record({
          domains: permutation(seed.domains),
          topics: permutation(seed.topics),
          consumerGroups: permutation(seed.consumerGroups),
          producers: permutation(seed.producers),
        }),
        (shuffled) => {
          expect(JSON.stringify(resolve(shuffled, PROD))).toBe(expected);
        },
      ),
    );
  });

  it('derives names, sizes and configs that Kafka and Terraform accept', () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const topology = resolved(declarations, environment);
        const names = topology.topics.map((t) => t.name);
        expect(names).toEqual([...names].sort());
        expect(new Set(names.map(metricCollisionKey)).size).toBe(names.length);
        expect(new Set(names.map(topicAddress)).size).toBe(names.length);
        for (const topic of topology.topics) {
          expect(validateTopicConfig(topic.config).filter((i) => (i.severity ?? 'error') === 'error')).toEqual([]);
          expect(topic.config['cleanup.policy']).toBe(topic.cleanupPolicy);
          expect(topic.config['min.insync.replicas']).toBe(String(topic.minInsyncReplicas));
          expect(topic.protect).toBe(topology.environment.production);
          if (topic.retentionMs !== null) expect(topic.config['retention.ms']).toBe(String(topic.retentionMs.value));
          if (topic.kind === 'event' && topic.throughput !== null && !('partitions' in (declarations.topics.find((t) => (t as { source: { path: string } }).source.path === topic.source.path) as object))) {
            expect(DIVISIBLE.has(topic.partitions.value)).toBe(true);
          }
        }
      }),
    );
  });

  it('keeps every window topic for its window plus the largest lag of its readers', () => {
    fc.assert(
      fc.property(declarationsArb, (declarations) => {
        const topology = resolved(declarations, DEV);
        for (const topic of topology.topics) {
          if (topic.kind !== 'event' || topic.replay.kind !== 'window') continue;
          const readers = topology.consumerGroups.filter((g) => g.subscriptions.some((s) => s.topicName === topic.name));
          const lag = Math.max(0, ...readers.map((g) => g.maxProcessingLagMs ?? 0));
          expect(topic.retentionMs?.value).toBe(toMs(topic.replay.window) + lag + DAY);
        }
      }),
    );
  });

  it("places every companion in its group's domain and grants the group what it needs", () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const topology = resolved(declarations, environment);
        const acl = new Set(topology.acls.map((a) => `${a.principal}|${a.operation}|${a.resourceType}|${a.resourceName}`));
        const topicDomain = new Map(topology.topics.map((t) => [t.name, t.domain]));
        for (const g of topology.consumerGroups) {
          expect(acl.has(`${g.principal}|Read|Group|${g.groupId}`)).toBe(true);
          for (const s of g.subscriptions) {
            expect(acl.has(`${g.principal}|Read|Topic|${s.topicName}`)).toBe(true);
            expect(s.deadLetterTopic !== null).toBe(g.deadLetter);
            expect(s.retryTopics).toHaveLength(g.retryDelaysMs.length);
            for (const name of [...s.retryTopics, ...(s.deadLetterTopic === null ? [] : [s.deadLetterTopic])]) {
              expect(topicDomain.get(name)).toBe(g.domain);
              expect(acl.has(`${g.principal}|Read|Topic|${name}`)).toBe(true);
              expect(acl.has(`${g.principal}|Write|Topic|${name}`)).toBe(true);
              expect(name.startsWith(`${s.topicName}.${s.topic.domain === g.domain ? g.name : `${g.domain}.${g.name}`}.`)).toBe(true);
            }
          }
        }
        for (const a of topology.acls) {
          if (a.resourceType === 'Topic') expect(a.domain).toBe(topicDomain.get(a.resourceName));
          if (a.resourceType === 'Group') expect(a.domain).toBe(topology.consumerGroups.find((g) => g.groupId === a.resourceName)?.domain);
        }
        for (const p of topology.producers) expect(acl.has(`${p.principal}|Write|Topic|${p.topicName}`)).toBe(true);
      }),
    );
  });
});

describe('resolve: determinism edge cases', () => {
  it('gives the same topology whatever the order of two producers of one service on one topic', () => {
    const first = { ...ORDER_SERVICE, source: { path: 'dev/orders/order-created/producer-1' } };
    const second = { ...ORDER_SERVICE, delivery: { timeout: '30s' as const }, source: { path: 'dev/orders/order-created/producer-2' } };
    const a = resolve(withDeclarations({ producers: [first, second] }), DEV);
    const b = resolve(withDeclarations({ producers: [second, first] }), DEV);
    // Either the second declaration is reported as a duplicate, or the output does not depend on declaration order.
    if (a.topology === null || b.topology === null) {
      expect(a.topology).toBeNull();
      expect(b.topology).toBeNull();
    } else {
      expect(b.topology.producers.map((p) => p.source.path)).toEqual(a.topology.producers.map((p) => p.source.path));
    }
  });
});

describe('resolve: extreme declared values', () => {
  it('never emits a config value Kafka rejects, even for a replay window beyond what retention.ms can hold', () => {
    // 99999999999999999999d is 8.64e27 ms: far above Java's Long.MAX_VALUE, and String() writes it as "8.64e+27".
    const result = resolve(withDeclarations({ topics: [{ ...ORDER_CREATED, replay: { kind: 'window', window: '99999999999999999999d' } }, DOCUMENT_CHANGED] }), DEV);
    // Either the declaration is rejected, or every derived config value is one Kafka accepts.
    for (const topic of result.topology?.topics ?? []) {
      expect(validateTopicConfig(topic.config).filter((i) => (i.severity ?? 'error') === 'error'), `${topic.name}: ${JSON.stringify(topic.config)}`).toEqual([]);
    }
  });
});

describe('resolve: repeated and follow-on declarations', () => {
  const errorsOf = (declarations: Declarations): LocatedIssue[] => [...resolve(declarations, DEV).issues].filter((i) => (i.severity ?? 'error') === 'error');

  it('fails when a group subscribes to the same topic twice', () => {
    const twice: ConsumerGroupInput = { ...PAYMENT, subscriptions: [...PAYMENT.subscriptions, ...PAYMENT.subscriptions] };
    const errors = errorsOf(withDeclarations({ consumerGroups: [twice, NOTIFICATION] }));
    expect(errors.map((i) => [i.code, i.path])).toEqual([['duplicate-subscription', 'subscriptions[1].topic']]);
  });

  it('fails when the same service is granted produce on the same topic twice', () => {
    const again: ProducerInput = { ...ORDER_SERVICE, source: { path: 'dev/orders/order-created/Producer-again' } };
    const errors = errorsOf(withDeclarations({ producers: [ORDER_SERVICE, again] }));
    expect(errors.map((i) => i.code)).toEqual(['duplicate-producer']);
  });

  it('does not report references to a topic or domain that already failed its schema', () => {
    const brokenTopic: EventTopicInput = { ...ORDER_CREATED, key: { field: 'orderId', aggregate: 'order', reason: 'short' } };
    const brokenDomain: DomainInput = { ...ORDERS, owner: 'orders-team' };
    const errors = errorsOf(withDeclarations({ domains: [brokenDomain, SEARCH, BILLING], topics: [brokenTopic, DOCUMENT_CHANGED] }));
    expect(errors.map((i) => i.code)).not.toContain('unknown-topic');
    expect(errors.map((i) => i.code)).not.toContain('unknown-domain');
    expect(errors.map((i) => i.path).sort()).toEqual(['key.reason', 'owner']);
  });

  it('warns, and keeps it, when a compacted (full replay) topic sets retention.ms (compaction alone ignores it)', () => {
    const compactedWithRetention: EventTopicInput = { ...DOCUMENT_CHANGED, config: { 'retention.ms': '86400000' } };
    const result = resolve(withDeclarations({ topics: [ORDER_CREATED, compactedWithRetention] }), DEV);
    expect(result.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['retention-on-compacted-topic', 'config["retention.ms"]', 'warning']]);
    expect(result.topology?.topics.find((t) => t.name === 'search.document-changed')?.config['retention.ms']).toBe('86400000');
  });

  it('fails when a replay window is zero', () => {
    const zero: EventTopicInput = { ...ORDER_CREATED, replay: { kind: 'window', window: '0d' } };
    const errors = errorsOf(withDeclarations({ topics: [zero, DOCUMENT_CHANGED] }));
    expect(errors.map((i) => [i.path, i.message])).toContainEqual(['replay.window', 'must be greater than zero']);
  });
});
