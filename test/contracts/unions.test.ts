// Unions in the compatibility walk (contracts/walk-union.ts): how options are paired (by title, by a discriminator
// constant, by type, integer with number, one anonymous option left on each side), where each finding is reported,
// and when anyOf → oneOf is safe. Expectations are worked by hand from JSON Schema: an option with no counterpart
// breaks the side that must read it unless another option there accepts it whole. BACKWARD = the new schema reads old
// events; FORWARD = the old one reads new events.
import { describe, expect, it } from 'vitest';
import { checkCompatibility, diffSchemas } from '../../contracts/compatibility';
import type { JsonSchema } from '../../contracts/json-schema';

const diff = (before: unknown, after: unknown): string[] =>
  diffSchemas(before as JsonSchema, after as JsonSchema).map((c) => `${c.path} ${c.rule} | ${c.summary} | ${c.breaks.join('+') || 'none'}`);

/** A closed event object pinned by `kind` (a discriminated union's option). */
function event(kind: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'object',
    properties: { kind: { const: kind }, ...extra },
    required: ['kind'],
    additionalProperties: false,
  };
}

describe('options paired by a discriminator constant', () => {
  it('an event type replaced by another is one removed and one added, each at its own option', () => {
    expect(diff({ oneOf: [event('A'), event('B')] }, { oneOf: [event('A'), event('C')] })).toEqual([
      '(kind=B) union-option-removed | option kind=B removed | backward',
      '(kind=C) union-option-added | option kind=C added | forward',
    ]);
  });

  it('pairs options by their constant whatever their order, and compares the pair', () => {
    const before = { oneOf: [event('A', { n: { type: 'number' } }), event('B')] };
    const after = { oneOf: [event('B'), event('A', { n: { type: 'string' } })] };
    expect(diff(before, after)).toEqual(['(kind=A).n type-changed | type number → string | backward+forward']);
  });

  it('names a non-text constant by its JSON', () => {
    const v = (n: number): Record<string, unknown> => ({ type: 'object', properties: { v: { const: n } }, additionalProperties: false });
    expect(diff({ oneOf: [v(1), v(2)] }, { oneOf: [v(1), v(3)] })).toEqual([
      '(v=2) union-option-removed | option v=2 removed | backward',
      '(v=3) union-option-added | option v=3 added | forward',
    ]);
  });
});

describe('options paired by title', () => {
  const titled = (title: string, type: string): Record<string, unknown> => ({ title, type });
  it('a titled option renamed is removed and added, not changed', () => {
    expect(diff({ anyOf: [titled('Cash', 'string'), titled('Card', 'number')] }, { anyOf: [titled('Cash', 'string'), titled('Wallet', 'number')] })).toEqual([
      // The other side's Card/Wallet option accepts every number: nothing breaks, but the change is named.
      '(Card) union-option-removed | option Card removed | none',
      '(Wallet) union-option-added | option Wallet added | none',
    ]);
  });
});

describe('options paired by type', () => {
  it('pairs integer with number, and reports the pair at the old option', () => {
    expect(diff({ anyOf: [{ type: 'integer' }, { type: 'string' }] }, { anyOf: [{ type: 'number' }, { type: 'string' }] })).toEqual([
      '(integer) type-widened | type integer → number | forward',
    ]);
  });

  it('pairs the one anonymous option left on each side as the same option changed', () => {
    const before = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };
    const after = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'array' }] };
    expect(diff(before, after)).toEqual(['(boolean) type-changed | type boolean → array | backward+forward']);
  });

  it('does not pair when two options are left on a side: each is removed or added', () => {
    const before = { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'null' }] };
    const after = { anyOf: [{ type: 'string' }, { type: 'array' }, { type: 'object' }] };
    expect(diff(before, after)).toEqual([
      '(array) union-option-added | option array added | forward',
      '(boolean) union-option-removed | option boolean removed | backward',
      '(null) nullable-removed | null removed | backward',
      '(object) union-option-added | option object added | forward',
    ]);
  });

  it('reports at the field itself for "X or null" on both sides', () => {
    expect(diff({ type: ['string', 'null'] }, { type: ['number', 'null'] })).toEqual(['$ type-changed | type string → number | backward+forward']);
    expect(diff({ type: 'string' }, { type: ['string', 'null'] })).toEqual(['$ nullable-added | null added | forward']);
    expect(diff({ type: ['string', 'null'] }, { type: 'string' })).toEqual(['$ nullable-removed | null removed | backward']);
  });
});

describe('anyOf ↔ oneOf', () => {
  it('is safe when the options exclude each other by type', () => {
    const options = [{ type: 'string' }, { type: 'number' }];
    expect(diff({ anyOf: options }, { oneOf: options })).toEqual(['$ union-kind-changed | anyOf → oneOf | none']);
    expect(diff({ oneOf: options }, { anyOf: options })).toEqual(['$ union-kind-changed | oneOf → anyOf | none']);
  });

  it('is safe when a discriminator tells every option apart', () => {
    const options = [event('A'), event('B')];
    expect(diff({ anyOf: options }, { oneOf: options })).toEqual(['$ union-kind-changed | anyOf → oneOf | none']);
  });

  it('breaks new readers when integer and number options may both match one value', () => {
    const options = [{ type: 'integer' }, { type: 'number' }];
    expect(diff({ anyOf: options }, { oneOf: options })).toEqual(['$ union-kind-changed | anyOf → oneOf (the oneOf options may overlap) | backward']);
    // The other way round only old readers (oneOf) break; the FORWARD finding says why.
    expect(diff({ oneOf: options }, { anyOf: options })).toEqual(['$ union-kind-changed | oneOf → anyOf | forward']);
    expect(checkCompatibility({ oneOf: options }, { anyOf: options }, 'FORWARD').map((f) => f.message)).toEqual([
      'oneOf → anyOf (the oneOf options may overlap) — readers still on the old schema reject events written with the new one (FORWARD)',
    ]);
  });

  it('is not a kind change for a single option', () => {
    expect(diff({ anyOf: [{ type: 'string' }] }, { oneOf: [{ type: 'string' }] })).toEqual([]);
  });
});
