/**
 * A reader's replay-safety statement: whether re-reading a topic (offset reset, reindex, application reset) gives the
 * same result and what it does to the world outside Kafka. Deterministic processing and controlled external side
 * effects are two of the four preconditions of a replayable system (DESIGN.md, "The event-design rules"); the other two,
 * idempotency and retention, are declared and checked elsewhere.
 *
 * Its own module so that every reader kind (consumer groups, Kafka Streams applications, sink connectors) declares it
 * in the same shape and the same lint rules and runbook text read it.
 */
import { z } from 'zod';
import { SIDE_EFFECT_CONTROLS } from '../vocabulary';
import { reasonSchema } from './common';

/** How the external side effects of processing are controlled when records are processed again. */
export const sideEffectsSchema = z.discriminatedUnion('control', [
  /** Processing writes nothing outside Kafka (or only to state it rebuilds from Kafka). */
  z.strictObject({ control: z.literal(SIDE_EFFECT_CONTROLS[0]) }),
  /** External effects happen at most once per event, guarded by what `by` says (a unique key, an idempotency table). */
  z.strictObject({ control: z.literal(SIDE_EFFECT_CONTROLS[1]), by: reasonSchema }),
  /** A replay repeats external effects (charges, e-mails): replay of what it reads is unsafe, and `reason` says why. */
  z.strictObject({ control: z.literal(SIDE_EFFECT_CONTROLS[2]), reason: reasonSchema }),
]);
export type SideEffectsDeclaration = z.infer<typeof sideEffectsSchema>;

export const replaySafetySchema = z.strictObject({
  /**
   * Whether processing the same records again gives the same result: no wall-clock reads, random numbers or lookups of
   * data that changes in between decide the output.
   */
  deterministic: z.boolean(),
  /** How external side effects are controlled on replay. */
  sideEffects: sideEffectsSchema,
});
export type ReplaySafety = z.infer<typeof replaySafetySchema>;
export type ReplaySafetyInput = z.input<typeof replaySafetySchema>;
