/**
 * Where a topic's replication comes from. The environment's defaults are judged once, on the environment
 * (`environmentCheck`); a topic is judged only on what it declares itself (`replication`), and dead-letter and retry
 * topics, which copy their topic's replication, not at all: one cause, one finding, where it is fixed.
 */
import type { ResolvedTopic } from '../../model/topology';

export interface TopicReplication {
  readonly factor: number;
  readonly minInsyncReplicas: number;
  /** Which of the two the topic declares itself (the others are the environment's). */
  readonly declares: { readonly factor: boolean; readonly minInsyncReplicas: boolean };
}

/** The replication an event topic declares over its environment's, or undefined when it declares none (or is a companion). */
export function declaredReplication(topic: ResolvedTopic): TopicReplication | undefined {
  if (topic.kind !== 'event') return undefined;
  const declared = topic.replication;
  if (declared === undefined) return undefined;
  return {
    factor: topic.replicationFactor,
    minInsyncReplicas: topic.minInsyncReplicas,
    declares: { factor: declared.factor !== undefined, minInsyncReplicas: declared.minInsyncReplicas !== undefined },
  };
}

/** `4` or `4 (the environment's)`: a value in a topic's finding says whether the topic declares it. */
export function own(value: number, declared: boolean): string {
  return declared ? String(value) : `${value} (the environment's)`;
}
