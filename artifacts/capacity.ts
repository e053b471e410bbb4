/**
 * The capacity report: storage per topic (declared peak throughput × retention × replication factor), partitions per
 * cluster, and totals per environment. Estimates are computed as data first (`estimateCapacity`), then rendered.
 *
 * - A delete topic keeps throughput × retention.ms per replica (Kafka deletes a segment only when its newest record
 *   is older than retention.ms, so up to one segment more); a `retention.bytes` cap bounds it per partition.
 * - A compacted topic keeps the latest value per key: cardinality × average message size, × COMPACTED_LOG_SIZE_FACTOR
 *   for the not-yet-compacted part.
 * - Dead-letter and retry topics carry only failures, which no declaration sizes: they are listed, not estimated.
 */
import type { ResolvedEventTopic, ResolvedTopic, Topology } from '../model/topology';
import { compareStrings, formatBytes, formatCount, formatMs, formatRate } from './format';
import { COMPACTED_LOG_SIZE_FACTOR, DISK_FILL_TARGET } from './limits';
import { cell, codeCell, document, GENERATED_MARKDOWN, link, table } from './markdown';
import { linkFrom, paths } from './paths';

export interface TopicCapacity {
  readonly environment: string;
  readonly topic: string;
  readonly domain: string;
  readonly kind: ResolvedTopic['kind'];
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Bytes kept across all replicas, or null when the declarations do not say enough. */
  readonly storageBytes: number | null;
  /** How the figure was computed, or why there is none. */
  readonly basis: string;
}

export interface EnvironmentCapacity {
  readonly environment: string;
  readonly production: boolean;
  readonly topics: readonly TopicCapacity[];
  readonly topicCount: number;
  readonly partitions: number;
  /** Partitions × replication factor: the replicas the brokers host. */
  readonly replicas: number;
  readonly storageBytes: number;
  readonly notEstimated: number;
  /** storageBytes ÷ DISK_FILL_TARGET. */
  readonly provisionBytes: number;
}

export function estimateCapacity(topologies: readonly Topology[]): EnvironmentCapacity[] {
  return [...topologies]
    .sort((a, b) => compareStrings(a.environment.name, b.environment.name))
    .map((topology) => {
      const topics = [...topology.topics].sort((a, b) => compareStrings(a.name, b.name)).map((t) => topicCapacity(topology.environment.name, t));
      const storageBytes = topics.reduce((sum, t) => sum + (t.storageBytes ?? 0), 0);
      return {
        environment: topology.environment.name,
        production: topology.environment.production,
        topics,
        topicCount: topics.length,
        partitions: topics.reduce((sum, t) => sum + t.partitions, 0),
        replicas: topics.reduce((sum, t) => sum + t.partitions * t.replicationFactor, 0),
        storageBytes,
        notEstimated: topics.filter((t) => t.storageBytes === null).length,
        provisionBytes: Math.ceil(storageBytes / DISK_FILL_TARGET),
      };
    });
}

function topicCapacity(environment: string, t: ResolvedTopic): TopicCapacity {
  const base = { environment, topic: t.name, domain: t.domain, kind: t.kind, partitions: t.partitions.value, replicationFactor: t.replicationFactor };
  if (t.kind !== 'event') {
    return { ...base, storageBytes: null, basis: `${t.kind === 'dead-letter' ? 'dead letters' : 'retries'} carry only failures, which no declaration sizes` };
  }
  return { ...base, ...eventStorage(t) };
}

function eventStorage(t: ResolvedEventTopic): { storageBytes: number | null; basis: string } {
  if (t.throughput === null) return { storageBytes: null, basis: 'no throughput declared' };
  const rate = t.throughput.peakMessagesPerSecond * t.throughput.averageMessageBytes;
  const rf = t.replicationFactor;
  if (t.retentionMs !== null && t.cleanupPolicy !== 'compact') {
    const perReplica = (rate * t.retentionMs.value) / 1000;
    const cap = t.retentionBytes === null ? null : t.retentionBytes * t.partitions.value;
    const kept = cap === null ? perReplica : Math.min(perReplica, cap);
    const capped =
      cap !== null && cap < perReplica ? `, capped by retention.bytes ${formatCount(t.retentionBytes ?? 0)} × ${t.partitions.value} partitions` : '';
    return { storageBytes: Math.round(kept * rf), basis: `${formatRate(rate)} × ${formatMs(t.retentionMs.value)} × RF ${rf}${capped}` };
  }
  const cardinality = t.key?.cardinality;
  if (cardinality === undefined) return { storageBytes: null, basis: 'compacted; declare key.cardinality to estimate' };
  const latest = cardinality * t.throughput.averageMessageBytes;
  return {
    storageBytes: Math.round(latest * COMPACTED_LOG_SIZE_FACTOR * rf),
    basis: `compacted: ${formatCount(cardinality)} keys × ${formatCount(t.throughput.averageMessageBytes)} B × ${COMPACTED_LOG_SIZE_FACTOR} (uncompacted share) × RF ${rf}`,
  };
}

export function renderCapacity(topologies: readonly Topology[]): string {
  const here = paths.capacity();
  const report = estimateCapacity(topologies);
  const lines: string[] = [
    GENERATED_MARKDOWN,
    '# Capacity',
    '',
    `Storage a topic keeps across its replicas, at the declared **peak** throughput sustained for its whole retention: an upper bound. Dead-letter and retry topics carry only failures and are not estimated. Provision disks so that the total stays below ${Math.round(DISK_FILL_TARGET * 100)} % full (segment rolls, the log cleaner, reassignments and surges need room).`,
    '',
    '## Totals per environment',
    '',
    ...table(
      [
        'Environment',
        'Topics',
        'Partitions',
        'Partition replicas',
        'Estimated storage',
        `Provision at ${Math.round(DISK_FILL_TARGET * 100)} % fill`,
        'Not estimated',
      ],
      report.map((e) => [
        link(e.environment, linkFrom(here, paths.environmentIndex(e.environment))),
        formatCount(e.topicCount),
        formatCount(e.partitions),
        formatCount(e.replicas),
        formatBytes(e.storageBytes),
        formatBytes(e.provisionBytes),
        `${e.notEstimated} topic(s)`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
  ];
  for (const e of report) {
    lines.push(
      `## ${e.environment}${e.production ? ' (production)' : ''}`,
      '',
      ...table(
        ['Topic', 'Domain', 'Kind', 'Partitions', 'RF', 'Storage', 'Basis'],
        e.topics.map((t) => [
          codeCell(t.topic),
          cell(t.domain),
          t.kind,
          String(t.partitions),
          String(t.replicationFactor),
          t.storageBytes === null ? '—' : formatBytes(t.storageBytes),
          cell(t.basis),
        ]),
        ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
      ),
      '',
      `Partitions on the ${e.environment} cluster: ${formatCount(e.partitions)} (${formatCount(e.replicas)} replicas); estimated storage ${formatBytes(e.storageBytes)}.`,
      '',
    );
  }
  return document(lines);
}
