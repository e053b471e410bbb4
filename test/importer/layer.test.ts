/** importer/ is a pure layer (eslint.config.mjs): no cdktf, no construct layer, no file system — the CLI passes text in. */
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

async function restrictedImports(code: string): Promise<string[]> {
  const probe = resolve(ROOT, 'importer', `__lint_probe_${process.pid}.ts`);
  writeFileSync(probe, code);
  try {
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles([probe]);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('importer/ is a pure layer', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ["import { App } from 'cdktf';\nexport const a = App;\n"],
    ["import { Construct } from 'constructs';\nexport const a = Construct;\n"],
    ["import { Domain } from '../constructs';\nexport const a = Domain;\n"],
  ])(
    'fails when it imports what the layer must not: %j',
    async (code) => {
      expect(await restrictedImports(code)).not.toEqual([]);
    },
    120_000,
  );

  it('may use the model and the rules', async () => {
    expect(
      await restrictedImports("import { resolve } from '../model/resolve';\nimport { lint } from '../rules/run';\nexport const a = [resolve, lint];\n"),
    ).toEqual([]);
  }, 120_000);
});
