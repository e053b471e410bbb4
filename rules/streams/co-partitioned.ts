import { COMPLIANT, NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/**
 * Kafka Streams joins and aggregates records of one key within one task, and a task owns the same partition number of
 * every input: inputs with different partition counts put one key in different tasks (joins refuse to start with
 * "Topics not co-partitioned"; a stateful merge splits a key's state across instances).
 */
export const coPartitioned = defineRule({
  id: 'TF-STREAMS-001',
  level: 'warning',
  appliesTo: 'streams-application',
  title: 'A stateful or repartitioning Kafka Streams application reads inputs of different partition counts.',
  rationale:
    'Co-partitioning: a key must land on the same partition number in every input of a join or shared state, which needs equal partition counts (and the same key and partitioner).',
  fix: 'give the inputs the same partition count (declare partitions), or repartition one input explicitly (KStream#repartition) before joining',
  check: (app, { eventTopic }) => {
    if (app.inputs.length < 2 || (app.stateStores.length === 0 && !app.repartitions)) return NOT_APPLICABLE;
    const counts = app.inputs.map((i) => ({ name: i.topicName, partitions: eventTopic(i.topicName)?.partitions.value }));
    const missing = counts.find((c) => c.partitions === undefined);
    if (missing !== undefined) return unknown('inputs', `the partition count of "${missing.name}" is not known here`);
    if (new Set(counts.map((c) => c.partitions)).size === 1) return COMPLIANT;
    return violations({
      field: 'inputs',
      message: `streams application ${app.applicationId} keeps state over inputs of different partition counts: ${counts.map((c) => `"${c.name}" ${c.partitions ?? '?'}`).join(', ')}`,
    });
  },
});
