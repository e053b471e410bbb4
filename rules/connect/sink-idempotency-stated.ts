import { COMPLIANT, defineRule, NOT_APPLICABLE, violations } from '../types';

export const sinkIdempotencyStated = defineRule({
  id: 'TF-CONNECT-002',
  level: 'error',
  appliesTo: 'connector',
  title: 'The sink connector does not state how it survives duplicates.',
  rationale:
    'A sink connector delivers at least once like any consumer: after a rebalance, a task restart or a replay it writes records again, so the external system must upsert or dedupe.',
  fix: "set idempotency, e.g. 'documents are upserted by id; a replay rewrites the same documents'",
  check: (k) => {
    if (k.type !== 'sink') return NOT_APPLICABLE;
    return k.idempotency !== null ? COMPLIANT : violations({ field: 'idempotency', message: `sink connector ${k.name} states no idempotency` });
  },
});
