/**
 * Why a derived value changed: partitions and retention are sized from declarations (model/sizing), so a change of
 * either on an unchanged topic declaration follows from another edit — a group removed, a tolerated lag lowered, a
 * count declared. These functions compare the base and head declarations and name that edit. Pure.
 */
import { formatMs } from '../model/duration';
import type { ReplayDeclaration } from '../model/schema';
import type { ResolvedConsumerGroup, ResolvedTopic } from '../model/topology';

const DECLARED = /(^| )declared$/;

/** Why the partition count of an event topic changed, or undefined when the declarations do not say. */
export function partitionsCause(before: ResolvedTopic | undefined, after: ResolvedTopic | undefined, scaledThroughput: number): string | undefined {
  // The declarations size it the same on both sides: the Terraform change is not theirs to explain.
  if (before === undefined || after === undefined || before.partitions.value === after.partitions.value) return undefined;
  if (after.kind !== 'event') return after.kind === 'retry' ? 'because a retry tier has the partitions of its topic' : undefined;
  const nowDeclared = DECLARED.test(after.partitions.explanation);
  const wasDeclared = DECLARED.test(before.partitions.explanation);
  if (nowDeclared && !wasDeclared) {
    const scaling =
      scaledThroughput < 1
        ? `, and a declared count applies as declared in every environment (this one scales declared throughput by ${scaledThroughput}, which shrinks derived counts only)`
        : '';
    return `because partitions: ${after.partitions.value} is now declared${scaling}; before, derived: ${before.partitions.explanation}`;
  }
  if (wasDeclared && !nowDeclared) return `because partitions are now derived: ${after.partitions.explanation}`;
  if (nowDeclared) return `because the declared count changed`;
  return `because the sizing inputs changed: ${after.partitions.explanation} (before: ${before.partitions.explanation})`;
}

/**
 * Why `retention.ms` of an event topic changed: its replay window, or the largest tolerated lag of the groups that
 * read it (retention = window + largest lag + margin), naming each group removed, added or re-declared.
 */
export function retentionCause(
  before: ResolvedTopic | undefined,
  after: ResolvedTopic | undefined,
  readersBefore: readonly ResolvedConsumerGroup[],
  readersAfter: readonly ResolvedConsumerGroup[],
): string | undefined {
  if (before?.kind !== 'event' || after?.kind !== 'event') return undefined;
  const parts: string[] = [];
  if (JSON.stringify(before.replay) !== JSON.stringify(after.replay)) {
    parts.push(`the replay declaration changed (${describeReplay(before.replay)} → ${describeReplay(after.replay)})`);
  }
  const lagOf = (g: ResolvedConsumerGroup): string => (g.maxProcessingLagMs === null ? 'no lag declared' : `lag ${formatMs(g.maxProcessingLagMs)}`);
  const was = new Map(readersBefore.map((g) => [g.groupId, g]));
  const now = new Map(readersAfter.map((g) => [g.groupId, g]));
  for (const [id, g] of was) {
    const n = now.get(id);
    if (n === undefined) parts.push(`consumer group ${id} (${lagOf(g)}) was removed`);
    else if (n.maxProcessingLagMs !== g.maxProcessingLagMs) parts.push(`consumer group ${id}'s tolerated lag changed (${lagOf(g)} → ${lagOf(n)})`);
  }
  for (const [id, g] of now) if (!was.has(id)) parts.push(`consumer group ${id} (${lagOf(g)}) was added`);
  if (parts.length === 0) return undefined;
  const largest = (groups: readonly ResolvedConsumerGroup[]): string => {
    const top = [...groups].filter((g) => g.maxProcessingLagMs !== null).sort((a, b) => (b.maxProcessingLagMs ?? 0) - (a.maxProcessingLagMs ?? 0))[0];
    return top === undefined ? 'none' : `${formatMs(top.maxProcessingLagMs ?? 0)} (${top.groupId})`;
  };
  const lags = `largest tolerated lag of its readers ${largest(readersBefore)} → ${largest(readersAfter)}`;
  return `because ${parts.join(', and ')}; retention = replay window + largest tolerated lag + margin, ${lags}`;
}

function describeReplay(replay: ReplayDeclaration): string {
  if (replay.kind === 'window') return `window ${replay.window}`;
  return 'full';
}
