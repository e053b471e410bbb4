/** Step 7, producers: each grant with its topic's full name and its delivery bounds, Kafka's defaults where none is declared. */
import { toMs } from '../duration';
import { DEFAULT_DELIVERY_TIMEOUT_MS, DEFAULT_RETRY_BACKOFF_MAX_MS, DEFAULT_RETRY_BACKOFF_MS } from '../limits';
import type { ProducerDeclaration } from '../schema';
import type { ResolvedProducer } from '../topology';

const DELIVERY_DEFAULTS = { timeoutMs: DEFAULT_DELIVERY_TIMEOUT_MS, backoffMs: DEFAULT_RETRY_BACKOFF_MS, backoffMaxMs: DEFAULT_RETRY_BACKOFF_MAX_MS } as const;

export function resolveProducer(p: ProducerDeclaration, topicName: string): ResolvedProducer {
  return {
    topic: p.topic,
    topicName,
    service: p.service,
    principal: p.principal,
    idempotent: p.idempotent,
    transactionalIdPrefix: p.transactionalIdPrefix ?? null,
    delivery: {
      timeoutMs: p.delivery.timeout === undefined ? DELIVERY_DEFAULTS.timeoutMs : toMs(p.delivery.timeout),
      backoffMs: p.delivery.backoff === undefined ? DELIVERY_DEFAULTS.backoffMs : toMs(p.delivery.backoff),
      backoffMaxMs: p.delivery.backoffMax === undefined ? DELIVERY_DEFAULTS.backoffMaxMs : toMs(p.delivery.backoffMax),
      retries: p.delivery.retries ?? null,
    },
    suppressions: p.suppressions,
    source: p.source,
  };
}
