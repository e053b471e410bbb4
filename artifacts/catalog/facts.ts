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

/**
 * What replay the retention serves, as the facts that differ per topic: `replay window 14d, events kept 15d 30m`, or
 * `full replay (compacted by `docId`): longest reindex 2d, tombstones kept 2d 1h`. What they mean is said once per
 * page (REPLAY_EXPLAINED): at 1,000 bench topics the same explanation stood beside every topic and every group that
 * reads it (issue 26).
 */
export function replayFacts(topic: ResolvedEventTopic, code: (text: string) => string): string {
  if (topic.replay.kind === 'window') {
    const kept = topic.retentionMs === null ? '' : `, events kept ${formatMs(topic.retentionMs.value)}`;
    return `replay window ${durationText(topic.replay.window)}${kept}`;
  }
  const tombstones = tombstoneMs(topic);
  return `full replay (compacted by ${code(topic.key?.field ?? 'key')}): longest reindex ${durationText(topic.replay.longestReindex)}${tombstones === null ? '' : `, tombstones kept ${formatMs(tombstones)}`}`;
}

/** What replayFacts' two forms mean, once per page that shows them. */
export const REPLAY_EXPLAINED = {
  window:
    "**Replay window**: consumers can reset offsets up to that far back; a topic's events are kept longer, covering the window, the slowest reader's tolerated lag and a margin.",
  full: '**Full replay**: a compacted topic keeps the latest event of every key, so a reset to the earliest offset re-reads the latest state of every key (a full reindex); an older event may have been replaced by a later one of the same key. Tombstones are kept longer than the longest reindex, so deleted keys do not come back.',
} as const;
