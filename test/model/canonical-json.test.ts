/**
 * canonicalString against its definition: `JSON.stringify(value, sortedKeys, indent)`, the replacer below being the
 * one model/canonical-json.ts called before it had its own serializer (issue 26). The definition stays here as the
 * oracle, so any input on which the two texts differ (or one throws and the other does not) is a failure, whether the
 * implementation serializes it itself or hands it to the replacer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../model/canonical-json';

/** The replacer that defines canonical JSON: objects handed over with their keys sorted, copied only when out of order. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(keys.sort().map((k) => [k, record[k]]));
    }
  }
  return value;
}

const definition = (value: unknown, indent?: number): string | undefined => JSON.stringify(value, sortedKeys, indent);

/** Either the text or the error's constructor and message, so that a throwing input compares too. */
function outcome(f: () => string | undefined): { text: string | undefined } | { error: string } {
  try {
    return { text: f() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

/** Keys that sort differently as strings than as numbers, that enumerate first when integer-like, and that are special. */
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.nat({ max: 30 }).map(String),
  fc.constantFrom('a', 'b', 'B', '_', '10', '9', '01', '-1', '4294967295', '~', 'é', '\u{1F600}', '__proto__', 'toJSON', ''),
);

/** Scalars JSON.stringify treats differently: non-finite numbers and -0, undefined (omitted or null), lone surrogates, dates. */
const scalar = fc.oneof(fc.jsonValue({ maxDepth: 0 }), fc.double(), fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 6 }), fc.date());

/** An object with exactly these own enumerable properties, inserted in the given (unsorted) order, `__proto__` included. */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>, nullPrototype: boolean): Record<string, unknown> {
  const target = (nullPrototype ? Object.create(null) : {}) as Record<string, unknown>;
  for (const [k, v] of entries) Object.defineProperty(target, k, { value: v, writable: true, enumerable: true, configurable: true });
  return target;
}

const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object'), fc.jsonValue()),
  array: fc.oneof(fc.array(tie('value'), { maxLength: 5 }), fc.sparseArray(tie('value'), { maxLength: 5 })),
  object: fc
    .tuple(fc.uniqueArray(fc.tuple(key, tie('value')), { selector: ([k]) => k, maxLength: 7 }), fc.boolean())
    .map(([entries, nullPrototype]) => objectOf(entries, nullPrototype)),
})).value;

const indent = fc.constantFrom(undefined, 0, 2);

describe('canonicalString equals JSON.stringify(value, sortedKeys, indent)', () => {
  it('for arbitrary values: unsorted, integer-like and special keys, sparse arrays, undefined, dates, null prototypes', () => {
    fc.assert(
      fc.property(value, indent, (v, n) => {
        expect(outcome(() => canonicalString(v, n))).toEqual(outcome(() => definition(v, n)));
      }),
      { numRuns: 2000 },
    );
  });

  it('for arbitrary JSON text read back with JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), indent, (v, n) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        expect(canonicalString(parsed, n)).toBe(definition(parsed, n));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the value it is given as it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const before = JSON.stringify(v);
        canonicalString(v, 2);
        expect(JSON.stringify(v)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('canonicalString, cases worked by hand', () => {
  it('sorts an unsorted object inside a sorted parent, and the parent around it', () => {
    const inner = { d: 1, c: 2 };
    const outer = { a: inner, b: [{ z: 1, y: { q: 1, p: 2 } }] };
    expect(canonicalString(outer)).toBe('{"a":{"c":2,"d":1},"b":[{"y":{"p":2,"q":1},"z":1}]}');
    expect(Object.keys(inner)).toEqual(['d', 'c']);
  });

  it('writes integer-like keys first, ascending, as an object enumerates them ("10", "9", "a")', () => {
    // {"a", "10", "9"} enumerates "9", "10", "a"; sorted as strings that is "10", "9", "a", and the sorted copy
    // enumerates its integer-like keys first again.
    expect(canonicalString({ a: 1, '10': 2, '9': 3 })).toBe('{"9":3,"10":2,"a":1}');
    expect(canonicalString({ b: { a: 1, '10': 2, '9': 3 }, a: 0 }, 2)).toBe('{\n  "a": 0,\n  "b": {\n    "9": 3,\n    "10": 2,\n    "a": 1\n  }\n}');
  });

  it('calls toJSON before sorting: a Date is its ISO string, a converted object is sorted, the key is passed', () => {
    expect(canonicalString({ b: new Date(0), a: 1 })).toBe('{"a":1,"b":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalString([new Date(Number.NaN)])).toBe('[null]');
    expect(canonicalString({ x: { toJSON: () => ({ b: 1, a: 2 }) } })).toBe('{"x":{"a":2,"b":1}}');
    const named = { toJSON: (k: string): string => `key ${k}` };
    expect(canonicalString({ k: named, j: [named] })).toBe('{"j":["key 0"],"k":"key k"}');
    expect(canonicalString(named)).toBe('"key "');
    // toJSON is called once per property: the object it returns is written as an object even if it has a toJSON too
    // (a function, so omitted).
    expect(canonicalString({ x: { toJSON: () => ({ toJSON: () => 'inner', b: 1 }) } })).toBe('{"x":{"b":1}}');
  });

  it('calls a BigInt.prototype.toJSON before sorting what it returns', () => {
    const prototype = BigInt.prototype as { toJSON?: () => unknown };
    prototype.toJSON = () => ({ b: 1, a: 2 });
    try {
      expect(canonicalString({ n: 1n })).toBe('{"n":{"a":2,"b":1}}');
    } finally {
      delete prototype.toJSON;
    }
  });

  it('omits undefined, functions and symbols in objects and writes them as null in arrays', () => {
    expect(canonicalString({ c: undefined, b: () => 1, a: Symbol('s'), d: 1 })).toBe('{"d":1}');
    expect(canonicalString([undefined, () => 1, Symbol('s')])).toBe('[null,null,null]');
    expect(canonicalString(undefined)).toBeUndefined();
  });

  it('quotes strings and keys as JSON.stringify does, for every UTF-16 code unit alone and in a pair', () => {
    expect(canonicalString({ '\u001f': '"\\', s: '\ud800', t: '\ud83d\ude00\u2028\u007f' })).toBe(
      '{"\\u001f":"\\"\\\\","s":"\\ud800","t":"\ud83d\ude00\u2028\u007f"}',
    );
    for (let unit = 0; unit <= 0xffff; unit++) {
      const alone = String.fromCharCode(unit);
      const text = `a${alone}\ude00${alone}`;
      expect(canonicalString({ [alone]: alone, [text]: text })).toBe(definition({ [alone]: alone, [text]: text }));
    }
  });

  it('keeps a "__proto__" key an ordinary key', () => {
    expect(canonicalString(JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}'))).toBe('{"__proto__":{"x":2,"y":1},"b":1}');
  });

  it('serializes class instances, boxed primitives and deep nesting as the definition does', () => {
    class Point {
      y = 1;
      x = 2;
    }
    expect(canonicalString({ p: new Point() })).toBe('{"p":{"x":2,"y":1}}');
    // A boxed string longer than ten characters has index keys "9" and "10" out of order: the replacer copies it into a
    // plain object, so the definition writes an object, not a string.
    const boxed = Object('abcdefghijk') as object;
    expect(canonicalString({ s: boxed })).toBe(definition({ s: boxed }));
    // A boxed number whose own keys are in order goes to JSON.stringify whole, which writes the number and not the
    // unsorted object under its key.
    expect(canonicalString({ n: Object.assign(Object(5) as object, { x: { b: 1, a: 2 } }) })).toBe('{"n":5}');
    // An array without Array.prototype is still an array to JSON.stringify.
    expect(canonicalString(Object.setPrototypeOf([{ b: 1, a: 2 }], null))).toBe('[{"a":2,"b":1}]');
    let deep: unknown = { b: 1, a: 2 };
    for (let i = 0; i < 2000; i++) deep = i % 2 === 0 ? [deep] : { z: deep, y: i };
    expect(canonicalString(deep, 2)).toBe(definition(deep, 2));
  });

  it('throws as JSON.stringify does on a cycle and on a bigint', () => {
    const cycle: Record<string, unknown> = { b: 1 };
    cycle.a = { self: cycle };
    expect(() => canonicalString(cycle)).toThrow(TypeError);
    expect(outcome(() => canonicalString(cycle))).toEqual(outcome(() => definition(cycle)));
    expect(() => canonicalString({ n: 1n })).toThrow(TypeError);
  });
});
