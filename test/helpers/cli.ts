/** Running the `topicform` command as a user does, and capturing what commands write in process. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';

export const ROOT = resolve(__dirname, '..', '..');
/** The repository's command: tsx's require hook, then cli/main.ts. */
export const BIN = join(ROOT, 'bin', 'topicform.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `topicform <args>` in a child process (in the repository root unless `cwd` is given), colours off. */
export function runTopicform(args: readonly string[], options: { readonly cwd?: string; readonly timeoutMs?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A writable stream that keeps what is written, for commands run in process. */
export function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done): void {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}
