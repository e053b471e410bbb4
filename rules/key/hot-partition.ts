import { MIN_KEYS_PER_PARTITION } from '../../model/limits';
import { NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/** Low key cardinality compared with the partition count makes hot partitions. */
export const hotPartition = defineRule({
  id: 'TF-KEY-002',
  level: 'warning',
  appliesTo: 'topic',
  title: 'Too few distinct keys for the partition count: hot partitions.',
  rationale: 'A key is the scope of scale: with few keys, hashing leaves partitions empty and concentrates load (and lag) on the rest.',
  fix: `choose a finer key, or fewer partitions (at least ${MIN_KEYS_PER_PARTITION} keys per partition)`,
  check: (topic) => {
    if (topic.kind !== 'event' || topic.key === null) return NOT_APPLICABLE;
    const cardinality = topic.key.cardinality;
    if (cardinality === undefined) return unknown('key.cardinality', 'key cardinality is not declared');
    const needed = topic.partitions.value * MIN_KEYS_PER_PARTITION;
    return violations(
      ...(cardinality >= needed
        ? []
        : [
            {
              field: 'key.cardinality',
              message: `about ${cardinality.toLocaleString('en-US')} distinct ${topic.key.field} values for ${topic.partitions.value} partitions (want ≥ ${needed.toLocaleString('en-US')})`,
            },
          ]),
    );
  },
});
