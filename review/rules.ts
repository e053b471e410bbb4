/**
 * The review rules: one id per kind of finding, with its verdict and what it means. Finding ids are
 * `<stack>/<subject>/<rule>`; the ids below are a contract (acknowledgement files name them), never reused or renamed.
 */
import type { Verdict } from './types';

export interface ReviewRule {
  /** The verdict, or how it is chosen. */
  readonly verdict:
    | Verdict
    | `${Verdict} in production, ${Verdict} elsewhere`
    | "BLOCK for a topic, and for a principal's service account, IAM policy or attachment in production while it has clients; WARN otherwise"
    | 'BLOCK in production when it has a DLQ, WARN otherwise'
    | "BLOCK in production when a sink has a DLQ or a source's topics have readers, WARN otherwise";
  /** What it means, one line (README table). */
  readonly summary: string;
}

export const REVIEW_RULES = {
  'topic-deleted': { verdict: 'BLOCK', summary: 'a topic is deleted: its records are gone' },
  'topic-renamed': { verdict: 'BLOCK', summary: 'a topic is renamed: a rename is a delete and a create, the records stay behind in the old topic' },
  'dlq-removed': { verdict: 'BLOCK', summary: "a consumer group's dead-letter topic is removed while the group still consumes" },
  'connect-storage-removed': { verdict: 'BLOCK', summary: "a Kafka Connect cluster's config, offset or status storage topic is deleted" },
  'connect-dlq-removed': { verdict: 'BLOCK', summary: "a sink connector's dead-letter topic is removed while the connector still runs" },
  'partitions-decreased': { verdict: 'BLOCK', summary: 'Kafka cannot remove partitions: the provider replaces the topic (delete + create)' },
  'replication-decreased': { verdict: 'BLOCK in production, WARN elsewhere', summary: 'fewer replicas: less durability and availability' },
  'cleanup-compact-to-delete': { verdict: 'BLOCK', summary: 'a compacted topic starts deleting by time: the latest state of old keys is lost' },
  'retention-below-replay-window': { verdict: 'BLOCK', summary: 'retention cut below the declared replay window' },
  'acl-removed-still-needed': { verdict: 'BLOCK', summary: 'an ACL is removed that a declared consumer or producer still needs' },
  'iam-grant-removed-still-needed': {
    verdict: 'BLOCK',
    summary: 'an MSK IAM policy action is removed that a declared client still needs (e.g. ReadData on a topic a consumer group reads)',
  },
  'acl-pattern-switch-one-apply': {
    verdict: 'BLOCK',
    summary: 'a Literal ACL is removed in the same apply that creates the Prefixed ACL replacing it (or the reverse): terraform may delete first',
  },
  'address-changed': {
    verdict: 'BLOCK',
    summary: 'identical content at a new Terraform address without a moved block: terraform creates the new one and deletes the old',
  },
  'moved-without-removed': {
    verdict: 'BLOCK',
    summary: 'a resource moves to another stack, but the old stack has no removed block (destroy = false): applying it deletes the resource',
  },
  'backend-changed': {
    verdict: 'BLOCK',
    summary: "the stack's backend changes: its state, and the credentials terraform sends with it, go somewhere new at the next terraform init",
  },
  'provider-changed': {
    verdict: 'BLOCK',
    summary: 'the provider settings change: authentication mechanism, TLS, or where the connection and its credentials come from',
  },
  'variables-changed': { verdict: 'BLOCK', summary: "the stack's Terraform variables change: what CI must supply, and how" },
  'required-providers-changed': { verdict: 'BLOCK', summary: 'the required providers change: another provider or version runs with the credentials' },
  'scram-credential-removed': {
    verdict: 'BLOCK',
    summary: "a principal's SCRAM credential is deleted while declared clients still authenticate as it: they fail at their next connection",
  },
  'scram-mechanism-changed': {
    verdict: 'BLOCK',
    summary: 'the SCRAM mechanism changes: the provider replaces the credential and clients on the old mechanism fail to authenticate',
  },
  'plan-delete': {
    verdict: "BLOCK for a topic, and for a principal's service account, IAM policy or attachment in production while it has clients; WARN otherwise",
    summary: 'terraform plans to delete it, and the diff of the outputs does not explain why',
  },
  'plan-scram-credential-replaced': {
    verdict: 'BLOCK in production, WARN elsewhere',
    summary:
      "terraform plans to replace a SCRAM credential that the declarations do not change: the principal's clients fail to authenticate while it does not exist (BLOCK in production while the principal has clients)",
  },
  'plan-scram-credential-deleted': {
    verdict: 'BLOCK in production, WARN elsewhere',
    summary: "terraform plans to delete a SCRAM credential that the declarations do not remove: the principal's clients fail to authenticate",
  },
  'plan-replace': {
    verdict: "BLOCK for a topic, and for a principal's service account, IAM policy or attachment in production while it has clients; WARN otherwise",
    summary: 'terraform plans to replace it (delete + create), and the diff of the outputs does not explain why',
  },
  'partitions-increased': { verdict: 'WARN', summary: 'keys move to other partitions: per-key ordering breaks for in-flight keys' },
  'replication-increased': { verdict: 'WARN', summary: 'the provider reassigns partitions in place: data is copied across brokers' },
  'retention-decreased': { verdict: 'WARN', summary: 'records expire sooner (still covering the declared replay window)' },
  'min-insync-raised': { verdict: 'WARN', summary: 'producers with acks=all fail sooner when replicas are down' },
  'min-insync-lowered': { verdict: 'WARN in production, SAFE elsewhere', summary: 'writes are acknowledged by fewer replicas' },
  'cleanup-policy-changed': { verdict: 'WARN', summary: 'the cleanup policy changes (other than compact → delete)' },
  'retention-bytes-decreased': { verdict: 'WARN', summary: 'a smaller byte cap per partition can cut the replay window under load or key skew' },
  'delete-retention-decreased': { verdict: 'WARN', summary: 'tombstones expire sooner: a long reindex may bring deleted keys back' },
  'max-message-bytes-decreased': { verdict: 'WARN', summary: 'producers sending larger records start failing' },
  'protection-removed': { verdict: 'WARN', summary: 'prevent_destroy is removed: terraform no longer refuses to destroy the topic' },
  'wildcard-acl-added': { verdict: 'WARN', summary: 'a new ACL for every principal or every resource' },
  'prefixed-acl-added': { verdict: 'WARN', summary: 'a new Prefixed ACL that no declared transactional producer explains' },
  'iam-wildcard-grant-added': {
    verdict: 'WARN',
    summary: 'a new MSK IAM grant on a resource ending in `*` that no declared prefix explains (every topic, group or id it starts)',
  },
  'iam-access-removed': {
    verdict: 'WARN',
    summary: 'an MSK IAM policy action is removed that no declaration needs any more (clients still using it are denied)',
  },
  'deny-acl-added': { verdict: 'WARN', summary: 'a new Deny ACL: it overrides every Allow that matches' },
  'suppression-added': { verdict: 'WARN', summary: 'a lint rule is suppressed (the id ends with the rule id)' },
  'access-removed': { verdict: 'WARN', summary: 'an ACL is removed that no declaration needs any more (clients still using it lose access)' },
  'left-unmanaged': { verdict: 'WARN', summary: 'a removed block (destroy = false) takes a resource out of Terraform, and no stack imports it' },
  'owner-changed': { verdict: 'WARN', summary: "a domain's owner changes: the old and the new owner both approve (required reviewers)" },
  'environment-added': { verdict: 'WARN', summary: 'a stack of a new environment: its backend, provider and variables are listed for review' },
  'move-without-import': { verdict: 'WARN', summary: 'a resource moves to another stack without an import block: terraform creates it again there' },
  'scram-password-rotated': {
    verdict: 'WARN',
    summary: 'a SCRAM password version bump (rotation): clients fail at their next connection until they use the new password; see docs/credentials.md',
  },
  'scram-iterations-changed': { verdict: 'WARN', summary: 'SCRAM iterations change: the credential is rewritten with the password CI supplies' },
  'scram-password-variable-changed': {
    verdict: 'WARN',
    summary: 'a SCRAM password comes from another variable: CI must supply it, and it must hold the current password',
  },
  'acl-pattern-added': {
    verdict: 'MOVE',
    summary: "a Prefixed ACL on a domain prefix, from the environment's ACL pattern mode: the first step of a switch",
  },
  'acl-pattern-replaced': {
    verdict: 'MOVE',
    summary: 'an ACL is removed whose access an ACL applied before already grants: the second step of a pattern switch',
  },
  'stack-moved': { verdict: 'MOVE', summary: 'a resource moves between stacks: removed block (destroy = false) in one, import in the other' },
  'group-removed': {
    verdict: 'BLOCK in production when it has a DLQ, WARN otherwise',
    summary: 'a consumer group is removed: its offsets are orphaned until they expire, its DLQ is deleted with the dead letters in it',
  },
  'connector-removed': {
    verdict: "BLOCK in production when a sink has a DLQ or a source's topics have readers, WARN otherwise",
    summary:
      "a Kafka Connect connector is removed: a sink's DLQ is deleted with its dead letters and its group's offsets are orphaned (a sink re-created after they expire re-delivers from the earliest offset); a source's readers stop receiving events",
  },
  'client-config-changed': { verdict: 'WARN', summary: "a service's generated client config changes: redeploy it with the new settings" },
  'topic-added': { verdict: 'SAFE', summary: 'a new topic' },
  'scram-credential-added': { verdict: 'SAFE', summary: 'a new SCRAM credential: CI must supply its ephemeral password variable' },
  'scram-credential-removed-unused': { verdict: 'SAFE', summary: 'a SCRAM credential is deleted together with every declaration using its principal' },
  'group-added': { verdict: 'SAFE', summary: 'a new consumer group' },
  'acl-added': { verdict: 'SAFE', summary: 'a new ACL' },
  'iam-grant-added': { verdict: 'SAFE', summary: 'a new MSK IAM policy action on a resource, for a declared client' },
  'iam-grant-covered': {
    verdict: 'SAFE',
    summary: "an MSK IAM grant is removed whose access another grant of the same principal's policy still allows (a literal name under a prefix)",
  },
  imported: { verdict: 'SAFE', summary: 'an existing resource is imported into Terraform' },
  'retention-increased': { verdict: 'SAFE', summary: 'records are kept longer' },
  'config-changed': { verdict: 'SAFE', summary: 'other topic configs change' },
  'protection-added': { verdict: 'SAFE', summary: 'prevent_destroy is added' },
  'address-moved': { verdict: 'SAFE', summary: 'a new Terraform address, covered by a moved block' },
  'declaration-changed': { verdict: 'SAFE', summary: 'declared fields change (documentation, owners, design notes)' },
} as const satisfies Record<string, ReviewRule>;

export type ReviewRuleId = keyof typeof REVIEW_RULES;
