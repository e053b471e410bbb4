/**
 * Step 5, event topics: each declared topic with its environment's replication, its cleanup policy from the replay
 * declaration, partitions sized for its producers and its slowest reader, retention sized for its replay window and
 * its readers' tolerated lag, and its declared configs on top.
 */
import { formatMs, toMs } from '../duration';
import { hasErrors, type Issue } from '../issues';
import {
  impliedSubjectNaming,
  topicRefKey,
  type ConnectorDeclaration,
  type ConsumerGroupDeclaration,
  type ContractDeclaration,
  type Environment,
  type EventTopicDeclaration,
  type StreamsApplicationDeclaration,
  type TopicRef,
} from '../schema';
import { defaultGroupId } from '../naming';
import { appendTo } from '../group-by';
import { sizePartitions, type ReaderParallelism } from '../sizing/partitions';
import { sizeExpiryRetention, sizeTombstoneRetention, sizeWindowRetention } from '../sizing/retention';
import type { ResolvedEventTopic, SizedValue } from '../topology';
import type { CleanupPolicy } from '../vocabulary';
import { withoutDerivedKeys } from './checks';
import { maxOf, sortRecord, type Collector } from './collect';
import * as m from './messages';

/** DESIGN.md "Replay and cleanup": a window deletes, a full replay compacts, with expiring keys it does both. */
function derivedCleanupPolicy(t: EventTopicDeclaration): CleanupPolicy {
  if (t.replay.kind === 'window') return 'delete';
  return t.replay.expireAfter === undefined ? 'compact' : 'compact,delete';
}

export function resolveEventTopic(
  t: EventTopicDeclaration,
  env: Environment,
  readers: readonly ConsumerGroupDeclaration[],
  name: string,
  out: Collector,
  readerParallelism: readonly ReaderParallelism[] = [],
): ResolvedEventTopic | undefined {
  const issues: Issue[] = [];
  const factor = t.replication?.factor ?? env.replicationFactor;
  const minIsr = t.replication?.minInsyncReplicas ?? env.minInsyncReplicas;

  const cleanupPolicy = derivedCleanupPolicy(t);
  if (t.cleanupPolicy !== undefined && t.cleanupPolicy !== cleanupPolicy) {
    issues.push(m.cleanupPolicyContradictsReplay(t.cleanupPolicy, t.replay.kind, cleanupPolicy));
  }
  const configToCheck = withoutDerivedKeys(t.config);
  if (t.replay.kind === 'full' && t.replay.expireAfter === undefined && configToCheck['retention.ms'] !== undefined) issues.push(m.retentionOnCompactedTopic());
  const slowest = maxOf(readers.map((g) => (g.processingTimePerMessage === undefined ? undefined : toMs(g.processingTimePerMessage))));
  const largestLag = maxOf(readers.map((g) => (g.maxProcessingLag === undefined ? undefined : toMs(g.maxProcessingLag)))) ?? 0;
  const partitions = sizePartitions({
    ...(t.partitions === undefined ? {} : { partitions: t.partitions }),
    ...(t.throughput === undefined ? {} : { throughput: t.throughput }),
    ...(slowest === undefined ? {} : { slowestProcessingMs: slowest }),
    ...(readerParallelism.length === 0 ? {} : { readerParallelism }),
  });

  const config: Record<string, string> = {};
  let retentionMs: SizedValue<number> | null = null;
  if (t.replay.kind === 'window') {
    retentionMs = sizeWindowRetention(toMs(t.replay.window), largestLag);
    config['retention.ms'] = String(retentionMs.value);
  } else {
    const tombstones = sizeTombstoneRetention(toMs(t.replay.longestReindex));
    config['delete.retention.ms'] = String(tombstones.value);
    if (t.replay.expireAfter !== undefined) {
      retentionMs = sizeExpiryRetention(toMs(t.replay.expireAfter), largestLag);
      config['retention.ms'] = String(retentionMs.value);
    }
  }
  config['cleanup.policy'] = cleanupPolicy;
  config['min.insync.replicas'] = String(minIsr);
  if (t.retentionBytes !== undefined) config['retention.bytes'] = String(t.retentionBytes);
  // Declared configs win over derived values: an explicit retention.ms is a reviewed decision (lint checks it against the window).
  for (const [k, v] of Object.entries(configToCheck)) config[k] = v;
  if (configToCheck['retention.ms'] !== undefined && retentionMs !== null) {
    const declared = Number(configToCheck['retention.ms']);
    retentionMs = { value: declared, explanation: m.retentionDeclaredInConfig(formatMs(declared), formatMs(retentionMs.value)) };
  }

  out.add(t.source, ...issues);
  if (hasErrors(issues)) return undefined;
  return {
    kind: 'event',
    name,
    domain: t.domain,
    ref: { domain: t.domain, event: t.name },
    ...(t.description === undefined ? {} : { description: t.description }),
    eventTypes: [...t.eventTypes],
    key: t.key ?? null,
    aggregate: t.aggregate ?? (t.key === undefined ? null : { name: t.key.aggregate }),
    ordering: t.ordering,
    throughput: t.throughput ?? null,
    replay: t.replay,
    retentionBytes: t.retentionBytes ?? null,
    ...(t.replication === undefined ? {} : { replication: declaredReplication(t.replication) }),
    contract: withSubjectNaming(t.contract),
    suppressions: t.suppressions,
    partitions,
    replicationFactor: factor,
    minInsyncReplicas: minIsr,
    cleanupPolicy,
    retentionMs,
    config: sortRecord(config),
    protect: env.production,
    source: t.source,
  };
}

/** A topic's replication override with only the fields it declares. */
function declaredReplication(replication: { readonly factor?: number | undefined; readonly minInsyncReplicas?: number | undefined }): {
  factor?: number;
  minInsyncReplicas?: number;
} {
  return {
    ...(replication.factor === undefined ? {} : { factor: replication.factor }),
    ...(replication.minInsyncReplicas === undefined ? {} : { minInsyncReplicas: replication.minInsyncReplicas }),
  };
}

/** The contract with the subject naming strategy its schemas imply made explicit (contracts/subjects.ts). */
function withSubjectNaming(contract: ContractDeclaration): ContractDeclaration {
  const subjectNaming = impliedSubjectNaming(contract);
  return subjectNaming === undefined ? contract : { ...contract, subjectNaming };
}

/**
 * The parallelism each topic's Kafka Streams applications (instances × threads) and sink connectors (`tasks.max`)
 * declare, by `topicRefKey`. Readers that declare none are left out: their topics are sized as before.
 */
export function readerParallelismByTopic(
  apps: readonly StreamsApplicationDeclaration[],
  connectors: readonly ConnectorDeclaration[],
): Map<string, ReaderParallelism[]> {
  const byTopic = new Map<string, ReaderParallelism[]>();
  const add = (topic: TopicRef, reader: ReaderParallelism): void => appendTo(byTopic, topicRefKey(topic), reader);
  for (const a of apps) {
    if (a.parallelism === undefined) continue;
    const { instances, threadsPerInstance } = a.parallelism;
    const id = a.applicationId ?? defaultGroupId(a.domain, a.name);
    const reader = { label: `Streams ${id} ${instances} instances × ${threadsPerInstance} threads`, count: instances * threadsPerInstance };
    for (const i of a.inputs) add(i.topic, reader);
  }
  for (const k of connectors) {
    if (k.type !== 'sink' || k.tasksMax === undefined) continue;
    for (const t of k.topics) add(t.topic, { label: `sink connector ${k.name} tasks.max ${k.tasksMax}`, count: k.tasksMax });
  }
  return byTopic;
}
