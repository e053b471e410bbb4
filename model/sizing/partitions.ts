/**
 * Partition sizing (DESIGN.md "Sizing defaults"): partitions = max(producer-bound, consumer-bound, declared max
 * instances, declared reader parallelism) × headroom, rounded up to a highly divisible count so that many consumer
 * group sizes divide it evenly. Reader parallelism is what a reader declares it runs in parallel: a sink connector's
 * `tasks.max`, a Kafka Streams application's instances × stream threads. Each needs a partition per task or thread,
 * or the extra ones sit idle.
 */
import { DEFAULT_PARTITION_HEADROOM, MAX_SIZED_PARTITIONS, PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION } from '../limits';
import type { ThroughputDeclaration } from '../schema';
import type { SizedValue } from '../topology';
import { formatNumber } from '../format-number';
import { compare } from '../compare';

/** 1, 2, 3, 4, 6, 8, 12, 16, 24, … : powers of two and three times powers of two. */
export function highlyDivisibleCounts(limit: number): number[] {
  const counts = new Set<number>();
  for (let p = 1; p <= limit; p *= 2) {
    counts.add(p);
    if (3 * p <= limit) counts.add(3 * p);
  }
  return [...counts].sort((a, b) => a - b);
}

const STEPS = highlyDivisibleCounts(MAX_SIZED_PARTITIONS);

/** The smallest highly divisible count ≥ n (capped at MAX_SIZED_PARTITIONS). */
export function roundUpToDivisible(n: number): number {
  return STEPS.find((step) => step >= n) ?? MAX_SIZED_PARTITIONS;
}

export interface PartitionSizingInput {
  readonly partitions?: number;
  readonly throughput?: ThroughputDeclaration;
  /** The longest processing time per message among the groups that read the topic, in ms. */
  readonly slowestProcessingMs?: number;
  /** @default DEFAULT_PARTITION_HEADROOM */
  readonly headroom?: number;
  /**
   * The parallelism readers of the topic declare, each with a label for the explanation (e.g. `sink connector
   * search.indexing/document-index tasks.max 6`). @default [] (only consumer groups' processing time counts)
   */
  readonly readerParallelism?: readonly ReaderParallelism[];
}

/** One reader's declared parallelism: how many partitions it can keep busy at once. */
export interface ReaderParallelism {
  readonly label: string;
  readonly count: number;
}

const fmt = formatNumber;

/** Partition count and a one-line explanation of where it comes from. */
export function sizePartitions(input: PartitionSizingInput): SizedValue<number> {
  if (input.partitions !== undefined) {
    return { value: input.partitions, explanation: `${input.partitions} declared` };
  }
  const t = input.throughput;
  if (t === undefined) {
    throw new Error('sizePartitions needs partitions or throughput (the schema requires one of them)');
  }
  const headroom = input.headroom ?? DEFAULT_PARTITION_HEADROOM;
  const bytesPerSecond = t.peakMessagesPerSecond * t.averageMessageBytes;
  const producerBound = Math.ceil(bytesPerSecond / PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION);
  // Little's law: consumers busy at once = arrival rate × time each message takes.
  const consumerBound = input.slowestProcessingMs === undefined ? 0 : Math.ceil((t.peakMessagesPerSecond * input.slowestProcessingMs) / 1000);
  const instances = t.maxConsumerInstances ?? 0;
  // Sorted by label, then count, so the explanation does not depend on declaration order (two readers can share a label).
  const readers = [...(input.readerParallelism ?? [])].sort((a, b) => compare(a.label, b.label) || a.count - b.count);
  const needed = Math.max(1, producerBound, consumerBound, instances, ...readers.map((r) => r.count));
  const wanted = needed * headroom;
  const value = roundUpToDivisible(wanted);
  const parts = [
    `producer ${fmt(bytesPerSecond / 1_000_000)} MB/s ÷ ${fmt(PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION / 1_000_000)} MB/s → ${producerBound}`,
    input.slowestProcessingMs === undefined
      ? null
      : `consumers ${fmt(t.peakMessagesPerSecond)} msg/s × ${fmt(input.slowestProcessingMs)} ms → ${consumerBound}`,
    t.maxConsumerInstances === undefined ? null : `max instances ${t.maxConsumerInstances}`,
    ...readers.map((r) => `${r.label} → ${r.count}`),
  ].filter((p): p is string => p !== null);
  const rounding = wanted > MAX_SIZED_PARTITIONS ? `capped at ${MAX_SIZED_PARTITIONS}, below the ${wanted} wanted` : 'next highly divisible count';
  return {
    value,
    explanation: `max(${parts.join('; ')}) = ${needed} × headroom ${headroom} → ${value} (${rounding})`,
    ...(wanted > MAX_SIZED_PARTITIONS ? { capped: true } : {}),
  };
}
