/**
 * The CDK Terrain leg of CI (.ci/run; docs/runtimes.md): proves on every run that topicform works unchanged on cdktn,
 * the maintained fork of the archived cdktf, installed the way docs/runtimes.md tells users to.
 *
 * 1. Copies the repository (the files git tracks or would track, so no node_modules, output or state) to a temporary
 *    directory, with `../shared` beside it when this checkout has one, and synthesizes the examples here, with cdktf.
 * 2. In the copy, runs the documented switch (scripts/runtimes.ts SWITCH_TO_CDKTN) word for word: the npm alias
 *    `"cdktf": "npm:cdktn@<version>"` and the `constructs` pin, then `npm install`, the only step that needs the network
 *    (the npm registry). Checks that `cdktf` now is cdktn at that version and that cdktn's own peer range for
 *    constructs is the pin the docs give.
 * 3. Type-checks the copy against cdktn's declarations, synthesizes the examples with it and compares the output with
 *    cdktf's byte for byte: the version stamp is the only difference allowed, and each one is listed and explained
 *    (scripts/compare-synth.ts). topicform's review of the one against the other must find nothing: to a reviewer the
 *    switch is no change.
 * 4. Runs, on cdktn, the tests of what topicform takes from cdktf: the internals it relies on (test/runtimes), synth and
 *    conformance with the provider schema (test/constructs, test/cli/synth), output determinism (test/bench), the real
 *    terraform on the synthesized stacks against the provider double (test/terraform, test/importer/terraform-adopt),
 *    and a user's repository on the published package (test/package/pack-and-init: build, pack, `topicform init`,
 *    install from the registry with the alias, synth, lint, test), which npm refuses unless the package's cdktf peer
 *    range admits the fork.
 *
 * Any failure exits non-zero with the step that failed; an unreachable registry fails the install step, loudly. The
 * temporary directory is removed after a pass and kept, with its path printed, after a failure. Needs CI=true-style
 * non-interactive npm: stdin is never read.
 *
 * Usage: tsx scripts/cdktn-leg.ts [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareOutputs, report } from './compare-synth';
import { CDKTN, SWITCH_TO_CDKTN } from './runtimes';

const ROOT = resolve(__dirname, '..');

/** The vitest files run on cdktn (see the header): each exercises what topicform takes from cdktf. */
export const CDKTN_TESTS: readonly string[] = [
  'test/runtimes',
  'test/constructs',
  'test/cli/synth.test.ts',
  'test/bench/determinism.test.ts',
  'test/terraform/examples.test.ts',
  'test/importer/terraform-adopt.test.ts',
  'test/package/pack-and-init.test.ts',
];

class StepFailure extends Error {}

function log(line: string): void {
  process.stdout.write(`cdktn leg: ${line}\n`);
}

/** Runs `command` through bash in `cwd`, its output passed through; throws naming the step when it fails. */
function run(step: string, command: string, cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now();
  log(`${step}: ${command}`);
  const result = spawnSync('bash', ['-c', command], { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.error !== undefined) throw new StepFailure(`${step}: ${result.error.message}`);
  if (result.status !== 0) throw new StepFailure(`${step} failed (exit ${String(result.status ?? result.signal)}) after ${seconds} s: ${command}`);
  log(`${step}: done in ${seconds} s`);
}

function packageOf(dir: string, name: string): { name: string; version: string; peerDependencies?: Record<string, string> } {
  const path = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(path)) throw new StepFailure(`${name} is not installed in ${dir}`);
  return JSON.parse(readFileSync(path, 'utf8')) as { name: string; version: string; peerDependencies?: Record<string, string> };
}

/** The files git tracks or would track (not ignored), as they are in the working tree: what a clone plus edits holds. */
function repositoryFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new StepFailure(`git ls-files failed in ${ROOT}: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((file) => file !== '' && existsSync(join(ROOT, file)));
}

function copyRepository(into: string): void {
  mkdirSync(into);
  const files = repositoryFiles();
  const tar = spawnSync('bash', ['-c', `tar --null -T - -cf - | tar -xf - -C ${JSON.stringify(into)}`], {
    cwd: ROOT,
    input: `${files.join('\0')}\0`,
    encoding: 'utf8',
  });
  if (tar.status !== 0) throw new StepFailure(`copying the repository to ${into} failed: ${tar.stderr}`);
  log(`copied ${files.length} files to ${into}`);
}

/**
 * The switch as a pull request would show it: topicform's review of the cdktf output (base) against the cdktn output
 * (head) must find nothing at all, since the version stamp is not a resource.
 */
function reviewShowsNothing(cwd: string, base: string, head: string): void {
  const step = 'review of the switch';
  log(`${step}: topicform review --base <cdktf output> --head <cdktn output>`);
  const result = spawnSync(process.execPath, [join(cwd, 'bin', 'topicform.js'), 'review', '--base', base, '--head', head, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) throw new StepFailure(`${step} exited ${String(result.status ?? result.signal)}:\n${result.stdout}${result.stderr}`);
  const review = JSON.parse(result.stdout) as {
    summary: Record<string, unknown>;
    findings: unknown[];
    contracts: unknown[];
    access: { changes: unknown[] };
    drift: unknown[];
  };
  const counts = Object.entries(review.summary).filter(([, n]) => typeof n === 'number' && n !== 0);
  const found = review.findings.length + review.contracts.length + review.access.changes.length + review.drift.length;
  if (counts.length > 0 || found > 0) throw new StepFailure(`${step} found changes where there must be none:\n${result.stdout}`);
  log(`${step}: no finding, no contract, access or drift change`);
}

function main(): number {
  const keep = process.argv.includes('--keep');
  const scratch = mkdtempSync(join(tmpdir(), 'topicform-cdktn-'));
  const copy = join(scratch, 'topicform');
  const started = Date.now();
  try {
    copyRepository(copy);
    // Tests that read ../shared (fixtures) find it beside the copy as beside this checkout; without it they skip.
    if (existsSync(join(ROOT, '..', 'shared'))) symlinkSync(resolve(ROOT, '..', 'shared'), join(scratch, 'shared'));

    const cdktf = packageOf(ROOT, 'cdktf');
    if (cdktf.name !== 'cdktf') {
      throw new StepFailure(
        `this checkout's cdktf is ${cdktf.name}@${cdktf.version}: run the cdktn leg from a cdktf checkout, it needs cdktf's output to compare with`,
      );
    }
    const reference = join(scratch, 'out-cdktf');
    run(`synth with cdktf ${cdktf.version}`, 'npx --no-install tsx main.ts', ROOT, { CDKTF_OUTDIR: reference });

    // The documented switch, word for word; npm's audit and funding notices are off, as in the CI install.
    for (const command of SWITCH_TO_CDKTN) run('switch to CDK Terrain', command, copy, { npm_config_audit: 'false', npm_config_fund: 'false' });
    const cdktn = packageOf(copy, 'cdktf');
    const constructs = packageOf(copy, 'constructs');
    if (cdktn.name !== 'cdktn' || cdktn.version !== CDKTN.version) {
      throw new StepFailure(`after the switch, cdktf is ${cdktn.name}@${cdktn.version}, not cdktn@${CDKTN.version}`);
    }
    const needs = cdktn.peerDependencies?.constructs;
    if (needs !== CDKTN.constructs) {
      throw new StepFailure(
        `cdktn@${cdktn.version} needs constructs ${String(needs)}, but scripts/runtimes.ts (and docs/runtimes.md) pin ${CDKTN.constructs}: update both`,
      );
    }
    log(`cdktf is now ${cdktn.name}@${cdktn.version}, constructs ${constructs.version} (cdktn accepts ${needs})`);

    run('type-check against cdktn', 'npx --no-install tsc --noEmit', copy);
    const output = join(scratch, 'out-cdktn');
    run(`synth with cdktn ${cdktn.version}`, 'npx --no-install tsx main.ts', copy, { CDKTF_OUTDIR: output });
    const stamp = { from: cdktf.version, to: cdktn.version };
    const comparison = compareOutputs(reference, output, stamp);
    for (const line of report(comparison, stamp).trimEnd().split('\n')) log(line);
    if (comparison.problems.length > 0) throw new StepFailure(`the output synthesized with cdktn differs from cdktf's beyond the version stamp (listed above)`);
    reviewShowsNothing(copy, reference, output);

    // The package test is what proves the switch in a user's repository: a local opt-out does not apply here.
    run('tests on cdktn', `npx --no-install vitest run ${CDKTN_TESTS.join(' ')}`, copy, { TOPICFORM_SKIP_PACK_TEST: '' });
    log(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (!keep) rmSync(scratch, { recursive: true, force: true });
    return 0;
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    process.stderr.write(`cdktn leg FAILED: ${error.message}\n(the copy is kept in ${scratch})\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
