import { MAX_DURATION_MS } from '../../model/limits';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Duration, DURATION_UNITS, durationSchema, formatMs, toMs, type DurationUnit } from '../../model/duration';

const UNITS = Object.keys(DURATION_UNITS) as DurationUnit[];
const DAY = 86_400_000;

describe('toMs', () => {
  it.each([
    ['0ms', 0],
    ['250ms', 250],
    ['1s', 1_000],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['36h', 129_600_000],
    ['1d', DAY],
    ['7d', 7 * DAY],
    ['28d', 28 * DAY],
    ['007d', 7 * DAY],
  ])('reads %j as %i ms', (duration, expected) => {
    expect(toMs(duration)).toBe(expected);
  });

  it.each(['', '7', 'd', '7 d', '1.5h', '-1d', '7days', '7D', ' 7d', '7d ', '1e3ms'])('fails when the duration %j is malformed', (duration) => {
    expect(() => toMs(duration)).toThrow(`malformed duration "${duration}"`);
  });

  it('multiplies the number by the size of its unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...UNITS), (n, unit) => {
        expect(toMs(`${n}${unit}`)).toBe(n * DURATION_UNITS[unit]);
      }),
    );
  });

  it('sizes the units as a millisecond, a second, a minute, an hour and a day', () => {
    expect(DURATION_UNITS).toEqual({ ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: DAY });
  });
});

describe('formatMs', () => {
  it.each([
    [0, '0ms'],
    [1, '1ms'],
    [250, '250ms'],
    [1_000, '1s'],
    [60_000, '1m'],
    [3_600_000, '1h'],
    [DAY, '1d'],
    [7 * DAY, '7d'],
    [604_800_000, '7d'],
    [693_000_000, '8d 30m'],
    [DAY + 1, '1d 1ms'],
    [90_061_001, '1d 1h 1m 1s 1ms'],
    [36 * 3_600_000, '1d 12h'],
    [28 * DAY, '28d'],
  ])('humanizes %i ms as %j', (ms, expected) => {
    expect(formatMs(ms)).toBe(expected);
  });

  it('writes parts from days down to milliseconds, each below the next unit, that add up to the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 * DAY }), (ms) => {
        const parts = formatMs(ms).split(' ');
        const units = parts.map((p) => /^(\d+)(ms|s|m|h|d)$/.exec(p)?.[2] as DurationUnit);
        expect(units.every((u) => u !== undefined)).toBe(true);
        // Strictly decreasing units: each unit appears once, largest first.
        const order = ['d', 'h', 'm', 's', 'ms'];
        const positions = units.map((u) => order.indexOf(u));
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        expect(parts.reduce((sum, p) => sum + toMs(p), 0)).toBe(ms);
      }),
    );
  });

  it('parses back to the same milliseconds when the output is a single unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...UNITS), (n, unit) => {
        const ms = n * DURATION_UNITS[unit];
        const text = formatMs(ms);
        if (!text.includes(' ')) {
          expect(durationSchema.safeParse(text).success).toBe(true);
          expect(toMs(text)).toBe(ms);
        }
      }),
    );
  });

  it('writes a whole number of days as days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (days) => {
        expect(formatMs(days * DAY)).toBe(`${days}d`);
      }),
    );
  });
});

describe('durationSchema', () => {
  it.each(['0ms', '250ms', '30s', '5m', '36h', '7d', '365d'])('accepts %j', (duration) => {
    expect(durationSchema.safeParse(duration).success).toBe(true);
  });

  it.each(['7 d', '1.5h', '-1d', '', '7', 'd', '7w', '7days', 'P7D', ' 7d'])('fails when the duration is %j', (duration) => {
    const result = durationSchema.safeParse(duration);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('must be a whole number followed by ms, s, m, h or d');
  });

  it('fails when the duration is not a string', () => {
    expect(durationSchema.safeParse(7).success).toBe(false);
  });

  it('accepts exactly the strings toMs can read, up to MAX_DURATION_MS', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.nat(), fc.constantFrom(...UNITS, 'w', ' d', '')).map(([n, u]) => `${n}${u}`),
        ),
        (text) => {
          const accepted = durationSchema.safeParse(text).success;
          let readable = true;
          try {
            toMs(text);
          } catch {
            readable = false;
          }
          // Readable durations are accepted up to MAX_DURATION_MS (beyond it sums of durations lose precision).
          expect(accepted).toBe(readable && toMs(text) <= MAX_DURATION_MS);
        },
      ),
    );
  });
});

describe('Duration', () => {
  it.each([
    [Duration.millis(250), '250ms'],
    [Duration.seconds(30), '30s'],
    [Duration.minutes(5), '5m'],
    [Duration.hours(36), '36h'],
    [Duration.days(7), '7d'],
  ])('writes %j', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('produces strings the schema accepts and toMs reads back', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        for (const [make, unit] of [
          [Duration.millis, 'ms'],
          [Duration.seconds, 's'],
          [Duration.minutes, 'm'],
          [Duration.hours, 'h'],
          [Duration.days, 'd'],
        ] as const) {
          const text = make(n);
          expect(durationSchema.safeParse(text).success).toBe(true);
          expect(toMs(text)).toBe(n * DURATION_UNITS[unit]);
        }
      }),
    );
  });
});

describe('durationSchema bounds', () => {
  it('fails when a duration exceeds MAX_DURATION_MS', () => {
    const result = durationSchema.safeParse('99999999999999999999d');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(`must be at most ${MAX_DURATION_MS} ms`);
  });
});
