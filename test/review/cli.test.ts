// `topicform review` end to end, through bin/topicform.js: output directories and git refs in, text, Markdown or JSON
// out, exit code 0 (nothing blocking), 2 (an unacknowledged BLOCK) or 1 (usage or input error, with a message naming
// the file and never a stack trace).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../review/render/markdown';
import type { ReviewResult } from '../../review/types';
import { buildCase, corpusCase } from './corpus/cases';
import { FIXTURES } from './corpus/output';
import { runTopicform } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-review-cli-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const topicform = (args: string[], cwd = work): Run => runTopicform(args, { cwd, timeoutMs: 120_000 });

/** Writes a corpus case's base and head as cdktf.out directories; returns their paths relative to `work`. */
function writeCase(name: string): { base: string; head: string } {
  const { base, head } = buildCase(corpusCase(name));
  base.writeTo(path.join(work, name, 'base'));
  head.writeTo(path.join(work, name, 'head'));
  return { base: `${name}/base`, head: `${name}/head` };
}

const PLAN = path.join(FIXTURES, 'dev-partitions-decreased', 'plan.dev.json');

function expectInputError(run: Run, message: RegExp): void {
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^topicform review: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe('');
}

describe('topicform review: output directories', () => {
  const partitions = writeCase('dev-partitions-decreased');
  const identical = writeCase('identical');

  it('prints help with the exit codes', () => {
    const run = topicform(['review', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--base-ref <ref>/);
    expect(run.stdout).toMatch(
      /Exit codes: 0 nothing blocking, 2 an unacknowledged BLOCK finding or a failed plan \(--plan-failed\), 1 a usage or input error/,
    );
  });

  it('exits 0 with no findings for identical outputs', () => {
    const run = topicform(['review', '--base', identical.base, '--head', identical.head]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/result: no changes\n$/);
  });

  it('exits 2 on a blocking finding, with the plan as evidence', () => {
    const run = topicform(['review', '--base', partitions.base, '--head', partitions.head, '--plan', `dev=${PLAN}`]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('BLOCK  dev/search.document-changed/partitions-decreased');
    expect(run.stdout).toContain('terraform plan: kafka_topic.search_document-changed: replace (delete, then create), forced by partitions');
  });

  it('blocks (exit 2) when CI reports a failed plan, and says so', () => {
    const run = topicform(['review', '--base', identical.base, '--head', identical.head, '--plan-failed', 'dev']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('terraform plan failed: dev (the review cannot say what terraform would do there, so it blocks)');
    expect(run.stdout).toMatch(/result: terraform plan failed for dev\n$/);
    const md = topicform(['review', '--base', identical.base, '--head', identical.head, '--plan-failed', 'dev', '--format', 'markdown']);
    expect(md.stdout.split('\n')[1]).toBe('## topicform review: ⛔ terraform plan failed for dev');
    expectInputError(
      topicform(['review', '--base', identical.base, '--head', identical.head, '--plan-failed', 'nope']),
      /--plan-failed nope: unknown stack "nope"/,
    );
  });

  it('writes Markdown for a pull-request comment to a file', () => {
    const run = topicform(['review', '--base', partitions.base, '--head', partitions.head, '--format', 'markdown', '--output', 'comment.md']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(path.join(work, 'comment.md'), 'utf8').split('\n')[0]).toBe(COMMENT_MARKER);
  });

  it('prints JSON for machines; a single-stack head takes a plan without a stack name', () => {
    const run = topicform(['review', '--base', partitions.base, '--head', partitions.head, '--plan', PLAN, '--format', 'json']);
    expect(run.status).toBe(2);
    const result = JSON.parse(run.stdout) as ReviewResult;
    expect(result.plans).toEqual(['dev']);
    expect(result.findings.map((f) => f.id)).toEqual(['dev/search.document-changed/partitions-decreased']);
  });

  it('exits 0 once the blocking finding is acknowledged, and shows the acknowledgement', () => {
    const file = path.join(work, 'acks.yaml');
    fs.writeFileSync(
      file,
      'acknowledgements:\n  - finding: dev/search.document-changed/partitions-decreased\n    reason: dev data is disposable; the topic is recreated\n    by: alice\n',
    );
    const run = topicform(['review', '--base', partitions.base, '--head', partitions.head, '--acknowledgements', 'acks.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('BLOCK (acknowledged) dev/search.document-changed/partitions-decreased');
    expect(run.stdout).toContain('acknowledged by alice: dev data is disposable; the topic is recreated');
  });

  it('reads review-acknowledgements.yaml of the working directory by default', () => {
    const dir = path.join(work, 'with-acks');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'review-acknowledgements.yaml'),
      'acknowledgements:\n  - finding: dev/search.document-changed/partitions-decreased\n    reason: dev data is disposable; the topic is recreated\n',
    );
    const run = topicform(['review', '--base', path.join(work, partitions.base), '--head', path.join(work, partitions.head)], dir);
    expect(run.status).toBe(0);
  });

  it('exits 2 on a breaking schema change, reported in the contract section, and 0 once acknowledged', () => {
    const contract = writeCase('contract-field-removed');
    const id = 'prod-orders/orders.order-created/value/customerId/property-removed-closed-model';
    const run = topicform(['review', '--base', contract.base, '--head', contract.head]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`contract changes (each event schema under its topic's compatibility mode):\n\nBLOCK  ${id}\n`);
    fs.writeFileSync(
      path.join(work, 'contract-acks.yaml'),
      `acknowledgements:\n  - finding: ${id}\n    reason: no consumer reads customerId since the 2025 migration\n`,
    );
    const acknowledged = topicform([
      'review',
      '--base',
      contract.base,
      '--head',
      contract.head,
      '--acknowledgements',
      'contract-acks.yaml',
      '--format',
      'json',
    ]);
    expect(acknowledged.status).toBe(0);
    const result = JSON.parse(acknowledged.stdout) as ReviewResult;
    expect(result.contracts[0]).toMatchObject({ id, verdict: 'BLOCK', acknowledgement: { finding: id } });
    expect(result.summary.blocking).toBe(0);
  });

  it('exits 0 on a cross-domain read without a reason (WARN), naming the owner to approve', () => {
    const access = writeCase('cross-domain-without-reason');
    const run = topicform(['review', '--base', access.base, '--head', access.head, '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('### Access changes');
    expect(run.stdout).toContain('**Required reviewers:** @&#8288;acme/&#8288;orders-&#8288;team, @&#8288;acme/&#8288;search-&#8288;team');
  });

  describe('fails with exit 1 and a message naming the file', () => {
    it('when --base is missing', () => {
      expectInputError(topicform(['review', '--head', partitions.head]), /--base: missing: give the base output with --base <dir>/);
    });

    it('when a directory does not exist', () => {
      expectInputError(topicform(['review', '--base', 'nowhere', '--head', partitions.head]), /^topicform review: nowhere: no such directory\n$/);
    });

    it('when a directory is not a synthesized output', () => {
      fs.mkdirSync(path.join(work, 'empty'), { recursive: true });
      expectInputError(
        topicform(['review', '--base', 'empty', '--head', partitions.head]),
        /empty: has no stacks\/ directory: give a cdktf\.out directory written by topicform synth/,
      );
    });

    it('when topology.json is missing', () => {
      const { base } = writeCase('identical');
      fs.rmSync(path.join(work, base, 'stacks', 'dev', 'topology.json'));
      expectInputError(
        topicform(['review', '--base', base, '--head', partitions.head]),
        /identical\/base\/stacks\/dev\/topology\.json: missing: topicform synth writes the Topology beside cdk\.tf\.json/,
      );
    });

    it('when cdk.tf.json is truncated', () => {
      const { head } = writeCase('compact-to-delete');
      const file = path.join(work, head, 'stacks', 'prod-search', 'cdk.tf.json');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 500));
      expectInputError(
        topicform(['review', '--base', 'compact-to-delete/base', '--head', head]),
        /compact-to-delete\/head\/stacks\/prod-search\/cdk\.tf\.json: not valid JSON .*is it truncated\?/,
      );
    });

    it('when the plan is malformed', () => {
      fs.writeFileSync(path.join(work, 'bad-plan.json'), '{"format_version": "1.2", "resource_changes": [');
      expectInputError(
        topicform(['review', '--base', partitions.base, '--head', partitions.head, '--plan', 'dev=bad-plan.json']),
        /^topicform review: bad-plan\.json: not valid JSON/,
      );
    });

    it('when the plan names an unknown stack', () => {
      expectInputError(
        topicform(['review', '--base', partitions.base, '--head', partitions.head, '--plan', `staging=${PLAN}`]),
        /--plan staging=.*: unknown stack "staging": the head output has dev/,
      );
    });

    it('when a plan names no stack and the head has several', () => {
      const { base, head } = writeCase('multi-change');
      expectInputError(topicform(['review', '--base', base, '--head', head, '--plan', PLAN]), /name the stack the plan is for, e\.g\. --plan prod-orders=/);
    });

    it('when the acknowledgement file is invalid', () => {
      fs.writeFileSync(path.join(work, 'bad-acks.yaml'), 'acknowledgements:\n  - finding: dev/x/topic-deleted\n    reason: ok\n');
      expectInputError(
        topicform(['review', '--base', partitions.base, '--head', partitions.head, '--acknowledgements', 'bad-acks.yaml']),
        /bad-acks\.yaml: acknowledgements\[0\]\.reason: must be a written reason of at least 10 characters/,
      );
    });

    it('when an option value is not allowed', () => {
      const run = topicform(['review', '--base', partitions.base, '--format', 'html']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/argument 'html' is invalid\. Allowed choices are markdown, text, json/);
    });
  });
});

describe('topicform review: git refs it synthesizes itself', () => {
  const repo = path.join(work, 'repo');
  const git = (...args: string[]): string => {
    const r = spawnSync('git', ['-c', 'user.name=review-test', '-c', 'user.email=review-test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const skip = new Set(['node_modules', '.git', 'cdktf.out', 'test', 'coverage', 'dist', 'bench']);
  fs.mkdirSync(repo, { recursive: true });
  for (const entry of fs.readdirSync(ROOT)) {
    if (!skip.has(entry) && !entry.startsWith('.') && !entry.endsWith('.tfstate')) {
      fs.cpSync(path.join(ROOT, entry), path.join(repo, entry), { recursive: true });
    }
  }
  fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\ncdktf.out/\n');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  git('init', '--quiet');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'base');
  fs.appendFileSync(path.join(repo, 'main.ts'), '\n// a comment changes no output\n');
  git('commit', '--quiet', '-am', 'comment only');
  const orders = path.join(repo, 'topics', 'orders.ts');
  const source = fs.readFileSync(orders, 'utf8');
  const peak = /peakMessagesPerSecond: ([\d_]+)/.exec(source);

  it('synthesizes both refs and finds nothing for a change that does not change the output', () => {
    const run = topicform(['review', '--base-ref', 'HEAD~1', '--head-ref', 'HEAD'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^topicform review: HEAD~1 → HEAD\n/);
    expect(run.stdout).toMatch(/result: no changes\n$/);
  });

  it('reports a declared change between two refs', () => {
    expect(peak, 'topics/orders.ts declares peakMessagesPerSecond').not.toBeNull();
    const doubled = Number((peak?.[1] ?? '0').replace(/_/g, '')) * 8;
    fs.writeFileSync(orders, source.replace(/peakMessagesPerSecond: [\d_]+/, `peakMessagesPerSecond: ${doubled}`));
    git('commit', '--quiet', '-am', 'eight times the traffic');
    const run = topicform(['review', '--base-ref', 'HEAD~1', '--head-ref', 'HEAD', '--format', 'json'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ReviewResult;
    expect(result.findings.filter((f) => f.rule === 'partitions-increased').map((f) => f.subject)).toContainEqual({
      kind: 'topic',
      name: 'orders.order-created',
    });
  });

  it("says, even off a terminal, when the lockfile differs: the base ran with this checkout's topicform", () => {
    const lockfile = path.join(repo, 'package-lock.json');
    const lock = fs.readFileSync(lockfile, 'utf8');
    fs.writeFileSync(lockfile, `${lock.trimEnd()}\n\n`);
    git('commit', '--quiet', '-am', 'lockfile changed');
    const run = topicform(['review', '--base-ref', 'HEAD~1', '--head-ref', 'HEAD'], repo);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "topicform review: note: package-lock.json differs between HEAD~1 and this checkout; HEAD~1 is synthesized with this checkout's topicform and dependencies, so what the upgrade alone changes is not in this comparison\n",
    );
    expect(run.stdout).toMatch(/result: no changes\n$/);
  });

  it('fails with exit 1 on an unknown ref', () => {
    expectInputError(
      topicform(['review', '--base-ref', 'no-such-branch', '--head-ref', 'HEAD'], repo),
      /--base-ref no-such-branch: unknown git ref "no-such-branch"/,
    );
  });
});
