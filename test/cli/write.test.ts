import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalFromStableJson, canonicalJson, moveStableJson } from '../../cli/write';

/** The serializer cdktf writes cdk.tf.json with, resolved from cdktf itself so the test follows cdktf's copy. */
const stableStringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (value: unknown, options: { space: number }) => string;

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

describe('canonicalFromStableJson', () => {
  it("gives canonicalJson's text for whatever cdktf's json-stable-stringify wrote (empty containers, integer-like keys and brackets inside strings included)", () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = stableStringify(value, { space: 2 });
        expect(canonicalFromStableJson(text)).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('rewrites the empty containers json-stable-stringify spreads over lines', () => {
    expect(canonicalFromStableJson(stableStringify({ b: [], a: {}, c: [1] }, { space: 2 }))).toBe('{\n  "a": {},\n  "b": [],\n  "c": [\n    1\n  ]\n}\n');
  });
});

describe('moveStableJson', () => {
  it("moves cdktf's file into place in canonicalJson's form, whether it renames it or rewrites it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-move-'));
    try {
      let renamed = 0;
      fc.assert(
        fc.property(json, (value) => {
          const text = stableStringify(value, { space: 2 });
          const [from, to] = [join(dir, 'from.json'), join(dir, 'to.json')];
          writeFileSync(from, text);
          moveStableJson(from, to);
          expect(readFileSync(to, 'utf8')).toBe(canonicalJson(JSON.parse(text)));
          expect(existsSync(from)).toBe(false);
          if (`${text}\n` === canonicalJson(JSON.parse(text))) renamed++;
        }),
        { numRuns: 500 },
      );
      // Both paths ran: most values need only the newline.
      expect(renamed).toBeGreaterThan(50);
      expect(renamed).toBeLessThan(500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

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
