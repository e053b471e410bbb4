/**
 * Retention sizing (DESIGN.md "Sizing defaults"): retention = replay window + the largest tolerated consumer lag + a
 * named margin. Kafka deletes a segment only when its newest record is older than retention.ms, so data lives at
 * least that long.
 */
import { formatMs } from '../duration';
import { DEAD_LETTER_RETENTION_MS, RETENTION_MARGIN_MS, RETRY_RETENTION_MARGIN_MS, TOMBSTONE_RETENTION_MARGIN_MS } from '../limits';
import type { SizedValue } from '../topology';

export function sizeWindowRetention(windowMs: number, largestLagMs: number): SizedValue<number> {
  const value = windowMs + largestLagMs + RETENTION_MARGIN_MS;
  return {
    value,
    explanation: `replay window ${formatMs(windowMs)} + largest tolerated lag ${formatMs(largestLagMs)} + margin ${formatMs(RETENTION_MARGIN_MS)} = ${formatMs(value)}`,
  };
}

/**
 * `retention.ms` of a compacted topic whose keys expire (`compact,delete`): a key whose latest event is older than
 * `expireAfter` may go, so the topic keeps `expireAfter` plus what a lagging reader needs plus the margin, like a window.
 */
export function sizeExpiryRetention(expireAfterMs: number, largestLagMs: number): SizedValue<number> {
  const value = expireAfterMs + largestLagMs + RETENTION_MARGIN_MS;
  return {
    value,
    explanation: `keys expire after ${formatMs(expireAfterMs)} + largest tolerated lag ${formatMs(largestLagMs)} + margin ${formatMs(RETENTION_MARGIN_MS)} = ${formatMs(value)}`,
  };
}

/** `delete.retention.ms` of a compacted topic: tombstones outlive the longest full reindex. */
export function sizeTombstoneRetention(longestReindexMs: number): SizedValue<number> {
  const value = longestReindexMs + TOMBSTONE_RETENTION_MARGIN_MS;
  return {
    value,
    explanation: `longest reindex ${formatMs(longestReindexMs)} + margin ${formatMs(TOMBSTONE_RETENTION_MARGIN_MS)} = ${formatMs(value)}`,
  };
}

export function deadLetterRetention(): SizedValue<number> {
  return { value: DEAD_LETTER_RETENTION_MS, explanation: `dead letters wait for a human: ${formatMs(DEAD_LETTER_RETENTION_MS)}` };
}

export function retryRetention(delayMs: number): SizedValue<number> {
  const value = delayMs + RETRY_RETENTION_MARGIN_MS;
  return { value, explanation: `retry delay ${formatMs(delayMs)} + margin ${formatMs(RETRY_RETENTION_MARGIN_MS)} = ${formatMs(value)}` };
}
