/**
 * Kafka Streams applications (instances × threads) and sink connectors (tasks.max) size the partitions of the topics
 * they read, and count in the per-principal quotas as readers and producers of their topics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SIZED_PARTITIONS } from '../../model/limits';
import { resolve } from '../../model/resolve';
import type { ConnectorInput, StreamsApplicationInput } from '../../model/schema';
import { sizePartitions, type ReaderParallelism } from '../../model/sizing/partitions';
import type { Topology } from '../../model/topology';
import { DOCUMENT_SINK, INDEXING } from './resolve/connect-fixtures';
import { DEV, DOCUMENT_CHANGED, ORDER_CREATED, SEED, eventTopic } from './resolve/helpers';

const THROUGHPUT = { peakMessagesPerSecond: 100, averageMessageBytes: 100 } as const;
const readerArb = fc.record({ label: fc.string({ minLength: 1, maxLength: 12 }), count: fc.integer({ min: 1, max: 200 }) });

describe('sizePartitions with declared reader parallelism', () => {
  it('gives every declared reader thread or task a partition, with headroom, unless capped', () => {
    fc.assert(
      fc.property(fc.array(readerArb, { maxLength: 6 }), (readers) => {
        const sized = sizePartitions({ throughput: THROUGHPUT, readerParallelism: readers });
        const widest = Math.max(1, ...readers.map((r) => r.count));
        if (sized.capped === true) expect(sized.value).toBe(MAX_SIZED_PARTITIONS);
        else expect(sized.value).toBeGreaterThanOrEqual(widest * 2);
      }),
    );
  });

  it('never sizes below what the same topic gets without the readers (monotonic)', () => {
    fc.assert(
      fc.property(fc.array(readerArb, { maxLength: 6 }), fc.integer({ min: 1, max: 100 }), (readers, slowest) => {
        const without = sizePartitions({ throughput: THROUGHPUT, slowestProcessingMs: slowest });
        const withReaders = sizePartitions({ throughput: THROUGHPUT, slowestProcessingMs: slowest, readerParallelism: readers });
        expect(withReaders.value).toBeGreaterThanOrEqual(without.value);
      }),
    );
  });

  it('does not depend on the order readers are declared in', () => {
    fc.assert(
      fc.property(fc.array(readerArb, { maxLength: 6 }), (readers) => {
        const reversed: ReaderParallelism[] = [...readers].reverse();
        expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: reversed })).toEqual(
          sizePartitions({ throughput: THROUGHPUT, readerParallelism: readers }),
        );
      }),
    );
  });

  it('orders readers that share a label by their count (a property run found them kept in declaration order)', () => {
    const one = { label: 'u', count: 1 };
    const two = { label: 'u', count: 2 };
    const explanation = 'max(producer 0.01 MB/s ÷ 5 MB/s → 1; u → 1; u → 2) = 2 × headroom 2 → 4 (next highly divisible count)';
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [two, one] }).explanation).toBe(explanation);
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [one, two] }).explanation).toBe(explanation);
  });

  it('orders readers by label first, whatever their counts', () => {
    // 100 msg/s × 100 B = 0.01 MB/s ÷ 5 MB/s → 1; the widest reader × headroom 2, rounded up to 1, 2, 3, 4, 6, 8, ….
    const b1 = { label: 'b', count: 1 };
    const a2 = { label: 'a', count: 2 };
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [b1, a2] }).explanation).toBe(
      'max(producer 0.01 MB/s ÷ 5 MB/s → 1; a → 2; b → 1) = 2 × headroom 2 → 4 (next highly divisible count)',
    );
    const b3 = { label: 'b', count: 3 };
    const a3 = { label: 'a', count: 3 };
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [b3, a3] }).explanation).toBe(
      'max(producer 0.01 MB/s ÷ 5 MB/s → 1; a → 3; b → 3) = 3 × headroom 2 → 6 (next highly divisible count)',
    );
  });

  it('explains each reader, and leaves the explanation unchanged without any', () => {
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [{ label: 'sink connector x tasks.max 6', count: 6 }] }).explanation).toBe(
      'max(producer 0.01 MB/s ÷ 5 MB/s → 1; sink connector x tasks.max 6 → 6) = 6 × headroom 2 → 12 (next highly divisible count)',
    );
    expect(sizePartitions({ throughput: THROUGHPUT, readerParallelism: [] })).toEqual(sizePartitions({ throughput: THROUGHPUT }));
  });
});

const APP: StreamsApplicationInput = {
  domain: 'orders',
  name: 'order-totals',
  service: 'order-totals',
  principal: 'User:order-totals',
  inputs: [{ topic: { domain: 'orders', event: 'order-created' } }],
  outputs: [{ topic: { domain: 'search', event: 'document-changed' }, reason: 'order totals are searchable documents' }],
  parallelism: { instances: 8, threadsPerInstance: 4 },
  source: { path: 'dev/orders/order-totals' },
};
const SOURCE: ConnectorInput = {
  type: 'source',
  cluster: { domain: 'search', name: 'indexing' },
  name: 'catalog-source',
  connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
  principal: 'User:catalog-source',
  topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
  source: { path: 'dev/search/indexing/catalog-source' },
};

function topologyWith(streams: StreamsApplicationInput[], connectors: ConnectorInput[]): Topology {
  // document-changed sized from throughput rather than declared partitions, so its readers count.
  const { partitions: _declared, ...documents } = DOCUMENT_CHANGED;
  void _declared;
  const topics = [ORDER_CREATED, { ...documents, throughput: { peakMessagesPerSecond: 500, averageMessageBytes: 4_096 } }];
  const result = resolve({ ...SEED, topics, streamsApplications: streams, connectClusters: [INDEXING], connectors }, DEV);
  if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.topology;
}

describe('resolve: Streams applications and sink connectors size their input topics', () => {
  it('sizes an input topic for the Streams threads declared (8 instances × 4 threads → 32 × 2 → 64)', () => {
    const created = eventTopic(topologyWith([APP], []), 'orders.order-created');
    expect(created.partitions.value).toBe(64);
    expect(created.partitions.explanation).toContain('Streams orders.order-totals 8 instances × 4 threads → 32');
  });

  it("sizes a sink connector's topic for its tasks.max", () => {
    const plain = eventTopic(topologyWith([], [DOCUMENT_SINK]), 'search.document-changed').partitions;
    const wide = eventTopic(topologyWith([], [{ ...DOCUMENT_SINK, tasksMax: 48 }]), 'search.document-changed').partitions;
    expect(wide.value).toBe(96);
    expect(wide.explanation).toContain('sink connector document-index tasks.max 48 → 48');
    expect(plain.explanation).not.toContain('sink connector');
  });
});

describe('quotas count Streams applications and connectors', () => {
  const quotas = topologyWith([APP], [{ ...DOCUMENT_SINK, tasksMax: 6 }, SOURCE]).quotas ?? [];
  const quota = (principal: string) => quotas.find((q) => q.principal === principal);

  it("gives a Streams application's principal a consumer rate for its inputs and a producer rate for its outputs", () => {
    expect(quota('User:order-totals')?.consumerByteRate?.explanation).toMatch(/^orders\.order-totals reads orders\.order-created /);
    expect(quota('User:order-totals')?.producerByteRate?.explanation).toMatch(/^search\.document-changed /);
  });

  it("gives a sink connector's principal a consumer rate in its group, and a source connector's a producer rate", () => {
    expect(quota('User:document-index')?.consumerByteRate?.explanation).toMatch(/^connect-document-index reads search\.document-changed /);
    expect(quota('User:document-index')?.producerByteRate).toBeNull();
    expect(quota('User:catalog-source')?.producerByteRate?.explanation).toMatch(/^search\.document-changed /);
  });
});
