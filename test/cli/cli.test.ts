import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTopicform, type CliRun } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'topicform-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]): CliRun => runTopicform(args);

describe('topicform CLI', () => {
  it('prints help for the program and for every command', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/Usage: topicform/);
    expect(top.stdout).toMatch(/synth/);
    const synth = run('synth', '--help');
    expect(synth.status).toBe(0);
    expect(synth.stdout).toMatch(/--out <dir>/);
  });

  it('synthesizes to the directory given with --out', () => {
    const out = join(work, 'out');
    const result = run('synth', '--out', out);
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'stacks', 'dev', 'cdk.tf.json'))).toBe(true);
  });

  it('fails with exit code 1 and a message naming the file when the app file is missing', () => {
    const result = run('synth', '--app', 'missing-app.ts', '--out', join(work, 'x'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/app file missing-app\.ts not found/);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  it('fails with exit code 1 on an unknown command', () => {
    const result = run('bogus');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown command 'bogus'/);
  });
});
