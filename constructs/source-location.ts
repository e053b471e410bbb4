/**
 * Where a declaration was written: the first stack frame outside the toolkit, as a path relative to the working
 * directory (POSIX separators) and a line, so findings can point at `topics/orders.ts:12` (SARIF needs both).
 *
 * It reads V8's structured call sites instead of a formatted stack: formatting maps every frame through the source
 * maps tsx registers, which cost ~1 s per 50,000 declarations in the synth profile. Only the one frame kept is mapped,
 * through Node's source map cache, to the line in the TypeScript source.
 */
import { findSourceMap } from 'node:module';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOLKIT_DIR = __dirname;
/** Frames looked at: the declaration API is a few calls deep, and user code calls it from its own helpers. */
const STACK_FRAMES = 20;

interface Frame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

function callSites(below: (...args: never[]) => unknown): Frame[] {
  const holder: { stack?: Frame[] } = {};
  const previousLimit = Error.stackTraceLimit;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored as it was, never called here
  const previousPrepare = Error.prepareStackTrace;
  Error.stackTraceLimit = STACK_FRAMES;
  Error.prepareStackTrace = (_error, sites): Frame[] =>
    sites.flatMap((site) => {
      const name = site.getFileName();
      const line = site.getLineNumber();
      return name === undefined || name === null || line === null ? [] : [{ file: name.startsWith('file:') ? fileURLToPath(name) : name, line, column: site.getColumnNumber() ?? 1 }];
    });
  try {
    Error.captureStackTrace(holder, below);
    return holder.stack ?? [];
  } finally {
    Error.stackTraceLimit = previousLimit;
    Error.prepareStackTrace = previousPrepare;
  }
}

/** The frame's line in the original source when a source map is registered for its file (tsx, --enable-source-maps). */
function originalLine(frame: Frame): number {
  const entry = findSourceMap(frame.file)?.findEntry(frame.line - 1, frame.column - 1);
  return entry !== undefined && 'originalLine' in entry && typeof entry.originalLine === 'number' ? entry.originalLine + 1 : frame.line;
}

/** The file and line of the user code that called into the toolkit; undefined when it cannot be told. */
export function callerLocation(): { file: string; line: number } | undefined {
  for (const frame of callSites(callerLocation)) {
    const file = frame.file;
    if (file.startsWith(TOOLKIT_DIR) || file.includes(`${sep}node_modules${sep}`) || file.startsWith('node:')) continue;
    return { file: relative(process.cwd(), file).split(sep).join('/'), line: originalLine(frame) };
  }
  return undefined;
}
