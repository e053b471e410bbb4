import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

/** Compaction keeps the last value per key, so every record of a compacted topic needs a key. */
export const compactedTopicKeyed = defineRule({
  id: 'TF-KEY-005',
  level: 'error',
  appliesTo: 'topic',
  title: 'A compacted topic declares no key.',
  rationale: 'Brokers reject unkeyed records on compacted topics; a full replay relies on the latest value per key.',
  fix: 'declare the key the compaction keeps the latest state of (e.g. documentId)',
  check: (topic) => {
    if (topic.kind !== 'event' || !topic.cleanupPolicy.includes('compact')) return NOT_APPLICABLE;
    return topic.key !== null ? COMPLIANT : violations({ field: 'key', message: `topic "${topic.name}" is compacted but declares no key` });
  },
});
