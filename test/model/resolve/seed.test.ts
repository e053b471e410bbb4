/** resolve() on the seed examples: names, sizes, configs, companions, groups, producers, ACLs and domains of orders, search and billing. */
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import {
  DAY,
  HOUR,
  MINUTE,
  DEV,
  ORDERS,
  SEARCH,
  BILLING,
  PAYMENT,
  NOTIFICATION,
  INDEXER,
  INVOICING,
  withDeclarations,
  resolved,
  eventTopic,
  companion,
} from './helpers';

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
    expect(dlq).toMatchObject({
      kind: 'dead-letter',
      domain: 'orders',
      groupId: 'orders.payment',
      parent: { domain: 'orders', event: 'order-created' },
      cleanupPolicy: 'delete',
    });
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
    expect(topology.producers[0]).toMatchObject({
      topic: { domain: 'orders', event: 'order-created' },
      topicName: 'orders.order-created',
      service: 'order-service',
      principal: 'User:order-service',
      idempotent: true,
      transactionalIdPrefix: null,
      delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
      source: { path: 'dev/orders/order-created/order-service' },
    });
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
        2 +
        2 + // invoicing: group, topic, DLQ read + write
        2 +
        2 + // notification
        2 +
        2 +
        6 + // payment: group, topic, DLQ ×2, three retry tiers ×2
        2 +
        2, // indexer
    );
  });

  it('lists domains sorted by name and records the environment', () => {
    expect(topology.domains.map((d) => d.name)).toEqual(['billing', 'orders', 'search']);
    expect(topology.environment).toEqual({
      name: 'dev',
      production: false,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      topicPrefix: '',
      scaling: { replayWindow: 1, throughput: 1 },
    });
    expect(topology.formatVersion).toBe(1);
  });

  it('reports no issue at all', () => {
    expect(resolve(withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, INVOICING] }), DEV).issues).toEqual(
      [],
    );
  });
});
