/** Durations as the generated declarations write them (the strings come from model/duration.ts toDurationString). */
import type { DurationString } from '../model/duration';

const HELPER: Readonly<Record<string, string>> = { d: 'days', h: 'hours', m: 'minutes', s: 'seconds', ms: 'millis' };

/** `'7d'` → `Duration.days(7)`: how the generated declarations write a duration. */
export function durationCode(duration: DurationString): string {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (m === null) return JSON.stringify(duration);
  return `Duration.${HELPER[m[2] ?? 'ms'] ?? 'millis'}(${Number(m[1]).toLocaleString('en-US').replace(/,/g, '_')})`;
}
