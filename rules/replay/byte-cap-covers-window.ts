import { formatMs, toMs } from '../../model/duration';
import { NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/** retention.bytes is a per-partition capacity guard; it must not cut the replay window at peak traffic. */
export const byteCapCoversWindow = defineRule({
  id: 'TF-REPLAY-003',
  level: 'warning',
  appliesTo: 'topic',
  title: 'The retention.bytes cap would cut the replay window at peak traffic.',
  rationale: 'Kafka deletes by size as well as by time: a byte cap that traffic or key skew can exceed shortens the window silently.',
  fix: 'raise retentionBytes above window × peak bytes/s ÷ partitions, or drop it',
  check: (topic) => {
    if (topic.kind !== 'event' || topic.retentionBytes === null || topic.replay.kind !== 'window') return NOT_APPLICABLE;
    if (topic.throughput === null) return unknown('retentionBytes', 'no throughput declared, so the byte cap cannot be compared with the window');
    const windowMs = toMs(topic.replay.window);
    const perPartition = ((windowMs / 1000) * topic.throughput.peakMessagesPerSecond * topic.throughput.averageMessageBytes) / topic.partitions.value;
    return violations(
      ...(topic.retentionBytes >= perPartition
        ? []
        : [
            {
              field: 'retentionBytes',
              message: `${topic.retentionBytes.toLocaleString('en-US')} bytes per partition hold less than ${formatMs(windowMs)} at peak (${Math.ceil(perPartition).toLocaleString('en-US')} bytes)`,
            },
          ]),
    );
  },
});
