import { PRODUCTION_MIN_REPLICATION_FACTOR } from '../../model/limits';
import { NOT_APPLICABLE, defineRule, violations } from '../types';
import { declaredReplication } from './replication-source';

export const productionReplicationFactor = defineRule({
  id: 'TF-REPL-001',
  level: 'error',
  appliesTo: 'topic',
  title: `Replication factor below ${PRODUCTION_MIN_REPLICATION_FACTOR} in production.`,
  rationale: 'With fewer replicas one broker loss during maintenance of another makes partitions unavailable or loses data.',
  fix: `set the environment's replicationFactor (or replication.factor) to ${PRODUCTION_MIN_REPLICATION_FACTOR} or more`,
  check: (topic, { topology }) => {
    const replication = declaredReplication(topic);
    if (!topology.environment.production || replication === undefined || !replication.declares.factor) return NOT_APPLICABLE;
    return violations(
      ...(replication.factor >= PRODUCTION_MIN_REPLICATION_FACTOR
        ? []
        : [{ field: 'replication.factor', message: `replication factor ${replication.factor} in production environment "${topology.environment.name}"` }]),
    );
  },
  environmentCheck: (environment) => {
    if (!environment.production) return NOT_APPLICABLE;
    return violations(
      ...(environment.replicationFactor >= PRODUCTION_MIN_REPLICATION_FACTOR
        ? []
        : [{ field: 'replicationFactor', message: `replication factor ${environment.replicationFactor} in production environment "${environment.name}"` }]),
    );
  },
});
