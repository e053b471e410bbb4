/**
 * Boundaries of the sizing and naming helpers: the partition cap (768, exactly reached vs passed), did-you-mean's
 * length limit, transpositions and tie-breaking, the message for an over-long topic name, groupBy.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../model/did-you-mean';
import { appendTo, groupBy, innerMap } from '../../model/group-by';
import { checkTopicName, topicNameSchema } from '../../model/naming';
import { sizePartitions } from '../../model/sizing/partitions';

describe('sizePartitions at the cap of 768', () => {
  // maxConsumerInstances decides `needed` here: the producer needs 1 partition (1,000 B/s), no processing time declared.
  const sized = (instances: number) =>
    sizePartitions({ throughput: { peakMessagesPerSecond: 1, averageMessageBytes: 1_000, maxConsumerInstances: instances } });

  it('reaches 768 exactly (384 × 2) without calling it capped', () => {
    expect(sized(384)).toEqual({
      value: 768,
      explanation: 'max(producer 0 MB/s ÷ 5 MB/s → 1; max instances 384) = 384 × headroom 2 → 768 (next highly divisible count)',
    });
  });

  it('caps 385 × 2 = 770 at 768 and says so', () => {
    expect(sized(385)).toEqual({
      value: 768,
      explanation: 'max(producer 0 MB/s ÷ 5 MB/s → 1; max instances 385) = 385 × headroom 2 → 768 (capped at 768, below the 770 wanted)',
      capped: true,
    });
  });

  it('rounds up to the next highly divisible count: 5 × 2 = 10 → 12', () => {
    expect(sized(5).value).toBe(12);
  });
});

describe('didYouMean', () => {
  it('counts a transposition of two adjacent characters as one edit', () => {
    expect(editDistance('retnetion', 'retention')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'ca')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests within 2 edits for short input, a third of the length for long input', () => {
    expect(didYouMean('abcd', ['abxy'])).toBe('abxy');
    expect(didYouMean('abcd', ['axyz'])).toBeUndefined();
    // 12 characters: up to 4 edits.
    expect(didYouMean('abcdefghijkl', ['abcdefghwxyz'])).toBe('abcdefghwxyz');
    expect(didYouMean('abcdefghijkl', ['abcdefgvwxyz'])).toBeUndefined();
  });

  it('skips candidates whose length alone is too far off', () => {
    expect(didYouMean('abc', ['abcdef'])).toBeUndefined();
    expect(didYouMean('abc', ['abcde'])).toBe('abcde');
  });

  it('prefers the smaller distance, then the exact case, then the alphabetically first, whatever the order', () => {
    expect(didYouMean('delete', ['deletee', 'delete_x'])).toBe('deletee');
    expect(didYouMean('delete', ['delete_x', 'deletee'])).toBe('deletee');
    expect(didYouMean('Delete', ['DELETE', 'Delete'])).toBe('Delete');
    expect(didYouMean('Delete', ['Delete', 'DELETE'])).toBe('Delete');
    expect(didYouMean('abc', ['abd', 'abe'])).toBe('abd');
    expect(didYouMean('abc', ['abe', 'abd'])).toBe('abd');
    expect(didYouMean('abc', [])).toBeUndefined();
  });
});

describe('topic names', () => {
  it('shows the first 40 characters of an over-long name and its length', () => {
    const name = 'a'.repeat(250);
    expect(checkTopicName(name).map((i) => i.message)).toEqual([`topic name "${'a'.repeat(40)}…" is 250 characters; Kafka allows at most 249`]);
  });

  it('refuses an explicit topic name Kafka would reject, with the reason, and lets a warning pass', () => {
    const result = topicNameSchema.safeParse('orders created');
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.message])).toEqual([
      ['custom', 'topic name "orders created" may contain only letters, digits, ".", "_" and "-"'],
    ]);
    expect(topicNameSchema.safeParse('orders.created_v2').success).toBe(true);
  });
});

describe('groupBy', () => {
  it('groups items under their key, in input order, keys in order of first appearance', () => {
    expect([...groupBy(['b1', 'a1', 'b2'], (s) => s.slice(0, 1))]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1']],
    ]);
    const map = new Map<string, number[]>();
    appendTo(map, 'x', 1);
    appendTo(map, 'x', 2);
    expect(map.get('x')).toEqual([1, 2]);
  });

  it('makes an inner map once and hands the same one back', () => {
    const outer = new Map<string, Map<string, number>>();
    innerMap(outer, 'a').set('x', 1);
    innerMap(outer, 'a').set('y', 2);
    expect([...outer]).toEqual([
      [
        'a',
        new Map([
          ['x', 1],
          ['y', 2],
        ]),
      ],
    ]);
  });
});
