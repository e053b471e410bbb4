/** resolve() at determinism, size and repetition edges. */
import { describe, expect, it } from 'vitest';
import { resolve, type Declarations, type LocatedIssue } from '../../../model/resolve';
import type { ConsumerGroupInput, EventTopicInput, ProducerInput } from '../../../model/schema';
import { validateTopicConfig } from '../../../model/topic-config-keys';
import {
  DEV,
  type DomainInput,
  SEARCH,
  BILLING,
  ORDER_CREATED,
  DOCUMENT_CHANGED,
  NOTIFICATION,
  ORDER_SERVICE,
  withDeclarations,
  PAYMENT,
  ORDERS,
} from './helpers';

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
    const result = resolve(
      withDeclarations({ topics: [{ ...ORDER_CREATED, replay: { kind: 'window', window: '99999999999999999999d' } }, DOCUMENT_CHANGED] }),
      DEV,
    );
    // Either the declaration is rejected, or every derived config value is one Kafka accepts.
    for (const topic of result.topology?.topics ?? []) {
      expect(
        validateTopicConfig(topic.config).filter((i) => (i.severity ?? 'error') === 'error'),
        `${topic.name}: ${JSON.stringify(topic.config)}`,
      ).toEqual([]);
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
