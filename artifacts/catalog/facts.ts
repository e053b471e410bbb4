/**
 * One-line descriptions of declared and derived facts, shared by the catalog pages and the runbooks so both say the
 * same thing the same way.
 */
import type { ResolvedEventTopic, ResolvedTopic } from '../../model/topology';
import { toMs } from '../../model/duration';
import { formatCount, formatMs } from '../format';

/** `8d 30m (693,000,000 ms)`, or `none` for a compacted-only topic. */
export function retentionText(topic: ResolvedTopic): string {
  return topic.retentionMs === null
    ? 'no time limit (compacted: every key keeps its latest value)'
    : `${formatMs(topic.retentionMs.value)} (${formatCount(topic.retentionMs.value)} ms)`;
}

/** The tombstone retention of a compacted topic, from its config. */
export function tombstoneMs(topic: ResolvedEventTopic): number | null {
  const value = topic.config['delete.retention.ms'];
  return value === undefined ? null : Number(value);
}

/** A declared duration as the documents write every duration: `'1008m'` → `16h 48m`, `'7d'` → `7d`. */
export function durationText(duration: string): string {
  return formatMs(toMs(duration));
}

/** What replay the retention serves, in one sentence. */
export function replayText(topic: ResolvedEventTopic): string {
  if (topic.replay.kind === 'window') {
    const kept =
      topic.retentionMs === null
        ? ''
        : `; events are kept ${formatMs(topic.retentionMs.value)}, covering the window, the slowest reader's tolerated lag and a margin`;
    const window = durationText(topic.replay.window);
    return `replay window ${window}: consumers can reset offsets up to ${window} back${kept}`;
  }
  const tombstones = tombstoneMs(topic);
  const kept =
    tombstones === null
      ? ''
      : `; tombstones are kept ${formatMs(tombstones)}, longer than the longest reindex ${durationText(topic.replay.longestReindex)}, so deleted keys do not come back`;
  return `full replay: a reset to the earliest offset re-reads the latest state of every ${topic.key?.field ?? 'key'} (compaction)${kept}`;
}
