import { z } from 'zod';
import { durationSchema, positiveDurationSchema } from '../duration';
import { MAX_RETRY_TIERS } from '../limits';
import { OFFSET_COMMIT_MODES, PROCESSING_MODES } from '../vocabulary';
import { nameSchema, principalSchema, reasonSchema, sourceSchema, suppressionsSchema, topicRefSchema } from './common';
import { replaySafetySchema } from './replay-safety';

export const subscriptionSchema = z.strictObject({
  topic: topicRefSchema,
  /** Required when the topic belongs to another domain: access to an event stream is its owner's decision. */
  reason: reasonSchema.optional(),
});
export type SubscriptionDeclaration = z.infer<typeof subscriptionSchema>;

export const offsetCommitSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal(OFFSET_COMMIT_MODES[0]) }),
  /** Auto commit commits offsets of earlier polls; say why that is safe here. */
  z.strictObject({ mode: z.literal(OFFSET_COMMIT_MODES[1]), reason: reasonSchema }),
]);

/**
 * The shape of a group's dead-letter topics, when the derived one (DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS in
 * model/limits.ts) does not fit, e.g. a DLQ adopted from a cluster as it is.
 */
export const deadLetterShapeSchema = z.strictObject({
  /** @default - DEAD_LETTER_PARTITIONS, or fewer when the topic has fewer */
  partitions: z.number().int().min(1).optional(),
  /** `retention.ms` of the dead-letter topics. @default - DEAD_LETTER_RETENTION_MS */
  retention: positiveDurationSchema.optional(),
  /** Further topic-level configs, checked like a topic's `config`; derived keys are refused. @default {} */
  config: z.record(z.string(), z.string()).default({}),
});
export type DeadLetterShape = z.infer<typeof deadLetterShapeSchema>;
export type DeadLetterShapeInput = z.input<typeof deadLetterShapeSchema>;

export const consumerGroupSchema = z
  .strictObject({
    domain: nameSchema,
    /** Short name, unique within the domain. */
    name: nameSchema,
    /** @default `<domain>.<name>` */
    groupId: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, { message: 'must use only letters, digits, ".", "_" and "-"' })
      .optional(),
    /** The application the group belongs to. */
    service: nameSchema,
    principal: principalSchema,
    subscriptions: z.array(subscriptionSchema).min(1, { message: 'a consumer group subscribes to at least one topic' }),
    /** @default true — one dead-letter topic per subscribed topic, of the derived shape unless a shape is given */
    deadLetter: z.union([z.boolean(), deadLetterShapeSchema]).default(true),
    /** Delays of the retry tiers, in order (the construct's `retries`); each tier is a topic `<topic>.<group>.retry-<n>`. @default [] */
    retries: z.array(durationSchema).default([]),
    /**
     * How `retries` was declared, when with `Retries.exponential` (model/declare.ts), so it is checked as written: a bad
     * `attempts` is an error on `retries.attempts` (below), not an empty list. Not a prop: it travels on the list.
     */
    retryPolicy: z.strictObject({ kind: z.literal('exponential'), attempts: z.unknown(), first: positiveDurationSchema }).optional(),
    /** Partitions of every retry tier. @default - the subscribed topic's partitions (read by the same instances) */
    retryPartitions: z.number().int().min(1).optional(),
    /** How duplicates are detected or made harmless. */
    idempotency: reasonSchema.optional(),
    /** Whether processing is deterministic and how external side effects are controlled on replay. */
    replaySafety: replaySafetySchema.optional(),
    processingTimePerMessage: durationSchema.optional(),
    /** How far behind the group may fall before it is an incident. */
    maxProcessingLag: durationSchema.optional(),
    /** @default { mode: 'manual' } */
    offsetCommit: offsetCommitSchema.default({ mode: 'manual' }),
    /** @default 'sync' */
    processing: z.enum(PROCESSING_MODES).default('sync'),
    /** Lint rules switched off here, each with a reason. @default [] */
    suppressions: suppressionsSchema,
    source: sourceSchema,
  })
  .refine((g) => validAttempts(g.retryPolicy?.attempts), {
    message: `Retries.exponential needs a whole number of attempts from 1 to ${MAX_RETRY_TIERS}`,
    // Where the user wrote it: `retries: Retries.exponential({ attempts })`. Checked even when other fields are wrong.
    path: ['retries', 'attempts'],
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

function validAttempts(n: unknown): boolean {
  return n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_RETRY_TIERS);
}
export type ConsumerGroupInput = z.input<typeof consumerGroupSchema>;
export type ConsumerGroupDeclaration = z.infer<typeof consumerGroupSchema>;
