import { defineRule, violations } from '../types';

export const minIsrWithinReplicationFactor = defineRule({
  id: 'TF-REPL-003',
  level: 'error',
  appliesTo: 'topic',
  title: 'min.insync.replicas is above the replication factor.',
  rationale: 'No write with acks=all can ever succeed.',
  fix: 'keep min.insync.replicas ≤ replication factor',
  check: (topic) =>
    violations(
      ...(topic.minInsyncReplicas <= topic.replicationFactor
        ? []
        : [{ field: 'replication.minInsyncReplicas', message: `min.insync.replicas ${topic.minInsyncReplicas} is above the replication factor ${topic.replicationFactor}` }]),
    ),
});
