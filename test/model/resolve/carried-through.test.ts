import { describe, expect, it } from 'vitest';
import type { Declarations } from '../../../model/resolve';
import { DEV, PROD, ORDER_CREATED, DOCUMENT_CHANGED, SEED, withDeclarations, resolved, topicNamed, eventTopic } from './helpers';

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
  ] as const)(
    'in %s, a topic declaring replication %j gets RF %i and min.insync.replicas %i, its companions too',
    (_env, replication, factor, minIsr, environment) => {
      const topology = resolved(withReplication(replication), environment);
      for (const name of ['orders.order-created', 'orders.order-created.payment.dlq', 'orders.order-created.payment.retry-1']) {
        expect(topicNamed(topology, name)).toMatchObject({
          replicationFactor: factor,
          minInsyncReplicas: minIsr,
          config: { 'min.insync.replicas': String(minIsr) },
        });
      }
      // Other topics keep the environment's defaults.
      expect(eventTopic(topology, 'search.document-changed')).toMatchObject({
        replicationFactor: environment.replicationFactor,
        minInsyncReplicas: environment.minInsyncReplicas,
      });
    },
  );

  it('records the environment replication as declared', () => {
    expect(resolved(SEED, { ...PROD, replicationFactor: 5, minInsyncReplicas: 3 }).environment).toMatchObject({
      replicationFactor: 5,
      minInsyncReplicas: 3,
      production: true,
    });
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
