/**
 * Durations are written as plain strings (`'7d'`, `'5m'`, `'250ms'`) so declarations stay plain data that an importer
 * can generate and a reviewer can read.
 */
import { z } from 'zod';
import { MAX_DURATION_MS, TIME_MS } from './limits';

export const DURATION_UNITS = { ms: 1, s: TIME_MS.second, m: TIME_MS.minute, h: TIME_MS.hour, d: TIME_MS.day } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** A duration such as `'7d'`, `'36h'`, `'5m'`, `'30s'` or `'250ms'`. */
export type DurationString = `${number}${DurationUnit}`;

const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;

/**
 * Typed as DurationString, in and out: the pattern admits exactly strings of that template, and the props interfaces
 * (constructs/) declare durations as DurationString, so the schema's input type and the props stay the same shape.
 */
export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, { message: 'must be a whole number followed by ms, s, m, h or d, e.g. "7d" or "250ms"' })
  // Derived configs add durations and write them as integers; beyond 2^53 ms they would lose precision.
  .refine((d) => !DURATION_PATTERN.test(d) || toMs(d) <= MAX_DURATION_MS, { message: `must be at most ${MAX_DURATION_MS} ms` }) as unknown as z.ZodType<
  DurationString,
  DurationString
>;

/** A positive duration (a replay window of 0 would keep nothing). */
export const positiveDurationSchema = durationSchema.refine((d) => !DURATION_PATTERN.test(d) || toMs(d) > 0, { message: 'must be greater than zero' });

/** Milliseconds of a duration string; throws on a malformed one (schemas reject those before this runs). */
export function toMs(duration: string): number {
  const match = DURATION_PATTERN.exec(duration);
  if (match === null) throw new Error(`malformed duration "${duration}"`);
  const unit = match[2] as DurationUnit;
  return Number(match[1]) * DURATION_UNITS[unit];
}

/** Humanized milliseconds for explanations: `604800000` → `"7d"`, `693000000` → `"8d 30m"`, `250` → `"250ms"`. */
export function formatMs(ms: number): string {
  if (ms === 0) return '0ms';
  if (ms < 0) return ms === -1 ? 'unlimited (-1)' : `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const unit of ['d', 'h', 'm', 's', 'ms'] as const) {
    const size = DURATION_UNITS[unit];
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.join(' ');
}

/**
 * The duration string a declaration would write for `ms`: the largest unit that states it exactly, `604800000` →
 * `'7d'`, `5400000` → `'90m'`, `123` → `'123ms'`; zero is `'0ms'` (no unit is larger than another for nothing). Resolve
 * writes scaled windows with it and `import` the durations it reads from a cluster.
 */
export function toDurationString(ms: number): DurationString {
  if (ms !== 0) {
    for (const unit of ['d', 'h', 'm', 's'] as const) {
      if (ms % DURATION_UNITS[unit] === 0) return `${ms / DURATION_UNITS[unit]}${unit}`;
    }
  }
  return `${Math.round(ms)}ms`;
}

/** Helpers that read well in declarations: `Duration.days(7)` → `'7d'`. */
export const Duration = {
  millis: (n: number): DurationString => `${n}ms`,
  seconds: (n: number): DurationString => `${n}s`,
  minutes: (n: number): DurationString => `${n}m`,
  hours: (n: number): DurationString => `${n}h`,
  days: (n: number): DurationString => `${n}d`,
} as const;
