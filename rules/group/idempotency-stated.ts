import { COMPLIANT, defineRule, violations } from '../types';

export const idempotencyStated = defineRule({
  id: 'TF-GROUP-001',
  level: 'error',
  appliesTo: 'consumer-group',
  title: 'The consumer group does not state how it survives duplicates.',
  rationale: 'Delivery is at least once: a rebalance or crash redelivers records, and replay re-reads them all. Consumers must be idempotent.',
  fix: "set idempotency, e.g. 'payment id unique per order; duplicates are ignored'",
  check: (g) => (g.idempotency !== null ? COMPLIANT : violations({ field: 'idempotency', message: `group ${g.groupId} states no idempotency strategy` })),
});
