/**
 * The resolved Topology: declarations with defaults applied and sizes derived, for one environment.
 *
 * It is the single value that the constructs render to Terraform and that lint, review, docs and client configs read.
 * It is plain JSON (synth writes each stack's slice beside its cdk.tf.json), sorted, and free of cdktf.
 */
import type { MskIamAction, MskIamResourceType } from './msk-iam/actions';
import type { ScramMechanism } from './schema/credentials';
import type {
  ContractDeclaration,
  ExceptionHandlersDeclaration,
  KeyDeclaration,
  ReplayDeclaration,
  ReplaySafety,
  SourceLocation,
  Suppression,
  ThroughputDeclaration,
  TopicRef,
} from './schema';
import type {
  AclOperation,
  AclPatternMode,
  AclPatternType,
  AclPermission,
  AclResourceType,
  CleanupPolicy,
  OffsetCommitMode,
  OrderingNeed,
  ProcessingGuarantee,
  ProcessingMode,
  TopicKind,
} from './vocabulary';

/** Bumped when the JSON shape changes incompatibly, so review can refuse to compare apples with pears. */
export const TOPOLOGY_FORMAT_VERSION = 1;

export interface ResolvedEnvironment {
  readonly name: string;
  readonly production: boolean;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly topicPrefix: string;
  /** Factors applied to declared replay windows and throughput in this environment (1 = as declared). */
  readonly scaling: { readonly replayWindow: number; readonly throughput: number };
  /**
   * The environment's ACL pattern mode when it is not the default `literal` (model/acl-patterns.ts); absent for
   * `literal`, so a literal environment's Topology is what it was before the option existed.
   */
  readonly aclPatterns?: Exclude<AclPatternMode, 'literal'>;
  /** The environment's `platform` when it is not the default `apache-kafka`; absent otherwise, so other Topologies are unchanged. */
  readonly platform?: 'confluent-cloud';
}

export interface ResolvedDomain {
  readonly name: string;
  readonly owner: string;
  readonly description: string;
  readonly recoveryProcedure?: string;
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

export interface SizedValue<T> {
  readonly value: T;
  /** One line saying where the value comes from, e.g. "declared" or "2,000 msg/s × 1 KiB … × headroom 2 → 8". */
  readonly explanation: string;
  /** Set when a sizing limit kept the value below what the declarations ask for. */
  readonly capped?: boolean;
}

interface TopicBase {
  readonly kind: TopicKind;
  /** The Kafka topic name. */
  readonly name: string;
  /** The domain whose stack holds the topic. */
  readonly domain: string;
  readonly partitions: SizedValue<number>;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly cleanupPolicy: CleanupPolicy;
  /** `retention.ms`; null when the topic is compacted only. */
  readonly retentionMs: SizedValue<number> | null;
  /** Every topic-level config the topic gets, derived and declared, as strings (Terraform's map(string)). */
  readonly config: Readonly<Record<string, string>>;
  /** `prevent_destroy` in Terraform: production topics. */
  readonly protect: boolean;
  readonly source: SourceLocation;
}

export interface ResolvedEventTopic extends TopicBase {
  readonly kind: 'event';
  readonly ref: TopicRef;
  readonly description?: string;
  readonly eventTypes: readonly string[];
  readonly key: KeyDeclaration | null;
  /** The aggregate the events belong to (declared, or the key's). */
  readonly aggregate: { readonly name: string; readonly cardinality?: number } | null;
  readonly ordering: OrderingNeed;
  readonly throughput: ThroughputDeclaration | null;
  readonly replay: ReplayDeclaration;
  readonly retentionBytes: number | null;
  /**
   * The replication the topic declares over its environment's defaults, as declared; absent when it declares none.
   * `replicationFactor` and `minInsyncReplicas` are the values in force.
   */
  readonly replication?: { readonly factor?: number; readonly minInsyncReplicas?: number };
  readonly contract: ContractDeclaration;
  readonly suppressions: readonly Suppression[];
}

export interface ResolvedCompanionTopic extends TopicBase {
  readonly kind: 'dead-letter' | 'retry';
  /** The event topic this companion serves. */
  readonly parent: TopicRef;
  /** The consumer group's id. */
  readonly groupId: string;
  /** Retry tier number (1-based) and its delay; absent for dead-letter topics. */
  readonly retry?: { readonly tier: number; readonly delayMs: number };
}

export type ResolvedTopic = ResolvedEventTopic | ResolvedCompanionTopic;

export interface ResolvedSubscription {
  readonly topic: TopicRef;
  readonly topicName: string;
  readonly reason?: string;
  readonly deadLetterTopic: string | null;
  readonly retryTopics: readonly string[];
}

export interface ResolvedConsumerGroup {
  readonly domain: string;
  readonly name: string;
  readonly groupId: string;
  readonly service: string;
  readonly principal: string;
  readonly subscriptions: readonly ResolvedSubscription[];
  readonly deadLetter: boolean;
  readonly retryDelaysMs: readonly number[];
  readonly idempotency: string | null;
  /** Its replay-safety statement; absent when it makes none (lint warns: TF-REPLAY-004). */
  readonly replaySafety?: ReplaySafety;
  readonly processingTimePerMessageMs: number | null;
  readonly maxProcessingLagMs: number | null;
  readonly offsetCommit: { readonly mode: OffsetCommitMode; readonly reason?: string };
  readonly processing: ProcessingMode;
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

/** A topic a Kafka Streams application reads or writes. */
export interface ResolvedStreamsTopic {
  readonly topic: TopicRef;
  readonly topicName: string;
  /** Why it reads or writes another domain's topic. */
  readonly reason?: string;
}

export interface ResolvedStateStore {
  readonly name: string;
  /** `<application.id>-<store>-changelog`, created by Kafka Streams under the prefixed ACL; null without a changelog. */
  readonly changelogTopic: string | null;
}

export interface ResolvedStreamsApplication {
  readonly domain: string;
  readonly name: string;
  /** `application.id`: its group id, the prefix of its internal topics and of its transactional ids. */
  readonly applicationId: string;
  /** What its internal-topic and transactional-id ACLs are Prefixed on: `<application.id>-`. */
  readonly internalPrefix: string;
  readonly service: string;
  readonly principal: string;
  readonly inputs: readonly ResolvedStreamsTopic[];
  readonly outputs: readonly ResolvedStreamsTopic[];
  readonly processingGuarantee: ProcessingGuarantee;
  readonly stateStores: readonly ResolvedStateStore[];
  readonly repartitions: boolean;
  /**
   * Declared parallelism at peak: `instances` × `threadsPerInstance` (`num.stream.threads`). Absent when not declared,
   * so the topology of an application without it is written as before.
   */
  readonly parallelism?: { readonly instances: number; readonly threadsPerInstance: number };
  readonly exceptionHandlers: ExceptionHandlersDeclaration | null;
  readonly idempotency: string | null;
  /** Its replay-safety statement; absent when it makes none (lint warns: TF-REPLAY-004). */
  readonly replaySafety?: ReplaySafety;
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

export interface ResolvedProducer {
  readonly topic: TopicRef;
  readonly topicName: string;
  readonly service: string;
  readonly principal: string;
  readonly idempotent: boolean;
  readonly transactionalIdPrefix: string | null;
  readonly delivery: {
    readonly timeoutMs: number;
    readonly backoffMs: number;
    readonly backoffMaxMs: number;
    readonly retries: number | null;
  };
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

/** One Kafka ACL binding, in the Mongey provider's spelling. */
export interface AclBinding {
  readonly principal: string;
  readonly host: string;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly patternType: AclPatternType;
}

export interface ResolvedAcl extends AclBinding {
  /** The provider's import id, `principal|host|operation|permission|type|name|pattern`. */
  readonly id: string;
  /** The domain whose stack holds the ACL (the owner of the resource it grants access to). */
  readonly domain: string;
  /** Which declarations need it, e.g. `consumer orders.payment reads orders.order-created`. Sorted. */
  readonly neededBy: readonly string[];
  /** Set for an acknowledged legacy ACL that no declaration derives: why it is kept, and where that was declared. */
  readonly legacy?: { readonly reason: string; readonly source: SourceLocation };
}

/**
 * A client quota (`kafka_quota`, entity type `user`) for one `User:` principal, in bytes per second. Kafka enforces
 * byte-rate quotas per broker; the value is the principal's whole declared peak × headroom (model/quota.ts), so it
 * bounds a runaway client without throttling normal traffic even when all its partition leaders sit on one broker.
 */
export interface ResolvedQuota {
  /** `User:<name>`. */
  readonly principal: string;
  /** The quota entity: the principal's name without `User:`. */
  readonly entityName: string;
  /** The domain whose stack holds the quota: the first by name of the domains whose declarations use the principal. */
  readonly domain: string;
  /** The services that authenticate as the principal, sorted. */
  readonly services: readonly string[];
  /** `producer_byte_rate`; null when no topic it produces declares throughput (or it produces nothing). */
  readonly producerByteRate: SizedValue<number> | null;
  /** `consumer_byte_rate`; null when a topic it reads declares no throughput (or it reads nothing). */
  readonly consumerByteRate: SizedValue<number> | null;
  /** Topics without declared throughput that kept a rate from being derived, per direction. Sorted. */
  readonly undeclaredThroughput: { readonly produce: readonly string[]; readonly consume: readonly string[] };
}

/**
 * A SCRAM credential terraform creates for a `User:` principal (`kafka_user_scram_credential`, model/scram.ts). Holds
 * no password: only the variable its password comes from at apply time.
 */
export interface ResolvedScramCredential {
  /** `User:<name>`. */
  readonly principal: string;
  /** The SCRAM user name: the principal's name without `User:`. */
  readonly username: string;
  readonly mechanism: ScramMechanism;
  readonly iterations: number;
  /** `password_wo_version`: bumped to rotate. */
  readonly passwordVersion: string;
  /** The ephemeral Terraform variable `password_wo` reads (`TF_VAR_<variable>` in CI). */
  readonly variable: string;
  /** The domain whose stack holds it: the first by name of the domains whose declarations use the principal. */
  readonly domain: string;
  /** The services that authenticate as the principal, sorted. */
  readonly services: readonly string[];
}

export interface Topology {
  readonly formatVersion: typeof TOPOLOGY_FORMAT_VERSION;
  readonly environment: ResolvedEnvironment;
  readonly domains: readonly ResolvedDomain[];
  readonly topics: readonly ResolvedTopic[];
  readonly consumerGroups: readonly ResolvedConsumerGroup[];
  readonly producers: readonly ResolvedProducer[];
  readonly acls: readonly ResolvedAcl[];
  /**
   * Client quotas per `User:` principal, sorted by principal; only those with at least one rate are rendered. Absent
   * in topologies written before quotas existed, and treated as none.
   */
  readonly quotas?: readonly ResolvedQuota[];
  /** SCRAM credentials, sorted by principal; absent when the environment declares none. */
  readonly scramCredentials?: readonly ResolvedScramCredential[];
  /**
   * Kafka Connect clusters and their connectors (model/connect/). Absent when none is declared, so the output of
   * declarations without Connect stays as it was.
   */
  readonly connect?: ResolvedConnect;
  /**
   * Kafka Streams applications, sorted by application id. Absent when there are none (and in topologies written before
   * they existed), so an environment without any writes the same topology.json as before.
   */
  readonly streamsApplications?: readonly ResolvedStreamsApplication[];
  /**
   * Amazon MSK IAM access control (environment auth `aws-iam`): per principal, the IAM policy its grants need
   * (model/msk-iam/). Absent on every other environment, so their topology.json is unchanged.
   */
  readonly mskIam?: ResolvedMskIam;
  /**
   * Confluent Cloud (environment `platform: 'confluent-cloud'`, model/confluent/): the service account behind each
   * principal and how access is granted. Absent on every other platform, so their topology.json is unchanged. `acls`
   * stays the grants in the Kafka-ACL model on this platform too: rendered as `confluent_kafka_acl`, or as the role
   * bindings listed here.
   */
  readonly confluentCloud?: ResolvedConfluentCloud;
}

/** The Confluent Cloud service account a declared principal authenticates as. */
export interface ResolvedServiceAccount {
  /** The declared principal, e.g. `User:order-service`. */
  readonly principal: string;
  /** The declared account id (`sa-…`), or null when terraform creates the account (`confluent_service_account`). */
  readonly id: string | null;
  /** The domain whose stack holds a created account. */
  readonly domain: string;
}

/** A Confluent Cloud RBAC role binding on one Kafka resource of the cluster (model/confluent/role-bindings.ts). */
export interface ResolvedRoleBinding {
  /** The declared principal; its service account is the binding's principal. */
  readonly principal: string;
  readonly role: 'DeveloperRead' | 'DeveloperWrite' | 'DeveloperManage';
  /** The CRN's last element: `topic=…`, `group=…`, `transactional-id=…`, or the cluster itself. */
  readonly resourceType: 'topic' | 'group' | 'transactional-id' | 'cluster';
  /** The resource's name ('' for the cluster). */
  readonly resourceName: string;
  /** The name is a prefix: the CRN ends in `*`. */
  readonly prefix: boolean;
  /** The domain whose stack holds the binding (the ACLs' domain). */
  readonly domain: string;
  /** The ids of the grants (`acls`) it renders. Sorted. */
  readonly aclIds: readonly string[];
  /** Which declarations need it, as for ACLs. Sorted. */
  readonly neededBy: readonly string[];
}

export interface ResolvedConfluentCloud {
  /** `confluent_kafka_acl` or `confluent_role_binding`. */
  readonly access: 'acls' | 'role-bindings';
  /** Where the cluster id, REST endpoint and API keys come from. */
  readonly secrets: 'environment' | 'variables';
  /** Sorted by principal. */
  readonly serviceAccounts: readonly ResolvedServiceAccount[];
  /** Present with `access: 'role-bindings'`: the grants as role bindings, sorted. */
  readonly roleBindings?: readonly ResolvedRoleBinding[];
}

/** One resource of an MSK IAM policy statement; rendered to an ARN from the cluster ARN (model/msk-iam/arn.ts). */
export interface MskIamResource {
  readonly type: MskIamResourceType;
  /** The topic, group or transactional id; '' for the cluster itself. */
  readonly name: string;
  /** The name is a prefix (a Prefixed ACL): the ARN ends in `*`. */
  readonly prefix: boolean;
}

export interface MskIamStatement {
  /** Sorted. */
  readonly actions: readonly MskIamAction[];
  /** Sorted by type, name, prefix. */
  readonly resources: readonly MskIamResource[];
}

export interface ResolvedMskIamPolicy {
  /** The Kafka principal the grants were declared for, e.g. `User:payment-service`. */
  readonly principal: string;
  /** Allow statements, one per distinct action set, sorted. */
  readonly statements: readonly MskIamStatement[];
  /** Which declarations need it, as for ACLs. Sorted. */
  readonly neededBy: readonly string[];
}

export interface ResolvedMskIam {
  /** The declared cluster ARN, or null: the rendered policies then carry placeholders. */
  readonly clusterArn: string | null;
  /** Whether Kafka ACLs are emitted as well (`auth.aws.kafkaAcls`). */
  readonly kafkaAcls: boolean;
  /** Sorted by principal. */
  readonly policies: readonly ResolvedMskIamPolicy[];
  /**
   * Per principal with a policy, the IAM role it is attached to in Terraform (`auth.aws.iam`); absent without
   * `auth.aws.iam`, so an environment that only writes the iam/ artifacts keeps its topology.json. Sorted by principal.
   */
  readonly attachments?: readonly ResolvedMskIamAttachment[];
}

/** Where a principal's MSK IAM policy is attached (model/msk-iam/roles.ts). */
export interface ResolvedMskIamAttachment {
  readonly principal: string;
  /** The IAM role's name (the last segment of a declared role ARN). */
  readonly role: string;
  /** The role as declared in `auth.aws.iam.roles` (a name or an ARN), or null when `defaultRole` gave it. */
  readonly declared: string | null;
}

/** A topic Kafka Connect needs: a worker storage topic or a sink connector's dead-letter topic. Rendered like any topic. */
export interface ResolvedConnectTopic extends Omit<TopicBase, 'kind'> {
  readonly kind: 'connect-config' | 'connect-offset' | 'connect-status' | 'connect-dead-letter';
  // `domain` is the Connect cluster's, whose stack holds the topic; `retentionMs` is null for the compacted storage topics.
}

export interface ResolvedConnectCluster {
  readonly domain: string;
  readonly name: string;
  /** The workers' `group.id`. */
  readonly groupId: string;
  readonly service: string;
  /** The workers' principal. */
  readonly principal: string;
  readonly exactlyOnceSource: boolean;
  readonly storage: { readonly config: ResolvedConnectTopic; readonly offset: ResolvedConnectTopic; readonly status: ResolvedConnectTopic };
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

export interface ResolvedConnectorTopic {
  readonly topic: TopicRef;
  readonly topicName: string;
  readonly reason?: string;
}

export interface ResolvedConnector {
  readonly type: 'sink' | 'source';
  /** The Connect cluster's domain. */
  readonly domain: string;
  readonly name: string;
  /** The Connect cluster's name and `group.id`. */
  readonly cluster: { readonly name: string; readonly groupId: string };
  readonly connectorClass: string;
  readonly service: string;
  readonly principal: string;
  readonly tasksMax: number | null;
  /** What it reads (sink) or writes (source), sorted by topic name. */
  readonly topics: readonly ResolvedConnectorTopic[];
  /** A sink's consumer group; null for a source connector. */
  readonly groupId: string | null;
  /** A sink's dead-letter topic; null for a source connector or when turned off. */
  readonly deadLetter: ResolvedConnectTopic | null;
  /** A sink's idempotency statement; null when not stated or for a source connector. */
  readonly idempotency: string | null;
  /** A sink's replay-safety statement; absent when not stated and for a source connector (it reads no topic). */
  readonly replaySafety?: ReplaySafety;
  /** A source connector with `exactly.once.support=required`: its task transactional-id prefix; null otherwise. */
  readonly transactionalIdPrefix: string | null;
  readonly suppressions: readonly Suppression[];
  readonly source: SourceLocation;
}

export interface ResolvedConnect {
  readonly clusters: readonly ResolvedConnectCluster[];
  readonly connectors: readonly ResolvedConnector[];
}
