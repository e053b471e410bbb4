/**
 * A Kafka Streams application owned by a domain: what it reads and writes, its processing guarantee and state, and how
 * it handles records it cannot read or write. Its `application.id` is its consumer group id, the prefix of its
 * internal topics (`<application.id>-<store>-changelog`, `<application.id>-…-repartition`) and, with
 * `exactly_once_v2`, of its transactional ids.
 */
import { z } from 'zod';
import { PROCESSING_GUARANTEES } from '../vocabulary';
import { nameSchema, principalSchema, reasonSchema, sourceSchema, suppressionsSchema, topicRefSchema } from './common';
import { subscriptionSchema } from './consumer-group';
import { replaySafetySchema } from './replay-safety';

/** A Java class name as Kafka Streams configs take it, e.g. `org.apache.kafka.streams.errors.LogAndContinueExceptionHandler`. */
const javaClassName = z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, { message: 'must be a Java class name such as "com.acme.DlqHandler"' });

export const stateStoreSchema = z.strictObject({
  /** The store's name as the topology names it; its changelog topic is `<application.id>-<name>-changelog`. */
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, { message: 'must use only letters, digits, ".", "_" and "-"' }),
  /**
   * Whether the store is backed by a changelog topic (Kafka Streams' default). Without one, a lost instance's state is
   * gone and is rebuilt only by reprocessing the inputs. @default true
   */
  changelog: z.boolean().default(true),
});
export type StateStoreDeclaration = z.infer<typeof stateStoreSchema>;

/**
 * What the application does with a record it cannot deserialize or cannot produce: the handler classes of
 * `deserialization.exception.handler` and `production.exception.handler`, e.g. one that writes it to a dead-letter
 * topic (KIP-1034 in Kafka 4.1, or an own handler) and continues.
 */
export const exceptionHandlersSchema = z.strictObject({
  deserialization: javaClassName,
  production: javaClassName,
});
export type ExceptionHandlersDeclaration = z.infer<typeof exceptionHandlersSchema>;

export const outputSchema = z.strictObject({
  topic: topicRefSchema,
  /** Required when the topic belongs to another domain: writing another domain's events is its owner's decision. */
  reason: reasonSchema.optional(),
});

export const streamsApplicationSchema = z.strictObject({
  domain: nameSchema,
  /** Short name, unique within the domain. */
  name: nameSchema,
  /** @default `<domain>.<name>` */
  applicationId: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'must use only letters, digits, ".", "_" and "-"' })
    .optional(),
  /** The application (deployable) it is. */
  service: nameSchema,
  principal: principalSchema,
  /** Topics it reads (source topics), with a reason for each of another domain. */
  inputs: z.array(subscriptionSchema).min(1, { message: 'a Kafka Streams application reads at least one topic' }),
  /** Topics it writes (sink topics). @default [] */
  outputs: z.array(outputSchema).default([]),
  /** @default 'at_least_once' (Kafka Streams' default) */
  processingGuarantee: z.enum(PROCESSING_GUARANTEES).default('at_least_once'),
  /** Its state stores. @default [] */
  stateStores: z.array(stateStoreSchema).default([]),
  /**
   * How many stream threads it runs at peak: instances × `num.stream.threads`. Kafka Streams runs one task per input
   * partition and spreads tasks over threads, so a thread beyond the partition count sits idle; the partitions of its
   * input topics are sized to keep every thread busy (with headroom, model/sizing/partitions.ts).
   * @default - not declared: the input topics are sized without it (Kafka Streams' default is 1 thread per instance)
   */
  parallelism: z
    .strictObject({
      /** Instances (pods, processes) running at peak. */
      instances: z.number().int().min(1),
      /** `num.stream.threads` per instance. @default 1 (Kafka Streams' default) */
      threadsPerInstance: z.number().int().min(1).default(1),
    })
    .optional(),
  /** Whether it re-keys records (selectKey, groupBy, a join on another key), so it writes repartition topics. @default false */
  repartitions: z.boolean().default(false),
  /** How unreadable and unwritable records are handled. @default - none; lint reports it (TF-STREAMS-003) */
  exceptionHandlers: exceptionHandlersSchema.optional(),
  /** How duplicates are made harmless where the processing guarantee does not (at_least_once, external effects). */
  idempotency: reasonSchema.optional(),
  /** Whether processing is deterministic and how external side effects are controlled on replay. */
  replaySafety: replaySafetySchema.optional(),
  /** Lint rules switched off here, each with a reason. @default [] */
  suppressions: suppressionsSchema,
  source: sourceSchema,
});
export type StreamsApplicationInput = z.input<typeof streamsApplicationSchema>;
export type StreamsApplicationDeclaration = z.infer<typeof streamsApplicationSchema>;
