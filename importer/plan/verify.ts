/**
 * What the first `terraform plan` will show once the declarations are adopted: the resolved topology compared with the
 * cluster snapshot, resource by resource, the way the provider compares them (a topic's partitions, replication factor
 * and its topic-level configs; an ACL's seven fields).
 *
 * A config change is harmless when the broker's behaviour stays the same: a derived key written as a topic override
 * with the value the broker applies already, an override removed that falls back to the same value, or retention.ms
 * dropped from a compacted topic (compaction ignores it). Anything else — a create, a partition or replication change,
 * a different config value — blocks adoption of that resource.
 */
import type { ClusterSnapshot, SnapshotTopic } from '../snapshot';
import { effectiveValue } from './event-topic';
import type { ConfigChange } from './types';
import type { Environment } from '../../model/schema';
import type { ResolvedTopic, Topology } from '../../model/topology';

export interface TopicComparison {
  readonly name: string;
  /** The declaration that produced it (its source path). */
  readonly sourcePath: string;
  readonly kind: ResolvedTopic['kind'];
  /** Config changes the first apply makes, harmless ones marked. */
  readonly changes: readonly ConfigChange[];
  /**
   * Configs the declarations derive that the topic gets from the broker already, with no topic override: adopted with
   * `adopt.brokerDefaults`, they are not rendered, so the first apply writes nothing for them.
   */
  readonly brokerLevel: Readonly<Record<string, string>>;
  /** Why the topic cannot be adopted as declared (partition/replication changes, a create, a real config change). */
  readonly blocking: readonly string[];
}

export interface Comparison {
  readonly topics: readonly TopicComparison[];
  /** ACL ids the declarations derive that the cluster does not have, with the principal. */
  readonly createdAcls: ReadonlyArray<{ readonly id: string; readonly principal: string; readonly legacySource?: string }>;
  readonly adoptTopics: readonly string[];
  readonly adoptAcls: readonly string[];
}

export function compareWithCluster(topology: Topology, snapshot: ClusterSnapshot, env: Environment): Comparison {
  const clusterTopics = new Map(snapshot.topics.map((t) => [t.name, t]));
  const clusterAcls = new Set(snapshot.acls.map((a) => a.id));
  const topics = topology.topics.map((t) => compareTopic(t, clusterTopics.get(t.name), env));
  return {
    topics,
    createdAcls: topology.acls
      .filter((a) => !clusterAcls.has(a.id))
      .map((a) => ({ id: a.id, principal: a.principal, ...(a.legacy === undefined ? {} : { legacySource: a.legacy.source.path }) })),
    adoptTopics: topology.topics.filter((t) => clusterTopics.has(t.name)).map((t) => t.name).sort(),
    adoptAcls: topology.acls.filter((a) => clusterAcls.has(a.id)).map((a) => a.id).sort(),
  };
}

function compareTopic(t: ResolvedTopic, cluster: SnapshotTopic | undefined, env: Environment): TopicComparison {
  const base = { name: t.name, sourcePath: t.source.path, kind: t.kind };
  if (cluster === undefined) return { ...base, changes: [], brokerLevel: {}, blocking: [`the declarations would create ${t.name}, which the cluster does not have`] };
  const blocking: string[] = [];
  if (t.partitions.value < cluster.partitions) blocking.push(`partitions ${cluster.partitions} → ${t.partitions.value} would replace the topic (partitions cannot be removed)`);
  if (t.partitions.value > cluster.partitions) blocking.push(`partitions ${cluster.partitions} → ${t.partitions.value} (adding partitions remaps keys)`);
  if (t.replicationFactor !== cluster.replicationFactor) blocking.push(`replication factor ${cluster.replicationFactor} → ${t.replicationFactor}`);
  const changes: ConfigChange[] = [];
  const brokerLevel: Record<string, string> = {};
  const keys = [...new Set([...Object.keys(t.config), ...Object.keys(cluster.overrides)])].sort();
  for (const key of keys) {
    const before = cluster.overrides[key] ?? null;
    const after = t.config[key] ?? null;
    if (before === after) continue;
    if (before === null && after !== null && appliedByBroker(key, after, cluster, env)) {
      brokerLevel[key] = after;
      continue;
    }
    const harmless = harmlessBecause(key, before, after, cluster, t, env);
    changes.push({ key, before, after, ...(harmless === undefined ? {} : { harmless }) });
    if (harmless === undefined) blocking.push(`${key}: ${before ?? '(not set)'} → ${after ?? '(removed)'}`);
  }
  return { ...base, changes, brokerLevel, blocking };
}

/**
 * Whether the broker applies `value` for `key` on this topic, known well enough to leave the key out of the topic's
 * config: kafka-configs showed it as a broker-level value, or kafka-topics --describe listed no value at all, which it
 * does only for Kafka's own default. A value kafka-topics listed may be a topic override (it cannot tell), an assumed
 * min.insync.replicas is the environment's guess, and kcat shows no configs: such keys stay rendered, and a change
 * stays a predicted (or uncertain) update.
 */
function appliedByBroker(key: string, value: string, cluster: SnapshotTopic, env: Environment): boolean {
  const effective = effectiveValue(cluster, key, env);
  if (effective?.value !== value) return false;
  if (cluster.configSource === 'kafka-configs') return !effective.assumed;
  return cluster.configSource === 'kafka-topics' && effective.assumed && key !== 'min.insync.replicas';
}

function harmlessBecause(key: string, before: string | null, after: string | null, cluster: SnapshotTopic, t: ResolvedTopic, env: Environment): string | undefined {
  if (before === null && after !== null) {
    const effective = effectiveValue(cluster, key, env);
    if (effective?.value !== after) return undefined;
    return effective.assumed ? `the broker applies ${after} already (assumed: no input shows the broker's value)` : `the broker applies ${after} already`;
  }
  if (before !== null && after === null) {
    if (key === 'retention.ms' && t.cleanupPolicy === 'compact') return 'retention.ms has no effect on a compacted topic';
    if (cluster.revertTo[key] === before) return `the topic falls back to the broker's ${before}`;
  }
  return undefined;
}
