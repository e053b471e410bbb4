/** A CommandIo that keeps what a command writes, for tests that call a command's run function directly. */
import type { CommandIo } from '../../cli/commands/access';

export interface CapturedIo extends CommandIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function capturedIo(): CapturedIo {
  const text = { out: '', err: '' };
  const sink = (key: 'out' | 'err'): NodeJS.WritableStream =>
    ({ write: (s: string | Uint8Array): boolean => ((text[key] += String(s)), true) }) as unknown as NodeJS.WritableStream;
  return { stdout: sink('out'), stderr: sink('err'), out: () => text.out, err: () => text.err };
}
