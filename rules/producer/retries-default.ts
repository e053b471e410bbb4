import { COMPLIANT, defineRule, violations } from '../types';

export const retriesDefault = defineRule({
  id: 'TF-PROD-002',
  level: 'warning',
  appliesTo: 'producer',
  title: 'The producer caps `retries` instead of bounding delivery time.',
  rationale:
    "Kafka's guidance is to bound delivery with delivery.timeout.ms and leave retries at its default; capping retries on an idempotent producer can break its guarantees.",
  fix: 'remove delivery.retries and set delivery.timeout instead',
  check: (p) =>
    p.delivery.retries === null ? COMPLIANT : violations({ field: 'delivery.retries', message: `${p.service} caps retries at ${p.delivery.retries}` }),
});
