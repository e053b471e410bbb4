/**
 * The ACLs the model derives for one imported consumer group or producer, computed with the model's own deriveAcls on
 * the group or producer as resolve will see it, so the importer maps an ACL only when adopting it creates nothing.
 */
import type { AccessEventTopic } from './access';
import { deriveAcls } from '../../model/acl';
import type { DurationString } from '../../model/duration';
import { DEFAULT_DELIVERY_TIMEOUT_MS, DEFAULT_RETRY_BACKOFF_MAX_MS, DEFAULT_RETRY_BACKOFF_MS } from '../../model/limits';
import { deadLetterTopicName, retryTopicName } from '../../model/naming';
import type { Environment } from '../../model/schema';
import type { ResolvedConsumerGroup, ResolvedProducer } from '../../model/topology';

/** A consumer group the importer considers: its id, and the domain and short name it would be declared with. */
export interface GroupCandidate {
  readonly groupId: string;
  readonly domain: string;
  readonly name: string;
  readonly explicitGroupId: boolean;
}

/** One way to declare a group: its subscriptions, and whether it has a DLQ and retry tiers. */
export interface GroupVariant {
  readonly subscriptions: readonly string[];
  readonly deadLetter: boolean;
  readonly retries: readonly DurationString[];
}

/** The ACL ids the model derives for a group: model/acl.ts deriveAcls on the group as resolve would see it. */
export function groupAclIds(
  c: GroupCandidate,
  v: GroupVariant,
  principal: string,
  service: string,
  eventTopics: ReadonlyMap<string, AccessEventTopic>,
  eventOwners: ReadonlyMap<string, string>,
  partOf: (c: GroupCandidate, topic: string) => string,
  env: Environment,
): string[] {
  const owners = new Map(eventOwners);
  const subscriptions = v.subscriptions.map((t) => {
    const part = partOf(c, t);
    const dlq = v.deadLetter ? deadLetterTopicName(t, part) : null;
    const retryTopics = v.retries.map((_, i) => retryTopicName(t, part, i + 1));
    for (const name of [...(dlq === null ? [] : [dlq]), ...retryTopics]) owners.set(name, c.domain);
    const topic = eventTopics.get(t) as AccessEventTopic;
    return { topic: { domain: topic.domain, event: topic.event }, topicName: t, deadLetterTopic: dlq, retryTopics };
  });
  const group: ResolvedConsumerGroup = {
    domain: c.domain,
    name: c.name,
    groupId: c.groupId,
    service,
    principal,
    subscriptions,
    deadLetter: v.deadLetter,
    retryDelaysMs: [],
    idempotency: null,
    processingTimePerMessageMs: null,
    maxProcessingLagMs: null,
    offsetCommit: { mode: 'manual' },
    processing: 'sync',
    suppressions: [],
    source: { path: 'import' },
  };
  return deriveAcls([group], [], owners, { ...env.acl, topicPrefix: env.topicPrefix }).map((a) => a.id);
}

export function producerAclIds(
  principal: string,
  service: string,
  topic: AccessEventTopic,
  prefix: string | undefined,
  owners: ReadonlyMap<string, string>,
  env: Environment,
): string[] {
  const producer: ResolvedProducer = {
    topic: { domain: topic.domain, event: topic.event },
    topicName: topic.name,
    service,
    principal,
    idempotent: true,
    transactionalIdPrefix: prefix ?? null,
    delivery: { timeoutMs: DEFAULT_DELIVERY_TIMEOUT_MS, backoffMs: DEFAULT_RETRY_BACKOFF_MS, backoffMaxMs: DEFAULT_RETRY_BACKOFF_MAX_MS, retries: null },
    suppressions: [],
    source: { path: 'import' },
  };
  return deriveAcls([], [producer], owners, { ...env.acl, topicPrefix: env.topicPrefix }).map((a) => a.id);
}
