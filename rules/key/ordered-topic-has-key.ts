import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

/** A topic whose consumers need per-key ordering declares its key (with a reason, which the schema requires). */
export const orderedTopicHasKey = defineRule({
  id: 'TF-KEY-001',
  level: 'error',
  appliesTo: 'topic',
  title: 'Consumers need per-key ordering but the topic declares no key.',
  rationale: 'Ordering holds only inside one partition; without a key, events of one aggregate land on different partitions and state is corrupted.',
  fix: "declare key { field, aggregate, reason, cardinality }, or ordering: 'none' if consumers do not rely on order",
  check: (topic) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    if (topic.key !== null || topic.ordering === 'none') return COMPLIANT;
    return violations({ field: 'key', message: `topic "${topic.name}" needs per-key ordering but declares no key` });
  },
});
