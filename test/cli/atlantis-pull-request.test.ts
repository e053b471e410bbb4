// `topicform atlantis --base-ref`, the step of Atlantis's pre-workflow hook for one pull request, end to end in a
// temporary git repository holding this repository's example: the base synthesized once into .topicform.base, and
// atlantis.yaml rewritten so that only the stacks whose output differs from the base autoplan.
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
/** The stacks of the copy's head output (synthesized by the test that changes a declaration; never this checkout's). */
const headStacks = (): string[] => fs.readdirSync(path.join(repo, 'cdktf.out', 'stacks')).sort();

describe('topicform atlantis --base-ref: one pull request', () => {
  it('refuses without the head output, and with --check, writing nothing', () => {
    const missing = topicform('atlantis', '--base-ref', 'HEAD');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cdktf.out holds no synthesized stacks: run topicform synth --out cdktf.out first');
    const both = topicform('atlantis', '--base-ref', 'HEAD', '--check');
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('give one of them');
    expect(fs.existsSync(path.join(repo, '.topicform.base'))).toBe(false);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('autoplans only the stacks a declaration change reaches, and keeps the base for every review', () => {
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
  });

  it('autoplans every stack when package-lock.json differs from the base: the base is synthesized with this checkout’s topicform', () => {
    const lock = path.join(repo, 'package-lock.json');
    fs.writeFileSync(lock, fs.readFileSync(lock, 'utf8').replace(/\n$/, '\n\n'));
    const run = topicform('atlantis', '--base-ref', 'HEAD');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('package-lock.json differs from HEAD: an upgrade can change any stack');
    expect(autoplanned()).toEqual(headStacks());
    git('checkout', '--quiet', '--', 'package-lock.json');
  });

  it('fails with exit 1 on an unknown ref and keeps the base it had', () => {
    const run = topicform('atlantis', '--base-ref', 'no-such-branch');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--base-ref no-such-branch: unknown git ref "no-such-branch"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(path.join(repo, '.topicform.base', 'stacks')).sort()).toEqual(headStacks());
  });
});
