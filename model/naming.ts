/**
 * Topic names: the default convention, the companions' names (DESIGN.md "Decisions": these names are a contract,
 * renaming is a delete + create) and Kafka's legality rules.
 */
import { z } from 'zod';
import type { Issue } from './issues';
import { MAX_TOPIC_NAME_LENGTH } from './limits';

const LEGAL_TOPIC_CHARS = /^[a-zA-Z0-9._-]+$/;

/**
 * An explicit topic name (EventTopic `topicName`): Kafka's legality rules, errors only (collisions and the `.`/`_`
 * warning are checked on the full, prefixed names of all topics, in resolve).
 */
export const topicNameSchema = z.string().superRefine((name, ctx) => {
  for (const issue of checkTopicName(name)) {
    if ((issue.severity ?? 'error') === 'error') ctx.addIssue({ code: 'custom', message: issue.message });
  }
});

/**
 * The domain `topicform import` puts topics and ACLs in that no naming convention assigns to a domain. Lint warns
 * about it (TF-DOMAIN-003): every topic belongs to exactly one owning domain.
 */
export const UNASSIGNED_DOMAIN = 'unassigned';

/** Kafka's internal topics and the internal topics of common platform components: never adopted, never declared. */
export function isInternalTopic(name: string): boolean {
  // `__consumer_offsets`, `__transaction_state`, `__cluster_metadata`; `_schemas`, `_confluent-*` (Schema Registry,
  // Confluent Platform). A leading underscore is the convention for component-owned topics.
  return name.startsWith('_');
}

/** `<prefix><domain>.<event>`. */
export function eventTopicName(prefix: string, domain: string, event: string): string {
  return `${prefix}${domain}.${event}`;
}

/**
 * The part of a companion's name that names the consuming group: its short name when the group belongs to the topic's
 * domain, `<consumer-domain>.<group>` otherwise (so two domains' groups of the same name never share a DLQ).
 */
export function groupPart(topicDomain: string, groupDomain: string, groupName: string): string {
  return topicDomain === groupDomain ? groupName : `${groupDomain}.${groupName}`;
}

/** `<topic>.<group>.dlq`. */
export function deadLetterTopicName(topicName: string, part: string): string {
  return `${topicName}.${part}.dlq`;
}

/** `<topic>.<group>.retry-<n>`, n from 1. */
export function retryTopicName(topicName: string, part: string, tier: number): string {
  return `${topicName}.${part}.retry-${tier}`;
}

/** `<domain>.<group>`. */
export function defaultGroupId(domain: string, group: string): string {
  return `${domain}.${group}`;
}

/** Kafka's rules for one topic name. */
export function checkTopicName(name: string): Issue[] {
  const issues: Issue[] = [];
  if (name === '.' || name === '..') {
    issues.push({ path: '', code: 'illegal-topic-name', message: `topic name "${name}" is reserved by Kafka` });
  }
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    issues.push({
      path: '',
      code: 'topic-name-too-long',
      message: `topic name "${name.slice(0, 40)}…" is ${name.length} characters; Kafka allows at most ${MAX_TOPIC_NAME_LENGTH}`,
      hint: 'shorten the domain, event or group name',
    });
  }
  if (!LEGAL_TOPIC_CHARS.test(name)) {
    issues.push({ path: '', code: 'illegal-topic-name', message: `topic name "${name}" may contain only letters, digits, ".", "_" and "-"` });
  }
  if (name.includes('.') && name.includes('_')) {
    issues.push({
      path: '',
      code: 'mixed-topic-name-separators',
      severity: 'warning',
      message: `topic name "${name}" mixes "." and "_", which Kafka's metric names treat as the same character`,
      hint: 'use one separator',
    });
  }
  return issues;
}

/** The key under which Kafka's metrics confuse two names: `.` and `_` are the same. */
export function metricCollisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

/**
 * A Terraform address part for a topic: its metric collision key (`.` → `_`), which is unique among the topics of one
 * cluster because Kafka rejects two names that share it. A key that cannot start a Terraform name, or that starts with
 * the escape `t_` itself, is escaped with `t_`, so the mapping stays injective.
 */
export function topicAddress(name: string): string {
  const key = metricCollisionKey(name);
  return /^[A-Za-z]/.test(key) && !key.startsWith('t_') ? key : `t_${key}`;
}
