import { COMPLIANT, NOT_APPLICABLE, defineRule, unknown, violations } from '../types';

/** A key broader than the aggregate widens the blast radius of one bad event. */
export const blastRadius = defineRule({
  id: 'TF-KEY-004',
  level: 'warning',
  appliesTo: 'topic',
  title: "The key is broader than the events' aggregate: a bad event blocks many aggregates.",
  rationale: 'The blast radius of a poison pill follows the key: a tenant-wide key stalls every order of the tenant, and concentrates load.',
  fix: "key by the aggregate's id, not by a grouping of aggregates",
  check: (topic) => {
    if (topic.kind !== 'event' || topic.key === null || topic.aggregate === null) return NOT_APPLICABLE;
    if (topic.key.aggregate === topic.aggregate.name) return COMPLIANT;
    const keyCardinality = topic.key.cardinality;
    const aggregateCardinality = topic.aggregate.cardinality;
    if (keyCardinality === undefined || aggregateCardinality === undefined) {
      // With per-key ordering TF-KEY-003 reports the undecided case; without it, this rule must.
      return topic.ordering === 'none'
        ? unknown(
            'key.aggregate',
            `key identifies "${topic.key.aggregate}" but the events belong to "${topic.aggregate.name}"; declare both cardinalities to tell whether the key is broader`,
          )
        : NOT_APPLICABLE;
    }
    return violations(
      ...(keyCardinality < aggregateCardinality
        ? [
            {
              field: 'key.aggregate',
              message: `key "${topic.key.field}" identifies "${topic.key.aggregate}" (~${keyCardinality.toLocaleString('en-US')}), broader than the events' aggregate "${topic.aggregate.name}" (~${aggregateCardinality.toLocaleString('en-US')})`,
            },
          ]
        : []),
    );
  },
});
