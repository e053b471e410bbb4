import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedTexts } from '../../cli/shared-texts';

/** Pairs of (base bytes, head bytes) for one key each: what each side's read must give is readFileSync's text. */
const PAIRS: Record<string, readonly [Buffer, Buffer]> = {
  identical: [Buffer.from('{"a":"Ünïcode — ×3"}'), Buffer.from('{"a":"Ünïcode — ×3"}')],
  // Same length, one byte apart: only comparing every byte tells them apart.
  'same length': [Buffer.from('{"partitions":6}'), Buffer.from('{"partitions":7}')],
  'other length': [Buffer.from('{"partitions":6}'), Buffer.from('{"partitions":12}')],
  empty: [Buffer.alloc(0), Buffer.alloc(0)],
  // A byte that is not UTF-8 decodes to U+FFFD; a head with U+FFFD itself (EF BF BD) has the same text, other bytes.
  'invalid UTF-8': [Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from([0x7b, 0xef, 0xbf, 0xbd, 0x7d])],
  // Larger than any buffer the smaller files needed before it.
  large: [Buffer.from('x'.repeat(300_000)), Buffer.from(`${'x'.repeat(299_999)}y`)],
};

describe('SharedTexts', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('gives each side the text readFileSync gives, whether the other side has the same bytes or not', () => {
    root = mkdtempSync(join(tmpdir(), 'topicform-shared-texts-'));
    const texts = new SharedTexts();
    const path = (side: string, key: string): string => join(root ?? '', `${side}-${key.replace(/\W/g, '_')}`);
    for (const [key, [base, head]] of Object.entries(PAIRS)) {
      writeFileSync(path('base', key), base);
      writeFileSync(path('head', key), head);
    }
    const read = (side: string): Record<string, string> => Object.fromEntries(Object.keys(PAIRS).map((key) => [key, texts.read(key, path(side, key))]));
    const expected = (side: string): Record<string, string> =>
      Object.fromEntries(Object.keys(PAIRS).map((key) => [key, readFileSync(path(side, key), 'utf8')]));

    expect(read('base')).toEqual(expected('base'));
    expect(read('head')).toEqual(expected('head'));
    // The cases are what they claim: these pairs differ in their text, the invalid one only in its bytes.
    expect(['same length', 'other length', 'large'].map((key) => expected('base')[key] === expected('head')[key])).toEqual([false, false, false]);
    expect(expected('base')['invalid UTF-8']).toBe('{\uFFFD}');
    expect(expected('head')['invalid UTF-8']).toBe('{\uFFFD}');
  });

  it('throws as readFileSync does for a file that does not exist', () => {
    root = mkdtempSync(join(tmpdir(), 'topicform-shared-texts-'));
    expect(() => new SharedTexts().read('x', join(root ?? '', 'missing.json'))).toThrow(/ENOENT/);
  });
});
