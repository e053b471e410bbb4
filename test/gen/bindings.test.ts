import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS, generateBindings } from '../../scripts/gen-bindings';
import { readTree } from '../helpers/tree';

describe.each(PROVIDERS.map((p) => [p.constraint, p] as const))('generated provider bindings of %s', (_constraint, provider) => {
  it('are what `npm run gen` writes from the vendored schema (run it when this fails)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-bindings-'));
    try {
      await generateBindings(dir, provider);
      const fresh = readTree(dir);
      const committed = readTree(provider.bindingsDir);
      expect(Object.keys(committed)).toEqual(Object.keys(fresh));
      for (const [file, content] of Object.entries(fresh)) expect(committed[file], file).toBe(content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('carry the do-not-edit marker in every source file', () => {
    for (const [file, content] of Object.entries(readTree(provider.bindingsDir))) {
      if (file.endsWith('.ts')) expect(content.startsWith(provider.marker), file).toBe(true);
    }
  });
});
