/**
 * Synth's options wherever synth runs: an app run directly (`npm run synth -- --env prod`, `npx tsx main.ts …`) takes
 * the options of `topicform synth`, and both refuse an environment or domain the app does not have.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'topicform-synth-options-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const topicform = (args: readonly string[]) => run([BIN, ...args]);

describe('an app run directly (npm run synth -- <options>)', () => {
  const mainTs = (args: readonly string[], out: string) => run([TSX, join(ROOT, 'main.ts'), ...args], { CDKTF_OUTDIR: out });

  it('fails on an unknown environment, naming the ones the app has, and writes nothing', () => {
    const out = join(work, 'direct-unknown');
    const result = mainTs(['--env', 'nope'], out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown environment "nope"; the app has confluent, dev, msk, prod, staging');
    expect(existsSync(out)).toBe(false);
  });

  it('synthesizes only the environments and domains asked for, to the folder asked for', () => {
    const out = join(work, 'direct-dev');
    const result = mainTs(['--env', 'prod', '--domain', 'orders', '--out', out], join(work, 'unused'));
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(out, 'stacks'))).toEqual(['prod-orders']);
    expect(existsSync(join(work, 'unused'))).toBe(false);
  });

  it('prints its options with --help and refuses an unknown option', () => {
    const help = mainTs(['--help'], join(work, 'help'));
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--env <name\.\.\.>/);
    expect(help.stdout).toMatch(/--wait <seconds>/);
    expect(help.stdout).toMatch(/--no-artifacts/);
    const wrong = mainTs(['--evn', 'prod'], join(work, 'wrong'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/unknown option '--evn'/);
    expect(existsSync(join(work, 'wrong'))).toBe(false);
  });

  it('topicform synth refuses an unknown environment or domain the same way', () => {
    const env = topicform(['synth', '--env', 'prod', 'nope', '--out', join(work, 'cli-unknown')]);
    expect(env.status).toBe(1);
    expect(env.stderr).toContain('unknown environment "nope"; the app has confluent, dev, msk, prod, staging');
    const domain = topicform(['synth', '--domain', 'ordres', '--out', join(work, 'cli-unknown')]);
    expect(domain.status).toBe(1);
    expect(domain.stderr).toContain('unknown domain "ordres" (did you mean "orders"?); the app declares orders, search');
    expect(existsSync(join(work, 'cli-unknown'))).toBe(false);
  });
});
