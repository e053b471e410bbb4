import { PRODUCTION_MIN_INSYNC_REPLICAS } from '../../model/limits';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

export const productionMinInsyncReplicas = defineRule({
  id: 'TF-REPL-002',
  level: 'error',
  appliesTo: 'topic',
  title: `min.insync.replicas outside ${PRODUCTION_MIN_INSYNC_REPLICAS} ≤ minISR < replication factor in production.`,
  rationale: 'acks=all with minISR 1 acknowledges writes held by one broker; minISR equal to the replication factor stops all writes when one broker is down.',
  fix: 'e.g. replication factor 3 with min.insync.replicas 2',
  check: (topic, { topology }) => {
    if (!topology.environment.production) return NOT_APPLICABLE;
    const ok = topic.minInsyncReplicas >= PRODUCTION_MIN_INSYNC_REPLICAS && topic.minInsyncReplicas < topic.replicationFactor;
    return violations(
      ...(ok ? [] : [{ field: 'replication.minInsyncReplicas', message: `min.insync.replicas ${topic.minInsyncReplicas} with replication factor ${topic.replicationFactor} in production` }]),
    );
  },
});
