/**
 * Real faults on real synth processes (`topicform synth` on test/fixtures/apps/variants): SIGKILL at every kind of
 * moment — at exact points of the commit through the fault hook (cli/output/faults.ts), as soon as the first output file
 * changes, and at arbitrary times — and two synths started at once on the same output. After each, the next synth
 * (here one whose declarations fail, so it writes nothing after recovering) must find the output whole: the previous
 * one, or the new one when the kill came after the commit point; then a good synth must write the new output whole.
 * Every check compares a checksum of the whole output, terraform's files included.
 *
 * TOPICFORM_CRASH_ROUNDS (default 1) repeats the timed kills for a longer run.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../cli/synth';
import { injectFault } from '../../cli/output/faults';
import { lockPath } from '../../cli/output/names';
import { variantApp, type Variant } from '../fixtures/apps/variants/main';
import { BIN, ROOT } from '../helpers/cli';
import { outputSiblings, TERRAFORM_FILES, treeDigest } from '../helpers/output-tree';

const APP = 'test/fixtures/apps/variants/main.ts';
const ROUNDS = Number(process.env.TOPICFORM_CRASH_ROUNDS ?? 1);
/** Topics per domain of the fixture: enough files that a commit takes more than an instant. */
const TOPICS = 40;

const work = mkdtempSync(join(tmpdir(), 'topicform-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const freshOut = (): string => {
  const dir = join(work, `case-${counter++}`);
  mkdirSync(dir);
  return join(dir, 'cdktf.out');
};

function plantTerraformFiles(out: string): void {
  for (const [file, content] of Object.entries(TERRAFORM_FILES)) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), content);
  }
}

const references = { a: '', b: '' };
const digests = { a: '', b: '' };
/** How many steps the commit from a to b takes. */
let steps = 0;
beforeAll(async () => {
  // Written by the real command, as in every case below (under vitest, in-process synth records other source lines).
  for (const variant of ['a', 'b'] as const) {
    const out = freshOut();
    const run = await startSynth(variant, out).done;
    expect(run.code, run.stderr).toBe(0);
    plantTerraformFiles(out);
    references[variant] = out;
    digests[variant] = treeDigest(out);
  }
  const stop = injectFault((point, index) => {
    if (point === 'step') steps = Math.max(steps, index + 1);
  });
  try {
    expect(synthesize(variantApp('b', TOPICS), previousOutput(), { onNotice: () => undefined }).ok).toBe(true);
  } finally {
    stop();
  }
  expect(steps).toBeGreaterThan(20);
}, 120_000);

/** A copy of the previous output (variant a). */
function previousOutput(): string {
  const out = freshOut();
  cpSync(references.a, out, { recursive: true });
  return out;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly stdout: string;
}

function startSynth(
  variant: Variant,
  out: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, 'synth', '--app', APP, '--out', out, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TOPICFORM_TEST_VARIANT: variant, TOPICFORM_TEST_TOPICS: String(TOPICS), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/**
 * What the next synth finds: a synth whose declarations fail recovers the output first and then writes nothing, so the
 * output is what recovery left. Then a good synth must produce the new output whole.
 */
async function expectRecovered(out: string, allowed: ReadonlyArray<'a' | 'b'>, when: string): Promise<void> {
  // In process: it writes nothing, so the source lines it would record do not matter.
  const failing = synthesize(variantApp('broken', TOPICS), out, { onNotice: () => undefined });
  expect(failing.ok, when).toBe(false);
  const digest = treeDigest(out);
  expect(
    allowed.map((v) => digests[v]),
    `${when}: the output after recovery is ${digest === digests.a ? 'the previous one' : digest === digests.b ? 'the new one' : 'a mix'}`,
  ).toContain(digest);
  expect(outputSiblings(out), when).toEqual([]);
  const next = await startSynth('b', out).done;
  expect(next.code, `${when}: ${next.stderr}`).toBe(0);
  expect(treeDigest(out), `${when}: the synth after recovery`).toBe(digests.b);
  expect(outputSiblings(out), when).toEqual([]);
}

describe('a synth killed with SIGKILL', () => {
  // Steps are numbered when the suite starts (beforeAll): first, second, a third and two thirds in, and the last.
  const points: ReadonlyArray<readonly [string, ReadonlyArray<'a' | 'b'>]> = [
    ['locked', ['a']],
    ['staged', ['a']],
    ['journal', ['a']],
    ['step:first', ['a']],
    ['step:second', ['a']],
    ['step:third', ['a']],
    ['step:two-thirds', ['a']],
    ['step:last', ['a']],
    ['committed', ['b']],
    ['cleanup:1', ['b']],
  ];
  it.each(points)(
    'at %s leaves an output the next synth makes whole',
    async (name, allowed) => {
      const index: Readonly<Record<string, number>> = {
        first: 0,
        second: 1,
        third: Math.floor(steps / 3),
        'two-thirds': Math.floor((2 * steps) / 3),
        last: steps - 1,
      };
      const [kind = '', at = ''] = name.split(':');
      const point = kind === 'step' ? `step:${index[at] ?? at}` : name;
      const out = previousOutput();
      const run = await startSynth('b', out, { TOPICFORM_TEST_KILL_AT: point }).done;
      expect(run.signal, `${point}: ${run.stderr}`).toBe('SIGKILL');
      await expectRecovered(out, allowed, `killed at ${point}`);
    },
    60_000,
  );

  it('as soon as the first output file changes leaves an output the next synth makes whole', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const out = previousOutput();
      const watched = [
        'manifest.json',
        'stacks/dev/cdk.tf.json',
        'stacks/staging/topology.json',
        'docs/prod/index.md',
        'clients/dev/orders-reader/kafkajs.ts',
      ].map((f) => join(out, ...f.split('/')));
      const inodes = watched.map(inode);
      const { child, done } = startSynth('b', out);
      const deadline = Date.now() + 60_000;
      // Busy-polling on purpose: the test must act within microseconds of the first change.
      while (Date.now() < deadline && child.exitCode === null && watched.every((f, i) => inode(f) === inodes[i])) {
        // poll
      }
      child.kill('SIGKILL');
      const run = await done;
      await expectRecovered(out, ['a', 'b'], `killed as the commit began (${run.signal ?? `exit ${run.code}`})`);
    }
  }, 120_000);

  it('at arbitrary moments leaves an output the next synth makes whole', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const delay of [900, 1_800, 2_700, 3_600]) {
        const out = previousOutput();
        const { child, done } = startSynth('b', out);
        await new Promise((resolve) => setTimeout(resolve, delay + round * 173));
        child.kill('SIGKILL');
        const run = await done;
        await expectRecovered(out, ['a', 'b'], `killed after ${delay} ms (${run.signal ?? `exit ${run.code}`})`);
      }
    }
  }, 180_000);
});

describe('two synths on the same output at once', () => {
  it('never interleave: the output is the one written last, whole', async () => {
    for (let round = 0; round < 2 * ROUNDS; round++) {
      const out = previousOutput();
      const [first, second] = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const finished: Variant[] = [];
      const runs = await Promise.all(
        ([first, second] as const).map(async (variant) => {
          const run = await startSynth(variant, out).done;
          finished.push(variant);
          return { variant, ...run };
        }),
      );
      const report = runs.map((r) => `${r.variant}: ${r.stderr}`).join('\n');
      expect(
        runs.map((r) => r.code),
        report,
      ).toEqual([0, 0]);
      const last = finished[1] as 'a' | 'b';
      expect(
        treeDigest(out),
        `round ${round}: the output is ${treeDigest(out) === digests.a ? 'a' : treeDigest(out) === digests.b ? 'b' : 'a mix'}, ${last} finished last`,
      ).toBe(digests[last]);
      // When they overlapped, the one that finished last is the one that waited.
      for (const run of runs) if (/waiting for another synth/.test(run.stderr)) expect(run.variant, report).toBe(last);
      expect(outputSiblings(out)).toEqual([]);
    }
  }, 180_000);

  it('waits with a message while another synth holds the lock, and goes on once it is released', async () => {
    const out = previousOutput();
    // This test's own process holds the lock, as a synth in progress would.
    writeFileSync(lockPath(out), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' }));
    const { child, done } = startSynth('b', out);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('waiting for another synth') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).toMatch(new RegExp(`waiting for another synth writing .*cdktf\\.out \\(pid ${process.pid} on .*\\) to finish; giving up after 600 s`));
    // Still waiting: nothing written yet.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(treeDigest(out)).toBe(digests.a);
    rmSync(lockPath(out));
    const run = await done;
    expect(run.code, run.stderr).toBe(0);
    expect(treeDigest(out)).toBe(digests.b);
    expect(outputSiblings(out)).toEqual([]);
  }, 120_000);

  it('refuses with a message when --wait runs out', async () => {
    const out = previousOutput();
    writeFileSync(lockPath(out), JSON.stringify({ pid: process.pid, host: hostname(), since: '2020-01-01T00:00:00.000Z', token: 'test' }));
    try {
      const run = await startSynth('b', out, {}, ['--wait', '0']).done;
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `is being written by another synth (pid ${process.pid} on ${hostname()}, since 2020-01-01T00:00:00.000Z). Wait for it to finish (--wait <seconds> waits longer)`,
      );
      expect(run.stderr).toContain('nothing was written to');
      expect(treeDigest(out)).toBe(digests.a);
    } finally {
      rmSync(lockPath(out));
    }
  }, 60_000);
});

function inode(path: string): number {
  try {
    return statSync(path).ino;
  } catch {
    return existsSync(path) ? -1 : -2;
  }
}
