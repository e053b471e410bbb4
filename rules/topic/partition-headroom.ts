import { DEFAULT_PARTITION_HEADROOM, PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION } from '../../model/limits';
import { NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/** Declared partitions leave headroom over the declared parallelism and throughput. */
export const partitionHeadroom = defineRule({
  id: 'TF-PART-001',
  level: 'warning',
  appliesTo: 'topic',
  title: 'Declared partitions leave no headroom over the declared parallelism.',
  rationale: 'Partitions cap consumer parallelism and cannot be reduced; adding them later remaps keys and breaks per-key ordering for in-flight keys.',
  fix: `declare throughput and let partitions be sized, or declare at least ${DEFAULT_PARTITION_HEADROOM}× the needed parallelism`,
  check: (topic, { readersOf }) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    const t = topic.throughput;
    if (t === null) return unknown('throughput', 'no throughput declared, so headroom cannot be checked');
    const producerBound = Math.ceil((t.peakMessagesPerSecond * t.averageMessageBytes) / PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION);
    const slowest = Math.max(0, ...readersOf(topic.name).map((g) => g.processingTimePerMessageMs ?? 0));
    const consumerBound = Math.ceil((t.peakMessagesPerSecond * slowest) / 1000);
    const needed = Math.max(1, producerBound, consumerBound, t.maxConsumerInstances ?? 0);
    const wanted = needed * DEFAULT_PARTITION_HEADROOM;
    return violations(
      ...(topic.partitions.value >= wanted
        ? []
        : [
            {
              field: 'partitions',
              message: `${topic.partitions.value} partitions for a needed parallelism of ${needed}; ${wanted} would leave ${DEFAULT_PARTITION_HEADROOM}× headroom`,
            },
          ]),
    );
  },
});
