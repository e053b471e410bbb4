import { formatMs } from '../../model/duration';
import { KAFKA_DEFAULT_LINGER_MS, KAFKA_DEFAULT_REQUEST_TIMEOUT_MS } from '../../model/limits';
import { COMPLIANT, defineRule, violations } from '../types';

const MINIMUM_MS = KAFKA_DEFAULT_REQUEST_TIMEOUT_MS + KAFKA_DEFAULT_LINGER_MS;

export const deliveryBounded = defineRule({
  id: 'TF-PROD-004',
  level: 'error',
  appliesTo: 'producer',
  title: 'The delivery bound is shorter than one request can take.',
  rationale: 'Kafka requires delivery.timeout.ms ≥ linger.ms + request.timeout.ms; a producer configured below it fails to start.',
  fix: `set delivery.timeout to at least ${formatMs(MINIMUM_MS)} (the default is 2m)`,
  check: (p) =>
    p.delivery.timeoutMs >= MINIMUM_MS
      ? COMPLIANT
      : violations({
          field: 'delivery.timeout',
          message: `delivery.timeout.ms ${p.delivery.timeoutMs} is below linger.ms + request.timeout.ms (${MINIMUM_MS})`,
        }),
});
