/**
 * Every problem resolve reports and every explanation it writes beside a derived value, as factories: the sentence,
 * its code and the field it is about in one place. Lowercase, no trailing period, values shown (STYLE.md convention 7).
 */
import type { Issue } from '../issues';

/** A `did you mean` hint when a close name exists. */
const guessed = (guess: string | undefined): { hint?: string } => (guess === undefined ? {} : { hint: `did you mean "${guess}"?` });

// Declared twice ----------------------------------------------------------------------------------------------------

export const duplicateDomain = (name: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-domain',
  message: `domain "${name}" is declared twice (first at ${first})`,
});

export const duplicateTopic = (event: string, domain: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-topic',
  message: `event topic "${event}" is declared twice in domain "${domain}" (first at ${first})`,
});

export const duplicateConsumerGroup = (group: string, domain: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-consumer-group',
  message: `consumer group "${group}" is declared twice in domain "${domain}" (first at ${first})`,
});

export const duplicateProducer = (service: string, principal: string, topic: string, first: string): Issue => ({
  path: 'service',
  code: 'duplicate-producer',
  message: `${service} (${principal}) is granted produce on "${topic}" twice (first at ${first})`,
});

export const duplicateGroupId = (groupId: string, clash: string): Issue => ({
  path: 'groupId',
  code: 'duplicate-group-id',
  message: `group id "${groupId}" is also used by ${clash}; a group id is global to the cluster`,
});

export const duplicateSubscription = (path: string, group: string, topic: string): Issue => ({
  path,
  code: 'duplicate-subscription',
  message: `group "${group}" subscribes to "${topic}" twice`,
});

// References -------------------------------------------------------------------------------------------------------

export const unknownDomain = (path: string, name: string, guess: string | undefined): Issue => ({
  path,
  code: 'unknown-domain',
  message: `domain "${name}" is not declared`,
  ...guessed(guess),
});

export const unknownTopic = (path: string, ref: string, guess: string | undefined): Issue => ({
  path,
  code: 'unknown-topic',
  message: `event topic "${ref}" is not declared`,
  ...guessed(guess),
});

export const crossDomainReadWithoutReason = (path: string, group: string, topic: string, domain: string): Issue => ({
  path,
  code: 'cross-domain-read-without-reason',
  message: `group "${group}" reads "${topic}" of domain "${domain}" without a stated reason`,
  hint: `access to another domain's events is its owner's decision: give a reason`,
});

// Principals and quotas --------------------------------------------------------------------------------------------

export const principalTypeNotAllowed = (principal: string, type: string, environment: string, allowed: readonly string[]): Issue => ({
  path: 'principal',
  code: 'principal-type-not-allowed',
  message: `principal "${principal}" has type "${type}", which environment "${environment}" does not allow (allowed: ${allowed.join(', ')})`,
  hint: `Kafka's authorizer matches only "User:" principals unless the brokers run a custom principal builder: use KafkaPrincipal.user(…), or add "${type}" to the environment's principalTypes if they do`,
});

export const quotaOverrideNotUser = (path: string, principal: string): Issue => ({
  path,
  code: 'quota-override-not-user',
  message: `quota override for "${principal}": Kafka's user quotas apply to "User:" principals only`,
});

export const quotaOverrideUnknownPrincipal = (path: string, principal: string, environment: string, guess: string | undefined): Issue => ({
  path,
  code: 'quota-override-unknown-principal',
  message: `quota override for "${principal}", which no producer or consumer group of environment "${environment}" uses`,
  ...guessed(guess),
});

export const scramPrincipalNotUser = (path: string, principal: string): Issue => ({
  path,
  code: 'scram-principal-not-user',
  message: `SCRAM credential for "${principal}": SCRAM credentials belong to "User:" principals, whose name is the user name`,
});

export const scramPrincipalUnknown = (path: string, principal: string, environment: string, guess: string | undefined): Issue => ({
  path,
  code: 'scram-principal-unknown',
  // A warning, not an error: an app that declares only some domains (a subset, an example) shares environments.ts.
  severity: 'warning',
  message: `SCRAM credential for "${principal}", which no client (producer, consumer group, Streams application, Connect worker or connector) of environment "${environment}" uses: not created`,
  ...guessed(guess),
});

export const scramVariableClash = (path: string, principal: string, first: string, variable: string): Issue => ({
  path,
  code: 'scram-variable-clash',
  message: `SCRAM credentials for "${first}" and "${principal}" would both read their password from variable "${variable}"`,
  hint: 'user names that differ only in characters other than letters, digits and "_" share a variable name: rename one principal',
});

// Topic configs ----------------------------------------------------------------------------------------------------

export const derivedConfigKey = (key: string, field: string): Issue => ({
  path: `config["${key}"]`,
  code: 'derived-config-key',
  message: `"${key}" is derived from ${field}; set it there`,
  hint: `remove "${key}" from config`,
});

export const derivedDeadLetterConfigKey = (key: string, why: string): Issue => ({
  path: `deadLetter.config["${key}"]`,
  code: 'derived-config-key',
  message: `"${key}" of a dead-letter topic is ${why}`,
  hint: `remove "${key}" from deadLetter.config`,
});

export const cleanupPolicyContradictsReplay = (declared: string, replay: 'window' | 'full', needed: string): Issue => ({
  path: 'cleanupPolicy',
  code: 'cleanup-policy-contradicts-replay',
  message: `cleanup policy "${declared}" contradicts replay "${replay}", which needs "${needed}"`,
  hint:
    replay === 'full'
      ? "a full replay keeps every key's latest state: use compaction"
      : 'a replay window keeps every event for the window: use delete, or declare Replay.full()',
});

/** Harmless (compaction alone never deletes by time) but misleading: a warning, so a cluster's override can be kept. */
export const retentionOnCompactedTopic = (): Issue => ({
  path: 'config["retention.ms"]',
  code: 'retention-on-compacted-topic',
  severity: 'warning',
  message: "retention.ms has no effect on a compacted topic (full replay keeps every key's latest value)",
  hint: 'remove it, or declare Replay.full({ longestReindex, expireAfter }) if keys may expire',
});

export const retryPartitionsWithoutRetries = (group: string): Issue => ({
  path: 'retryPartitions',
  code: 'retry-partitions-without-retries',
  message: `group "${group}" declares retry partitions but no retry tiers`,
  hint: 'declare retries, or remove retryPartitions',
});

// Topic names ------------------------------------------------------------------------------------------------------

export const duplicateTopicName = (name: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-topic-name',
  message: `topic "${name}" is also declared at ${first}`,
});

export const topicNameCollision = (name: string, other: string, first: string): Issue => ({
  path: 'name',
  code: 'topic-name-collision',
  message: `topic "${name}" differs from "${other}" (${first}) only by "." versus "_"; Kafka rejects the second one`,
  hint: 'rename one of them',
});

// Explanations of derived values (written into the Topology, shown by lint and the docs) ---------------------------

export const DECLARED = 'declared';

export const retentionDeclaredInConfig = (declared: string, derived: string): string => `${declared} declared in config (derived would be ${derived})`;

export const retryPartitionsOfParent = (parent: string): string => `same as ${parent}: read by the same group instances`;

export const deadLetterPartitions = (count: number, standard: number, parent: string): string =>
  `dead letters are rare: ${count} (${standard}, or fewer when ${parent} has fewer)`;

/** The configs a dead-letter topic derives, and why each cannot be declared in its `deadLetter.config`. */
export const DEAD_LETTER_DERIVED_KEYS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'derived (dead letters are deleted after their retention)',
  'min.insync.replicas': 'derived from the subscribed topic',
  'retention.ms': 'deadLetter.retention',
  'retention.bytes': 'not declarable on a dead-letter topic',
};

// Kafka Streams applications (model/resolve/streams-applications.ts)

export const duplicateStreamsApplication = (name: string, domain: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-streams-application',
  message: `streams application "${name}" is declared twice in domain "${domain}" (first at ${first})`,
});

export const duplicateStreamsTopic = (path: string, app: string, topic: string, list: 'inputs' | 'outputs'): Issue => ({
  path,
  code: 'duplicate-streams-topic',
  message: `streams application "${app}" lists "${topic}" twice in its ${list}`,
});

export const crossDomainStreamsWithoutReason = (path: string, app: string, verb: 'reads' | 'writes', topic: string, domain: string): Issue => ({
  path,
  code: verb === 'reads' ? 'cross-domain-read-without-reason' : 'cross-domain-write-without-reason',
  message: `streams application "${app}" ${verb} "${topic}" of domain "${domain}" without a stated reason`,
  hint: `access to another domain's event stream is its owner's decision: state why in ${path}`,
});
