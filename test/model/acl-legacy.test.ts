/**
 * deriveAcls beyond the derivation itself: acknowledged legacy ACLs merged in (one a declaration derives anyway is an
 * ordinary ACL; the rest keep their reason and source), the whole list sorted by id, and Cluster IdempotentWrite for a
 * group that writes its retry and dead-letter topics on brokers older than 2.8.
 */
import { describe, expect, it } from 'vitest';
import { deriveAcls, type AclOptions } from '../../model/acl';
import { legacyAclSchema, type LegacyAclInput } from '../../model/schema/legacy-acl';
import type { ResolvedConsumerGroup, ResolvedProducer } from '../../model/topology';

const NO_OPTIONS: AclOptions = { explicitDescribe: false, legacyIdempotentWrite: false };
const OWNERS = new Map([
  ['orders.created', 'orders'],
  ['orders.created.payment.dlq', 'orders'],
]);
const producer = {
  topic: { domain: 'orders', event: 'created' },
  topicName: 'orders.created',
  service: 'order-service',
  principal: 'User:order-service',
  idempotent: true,
  transactionalIdPrefix: null,
} as unknown as ResolvedProducer;
const payment = (deadLetterTopic: string | null, retryTopics: string[] = []): ResolvedConsumerGroup =>
  ({
    domain: 'orders',
    groupId: 'orders.payment',
    service: 'payment-service',
    principal: 'User:payment-service',
    subscriptions: [{ topicName: 'orders.created', deadLetterTopic, retryTopics }],
  }) as unknown as ResolvedConsumerGroup;
const legacy = (input: Partial<LegacyAclInput>) =>
  legacyAclSchema.parse({
    domain: 'orders',
    principal: 'User:old-app',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'orders.created',
    reason: 'kept until old-app is retired',
    source: { path: 'dev/orders/legacy' },
    ...input,
  });

describe('legacy ACLs', () => {
  it('adds each acknowledged legacy ACL once, with its reason and source and nobody needing it, sorted in by id', () => {
    const acls = deriveAcls([], [producer], OWNERS, NO_OPTIONS, [
      legacy({ principal: 'User:zz-app' }),
      legacy({ principal: 'User:aa-app' }),
      legacy({ principal: 'User:aa-app' }),
    ]);
    expect(acls.map((a) => a.id)).toEqual([
      'User:aa-app|*|Read|Allow|Topic|orders.created|Literal',
      'User:order-service|*|Write|Allow|Topic|orders.created|Literal',
      'User:zz-app|*|Read|Allow|Topic|orders.created|Literal',
    ]);
    expect(acls[0]).toEqual({
      principal: 'User:aa-app',
      host: '*',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Topic',
      resourceName: 'orders.created',
      patternType: 'Literal',
      id: 'User:aa-app|*|Read|Allow|Topic|orders.created|Literal',
      domain: 'orders',
      neededBy: [],
      legacy: { reason: 'kept until old-app is retired', source: { path: 'dev/orders/legacy' } },
    });
  });

  it('treats a legacy ACL that a declaration derives anyway as the derived one', () => {
    const acls = deriveAcls([], [producer], OWNERS, NO_OPTIONS, [legacy({ principal: 'User:order-service', operation: 'Write' })]);
    expect(acls).toHaveLength(1);
    expect(acls[0]?.neededBy).toEqual(['producer order-service writes orders.created']);
    expect('legacy' in (acls[0] ?? {})).toBe(false);
  });
});

describe('Cluster IdempotentWrite for consumer groups on brokers older than 2.8', () => {
  const LEGACY: AclOptions = { explicitDescribe: false, legacyIdempotentWrite: true };
  const cluster = (g: ResolvedConsumerGroup) => deriveAcls([g], [], OWNERS, LEGACY).filter((a) => a.resourceType === 'Cluster');

  it('grants it to a group that writes its dead-letter topic, saying why', () => {
    expect(cluster(payment('orders.created.payment.dlq')).map((a) => [a.id, a.domain, a.neededBy])).toEqual([
      [
        'User:payment-service|*|IdempotentWrite|Allow|Cluster|kafka-cluster|Literal',
        'orders',
        ['consumer group orders.payment (payment-service) writes retry / dead-letter topics on a broker older than 2.8'],
      ],
    ]);
  });

  it('grants it to a group with retry topics only', () => {
    expect(cluster(payment(null, ['orders.created.payment.dlq']))).toHaveLength(1);
  });

  it('does not grant it to a group that writes nothing, or whose companions no declaration owns', () => {
    expect(cluster(payment(null))).toEqual([]);
    expect(cluster(payment('orders.created.other.dlq'))).toEqual([]);
    expect(deriveAcls([payment('orders.created.payment.dlq')], [], OWNERS, NO_OPTIONS).filter((a) => a.resourceType === 'Cluster')).toEqual([]);
  });

  it('grants a producer of an unowned topic nothing at all', () => {
    expect(deriveAcls([], [{ ...producer, topicName: 'other.topic', transactionalIdPrefix: 'tx-' }], OWNERS, LEGACY)).toEqual([]);
  });

  it('says why an idempotent producer needs it', () => {
    expect(deriveAcls([], [producer], OWNERS, LEGACY).find((a) => a.resourceType === 'Cluster')?.neededBy).toEqual([
      'producer order-service is idempotent on a broker older than 2.8',
    ]);
  });
});
