import { NOT_APPLICABLE, defineRule, violations } from '../types';
import { declaredReplication, own } from './replication-source';

export const minIsrWithinReplicationFactor = defineRule({
  id: 'TF-REPL-003',
  level: 'error',
  appliesTo: 'topic',
  title: 'min.insync.replicas is above the replication factor.',
  rationale: 'No write with acks=all can ever succeed.',
  fix: 'keep min.insync.replicas ≤ replication factor',
  check: (topic) => {
    const replication = declaredReplication(topic);
    if (replication === undefined) return NOT_APPLICABLE;
    const { factor, minInsyncReplicas, declares } = replication;
    return violations(
      ...(minInsyncReplicas <= factor
        ? []
        : [
            {
              field: declares.minInsyncReplicas ? 'replication.minInsyncReplicas' : 'replication.factor',
              message: `min.insync.replicas ${own(minInsyncReplicas, declares.minInsyncReplicas)} is above the replication factor ${own(factor, declares.factor)}`,
            },
          ]),
    );
  },
  environmentCheck: (environment) =>
    violations(
      ...(environment.minInsyncReplicas <= environment.replicationFactor
        ? []
        : [
            {
              field: 'minInsyncReplicas',
              message: `min.insync.replicas ${environment.minInsyncReplicas} is above the replication factor ${environment.replicationFactor}`,
            },
          ]),
    ),
});
