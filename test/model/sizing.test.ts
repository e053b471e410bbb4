import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  DEAD_LETTER_RETENTION_MS,
  DEFAULT_PARTITION_HEADROOM,
  MAX_SIZED_PARTITIONS,
  PARTITION_WARNING_CAP,
  PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION,
  RETENTION_MARGIN_MS,
  RETRY_RETENTION_MARGIN_MS,
  TOMBSTONE_RETENTION_MARGIN_MS,
} from '../../model/limits';
import { highlyDivisibleCounts, roundUpToDivisible, sizePartitions } from '../../model/sizing/partitions';
import { deadLetterRetention, retryRetention, sizeTombstoneRetention, sizeWindowRetention } from '../../model/sizing/retention';

const DAY = 86_400_000;
const MINUTE = 60_000;
const DIVISIBLE = new Set(highlyDivisibleCounts(MAX_SIZED_PARTITIONS));

const throughputArb = fc.record(
  {
    peakMessagesPerSecond: fc.integer({ min: 1, max: 2_000_000 }),
    averageMessageBytes: fc.integer({ min: 1, max: 1_000_000 }),
    maxConsumerInstances: fc.integer({ min: 1, max: 2_000 }),
  },
  { requiredKeys: ['peakMessagesPerSecond', 'averageMessageBytes'] },
);
const processingMsArb = fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined });

describe('sizing constants', () => {
  it('plans 5 MB/s of produce traffic per partition with headroom 2', () => {
    expect(PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION).toBe(5_000_000);
    expect(DEFAULT_PARTITION_HEADROOM).toBe(2);
  });

  it('caps sizing at the last highly divisible count below the warning cap', () => {
    const all = highlyDivisibleCounts(10 * PARTITION_WARNING_CAP);
    expect(MAX_SIZED_PARTITIONS).toBe(Math.max(...all.filter((n) => n < PARTITION_WARNING_CAP)));
  });
});

describe('highlyDivisibleCounts', () => {
  it('starts 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96', () => {
    expect(highlyDivisibleCounts(100)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96]);
  });

  it.each([
    [0, []],
    [1, [1]],
    [2, [1, 2]],
    [3, [1, 2, 3]],
    [5, [1, 2, 3, 4]],
    [768, [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768]],
  ])('up to %i is %j', (limit, expected) => {
    expect(highlyDivisibleCounts(limit)).toEqual(expected);
  });

  it('lists exactly the powers of two and three times the powers of two up to the limit, ascending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (limit) => {
        const counts = highlyDivisibleCounts(limit);
        expect([...counts].sort((a, b) => a - b)).toEqual(counts);
        expect(new Set(counts).size).toBe(counts.length);
        for (let n = 1; n <= Math.min(limit, 5_000); n++) {
          const isPowerOfTwo = (n & (n - 1)) === 0;
          const isThreeTimesPowerOfTwo = n % 3 === 0 && ((n / 3) & (n / 3 - 1)) === 0;
          expect(counts.includes(n)).toBe(isPowerOfTwo || isThreeTimesPowerOfTwo);
        }
        expect(counts.every((n) => n <= limit)).toBe(true);
      }),
    );
  });
});

describe('roundUpToDivisible', () => {
  it.each([
    [0, 1],
    [1, 1],
    [5, 6],
    [7, 8],
    [9, 12],
    [13, 16],
    [17, 24],
    [25, 32],
    [33, 48],
    [49, 64],
    [65, 96],
    [97, 128],
    [600, 768],
    [768, 768],
    [769, MAX_SIZED_PARTITIONS],
    [100_000, MAX_SIZED_PARTITIONS],
  ])('rounds %i up to %i', (n, expected) => {
    expect(roundUpToDivisible(n)).toBe(expected);
  });

  it('gives the smallest highly divisible count that is not below the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SIZED_PARTITIONS }), (n) => {
        const rounded = roundUpToDivisible(n);
        expect(DIVISIBLE.has(rounded)).toBe(true);
        expect(rounded).toBeGreaterThanOrEqual(n);
        expect([...DIVISIBLE].filter((c) => c >= n && c < rounded)).toEqual([]);
      }),
    );
  });
});

describe('sizePartitions', () => {
  it('uses declared partitions as they are, without headroom or rounding', () => {
    expect(sizePartitions({ partitions: 5, throughput: { peakMessagesPerSecond: 1_000_000, averageMessageBytes: 1_000 } })).toEqual({
      value: 5,
      explanation: '5 declared',
    });
  });

  it('fails when neither partitions nor throughput is given', () => {
    expect(() => sizePartitions({})).toThrow('sizePartitions needs partitions or throughput');
  });

  it('sizes a quiet topic at 1 × headroom 2 = 2', () => {
    const sized = sizePartitions({ throughput: { peakMessagesPerSecond: 10, averageMessageBytes: 100 } });
    expect(sized.value).toBe(2);
    expect(sized.explanation).toBe('max(producer 0 MB/s ÷ 5 MB/s → 1) = 1 × headroom 2 → 2 (next highly divisible count)');
  });

  it('sizes from the producer bound: 30 MB/s ÷ 5 MB/s = 6, × 2 = 12', () => {
    const sized = sizePartitions({ throughput: { peakMessagesPerSecond: 30_000, averageMessageBytes: 1_000 } });
    expect(sized.value).toBe(12);
    expect(sized.explanation).toContain('producer 30 MB/s ÷ 5 MB/s → 6');
  });

  it('rounds a partial partition of produce traffic up: 5.1 MB/s needs 2, × 2 = 4', () => {
    expect(sizePartitions({ throughput: { peakMessagesPerSecond: 5_100, averageMessageBytes: 1_000 } }).value).toBe(4);
  });

  it("sizes from Little's law: 2,000 msg/s × 5 ms = 10 busy consumers, × 2 = 20 → 24", () => {
    const sized = sizePartitions({ throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 }, slowestProcessingMs: 5 });
    expect(sized.value).toBe(24);
    expect(sized.explanation).toContain('consumers 2,000 msg/s × 5 ms → 10');
    expect(sized.explanation).toContain('= 10 × headroom 2 → 24');
  });

  it('sizes from the declared maximum consumer instances: 7 × 2 = 14 → 16', () => {
    const sized = sizePartitions({ throughput: { peakMessagesPerSecond: 1, averageMessageBytes: 1, maxConsumerInstances: 7 } });
    expect(sized.value).toBe(16);
    expect(sized.explanation).toContain('max instances 7');
  });

  it('takes the largest of the three bounds', () => {
    // producer: 50 MB/s → 10; consumers: 10,000 × 2 ms → 20; instances 3.
    const sized = sizePartitions({
      throughput: { peakMessagesPerSecond: 10_000, averageMessageBytes: 5_000, maxConsumerInstances: 3 },
      slowestProcessingMs: 2,
    });
    expect(sized.value).toBe(48);
    expect(sized.explanation).toContain('= 20 × headroom 2 → 48');
  });

  it('applies a custom headroom', () => {
    expect(sizePartitions({ throughput: { peakMessagesPerSecond: 30_000, averageMessageBytes: 1_000 }, headroom: 1 }).value).toBe(6);
  });

  it(`caps the result at ${MAX_SIZED_PARTITIONS}`, () => {
    expect(sizePartitions({ throughput: { peakMessagesPerSecond: 1_000_000, averageMessageBytes: 10_000 } }).value).toBe(MAX_SIZED_PARTITIONS);
  });

  it('does not call a capped count the next highly divisible count of what is needed', () => {
    // 10,000 MB/s needs 2,000 partitions × 2; the cap gives 768, far below, and the explanation must not hide that.
    const sized = sizePartitions({ throughput: { peakMessagesPerSecond: 1_000_000, averageMessageBytes: 10_000 } });
    expect(sized.explanation).not.toMatch(/→ 768 \(next highly divisible count\)$/);
  });

  it('gives a highly divisible count that covers headroom × every bound unless capped', () => {
    fc.assert(
      fc.property(throughputArb, processingMsArb, (throughput, slowestProcessingMs) => {
        const sized = sizePartitions({ throughput, ...(slowestProcessingMs === undefined ? {} : { slowestProcessingMs }) });
        expect(DIVISIBLE.has(sized.value)).toBe(true);
        if (sized.value === MAX_SIZED_PARTITIONS) return;
        const producerBound = Math.ceil((throughput.peakMessagesPerSecond * throughput.averageMessageBytes) / PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION);
        const consumerBound = slowestProcessingMs === undefined ? 0 : Math.ceil((throughput.peakMessagesPerSecond * slowestProcessingMs) / 1_000);
        for (const bound of [1, producerBound, consumerBound, throughput.maxConsumerInstances ?? 0]) {
          expect(sized.value).toBeGreaterThanOrEqual(DEFAULT_PARTITION_HEADROOM * bound);
        }
        // …and is the smallest such count.
        const needed = Math.max(1, producerBound, consumerBound, throughput.maxConsumerInstances ?? 0) * DEFAULT_PARTITION_HEADROOM;
        expect(sized.value).toBe(roundUpToDivisible(needed));
      }),
    );
  });

  it('never gives fewer partitions for more messages per second', () => {
    fc.assert(
      fc.property(throughputArb, processingMsArb, fc.integer({ min: 0, max: 1_000_000 }), (throughput, slowestProcessingMs, extra) => {
        const more = { ...throughput, peakMessagesPerSecond: throughput.peakMessagesPerSecond + extra };
        const options = slowestProcessingMs === undefined ? {} : { slowestProcessingMs };
        expect(sizePartitions({ throughput: more, ...options }).value).toBeGreaterThanOrEqual(sizePartitions({ throughput, ...options }).value);
      }),
    );
  });

  it('explains every sized count and names its result', () => {
    fc.assert(
      fc.property(throughputArb, processingMsArb, (throughput, slowestProcessingMs) => {
        const sized = sizePartitions({ throughput, ...(slowestProcessingMs === undefined ? {} : { slowestProcessingMs }) });
        expect(sized.explanation).toMatch(new RegExp(`→ ${sized.value}\\b`));
        expect(sized.explanation).toContain(`headroom ${DEFAULT_PARTITION_HEADROOM}`);
        expect(sized.explanation.includes('max instances')).toBe(throughput.maxConsumerInstances !== undefined);
        expect(sized.explanation.includes('msg/s ×')).toBe(slowestProcessingMs !== undefined);
      }),
    );
  });
});

describe('retention sizing', () => {
  it('sizes a 7-day window with 5 minutes of lag as 7d + 5m + 1d', () => {
    const sized = sizeWindowRetention(7 * DAY, 5 * MINUTE);
    expect(sized.value).toBe(8 * DAY + 5 * MINUTE);
    expect(sized.explanation).toBe('replay window 7d + largest tolerated lag 5m + margin 1d = 8d 5m');
  });

  it('adds the one-day margin even without a tolerated lag', () => {
    expect(RETENTION_MARGIN_MS).toBe(DAY);
    expect(sizeWindowRetention(DAY, 0).value).toBe(2 * DAY);
  });

  it('always keeps at least the window plus the lag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_650 * DAY }), fc.integer({ min: 0, max: 30 * DAY }), (windowMs, lagMs) => {
        const sized = sizeWindowRetention(windowMs, lagMs);
        expect(sized.value).toBeGreaterThanOrEqual(windowMs + lagMs);
        expect(sized.value).toBe(windowMs + lagMs + RETENTION_MARGIN_MS);
        expect(Number.isSafeInteger(sized.value)).toBe(true);
      }),
    );
  });

  it('keeps tombstones for the longest reindex plus one day', () => {
    expect(TOMBSTONE_RETENTION_MARGIN_MS).toBe(DAY);
    expect(sizeTombstoneRetention(2 * DAY)).toEqual({ value: 3 * DAY, explanation: 'longest reindex 2d + margin 1d = 3d' });
  });

  it('keeps dead letters for 28 days', () => {
    expect(DEAD_LETTER_RETENTION_MS).toBe(28 * DAY);
    expect(deadLetterRetention()).toEqual({ value: 28 * DAY, explanation: 'dead letters wait for a human: 28d' });
  });

  it('keeps retries for their delay plus 7 days', () => {
    expect(RETRY_RETENTION_MARGIN_MS).toBe(7 * DAY);
    expect(retryRetention(4_000)).toEqual({ value: 7 * DAY + 4_000, explanation: 'retry delay 4s + margin 7d = 7d 4s' });
  });

  it('keeps retries well above their delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * DAY }), (delayMs) => {
        expect(retryRetention(delayMs).value).toBeGreaterThanOrEqual(delayMs + 7 * DAY);
      }),
    );
  });
});
