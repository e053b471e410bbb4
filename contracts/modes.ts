/**
 * Compatibility modes (Confluent Schema Registry's names) as the checks they ask for: which directions, and whether
 * against the previous version only or every earlier one (TRANSITIVE).
 */
import type { CompatibilityMode } from '../model/vocabulary';

/** BACKWARD: the new schema reads old events (consumers upgrade first). FORWARD: the old schema reads new events. */
export const DIRECTIONS = ['backward', 'forward'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface ModeChecks {
  readonly directions: readonly Direction[];
  /** Checked against every earlier version, not only the previous one. */
  readonly transitive: boolean;
}

const CHECKS: Readonly<Record<CompatibilityMode, ModeChecks>> = {
  NONE: { directions: [], transitive: false },
  BACKWARD: { directions: ['backward'], transitive: false },
  BACKWARD_TRANSITIVE: { directions: ['backward'], transitive: true },
  FORWARD: { directions: ['forward'], transitive: false },
  FORWARD_TRANSITIVE: { directions: ['forward'], transitive: true },
  FULL: { directions: ['backward', 'forward'], transitive: false },
  FULL_TRANSITIVE: { directions: ['backward', 'forward'], transitive: true },
};

export function checksOf(mode: CompatibilityMode): ModeChecks {
  return CHECKS[mode];
}

export type ModeChange = 'unchanged' | 'strengthened' | 'weakened';

/**
 * How a mode change moves the guarantees: weakened when the new mode drops a direction or transitivity the old one
 * checked (BACKWARD → NONE, FULL → BACKWARD, BACKWARD → FORWARD, BACKWARD_TRANSITIVE → BACKWARD), strengthened when it
 * only adds checks.
 */
export function modeChange(before: CompatibilityMode, after: CompatibilityMode): ModeChange {
  if (before === after) return 'unchanged';
  const b = CHECKS[before];
  const a = CHECKS[after];
  const keepsDirections = b.directions.every((d) => a.directions.includes(d));
  const keepsTransitivity = !b.transitive || a.transitive || b.directions.length === 0;
  return keepsDirections && keepsTransitivity ? 'strengthened' : 'weakened';
}
