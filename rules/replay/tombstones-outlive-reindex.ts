import { formatMs, toMs } from '../../model/duration';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

export const tombstonesOutliveReindex = defineRule({
  id: 'TF-REPLAY-002',
  level: 'error',
  appliesTo: 'topic',
  title: 'Tombstones expire before the longest full reindex ends.',
  rationale: 'A reindex that reads past a delete after its tombstone was compacted away never sees the delete: deleted entities come back.',
  fix: 'remove the explicit delete.retention.ms (it is derived), or raise it above longestReindex',
  check: (topic) => {
    if (topic.kind !== 'event' || topic.replay.kind !== 'full') return NOT_APPLICABLE;
    const reindex = toMs(topic.replay.longestReindex);
    const tombstones = Number(topic.config['delete.retention.ms'] ?? 86_400_000); // Kafka's default: 1 day
    return violations(
      ...(tombstones > reindex
        ? []
        : [
            {
              field: 'config["delete.retention.ms"]',
              message: `delete.retention.ms ${formatMs(tombstones)} does not exceed the longest reindex ${formatMs(reindex)}`,
            },
          ]),
    );
  },
});
