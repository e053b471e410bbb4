import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { didYouMean, editDistance } from '../../model/did-you-mean';

const KEYS = ['cleanup.policy', 'retention.bytes', 'retention.ms', 'segment.ms'] as const;

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['retention.ms', 'retention.ms', 0],
    ['retention.msx', 'retention.ms', 1], // insertion
    ['retntion.ms', 'retention.ms', 1], // deletion
    ['retention.ns', 'retention.ms', 1], // substitution
    ['retnetion.ms', 'retention.ms', 1], // adjacent transposition counts once
    ['ca', 'abc', 3], // optimal string alignment: no edits inside a transposed pair
    ['kitten', 'sitting', 3],
  ])('measures %j → %j as %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('never exceeds the longer length nor falls below the length difference', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('didYouMean', () => {
  it.each([
    ['retention.msx', 'retention.ms'],
    ['retnetion.ms', 'retention.ms'],
    ['Retention.MS', 'retention.ms'],
    ['retention.byte', 'retention.bytes'],
    ['cleanup.polciy', 'cleanup.policy'],
    ['segmnt.ms', 'segment.ms'],
  ])('suggests the closest candidate for %j', (input, expected) => {
    expect(didYouMean(input, KEYS)).toBe(expected);
  });

  it.each([
    ['a name nowhere near any candidate', 'bootstrap.servers'],
    ['a short input more than two edits away', 'acks'],
    ['an empty input', ''],
  ])('suggests nothing for %s', (_scenario, input) => {
    expect(didYouMean(input, KEYS)).toBeUndefined();
  });

  it('suggests nothing when there are no candidates', () => {
    expect(didYouMean('retention.ms', [])).toBeUndefined();
  });

  it('allows two edits for short inputs', () => {
    expect(didYouMean('ab', ['abcd'])).toBe('abcd');
    expect(didYouMean('ab', ['abcde'])).toBeUndefined();
  });

  it('allows a third of the input length for long inputs', () => {
    // 18 characters: up to 6 edits.
    expect(didYouMean('abcdefghijklmnopqr', ['abcdefghijklmnopqrSTUVWX'])).toBe('abcdefghijklmnopqrSTUVWX');
    expect(didYouMean('abcdefghijklmnopqr', ['abcdefghijklmnopqrSTUVWXY'])).toBeUndefined();
  });

  it('prefers the candidate that also matches letter case', () => {
    expect(didYouMean('Delete', ['delete', 'Delete'])).toBe('Delete');
    expect(didYouMean('delete', ['Delete', 'delete'])).toBe('delete');
  });

  it('breaks ties alphabetically whatever the candidate order', () => {
    expect(didYouMean('bat', ['cat', 'hat', 'rat'])).toBe('cat');
    expect(didYouMean('bat', ['rat', 'hat', 'cat'])).toBe('cat');
  });

  it('answers the same for any order of the candidates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 8 }), (input, candidates) => {
        const reversed = [...candidates].reverse();
        expect(didYouMean(input, reversed)).toBe(didYouMean(input, candidates));
      }),
    );
  });

  it('returns an exact match when the input is a candidate', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1 }), fc.nat(), (candidates, index) => {
        const input = candidates[index % candidates.length] ?? '';
        expect(didYouMean(input, candidates)).toBe(input);
      }),
    );
  });
});

describe('didYouMean: each filter on its own (worked by hand, called inside each test)', () => {
  it('rejects a candidate of the same length that is more edits away than the limit', () => {
    // 'abc' and 'xyz' have equal length (3), so the length filter lets 'xyz' through; three substitutions exceed the
    // limit of max(2, floor(3 / 3)) = 2, so the distance filter alone rejects it.
    expect(didYouMean('abc', ['xyz'])).toBeUndefined();
  });

  it('never trades a closer case-insensitive match for a farther one that matches letter case better', () => {
    // 'ORDERS' → 'orders': 0 edits ignoring case, 6 with case. 'ORDERX': 1 edit either way. Case-insensitive distance
    // decides first (0 < 1), so 'orders' wins although 'ORDERX' is fewer case-sensitive edits away; either order.
    expect(didYouMean('ORDERS', ['orders', 'ORDERX'])).toBe('orders');
    expect(didYouMean('ORDERS', ['ORDERX', 'orders'])).toBe('orders');
  });
});
