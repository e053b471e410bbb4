import { z } from 'zod';
import { positiveDurationSchema } from '../duration';
import { topicNameSchema } from '../naming';
import { CLEANUP_POLICIES, COMPATIBILITY_MODES, ORDERING_NEEDS } from '../vocabulary';
import { nameSchema, reasonSchema, sourceSchema, suppressionsSchema } from './common';

/** The record key: the scope of ordering, of failure and of scale. */
export const keySchema = z.strictObject({
  /** The event field used as the record key, e.g. `orderId`. */
  field: z.string().trim().min(1),
  /** The aggregate the key identifies, e.g. `order`. */
  aggregate: z.string().trim().min(1),
  /** Why this key is the ordering scope. */
  reason: reasonSchema,
  /** Estimated number of distinct keys over the replay window. */
  cardinality: z.number().int().positive().optional(),
});
export type KeyDeclaration = z.infer<typeof keySchema>;

/** Declared traffic, from which partitions are sized. */
export const throughputSchema = z.strictObject({
  peakMessagesPerSecond: z.number().positive(),
  averageMessageBytes: z.number().int().positive(),
  /** The most consumer instances any group will run at once. */
  maxConsumerInstances: z.number().int().positive().optional(),
});
export type ThroughputDeclaration = z.infer<typeof throughputSchema>;

export const replaySchema = z.discriminatedUnion('kind', [
  /** Consumers can reset offsets up to `window` back: `cleanup.policy=delete`, retention covering the window. */
  z.strictObject({ kind: z.literal('window'), window: positiveDurationSchema }),
  /**
   * Consumers can re-read the latest state of every key from the beginning: `cleanup.policy=compact` on a keyed topic.
   * `longestReindex` bounds how long a full re-read takes; tombstones outlive it. With `expireAfter`, keys whose latest
   * event is older than that expire too: `cleanup.policy=compact,delete`, `retention.ms` derived like a window's.
   */
  z.strictObject({ kind: z.literal('full'), longestReindex: positiveDurationSchema, expireAfter: positiveDurationSchema.optional() }),
]);
export type ReplayDeclaration = z.infer<typeof replaySchema>;

export const replicationSchema = z.strictObject({
  factor: z.number().int().min(1).optional(),
  minInsyncReplicas: z.number().int().min(1).optional(),
});
export type ReplicationDeclaration = z.infer<typeof replicationSchema>;

/**
 * How a Schema Registry names the subjects of a topic's schemas (the serializer's `value.subject.name.strategy`):
 * `<topic>-value` for one schema, `<topic>-<record name>` for one schema per event type. contracts/subjects.ts.
 */
export const SUBJECT_NAMING_STRATEGIES = ['TopicNameStrategy', 'TopicRecordNameStrategy'] as const;
export type SubjectNamingStrategy = (typeof SUBJECT_NAMING_STRATEGIES)[number];

/**
 * An event schema as JSON Schema (draft 2020-12), as plain data: the constructs convert a declared zod schema with
 * `z.toJSONSchema` (contracts/convert.ts), so the model, lint and review only ever see JSON.
 */
export const jsonSchemaDocumentSchema = z.record(z.string(), z.unknown());

/** The subject naming strategy a contract's shape implies: `schemas` (per event type) or `schema`; undefined without either. */
export function impliedSubjectNaming(contract: { readonly schema?: unknown; readonly schemas?: unknown }): SubjectNamingStrategy | undefined {
  if (contract.schemas !== undefined) return 'TopicRecordNameStrategy';
  return contract.schema !== undefined ? 'TopicNameStrategy' : undefined;
}

export const contractSchema = z
  .strictObject({
    /** @default 'BACKWARD' — new consumers read old events */
    compatibility: z.enum(COMPATIBILITY_MODES).default('BACKWARD'),
    /** How the schema changes without breaking readers of the log, e.g. "additive fields only; new event type for breaking changes". */
    changeStrategy: reasonSchema.optional(),
    /** One schema for every event on the topic (a union when it carries several event types): subject `<topic>-value`. */
    schema: jsonSchemaDocumentSchema.optional(),
    /** One schema per event type, keyed by event type: subjects `<topic>-<EventType>` (TopicRecordNameStrategy). */
    schemas: z.record(z.string(), jsonSchemaDocumentSchema).optional(),
    /** Derived from the shape (contracts/subjects.ts); declared only to be checked against it. @default - from schema / schemas */
    subjectNaming: z.enum(SUBJECT_NAMING_STRATEGIES).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.schema !== undefined && c.schemas !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['schemas'],
        message: 'declare either schema (one subject <topic>-value) or schemas (one per event type), not both',
      });
    }
    const implied = impliedSubjectNaming(c);
    if (c.subjectNaming !== undefined && c.subjectNaming !== implied) {
      ctx.addIssue({
        code: 'custom',
        path: ['subjectNaming'],
        message:
          implied === undefined
            ? `subjectNaming "${c.subjectNaming}" needs a schema`
            : `subjectNaming "${c.subjectNaming}" contradicts the declared ${c.schemas !== undefined ? 'schemas (one per event type: TopicRecordNameStrategy)' : 'schema (one for the topic: TopicNameStrategy)'}`,
      });
    }
  });
export type ContractDeclaration = z.infer<typeof contractSchema>;

export const eventTopicSchema = z
  .strictObject({
    domain: nameSchema,
    /** The event name; the topic is named `<domain>.<name>` by default. */
    name: nameSchema,
    /**
     * The Kafka topic name, when it cannot be `<domain>.<name>` (a topic adopted from a cluster under its own name).
     * The environment's `topicPrefix` is still prepended. @default `<domain>.<name>`
     */
    topicName: topicNameSchema.optional(),
    description: z.string().trim().min(1).optional(),
    /** The event types carried, all of one aggregate (e.g. OrderCreated, OrderPaid). */
    eventTypes: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { message: 'must be an event type name such as "OrderCreated"' })).min(1),
    /**
     * The aggregate the events belong to and how many instances it has, when it differs from what the key identifies
     * or to let lint compare the key's cardinality with it. @default - the key's aggregate
     */
    aggregate: z.strictObject({ name: z.string().trim().min(1), cardinality: z.number().int().positive().optional() }).optional(),
    key: keySchema.optional(),
    /** @default 'per-key' */
    ordering: z.enum(ORDERING_NEEDS).default('per-key'),
    partitions: z.number().int().min(1).optional(),
    throughput: throughputSchema.optional(),
    replay: replaySchema,
    cleanupPolicy: z.enum(CLEANUP_POLICIES).optional(),
    replication: replicationSchema.optional(),
    /** A byte cap per partition (`retention.bytes`), only as an explicit capacity guard. */
    retentionBytes: z.number().int().positive().optional(),
    /** Further topic-level configs, checked against Kafka's known keys. */
    config: z.record(z.string(), z.string()).default({}),
    contract: contractSchema.default({ compatibility: 'BACKWARD' }),
    suppressions: suppressionsSchema,
    source: sourceSchema,
  })
  .refine((t) => t.partitions !== undefined || t.throughput !== undefined, {
    message: 'declare either partitions or throughput (partitions are then sized from it)',
    path: ['partitions'],
  })
  .superRefine((t, ctx) => {
    // One schema per event type: exactly the declared event types.
    const schemas = t.contract.schemas;
    if (schemas === undefined) return;
    for (const type of t.eventTypes.filter((e) => schemas[e] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contract', 'schemas'],
        message: `event type "${type}" has no schema (schemas has ${Object.keys(schemas).sort().join(', ') || 'none'})`,
      });
    }
    for (const key of Object.keys(schemas)
      .filter((k) => !t.eventTypes.includes(k))
      .sort()) {
      ctx.addIssue({
        code: 'custom',
        path: ['contract', 'schemas', key],
        message: `"${key}" is not one of the topic's event types (${t.eventTypes.join(', ')})`,
      });
    }
  });
export type EventTopicInput = z.input<typeof eventTopicSchema>;
export type EventTopicDeclaration = z.infer<typeof eventTopicSchema>;
