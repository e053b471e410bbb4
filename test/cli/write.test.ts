import fc from 'fast-check';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, writeFileAtomic } from '../../cli/write';

/** Faults injected into node:fs for cli/write.ts: the real functions unless a test sets one. */
const faults = vi.hoisted(() => ({ rename: undefined as Error | undefined, write: undefined as Error | undefined, calls: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike): void => {
      faults.calls.push(`rename ${String(from)} -> ${String(to)}`);
      if (faults.rename !== undefined) throw faults.rename;
      real.renameSync(from, to);
    },
    writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions): void => {
      faults.calls.push(`write ${String(file)}`);
      if (faults.write !== undefined) {
        // A write that fails part-way: some bytes reached the file, then the disk filled up.
        real.writeFileSync(
          file,
          typeof data === 'string' ? data.slice(0, 3) : new Uint8Array(data.buffer, data.byteOffset, Math.min(3, data.byteLength)),
          options,
        );
        throw faults.write;
      }
      real.writeFileSync(file, data, options);
    },
  };
});

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
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 0 }),
    fc.constantFrom('\n  ]', '[\n  ]', '{}'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
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
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});

describe('writeFileAtomic', () => {
  const work = fs.mkdtempSync(join(tmpdir(), 'topicform-write-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  afterEach(() => {
    faults.rename = undefined;
    faults.write = undefined;
    faults.calls.length = 0;
  });
  let n = 0;
  /** A fresh directory holding `name` with `content` (or nothing), for one case. */
  const fixture = (content?: string): { dir: string; target: string } => {
    const dir = join(work, `case-${n++}`);
    fs.mkdirSync(dir);
    const target = join(dir, 'out.txt');
    if (content !== undefined) fs.writeFileSync(target, content);
    faults.calls.length = 0;
    return { dir, target };
  };

  it('writes to a temporary sibling and renames it over the target: a new inode, never the old file rewritten', () => {
    const { dir, target } = fixture('old\n');
    const before = fs.statSync(target).ino;
    expect(writeFileAtomic(target, 'new\n')).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new\n');
    expect(fs.statSync(target).ino).not.toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
    const [write, rename] = faults.calls;
    expect(write).toMatch(new RegExp(`^write ${dir}/out\\.txt\\.tmp-\\d+-[0-9a-f]{8}$`));
    expect(rename).toBe(`rename ${write?.slice('write '.length)} -> ${target}`);
  });

  it('creates the folders a new target needs', () => {
    const { dir } = fixture();
    const target = join(dir, 'a', 'b', 'new.txt');
    expect(writeFileAtomic(target, 'x')).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('x');
  });

  it('touches nothing when the target already holds the content', () => {
    const { target } = fixture('same');
    const before = fs.statSync(target);
    expect(writeFileAtomic(target, 'same')).toBe(false);
    expect(fs.statSync(target).ino).toBe(before.ino);
    expect(faults.calls).toEqual([]);
  });

  it('fails when the rename fails, leaving the old content and no temporary file', () => {
    const { dir, target } = fixture('old\n');
    faults.rename = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    expect(() => writeFileAtomic(target, 'new\n')).toThrow(/EXDEV/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('fails when the write fails part-way, leaving the old content and no partial temporary file', () => {
    const { dir, target } = fixture('old\n');
    faults.write = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(() => writeFileAtomic(target, 'new content\n')).toThrow(/ENOSPC/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('fails on a real rename failure (a directory where the file should be), leaving no temporary file', () => {
    const { dir } = fixture();
    const target = join(dir, 'taken');
    fs.mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow(/EISDIR|ENOTEMPTY|EEXIST|is a directory/i);
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(target)).toEqual(['inside']);
  });
});
