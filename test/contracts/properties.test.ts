/**
 * Properties of the compatibility checker over random schemas (a grammar of what zod emits: closed, open and partially
 * open objects, required and optional properties, nullable fields, enums, constants, arrays, numbers and strings with
 * bounds, anyOf unions), checked against a real JSON Schema validator (ajv, draft 2020-12):
 * - a schema is compatible with itself in every mode;
 * - FULL reports exactly what BACKWARD and FORWARD report together;
 * - every change agrees with the rule table (contracts/rules.ts, docs/contracts.md): a rule documented as compatible in a
 *   direction never breaks it, one documented as breaking always does;
 * - soundness: when BACKWARD reports nothing, every event valid under the old schema is valid under the new one; when
 *   FORWARD reports nothing, every event valid under the new schema is valid under the old one.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCompatibility, diffSchemas } from '../../contracts/compatibility';
import { propertiesOf, requiredOf, type JsonSchema, type JsonSchemaObject } from '../../contracts/json-schema';
import { RULE_DOCS } from '../../contracts/rules';
import { COMPATIBILITY_MODES } from '../../model/vocabulary';

type S = JsonSchemaObject;
const NAMES = ['a', 'b', 'c', 'd'] as const;

// ---------------------------------------------------------------------------------------------------------------------
// Random schemas

const leaf: fc.Arbitrary<S> = fc.oneof(
  fc.constant<S>({ type: 'string' }),
  fc.integer({ min: 0, max: 4 }).map((n): S => ({ type: 'string', maxLength: n })),
  fc.integer({ min: 0, max: 3 }).map((n): S => ({ type: 'string', minLength: n })),
  fc.subarray(['x', 'y', 'z'], { minLength: 1 }).map((values): S => ({ type: 'string', enum: values })),
  fc.constantFrom('x', 'y').map((v): S => ({ type: 'string', const: v })),
  fc.constant<S>({ type: 'integer' }),
  fc.constant<S>({ type: 'number' }),
  fc.integer({ min: -2, max: 2 }).map((n): S => ({ type: 'integer', minimum: n })),
  fc.integer({ min: -2, max: 2 }).map((n): S => ({ type: 'number', exclusiveMaximum: n })),
  fc.constant<S>({ type: 'boolean' }),
  fc.constant<S>({ type: 'null' }),
  fc.constant<S>({ type: ['string', 'null'] }),
  fc.constant<S>({ type: ['integer', 'string'] }),
  fc.constant<S>({}),
);

const { schema: schemaArb } = fc.letrec<{ schema: S; object: S; array: S; union: S }>((tie) => ({
  schema: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array'), tie('union')),
  object: fc
    .record({
      properties: fc.dictionary(fc.constantFrom(...NAMES), tie('schema'), { maxKeys: 3 }),
      requiredPick: fc.subarray([...NAMES]),
      model: fc.constantFrom<'closed' | 'open' | 'partial'>('closed', 'closed', 'open', 'partial'),
    })
    .map(({ properties, requiredPick, model }): S => ({
      type: 'object',
      properties,
      required: requiredPick.filter((n) => n in properties),
      ...(model === 'closed' ? { additionalProperties: false } : model === 'partial' ? { additionalProperties: { type: 'string' } } : {}),
    })),
  array: fc
    .record({ items: tie('schema'), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) })
    .map(({ items, max }): S => ({ type: 'array', items, ...(max === undefined ? {} : { maxItems: max }) })),
  union: fc.tuple(tie('schema'), tie('schema')).map(([x, y]): S => ({ anyOf: [x, y] })),
}));

/** A small edit of a schema, the way a pull request changes one: most results are compatible in some direction. */
function mutate(schema: S): fc.Arbitrary<S> {
  const options: Array<fc.Arbitrary<S>> = [fc.constant(schema), schemaArb];
  if (schema.type === 'object') {
    const properties = propertiesOf(schema);
    const required = [...requiredOf(schema)];
    options.push(
      fc.tuple(fc.constantFrom(...NAMES), schemaArb).map(([name, s]) => ({ ...schema, properties: { ...properties, [name]: s } })),
      fc.constantFrom(...NAMES).map((name) => ({
        ...schema,
        properties: Object.fromEntries(Object.entries(properties).filter(([k]) => k !== name)),
        required: required.filter((r) => r !== name),
      })),
      fc.constantFrom(...NAMES).map((name) => ({
        ...schema,
        required: required.includes(name) ? required.filter((r) => r !== name) : name in properties ? [...required, name] : required,
      })),
      fc.constantFrom<unknown>(false, undefined, { type: 'string' }).map((ap) => {
        const { additionalProperties: _drop, ...rest } = schema;
        void _drop;
        return ap === undefined ? rest : { ...rest, additionalProperties: ap };
      }),
    );
    const names = Object.keys(properties);
    if (names.length > 0) {
      options.push(
        fc.constantFrom(...names).chain((name) => mutate(properties[name] as S).map((s) => ({ ...schema, properties: { ...properties, [name]: s } }))),
      );
    }
  }
  if (schema.type === 'array' && schema.items !== undefined) options.push(mutate(schema.items as S).map((items) => ({ ...schema, items })));
  if (Array.isArray(schema.enum)) options.push(fc.subarray(['x', 'y', 'z', 'w'], { minLength: 1 }).map((values) => ({ ...schema, enum: values })));
  if (typeof schema.maxLength === 'number') options.push(fc.integer({ min: 0, max: 5 }).map((n) => ({ ...schema, maxLength: n })));
  if (schema.type === 'integer') options.push(fc.constant({ ...schema, type: 'number' }));
  if (schema.type === 'number') options.push(fc.constant({ ...schema, type: 'integer' }));
  if (typeof schema.type === 'string' && schema.type !== 'null') options.push(fc.constant({ anyOf: [schema, { type: 'null' }] }));
  return fc.oneof(...options);
}

const pairArb = schemaArb.chain((before) => mutate(before).map((after) => ({ before, after })));

// ---------------------------------------------------------------------------------------------------------------------
// Random events of a schema (most of them valid; the property filters with the validator)

function valueOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || (typeof schema === 'object' && Object.keys(schema).length === 0)) return fc.jsonValue({ maxDepth: 1 });
  if (schema === false) return fc.constant(null);
  const s = schema;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as JsonSchema[]).map((o) => valueOf(o, depth + 1)));
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((t) => valueOf({ ...s, type: t }, depth)));
  switch (s.type) {
    case 'string':
      return fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: typeof s.maxLength === 'number' ? s.maxLength : 6 });
    case 'integer':
      return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -5, max: 5 });
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(valueOf((s.items as JsonSchema | undefined) ?? true, depth + 1), { maxLength: typeof s.maxItems === 'number' ? s.maxItems : 3 });
    case 'object': {
      const properties = propertiesOf(s);
      const required = requiredOf(s);
      const declared = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, depth > 4 ? fc.constant(null) : valueOf(p, depth + 1)]));
      const extraNames = NAMES.filter((n) => !(n in properties));
      const ap = s.additionalProperties;
      const extras: fc.Arbitrary<Record<string, unknown>> =
        ap === false || extraNames.length === 0
          ? fc.constant({})
          : fc.dictionary(fc.constantFrom(...extraNames), ap === undefined ? fc.jsonValue({ maxDepth: 1 }) : valueOf(ap as JsonSchema, depth + 1), {
              maxKeys: 2,
            });
      return fc
        .tuple(fc.record(declared, { requiredKeys: [...required].filter((k) => k in properties) }), extras)
        .map(([own, extra]) => ({ ...extra, ...own }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: false });
const validator = (schema: JsonSchema): ((v: unknown) => boolean) => {
  const validate = ajv.compile(schema);
  return (v) => validate(v) === true;
};

describe('checkCompatibility properties', () => {
  it('a schema is compatible with itself in every mode', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        for (const mode of COMPATIBILITY_MODES) expect(checkCompatibility(schema, schema, mode)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('FULL = BACKWARD ∧ FORWARD: exactly the findings of both directions', () => {
    fc.assert(
      fc.property(pairArb, ({ before, after }) => {
        const key = (f: { path: string; rule: string; direction: string }): string => `${f.path} ${f.rule} ${f.direction}`;
        const both = [...checkCompatibility(before, after, 'BACKWARD'), ...checkCompatibility(before, after, 'FORWARD')].map(key).sort();
        expect(checkCompatibility(before, after, 'FULL').map(key).sort()).toEqual(both);
        expect(checkCompatibility(before, after, 'FULL_TRANSITIVE').map(key).sort()).toEqual(both);
        expect(checkCompatibility(before, after, 'NONE')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every change agrees with the documented verdict of its rule', () => {
    fc.assert(
      fc.property(pairArb, ({ before, after }) => {
        for (const change of diffSchemas(before, after)) {
          const doc = RULE_DOCS[change.rule];
          for (const direction of ['backward', 'forward'] as const) {
            const documented = doc[direction];
            const breaks = change.breaks.includes(direction);
            if (documented === 'compatible') expect(breaks, `${change.rule} ${direction} ${JSON.stringify({ before, after })}`).toBe(false);
            if (documented === 'breaking') expect(breaks, `${change.rule} ${direction} ${JSON.stringify({ before, after })}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('BACKWARD is sound: with no finding, the new schema accepts every old event', () => {
    fc.assert(
      fc.property(
        pairArb
          .filter(({ before, after }) => checkCompatibility(before, after, 'BACKWARD').length === 0)
          .chain(({ before, after }) => fc.tuple(fc.constant(before), fc.constant(after), fc.array(valueOf(before), { minLength: 1, maxLength: 10 }))),
        ([before, after, events]) => {
          const oldValid = validator(before);
          const newValid = validator(after);
          for (const event of events.filter(oldValid)) expect(newValid(event), JSON.stringify({ before, after, event })).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('FORWARD is sound: with no finding, the old schema accepts every new event', () => {
    fc.assert(
      fc.property(
        pairArb
          .filter(({ before, after }) => checkCompatibility(before, after, 'FORWARD').length === 0)
          .chain(({ before, after }) => fc.tuple(fc.constant(before), fc.constant(after), fc.array(valueOf(after), { minLength: 1, maxLength: 10 }))),
        ([before, after, events]) => {
          const oldValid = validator(before);
          const newValid = validator(after);
          for (const event of events.filter(newValid)) expect(oldValid(event), JSON.stringify({ before, after, event })).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
