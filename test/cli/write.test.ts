import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../cli/write';

/** The obvious definition: a sorted copy of every object, then JSON.stringify. */
function reference(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, sort(record[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

const key = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 30 }).map(String), fc.constantFrom('a', 'b', 'B', '_', '10', '9', '~', '\n', ']'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 0 }), fc.constantFrom('\n  ]', '[\n  ]', '{}'), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 6 })),
})).value;

describe('canonicalJson', () => {
  it('equals a sorted deep copy, whatever the key order (integer-like keys included)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys at every level and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});
