/**
 * Small helpers that make declarations read well while staying plain data (DESIGN.md: props are plain,
 * zod-validated data, so an importer can generate them and tests can build them).
 */
import type { DurationString } from './duration';
import type { ReplayDeclaration } from './schema';

export { Duration } from './duration';

export const Replay = {
  /** Consumers can reset offsets up to `window` back; retention covers it (cleanup.policy=delete). */
  window: (window: DurationString): ReplayDeclaration => ({ kind: 'window', window }),
  /**
   * Consumers can re-read the latest state of every key from the beginning (cleanup.policy=compact on a keyed topic).
   * Tombstones (delete.retention.ms) outlive `longestReindex`, or a reindex running across a delete resurrects the key.
   * With `expireAfter`, a key whose latest event is older than that may go as well (cleanup.policy=compact,delete;
   * retention.ms = expireAfter + the largest tolerated lag + a one-day margin): a re-read sees every key updated within
   * `expireAfter`.
   */
  full: (options: { readonly longestReindex: DurationString; readonly expireAfter?: DurationString }): ReplayDeclaration => ({
    kind: 'full',
    longestReindex: options.longestReindex,
    ...(options.expireAfter === undefined ? {} : { expireAfter: options.expireAfter }),
  }),
} as const;

/** Kafka principals. Apache Kafka's authorizer matches only `User:` unless a custom principal builder is configured. */
export const KafkaPrincipal = {
  user: (name: string): string => `User:${name}`,
  /** Any other principal type, for clusters with a custom principal builder. */
  of: (type: string, name: string): string => `${type}:${name}`,
} as const;

export const Retries = {
  /** Retry tiers with exponentially growing delays: `first`, 2×, 4×… (`attempts` tiers). */
  exponential: (options: { readonly attempts: number; readonly first: DurationString }): DurationString[] => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(options.first);
    if (match === null) return [options.first];
    const amount = Number(match[1]);
    const unit = match[2] as 'ms';
    return Array.from({ length: options.attempts }, (_, i) => `${amount * 2 ** i}${unit}` as DurationString);
  },
  /** Retry tiers with the given delays, in order. */
  tiers: (...delays: DurationString[]): DurationString[] => delays,
} as const;
