import { COMPLIANT, defineRule, violations } from '../types';

export const idempotentProducer = defineRule({
  id: 'TF-PROD-001',
  level: 'warning',
  appliesTo: 'producer',
  title: 'The producer is not idempotent.',
  rationale: 'Without idempotence a retried send can duplicate or reorder records within a partition.',
  fix: 'leave idempotent at its default (true)',
  check: (p) => (p.idempotent ? COMPLIANT : violations({ field: 'idempotent', message: `${p.service} produces to ${p.topicName} without idempotence` })),
});
