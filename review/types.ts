/**
 * The values review passes between its steps: snapshots of two synthesized outputs (parse), the changes between them
 * (diff), the findings with a verdict (classify), and the result the renderers print. Plain data, no I/O.
 */
import type { AccessChange } from '../access/diff';
import type { SettingChange, SettingsPart, StackSettings } from '../guard/settings';
import type { ContractFinding } from '../contracts/review';
import type { IamGrant } from '../model/msk-iam/grants';
import type {
  AclBinding,
  ResolvedAcl,
  ResolvedConnector,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEnvironment,
  ResolvedProducer,
  ResolvedScramCredential,
  ResolvedTopic,
  Topology,
} from '../model/topology';

/** How risky a finding is; the order is the order of the report. */
export const VERDICTS = ['BLOCK', 'WARN', 'MOVE', 'SAFE'] as const;
export type Verdict = (typeof VERDICTS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Snapshots (parse)

/** A `kafka_topic` as the stack's Terraform JSON declares it. */
export interface TopicResource {
  /** `kafka_topic.<key>` */
  readonly address: string;
  /** The resource's name in the Terraform JSON (the address without the type). */
  readonly key: string;
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level configs (Terraform's map(string)); empty when none. */
  readonly config: Readonly<Record<string, string>>;
  readonly preventDestroy: boolean;
}

/** A `kafka_acl` as the stack's Terraform JSON declares it. */
export interface AclResource {
  /** `kafka_acl.<key>` */
  readonly address: string;
  /** The resource's name in the Terraform JSON (the address without the type). */
  readonly key: string;
  /** The provider's 7-part id and import id: `principal|host|operation|permission|type|name|pattern`. */
  readonly id: string;
  readonly binding: AclBinding;
}

/** `moved { from = …, to = … }` */
export interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

/** `removed { from = …, lifecycle { destroy = … } }`: destroy = false takes the resource out of state only. */
export interface RemovedBlock {
  readonly from: string;
  readonly destroy: boolean;
}

/** `import { to = …, id = … }` */
export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

/** One stack directory of a synthesized output: its Terraform resources and its slice of the Topology, indexed. */
export interface StackSnapshot {
  /** The stack directory name (`cdktf.out/stacks/<stack>`). */
  readonly stack: string;
  readonly environment: ResolvedEnvironment;
  /** The topic at a Terraform address (`kafka_topic.<key>`, `confluent_kafka_topic.<key>`). */
  topicAt(address: string): TopicResource | undefined;
  readonly topicsByName: ReadonlyMap<string, TopicResource>;
  /**
   * The grants at a Terraform address: the one ACL of a `kafka_acl.<name>` or `confluent_kafka_acl.<name>`, every
   * grant a `confluent_role_binding.<name>` allows; empty when the stack has nothing there.
   */
  aclsAt(address: string): readonly AclResource[];
  readonly aclsById: ReadonlyMap<string, AclResource>;
  readonly declared: DeclaredSlice;
  /** The stack's topology.json as read (checked where contracts and access read it): for the contract and access sections. */
  readonly topology: Topology;
  readonly moved: readonly MovedBlock[];
  readonly removed: readonly RemovedBlock[];
  readonly imports: readonly ImportBlock[];
  /** The backend type (`local`, `s3`, `remote`, `cloud`, …); null when the stack configures none. */
  readonly backend: string | null;
  /** Everything else that reaches terraform: backend, provider, variables, required providers (guard/settings.ts). */
  readonly settings: StackSettings;
}

/** The stack's Topology (topology.json), indexed by identity. */
export interface DeclaredSlice {
  readonly domains: ReadonlyMap<string, ResolvedDomain>;
  /** By topic name. */
  readonly topics: ReadonlyMap<string, ResolvedTopic>;
  /** By group id. */
  readonly groups: ReadonlyMap<string, ResolvedConsumerGroup>;
  /** By `<service>@<topic>`. */
  readonly producers: ReadonlyMap<string, ResolvedProducer>;
  /** The declared ACL with this 7-part id (indexed on first use: only removed ACLs are looked up). */
  acl(id: string): ResolvedAcl | undefined;
}

/** A whole synthesized output (a cdktf.out directory), by stack name. */
export interface Snapshot {
  /** What the output is, for the report: a directory or a git ref. */
  readonly label: string;
  readonly stacks: ReadonlyMap<string, StackSnapshot>;
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform plan JSON (parse)

export const PLAN_ACTIONS = ['no-op', 'create', 'read', 'update', 'delete', 'forget'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * The managed resource types review reads from a plan (what each change is about: review/plan-subjects.ts); changes of
 * any other type are left out.
 */
export const PLAN_RESOURCE_TYPES = [
  'kafka_topic',
  'kafka_acl',
  'kafka_user_scram_credential',
  'confluent_kafka_topic',
  'confluent_kafka_acl',
  'confluent_role_binding',
  'confluent_service_account',
  'aws_iam_policy',
  'aws_iam_role_policy_attachment',
] as const;
export type PlanResourceType = (typeof PLAN_RESOURCE_TYPES)[number];

/** One entry of `resource_changes` or `resource_drift` of `terraform show -json <planfile>`. */
export interface PlanResourceChange {
  readonly address: string;
  readonly previousAddress: string | null;
  readonly type: string;
  readonly actions: readonly PlanAction[];
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
  /** Attribute paths that force the replacement, e.g. `partitions`. */
  readonly replacePaths: readonly string[];
  /** The import id when the change imports the resource. */
  readonly importingId: string | null;
  readonly actionReason: string | null;
}

/** A parsed plan, bound to the stack it was planned for. */
export interface PlanSnapshot {
  readonly stack: string;
  /** The file it came from, for messages. */
  readonly file: string;
  readonly terraformVersion: string | null;
  /**
   * Managed changes of the types review reads (review/plan-subjects.ts: topics, ACLs, role bindings, service accounts,
   * SCRAM credentials, MSK IAM policies and attachments) whose actions are not only no-op (credentials without their
   * password attributes).
   */
  readonly changes: readonly PlanResourceChange[];
  /** Changes terraform found outside of it (`resource_drift`). */
  readonly drift: readonly PlanResourceChange[];
}

// ---------------------------------------------------------------------------------------------------------------
// Changes (diff)

export type Scalar = string | number | boolean | null;

/** One attribute of a resource that differs: `partitions`, `replication_factor`, `prevent_destroy` or `config.<key>`. */
export interface AttributeChange {
  readonly key: string;
  readonly before: Scalar;
  readonly after: Scalar;
}

/** What a finding is about. */
export type Subject =
  | { readonly kind: 'topic'; readonly name: string }
  | { readonly kind: 'acl'; readonly id: string }
  | { readonly kind: 'group'; readonly groupId: string }
  /** A Kafka Connect connector, by its cluster's `group.id` and its name. */
  | { readonly kind: 'connector'; readonly clusterGroupId: string; readonly name: string }
  | { readonly kind: 'producer'; readonly service: string; readonly topic: string }
  | { readonly kind: 'domain'; readonly name: string }
  /** A principal's SCRAM credential (`kafka_user_scram_credential`), by its `User:` principal. */
  | { readonly kind: 'credential'; readonly principal: string }
  /** The stack's own settings: backend, provider, variables, required providers. */
  | { readonly kind: 'stack' }
  /** One action of a principal's Amazon MSK IAM policy on one resource, by its id (model/msk-iam/grants.ts iamGrantId). */
  | { readonly kind: 'iam-grant'; readonly id: string }
  /**
   * A resource that stands for a principal's access as a whole, known to review only from a plan: its Confluent Cloud
   * service account (`confluent_service_account`), its MSK IAM policy (`aws_iam_policy`) or that policy's attachment to
   * its role (`aws_iam_role_policy_attachment`); `type` is the Terraform type.
   */
  | { readonly kind: 'principal-resource'; readonly type: PrincipalResourceType; readonly principal: string };

/** The Terraform types of a `principal-resource` subject. */
export const PRINCIPAL_RESOURCE_TYPES = ['confluent_service_account', 'aws_iam_policy', 'aws_iam_role_policy_attachment'] as const;
export type PrincipalResourceType = (typeof PRINCIPAL_RESOURCE_TYPES)[number];

/** Where a resource sits in a stack; for cross-stack moves. */
export interface Placement {
  readonly stack: string;
  readonly address: string;
}

export type Change =
  | { readonly kind: 'topic-added'; readonly stack: string; readonly topic: TopicResource; readonly imported: boolean }
  | { readonly kind: 'topic-removed'; readonly stack: string; readonly topic: TopicResource; readonly removedBlock: RemovedBlock | null }
  | { readonly kind: 'topic-renamed'; readonly stack: string; readonly before: TopicResource; readonly after: TopicResource }
  | {
      readonly kind: 'topic-changed';
      readonly stack: string;
      readonly before: TopicResource;
      readonly after: TopicResource;
      readonly attributes: readonly AttributeChange[];
    }
  | { readonly kind: 'address-changed'; readonly stack: string; readonly subject: Subject; readonly from: string; readonly to: string; readonly moved: boolean }
  | { readonly kind: 'acl-added'; readonly stack: string; readonly acl: AclResource; readonly imported: boolean }
  | { readonly kind: 'acl-removed'; readonly stack: string; readonly acl: AclResource; readonly removedBlock: RemovedBlock | null }
  | {
      readonly kind: 'stack-moved';
      readonly subject: Subject;
      readonly from: Placement;
      readonly to: Placement;
      /** The `removed` block in the old stack (null: none, so applying the old stack destroys it). */
      readonly removedBlock: RemovedBlock | null;
      /** Whether the new stack imports it (otherwise terraform creates it anew). */
      readonly imported: boolean;
      /** The resource in the new stack, for the report. */
      readonly topic: TopicResource | null;
    }
  | { readonly kind: 'group-added'; readonly stack: string; readonly group: ResolvedConsumerGroup }
  /** A consumer group the base declares in this stack and no head stack of its environment declares. */
  | { readonly kind: 'group-removed'; readonly stack: string; readonly group: ResolvedConsumerGroup }
  /** A connector the base declares in this stack and the head stack does not (classify checks the other stacks). */
  | { readonly kind: 'connector-removed'; readonly stack: string; readonly connector: ResolvedConnector }
  | { readonly kind: 'declaration-changed'; readonly stack: string; readonly subject: Subject; readonly fields: readonly FieldChange[] }
  | { readonly kind: 'suppression-added'; readonly stack: string; readonly subject: Subject; readonly ruleId: string; readonly reason: string }
  | {
      readonly kind: 'settings-changed';
      readonly stack: string;
      readonly part: SettingsPart;
      readonly changes: readonly SettingChange[];
      /** The base stack compared with when this stack is new (a stack of the same environment), else null. */
      readonly comparedWith: string | null;
    }
  /** A stack of an environment the base does not have: its settings, for the reviewers to read. */
  | { readonly kind: 'environment-added'; readonly stack: string; readonly environment: string; readonly settings: readonly SettingChange[] }
  | { readonly kind: 'owner-changed'; readonly stack: string; readonly domain: string; readonly before: string; readonly after: string }
  /** A SCRAM credential the environment's head declares and its base does not. */
  | { readonly kind: 'credential-added'; readonly stack: string; readonly credential: ResolvedScramCredential }
  /**
   * A SCRAM credential the base declares and the environment's head does not; `clients` are the services that still
   * authenticate as its principal in head (empty: the principal is gone too).
   */
  | { readonly kind: 'credential-removed'; readonly stack: string; readonly credential: ResolvedScramCredential; readonly clients: readonly string[] }
  /**
   * An Amazon MSK IAM grant (one action on one resource, topology.json `mskIam`) the environment's head has and its base
   * does not, or the reverse; placed in the environment's first stack, since the policies are per environment.
   */
  | { readonly kind: 'iam-grant-added'; readonly stack: string; readonly grant: IamGrant }
  | { readonly kind: 'iam-grant-removed'; readonly stack: string; readonly grant: IamGrant }
  /** A SCRAM credential declared on both sides whose mechanism, iterations, password version or variable differ. */
  | { readonly kind: 'credential-changed'; readonly stack: string; readonly before: ResolvedScramCredential; readonly after: ResolvedScramCredential };

/** A declared (Topology) field that differs, rendered short. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Findings (classify) and the result

/** One row of a finding's `Key | Current | New` table. */
export interface Row {
  readonly key: string;
  readonly current: string;
  readonly new: string;
}

/** What terraform's plan says about the finding's resource. */
export interface PlanEvidence {
  readonly address: string;
  readonly actions: readonly PlanAction[];
  readonly replacePaths: readonly string[];
  readonly importingId: string | null;
  readonly previousAddress: string | null;
}

export interface Acknowledgement {
  /** The finding id, e.g. `prod/orders.order-created/partitions-decreased`. */
  readonly finding: string;
  readonly reason: string;
  readonly by?: string;
}

/**
 * The declaration a finding follows from, so the comment can merge one edit's findings across environments and
 * companion topics into one cause: the event topic of a retry tier or a DLQ, the consumer group of a removed DLQ, the
 * principal of an ACL.
 */
export interface Origin {
  /** Identity independent of environment prefixes, e.g. `topic:orders/order-created`, `group:orders.payment`. */
  readonly key: string;
  /** How the comment names it, e.g. `orders.order-created`. */
  readonly label: string;
  /** Set when the finding is about a companion topic of the origin: what it is, e.g. `retry tier`. */
  readonly companion: 'retry tier' | 'DLQ' | null;
  /** Where the declaration is, `topics/orders.ts:37`; null when the Topology does not say. */
  readonly declaredAt: string | null;
  /** The finding's own subject without the environment's topic prefix, e.g. `orders.order-created.payment.retry-1`. */
  readonly subject: string;
}

export interface Finding {
  /** Stable id for acknowledgements: `<stack>/<subject>/<rule>`. */
  readonly id: string;
  readonly verdict: Verdict;
  /** The rule, e.g. `partitions-decreased` (REVIEW_RULES). */
  readonly rule: string;
  readonly subject: Subject;
  /** The environment name of the stack (topology.json environment.name). */
  readonly environment: string;
  readonly production: boolean;
  /** The stack directory name. */
  readonly stack: string;
  /** One line: what changed. */
  readonly title: string;
  /** Why it matters and what to do. */
  readonly reason: string;
  readonly before: string;
  readonly after: string;
  readonly rows: readonly Row[];
  readonly plan: readonly PlanEvidence[];
  readonly acknowledgement?: Acknowledgement;
  /** Why a derived value changed, e.g. `because consumer group orders.notification (lag 30m) was removed`. */
  readonly cause?: string;
  /** What to do about it, short (`keep 24 partitions`); the reason says it at length. */
  readonly fix?: string;
  /** The declaration it follows from (absent on findings built elsewhere than classify). */
  readonly origin?: Origin;
}

/** A resource whose real state differs from Terraform's state (plan JSON `resource_drift`). */
export interface DriftEntry {
  readonly stack: string;
  readonly address: string;
  readonly actions: readonly PlanAction[];
  /** `Key | State | Cluster` rows. */
  readonly rows: readonly Row[];
}

/**
 * A finding of the "Contract changes" section: a ContractFinding (contracts/review.ts) of an event topic's schema,
 * placed in the head stack that holds the topic. Its id is the contract finding's id prefixed with the stack,
 * `<stack>/<topic>/<schema>/<path>/<rule>`, and is acknowledged like any finding id.
 */
export interface ContractChange extends ContractFinding {
  readonly environment: string;
  readonly production: boolean;
  readonly stack: string;
  readonly acknowledgement?: Acknowledgement;
}

/** A change of who can read or write what (access/diff.ts), with the stack whose ACLs change. */
export interface ReviewAccessChange extends Omit<AccessChange, 'verdict'> {
  /**
   * Its own verdict (access/diff.ts), or the more severe verdict of a finding about one of its ACLs: one verdict per
   * change across sections (review/one-verdict.ts).
   */
  readonly verdict: 'BLOCK' | 'WARN' | 'SAFE';
  /** The stack holding the ACLs added or removed (the owning domain's stack); the head's, else the base's. */
  readonly stack: string;
}

/** The "Access changes" section. */
export interface AccessSection {
  readonly changes: readonly ReviewAccessChange[];
  /** The teams that must approve: the owner of every resource whose access changes, sorted. */
  readonly requiredReviewers: readonly string[];
}

/** One setting of a generated client config that differs; null: not set on that side. */
export interface ClientSettingChange {
  readonly key: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A service's generated client profile (a consumer group's, or a producer's) whose settings change: it must be redeployed. */
export interface ClientConfigChange {
  readonly environment: string;
  readonly production: boolean;
  /** The stack that declares the group or the producer. */
  readonly stack: string;
  readonly service: string;
  readonly principal: string;
  /** `consumer orders.payment`, `producer`, `producer.<topic>`. */
  readonly profile: string;
  readonly subject: Subject;
  readonly status: 'changed' | 'added' | 'removed';
  readonly settings: readonly ClientSettingChange[];
}

export interface ReviewSummary {
  /** Findings and contract changes by verdict. */
  readonly BLOCK: number;
  readonly WARN: number;
  readonly MOVE: number;
  readonly SAFE: number;
  /** Findings and contract changes an acknowledgement names. */
  readonly acknowledged: number;
  /** BLOCK findings and contract changes without an acknowledgement: the review fails when this is above zero. */
  readonly blocking: number;
  /** Access changes by verdict (they never block; they name who approves). */
  readonly access: { readonly BLOCK: number; readonly WARN: number; readonly SAFE: number };
  /** Head stacks whose terraform plan failed: the review cannot say what terraform would do there, so it blocks. */
  readonly failedPlans: number;
}

export interface ReviewResult {
  readonly formatVersion: 1;
  readonly base: string;
  readonly head: string;
  readonly stacks: readonly string[];
  /** Stacks a plan was given for. */
  readonly plans: readonly string[];
  /** Stacks whose terraform plan failed (reported by CI with --plan-failed), sorted. */
  readonly failedPlans: readonly string[];
  readonly summary: ReviewSummary;
  readonly findings: readonly Finding[];
  /** Changes of the event schemas, by the topic's compatibility mode ("Contract changes"). */
  readonly contracts: readonly ContractChange[];
  /** Changes of who can read or write what ("Access changes"). */
  readonly access: AccessSection;
  /** Generated client configs that change ("Client config changes — redeploy"), by environment, service, profile. */
  readonly clients: readonly ClientConfigChange[];
  readonly drift: readonly DriftEntry[];
  /** Acknowledgements that name no finding or contract change of this review (stale, or a typo). */
  readonly unmatchedAcknowledgements: readonly Acknowledgement[];
}
