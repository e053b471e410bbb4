/**
 * Step 1, the environment: a broken environment is reported at its own source, and the declarations are still checked
 * against the environment without its broken fields, so that every problem is reported at once. Then scaling: the
 * environment's share of each replay window and of the traffic (dev keeps a tenth) is applied to the declarations.
 */
import type { z } from 'zod';
import { toDurationString, toMs, type DurationString } from '../duration';
import { environmentSchema, type Environment, type EventTopicDeclaration } from '../schema';

/**
 * The environment with each top-level field an issue is about removed (unknown fields), or set to a neutral value when
 * it is required; undefined when even that does not parse. Only used to go on checking the declarations.
 */
export function withoutBrokenFields(environment: unknown, error: z.ZodError): { environment: unknown; fields: string[] } | undefined {
  if (typeof environment !== 'object' || environment === null) return undefined;
  const repaired: Record<string, unknown> = { ...(environment as Record<string, unknown>) };
  const fields: string[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : [issue.path[0]];
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      fields.push(key);
      if (key in NEUTRAL_ENVIRONMENT) repaired[key] = NEUTRAL_ENVIRONMENT[key];
      else delete repaired[key];
    }
  }
  return environmentSchema.safeParse(repaired).success ? { environment: repaired, fields } : undefined;
}

/** Declaration checks that depend on an environment field: skipped when that field had to be repaired. */
export const CODES_READING_ENVIRONMENT_FIELD: Readonly<Record<string, readonly string[]>> = {
  principalTypes: ['principal-type-not-allowed'],
  vendorConfigKeys: ['vendor-config-key-not-allowed', 'unknown-config-key'],
};

/** Values for an environment's required fields that let its declarations be checked when the declared ones are broken. */
const NEUTRAL_ENVIRONMENT: Readonly<Record<string, unknown>> = { name: 'environment', production: false, replicationFactor: 1, minInsyncReplicas: 1 };

/**
 * Applies the environment's scaling (e.g. dev keeps a tenth of the window and traffic) to a declaration, so everything
 * derived from it — retention, partitions, and what lint compares them with — is consistent.
 */
export function scaleTopic(t: EventTopicDeclaration, env: Environment): EventTopicDeclaration {
  const { replayWindow, throughput, minimumWindow } = env.scaling;
  let scaled = t;
  const scale = (d: string): DurationString => toDurationString(Math.max(toMs(minimumWindow), Math.round(toMs(d) * replayWindow)));
  if (replayWindow < 1 && t.replay.kind === 'window') {
    scaled = { ...scaled, replay: { kind: 'window', window: scale(t.replay.window) } };
  }
  // A compacted topic's key expiry is a replay window too: scaled the same way.
  if (replayWindow < 1 && t.replay.kind === 'full' && t.replay.expireAfter !== undefined) {
    scaled = { ...scaled, replay: { ...t.replay, expireAfter: scale(t.replay.expireAfter) } };
  }
  if (throughput < 1 && t.throughput !== undefined) {
    scaled = { ...scaled, throughput: { ...t.throughput, peakMessagesPerSecond: t.throughput.peakMessagesPerSecond * throughput } };
  }
  return scaled;
}
