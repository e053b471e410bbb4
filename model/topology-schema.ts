/**
 * The Topology's JSON (`topology.json`, written by synth beside each stack's cdk.tf.json) read back as data.
 *
 * One zod schema per type of model/topology.ts; test/types/topology-shape.test.ts asserts at compile time that the
 * schema's output is exactly `Topology`, so a field added to the type and not here fails `tsc --noEmit`.
 *
 * It checks shape, not policy: every field's type and the closed vocabularies, not the declaration rules (name patterns,
 * reason lengths, duration bounds), which were enforced when the Topology was resolved and may tighten in a later
 * version without making an older output unreadable. Fields added to format 1 after it first shipped have the default
 * that means what their absence meant (see each `.default`).
 */
import { z } from 'zod';
import { durationSchema } from './duration';
import { TOPOLOGY_FORMAT_VERSION } from './topology';
import {
  ACL_OPERATIONS,
  ACL_PATTERN_MODES,
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_RESOURCE_TYPES,
  CLEANUP_POLICIES,
  COMPATIBILITY_MODES,
  OFFSET_COMMIT_MODES,
  ORDERING_NEEDS,
  PROCESSING_GUARANTEES,
  PROCESSING_MODES,
  SIDE_EFFECT_CONTROLS,
} from './vocabulary';
import { SUBJECT_NAMING_STRATEGIES } from './schema/event-topic';
import { SCRAM_MECHANISMS } from './schema/credentials';
import { MSK_IAM_ACTIONS, MSK_IAM_RESOURCE_TYPES } from './msk-iam/actions';

/**
 * An object schema whose output lists its keys sorted, as synth writes them (model/canonical-json.ts). zod builds its
 * output in the order of the shape, and review prints some declared values with JSON.stringify: reading in the
 * canonical order keeps that text what it was when review printed the file's objects themselves.
 */
function sortedObject<T extends z.ZodRawShape>(shape: T): z.ZodObject<T> {
  const sorted = Object.fromEntries(
    Object.keys(shape)
      .sort()
      .map((k) => [k, shape[k]]),
  ) as T;
  return z.object(sorted);
}

const stringArray = z.array(z.string());

// Parts declared in model/schema/, read for their shape (the declaration schemas would re-apply declaration rules).
const sourceLocation = sortedObject({ path: z.string(), file: z.string().optional(), line: z.number().optional() });
const topicRef = sortedObject({ domain: z.string(), event: z.string() });
/** Absent in outputs written before lint existed: nothing was suppressed. */
const suppressions = z.array(sortedObject({ ruleId: z.string(), reason: z.string() })).default([]);
const keyDeclaration = sortedObject({ field: z.string(), aggregate: z.string(), reason: z.string(), cardinality: z.number().optional() });
const throughput = sortedObject({ peakMessagesPerSecond: z.number(), averageMessageBytes: z.number(), maxConsumerInstances: z.number().optional() });
const replay = z.discriminatedUnion('kind', [
  sortedObject({ kind: z.literal('window'), window: durationSchema }),
  sortedObject({ kind: z.literal('full'), longestReindex: durationSchema, expireAfter: durationSchema.optional() }),
]);
const jsonSchemaDocument = z.record(z.string(), z.unknown());
const contract = sortedObject({
  compatibility: z.enum(COMPATIBILITY_MODES),
  changeStrategy: z.string().optional(),
  schema: jsonSchemaDocument.optional(),
  schemas: z.record(z.string(), jsonSchemaDocument).optional(),
  subjectNaming: z.enum(SUBJECT_NAMING_STRATEGIES).optional(),
});

const environment = sortedObject({
  name: z.string(),
  production: z.boolean(),
  replicationFactor: z.number(),
  minInsyncReplicas: z.number(),
  topicPrefix: z.string(),
  /** Absent in outputs written before environments could scale declarations: everything was as declared. */
  scaling: sortedObject({ replayWindow: z.number(), throughput: z.number() }).default({ replayWindow: 1, throughput: 1 }),
  /** Absent for the default `literal` mode (and in outputs written before the option existed). */
  aclPatterns: z.enum(ACL_PATTERN_MODES).exclude(['literal']).optional(),
  /** Absent for the default `apache-kafka` (and in outputs written before the option existed). */
  platform: z.literal('confluent-cloud').optional(),
});

const domain = sortedObject({
  name: z.string(),
  owner: z.string(),
  description: z.string(),
  recoveryProcedure: z.string().optional(),
  suppressions,
  source: sourceLocation,
});

const sizedNumber = sortedObject({ value: z.number(), explanation: z.string(), capped: z.boolean().optional() });

const topicBase = {
  name: z.string(),
  domain: z.string(),
  partitions: sizedNumber,
  replicationFactor: z.number(),
  minInsyncReplicas: z.number(),
  cleanupPolicy: z.enum(CLEANUP_POLICIES),
  retentionMs: sizedNumber.nullable(),
  config: z.record(z.string(), z.string()),
  protect: z.boolean(),
  source: sourceLocation,
};

const eventTopic = sortedObject({
  ...topicBase,
  kind: z.literal('event'),
  ref: topicRef,
  description: z.string().optional(),
  eventTypes: stringArray,
  key: keyDeclaration.nullable(),
  /** Absent in outputs written before the aggregate was part of the Topology: none was declared. */
  aggregate: sortedObject({ name: z.string(), cardinality: z.number().optional() }).nullable().default(null),
  ordering: z.enum(ORDERING_NEEDS),
  throughput: throughput.nullable(),
  replay,
  retentionBytes: z.number().nullable(),
  replication: sortedObject({ factor: z.number().optional(), minInsyncReplicas: z.number().optional() }).optional(),
  contract,
  suppressions,
});

const companionTopic = sortedObject({
  ...topicBase,
  kind: z.enum(['dead-letter', 'retry']),
  parent: topicRef,
  groupId: z.string(),
  retry: sortedObject({ tier: z.number(), delayMs: z.number() }).optional(),
});

const subscription = sortedObject({
  topic: topicRef,
  topicName: z.string(),
  reason: z.string().optional(),
  deadLetterTopic: z.string().nullable(),
  retryTopics: stringArray,
});

/** Shape only: the statement's reasons were checked when it was declared. */
const replaySafety = sortedObject({
  deterministic: z.boolean(),
  sideEffects: z.discriminatedUnion('control', [
    sortedObject({ control: z.literal(SIDE_EFFECT_CONTROLS[0]) }),
    sortedObject({ control: z.literal(SIDE_EFFECT_CONTROLS[1]), by: z.string() }),
    sortedObject({ control: z.literal(SIDE_EFFECT_CONTROLS[2]), reason: z.string() }),
  ]),
});

const consumerGroup = sortedObject({
  domain: z.string(),
  name: z.string(),
  groupId: z.string(),
  service: z.string(),
  principal: z.string(),
  subscriptions: z.array(subscription),
  deadLetter: z.boolean(),
  retryDelaysMs: z.array(z.number()),
  idempotency: z.string().nullable(),
  processingTimePerMessageMs: z.number().nullable(),
  maxProcessingLagMs: z.number().nullable(),
  offsetCommit: sortedObject({ mode: z.enum(OFFSET_COMMIT_MODES), reason: z.string().optional() }),
  processing: z.enum(PROCESSING_MODES),
  /** Absent when the group makes no statement (and in outputs written before statements existed). */
  replaySafety: replaySafety.optional(),
  suppressions,
  source: sourceLocation,
});

const producer = sortedObject({
  topic: topicRef,
  topicName: z.string(),
  service: z.string(),
  principal: z.string(),
  idempotent: z.boolean(),
  transactionalIdPrefix: z.string().nullable(),
  delivery: sortedObject({ timeoutMs: z.number(), backoffMs: z.number(), backoffMaxMs: z.number(), retries: z.number().nullable() }),
  suppressions,
  source: sourceLocation,
});

const acl = sortedObject({
  principal: z.string(),
  host: z.string(),
  operation: z.enum(ACL_OPERATIONS),
  permission: z.enum(ACL_PERMISSIONS),
  resourceType: z.enum(ACL_RESOURCE_TYPES),
  resourceName: z.string(),
  patternType: z.enum(ACL_PATTERN_TYPES),
  id: z.string(),
  domain: z.string(),
  neededBy: stringArray,
  legacy: sortedObject({ reason: z.string(), source: sourceLocation }).optional(),
});

const quota = sortedObject({
  principal: z.string(),
  entityName: z.string(),
  domain: z.string(),
  services: stringArray,
  producerByteRate: sizedNumber.nullable(),
  consumerByteRate: sizedNumber.nullable(),
  undeclaredThroughput: sortedObject({ produce: stringArray, consume: stringArray }),
});

const scramCredential = sortedObject({
  principal: z.string(),
  username: z.string(),
  mechanism: z.enum(SCRAM_MECHANISMS),
  iterations: z.number(),
  passwordVersion: z.string(),
  variable: z.string(),
  domain: z.string(),
  services: stringArray,
});

const connectTopic = sortedObject({
  ...topicBase,
  kind: z.enum(['connect-config', 'connect-offset', 'connect-status', 'connect-dead-letter']),
});

const connect = sortedObject({
  clusters: z.array(
    sortedObject({
      domain: z.string(),
      name: z.string(),
      groupId: z.string(),
      service: z.string(),
      principal: z.string(),
      exactlyOnceSource: z.boolean(),
      storage: sortedObject({ config: connectTopic, offset: connectTopic, status: connectTopic }),
      suppressions,
      source: sourceLocation,
    }),
  ),
  connectors: z.array(
    sortedObject({
      type: z.enum(['sink', 'source']),
      domain: z.string(),
      name: z.string(),
      cluster: sortedObject({ name: z.string(), groupId: z.string() }),
      connectorClass: z.string(),
      service: z.string(),
      principal: z.string(),
      tasksMax: z.number().nullable(),
      topics: z.array(sortedObject({ topic: topicRef, topicName: z.string(), reason: z.string().optional() })),
      groupId: z.string().nullable(),
      deadLetter: connectTopic.nullable(),
      idempotency: z.string().nullable(),
      /** Absent when the sink makes no statement (and in outputs written before sinks could). */
      replaySafety: replaySafety.optional(),
      transactionalIdPrefix: z.string().nullable(),
      suppressions,
      source: sourceLocation,
    }),
  ),
});

const streamsTopic = sortedObject({ topic: topicRef, topicName: z.string(), reason: z.string().optional() });

const streamsApplication = sortedObject({
  domain: z.string(),
  name: z.string(),
  applicationId: z.string(),
  internalPrefix: z.string(),
  service: z.string(),
  principal: z.string(),
  inputs: z.array(streamsTopic),
  outputs: z.array(streamsTopic),
  processingGuarantee: z.enum(PROCESSING_GUARANTEES),
  stateStores: z.array(sortedObject({ name: z.string(), changelogTopic: z.string().nullable() })),
  repartitions: z.boolean(),
  /** Absent when not declared (and in outputs written before it was kept). */
  parallelism: sortedObject({ instances: z.number(), threadsPerInstance: z.number() }).optional(),
  exceptionHandlers: sortedObject({ deserialization: z.string(), production: z.string() }).nullable(),
  idempotency: z.string().nullable(),
  replaySafety: replaySafety.optional(),
  suppressions,
  source: sourceLocation,
});

const mskIam = sortedObject({
  clusterArn: z.string().nullable(),
  kafkaAcls: z.boolean(),
  policies: z.array(
    sortedObject({
      principal: z.string(),
      statements: z.array(
        sortedObject({
          actions: z.array(z.enum(MSK_IAM_ACTIONS)),
          resources: z.array(sortedObject({ type: z.enum(MSK_IAM_RESOURCE_TYPES), name: z.string(), prefix: z.boolean() })),
        }),
      ),
      neededBy: z.array(z.string()),
    }),
  ),
  attachments: z.array(sortedObject({ principal: z.string(), role: z.string(), declared: z.string().nullable() })).optional(),
});

const confluentCloud = sortedObject({
  access: z.enum(['acls', 'role-bindings']),
  secrets: z.enum(['environment', 'variables']),
  serviceAccounts: z.array(sortedObject({ principal: z.string(), id: z.string().nullable(), domain: z.string() })),
  roleBindings: z
    .array(
      sortedObject({
        principal: z.string(),
        role: z.enum(['DeveloperRead', 'DeveloperWrite', 'DeveloperManage']),
        resourceType: z.enum(['topic', 'group', 'transactional-id', 'cluster']),
        resourceName: z.string(),
        prefix: z.boolean(),
        domain: z.string(),
        aclIds: stringArray,
        neededBy: stringArray,
      }),
    )
    .optional(),
});

/** `topology.json`. Readers check `formatVersion` first, so that another format gets one clear message, not a list of differences. */
export const topologySchema = sortedObject({
  formatVersion: z.literal(TOPOLOGY_FORMAT_VERSION),
  environment,
  domains: z.array(domain),
  topics: z.array(z.discriminatedUnion('kind', [eventTopic, companionTopic])),
  consumerGroups: z.array(consumerGroup),
  producers: z.array(producer),
  acls: z.array(acl),
  quotas: z.array(quota).optional(),
  /** Absent when the environment declares no SCRAM credentials (and in outputs written before they existed). */
  scramCredentials: z.array(scramCredential).optional(),
  /** Absent when no Kafka Connect cluster is declared (and in outputs written before Connect was modelled). */
  connect: connect.optional(),
  /** Absent when no Kafka Streams application is declared (and in outputs written before they were modelled). */
  streamsApplications: z.array(streamsApplication).optional(),
  /** Present only on an environment with auth `aws-iam` (Amazon MSK IAM access control). */
  mskIam: mskIam.optional(),
  /** Present only on an environment with platform `confluent-cloud`. */
  confluentCloud: confluentCloud.optional(),
});
