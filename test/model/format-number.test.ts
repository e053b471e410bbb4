import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../model/format-number';

const INTL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [1234, '1,234'],
    [1234567.891, '1,234,567.89'],
    [0.67, '0.67'],
    [1.005, '1.01'],
    [0.125, '0.13'],
    [2.5, '2.5'],
    [9.995, '10'],
    [999.999, '1,000'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [1.5e-7, '0'],
    [0.005, '0.01'],
  ])('writes %s as %s, as Intl.NumberFormat does', (n, text) => {
    expect(formatNumber(n)).toBe(text);
    expect(INTL.format(n)).toBe(text);
  });

  it('equals Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }) on any finite number ≥ 0', () => {
    const numbers = fc.oneof(
      fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 1e30, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 1000),
      fc.integer({ min: 0, max: 100_000 }).map((c) => c / 200),
      fc.nat().map((c) => c / 100 + 0.005),
    );
    fc.assert(
      fc.property(numbers, (n) => formatNumber(n) === INTL.format(n)),
      { numRuns: 20_000 },
    );
  });

  it('refuses a negative or non-finite number', () => {
    expect(() => formatNumber(-1)).toThrow(RangeError);
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rounds a number below 1e-6, which JavaScript prints with an exponent ("5e-7"), to 0', () => {
    // 0.0000005 and 0.0000001 are both below half a cent (0.005): two decimals give 0.00, written "0".
    expect(formatNumber(5e-7)).toBe('0');
    expect(formatNumber(1e-7)).toBe('0');
  });
});
