import { formatMs } from '../../model/duration';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

export const segmentRollShorterThanRetention = defineRule({
  id: 'TF-CONFIG-002',
  level: 'warning',
  appliesTo: 'topic',
  title: 'Segments roll less often than retention expires.',
  rationale:
    'Kafka deletes whole segments only after their newest record expires: with segment.ms ≥ retention.ms data lives up to twice as long and disk use is unpredictable.',
  fix: "set segment.ms well below retention.ms (or leave Kafka's default of 7 days for longer retention)",
  check: (topic) => {
    const segment = topic.config['segment.ms'];
    if (segment === undefined || topic.retentionMs === null || topic.retentionMs.value === -1) return NOT_APPLICABLE;
    return violations(
      ...(Number(segment) < topic.retentionMs.value
        ? []
        : [{ field: 'config["segment.ms"]', message: `segment.ms ${formatMs(Number(segment))} is not below retention ${formatMs(topic.retentionMs.value)}` }]),
    );
  },
});
