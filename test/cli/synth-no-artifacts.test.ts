/**
 * `topicform synth --no-artifacts`: the output a pull request's workflow synthesizes (issue 26, item 3) — what
 * terraform, guard and review read and nothing for people. Each synth is a real process (`topicform synth`) of
 * test/fixtures/apps/variants: the stacks must be the full synth's byte for byte, the guard and review must read such an
 * output as they read a full one, and a declaration or lint error must stop it exactly as it stops a full synth.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';
import { treeEntries } from '../helpers/output-tree';

const APP = 'test/fixtures/apps/variants/main.ts';
const LINT_ERROR_APP = 'test/fixtures/apps/lint-error/main.ts';
const work = mkdtempSync(join(tmpdir(), 'topicform-no-artifacts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function topicform(
  args: readonly string[],
  variant: 'a' | 'b' | 'broken' = 'a',
  extraEnv: Readonly<Record<string, string>> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TOPICFORM_TEST_VARIANT: variant, ...extraEnv },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function synth(out: string, variant: 'a' | 'b' | 'broken', extra: readonly string[] = [], app = APP): ReturnType<typeof topicform> {
  return topicform(['synth', '--app', join(ROOT, app), '--out', out, ...extra], variant);
}

/**
 * What the variants app's `a` writes for terraform, guard and review, worked out from its declarations: dev and staging
 * are one stack each, prod one stack per domain (orders, search); each stack folder holds its Terraform JSON and its
 * Topology, and the output its manifest.
 */
const STACK_FILES_A = [
  'manifest.json',
  'stacks/dev/cdk.tf.json',
  'stacks/dev/topology.json',
  'stacks/prod-orders/cdk.tf.json',
  'stacks/prod-orders/topology.json',
  'stacks/prod-search/cdk.tf.json',
  'stacks/prod-search/topology.json',
  'stacks/staging/cdk.tf.json',
  'stacks/staging/topology.json',
];

/** Every file under `root` (POSIX paths), folders left out. */
function files(root: string): string[] {
  return treeEntries(root)
    .filter((entry) => !entry.endsWith('/'))
    .map((entry) => entry.slice(0, entry.lastIndexOf(' ')));
}

describe('topicform synth --no-artifacts', () => {
  beforeAll(() => {
    for (const [out, variant, extra] of [
      ['full-a', 'a', []],
      ['stacks-a', 'a', ['--no-artifacts']],
      ['full-b', 'b', []],
      ['stacks-b', 'b', ['--no-artifacts']],
    ] as const) {
      const result = synth(out, variant, extra);
      expect(result.status, result.stderr).toBe(0);
    }
  }, 120_000);

  it('writes the stacks and the manifest of a full synth, byte for byte, and no other file', () => {
    expect(files(join(work, 'stacks-a'))).toEqual(STACK_FILES_A);
    for (const file of STACK_FILES_A) {
      expect(readFileSync(join(work, 'stacks-a', file), 'utf8'), file).toBe(readFileSync(join(work, 'full-a', file), 'utf8'));
    }
    // The full synth does write artifacts, so the comparison above left something out.
    const full = files(join(work, 'full-a'));
    for (const root of ['clients/', 'docs/', 'portal/']) {
      expect(
        full.some((f) => f.startsWith(root)),
        root,
      ).toBe(true);
    }
  });

  it('is what the guard and review read as they read a full output', () => {
    const guardOf = (head: string): ReturnType<typeof topicform> => topicform(['guard', '--untrusted', '--base', 'full-a', '--format', 'json', head]);
    const guardFull = guardOf('full-b');
    const guardStacks = guardOf('stacks-b');
    expect(guardStacks.status, guardStacks.stdout + guardStacks.stderr).toBe(0);
    expect(guardStacks.stdout.replaceAll('stacks-b/', 'full-b/')).toBe(guardFull.stdout);
    // b triples every orders topic's traffic (its partitions change in every environment) and adds billing: every
    // stack differs from the base, so the guard compared real changes.
    const stacks = (JSON.parse(guardStacks.stdout) as { stacks: Array<{ stack: string; changed: boolean; new: boolean }> }).stacks;
    expect(stacks.map((s) => `${s.stack}${s.new ? ' new' : s.changed ? ' changed' : ''}`)).toEqual([
      'dev changed',
      'prod-billing new',
      'prod-orders changed',
      'staging changed',
    ]);

    const reviewOf = (head: string): ReturnType<typeof topicform> => topicform(['review', '--base', 'stacks-a', '--head', head, '--format', 'json']);
    const reviewFull = topicform(['review', '--base', 'full-a', '--head', 'full-b', '--format', 'json']);
    const reviewStacks = reviewOf('stacks-b');
    expect(reviewStacks.status, reviewStacks.stderr).toBe(reviewFull.status);
    expect([0, 2]).toContain(reviewStacks.status);
    expect(reviewStacks.stdout.replaceAll('stacks-a', 'full-a').replaceAll('stacks-b', 'full-b')).toBe(reviewFull.stdout);
    expect(reviewStacks.stdout).toContain('partitions');
  });

  it('stops at a declaration error with the same message, writing nothing', () => {
    const full = synth('broken-full', 'broken');
    const stacks = synth('broken-stacks', 'broken', ['--no-artifacts']);
    expect(full.status).toBe(1);
    expect(stacks.status).toBe(1);
    expect(full.stderr).toMatch(/broken\/thing › partitions/);
    expect(stacks.stderr.replaceAll('broken-stacks', 'broken-full')).toBe(full.stderr);
    expect(existsSync(join(work, 'broken-stacks'))).toBe(false);
  });

  it('stops at a lint error with the same findings, writing nothing', () => {
    const full = synth('lint-full', 'a', [], LINT_ERROR_APP);
    const stacks = synth('lint-stacks', 'a', ['--no-artifacts'], LINT_ERROR_APP);
    expect(full.status).toBe(1);
    expect(full.stderr).toContain('TF-GROUP-001');
    expect(stacks.status).toBe(1);
    expect(stacks.stderr.replaceAll('lint-stacks', 'lint-full')).toBe(full.stderr);
    expect(existsSync(join(work, 'lint-stacks'))).toBe(false);
  });

  it('removes the artifacts an earlier synth wrote into the output, keeping a person’s own file there', () => {
    const out = join(work, 'again');
    expect(synth('again', 'a').status).toBe(0);
    mkdirSync(join(out, 'docs', 'notes'), { recursive: true });
    writeFileSync(join(out, 'docs', 'notes', 'mine.md'), 'not generated\n');
    const result = synth('again', 'a', ['--no-artifacts']);
    expect(result.status, result.stderr).toBe(0);
    expect(files(out)).toEqual(['docs/notes/mine.md', ...STACK_FILES_A]);
    for (const file of STACK_FILES_A) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(work, 'full-a', file), 'utf8'));
  });

  it('removes every artifact on a subset synth too, and rewrites only the stacks asked for', () => {
    const out = join(work, 'subset');
    expect(synth('subset', 'a').status).toBe(0);
    const result = synth('subset', 'b', ['--env', 'dev', '--no-artifacts']);
    expect(result.status, result.stderr).toBe(0);
    // The other stacks are a's, as a subset synth leaves them; dev is b's; no client config, doc or portal file is left.
    expect(files(out)).toEqual(STACK_FILES_A);
    for (const file of STACK_FILES_A.filter((f) => f.startsWith('stacks/') && !f.startsWith('stacks/dev/'))) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(work, 'full-a', file), 'utf8'));
    }
    for (const file of ['stacks/dev/cdk.tf.json', 'stacks/dev/topology.json']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(work, 'full-b', file), 'utf8'));
    }
  });

  it('is also asked for by TOPICFORM_NO_ARTIFACTS=1 (what review, changed and atlantis set for a ref they synthesize)', () => {
    const out = join(work, 'by-env');
    const byEnv = topicform(['synth', '--app', join(ROOT, APP), '--out', out], 'a', { TOPICFORM_NO_ARTIFACTS: '1' });
    expect(byEnv.status, byEnv.stderr).toBe(0);
    expect(files(out)).toEqual(STACK_FILES_A);
    // No flag was given, so the variable is named: set in a shell by mistake, it would otherwise go unnoticed.
    expect(byEnv.stderr).toContain('synth: TOPICFORM_NO_ARTIFACTS=1 is set: writing the stacks only, as --no-artifacts\n');
    // 0 is the default: everything is written.
    const zero = topicform(['synth', '--app', join(ROOT, APP), '--out', join(work, 'by-env-0')], 'a', { TOPICFORM_NO_ARTIFACTS: '0' });
    expect(zero.status, zero.stderr).toBe(0);
    expect(zero.stderr).not.toContain('TOPICFORM_NO_ARTIFACTS');
    expect(files(join(work, 'by-env-0'))).toEqual(files(join(work, 'full-a')));
  });

  it('refuses another value of TOPICFORM_NO_ARTIFACTS, naming it, and writes nothing', () => {
    const out = join(work, 'by-env-yes');
    const result = topicform(['synth', '--app', join(ROOT, APP), '--out', out], 'a', { TOPICFORM_NO_ARTIFACTS: 'yes' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `synth stopped: TOPICFORM_NO_ARTIFACTS="yes" is not 0 or 1 (1: write only the stacks, as --no-artifacts)\nnothing was written to ${out}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('is documented in --help', () => {
    const help = topicform(['synth', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--no-artifacts\s+write only what terraform, guard and review read/);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('also TOPICFORM_NO_ARTIFACTS=1');
  });
});
