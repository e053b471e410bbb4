/**
 * Every sentence review prints about a finding: its title (what changed) and its reason (why it matters, what to do).
 * Lowercase, no trailing period, values shown (STYLE.md convention 7).
 */
import { formatMs } from '../model/duration';

export interface Text {
  readonly title: string;
  readonly reason: string;
  /** What to do, short, for the comment's one-line causes. */
  readonly fix?: string;
}

const moveHint = 'a move between stacks needs a removed block (lifecycle { destroy = false }) in the old stack and an import block in the new one';
const ackHint = 'if this is intended, acknowledge the finding in review-acknowledgements.yaml with the reason';

export const topicDeleted = (name: string, wasProtected: boolean): Text => ({
  title: `topic ${name} deleted`,
  reason:
    `terraform deletes the topic and every record in it; its producers and consumers fail` +
    (wasProtected ? '; prevent_destroy went away with the resource block, so terraform will not refuse' : '') +
    `; ${moveHint}; ${ackHint}`,
  fix: 'keep the declaration, or move producers and consumers off the topic first and acknowledge',
});

export const topicRenamed = (before: string, after: string): Text => ({
  title: `topic ${before} renamed to ${after}`,
  reason: `a rename is a delete and a create: ${before} and its records are deleted, ${after} starts empty, and consumers lose their offsets; keep the old name, or migrate (produce to both, move the consumers, then delete the old topic); ${ackHint}`,
  fix: 'keep the old name, or migrate',
});

export const dlqRemoved = (name: string, groupId: string, topic: string): Text => ({
  title: `dead-letter topic ${name} of group ${groupId} removed`,
  reason: `consumer group ${groupId} still reads ${topic}, but its dead-letter topic is deleted with the dead letters waiting in it; a poison pill then blocks the partition or is retried forever; keep the DLQ`,
  fix: 'keep the DLQ',
});

export const partitionsDecreased = (name: string, before: number, after: number): Text => ({
  title: `partitions of ${name} decreased from ${before} to ${after}`,
  reason: `Kafka cannot remove partitions: the provider replaces the topic (delete + create) and every record in it is lost; keep ${before} partitions (consumers may run fewer instances than partitions)`,
  fix: `keep ${before}`,
});

export const replicationDecreased = (name: string, before: number, after: number, production: boolean): Text => ({
  title: `replication factor of ${name} decreased from ${before} to ${after}`,
  reason: `the provider removes replicas in place: the topic survives fewer broker losses${production ? ', in a production environment' : ''}`,
  fix: `keep ${before}`,
});

export const replicationIncreased = (name: string, before: number, after: number): Text => ({
  title: `replication factor of ${name} increased from ${before} to ${after}`,
  reason:
    'the provider reassigns partitions in place: every partition is copied to new brokers, which loads the network and disks while it runs; apply at a quiet time',
});

export const partitionsIncreased = (name: string, before: number, after: number, perKeyOrdering: boolean): Text => ({
  title: `partitions of ${name} increased from ${before} to ${after}`,
  reason:
    'keys are hashed onto the new partition count, so most keys move to another partition: ' +
    (perKeyOrdering
      ? 'per-key ordering breaks for in-flight keys (events of one key written before and after the change can be read out of order); drain producers or accept it'
      : 'the topic declares no per-key ordering need, but consumers that keep per-partition state must rebuild it') +
    '; the increase cannot be undone',
});

export const compactToDelete = (name: string, before: string, after: string): Text => ({
  title: `cleanup.policy of ${name} changed from ${before} to ${after}`,
  reason:
    'a compacted topic keeps the latest record of every key; with delete, records older than retention.ms are deleted, latest states included: a full replay is no longer possible',
  fix: `keep ${before}`,
});

export const cleanupPolicyChanged = (name: string, before: string, after: string): Text => ({
  title: `cleanup.policy of ${name} changed from ${before} to ${after}`,
  reason: 'compaction keeps only the latest record per key and needs keyed records; consumers that replay history see fewer events',
});

export const retentionBelowWindow = (name: string, afterMs: number, windowMs: number): Text => ({
  title: `retention of ${name} cut below its replay window`,
  reason: `retention.ms ${formatMs(afterMs)} is shorter than the declared replay window of ${formatMs(windowMs)}: records consumers may need to replay are deleted, and a consumer lagging behind loses data`,
  fix: 'keep retention above the replay window, or declare a shorter window',
});

export const retentionDecreased = (name: string, windowMs: number | null): Text => ({
  title: `retention of ${name} decreased`,
  reason: `records are deleted sooner${windowMs === null ? '' : ` (the declared replay window of ${formatMs(windowMs)} is still covered)`}; a consumer lagging behind by more than the new retention loses data`,
});

export const retentionIncreased = (name: string): Text => ({
  title: `retention of ${name} increased`,
  reason: 'records are kept longer; disk use grows accordingly',
});

export const minInsyncRaised = (name: string, before: string, after: string, replication: number): Text => ({
  title: `min.insync.replicas of ${name} raised from ${before} to ${after}`,
  reason: `producers with acks=all fail (NotEnoughReplicas) as soon as fewer than ${after} of ${replication} replicas are in sync`,
});

export const minInsyncLowered = (name: string, before: string, after: string): Text => ({
  title: `min.insync.replicas of ${name} lowered from ${before} to ${after}`,
  reason: 'writes with acks=all are acknowledged by fewer replicas: a broker loss can lose acknowledged records',
});

export const retentionBytesDecreased = (name: string): Text => ({
  title: `retention.bytes of ${name} lowered`,
  reason: 'retention.bytes caps each partition: under peak traffic or key skew it deletes records before retention.ms, cutting the replay window',
});

export const deleteRetentionDecreased = (name: string): Text => ({
  title: `delete.retention.ms of ${name} lowered`,
  reason: 'tombstones are removed sooner: a full reindex that runs longer than delete.retention.ms brings deleted keys back',
});

export const maxMessageBytesDecreased = (name: string): Text => ({
  title: `max.message.bytes of ${name} lowered`,
  reason: 'producers sending records above the new limit fail with RecordTooLargeException, and so does re-driving large dead letters',
});

export const protectionRemoved = (name: string): Text => ({
  title: `prevent_destroy removed from ${name}`,
  reason: 'terraform no longer refuses a plan that destroys or replaces this topic; only review stands between a mistake and data loss',
});

export const protectionAdded = (name: string): Text => ({
  title: `prevent_destroy added to ${name}`,
  reason: 'terraform refuses any plan that would destroy or replace this topic',
});

export const configChanged = (name: string, keys: readonly string[]): Text => ({
  title: `config of ${name} changed: ${keys.join(', ')}`,
  reason: 'the provider alters the topic configs in place',
});

export const topicAdded = (name: string): Text => ({ title: `new topic ${name}`, reason: 'terraform creates the topic' });

export const imported = (what: string): Text => ({
  title: `${what} imported`,
  reason: 'an import block adopts the existing resource into this stack; nothing is created or deleted',
});

export const groupAdded = (groupId: string): Text => ({ title: `new consumer group ${groupId}`, reason: 'a new group starts from its offset reset policy' });

/**
 * A removed consumer group: what happens to its offsets and to its DLQ. Kafka keeps a group's committed offsets until
 * offsets.retention.minutes after the group is empty; its DLQ and retry tiers are deleted with the group's declaration.
 */
export const groupRemoved = (
  groupId: string,
  service: string,
  companions: readonly string[],
  dlq: string | null,
  offsetsRetentionMs: number,
  production: boolean,
): Text => ({
  title: `consumer group ${groupId} removed`,
  reason:
    `${service} loses its ACLs once terraform applies; the group's committed offsets stay on the cluster until they expire ` +
    `(offsets.retention.minutes, Kafka's default ${formatMs(offsetsRetentionMs)} after the group is empty), so a group re-created with the same id within that time resumes from them, later from auto.offset.reset` +
    (companions.length > 0
      ? `; ${companions.join(', ')} ${companions.length === 1 ? 'is' : 'are'} deleted with every record in ${companions.length === 1 ? 'it' : 'them'}`
      : '') +
    (dlq === null
      ? '; it has no DLQ'
      : `; dead letters still waiting in ${dlq} are lost: re-drive or export them first${production ? ' (production: blocks until acknowledged, since review cannot see whether the DLQ is empty)' : ''}`) +
    '; stop the service before applying',
  fix: dlq === null ? 'stop the service, then apply' : `re-drive or export ${dlq}${production ? ', then acknowledge' : ' first'}`,
});

export const aclAdded = (acl: string): Text => ({ title: `new ${acl}`, reason: 'terraform creates the ACL' });

export const wildcardAclAdded = (acl: string): Text => ({
  title: `new wildcard ${acl}`,
  reason: 'it applies to every principal or every resource: access no declaration asks for (topicform never derives wildcards)',
});

export const prefixedAclAdded = (acl: string): Text => ({
  title: `new prefixed ${acl}`,
  reason: 'it covers every resource whose name starts with the prefix, including ones created later; no declared transactional producer explains it',
});

export const aclPatternAdded = (acl: string, mode: string): Text => ({
  title: `new prefixed ${acl}`,
  reason: `the environment's ACL pattern mode is "${mode}": one Prefixed ACL per principal, operation and domain prefix stands for the Literal ACLs under it, and reaches every resource created under the prefix later; ${mode === 'literal-and-prefixed' ? 'the Literal ACLs stay until the next step' : 'apply it before the Literal ACLs it replaces are removed'}`,
  fix:
    mode === 'literal-and-prefixed'
      ? undefined
      : 'switch in two applies: acl.patterns "literal-and-prefixed" first, "prefixed" once that is applied (docs/acls.md)',
});

export const aclPatternReplaced = (acl: string, by: readonly string[]): Text => ({
  title: `${acl} replaced`,
  reason: `access stays: ${by.join('; ')} already grants it and was applied before this change (the second step of an ACL pattern switch)`,
});

export const aclPatternSwitchOneApply = (acl: string, by: readonly string[]): Text => ({
  title: `${acl} removed in the same apply that creates its replacement`,
  reason: `${by.join('; ')} will grant the same access, but terraform may delete this ACL before it creates that one (it orders neither and runs up to ten at once): the clients are denied in between, or for good if the create fails`,
  fix: 'switch in two applies: set acl.patterns to "literal-and-prefixed" and apply, then set the target mode and apply again (docs/acls.md "Prefixed ACL mode")',
});

export const denyAclAdded = (acl: string): Text => ({
  title: `new Deny ${acl}`,
  reason: 'Deny overrides every matching Allow: a declared consumer or producer that matches it loses access',
});

export const aclRemovedStillNeeded = (acl: string, neededBy: readonly string[]): Text => ({
  title: `${acl} removed while still needed`,
  reason: `the head declarations still need it${neededBy.length > 0 ? ` (${neededBy.join('; ')})` : ''}: the client is denied as soon as terraform applies`,
  fix: 'keep the ACL',
});

export const accessRemoved = (acl: string, neededBy: readonly string[]): Text => ({
  title: `${acl} removed`,
  reason: `no declaration needs it any more${neededBy.length > 0 ? ` (it was needed by: ${neededBy.join('; ')})` : ''}; clients still using it are denied once terraform applies`,
});

/** What a client can no longer do without an MSK IAM action (AWS, "Semantics of IAM authorization policy actions and resources"). */
const IAM_BREAKS: Readonly<Record<string, string>> = {
  'kafka-cluster:Connect': 'it cannot connect and authenticate to the cluster at all',
  'kafka-cluster:ReadData': 'its fetches are refused (TopicAuthorizationException): consumption stops',
  'kafka-cluster:WriteData': 'its produce requests are refused (TopicAuthorizationException): writes fail',
  'kafka-cluster:DescribeTopic': 'it cannot read the topic metadata, so it can neither produce nor consume',
  'kafka-cluster:AlterGroup': 'it cannot join its consumer group or commit offsets (GroupAuthorizationException)',
  'kafka-cluster:DescribeGroup': 'it cannot find its consumer group coordinator or read committed offsets',
  'kafka-cluster:AlterTransactionalId': 'it cannot begin or commit transactions (TransactionalIdAuthorizationException)',
  'kafka-cluster:DescribeTransactionalId': 'it cannot initialize its transactional producer',
  'kafka-cluster:WriteDataIdempotently': 'its idempotent producer cannot get a producer id: writes fail',
  'kafka-cluster:CreateTopic': 'it cannot create its internal topics',
  'kafka-cluster:DeleteTopic': 'it cannot purge or reset its internal topics',
};

export const iamGrantRemovedStillNeeded = (grant: string, action: string, neededBy: readonly string[]): Text => ({
  title: `${grant} removed while still needed`,
  reason: `the head declarations still need it (${neededBy.join('; ')}): once the policy changes, ${IAM_BREAKS[action] ?? 'the client is denied'}`,
  fix: 'keep the action in the policy',
});

export const iamAccessRemoved = (grant: string, neededBy: readonly string[], stillIam: boolean): Text => ({
  title: `${grant} removed`,
  reason: stillIam
    ? `no declaration needs it any more${neededBy.length > 0 ? ` (it was needed by: ${neededBy.join('; ')})` : ''}; clients still using it are denied once the policy changes`
    : 'the environment no longer uses MSK IAM access control: its access is granted otherwise (see the provider change)',
});

export const iamGrantAdded = (grant: string): Text => ({ title: `new ${grant}`, reason: "the principal's IAM policy allows it" });

export const iamGrantCovered = (grant: string, by: string): Text => ({
  title: `${grant} replaced`,
  reason: `${by} of the same policy still allows it: no client loses access`,
});

export const iamWildcardGrantAdded = (grant: string): Text => ({
  title: `new wildcard ${grant}`,
  reason:
    'the resource ends in `*`: it covers every resource whose name starts with the prefix, including ones created later, and no declared transactional producer, Streams application or ACL pattern mode explains it',
});

export const addressChanged = (what: string, from: string, to: string): Text => ({
  title: `${what} moves from ${from} to ${to} without a moved block`,
  reason: `the content is identical, but terraform sees a new resource and an old one: it creates ${to} and deletes ${from}, and the delete removes the ${what.startsWith('ACL') ? 'ACL from the broker (access gone)' : 'topic with its records'}; add moved { from = ${from}, to = ${to} }`,
});

export const addressMoved = (what: string, from: string, to: string): Text => ({
  title: `${what} moves from ${from} to ${to}`,
  reason: 'a moved block covers it: terraform renames the address in its state and touches nothing on the cluster',
});

export const stackMoved = (what: string, from: string, to: string): Text => ({
  title: `${what} moves from stack ${from} to stack ${to}`,
  reason: `stack ${from} forgets it (removed block, destroy = false) and stack ${to} imports it: nothing is created or deleted on the cluster; apply ${from} first`,
});

export const moveWithoutImport = (what: string, from: string, to: string): Text => ({
  title: `${what} moves from stack ${from} to stack ${to} without an import`,
  reason: `stack ${from} forgets it, but stack ${to} creates it again instead of importing it: a topic fails with "already exists", an ACL is created anew instead of adopted; add import { to = …, id = … } in ${to}`,
});

export const movedWithoutRemoved = (what: string, from: string, to: string): Text => ({
  title: `${what} moves from stack ${from} to stack ${to}, and ${from} deletes it`,
  reason: `stack ${from} has no removed block with destroy = false, so applying ${from} deletes it from the cluster (a topic loses its records, an ACL its access) whatever ${to} does; ${moveHint}`,
});

export const leftUnmanaged = (what: string): Text => ({
  title: `${what} left on the cluster, unmanaged`,
  reason: 'a removed block with destroy = false takes it out of Terraform, and no stack imports it: it stays on the cluster with nobody managing it',
});

export const suppressionAdded = (subject: string, ruleId: string, reason: string): Text => ({
  title: `lint rule ${ruleId} suppressed on ${subject}`,
  reason: `stated reason: "${reason}"; a suppression switches the rule off for good, so it needs a reviewer's agreement`,
});

export const declarationChanged = (subject: string, fields: readonly string[]): Text => ({
  title: `declaration of ${subject} changed: ${fields.join(', ')}`,
  reason: 'declared fields only (documentation, design notes, owners); any Terraform change they cause is listed as its own finding',
});

export const planDelete = (what: string, actions: string): Text => ({
  title: `terraform plans to ${actions} ${what}`,
  reason: 'the plan deletes it, and the two outputs do not explain why: the cluster or the state differs from the base output; read the plan before applying',
});

/** Why a principal's service account, IAM policy or attachment going away matters: who loses access, and for how long. */
export const principalClientsLoseAccess = (principal: string, clients: readonly string[], replace: boolean): string =>
  `${principal} still has clients (${clients.join(', ')}): they lose access ${replace ? 'until terraform has created it again (a new service account also has a new id, which none of their API keys belongs to)' : 'for good'}`;

const SETTINGS_WHY: Readonly<Record<string, string>> = {
  backend: 'at the next terraform init the state, and the backend credentials CI holds, go to the new backend',
  provider: 'the provider settings decide how terraform authenticates to the cluster and whether the connection is encrypted',
  variables: 'the variables decide what CI must supply and whether terraform records it (sensitive, ephemeral)',
  'required-providers': 'another provider or version runs with the cluster credentials',
};

export const settingsChanged = (part: string, stack: string, keys: readonly string[], comparedWith: string | null): Text => ({
  title: `${part} settings of stack ${stack} ${comparedWith === null ? 'changed' : `differ from stack ${comparedWith} of the same environment`}: ${keys.join(', ')}`,
  reason: `${SETTINGS_WHY[part] ?? 'these settings reach terraform'}; topicform guard refuses to plan it before the change is merged; ${ackHint}`,
});

export const environmentAdded = (stack: string, environment: string): Text => ({
  title: `stack ${stack} of a new environment ${environment}`,
  reason:
    'the base has no stack of this environment to compare with: read its backend, provider and variables below; nothing plans it before the change is merged and its CI environments exist',
});

export const ownerChanged = (domain: string, before: string, after: string): Text => ({
  title: `domain ${domain}: owner ${before} → ${after}`,
  reason: `the owner approves every change of the domain's topics and access: ${before} and ${after} both review this change (required reviewers)`,
});
