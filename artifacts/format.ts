/** Number and text formatting shared by the generated documents. Deterministic: no locale, no clock. */
export { formatMs } from '../model/duration';

/** `1234567` → `"1,234,567"` (fixed separators, independent of the machine's locale). */
export function formatCount(value: number): string {
  const [whole = '0', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** Binary units with two decimals above bytes: `1536` → `"1.50 KiB"`, `512` → `"512 B"`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(2)} ${BYTE_UNITS[unit] ?? ''}`;
}

/** Decimal megabytes per second for throughput, as the sizing explanations write it: `2048000` → `"2.05 MB/s"`. */
export function formatRate(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1_000_000).toFixed(2)} MB/s`;
}

/** Code-unit comparison for sorting: never locale-dependent. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Collapses line breaks, so that user text fits on one line of a generated file. Text without a line break (nearly all
 * of it) skips the regular expression, which tries a match at every run of whitespace: ~1 % of a synth's CPU.
 */
export function oneLine(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text.trim();
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
