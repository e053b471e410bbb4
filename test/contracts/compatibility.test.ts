import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkCompatibility, diffSchemas } from '../../contracts/compatibility';
import type { JsonSchema } from '../../contracts/json-schema';
import { COMPATIBILITY_MODES, type CompatibilityMode } from '../../model/vocabulary';
import { json } from './helpers';

/**
 * The compatibility table: (before, after) pairs with the findings each direction reports, `<path> <rule>`, and the
 * modes that accept the change. BACKWARD = the new schema reads old events; FORWARD = the old schema reads new
 * events; FULL = both; NONE checks nothing. Schemas are zod schemas converted as the constructs convert them (closed
 * objects), or hand-written JSON where the case needs what zod does not emit.
 */
interface Row {
  readonly name: string;
  readonly before: JsonSchema;
  readonly after: JsonSchema;
  readonly backward: readonly string[];
  readonly forward: readonly string[];
  /** The modes under which the change is compatible (no finding). */
  readonly accepts: readonly CompatibilityMode[];
}

const ALL: readonly CompatibilityMode[] = ['BACKWARD', 'FORWARD', 'FULL', 'NONE'];
const B_ONLY: readonly CompatibilityMode[] = ['BACKWARD', 'NONE'];
const F_ONLY: readonly CompatibilityMode[] = ['FORWARD', 'NONE'];
const NONE_ONLY: readonly CompatibilityMode[] = ['NONE'];

const order = z.object({ orderId: z.string(), customerId: z.string(), note: z.string().optional() });
const money = z.object({ amountMinor: z.number().int(), currency: z.string() });

const ROWS: readonly Row[] = [
  // --- objects (closed content model: what z.object converts to)
  { name: 'identical schemas', before: json(order), after: json(order), backward: [], forward: [], accepts: ALL },
  {
    name: 'optional property added',
    before: json(order),
    after: json(order.extend({ channel: z.string().optional() })),
    backward: [],
    forward: ['channel property-added-closed-model'],
    accepts: B_ONLY,
  },
  {
    name: 'required property added',
    before: json(order),
    after: json(order.extend({ channel: z.string() })),
    backward: ['channel required-added'],
    forward: ['channel property-added-closed-model'],
    accepts: NONE_ONLY,
  },
  {
    name: 'required property added with a default (JSON Schema defaults do not fill in old events)',
    before: json(order),
    after: json(order.extend({ channel: z.string().default('web') })),
    backward: ['channel required-added'],
    forward: ['channel property-added-closed-model'],
    accepts: NONE_ONLY,
  },
  {
    name: 'optional property removed',
    before: json(order),
    after: json(order.omit({ note: true })),
    backward: ['note property-removed-closed-model'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'required property removed',
    before: json(order),
    after: json(order.omit({ customerId: true })),
    backward: ['customerId property-removed-closed-model'],
    forward: ['customerId required-removed'],
    accepts: NONE_ONLY,
  },
  {
    name: 'optional property made required',
    before: json(order),
    after: json(order.extend({ note: z.string() })),
    backward: ['note required-added'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'required property made optional',
    before: json(order),
    after: json(order.extend({ customerId: z.string().optional() })),
    backward: [],
    forward: ['customerId required-removed'],
    accepts: B_ONLY,
  },

  // --- open and partially open content models
  {
    name: 'open model: property added',
    before: json(z.looseObject({ id: z.string() })),
    after: json(z.looseObject({ id: z.string(), channel: z.string().optional() })),
    backward: ['channel property-added-open-model'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'open model: property added that accepts any value',
    before: { type: 'object', properties: { id: { type: 'string' } } },
    after: { type: 'object', properties: { id: { type: 'string' }, extra: {} } },
    backward: [],
    forward: [],
    accepts: ALL,
  },
  {
    name: 'open model: property removed',
    before: json(z.looseObject({ id: z.string(), channel: z.string().optional() })),
    after: json(z.looseObject({ id: z.string() })),
    backward: [],
    forward: ['channel property-removed-open-model'],
    accepts: B_ONLY,
  },
  {
    name: 'open model closed',
    before: json(z.looseObject({ id: z.string() })),
    after: json(z.object({ id: z.string() })),
    backward: ['$ content-model-closed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'closed model opened',
    before: json(z.object({ id: z.string() })),
    after: json(z.looseObject({ id: z.string() })),
    backward: [],
    forward: ['$ content-model-opened'],
    accepts: B_ONLY,
  },
  {
    name: 'partially open model: a removed property its additionalProperties schema covers',
    before: json(z.object({ id: z.string(), label: z.string().optional() }).catchall(z.string())),
    after: json(z.object({ id: z.string() }).catchall(z.string())),
    backward: [],
    forward: [],
    accepts: ALL,
  },
  {
    name: 'partially open model: an added property its additionalProperties schema does not cover',
    before: json(z.object({ id: z.string() }).catchall(z.string())),
    after: json(z.object({ id: z.string(), count: z.number().optional() }).catchall(z.string())),
    backward: ['count property-added-partially-open-model'],
    forward: ['count property-added-partially-open-model'],
    accepts: NONE_ONLY,
  },

  // --- types
  {
    name: 'integer widened to number',
    before: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false },
    after: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false },
    backward: [],
    forward: ['n type-widened'],
    accepts: B_ONLY,
  },
  {
    name: 'number narrowed to integer',
    before: { type: 'number' },
    after: { type: 'integer' },
    backward: ['$ type-narrowed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'type changed (string → number)',
    before: json(z.object({ total: z.string() })),
    after: json(z.object({ total: z.number() })),
    backward: ['total type-changed'],
    forward: ['total type-changed'],
    accepts: NONE_ONLY,
  },
  {
    name: 'constraint dropped to "any value" (z.unknown())',
    before: json(z.object({ meta: z.string() })),
    after: { type: 'object', properties: { meta: {} }, required: ['meta'], additionalProperties: false },
    backward: [],
    forward: ['meta type-widened'],
    accepts: B_ONLY,
  },

  // --- optional and nullable
  {
    name: 'nullable added',
    before: json(z.object({ email: z.string() })),
    after: json(z.object({ email: z.string().nullable() })),
    backward: [],
    forward: ['email nullable-added'],
    accepts: B_ONLY,
  },
  {
    name: 'nullable removed',
    before: json(z.object({ email: z.string().nullable() })),
    after: json(z.object({ email: z.string() })),
    backward: ['email nullable-removed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'optional turned nullable (now required, may be null)',
    before: json(z.object({ email: z.string().optional() })),
    after: json(z.object({ email: z.string().nullable() })),
    backward: ['email required-added'],
    forward: ['email nullable-added'],
    accepts: NONE_ONLY,
  },
  {
    name: 'nullable object: property added inside (anyOf [object, null])',
    before: json(z.object({ address: z.object({ city: z.string() }).nullable() })),
    after: json(z.object({ address: z.object({ city: z.string(), zip: z.string().optional() }).nullable() })),
    backward: [],
    forward: ['address.zip property-added-closed-model'],
    accepts: B_ONLY,
  },
  {
    name: 'nullable type changed (string | null → number | null)',
    before: json(z.object({ code: z.string().nullable() })),
    after: json(z.object({ code: z.number().nullable() })),
    backward: ['code type-changed'],
    forward: ['code type-changed'],
    accepts: NONE_ONLY,
  },

  // --- enums and constants
  {
    name: 'enum value added',
    before: json(z.object({ status: z.enum(['placed', 'paid']) })),
    after: json(z.object({ status: z.enum(['placed', 'paid', 'shipped']) })),
    backward: [],
    forward: ['status enum-value-added'],
    accepts: B_ONLY,
  },
  {
    name: 'enum value removed',
    before: json(z.object({ status: z.enum(['placed', 'paid', 'shipped']) })),
    after: json(z.object({ status: z.enum(['placed', 'paid']) })),
    backward: ['status enum-value-removed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'enum relaxed to any string',
    before: json(z.object({ status: z.enum(['placed', 'paid']) })),
    after: json(z.object({ status: z.string() })),
    backward: [],
    forward: ['status enum-removed'],
    accepts: B_ONLY,
  },
  {
    name: 'string restricted to an enum',
    before: json(z.object({ status: z.string() })),
    after: json(z.object({ status: z.enum(['placed', 'paid']) })),
    backward: ['status enum-added'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'literal changed',
    before: json(z.object({ type: z.literal('OrderCreated') })),
    after: json(z.object({ type: z.literal('OrderPlaced') })),
    backward: ['type const-changed'],
    forward: ['type const-changed'],
    accepts: NONE_ONLY,
  },

  // --- arrays
  {
    name: 'array items: property added to the item object',
    before: json(z.object({ items: z.array(z.object({ sku: z.string() })) })),
    after: json(z.object({ items: z.array(z.object({ sku: z.string(), discount: money.optional() })) })),
    backward: [],
    forward: ['items[].discount property-added-closed-model'],
    accepts: B_ONLY,
  },
  {
    name: 'array items: item type changed',
    before: json(z.object({ tags: z.array(z.string()) })),
    after: json(z.object({ tags: z.array(z.number()) })),
    backward: ['tags[] type-changed'],
    forward: ['tags[] type-changed'],
    accepts: NONE_ONLY,
  },
  {
    name: 'array: at least one item required',
    before: json(z.object({ items: z.array(z.string()) })),
    after: json(z.object({ items: z.array(z.string()).min(1) })),
    backward: ['items min-items-added'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'array: more items allowed',
    before: json(z.object({ items: z.array(z.string()).max(10) })),
    after: json(z.object({ items: z.array(z.string()).max(50) })),
    backward: [],
    forward: ['items max-items-increased'],
    accepts: B_ONLY,
  },

  // --- nested objects
  {
    name: 'nested property removed',
    before: json(z.object({ customer: z.object({ id: z.string(), email: z.string().optional() }) })),
    after: json(z.object({ customer: z.object({ id: z.string() }) })),
    backward: ['customer.email property-removed-closed-model'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'nested property inside an array inside an object: type narrowed',
    before: json(z.object({ order: z.object({ items: z.array(z.object({ qty: z.number() })) }) })),
    after: {
      type: 'object',
      properties: {
        order: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer' } }, required: ['qty'], additionalProperties: false } },
          },
          required: ['items'],
          additionalProperties: false,
        },
      },
      required: ['order'],
      additionalProperties: false,
    },
    backward: ['order.items[].qty type-narrowed'],
    forward: [],
    accepts: F_ONLY,
  },

  // --- unions
  {
    name: 'union: event type added to a discriminated union',
    before: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), id: z.string() })])),
    after: json(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('A'), id: z.string() }),
        z.object({ type: z.literal('B'), id: z.string() }),
        z.object({ type: z.literal('C'), id: z.string() }),
      ]),
    ),
    backward: [],
    forward: ['(type=C) union-option-added'],
    accepts: B_ONLY,
  },
  {
    name: 'union: event type removed from a discriminated union',
    before: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), id: z.string() })])),
    after: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() })])),
    backward: ['(type=B) union-option-removed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'union: one event type replaced by another',
    before: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), id: z.string() })])),
    after: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('C'), id: z.string() })])),
    backward: ['(type=B) union-option-removed'],
    forward: ['(type=C) union-option-added'],
    accepts: NONE_ONLY,
  },
  {
    name: 'union: field added to one option',
    before: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), id: z.string() })])),
    after: json(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('A'), id: z.string(), note: z.string().optional() }),
        z.object({ type: z.literal('B'), id: z.string() }),
      ]),
    ),
    backward: [],
    forward: ['(type=A).note property-added-closed-model'],
    accepts: B_ONLY,
  },
  {
    name: 'union: anyOf → oneOf whose options a discriminator keeps apart',
    before: json(z.union([z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), n: z.number() })])),
    after: json(z.discriminatedUnion('type', [z.object({ type: z.literal('A'), id: z.string() }), z.object({ type: z.literal('B'), n: z.number() })])),
    backward: [],
    forward: [],
    accepts: ALL,
  },
  {
    name: 'union: anyOf → oneOf whose options overlap',
    before: { anyOf: [{ type: 'string' }, { type: 'string', maxLength: 5 }] },
    after: { oneOf: [{ type: 'string' }, { type: 'string', maxLength: 5 }] },
    backward: ['$ union-kind-changed'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'union: a type added to a field (string → string | number)',
    before: json(z.object({ ref: z.string() })),
    after: json(z.object({ ref: z.union([z.string(), z.number()]) })),
    backward: [],
    forward: ['ref(number) union-option-added'],
    accepts: B_ONLY,
  },

  // --- string and number constraints
  {
    name: 'maxLength tightened',
    before: json(z.object({ name: z.string().max(200) })),
    after: json(z.object({ name: z.string().max(100) })),
    backward: ['name max-length-decreased'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'minimum raised (≥ 0 → > 0)',
    before: json(z.object({ qty: z.number().nonnegative() })),
    after: json(z.object({ qty: z.number().positive() })),
    backward: ['qty minimum-increased'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: 'pattern changed',
    before: json(z.object({ sku: z.string().regex(/^[A-Z]+$/) })),
    after: json(z.object({ sku: z.string().regex(/^[A-Z0-9]+$/) })),
    backward: ['sku pattern-changed'],
    forward: ['sku pattern-changed'],
    accepts: NONE_ONLY,
  },
  {
    name: 'multipleOf relaxed (10 → 5)',
    before: json(z.object({ cents: z.number().multipleOf(10) })),
    after: json(z.object({ cents: z.number().multipleOf(5) })),
    backward: [],
    forward: ['cents multiple-of-changed'],
    accepts: B_ONLY,
  },

  // --- $ref / $defs
  {
    name: '$ref: a shared definition changes at every use',
    before: {
      type: 'object',
      $defs: {
        Money: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } }, required: ['amount'], additionalProperties: false },
      },
      properties: { price: { $ref: '#/$defs/Money' }, total: { $ref: '#/$defs/Money' } },
      required: ['price', 'total'],
      additionalProperties: false,
    },
    after: {
      type: 'object',
      $defs: { Money: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'], additionalProperties: false } },
      properties: { price: { $ref: '#/$defs/Money' }, total: { $ref: '#/$defs/Money' } },
      required: ['price', 'total'],
      additionalProperties: false,
    },
    backward: ['price.currency property-removed-closed-model', 'total.currency property-removed-closed-model'],
    forward: [],
    accepts: F_ONLY,
  },
  {
    name: '$ref: a recursive schema gains an optional field',
    before: json(category(false)),
    after: json(category(true)),
    backward: [],
    forward: ['note property-added-closed-model'],
    accepts: B_ONLY,
  },
  {
    name: '$ref outside the document: undecided',
    before: { type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } },
    after: { type: 'object', properties: { a: { $ref: 'https://example.com/b.json' } } },
    backward: ['a unresolved-ref'],
    forward: ['a unresolved-ref'],
    accepts: NONE_ONLY,
  },
  {
    name: 'a keyword the checker does not compare (allOf) changed: undecided',
    before: { allOf: [{ type: 'object' }, { required: ['a'] }] },
    after: { allOf: [{ type: 'object' }, { required: ['b'] }] },
    backward: ['$ unsupported-keyword'],
    forward: ['$ unsupported-keyword'],
    accepts: NONE_ONLY,
  },
];

function category(withNote: boolean): z.ZodType {
  const Category: z.ZodType = z.object({
    name: z.string(),
    ...(withNote ? { note: z.string().optional() } : {}),
    get children(): z.ZodArray<z.ZodType> {
      return z.array(Category);
    },
  });
  return Category;
}

const show = (mode: CompatibilityMode, row: Row): string[] => checkCompatibility(row.before, row.after, mode).map((f) => `${f.path} ${f.rule}`);

describe('checkCompatibility: the compatibility table', () => {
  describe.each(ROWS)('$name', (row) => {
    it('BACKWARD reports what breaks the new schema reading old events', () => {
      expect(show('BACKWARD', row)).toEqual([...row.backward].sort());
    });
    it('FORWARD reports what breaks the old schema reading new events', () => {
      expect(show('FORWARD', row)).toEqual([...row.forward].sort());
    });
    it('FULL reports both, and NONE nothing', () => {
      expect(show('FULL', row)).toEqual([...row.backward, ...row.forward].sort());
      expect(show('NONE', row)).toEqual([]);
    });
    it(`accepts the change under exactly: ${row.accepts.join(', ')}`, () => {
      const accepted = (['BACKWARD', 'FORWARD', 'FULL', 'NONE'] as const).filter((m) => checkCompatibility(row.before, row.after, m).length === 0);
      expect(accepted).toEqual(row.accepts);
    });
  });
});

describe('checkCompatibility: findings', () => {
  it('name topic-relative field path, rule, direction and what breaks', () => {
    const before = json(z.object({ customer: z.object({ id: z.string(), email: z.string() }) }));
    const after = json(z.object({ customer: z.object({ id: z.string() }) }));
    expect(checkCompatibility(before, after, 'FULL')).toEqual([
      {
        path: 'customer.email',
        rule: 'property-removed-closed-model',
        direction: 'backward',
        message:
          'property "email" removed; the new object is closed (additionalProperties: false) — readers on the new schema reject events written with the old one (BACKWARD)',
        undecided: false,
      },
      {
        path: 'customer.email',
        rule: 'required-removed',
        direction: 'forward',
        message: '"email" is no longer required — readers still on the old schema reject events written with the new one (FORWARD)',
        undecided: false,
      },
    ]);
  });

  it('mark what the checker cannot decide', () => {
    const [finding] = checkCompatibility({ not: { type: 'string' } }, { not: { type: 'number' } }, 'BACKWARD');
    expect(finding).toMatchObject({ path: '$', rule: 'unsupported-keyword', undecided: true });
    expect(finding?.message).toContain('keyword "not" changed');
  });

  it('check a transitive mode in its direction (against the one earlier version given)', () => {
    const row = ROWS.find((r) => r.name === 'required property removed');
    if (row === undefined) throw new Error('no row');
    expect(show('BACKWARD_TRANSITIVE', row)).toEqual(show('BACKWARD', row));
    expect(show('FORWARD_TRANSITIVE', row)).toEqual(show('FORWARD', row));
    expect(show('FULL_TRANSITIVE', row)).toEqual(show('FULL', row));
  });

  it('ignore annotations: title, description, default, examples and $comment', () => {
    const before = { type: 'object', properties: { a: { type: 'string', description: 'old' } }, additionalProperties: false };
    const after = {
      type: 'object',
      title: 'T',
      $comment: 'c',
      properties: { a: { type: 'string', description: 'new', default: 'x', examples: ['y'] } },
      additionalProperties: false,
    };
    for (const mode of COMPATIBILITY_MODES) expect(checkCompatibility(before, after, mode)).toEqual([]);
  });
});

describe('diffSchemas', () => {
  it('lists compatible changes too, each with the directions it breaks', () => {
    const before = json(z.object({ id: z.string(), status: z.enum(['a', 'b']) }));
    const after = json(z.object({ id: z.string(), status: z.enum(['a', 'b', 'c']), note: z.string().optional() }));
    expect(diffSchemas(before, after).map((c) => [c.path, c.rule, c.breaks])).toEqual([
      ['note', 'property-added-closed-model', ['forward']],
      ['status', 'enum-value-added', ['forward']],
    ]);
  });

  it('is empty for identical schemas', () => {
    expect(diffSchemas(json(z.object({ a: z.string() })), json(z.object({ a: z.string() })))).toEqual([]);
  });
});
