import { PRODUCTION_MIN_INSYNC_REPLICAS } from '../../model/limits';
import { NOT_APPLICABLE, defineRule, violations } from '../types';
import { declaredReplication, own } from './replication-source';

/** Below the minimum, or equal to the replication factor (above it is TF-REPL-003's finding, not a second one here). */
const outOfRange = (minIsr: number, factor: number): { tooFew: boolean; equal: boolean } => ({
  tooFew: minIsr < PRODUCTION_MIN_INSYNC_REPLICAS,
  equal: minIsr === factor,
});

export const productionMinInsyncReplicas = defineRule({
  id: 'TF-REPL-002',
  level: 'error',
  appliesTo: 'topic',
  title: `min.insync.replicas outside ${PRODUCTION_MIN_INSYNC_REPLICAS} ≤ minISR < replication factor in production.`,
  rationale: 'acks=all with minISR 1 acknowledges writes held by one broker; minISR equal to the replication factor stops all writes when one broker is down.',
  fix: 'e.g. replication factor 3 with min.insync.replicas 2',
  check: (topic, { topology }) => {
    const replication = declaredReplication(topic);
    if (!topology.environment.production || replication === undefined) return NOT_APPLICABLE;
    const { factor, minInsyncReplicas, declares } = replication;
    const range = outOfRange(minInsyncReplicas, factor);
    // Only what the topic's own values cause: the environment's defaults are reported on the environment.
    const caused = (range.tooFew && declares.minInsyncReplicas) || (range.equal && (declares.minInsyncReplicas || declares.factor));
    if (!caused) return violations();
    return violations({
      field: declares.minInsyncReplicas ? 'replication.minInsyncReplicas' : 'replication.factor',
      message: `min.insync.replicas ${own(minInsyncReplicas, declares.minInsyncReplicas)} with replication factor ${own(factor, declares.factor)} in production environment "${topology.environment.name}"`,
    });
  },
  environmentCheck: (environment) => {
    if (!environment.production) return NOT_APPLICABLE;
    const range = outOfRange(environment.minInsyncReplicas, environment.replicationFactor);
    if (!range.tooFew && !range.equal) return violations();
    return violations({
      field: 'minInsyncReplicas',
      message: `min.insync.replicas ${environment.minInsyncReplicas} with replication factor ${environment.replicationFactor} in production environment "${environment.name}"`,
    });
  },
});
