/**
 * Kafka Connect declarations: a Connect cluster owned by a domain (its worker group, principal and storage topics) and
 * the connectors it runs. Source connectors write topics; sink connectors read them, like consumer groups.
 */
import { z } from 'zod';
import { CONNECT_STORAGE_KINDS } from '../connect/defaults';
import { deadLetterShapeSchema } from './consumer-group';
import { replaySafetySchema } from './replay-safety';
import { nameSchema, principalSchema, reasonSchema, sourceSchema, suppressionsSchema, topicRefSchema } from './common';

const groupIdSchema = z.string().regex(/^[A-Za-z0-9._-]+$/, { message: 'must use only letters, digits, ".", "_" and "-"' });

/** A storage topic's shape, when Connect's recommended one (connect/defaults.ts) does not fit, e.g. an adopted cluster. */
export const connectStorageShapeSchema = z.strictObject({
  /** @default - CONNECT_STORAGE_PARTITIONS of its kind (config 1, offset 25, status 5) */
  partitions: z.number().int().min(1).optional(),
  /** Further topic-level configs, checked like a topic's `config`; `cleanup.policy` must stay `compact` (lint). @default {} */
  config: z.record(z.string(), z.string()).default({}),
});
export type ConnectStorageShape = z.infer<typeof connectStorageShapeSchema>;

export const connectClusterSchema = z.strictObject({
  domain: nameSchema,
  /** Short name, unique within the domain; names the storage topics `<domain>.<name>.connect-<kind>`. */
  name: nameSchema,
  /** The workers' `group.id`; global to the cluster like a consumer group id. @default `<domain>.<name>` */
  groupId: groupIdSchema.optional(),
  /** The application the workers belong to. */
  service: nameSchema,
  /** The principal the workers authenticate as (their own clients: group membership, storage topics). */
  principal: principalSchema,
  /** `exactly.once.source.support=enabled` on the workers (KIP-618). @default false */
  exactlyOnceSource: z.boolean().default(false),
  /** Storage topic shapes that differ from Connect's recommended ones. @default {} */
  storage: z.partialRecord(z.enum(CONNECT_STORAGE_KINDS), connectStorageShapeSchema).default({}),
  /** Lint rules switched off here, each with a reason. @default [] */
  suppressions: suppressionsSchema,
  source: sourceSchema,
});
export type ConnectClusterInput = z.input<typeof connectClusterSchema>;
export type ConnectClusterDeclaration = z.infer<typeof connectClusterSchema>;

/** A topic a connector reads or writes; another domain's topic needs a reason, as for consumer groups. */
export const connectorTopicSchema = z.strictObject({ topic: topicRefSchema, reason: reasonSchema.optional() });

const connectorBase = {
  /** The Connect cluster (by its domain and name) that runs the connector. */
  cluster: z.strictObject({ domain: nameSchema, name: nameSchema }),
  /** The connector's name, unique in its Connect cluster (Connect's `name`). */
  name: nameSchema,
  /** `connector.class`, e.g. `io.confluent.connect.elasticsearch.ElasticsearchSinkConnector`. */
  connectorClass: z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, { message: 'must be a Java class name or alias' }),
  /** The application the connector belongs to (for the access report). @default - the cluster's service */
  service: nameSchema.optional(),
  /**
   * The principal the connector's own clients authenticate as. A principal other than the workers' needs the workers'
   * `connector.client.config.override.policy` to allow `*.override.sasl.jaas.config` (or mTLS identities per connector).
   * @default - the cluster's worker principal
   */
  principal: principalSchema.optional(),
  /** `tasks.max`. @default - not rendered; the connector's own default (usually 1) */
  tasksMax: z.number().int().min(1).optional(),
  /** Lint rules switched off here, each with a reason. @default [] */
  suppressions: suppressionsSchema,
  source: sourceSchema,
};

export const sinkConnectorSchema = z.strictObject({
  ...connectorBase,
  type: z.literal('sink'),
  /** The topics it reads (`topics`). */
  topics: z.array(connectorTopicSchema).min(1, { message: 'a sink connector reads at least one topic' }),
  /** Its consumer group (`consumer.override.group.id` when not the default). @default `connect-<name>` */
  groupId: groupIdSchema.optional(),
  /**
   * Its dead-letter topic `<domain>.<name>.dlq`, wired through `errors.deadletterqueue.topic.name` with
   * `errors.tolerance=all`. @default true
   */
  deadLetter: z.union([z.boolean(), deadLetterShapeSchema]).default(true),
  /** How duplicates are made harmless: a sink is at-least-once like any consumer. */
  idempotency: reasonSchema.optional(),
  /**
   * A sink connector reads its topics like a consumer group, and a replay (offset reset of `connect-<name>`) writes to
   * the external system again: whether its conversion is deterministic and how the external writes are controlled, in
   * the same shape as a consumer group's statement. @default - none; lint warns (TF-REPLAY-004)
   */
  replaySafety: replaySafetySchema.optional(),
});

export const sourceConnectorSchema = z.strictObject({
  ...connectorBase,
  type: z.literal('source'),
  /** The topics it writes. */
  topics: z.array(connectorTopicSchema).min(1, { message: 'a source connector writes at least one topic' }),
  /** `exactly.once.support=required`: transactional writes; the cluster must enable exactly-once source support. @default false */
  exactlyOnce: z.boolean().default(false),
});

export const connectorSchema = z.discriminatedUnion('type', [sinkConnectorSchema, sourceConnectorSchema]);
export type ConnectorInput = z.input<typeof connectorSchema>;
export type ConnectorDeclaration = z.infer<typeof connectorSchema>;
export type SinkConnectorDeclaration = z.infer<typeof sinkConnectorSchema>;
export type SourceConnectorDeclaration = z.infer<typeof sourceConnectorSchema>;
