import { formatMs } from '../../model/duration';
import { COMPLIANT, defineRule, violations } from '../types';

export const exponentialBackoff = defineRule({
  id: 'TF-PROD-003',
  level: 'warning',
  appliesTo: 'producer',
  title: 'The producer retries without exponential backoff.',
  rationale: 'Immediate or constant-rate retries amplify an outage; backoff growing up to retry.backoff.max.ms (KIP-580) lets brokers recover.',
  fix: 'set delivery.backoffMax above delivery.backoff',
  check: (p) =>
    p.delivery.backoffMaxMs > p.delivery.backoffMs
      ? COMPLIANT
      : violations({
          field: 'delivery.backoffMax',
          message: `backoff ${formatMs(p.delivery.backoffMs)} with a ceiling of ${formatMs(p.delivery.backoffMaxMs)} does not grow`,
        }),
});
