/**
 * Schema compatibility as Confluent Schema Registry defines it for JSON Schema, as a pure function of two schemas.
 *
 * One walk asks "does the reader accept every instance the writer allows?": BACKWARD walks with the new schema as
 * reader and the old one as writer (the new schema reads old events), FORWARD the other way round, FULL both. Each
 * difference the walk meets is named as a change from the old schema to the new one (contracts/rules.ts), so the same
 * change has the same name in both directions, and judged for the walk's direction. Objects are judged by their content
 * model (closed, open or partially open: contracts/json-schema.ts), unions by pairing their options (by title, by a
 * discriminator constant, by type), and whatever the checker does not compare (allOf, not, patternProperties, a $ref
 * outside the document, …) is reported as undecided rather than passed.
 *
 * Transitive modes need every earlier version: this function compares two versions; contracts/history.ts runs it
 * against each version of a history.
 */
import type { CompatibilityMode } from '../model/vocabulary';
import type { JsonSchema } from './json-schema';
import { checksOf, DIRECTIONS, type Direction } from './modes';
import { RULE_DOCS, type ChangeRule } from './rules';
import { walk } from './walk';

export type { Direction };

/** A change that breaks readers in one direction, or that the checker cannot decide. */
export interface CompatibilityFinding {
  /** Field path in the event: `items[].sku`, `customer.email`, `$` for the whole event, `(type=OrderPaid)` for a union option. */
  readonly path: string;
  readonly rule: ChangeRule;
  readonly direction: Direction;
  /** What changed and whom it breaks. */
  readonly message: string;
  /** True when the checker could not decide (unsupported keyword, unresolved $ref): a human must. */
  readonly undecided: boolean;
}

/** A change between two schemas with the directions it breaks (empty: compatible both ways). */
export interface SchemaChange {
  readonly path: string;
  readonly rule: ChangeRule;
  /** What changed, independent of direction. */
  readonly summary: string;
  readonly breaks: readonly Direction[];
  readonly undecided: boolean;
}

/**
 * The changes from `before` to `after` that break readers under `mode` (every direction the mode checks), sorted by
 * path, rule and direction; empty when compatible. NONE checks nothing. A transitive mode is checked here against
 * `before` only: pass every earlier version through contracts/history.ts for the full check.
 */
export function checkCompatibility(before: JsonSchema, after: JsonSchema, mode: CompatibilityMode): CompatibilityFinding[] {
  const findings: CompatibilityFinding[] = [];
  for (const direction of checksOf(mode).directions) {
    for (const d of walk(before, after, direction)) {
      if (d.compatible && !d.undecided) continue;
      findings.push({
        path: d.path,
        rule: d.rule,
        direction,
        message: `${d.summary} — ${consequence(direction, d.undecided, d.rule)}`,
        undecided: d.undecided,
      });
    }
  }
  return dedupe(findings).sort(compareFindings);
}

/** Every change from `before` to `after`, compatible ones included, with the directions each breaks. */
export function diffSchemas(before: JsonSchema, after: JsonSchema): SchemaChange[] {
  const byKey = new Map<string, { path: string; rule: ChangeRule; summary: string; breaks: Set<Direction>; undecided: boolean }>();
  for (const direction of DIRECTIONS) {
    for (const d of walk(before, after, direction)) {
      const key = `${d.path}\u0000${d.rule}`;
      const entry = byKey.get(key) ?? { path: d.path, rule: d.rule, summary: d.summary, breaks: new Set<Direction>(), undecided: false };
      if (!d.compatible && !d.undecided) entry.breaks.add(direction);
      if (d.undecided) entry.undecided = true;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map((e) => ({ path: e.path, rule: e.rule, summary: e.summary, breaks: DIRECTIONS.filter((d) => e.breaks.has(d)), undecided: e.undecided }))
    .sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.rule, b.rule));
}

/** What a breaking change does to readers, in words. */
export function consequence(direction: Direction, undecided: boolean, rule: ChangeRule): string {
  if (undecided) return `not checked (${RULE_DOCS[rule].reason})`;
  return direction === 'backward'
    ? 'readers on the new schema reject events written with the old one (BACKWARD)'
    : 'readers still on the old schema reject events written with the new one (FORWARD)';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: CompatibilityFinding, b: CompatibilityFinding): number {
  return compareStrings(a.path, b.path) || compareStrings(a.rule, b.rule) || compareStrings(a.direction, b.direction);
}

function dedupe(findings: readonly CompatibilityFinding[]): CompatibilityFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}\u0000${f.rule}\u0000${f.direction}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
