import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
/**
 * The first lint of a run builds the type-aware program of the whole repository (~5 s alone, over 30 s on a machine
 * shared with other jobs); the later ones reuse it.
 */
const LINT_TIMEOUT_MS = 120_000;

/** Lints `code` as if it lived at `file`. The type-aware parser needs a real file, so a probe is written beside it. */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const probe = resolve(ROOT, dirname(file), `__lint_probe_${process.pid}_${basename(file)}`);
  writeFileSync(probe, code);
  try {
    const [result] = await eslint.lintFiles([probe]);
    return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
  } finally {
    rmSync(probe, { force: true });
  }
}

describe('layer boundaries (eslint.config.mjs)', () => {
  it.each([
    ['model/x.ts', "import { App } from 'cdktf';\nexport const a = App;\n"],
    ['model/x.ts', "import { Construct } from 'constructs';\nexport const a = Construct;\n"],
    ['model/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['model/x.ts', "import { KafkaStack } from '../constructs/kafka-stack';\nexport const a = KafkaStack;\n"],
    ['guard/x.ts', "import { App } from 'cdktf';\nexport const a = App;\n"],
    ['guard/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['pipeline/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['cli/x.ts', "import { App } from 'cdktf';\nexport const a = App;\n"],
    ['scripts/x.ts', "import { REPO_ROOT } from '../test/helpers/requirements';\nexport const a = REPO_ROOT;\n"],
    ['scripts/terraform/x.ts', "import { capturedIo } from '../../test/helpers/io';\nexport const a = capturedIo;\n"],
    ['bench/x.ts', "import type { Requirement } from '../test/helpers/requirements';\nexport type A = Requirement;\n"],
    ['cli/x.ts', "import { DEV } from '../test/helpers/synth';\nexport const a = DEV;\n"],
    ['model/x.ts', "import { DEV } from '../test/helpers/synth';\nexport const a = DEV;\n"],
  ])(
    'fails when %s imports what its layer must not: %j',
    async (file, code) => {
      expect((await ruleIds(file, code)).some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'lets tests import test helpers and tooling',
    async () => {
      const messages = await ruleIds(
        'test/lint/x.ts',
        "import { terraformAvailable } from '../../scripts/terraform/workspace';\nimport { capturedIo } from '../helpers/io';\nexport const a = [terraformAvailable, capturedIo];\n",
      );
      expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'allows cdktf through constructs/cdktf.ts, the one door',
    async () => {
      const [result] = await new ESLint({ cwd: ROOT }).lintFiles([join(ROOT, 'constructs', 'cdktf.ts')]);
      expect(result?.messages).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});
