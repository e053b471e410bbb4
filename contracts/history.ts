/**
 * Transitive compatibility: a `_TRANSITIVE` mode checks a new schema against every earlier version, not only the
 * previous one. The toolkit keeps no history of its own yet: review compares the base and head outputs, so it checks
 * transitive modes against the base version only and says so (contracts/review.ts). This module is the pure part of a
 * history — the versions of one subject, oldest first, as a team (or a registry export) keeps them — so that a caller
 * that has one can run the full check.
 */
import { checkCompatibility, type CompatibilityFinding } from './compatibility';
import { canonicalString } from '../model/canonical-json';
import type { JsonSchema } from './json-schema';
import { checksOf } from './modes';
import type { CompatibilityMode } from '../model/vocabulary';

export interface HistoryFinding extends CompatibilityFinding {
  /** The 1-based version (oldest = 1) the new schema breaks. */
  readonly againstVersion: number;
}

/**
 * Checks `next` against the versions `mode` asks for: the latest one, or every one for a transitive mode. Findings are
 * sorted by version, then path and rule; a change that breaks several versions is reported once per version.
 */
export function checkAgainstHistory(history: readonly JsonSchema[], next: JsonSchema, mode: CompatibilityMode): HistoryFinding[] {
  const { transitive } = checksOf(mode);
  const first = transitive ? 0 : Math.max(0, history.length - 1);
  const findings: HistoryFinding[] = [];
  for (let i = first; i < history.length; i++) {
    const version = history[i];
    if (version === undefined) continue;
    for (const f of checkCompatibility(version, next, mode)) findings.push({ ...f, againstVersion: i + 1 });
  }
  return findings;
}

/** The history with `next` appended when it differs from the latest version (annotations and key order included). */
export function appendVersion(history: readonly JsonSchema[], next: JsonSchema): JsonSchema[] {
  const latest = history[history.length - 1];
  return latest !== undefined && canonicalString(latest) === canonicalString(next) ? [...history] : [...history, next];
}
