// Compatibility modes as the checks they ask for (contracts/modes.ts) and a schema checked against a history of
// versions (contracts/history.ts). Expectations are the Schema Registry definitions, worked by hand: a mode change
// weakens the guarantees when the new mode drops a direction or transitivity the old one checked.
import { describe, expect, it } from 'vitest';
import { appendVersion, checkAgainstHistory } from '../../contracts/history';
import { checksOf, modeChange } from '../../contracts/modes';
import type { JsonSchema } from '../../contracts/json-schema';
import type { CompatibilityMode } from '../../model/vocabulary';

describe('checksOf', () => {
  it.each([
    ['NONE', [], false],
    ['BACKWARD', ['backward'], false],
    ['BACKWARD_TRANSITIVE', ['backward'], true],
    ['FORWARD', ['forward'], false],
    ['FORWARD_TRANSITIVE', ['forward'], true],
    ['FULL', ['backward', 'forward'], false],
    ['FULL_TRANSITIVE', ['backward', 'forward'], true],
  ] as const)('%s checks %j, transitive: %s', (mode, directions, transitive) => {
    expect(checksOf(mode)).toEqual({ directions, transitive });
  });
});

describe('modeChange', () => {
  it.each([
    ['BACKWARD', 'BACKWARD', 'unchanged'],
    ['FULL_TRANSITIVE', 'FULL_TRANSITIVE', 'unchanged'],
    ['NONE', 'NONE', 'unchanged'],
    ['BACKWARD', 'NONE', 'weakened'],
    ['NONE', 'BACKWARD', 'strengthened'],
    ['NONE', 'FULL_TRANSITIVE', 'strengthened'],
    ['NONE', 'FORWARD_TRANSITIVE', 'strengthened'],
    ['FULL', 'BACKWARD', 'weakened'],
    ['FULL', 'FORWARD', 'weakened'],
    ['BACKWARD', 'FULL', 'strengthened'],
    ['FORWARD', 'FULL', 'strengthened'],
    ['BACKWARD', 'FORWARD', 'weakened'],
    ['FORWARD', 'BACKWARD', 'weakened'],
    ['BACKWARD_TRANSITIVE', 'BACKWARD', 'weakened'],
    ['BACKWARD', 'BACKWARD_TRANSITIVE', 'strengthened'],
    ['FORWARD_TRANSITIVE', 'FORWARD', 'weakened'],
    // FULL keeps the backward direction but not the transitivity.
    ['BACKWARD_TRANSITIVE', 'FULL', 'weakened'],
    ['BACKWARD_TRANSITIVE', 'FULL_TRANSITIVE', 'strengthened'],
    ['FULL_TRANSITIVE', 'BACKWARD_TRANSITIVE', 'weakened'],
    ['FULL_TRANSITIVE', 'FULL', 'weakened'],
    ['FULL', 'FULL_TRANSITIVE', 'strengthened'],
    ['FULL_TRANSITIVE', 'NONE', 'weakened'],
  ] as const)('%s → %s: %s', (before, after, expected) => {
    expect(modeChange(before, after)).toBe(expected);
  });
});

describe('checkAgainstHistory', () => {
  // Three versions of a number field's upper bound: ≤ 10, then ≤ 20; the next one is what each case checks.
  const atMost = (n: number): JsonSchema => ({ type: 'number', maximum: n });
  const history = [atMost(10), atMost(20)];
  const found = (next: JsonSchema, mode: CompatibilityMode): string[] =>
    checkAgainstHistory(history, next, mode).map((f) => `v${f.againstVersion} ${f.direction} ${f.rule}`);

  it('checks the latest version only, unless the mode is transitive', () => {
    // ≤ 5 rejects old events ≤ 10 and ≤ 20 alike: BACKWARD sees version 2 only, BACKWARD_TRANSITIVE both, oldest first.
    expect(found(atMost(5), 'BACKWARD')).toEqual(['v2 backward maximum-decreased']);
    expect(found(atMost(5), 'BACKWARD_TRANSITIVE')).toEqual(['v1 backward maximum-decreased', 'v2 backward maximum-decreased']);
  });

  it('finds a break with an older version that the latest does not show', () => {
    // ≤ 15: version 2 (≤ 20) reads it, version 1 (≤ 10) does not.
    expect(found(atMost(15), 'FORWARD')).toEqual([]);
    expect(found(atMost(15), 'FORWARD_TRANSITIVE')).toEqual(['v1 forward maximum-increased']);
    expect(found(atMost(15), 'BACKWARD_TRANSITIVE')).toEqual(['v2 backward maximum-decreased']);
    expect(found(atMost(15), 'FULL_TRANSITIVE')).toEqual(['v1 forward maximum-increased', 'v2 backward maximum-decreased']);
  });

  it('with one version, checks it in either kind of mode; with none, finds nothing', () => {
    expect(checkAgainstHistory([atMost(10)], atMost(5), 'BACKWARD').map((f) => f.againstVersion)).toEqual([1]);
    expect(checkAgainstHistory([atMost(10)], atMost(5), 'BACKWARD_TRANSITIVE').map((f) => f.againstVersion)).toEqual([1]);
    expect(checkAgainstHistory([], atMost(5), 'FULL_TRANSITIVE')).toEqual([]);
    expect(checkAgainstHistory(history, atMost(5), 'NONE')).toEqual([]);
  });
});

describe('appendVersion', () => {
  const v1: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
  it('appends a schema that differs from the latest version', () => {
    const next: JsonSchema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false };
    expect(appendVersion([v1], next)).toEqual([v1, next]);
    expect(appendVersion([], next)).toEqual([next]);
  });
  it('keeps the history as it is for the latest version again, whatever its key order', () => {
    const same: JsonSchema = { additionalProperties: false, properties: { a: { type: 'string' } }, type: 'object' };
    const kept = appendVersion([v1], same);
    expect(kept).toEqual([v1]);
    expect(kept[0]).toBe(v1);
  });
  it('compares with the latest version only: a return to an older one is a new version', () => {
    const v2: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
    expect(appendVersion([v1, v2], v1)).toEqual([v1, v2, v1]);
  });
});
