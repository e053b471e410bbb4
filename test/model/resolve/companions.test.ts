/** resolve() with dead-letter and retry options: companions turned off, shaped, or read under another group id. */
import { describe, expect, it } from 'vitest';
import { ORDER_CREATED, NOTIFICATION, INDEXER, withDeclarations, resolved, companion, DOCUMENT_CHANGED, PAYMENT } from './helpers';

describe('resolve: DLQ and retry options', () => {
  it('creates no DLQ for a group that opts out, and no retry topics without delays', () => {
    const topology = resolved(withDeclarations({ consumerGroups: [{ ...NOTIFICATION, deadLetter: false }, INDEXER] }));
    expect(topology.topics.filter((t) => t.kind !== 'event' && t.groupId === 'orders.notification')).toEqual([]);
    expect(topology.consumerGroups.find((g) => g.groupId === 'orders.notification')?.subscriptions[0]).toMatchObject({
      deadLetterTopic: null,
      retryTopics: [],
    });
  });

  it('gives a DLQ fewer partitions when its topic has fewer than 3', () => {
    const topology = resolved(withDeclarations({ topics: [ORDER_CREATED, { ...DOCUMENT_CHANGED, partitions: 2 }] }));
    expect(companion(topology, 'search.document-changed.indexer.dlq').partitions.value).toBe(2);
  });

  it('uses an explicit group id for companions and ACLs, but the group name for companion names', () => {
    const topology = resolved(withDeclarations({ consumerGroups: [{ ...PAYMENT, groupId: 'payment-service-v2' }, NOTIFICATION, INDEXER] }));
    expect(companion(topology, 'orders.order-created.payment.dlq').groupId).toBe('payment-service-v2');
    expect(topology.acls.some((a) => a.resourceType === 'Group' && a.resourceName === 'payment-service-v2' && a.principal === 'User:payment-service')).toBe(
      true,
    );
  });
});
