/**
 * Closed vocabularies: one tuple drives the TypeScript type, the zod enum and the "must be one of" text.
 * Kafka spellings follow the Mongey provider (`Read`, `Topic`, `Literal`).
 */

/**
 * The cleanup policies a declaration states (`cleanupPolicy`), one spelling per meaning. Kafka also accepts
 * `delete,compact` for the pair; topic-config-keys.ts KAFKA_CLEANUP_POLICY_VALUES is that wider set, for raw configs.
 */
export const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;
export type CleanupPolicy = (typeof CLEANUP_POLICIES)[number];

/** Schema compatibility modes, as Confluent Schema Registry names them. NONE is an error in production (lint). */
export const COMPATIBILITY_MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** Whether consumers rely on events of one key arriving in order. */
export const ORDERING_NEEDS = ['per-key', 'none'] as const;
export type OrderingNeed = (typeof ORDERING_NEEDS)[number];

/** `sync`: processed inside the poll loop. `async`: handed to other threads or tasks, so auto commit would lose data. */
export const PROCESSING_MODES = ['sync', 'async'] as const;
export type ProcessingMode = (typeof PROCESSING_MODES)[number];

export const OFFSET_COMMIT_MODES = ['manual', 'auto'] as const;
export type OffsetCommitMode = (typeof OFFSET_COMMIT_MODES)[number];

/**
 * How a reader's external side effects are controlled when it processes records again (model/schema/replay-safety.ts):
 * `none` — it has none; `guarded` — guarded by a stated mechanism; `not-replay-safe` — a replay repeats them.
 */
export const SIDE_EFFECT_CONTROLS = ['none', 'guarded', 'not-replay-safe'] as const;
export type SideEffectControl = (typeof SIDE_EFFECT_CONTROLS)[number];

/**
 * Kafka Streams' `processing.guarantee` values topicform accepts: `exactly_once` and `exactly_once_beta` were
 * deprecated in Kafka 3.0 (KIP-732) and removed in 4.0, so `exactly_once_v2` is the only exactly-once spelling.
 */
export const PROCESSING_GUARANTEES = ['at_least_once', 'exactly_once_v2'] as const;
export type ProcessingGuarantee = (typeof PROCESSING_GUARANTEES)[number];

export const ACL_OPERATIONS = [
  'Read',
  'Write',
  'Describe',
  'IdempotentWrite',
  'Create',
  'Delete',
  'Alter',
  'DescribeConfigs',
  'AlterConfigs',
  'ClusterAction',
  'All',
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

export const ACL_RESOURCE_TYPES = ['Topic', 'Group', 'Cluster', 'TransactionalID', 'DelegationToken'] as const;
export type AclResourceType = (typeof ACL_RESOURCE_TYPES)[number];

export const ACL_PATTERN_TYPES = ['Literal', 'Prefixed'] as const;
export type AclPatternType = (typeof ACL_PATTERN_TYPES)[number];

export const ACL_PERMISSIONS = ['Allow', 'Deny'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** What a topic is for: declared event topics and the companions the toolkit derives for consumer groups. */
export const TOPIC_KINDS = ['event', 'dead-letter', 'retry'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** Renders a vocabulary for error messages: `"a", "b" or "c"`. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
}

/**
 * How an environment patterns the Topic and Group ACLs of a domain's own clients (environment `acl.patterns`):
 * - `literal`: one Literal ACL per topic and per group id (least privilege; the default);
 * - `prefixed`: one Prefixed ACL per principal, operation and domain prefix (`<topicPrefix><domain>.` for topics,
 *   `<domain>.` for group ids), for a team that owns its prefix on a shared cluster: far fewer resources, but each
 *   principal reaches every present and future resource under the prefix;
 * - `literal-and-prefixed`: both, the first step of a switch, so the new ACLs exist before the old ones are removed
 *   (docs/acls.md "Prefixed ACL mode").
 */
export const ACL_PATTERN_MODES = ['literal', 'literal-and-prefixed', 'prefixed'] as const;
export type AclPatternMode = (typeof ACL_PATTERN_MODES)[number];
