/**
 * The capacity report, checked against numbers worked out by hand from its documented definitions (artifacts/capacity.ts
 * header, artifacts/limits.ts), never recomputed with the generator's own constants: a changed factor, target or
 * branch fails here.
 *
 * - delete topic: peak msg/s × average bytes × retention (s) × RF, or retention.bytes × partitions × RF when smaller;
 * - compacted topic: key cardinality × average bytes × 2 (the cleaner starts at Kafka's default
 *   min.cleanable.dirty.ratio 0.5, so the dirty part can equal the clean part) × RF;
 * - provision: storage ÷ 0.7 (disks at most 70 % full), rounded up.
 */
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { estimateCapacity } from '../../artifacts/capacity';
import type { ResolvedEventTopic, Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies, exampleTopology } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];

/** Storage of each event topic across its replicas, by hand; every other topic is not estimated (null). */
const STORAGE: Readonly<Record<string, Readonly<Record<string, number | null>>>> = {
  prod: {
    // 2,000 msg/s × 1,024 B = 2,048,000 B/s; retention 7d window + 30m (notification's lag) + 1d margin = 693,000 s;
    // 2,048,000 × 693,000 = 1,419,264,000,000 B per replica × RF 3.
    'orders.order-created': 4_257_792_000_000,
    // 20,000,000 keys × 4,096 B = 81,920,000,000 B latest values × 2 (uncompacted) × RF 3; throughput plays no part.
    'search.document-changed': 491_520_000_000,
  },
  staging: {
    'staging.orders.order-created': 4_257_792_000_000,
    'staging.search.document-changed': 491_520_000_000,
  },
  dev: {
    // dev scales traffic and windows to a tenth: 200 msg/s × 1,024 B = 204,800 B/s; retention 16h 48m (7d × 0.1) + 30m
    // lag + 1d margin = 148,680 s; 204,800 × 148,680 = 30,449,664,000 B × RF 1.
    'orders.order-created': 30_449_664_000,
    // 81,920,000,000 B × 2 × RF 1.
    'search.document-changed': 163_840_000_000,
  },
  edge: {
    // 100 msg/s × 500 B = 50,000 B/s × 4d (345,600 s) = 17,280,000,000 B per replica, above the cap of
    // retention.bytes 1,000,000 × 2 partitions = 2,000,000 B per replica; × RF 2.
    'edge.orders.order-created': 4_000_000,
    // no throughput declared
    'edge.orders.order-paid': null,
  },
};

/** Per environment: topics, partitions, partition replicas, storage (sum of the above) and storage ÷ 0.7 rounded up. */
const TOTALS: Readonly<
  Record<string, { topicCount: number; partitions: number; replicas: number; storageBytes: number; provisionBytes: number; notEstimated: number }>
> = {
  // 4,257,792,000,000 + 491,520,000,000 = 4,749,312,000,000; ÷ 0.7 = 6,784,731,428,571.4…
  prod: { topicCount: 9, partitions: 132, replicas: 396, storageBytes: 4_749_312_000_000, provisionBytes: 6_784_731_428_572, notEstimated: 7 },
  staging: { topicCount: 9, partitions: 132, replicas: 396, storageBytes: 4_749_312_000_000, provisionBytes: 6_784_731_428_572, notEstimated: 7 },
  // 30,449,664,000 + 163,840,000,000 = 194,289,664,000; ÷ 0.7 = 277,556,662,857.1…
  dev: { topicCount: 9, partitions: 29, replicas: 29, storageBytes: 194_289_664_000, provisionBytes: 277_556_662_858, notEstimated: 7 },
  // 4,000,000 ÷ 0.7 = 5,714,285.7…; partitions 2 + 2 + 2 + 6 at RF 2
  edge: { topicCount: 4, partitions: 12, replicas: 24, storageBytes: 4_000_000, provisionBytes: 5_714_286, notEstimated: 3 },
};

describe('the capacity report', () => {
  const report = estimateCapacity(topologies);
  const markdown = generateArtifacts(topologies).get('docs/capacity.md') ?? '';
  const env = (name: string): ReturnType<typeof estimateCapacity>[number] => {
    const found = report.find((e) => e.environment === name);
    if (found === undefined) throw new Error(`no environment ${name}`);
    return found;
  };

  it('covers every environment, sorted', () => {
    expect(report.map((e) => e.environment)).toEqual(['confluent', 'dev', 'edge', 'msk', 'prod', 'staging']);
  });

  it.each(Object.keys(STORAGE))('estimates each topic of %s as worked out by hand', (name) => {
    const expected = STORAGE[name] ?? {};
    for (const t of env(name).topics) {
      expect(t.storageBytes, t.topic).toBe(t.topic in expected ? expected[t.topic] : null);
      if (t.kind !== 'event') expect(t.basis, t.topic).toMatch(/carry only failures, which no declaration sizes$/);
    }
    expect(
      env(name)
        .topics.filter((t) => t.topic in expected)
        .map((t) => t.topic)
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it('says how each figure was reached', () => {
    const topic = (e: string, t: string): string => env(e).topics.find((x) => x.topic === t)?.basis ?? '';
    expect(topic('prod', 'orders.order-created')).toBe('2.05 MB/s × 8d 30m × RF 3');
    expect(topic('prod', 'search.document-changed')).toBe('compacted: 20,000,000 keys × 4,096 B × 2 (uncompacted share) × RF 3');
    expect(topic('edge', 'edge.orders.order-created')).toBe('0.05 MB/s × 4d × RF 2, capped by retention.bytes 1,000,000 × 2 partitions');
    expect(topic('edge', 'edge.orders.order-paid')).toBe('no throughput declared');
  });

  it.each(Object.keys(TOTALS))('totals %s: topics, partitions, replicas, storage and the disk to provision', (name) => {
    expect(env(name)).toMatchObject(TOTALS[name] ?? {});
  });

  it('renders the figures: 491,520,000,000 B is 457.76 GiB, the prod totals 4.32 TiB and 6.17 TiB', () => {
    expect(markdown).toContain('| `search.document-changed` | search | event | 24 | 3 | 457.76 GiB |');
    expect(markdown).toContain('| [prod](prod/index.md) | 9 | 132 | 396 | 4.32 TiB | 6.17 TiB | 7 topic(s) |');
    expect(markdown).toContain('| [edge](edge/index.md) | 4 | 12 | 24 | 3.81 MiB | 5.45 MiB | 3 topic(s) |');
    expect(markdown).toContain('below 70 % full');
  });

  /** prod's search.document-changed (500 msg/s × 4,096 B, 20,000,000 keys, RF 3) with a retention and a cleanup policy. */
  function searchWith(cleanupPolicy: ResolvedEventTopic['cleanupPolicy'], retentionMs: number): number | null {
    const prod = structuredClone(exampleTopology('prod'));
    const topics = prod.topics.map((t) =>
      t.name === 'search.document-changed' && t.kind === 'event' ? { ...t, cleanupPolicy, retentionMs: { value: retentionMs, explanation: 'test' } } : t,
    );
    return estimateCapacity([{ ...prod, topics }])[0]?.topics.find((t) => t.topic === 'search.document-changed')?.storageBytes ?? null;
  }

  it('sizes a compacted topic by its keys even when it also has a retention', () => {
    // 20,000,000 × 4,096 × 2 × 3, as above: the retention of a compact-only topic deletes nothing by time.
    expect(searchWith('compact', 86_400_000)).toBe(491_520_000_000);
  });

  it('sizes a compact,delete topic by throughput × retention: time bounds it', () => {
    // 500 msg/s × 4,096 B = 2,048,000 B/s × 86,400 s = 176,947,200,000 B × RF 3.
    expect(searchWith('compact,delete', 86_400_000)).toBe(530_841_600_000);
  });
});
