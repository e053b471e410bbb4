/**
 * An exception in the user's code points at its file and line (the first frame outside the toolkit), with the whole
 * stack behind --verbose or DEBUG=topicform.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';

const APP = 'test/fixtures/apps/throws/main.ts';
const work = mkdtempSync(join(tmpdir(), 'topicform-user-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DEBUG: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const topicform = (args: readonly string[], env: Record<string, string> = {}) => run([BIN, ...args], env);
/** Lines of a stack trace (`    at …`) beyond the one pointing at the user's code. */
const stackLines = (text: string): string[] => text.split('\n').filter((l) => /^\s+at /.test(l) && !l.includes('test/fixtures/apps/throws/'));

describe('an exception in the app code', () => {
  it('fails synth with the message and the file and line that threw, and writes nothing', () => {
    const out = join(work, 'thrown');
    const result = topicform(['synth', '--app', APP, '--out', out], { TOPICFORM_TEST_FAILURE: 'throw' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('synth failed: the orders catalogue is not loaded\n  at test/fixtures/apps/throws/topics.ts:5:');
    expect(result.stderr).toContain('(declareCatalogue)');
    expect(result.stderr).toContain('(the whole stack: --verbose or DEBUG=topicform)');
    expect(result.stderr).toContain(`nothing was written to ${out}`);
    expect(stackLines(result.stderr)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('names a TypeError as such, at the line it happened', () => {
    const result = topicform(['synth', '--app', APP, '--out', join(work, 'type-error')], { TOPICFORM_TEST_FAILURE: 'type-error' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /synth failed: TypeError: Cannot read properties of undefined \(reading 'partitions'\)\n {2}at test\/fixtures\/apps\/throws\/topics\.ts:7:\d+ \(declareCatalogue\)/,
    );
  });

  it('prints the whole stack with --verbose, and with DEBUG=topicform', () => {
    for (const [args, env] of [
      [['--verbose'], {}],
      [[], { DEBUG: 'topicform' }],
      [[], { DEBUG: 'express,topicform' }],
    ] as const) {
      const result = topicform(['synth', ...args, '--app', APP, '--out', join(work, 'verbose')], { TOPICFORM_TEST_FAILURE: 'throw', ...env });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('synth failed: the orders catalogue is not loaded\n  at test/fixtures/apps/throws/topics.ts:5:');
      expect(stackLines(result.stderr).length, result.stderr).toBeGreaterThan(2);
      expect(result.stderr).not.toContain('(the whole stack: --verbose');
    }
  });

  it('points at the line when the app throws while it loads, for any command', () => {
    const result = topicform(['lint', '--app', APP], { TOPICFORM_TEST_FAILURE: 'load' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('topicform: RangeError: environments.ts could not be read\n  at test/fixtures/apps/throws/main.ts:6:');
    const thrown = topicform(['lint', '--app', APP], { TOPICFORM_TEST_FAILURE: 'throw' });
    expect(thrown.stderr).toContain('topicform: the orders catalogue is not loaded\n  at test/fixtures/apps/throws/topics.ts:5:');
  });
});
