/**
 * The import plan: the declarations the importer proposes, as plain data. The generator writes them as TypeScript;
 * the model resolves the same data to check that it synthesizes to what the cluster has.
 */
import type { Declarations } from '../../model/resolve';
import type { ConnectStorageKind } from '../../model/connect/defaults';
import type {
  ConnectClusterDeclaration,
  ConsumerGroupDeclaration,
  DeadLetterShapeInput,
  DomainDeclaration,
  EventTopicDeclaration,
  LegacyAclDeclaration,
  ProducerDeclaration,
  StreamsApplicationDeclaration,
  SubscriptionDeclaration,
  Suppression,
} from '../../model/schema';
import type { AclBinding, Topology } from '../../model/topology';
import type { ImportFinding, SourceRef } from '../types';

// Fields that are declarations' fields reuse the model's types (model/schema/), so a change there reaches the importer
// at compile time; the planned values add only what the generator needs (Kafka names, notes, origins).

/**
 * `topicName` is set only when the name is not `<prefix><domain>.<event>`: the declaration's explicit `topicName` (the
 * name without the environment's prefix); with `topicNameOverride` off such topics are never planned.
 */
export interface PlannedTopic extends Readonly<Pick<EventTopicDeclaration, 'domain' | 'topicName' | 'replay' | 'retentionBytes'>> {
  /** The declaration's `name`. */
  readonly event: EventTopicDeclaration['name'];
  /** The Kafka topic name. */
  readonly name: string;
  readonly eventTypes: Readonly<EventTopicDeclaration['eventTypes']>;
  readonly partitions: number;
  /** Only when it differs from the environment's default. */
  readonly replicationFactor?: number;
  /** Only when it differs from the environment's default. */
  readonly minInsyncReplicas?: number;
  readonly config: Readonly<EventTopicDeclaration['config']>;
  suppressions: Suppression[];
  /** One-line comments the generated declaration carries (what was on the cluster, what was assumed). */
  readonly notes: readonly string[];
  readonly origin: SourceRef;
}

/** A subscription as declared (`reason` is set for another domain's topic: the model requires one), and its Kafka name. */
export interface PlannedSubscription extends Readonly<SubscriptionDeclaration> {
  readonly topicName: string;
}

/** `groupId` is set only when it is not `<domain>.<name>`; `retryPartitions` only when the cluster's retry tiers' differ from the subscribed topic's. */
export interface PlannedGroup extends Readonly<Pick<ConsumerGroupDeclaration, 'domain' | 'name' | 'groupId' | 'service' | 'principal' | 'retryPartitions'>> {
  readonly subscriptions: readonly PlannedSubscription[];
  readonly deadLetter: boolean;
  /** The dead-letter topics' shape, when the cluster's differs from the derived one (the group's `deadLetter`). */
  readonly deadLetterShape?: DeadLetterShapeInput;
  /** The retry tiers' delays, in order (the group's `retries`). */
  readonly retries: Readonly<ConsumerGroupDeclaration['retries']>;
  suppressions: Suppression[];
  readonly notes: readonly string[];
}

export interface PlannedProducer extends Readonly<Pick<ProducerDeclaration, 'topic' | 'principal' | 'service' | 'transactionalIdPrefix'>> {
  readonly topicName: string;
  suppressions: Suppression[];
}

export interface PlannedLegacyAcl extends Readonly<Pick<LegacyAclDeclaration, 'domain' | 'reason'>> {
  /** The construct id: the ACL's Terraform address, which is derived from its content. */
  readonly id: string;
  readonly binding: AclBinding;
  /** One-line comments above the declaration (where it came from). */
  readonly notes?: readonly string[];
}

export interface PlannedDomain extends Readonly<Pick<DomainDeclaration, 'name' | 'owner' | 'description'>> {
  suppressions: Suppression[];
  readonly topics: readonly PlannedTopic[];
  readonly groups: readonly PlannedGroup[];
  readonly producers: readonly PlannedProducer[];
  readonly legacyAcls: readonly PlannedLegacyAcl[];
  /** Kafka Streams applications whose ACLs prove them (clients.ts). @default [] */
  readonly streamsApplications?: readonly PlannedStreamsApplication[];
  /** Kafka Connect clusters whose storage topics and worker ACLs prove them, with their sink connectors. @default [] */
  readonly connectClusters?: readonly PlannedConnectCluster[];
}

/** A topic a Streams application or connector reads or writes: the declaration's reference, its reason, its Kafka name. */
export interface PlannedClientTopic {
  readonly topic: { readonly domain: string; readonly event: string };
  readonly topicName: string;
  readonly reason?: string;
}

/** `applicationId` is set only when it is not `<domain>.<name>`. */
export interface PlannedStreamsApplication extends Readonly<
  Pick<StreamsApplicationDeclaration, 'domain' | 'name' | 'applicationId' | 'service' | 'principal' | 'processingGuarantee' | 'repartitions'>
> {
  readonly inputs: readonly PlannedClientTopic[];
  readonly outputs: readonly PlannedClientTopic[];
  /** Store names read from its changelog topics on the cluster. */
  readonly stateStores: readonly string[];
  suppressions: Suppression[];
  readonly notes: readonly string[];
}

/** `groupId` is set only when it is not `<domain>.<name>`; `storage` holds the shapes that differ from Connect's defaults. */
export interface PlannedConnectCluster extends Readonly<
  Pick<ConnectClusterDeclaration, 'domain' | 'name' | 'groupId' | 'service' | 'principal' | 'exactlyOnceSource'>
> {
  readonly storage: Readonly<Partial<Record<ConnectStorageKind, { readonly partitions?: number; readonly config?: Readonly<Record<string, string>> }>>>;
  /** The storage topics' Kafka names by kind. */
  readonly storageTopics: Readonly<Record<ConnectStorageKind, string>>;
  readonly sinks: readonly PlannedSinkConnector[];
  suppressions: Suppression[];
  readonly notes: readonly string[];
}

/** `principal` and `groupId` are set only when they differ from the defaults (the cluster's principal, `connect-<name>`). */
export interface PlannedSinkConnector {
  readonly name: string;
  readonly principal?: string;
  /** Set with `principal`: the service its own principal names (the cluster's otherwise). */
  readonly service?: string;
  readonly groupId?: string;
  /** The principal its ACLs are granted to (the declaration's, or the cluster's). */
  readonly effectivePrincipal: string;
  readonly topics: readonly PlannedClientTopic[];
  /** false, true (the derived shape) or the shape its dead-letter topic has on the cluster. */
  readonly deadLetter: boolean | DeadLetterShapeInput;
  /** Its dead-letter topic's Kafka name, when it has one. */
  readonly deadLetterTopic?: string;
  suppressions: Suppression[];
  readonly notes: readonly string[];
}

/** A cluster topic that no declaration will manage, and why. */
export interface UnmanagedTopic {
  readonly name: string;
  readonly reason: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly overrides: Readonly<Record<string, string>>;
  /** The domain it belongs to by the pattern, when it has one. */
  readonly domain?: string;
  readonly origin: SourceRef;
}

/** One topic config key that the first apply changes. */
export interface ConfigChange {
  readonly key: string;
  readonly before: string | null;
  readonly after: string | null;
  /** Why adoption makes this change, and what the broker does afterwards. */
  readonly why: string;
}

/**
 * What the first `terraform plan` is expected to show: the synthesized output compared with the cluster as the inputs
 * describe it (verify.ts), so it is what terraform shows against that cluster.
 */
export interface ExpectedFirstPlan {
  readonly importTopics: readonly string[];
  readonly importAcls: readonly string[];
  /** In-place config updates of adopted topics (only overrides the model cannot declare), each with why. */
  readonly updates: ReadonlyArray<{ readonly topic: string; readonly changes: readonly ConfigChange[] }>;
  /** Resources the declarations would create: empty unless something went wrong (reported as errors). */
  readonly creates: readonly string[];
  /**
   * Adopted topics whose configs the inputs cannot tell exactly, so a real cluster may differ from the prediction:
   * kafka-topics --describe alone lists inherited broker settings like overrides (`keys`: kept as topic configs, the
   * first apply may write them as overrides, with the values the broker applies already), and kcat lists no configs
   * at all (`keys` empty: an override the topic has would be removed).
   */
  readonly uncertain: ReadonlyArray<{ readonly topic: string; readonly keys: readonly string[]; readonly why: string }>;
}

export interface ImportPlan {
  readonly environment: string;
  /**
   * What the declarations were generated from, as the generated files' headers say it.
   *
   * @default - `the "<environment>" cluster`
   */
  readonly origin?: string;
  readonly domains: readonly PlannedDomain[];
  readonly unmanagedTopics: readonly UnmanagedTopic[];
  /**
   * KafkaStackProps.adopt: what gets a Terraform import block, and per adopted topic the configs the broker applies
   * already (AdoptedResources.brokerDefaults), which are then not written as topic overrides.
   */
  readonly adopt: {
    readonly topics: readonly string[];
    readonly acls: readonly string[];
    readonly brokerDefaults: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  readonly firstPlan: ExpectedFirstPlan;
  readonly findings: readonly ImportFinding[];
  /** The declarations as plain data (what was resolved and checked). */
  readonly declarations: Declarations;
  /** The resolved topology of the declarations; null when the model rejected them (a bug: reported as an error). */
  readonly topology: Topology | null;
}
