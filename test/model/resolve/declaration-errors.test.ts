/** resolve() on broken declarations: every problem reported at once, at its declaration and field (model/resolve/messages.ts). */
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import {
  DEV,
  ORDERS,
  SEARCH,
  BILLING,
  ORDER_CREATED,
  DOCUMENT_CHANGED,
  PAYMENT,
  NOTIFICATION,
  INDEXER,
  withDeclarations,
  resolved,
  expectFailure,
  INVOICING,
  ORDER_SERVICE,
} from './helpers';

describe('resolve: declaration errors', () => {
  it('fails when key.reason is too short, with the zod field path', () => {
    const result = expectFailure(
      withDeclarations({ topics: [{ ...ORDER_CREATED, key: { field: 'orderId', aggregate: 'order', reason: 'ordering' } }, DOCUMENT_CHANGED] }),
      DEV,
      {
        source: 'dev/orders/order-created',
        path: 'key.reason',
        code: 'schema-too_small',
        message: 'must be a written reason of at least 10 characters',
      },
    );
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
    expect(
      result.issues.some((i) => i.source.path === 'dev/orders/order-created' && i.code === 'schema-unrecognized_keys' && i.message.includes('retention')),
    ).toBe(true);
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
    const topology = resolved(
      withDeclarations({
        topics: [
          { ...ORDER_CREATED, cleanupPolicy: 'delete' },
          { ...DOCUMENT_CHANGED, cleanupPolicy: 'compact' },
        ],
      }),
    );
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
    expectFailure(
      withDeclarations({
        domains: [ORDERS, SEARCH, BILLING],
        consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, { ...INVOICING, subscriptions: [withoutReason] }],
      }),
      DEV,
      {
        source: 'dev/billing/invoicing',
        path: 'subscriptions[0].reason',
        code: 'cross-domain-read-without-reason',
        message: 'group "billing.invoicing" reads "orders/order-created" of domain "orders" without a stated reason',
      },
    );
  });

  it('fails when an event topic is declared twice in a domain', () => {
    expectFailure(
      withDeclarations({ topics: [ORDER_CREATED, DOCUMENT_CHANGED, { ...ORDER_CREATED, source: { path: 'dev/orders/order-created-again' } }] }),
      DEV,
      {
        source: 'dev/orders/order-created-again',
        path: 'name',
        code: 'duplicate-topic',
        message: 'event topic "order-created" is declared twice in domain "orders" (first at dev/orders/order-created)',
      },
    );
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
    const result = expectFailure(
      withDeclarations({ consumerGroups: [{ ...PAYMENT, source: { ...PAYMENT.source, file: 'topics/orders.ts', line: 20 } }, NOTIFICATION, INDEXER, again] }),
      DEV,
      {
        source: 'dev/orders/payment-again',
        path: 'name',
        code: 'duplicate-consumer-group',
        message: 'consumer group "payment" is declared twice in domain "orders" (first at topics/orders.ts:20)',
      },
    );
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
    const result = expectFailure(
      withDeclarations({ topics: [{ ...ORDER_CREATED, name: event }, DOCUMENT_CHANGED], consumerGroups: [INDEXER], producers: [] }),
      DEV,
      {
        source: 'dev/orders/order-created',
        path: 'name',
        code: 'topic-name-too-long',
        message: 'is 252 characters; Kafka allows at most 249',
      },
    );
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
      withDeclarations({
        topics: [{ ...ORDER_CREATED, key: { field: 'orderId', aggregate: 'order', reason: 'short' }, config: { 'retention.msx': '1' } }, DOCUMENT_CHANGED],
      }),
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
        topics: [
          { ...ORDER_CREATED, config: { 'retention.msx': '1', 'segment.msx': '1' }, cleanupPolicy: 'compact' },
          { ...DOCUMENT_CHANGED, cleanupPolicy: 'delete' },
        ],
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
