/** Durations as declarations write them: the largest unit that states the milliseconds exactly. */
import { DURATION_UNITS, type DurationString } from '../model/duration';

const UNITS = ['d', 'h', 'm', 's'] as const;

/** `604800000` → `'7d'`, `5400000` → `'90m'`, `123` → `'123ms'`. */
export function durationOf(ms: number): DurationString {
  for (const unit of UNITS) if (ms !== 0 && ms % DURATION_UNITS[unit] === 0) return `${ms / DURATION_UNITS[unit]}${unit}`;
  return `${ms}ms`;
}

const HELPER: Readonly<Record<string, string>> = { d: 'days', h: 'hours', m: 'minutes', s: 'seconds', ms: 'millis' };

/** `'7d'` → `Duration.days(7)`: how the generated declarations write a duration. */
export function durationCode(duration: DurationString): string {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (m === null) return JSON.stringify(duration);
  return `Duration.${HELPER[m[2] ?? 'ms'] ?? 'millis'}(${Number(m[1]).toLocaleString('en-US').replace(/,/g, '_')})`;
}
