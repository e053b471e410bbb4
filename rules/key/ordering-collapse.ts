import { COMPLIANT, NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/** The key must not be narrower than the events' aggregate when consumers need per-key ordering. */
export const orderingCollapse = defineRule({
  id: 'TF-KEY-003',
  level: 'error',
  appliesTo: 'topic',
  title: "The key is narrower than the events' aggregate: per-aggregate ordering collapses.",
  rationale: 'Events of one aggregate spread over several keys, so over several partitions, and arrive out of order.',
  fix: "key by the aggregate's id (e.g. orderId for order events)",
  check: (topic) => {
    if (topic.kind !== 'event' || topic.key === null || topic.aggregate === null || topic.ordering === 'none') return NOT_APPLICABLE;
    if (topic.key.aggregate === topic.aggregate.name) return COMPLIANT;
    const keyCardinality = topic.key.cardinality;
    const aggregateCardinality = topic.aggregate.cardinality;
    if (keyCardinality === undefined || aggregateCardinality === undefined) {
      return unknown(
        'key.aggregate',
        `key identifies "${topic.key.aggregate}" but the events belong to "${topic.aggregate.name}"; declare both cardinalities to tell whether the key is narrower or broader`,
      );
    }
    return violations(
      ...(keyCardinality > aggregateCardinality
        ? [
            {
              field: 'key.aggregate',
              message: `key "${topic.key.field}" identifies "${topic.key.aggregate}" (~${keyCardinality.toLocaleString('en-US')}), narrower than the events' aggregate "${topic.aggregate.name}" (~${aggregateCardinality.toLocaleString('en-US')})`,
            },
          ]
        : []),
    );
  },
});
