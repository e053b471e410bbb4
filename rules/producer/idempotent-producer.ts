import { COMPLIANT, defineRule, violations } from '../types';

export const idempotentProducer = defineRule({
  id: 'TF-PROD-001',
  level: 'warning',
  appliesTo: 'producer',
  title: 'The producer is not idempotent.',
  rationale: 'Without idempotence a retried send can duplicate or reorder records within a partition.',
  fix: 'leave idempotent at its default (true)',
  check: (p) => {
    if (p.idempotent) return COMPLIANT;
    // Transactions require idempotence: the producer would fail at start-up.
    return p.transactionalIdPrefix !== null
      ? violations({
          field: 'idempotent',
          message: `${p.service} is transactional but not idempotent; Kafka requires idempotence for transactions`,
          level: 'error',
        })
      : violations({ field: 'idempotent', message: `${p.service} produces to ${p.topicName} without idempotence` });
  },
});
