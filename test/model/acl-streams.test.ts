/**
 * The ACLs one Kafka Streams application needs (model/acl-streams.ts), worked by hand from Kafka Streams' security
 * documentation: Read (and Describe) on inputs, Write (and Describe) on outputs, Create/Delete/Describe/Read/Write
 * Prefixed on its internal topics `<application.id>-`, Read on its group `application.id`, Describe/Write Prefixed on
 * its transactional ids for exactly_once_v2, and Cluster IdempotentWrite on brokers older than 2.8. Each fixture is
 * built inside its test so mutation testing credits the kill.
 */
import { describe, expect, it } from 'vitest';

import { streamsNeeds } from '../../model/acl-streams';
import type { AclBinding, ResolvedStreamsApplication } from '../../model/topology';

function app(overrides: Partial<ResolvedStreamsApplication> = {}): ResolvedStreamsApplication {
  return {
    domain: 'orders',
    name: 'enricher',
    applicationId: 'orders.enricher',
    internalPrefix: 'orders.enricher-',
    service: 'enricher-service',
    principal: 'User:enricher',
    inputs: [{ topic: { domain: 'orders', event: 'order-created' }, topicName: 'orders.order-created' }],
    outputs: [{ topic: { domain: 'orders', event: 'order-enriched' }, topicName: 'orders.order-enriched' }],
    processingGuarantee: 'exactly_once_v2',
    stateStores: [],
    repartitions: false,
    ...overrides,
  } as ResolvedStreamsApplication;
}

const binding = (
  operation: AclBinding['operation'],
  resourceType: AclBinding['resourceType'],
  resourceName: string,
  patternType: AclBinding['patternType'],
): AclBinding => ({
  principal: 'User:enricher',
  host: '*',
  operation,
  permission: 'Allow',
  resourceType,
  resourceName,
  patternType,
});

const WHO = 'streams application orders.enricher (enricher-service)';

describe('streamsNeeds', () => {
  it('lists every need of an exactly-once application with explicit Describe on an old broker, in order, with its reason', () => {
    const needs = streamsNeeds(app(), { explicitDescribe: true, legacyIdempotentWrite: true });
    const reads = `${WHO} reads orders.order-created`;
    const writes = `${WHO} writes orders.order-enriched`;
    const internal = `${WHO} creates and uses its internal topics orders.enricher-*`;
    const transactional = `${WHO} writes exactly once with transactional ids orders.enricher-*`;
    expect(needs).toStrictEqual([
      { binding: binding('Read', 'Topic', 'orders.order-created', 'Literal'), topic: 'orders.order-created', domain: 'orders', why: reads },
      { binding: binding('Describe', 'Topic', 'orders.order-created', 'Literal'), topic: 'orders.order-created', domain: 'orders', why: reads },
      { binding: binding('Write', 'Topic', 'orders.order-enriched', 'Literal'), topic: 'orders.order-enriched', domain: 'orders', why: writes },
      { binding: binding('Describe', 'Topic', 'orders.order-enriched', 'Literal'), topic: 'orders.order-enriched', domain: 'orders', why: writes },
      { binding: binding('Create', 'Topic', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: internal },
      { binding: binding('Delete', 'Topic', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: internal },
      { binding: binding('Describe', 'Topic', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: internal },
      { binding: binding('Read', 'Topic', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: internal },
      { binding: binding('Write', 'Topic', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: internal },
      { binding: binding('Read', 'Group', 'orders.enricher', 'Literal'), domain: 'orders', why: `${WHO} joins its group` },
      { binding: binding('Describe', 'TransactionalID', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: transactional },
      { binding: binding('Write', 'TransactionalID', 'orders.enricher-', 'Prefixed'), domain: 'orders', why: transactional },
      {
        binding: binding('IdempotentWrite', 'Cluster', 'kafka-cluster', 'Literal'),
        domain: 'orders',
        why: `${WHO} writes with an idempotent producer on a broker older than 2.8`,
      },
    ]);
  });

  it('leaves out Describe, the transactional ids and IdempotentWrite for an at-least-once application on a current broker', () => {
    const needs = streamsNeeds(app({ processingGuarantee: 'at_least_once' }), { explicitDescribe: false, legacyIdempotentWrite: false });
    expect(needs.map((n) => `${n.binding.operation} ${n.binding.resourceType}:${n.binding.resourceName}:${n.binding.patternType}`)).toEqual([
      'Read Topic:orders.order-created:Literal',
      'Write Topic:orders.order-enriched:Literal',
      'Create Topic:orders.enricher-:Prefixed',
      'Delete Topic:orders.enricher-:Prefixed',
      'Describe Topic:orders.enricher-:Prefixed',
      'Read Topic:orders.enricher-:Prefixed',
      'Write Topic:orders.enricher-:Prefixed',
      'Read Group:orders.enricher:Literal',
    ]);
  });
});
