import { PARTITION_WARNING_CAP } from '../../model/limits';
import { defineRule, violations } from '../types';

export const partitionCap = defineRule({
  id: 'TF-PART-002',
  level: 'warning',
  appliesTo: 'topic',
  title: `The topic has more than ${PARTITION_WARNING_CAP} partitions, or needs more than sizing allows.`,
  rationale:
    'Every partition costs broker memory, file handles and controller work; very wide topics usually mean the key or consumer design should be revisited.',
  fix: 'check the declared throughput and processing time, or split the topic by event type',
  check: (topic) =>
    violations(
      ...(topic.partitions.value > PARTITION_WARNING_CAP
        ? [{ field: 'partitions', message: `${topic.partitions.value} partitions (cap ${PARTITION_WARNING_CAP})` }]
        : []),
      ...(topic.partitions.capped === true ? [{ field: 'throughput', message: `sizing was capped: ${topic.partitions.explanation}` }] : []),
    ),
});
