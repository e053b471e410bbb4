// Objects in the compatibility walk (contracts/walk-object.ts): every pair of content models (closed, open, partially
// open), properties added and removed under each, and where each finding is reported. Expectations are worked by hand
// from JSON Schema: a reader rejects an event when the event holds a property the reader's content model forbids, or
// lacks one the reader requires. BACKWARD = the new schema reads old events; FORWARD = the old one reads new events.
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../contracts/compatibility';
import type { JsonSchema } from '../../contracts/json-schema';

const diff = (before: unknown, after: unknown): string[] =>
  diffSchemas(before as JsonSchema, after as JsonSchema).map((c) => `${c.path} ${c.rule} | ${c.summary} | ${c.breaks.join('+') || 'none'}`);

const CLOSED = false;
const OPEN = undefined;
const STRINGS = { type: 'string' };
const NUMBERS = { type: 'number' };

/** An object with these properties and `additionalProperties` (left out when undefined). */
function object(properties: Record<string, unknown>, additional: unknown, required: string[] = []): Record<string, unknown> {
  return {
    type: 'object',
    properties,
    ...(additional === undefined ? {} : { additionalProperties: additional }),
    ...(required.length > 0 ? { required } : {}),
  };
}

const SHOW = {
  closed: 'closed (additionalProperties: false)',
  open: 'open',
  partial: 'partially open (additionalProperties: <schema>)',
};

describe('content models', () => {
  const a = { a: STRINGS };
  it.each([
    // A closed writer puts nothing undeclared in its events; an open reader takes whatever is there.
    ['closed → open', CLOSED, OPEN, [`$ content-model-opened | additional properties: ${SHOW.closed} → ${SHOW.open} | forward`]],
    ['open → closed', OPEN, CLOSED, [`$ content-model-closed | additional properties: ${SHOW.open} → ${SHOW.closed} | backward`]],
    ['open → partially open', OPEN, STRINGS, [`$ content-model-narrowed | additional properties: ${SHOW.open} → ${SHOW.partial} | backward`]],
    ['partially open → open', STRINGS, OPEN, [`$ content-model-widened | additional properties: ${SHOW.partial} → ${SHOW.open} | forward`]],
    ['closed → partially open', CLOSED, STRINGS, [`$ content-model-opened | additional properties: ${SHOW.closed} → ${SHOW.partial} | forward`]],
    ['partially open → closed', STRINGS, CLOSED, [`$ content-model-closed | additional properties: ${SHOW.partial} → ${SHOW.closed} | backward`]],
    // true and {} accept everything (open); { not: {} } accepts nothing (closed): the same models spelled otherwise.
    ['absent → true', OPEN, true, []],
    ['true → {}', true, {}, []],
    ['false → { not: {} }', CLOSED, { not: {} }, []],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(object(a, before), object(a, after))).toEqual(expected);
  });

  it('compares two partially open models by their schemas, at `*` (or `<path>.*` below the root)', () => {
    expect(diff(object(a, STRINGS), object(a, NUMBERS))).toEqual(['* type-changed | type string → number | backward+forward']);
    expect(diff(object({ meta: object({}, STRINGS) }, CLOSED), object({ meta: object({}, NUMBERS) }, CLOSED))).toEqual([
      'meta.* type-changed | type string → number | backward+forward',
    ]);
    expect(diff(object(a, STRINGS), object(a, STRINGS))).toEqual([]);
  });
});

describe('a property declared on one side only', () => {
  it.each([
    // Added to a closed object: old writers never sent it (fine), old closed readers reject it.
    [
      'added, closed',
      object({}, CLOSED),
      object({ b: NUMBERS }, CLOSED),
      ['b property-added-closed-model | property "b" added; the old object is closed (additionalProperties: false) | forward'],
    ],
    // Added to an open object: an old writer may have put anything under that name, which the new type rejects.
    ['added, open', object({}, OPEN), object({ b: NUMBERS }, OPEN), ['b property-added-open-model | property "b" added; the old object is open | backward']],
    // …unless the new property accepts anything.
    [
      'added, open, accepting anything',
      object({}, OPEN),
      object({ b: {} }, OPEN),
      ['b property-added-open-model | property "b" added; the old object is open | none'],
    ],
    // Removed from an open object: a new writer may put anything under that name, which old readers type as a number.
    [
      'removed, open',
      object({ b: NUMBERS }, OPEN),
      object({}, OPEN),
      ['b property-removed-open-model | property "b" removed; the new object is open | forward'],
    ],
    [
      'removed, closed',
      object({ b: NUMBERS }, CLOSED),
      object({}, CLOSED),
      ['b property-removed-closed-model | property "b" removed; the new object is closed (additionalProperties: false) | backward'],
    ],
    // A property no event can hold ({ not: {} } or false) can go from a closed object without breaking anyone.
    [
      'removed, closed, accepting nothing',
      object({ b: false }, CLOSED),
      object({}, CLOSED),
      ['b property-removed-closed-model | property "b" removed; the new object is closed (additionalProperties: false) | none'],
    ],
    // Partially open: the additional-properties schema now governs the name; compatible when it accepts the property's schema.
    [
      'removed, partially open, same type',
      object({ b: NUMBERS }, NUMBERS),
      object({}, NUMBERS),
      ['b property-removed-partially-open-model | property "b" removed; the new object is partially open (additionalProperties: <schema>) | none'],
    ],
    [
      'removed, partially open, another type',
      object({ b: STRINGS }, NUMBERS),
      object({}, NUMBERS),
      ['b property-removed-partially-open-model | property "b" removed; the new object is partially open (additionalProperties: <schema>) | backward+forward'],
    ],
    [
      'added, partially open, same type',
      object({}, NUMBERS),
      object({ b: NUMBERS }, NUMBERS),
      ['b property-added-partially-open-model | property "b" added; the old object is partially open (additionalProperties: <schema>) | none'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected);
  });

  it('reports a name that is not an identifier quoted, at the root and below it', () => {
    expect(diff(object({}, CLOSED), object({ 'x.y': STRINGS }, CLOSED))).toEqual([
      '$["x.y"] property-added-closed-model | property "x.y" added; the old object is closed (additionalProperties: false) | forward',
    ]);
    expect(diff(object({ m: object({}, CLOSED) }, CLOSED), object({ m: object({ 'x.y': STRINGS }, CLOSED) }, CLOSED))).toEqual([
      'm["x.y"] property-added-closed-model | property "x.y" added; the old object is closed (additionalProperties: false) | forward',
    ]);
  });
});

describe('required properties', () => {
  it('a property made optional breaks old readers that require it; made required, new readers of old events', () => {
    const props = { a: STRINGS, b: STRINGS };
    expect(diff(object(props, CLOSED, ['a', 'b']), object(props, CLOSED, ['a']))).toEqual(['b required-removed | "b" is no longer required | forward']);
    expect(diff(object(props, CLOSED, ['a']), object(props, CLOSED, ['a', 'b']))).toEqual(['b required-added | "b" is now required | backward']);
    expect(diff(object(props, CLOSED, ['b', 'a']), object(props, CLOSED, ['a', 'b']))).toEqual([]);
  });

  it('lists the changes in name order', () => {
    const props = { a: STRINGS, b: STRINGS, c: STRINGS };
    expect(diff(object(props, CLOSED, ['c', 'a']), object(props, CLOSED, ['b']))).toEqual([
      'a required-removed | "a" is no longer required | forward',
      'b required-added | "b" is now required | backward',
      'c required-removed | "c" is no longer required | forward',
    ]);
  });
});
