// The bound and exact-match keywords of the compatibility walk (contracts/walk-bounds.ts), one keyword and one edge
// at a time, on hand-written JSON Schemas. Each expectation is worked out by hand from JSON Schema's meaning: a new
// schema with a tighter bound rejects some old events (breaks BACKWARD), a looser one lets through new events the old
// schema rejects (breaks FORWARD); `exclusiveMinimum`/`exclusiveMaximum` fold into `minimum`/`maximum`, the tighter
// of the two winning.
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../contracts/compatibility';
import type { JsonSchema } from '../../contracts/json-schema';

/** `<rule> | <summary> | <directions broken>` for every change at the root. */
const diff = (before: unknown, after: unknown): string[] =>
  diffSchemas(before as JsonSchema, after as JsonSchema).map((c) => `${c.path} ${c.rule} | ${c.summary} | ${c.breaks.join('+') || 'none'}`);

const num = (extra: Record<string, unknown>): Record<string, unknown> => ({ type: 'number', ...extra });
const str = (extra: Record<string, unknown>): Record<string, unknown> => ({ type: 'string', ...extra });

describe('minimum and maximum, with their exclusive forms', () => {
  it.each([
    ['minimum raised', num({ minimum: 0 }), num({ minimum: 1 }), ['$ minimum-increased | minimum ≥ 0 → ≥ 1 | backward']],
    ['minimum lowered', num({ minimum: 1 }), num({ minimum: 0 }), ['$ minimum-decreased | minimum ≥ 1 → ≥ 0 | forward']],
    ['maximum lowered', num({ maximum: 10 }), num({ maximum: 5 }), ['$ maximum-decreased | maximum ≤ 10 → ≤ 5 | backward']],
    ['maximum raised', num({ maximum: 5 }), num({ maximum: 10 }), ['$ maximum-increased | maximum ≤ 5 → ≤ 10 | forward']],
    ['minimum added', num({}), num({ minimum: 0 }), ['$ minimum-added | minimum none → ≥ 0 | backward']],
    ['minimum removed', num({ minimum: 0 }), num({}), ['$ minimum-removed | minimum ≥ 0 → none | forward']],
    ['maximum added', num({}), num({ maximum: 9 }), ['$ maximum-added | maximum none → ≤ 9 | backward']],
    ['maximum removed', num({ maximum: 9 }), num({}), ['$ maximum-removed | maximum ≤ 9 → none | forward']],
    ['the same minimum', num({ minimum: 3 }), num({ minimum: 3 }), []],
    ['the same exclusive maximum', num({ exclusiveMaximum: 3 }), num({ exclusiveMaximum: 3 }), []],
    // ≤ 10 admits 10, < 10 does not: same number, one value fewer.
    ['maximum made exclusive at the same value', num({ maximum: 10 }), num({ exclusiveMaximum: 10 }), ['$ maximum-decreased | maximum ≤ 10 → < 10 | backward']],
    ['maximum made inclusive at the same value', num({ exclusiveMaximum: 10 }), num({ maximum: 10 }), ['$ maximum-increased | maximum < 10 → ≤ 10 | forward']],
    ['minimum made exclusive at the same value', num({ minimum: 0 }), num({ exclusiveMinimum: 0 }), ['$ minimum-increased | minimum ≥ 0 → > 0 | backward']],
    ['minimum made inclusive at the same value', num({ exclusiveMinimum: 0 }), num({ minimum: 0 }), ['$ minimum-decreased | minimum > 0 → ≥ 0 | forward']],
    // Both forms given: the tighter one is the bound (≥ 5 beats > 3; > 0 beats ≥ 0; < 5 beats ≤ 7; ≤ 5 beats < 7).
    ['minimum 5 with exclusiveMinimum 3 is ≥ 5', num({ minimum: 5, exclusiveMinimum: 3 }), num({ minimum: 5 }), []],
    [
      'exclusiveMinimum 3 with minimum 5, loosened to > 3',
      num({ minimum: 5, exclusiveMinimum: 3 }),
      num({ exclusiveMinimum: 3 }),
      ['$ minimum-decreased | minimum ≥ 5 → > 3 | forward'],
    ],
    ['minimum 0 with exclusiveMinimum 0 is > 0', num({ minimum: 0, exclusiveMinimum: 0 }), num({ exclusiveMinimum: 0 }), []],
    [
      'minimum 0 with exclusiveMinimum 0, loosened to ≥ 0',
      num({ minimum: 0, exclusiveMinimum: 0 }),
      num({ minimum: 0 }),
      ['$ minimum-decreased | minimum > 0 → ≥ 0 | forward'],
    ],
    ['maximum 7 with exclusiveMaximum 5 is < 5', num({ maximum: 7, exclusiveMaximum: 5 }), num({ exclusiveMaximum: 5 }), []],
    ['maximum 5 with exclusiveMaximum 7 is ≤ 5', num({ maximum: 5, exclusiveMaximum: 7 }), num({ maximum: 5 }), []],
    ['maximum 10 with exclusiveMaximum 10 is < 10', num({ maximum: 10, exclusiveMaximum: 10 }), num({ exclusiveMaximum: 10 }), []],
    [
      'maximum 5 with exclusiveMaximum 7, loosened to < 7',
      num({ maximum: 5, exclusiveMaximum: 7 }),
      num({ exclusiveMaximum: 7 }),
      ['$ maximum-increased | maximum ≤ 5 → < 7 | forward'],
    ],
    // A bound that is not a finite number bounds nothing (and a string "3" is not 3).
    ['a minimum written as a string, then as a number', num({ minimum: '3' }), num({ minimum: 3 }), ['$ minimum-added | minimum none → ≥ 3 | backward']],
    [
      'an exclusive maximum written as a string, then as a number',
      num({ exclusiveMaximum: '3' }),
      num({ exclusiveMaximum: 3 }),
      ['$ maximum-added | maximum none → < 3 | backward'],
    ],
    ['an infinite maximum', num({ maximum: Infinity }), num({}), []],
    ['a negative minimum raised to zero', num({ minimum: -2 }), num({ minimum: 0 }), ['$ minimum-increased | minimum ≥ -2 → ≥ 0 | backward']],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });

  it('is judged on integers too, and reports a change at the property it is on', () => {
    const before = { type: 'object', properties: { qty: { type: 'integer', minimum: 1, maximum: 99 } }, additionalProperties: false };
    const after = { type: 'object', properties: { qty: { type: 'integer', minimum: 0, maximum: 100 } }, additionalProperties: false };
    expect(diff(before, after)).toEqual(['qty maximum-increased | maximum ≤ 99 → ≤ 100 | forward', 'qty minimum-decreased | minimum ≥ 1 → ≥ 0 | forward']);
  });
});

describe('length, item and property counts (no exclusive forms)', () => {
  it.each([
    ['minLength raised', str({ minLength: 1 }), str({ minLength: 2 }), ['$ min-length-increased | minLength 1 → 2 | backward']],
    ['minLength lowered', str({ minLength: 2 }), str({ minLength: 1 }), ['$ min-length-decreased | minLength 2 → 1 | forward']],
    ['maxLength lowered', str({ maxLength: 5 }), str({ maxLength: 3 }), ['$ max-length-decreased | maxLength 5 → 3 | backward']],
    ['maxLength raised', str({ maxLength: 3 }), str({ maxLength: 5 }), ['$ max-length-increased | maxLength 3 → 5 | forward']],
    ['maxLength added', str({}), str({ maxLength: 8 }), ['$ max-length-added | maxLength none → 8 | backward']],
    ['maxLength removed', str({ maxLength: 8 }), str({}), ['$ max-length-removed | maxLength 8 → none | forward']],
    ['minLength added', str({}), str({ minLength: 1 }), ['$ min-length-added | minLength none → 1 | backward']],
    ['minLength removed', str({ minLength: 1 }), str({}), ['$ min-length-removed | minLength 1 → none | forward']],
    // exclusiveMinimum belongs to numbers: next to minLength it does not make the length bound exclusive.
    ['minLength with an exclusiveMinimum beside it', str({ minLength: 2, exclusiveMinimum: 2 }), str({ minLength: 2 }), []],
    ['maxLength with an exclusiveMaximum beside it', str({ maxLength: 5, exclusiveMaximum: 3 }), str({ maxLength: 5 }), []],
    ['minItems raised', { type: 'array', minItems: 0 }, { type: 'array', minItems: 1 }, ['$ min-items-increased | minItems 0 → 1 | backward']],
    ['maxItems removed', { type: 'array', maxItems: 3 }, { type: 'array' }, ['$ max-items-removed | maxItems 3 → none | forward']],
    ['maxItems lowered', { type: 'array', maxItems: 3 }, { type: 'array', maxItems: 2 }, ['$ max-items-decreased | maxItems 3 → 2 | backward']],
    [
      'minProperties raised',
      { type: 'object', minProperties: 1 },
      { type: 'object', minProperties: 2 },
      ['$ min-properties-increased | minProperties 1 → 2 | backward'],
    ],
    [
      'maxProperties lowered',
      { type: 'object', maxProperties: 4 },
      { type: 'object', maxProperties: 2 },
      ['$ max-properties-decreased | maxProperties 4 → 2 | backward'],
    ],
    [
      'maxProperties raised',
      { type: 'object', maxProperties: 2 },
      { type: 'object', maxProperties: 4 },
      ['$ max-properties-increased | maxProperties 2 → 4 | forward'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });
});

describe('multipleOf', () => {
  it.each([
    // Every multiple of 10 is a multiple of 5 (10 / 5 = 2): the new schema reads old events; not the other way round.
    ['relaxed 10 → 5', num({ multipleOf: 10 }), num({ multipleOf: 5 }), ['$ multiple-of-changed | multipleOf 10 → 5 | forward']],
    ['tightened 5 → 10', num({ multipleOf: 5 }), num({ multipleOf: 10 }), ['$ multiple-of-changed | multipleOf 5 → 10 | backward']],
    // 6 and 4 divide neither way (6 / 4 = 1.5, 4 / 6 ≈ 0.67): both directions break.
    ['changed 6 → 4', num({ multipleOf: 6 }), num({ multipleOf: 4 }), ['$ multiple-of-changed | multipleOf 6 → 4 | backward+forward']],
    // 0.3 / 0.1 is 2.9999999999999996 in floating point: still a whole ratio, within the tolerance.
    [
      'tightened 0.1 → 0.3 (a whole ratio in floating point)',
      num({ multipleOf: 0.1 }),
      num({ multipleOf: 0.3 }),
      ['$ multiple-of-changed | multipleOf 0.1 → 0.3 | backward'],
    ],
    ['added', num({}), num({ multipleOf: 5 }), ['$ multiple-of-added | multipleOf none → 5 | backward']],
    ['removed', num({ multipleOf: 5 }), num({}), ['$ multiple-of-removed | multipleOf 5 → none | forward']],
    // multipleOf must be > 0 (JSON Schema): 0 or a negative value constrains nothing.
    ['0 → -2 (neither is a constraint)', num({ multipleOf: 0 }), num({ multipleOf: -2 }), []],
    ['0 → 2', num({ multipleOf: 0 }), num({ multipleOf: 2 }), ['$ multiple-of-added | multipleOf none → 2 | backward']],
    // A multipleOf written as a string is no constraint (a string "5" is not 5, even though "5" > 0 in JavaScript).
    ['"5" → 5', num({ multipleOf: '5' }), num({ multipleOf: 5 }), ['$ multiple-of-added | multipleOf none → 5 | backward']],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });
});

describe('pattern and format: equal or not, nothing in between', () => {
  it.each([
    ['pattern added', str({}), str({ pattern: '^a' }), ['$ pattern-added | pattern none → "^a" | backward']],
    ['pattern removed', str({ pattern: '^a' }), str({}), ['$ pattern-removed | pattern "^a" → none | forward']],
    ['pattern changed', str({ pattern: '^a' }), str({ pattern: '^b' }), ['$ pattern-changed | pattern "^a" → "^b" | backward+forward']],
    ['the same pattern', str({ pattern: '^a' }), str({ pattern: '^a' }), []],
    ['format added', str({}), str({ format: 'email' }), ['$ format-added | format none → "email" | backward']],
    ['format changed', str({ format: 'email' }), str({ format: 'uri' }), ['$ format-changed | format "email" → "uri" | backward+forward']],
    ['format removed', str({ format: 'uri' }), str({}), ['$ format-removed | format "uri" → none | forward']],
    // A pattern that is not a string is no pattern.
    ['a pattern that is a number, then a string', str({ pattern: 5 }), str({ pattern: '5' }), ['$ pattern-added | pattern none → "5" | backward']],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });
});
