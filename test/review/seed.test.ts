/**
 * The review corpus starts from a committed seed (test/fixtures/review/seed): what the app synthesizes for the stacks
 * test/review/corpus/generate.ts names, copied as written. A seed that no longer equals a fresh synth would make every
 * corpus case review an output the app can no longer produce; regenerate it with
 * `npx tsx test/review/corpus/generate.ts --seed` (then the plans, and check the corpus).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';
import { SEED_STACKS, synthesizeApp } from './corpus/generate';
import { SEED_DIR } from './corpus/output';

const work = mkdtempSync(join(tmpdir(), 'topicform-seed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the review corpus seed', () => {
  it('holds exactly the seed stacks, each with its Terraform JSON and Topology', () => {
    const stacks = readdirSync(join(SEED_DIR, 'stacks')).sort();
    expect(stacks).toEqual([...SEED_STACKS].sort());
    for (const stack of stacks) expect(readdirSync(join(SEED_DIR, 'stacks', stack)).sort()).toEqual(['cdk.tf.json', 'topology.json']);
  });

  it('equals a fresh synth of the app (npm run synth, as the seed was made), byte for byte', () => {
    const out = join(work, 'out');
    synthesizeApp(ROOT, out);
    for (const stack of SEED_STACKS) {
      for (const file of ['cdk.tf.json', 'topology.json']) {
        const fresh = readFileSync(join(out, 'stacks', stack, file), 'utf8');
        const seed = readFileSync(join(SEED_DIR, 'stacks', stack, file), 'utf8');
        expect(seed, `${stack}/${file} differs from a fresh synth: npx tsx test/review/corpus/generate.ts --seed`).toBe(fresh);
      }
    }
  });
});
