/** What the replay-safety rules share: which topics a reader reads whose replay is declared, and how to name it. */
import type { Reader, LintContext } from '../types';

/**
 * The replayable topics a reader reads, sorted: event topics, each of which declares its replay (a window or full
 * replay is required of every event topic), so any of them may be reset and re-read.
 */
export function readTopics(reader: Reader, context: LintContext): string[] {
  const names =
    'applicationId' in reader
      ? reader.inputs.map((i) => i.topicName)
      : 'subscriptions' in reader
        ? reader.subscriptions.map((s) => s.topicName)
        : reader.type === 'sink'
          ? reader.topics.map((t) => t.topicName)
          : [];
  return names.filter((name) => context.eventTopic(name) !== undefined).sort();
}

/** `group <id>`, `streams application <id>` or `sink connector <name> (group <id>)`, for finding messages. */
export function describeReader(reader: Reader): string {
  if ('applicationId' in reader) return `streams application ${reader.applicationId}`;
  if ('subscriptions' in reader) return `group ${reader.groupId}`;
  return `sink connector ${reader.name} (group ${reader.groupId ?? ''})`;
}
