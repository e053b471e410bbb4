/**
 * Where a declaration was written: the first stack frame outside the toolkit, as a path relative to the working
 * directory (POSIX separators) and a line, so findings can point at `topics/orders.ts:12` (SARIF needs both).
 */
import { relative, sep } from 'node:path';

const TOOLKIT_DIR = __dirname;

/** The file and line of the user code that called into the toolkit; undefined when it cannot be told. */
export function callerLocation(): { file: string; line: number } | undefined {
  const holder: { stack?: string } = {};
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  Error.captureStackTrace(holder, callerLocation);
  Error.stackTraceLimit = previous;
  for (const frame of (holder.stack ?? '').split('\n').slice(1)) {
    // `at fn (/path/file.ts:12:5)` or, for anonymous and top-level calls, `at /path/file.ts:12:5`.
    const match = /(?:^at |\()((?:[A-Za-z]:)?[^()]+?):(\d+):\d+\)?$/.exec(frame.trim());
    if (match === null) continue;
    const file = match[1] ?? '';
    if (file.startsWith(TOOLKIT_DIR) || file.includes(`${sep}node_modules${sep}`) || file.startsWith('node:')) continue;
    return { file: relative(process.cwd(), file).split(sep).join('/'), line: Number(match[2]) };
  }
  return undefined;
}
