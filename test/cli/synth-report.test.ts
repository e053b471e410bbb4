/**
 * What synth prints: the errors and warnings to act on, and one line counting the rest (suppressed findings, info),
 * counted as `topicform lint` counts them; the whole report stays behind `topicform lint`. On a terminal, progress with
 * stages and counts; nothing of it in CI or when piped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runSynth } from '../../cli/synth';
import { variantApp } from '../fixtures/apps/variants/main';
import { BIN, ROOT } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'topicform-synth-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());
let n = 0;

const topicform = (args: readonly string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
const summaryOf = (text: string): string | undefined => /(\d+ error\(s\), \d+ warning\(s\), \d+ info, \d+ suppressed)/.exec(text)?.[1];

describe('synth prints what to act on, and counts the rest', () => {
  it('prints a warning with its fix and one line of counts, not the suppressed and info findings', () => {
    const app = 'test/fixtures/apps/lint-warnings/main.ts';
    const synth = topicform(['synth', '--app', app, '--out', join(work, `out-${n++}`)]);
    expect(synth.status).toBe(0);
    expect(synth.stderr).toContain('warning TF-DOMAIN-001 test/fixtures/apps/orders.ts:');
    expect(synth.stderr).toContain("fix: set recoveryProcedure to the runbook's path or URL");
    expect(synth.stderr).not.toContain('suppressed by');
    expect(synth.stderr).not.toContain('TF-GROUP-005');
    expect(synth.stdout).toContain('lint: 0 error(s), 1 warning(s), 1 info, 1 suppressed (topicform lint lists every finding); synthesized 2 stack(s)');
    expect(summaryOf(topicform(['lint', '--app', app]).stdout)).toBe(summaryOf(synth.stdout));
  });

  it('prints the errors that stop it and the same line of counts', () => {
    const synth = topicform(['synth', '--app', 'test/fixtures/apps/lint-error/main.ts', '--out', join(work, `out-${n++}`)]);
    expect(synth.status).toBe(1);
    expect(synth.stderr).toContain('error   TF-GROUP-001 test/fixtures/apps/orders.ts:');
    expect(synth.stderr).toContain('lint: 1 error(s), 0 warning(s), 0 info, 0 suppressed — failed (topicform lint lists every finding)');
    expect(synth.stderr).toContain('nothing was written to');
  });

  it('stays a few lines with hundreds of suppressed findings, counted as lint counts them', () => {
    const env = { TOPICFORM_TEST_TOPICS: '60' };
    const synth = topicform(['synth', '--app', 'test/fixtures/apps/variants/main.ts', '--out', join(work, `out-${n++}`)], env);
    expect(synth.status).toBe(0);
    expect(synth.stderr).toBe('');
    expect(synth.stdout.trim().split('\n')).toHaveLength(1);
    const counts = summaryOf(synth.stdout);
    expect(counts).toMatch(/, [1-9]\d+ suppressed$/);
    expect(summaryOf(topicform(['lint', '--app', 'test/fixtures/apps/variants/main.ts'], env).stdout)).toBe(counts);
  });
});

/** A stream that keeps what is written, claiming to be a terminal or not. */
function terminal(isTTY: boolean): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      text += chunk.toString();
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY }), text: () => text };
}

describe('synth progress', () => {
  const synthTo = (stderr: NodeJS.WritableStream): number =>
    runSynth(variantApp('a', 3), { outdir: join(work, `out-${n++}`), stderr, stdout: terminal(false).stream });

  it('shows the stages with counts on a terminal, and clears its line at the end', () => {
    vi.stubEnv('CI', '');
    const tty = terminal(true);
    expect(synthTo(tty.stream)).toBe(0);
    const shown = tty.text();
    for (const stage of [
      'resolving and linting environments 3/3',
      'synthesizing stacks 4/4',
      'rendering client configs, docs and schemas',
      'writing the output',
    ]) {
      expect(shown).toContain(stage);
    }
    expect(shown.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('is quiet in CI', () => {
    vi.stubEnv('CI', 'true');
    const tty = terminal(true);
    expect(synthTo(tty.stream)).toBe(0);
    expect(tty.text()).toBe('');
  });

  it('is quiet when piped', () => {
    vi.stubEnv('CI', '');
    const pipe = terminal(false);
    expect(synthTo(pipe.stream)).toBe(0);
    expect(pipe.text()).toBe('');
  });
});
