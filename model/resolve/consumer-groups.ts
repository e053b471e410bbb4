/**
 * Step 6, consumer groups and their companions: per subscription a dead-letter topic (unless turned off) and one retry
 * topic per declared delay, named as DESIGN.md "Decisions" fixes (these names are a contract), owned by the group's
 * domain, with the parent topic's replication.
 */
import { toMs } from '../duration';
import { DEAD_LETTER_PARTITIONS } from '../limits';
import { deadLetterTopicName, defaultGroupId, groupPart, retryTopicName } from '../naming';
import { topicRefKey, type ConsumerGroupDeclaration, type Environment } from '../schema';
import { deadLetterRetention, retryRetention } from '../sizing/retention';
import type { ResolvedCompanionTopic, ResolvedConsumerGroup, ResolvedEventTopic, ResolvedSubscription, SizedValue } from '../topology';
import { compare, sortRecord } from './collect';
import * as m from './messages';

/** The group resolved, and the companion topics its subscriptions need (to be added to the Topology's topics). */
export function resolveConsumerGroup(
  g: ConsumerGroupDeclaration,
  eventTopics: ReadonlyMap<string, ResolvedEventTopic>,
  env: Environment,
): { readonly group: ResolvedConsumerGroup; readonly companions: ResolvedCompanionTopic[] } {
  const subscriptions: ResolvedSubscription[] = [];
  const all: ResolvedCompanionTopic[] = [];
  const seen = new Set<string>();
  for (const s of g.subscriptions) {
    const parent = eventTopics.get(topicRefKey(s.topic));
    if (parent === undefined || seen.has(parent.name)) continue;
    seen.add(parent.name);
    const companions = companionTopics(parent, g, env);
    all.push(...companions);
    subscriptions.push({
      topic: s.topic,
      topicName: parent.name,
      ...(s.reason === undefined ? {} : { reason: s.reason }),
      deadLetterTopic: companions.find((c) => c.kind === 'dead-letter')?.name ?? null,
      retryTopics: companions.filter((c) => c.kind === 'retry').map((c) => c.name),
    });
  }
  const group: ResolvedConsumerGroup = {
    domain: g.domain,
    name: g.name,
    groupId: g.groupId ?? defaultGroupId(g.domain, g.name),
    service: g.service,
    principal: g.principal,
    subscriptions: subscriptions.sort((a, b) => compare(a.topicName, b.topicName)),
    deadLetter: g.deadLetter !== false,
    retryDelaysMs: g.retries.map(toMs),
    idempotency: g.idempotency ?? null,
    // Absent when not stated, so that a group without a statement resolves as it did before statements existed.
    ...(g.replaySafety === undefined ? {} : { replaySafety: g.replaySafety }),
    processingTimePerMessageMs: g.processingTimePerMessage === undefined ? null : toMs(g.processingTimePerMessage),
    maxProcessingLagMs: g.maxProcessingLag === undefined ? null : toMs(g.maxProcessingLag),
    offsetCommit: g.offsetCommit,
    processing: g.processing,
    suppressions: g.suppressions,
    source: g.source,
  };
  return { group, companions: all };
}

function companionTopics(parent: ResolvedEventTopic, g: ConsumerGroupDeclaration, env: Environment): ResolvedCompanionTopic[] {
  const part = groupPart(parent.domain, g.domain, g.name);
  const groupId = g.groupId ?? defaultGroupId(g.domain, g.name);
  // Every field written out rather than spread from a shared base: V8 gives each object built by `{ ...base, more }`
  // in a loop a hidden class of its own (~500 bytes; ~20,000 companions at 10,000 topics). Keys in sorted order, as
  // canonical JSON writes them, so that it need not copy the object.
  const companion = (
    kind: ResolvedCompanionTopic['kind'],
    name: string,
    partitions: SizedValue<number>,
    retentionMs: SizedValue<number>,
    config: Record<string, string>,
    retry?: ResolvedCompanionTopic['retry'],
  ): ResolvedCompanionTopic => {
    const topic: ResolvedCompanionTopic = {
      cleanupPolicy: 'delete',
      config,
      domain: g.domain,
      groupId,
      kind,
      minInsyncReplicas: parent.minInsyncReplicas,
      name,
      parent: parent.ref,
      partitions,
      protect: env.production,
      replicationFactor: parent.replicationFactor,
      retentionMs,
      ...(retry === undefined ? {} : { retry }),
      source: g.source,
    };
    return topic;
  };
  const companions: ResolvedCompanionTopic[] = g.retries.map((delay, i) => {
    const retention = retryRetention(toMs(delay));
    // Retry tiers are read by the same group with the same parallelism as the main topic, unless declared.
    const partitions =
      g.retryPartitions === undefined
        ? { value: parent.partitions.value, explanation: m.retryPartitionsOfParent(parent.name) }
        : { value: g.retryPartitions, explanation: m.DECLARED };
    return companion('retry', retryTopicName(parent.name, part, i + 1), partitions, retention, companionConfig(retention.value, parent.minInsyncReplicas), {
      tier: i + 1,
      delayMs: toMs(delay),
    });
  });
  if (g.deadLetter !== false) {
    const shape = g.deadLetter === true ? undefined : g.deadLetter;
    const retention: SizedValue<number> = shape?.retention === undefined ? deadLetterRetention() : { value: toMs(shape.retention), explanation: m.DECLARED };
    const count = Math.min(DEAD_LETTER_PARTITIONS, parent.partitions.value);
    const partitions =
      shape?.partitions === undefined
        ? { value: count, explanation: m.deadLetterPartitions(count, DEAD_LETTER_PARTITIONS, parent.name) }
        : { value: shape.partitions, explanation: m.DECLARED };
    companions.push(
      companion(
        'dead-letter',
        deadLetterTopicName(parent.name, part),
        partitions,
        retention,
        companionConfig(retention.value, parent.minInsyncReplicas, shape?.config),
      ),
    );
  }
  return companions;
}

function companionConfig(retentionMs: number, minIsr: number, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return sortRecord({ ...extra, 'cleanup.policy': 'delete', 'min.insync.replicas': String(minIsr), 'retention.ms': String(retentionMs) });
}
