import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { estimateCapacity } from '../../artifacts/capacity';
import { formatBytes, formatCount } from '../../artifacts/format';
import { COMPACTED_LOG_SIZE_FACTOR, DISK_FILL_TARGET } from '../../artifacts/limits';
import type { ResolvedTopic, Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

/** Storage across replicas, computed here from the declarations: throughput × retention × RF (or the compacted size). */
function expectedStorage(t: ResolvedTopic): number | null {
  if (t.kind !== 'event' || t.throughput === null) return null;
  const bytesPerSecond = t.throughput.peakMessagesPerSecond * t.throughput.averageMessageBytes;
  if (t.cleanupPolicy === 'delete' && t.retentionMs !== null) {
    const perReplica = bytesPerSecond * (t.retentionMs.value / 1000);
    const capped = t.retentionBytes === null ? perReplica : Math.min(perReplica, t.retentionBytes * t.partitions.value);
    return Math.round(capped * t.replicationFactor);
  }
  const keys = t.key?.cardinality;
  return keys === undefined ? null : Math.round(keys * t.throughput.averageMessageBytes * COMPACTED_LOG_SIZE_FACTOR * t.replicationFactor);
}

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];

describe('the capacity report', () => {
  const report = estimateCapacity(topologies);
  const markdown = generateArtifacts(topologies).get('docs/capacity.md') ?? '';

  it('estimates every topic as throughput × retention × replication factor', () => {
    const orders = report.find((e) => e.environment === 'prod')?.topics.find((t) => t.topic === 'orders.order-created');
    // 2,000 msg/s × 1,024 B × (7d + 30m + 1d) × RF 3, by hand.
    expect(orders?.storageBytes).toBe(2_000 * 1_024 * 693_000 * 3);
    for (const topology of topologies) {
      const env = report.find((e) => e.environment === topology.environment.name);
      for (const topic of topology.topics) {
        const row = env?.topics.find((t) => t.topic === topic.name);
        expect(row?.storageBytes, topic.name).toBe(expectedStorage(topic));
        const expected = expectedStorage(topic);
        expect(markdown).toContain(`| \`${topic.name}\` |`);
        if (expected !== null) expect(markdown).toContain(`| ${topic.partitions.value} | ${topic.replicationFactor} | ${formatBytes(expected)} |`);
      }
    }
  });

  it('caps a topic at retention.bytes × partitions when that is smaller', () => {
    const topic = edgeCaseTopology().topics.find((t) => t.name === 'edge.orders.order-created');
    const row = report.find((e) => e.environment === 'edge')?.topics.find((t) => t.topic === 'edge.orders.order-created');
    if (topic?.kind !== 'event' || topic.retentionBytes === null) throw new Error('fixture topic has a byte cap');
    expect(row?.storageBytes).toBe(topic.retentionBytes * topic.partitions.value * topic.replicationFactor);
    expect(row?.basis).toContain('capped by retention.bytes');
  });

  it('totals partitions, replicas and storage per environment', () => {
    for (const topology of topologies) {
      const env = report.find((e) => e.environment === topology.environment.name);
      const partitions = topology.topics.reduce((sum, t) => sum + t.partitions.value, 0);
      const replicas = topology.topics.reduce((sum, t) => sum + t.partitions.value * t.replicationFactor, 0);
      const storage = topology.topics.reduce((sum, t) => sum + (expectedStorage(t) ?? 0), 0);
      expect(env).toMatchObject({ topicCount: topology.topics.length, partitions, replicas, storageBytes: storage });
      expect(env?.provisionBytes).toBe(Math.ceil(storage / DISK_FILL_TARGET));
      expect(markdown).toContain(`| ${formatCount(topology.topics.length)} | ${formatCount(partitions)} | ${formatCount(replicas)} | ${formatBytes(storage)} |`);
    }
  });
});
