/**
 * Values as the report prints them (topicctl's table shape): milliseconds and bytes keep their exact number and add a
 * human reading, `604800000 (7d)`, `1073741824 (1 GiB)`; a missing config value is the broker default.
 */
import { formatMs } from '../model/duration';
import type { Scalar } from './types';

const BYTE_UNITS = [
  ['TiB', 2 ** 40],
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
] as const;

function formatBytes(bytes: number): string {
  for (const [unit, size] of BYTE_UNITS) {
    if (bytes >= size) {
      const amount = bytes / size;
      return `${Number.isInteger(amount) ? amount : amount.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} B`;
}

/** A value of attribute `key` (`partitions`, `config.retention.ms`, …). */
export function humanize(key: string, value: Scalar): string {
  if (value === null) return key.startsWith('config.') ? '— (broker default)' : '—';
  const text = String(value);
  const n = typeof value === 'number' ? value : /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) return text;
  if (key.endsWith('.ms') || key.endsWith('Ms')) {
    if (n < 0) return `${text} (forever)`;
    return n === 0 ? text : `${text} (${formatMs(n)})`;
  }
  if (key.endsWith('.bytes') && n >= 1024) return `${text} (${formatBytes(n)})`;
  if (key.endsWith('.bytes') && n < 0) return `${text} (unlimited)`;
  return text;
}

/** `before → after` for one attribute. */
export function transition(key: string, before: Scalar, after: Scalar): string {
  return `${humanize(key, before)} → ${humanize(key, after)}`;
}
