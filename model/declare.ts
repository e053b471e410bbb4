/**
 * Small helpers that make declarations read well while staying plain data (DESIGN.md: props are plain,
 * zod-validated data, so an importer can generate them and tests can build them).
 */
import type { DurationString } from './duration';
import { MAX_RETRY_TIERS } from './limits';
import type { ReplayDeclaration, SideEffectsDeclaration } from './schema';

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

/**
 * How `Retries.exponential` was called, kept on the list it returns (a symbol, so the list still reads and serializes as
 * plain delays) so that the consumer group's declaration is validated as written: a bad `attempts` is an error on
 * `retries`, not an empty list.
 */
export const RETRY_POLICY = Symbol.for('topicform.retries.exponential');

export interface ExponentialRetries {
  readonly kind: 'exponential';
  readonly attempts: number;
  readonly first: DurationString;
}

export const Retries = {
  /**
   * Retry tiers with exponentially growing delays: `first`, 2×, 4×… (`attempts` tiers, a whole number from 1 to
   * MAX_RETRY_TIERS in model/limits.ts).
   */
  exponential: (options: { readonly attempts: number; readonly first: DurationString }): DurationString[] => {
    const { attempts, first } = options;
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(first);
    const valid = Number.isInteger(attempts) && attempts >= 1 && attempts <= MAX_RETRY_TIERS;
    const tiers: DurationString[] = !valid
      ? []
      : match === null
        ? [first]
        : Array.from({ length: attempts }, (_, i) => `${Number(match[1]) * 2 ** i}${match[2] as 'ms'}` as DurationString);
    Object.defineProperty(tiers, RETRY_POLICY, { value: { kind: 'exponential', attempts, first } satisfies ExponentialRetries, enumerable: false });
    return tiers;
  },
  /** Retry tiers with the given delays, in order. */
  tiers: (...delays: DurationString[]): DurationString[] => delays,
} as const;

/** The `Retries.exponential` call a list of delays came from, if it did. */
export function retryPolicyOf(delays: unknown): ExponentialRetries | undefined {
  if (!Array.isArray(delays)) return undefined;
  const policy = (delays as unknown as Record<symbol, unknown>)[RETRY_POLICY];
  return typeof policy === 'object' && policy !== null ? (policy as ExponentialRetries) : undefined;
}

/**
 * How a reader's external side effects are controlled on replay (its `replaySafety.sideEffects`), e.g.
 * `replaySafety: { deterministic: true, sideEffects: SideEffects.guardedBy('payment id unique per order') }`.
 */
export const SideEffects = {
  /** Processing writes nothing outside Kafka (or only state it rebuilds from Kafka). */
  none: (): SideEffectsDeclaration => ({ control: 'none' }),
  /** External effects happen once per event, guarded by what `by` says. */
  guardedBy: (by: string): SideEffectsDeclaration => ({ control: 'guarded', by }),
  /** A replay repeats external effects; `reason` says why they cannot be guarded. Replay of what it reads is an error. */
  notReplaySafe: (reason: string): SideEffectsDeclaration => ({ control: 'not-replay-safe', reason }),
} as const;
