/** What the replay-safety rules share: which topics a reader reads whose replay is declared. */
import type { ResolvedConsumerGroup, ResolvedStreamsApplication } from '../../model/topology';
import type { LintContext } from '../types';

/**
 * The replayable topics a reader reads, sorted: event topics, each of which declares its replay (a window or full
 * replay is required of every event topic), so any of them may be reset and re-read.
 */
export function readTopics(reader: ResolvedConsumerGroup | ResolvedStreamsApplication, context: LintContext): string[] {
  const names = 'groupId' in reader ? reader.subscriptions.map((s) => s.topicName) : reader.inputs.map((i) => i.topicName);
  return names.filter((name) => context.eventTopic(name) !== undefined).sort();
}
