import { z } from 'zod';
import { durationSchema } from '../duration';
import { nameSchema, principalSchema, sourceSchema, suppressionsSchema, topicRefSchema } from './common';

export const deliverySchema = z.strictObject({
  /** Upper bound on the time to report a send as failed (`delivery.timeout.ms`). @default '2m' */
  timeout: durationSchema.optional(),
  /** First retry backoff (`retry.backoff.ms`). @default '100ms' */
  backoff: durationSchema.optional(),
  /** Backoff ceiling for exponential backoff (`retry.backoff.max.ms`). @default '1s' */
  backoffMax: durationSchema.optional(),
  /** An explicit `retries` cap. Kafka advises leaving it at its default and bounding delivery time instead. */
  retries: z.number().int().min(0).optional(),
});
export type DeliveryDeclaration = z.infer<typeof deliverySchema>;

export const producerSchema = z.strictObject({
  topic: topicRefSchema,
  /** The application that produces. */
  service: nameSchema,
  principal: principalSchema,
  /** @default true */
  idempotent: z.boolean().default(true),
  /** Transactional producers declare their transactional.id prefix; the ACL is Prefixed on it. */
  transactionalIdPrefix: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  delivery: deliverySchema.default({}),
  /** Lint rules switched off here, each with a reason. @default [] */
  suppressions: suppressionsSchema,
  source: sourceSchema,
});
export type ProducerInput = z.input<typeof producerSchema>;
export type ProducerDeclaration = z.infer<typeof producerSchema>;
