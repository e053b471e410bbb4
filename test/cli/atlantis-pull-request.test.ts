// `topicform atlantis --base-ref`, the step of Atlantis's pre-workflow hook for one pull request, end to end in a
// temporary git repository holding this repository's example: the base synthesized once into .topicform.base, and
// atlantis.yaml rewritten so that only the stacks whose Terraform differs from the base autoplan. Then `topicform
// changed`, the same decision as a list for CI, in the same repository: one domain changed, an upgrade that changes
// nothing, a lockfile change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliRun } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-atlantis-pr-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const repo = path.join(work, 'repo');
/** The copy's own command: its cli/ and its constructs are one module graph (this checkout's cli would see no stack). */
const topicform = (...args: string[]): CliRun => {
  const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'topicform.js'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const git = (...args: string[]): string => {
  const r = spawnSync('git', ['-c', 'user.name=atlantis-test', '-c', 'user.email=atlantis-test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

interface Project {
  name: string;
  autoplan: { enabled: boolean; when_modified: string[] };
}
const autoplanned = (): string[] =>
  (parse(fs.readFileSync(path.join(repo, 'atlantis.yaml'), 'utf8')) as { projects: Project[] }).projects.filter((p) => p.autoplan.enabled).map((p) => p.name);

const skip = new Set(['node_modules', '.git', 'cdktf.out', 'test', 'coverage', 'dist', 'bench']);
fs.mkdirSync(repo, { recursive: true });
for (const entry of fs.readdirSync(ROOT)) {
  if (!skip.has(entry) && !entry.startsWith('.') && !entry.endsWith('.tfstate')) fs.cpSync(path.join(ROOT, entry), path.join(repo, entry), { recursive: true });
}
fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\ncdktf.out/\n.topicform.*\n');
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
git('init', '--quiet');
git('add', '-A');
git('commit', '--quiet', '-m', 'base');
/**
 * A test that synthesizes the example (head, or a base from a ref) takes 10–20 s on an idle machine and minutes on a
 * loaded one (2 cores shared): the suite's 60 s would fail it for the machine's load, not for the code.
 */
const SYNTHESIZES = 600_000;
/** The stacks of the copy's head output (synthesized by the test that changes a declaration; never this checkout's). */
const headStacks = (): string[] => fs.readdirSync(path.join(repo, 'cdktf.out', 'stacks')).sort();

describe('topicform atlantis --base-ref: one pull request', () => {
  it(
    'refuses without the head output, and with --check, writing nothing',
    () => {
      const missing = topicform('atlantis', '--base-ref', 'HEAD');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('cdktf.out holds no synthesized stacks: run topicform synth --out cdktf.out first');
      const both = topicform('atlantis', '--base-ref', 'HEAD', '--check');
      expect(both.status).toBe(1);
      expect(both.stderr).toContain('give one of them');
      expect(fs.existsSync(path.join(repo, '.topicform.base'))).toBe(false);
      expect(git('status', '--porcelain')).toBe('');
    },
    SYNTHESIZES,
  );

  it(
    'autoplans only the stacks a declaration change reaches, and keeps the base for every review',
    () => {
      // search.document-changed is read by the search domain only: orders' production stack does not change.
      // (A change to orders' traffic would reach prod-search too: its indexer reads orders.order-created, and its quota follows.)
      const search = path.join(repo, 'topics', 'search.ts');
      const source = fs.readFileSync(search, 'utf8');
      expect(source, 'topics/search.ts declares 500 msg/s for search.document-changed').toContain('peakMessagesPerSecond: 500,');
      fs.writeFileSync(search, source.replace('peakMessagesPerSecond: 500,', 'peakMessagesPerSecond: 5_000,'));
      git('commit', '--quiet', '-am', 'ten times the document traffic');
      expect(topicform('synth', '--out', 'cdktf.out').status).toBe(0);

      const run = topicform('atlantis', '--base-ref', 'HEAD~1');
      const stacks = headStacks();
      expect(stacks).toContain('prod-orders');
      expect(run.stderr).toMatch(/topicform atlantis: synthesized base HEAD~1 in [\d.]+ s/);
      expect(run.status).toBe(0);
      // Every stack that holds the search domain changed; the orders domain's own production stack did not.
      const planned = autoplanned();
      expect(planned).toEqual(stacks.filter((s) => s !== 'prod-orders'));
      expect(run.stdout).toContain(`wrote atlantis.yaml for this pull request: ${String(planned.length)} of ${String(stacks.length)} stack(s) autoplan`);
      expect(run.stdout).toContain('unchanged, not autoplanned (atlantis plan -p <stack> still plans one): prod-orders\n');

      // The base output is there, whole, and each project's review reads it.
      expect(fs.readdirSync(path.join(repo, '.topicform.base', 'stacks')).sort()).toEqual(stacks);
      expect(fs.readdirSync(repo).filter((f) => f.includes('.staging-'))).toEqual([]);
      const review = topicform('review', '--base', '.topicform.base', '--head', 'cdktf.out', '--stack', 'prod-search', '--format', 'json');
      expect(review.stderr).toBe('');
      const findings = (JSON.parse(review.stdout) as { findings: { subject: { name: string } }[] }).findings;
      expect(findings.map((f) => f.subject.name)).toContain('search.document-changed');
      const quiet = topicform('review', '--base', '.topicform.base', '--head', 'cdktf.out', '--stack', 'prod-orders');
      expect(quiet.stdout).toMatch(/result: no changes\n$/);
    },
    SYNTHESIZES,
  );

  it(
    'autoplans every stack when package-lock.json differs from the base: the base is synthesized with this checkout’s topicform',
    () => {
      const lock = path.join(repo, 'package-lock.json');
      fs.writeFileSync(lock, fs.readFileSync(lock, 'utf8').replace(/\n$/, '\n\n'));
      const run = topicform('atlantis', '--base-ref', 'HEAD');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("package-lock.json differs from HEAD: the base was synthesized with this checkout's dependencies");
      expect(autoplanned()).toEqual(headStacks());
      git('checkout', '--quiet', '--', 'package-lock.json');
    },
    SYNTHESIZES,
  );

  it(
    'fails with exit 1 on an unknown ref and keeps the base it had',
    () => {
      const run = topicform('atlantis', '--base-ref', 'no-such-branch');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('--base-ref no-such-branch: unknown git ref "no-such-branch"');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(fs.readdirSync(path.join(repo, '.topicform.base', 'stacks')).sort()).toEqual(headStacks());
    },
    SYNTHESIZES,
  );
});

// `topicform changed`: the same decision as a listing CI can read, in the same repository (its head: the commit that
// raised search's traffic, synthesized into cdktf.out above), checked against the guard's verdict, which the GitHub
// review workflow plans by.
describe('topicform changed: the stacks a pull request plans', () => {
  interface Changed {
    base: string;
    head: string;
    plan: string[];
    stacks: { stack: string; change: string; reason: string }[];
  }
  const changed = (...args: string[]): Changed => {
    const run = topicform('changed', ...args, '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Changed;
  };

  it(
    'one domain changed: only the stacks holding it plan, as the Atlantis hook and the guard decide',
    () => {
      const result = changed('--base-ref', 'HEAD~1', '--base-out', '.topicform.changed-base');
      expect(result.plan).toEqual(headStacks().filter((s) => s !== 'prod-orders'));
      // The ref was synthesized for its stacks only (TOPICFORM_NO_ARTIFACTS=1): the manifest and each stack's
      // Terraform and Topology, no client config, doc or portal page.
      const base = path.join(repo, '.topicform.changed-base');
      expect(fs.readdirSync(base).sort()).toEqual(['manifest.json', 'stacks']);
      for (const stack of fs.readdirSync(path.join(base, 'stacks'))) {
        expect(fs.readdirSync(path.join(base, 'stacks', stack)).sort(), stack).toEqual(['cdk.tf.json', 'topology.json']);
      }
      expect(result.stacks.find((s) => s.stack === 'prod-orders')).toEqual({
        stack: 'prod-orders',
        change: 'unchanged',
        reason: 'cdk.tf.json is byte-identical',
      });
      const guard = topicform('guard', '--base', '.topicform.changed-base', '--format', 'json', 'cdktf.out');
      const verdicts = (JSON.parse(guard.stdout) as { stacks: { stack: string; changed: boolean }[] }).stacks;
      expect(verdicts.filter((s) => s.changed).map((s) => s.stack)).toEqual(result.plan);
    },
    SYNTHESIZES,
  );

  it(
    'an upgrade that changes nothing but cdktf’s metadata plans no stack (the base synthesized with its own lockfile)',
    () => {
      // What another topicform or cdktf version writes for the same declarations: its version in the `//` metadata, keys
      // in another order, other whitespace. terraform reads none of it.
      const upgraded = path.join(work, 'upgraded-base');
      for (const stack of headStacks()) {
        const json = JSON.parse(fs.readFileSync(path.join(repo, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8')) as Record<string, unknown> & {
          '//': { metadata: { version: string } };
        };
        json['//'].metadata.version = '0.99.0';
        fs.mkdirSync(path.join(upgraded, 'stacks', stack), { recursive: true });
        fs.writeFileSync(path.join(upgraded, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(Object.fromEntries(Object.entries(json).reverse())));
      }
      const result = changed('--base', upgraded);
      expect(result.plan).toEqual([]);
      expect(new Set(result.stacks.map((s) => `${s.change}: ${s.reason}`))).toEqual(
        new Set(["unchanged: the same Terraform: only `//` comments (cdktf's metadata) or key order differ"]),
      );
      const text = topicform('changed', '--base', upgraded);
      expect(text.stdout).toContain(`topicform changed: 0 of ${String(headStacks().length)} stacks of cdktf.out to plan (base ${upgraded})\n`);
    },
    SYNTHESIZES,
  );

  it(
    'a lockfile change: every stack plans against a base synthesized here (--base-ref), the outputs decide against one synthesized with its own lockfile (--base)',
    () => {
      const lock = path.join(repo, 'package-lock.json');
      fs.writeFileSync(lock, fs.readFileSync(lock, 'utf8').replace(/\n$/, '\n\n'));
      try {
        const fromRef = changed('--base-ref', 'HEAD', '--base-out', '.topicform.changed-base');
        expect(fromRef.plan).toEqual(headStacks());
        expect(
          fromRef.stacks.every((s) => s.reason.startsWith("package-lock.json differs from HEAD: the base was synthesized with this checkout's dependencies")),
        ).toBe(true);
        // The same declarations: the base output of HEAD equals the head's, so with the outputs alone nothing plans.
        expect(changed('--base', '.topicform.changed-base').plan).toEqual([]);
      } finally {
        git('checkout', '--quiet', '--', 'package-lock.json');
      }
    },
    SYNTHESIZES,
  );

  it(
    'refuses what it cannot compare, with exit 1 and the reason',
    () => {
      const neither = topicform('changed');
      expect(neither.status).toBe(1);
      expect(neither.stderr).toBe('topicform changed: give the base as --base <dir> or --base-ref <ref> (one of them)\n');
      expect(topicform('changed', '--base', 'cdktf.out', '--base-ref', 'HEAD').status).toBe(1);
      const keep = topicform('changed', '--base', 'cdktf.out', '--base-out', 'x');
      expect(keep.stderr).toBe('topicform changed: --base-out keeps the output of --base-ref: give --base-ref too\n');
      const noHead = topicform('changed', '--base', 'cdktf.out', '--head', 'nowhere');
      expect(noHead.status).toBe(1);
      expect(noHead.stderr).toBe('topicform changed: nowhere: not a synthesized output (it has no stacks/ directory)\n');
      const badRef = topicform('changed', '--base-ref', 'no-such-branch');
      expect(badRef.status).toBe(1);
      expect(badRef.stderr).toContain('--base-ref no-such-branch: unknown git ref "no-such-branch"');
    },
    SYNTHESIZES,
  );
});
