import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_TARGETS, generateBindings } from '../../scripts/gen-bindings';
import { readTree } from '../helpers/tree';

describe.each(BINDING_TARGETS.map((t) => [t.constraint, t] as const))('generated provider bindings of %s', (_, target) => {
  it('are what `npm run gen` writes from the vendored schema (run it when this fails)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-bindings-'));
    try {
      await generateBindings(dir, target);
      const fresh = readTree(dir);
      const committed = readTree(target.bindingsDir);
      expect(Object.keys(committed)).toEqual(Object.keys(fresh));
      for (const [file, content] of Object.entries(fresh)) expect(committed[file], file).toBe(content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('carry the do-not-edit marker in every source file', () => {
    for (const [file, content] of Object.entries(readTree(target.bindingsDir))) {
      if (file.endsWith('.ts')) expect(content.startsWith(target.marker), file).toBe(true);
    }
  });
});
