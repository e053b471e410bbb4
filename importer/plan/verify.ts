/**
 * What the first `terraform plan` will show once the declarations are adopted: the resolved topology, rendered the way
 * the stack renders it (model/adopted-config.ts, the function constructs/render.ts uses), compared with the cluster
 * snapshot resource by resource the way the provider compares them — a topic's partitions, replication factor and
 * config map; an ACL's seven fields. The summary's predictions are this comparison, so they agree with the plan.
 *
 * Adoption declares what was found: a config the declarations resolve that the topic has no override for, with the
 * value the broker applies already, is left to the broker (`brokerDefaults`, not rendered). Anything else the plan
 * would change — a create, a partition or replication change, a different config value — blocks adoption of that
 * resource, except removing an override the model cannot declare (`retention.bytes=-1`) when the topic is known to
 * fall back to the same value: that is a real in-place update, predicted and explained.
 */
import type { ClusterSnapshot, SnapshotTopic } from '../snapshot';
import { effectiveValue } from './event-topic';
import type { ConfigChange } from './types';
import { renderedTopicConfig } from '../../model/adopted-config';
import { connectTopics } from '../../model/resolve/connect';
import type { ResolvedConnectTopic, ResolvedTopic, Topology } from '../../model/topology';

export interface TopicComparison {
  readonly name: string;
  /** The declaration that produced it (its source path). */
  readonly sourcePath: string;
  readonly kind: ResolvedTopic['kind'] | ResolvedConnectTopic['kind'];
  /** Config changes the first apply makes, each with why it is not a change of what the broker does. */
  readonly changes: readonly ConfigChange[];
  /**
   * Configs the declarations resolve that the topic gets from the broker already, with no topic override: adopted
   * with `adopt.brokerDefaults`, they are not rendered, so the first apply writes nothing for them.
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

export function compareWithCluster(topology: Topology, snapshot: ClusterSnapshot): Comparison {
  const clusterTopics = new Map(snapshot.topics.map((t) => [t.name, t]));
  const clusterAcls = new Set(snapshot.acls.map((a) => a.id));
  // Kafka Connect's storage and dead-letter topics are rendered like any topic (constructs/render.ts).
  const all = [...topology.topics, ...connectTopics(topology.connect)];
  const topics = all.map((t) => compareTopic(t, clusterTopics.get(t.name)));
  return {
    topics,
    createdAcls: topology.acls
      .filter((a) => !clusterAcls.has(a.id))
      .map((a) => ({ id: a.id, principal: a.principal, ...(a.legacy === undefined ? {} : { legacySource: a.legacy.source.path }) })),
    adoptTopics: all
      .filter((t) => clusterTopics.has(t.name))
      .map((t) => t.name)
      .sort(),
    adoptAcls: topology.acls
      .filter((a) => clusterAcls.has(a.id))
      .map((a) => a.id)
      .sort(),
  };
}

function compareTopic(t: ResolvedTopic | ResolvedConnectTopic, cluster: SnapshotTopic | undefined): TopicComparison {
  const base = { name: t.name, sourcePath: t.source.path, kind: t.kind };
  if (cluster === undefined) {
    return { ...base, changes: [], brokerLevel: {}, blocking: [`the declarations would create ${t.name}, which the cluster does not have`] };
  }
  const blocking: string[] = [];
  if (t.partitions.value < cluster.partitions) {
    blocking.push(`partitions ${cluster.partitions} → ${t.partitions.value} would replace the topic (partitions cannot be removed)`);
  }
  if (t.partitions.value > cluster.partitions) blocking.push(`partitions ${cluster.partitions} → ${t.partitions.value} (adding partitions remaps keys)`);
  if (t.replicationFactor !== cluster.replicationFactor) blocking.push(`replication factor ${cluster.replicationFactor} → ${t.replicationFactor}`);

  const brokerLevel: Record<string, string> = {};
  for (const [key, value] of Object.entries(t.config)) {
    if (cluster.overrides[key] === undefined && effectiveValue(cluster, key)?.value === value) brokerLevel[key] = value;
  }
  const rendered = renderedTopicConfig(t.config, brokerLevel);
  const changes: ConfigChange[] = [];
  for (const key of [...new Set([...Object.keys(rendered), ...Object.keys(cluster.overrides)])].sort()) {
    const before = cluster.overrides[key] ?? null;
    const after = rendered[key] ?? null;
    if (before === after) continue;
    const fallback = before !== null && after === null && cluster.revertTo[key] === before;
    if (fallback) {
      changes.push({
        key,
        before,
        after,
        why: `the model cannot declare ${key}=${before}, so the override is removed; the topic falls back to the broker's ${before}`,
      });
      continue;
    }
    const applied = effectiveValue(cluster, key);
    blocking.push(
      `${key}: ${before ?? '(not set)'} → ${after ?? '(removed)'}` + (before === null && applied !== undefined ? ` (the broker applies ${applied.value})` : ''),
    );
  }
  return { ...base, changes, brokerLevel, blocking };
}
