// Regenerates the review corpus's Terraform plans (and, with --seed, the seed output they start from):
//
//   npx tsx test/review/corpus/generate.ts            # plans of every case that has some
//   npx tsx test/review/corpus/generate.ts --case dev-partitions-decreased
//   npx tsx test/review/corpus/generate.ts --seed     # first re-synthesize the seed from main.ts (then check the corpus!)
//   npx tsx test/review/corpus/generate.ts --seed --ref HEAD   # … from a commit's tree (git archive), not the working tree
//
// The seed is what the app synthesizes, copied as written: Terraform JSON and topology.json (which carries each event
// topic's contract, its JSON Schema included) of the stacks in SEED_STACKS. With --ref the app of that commit runs in a
// temporary extracted tree (this checkout's node_modules linked in), so uncommitted work never reaches the seed.
//
// For each plan a case declares, the real terraform (>= 1.11, on PATH) applies what was deployed (the case's base
// stack) against the provider double (test/double), optionally alters the double's cluster (drift), then plans the
// head stack; `terraform show -json` of that plan is written to test/fixtures/review/<case>/plan.<stack>.json. The
// tests read these committed files, so they need no terraform; test/review/corpus-live.test.ts regenerates all of them to
// check they stay true.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { terraformAvailable } from '../../../scripts/terraform/workspace';
import { buildCase, CASES, corpusCase } from './cases';
import { FIXTURES, SEED_DIR } from './output';
import { generatePlan } from './plans';

/** The seed's stacks: a non-production stack (plans need no prevent_destroy) and production split per domain. */
export const SEED_STACKS = ['dev', 'prod-orders', 'prod-search'] as const;
const ROOT = path.resolve(__dirname, '../../..');

/**
 * Synthesizes the app in `cwd` into `outdir` as `npm run synth` does (tsx main.ts, in its own process: declaration
 * source lines come from tsx's source maps). test/review/seed.test.ts runs the same to check the committed seed.
 */
export function synthesizeApp(cwd: string, outdir: string): void {
  const synth = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'main.ts'], { cwd, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
  if (synth.status !== 0) throw new Error(`synth failed:\n${synth.stderr}\n${synth.stdout}`);
}

function regenerateSeed(ref: string | undefined): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-seed-'));
  try {
    const cwd = ref === undefined ? ROOT : extractTree(ref, path.join(out, 'tree'));
    synthesizeApp(cwd, path.join(out, 'out'));
    for (const stack of SEED_STACKS) {
      const target = path.join(SEED_DIR, 'stacks', stack);
      fs.mkdirSync(target, { recursive: true });
      for (const file of ['cdk.tf.json', 'topology.json']) fs.copyFileSync(path.join(out, 'out', 'stacks', stack, file), path.join(target, file));
    }
    process.stdout.write(`seed${ref === undefined ? '' : ` (${ref})`}: ${SEED_STACKS.join(', ')} → ${path.relative(ROOT, SEED_DIR)}\n`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The committed tree of `ref`, extracted into `dir` with this checkout's node_modules linked in; returns `dir`. */
function extractTree(ref: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', ref], { cwd: ROOT, maxBuffer: 2 ** 31 - 1 });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr.toString('utf8').trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`extracting ${ref} failed: ${untar.stderr.toString('utf8').trim()}`);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function main(argv: readonly string[]): Promise<number> {
  const ref = argv.includes('--ref') ? argv[argv.indexOf('--ref') + 1] : undefined;
  if (argv.includes('--ref') && (ref === undefined || ref.startsWith('--'))) throw new Error('--ref needs a git ref, e.g. --ref HEAD');
  if (argv.includes('--seed')) regenerateSeed(ref);
  else if (ref !== undefined) throw new Error('--ref applies to --seed only');
  const only = argv.includes('--case') ? argv[argv.indexOf('--case') + 1] : undefined;
  const cases = only === undefined ? CASES : [corpusCase(only)];
  const terraform = terraformAvailable();
  if (!terraform.ok) {
    process.stderr.write(`cannot generate plans: ${terraform.reason}\n`);
    return 1;
  }
  for (const c of cases) {
    if (c.plans === undefined) continue;
    const { base, head } = buildCase(c);
    const dir = path.join(FIXTURES, c.name);
    fs.mkdirSync(dir, { recursive: true });
    for (const spec of c.plans) {
      const started = Date.now();
      const plan = await generatePlan(c, spec, base, head);
      const file = path.join(dir, `plan.${spec.stack}.json`);
      // Byte for byte what terraform printed.
      fs.writeFileSync(file, plan.endsWith('\n') ? plan : `${plan}\n`);
      process.stdout.write(`${c.name}: ${spec.stack} → ${path.relative(ROOT, file)} (${terraform.reason}, ${Date.now() - started} ms)\n`);
    }
  }
  return 0;
}

// Only when run as a script: the tests import SEED_STACKS, and an import must not regenerate the committed plans.
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
