/**
 * Where a declaration was written: the first stack frame outside the toolkit, as a path relative to the working
 * directory (POSIX separators) and a line, so findings can point at `topics/orders.ts:12` (SARIF needs both).
 *
 * It reads V8's structured call sites instead of a formatted stack: formatting maps every frame through the source
 * maps tsx registers, which cost ~1 s per 50,000 declarations in the synth profile. Only the one frame kept is mapped,
 * through Node's source map cache, to the line in the TypeScript source.
 */
import { readFileSync } from 'node:fs';
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

/**
 * The first call site below `below` whose file `wanted` accepts. Only that one becomes an object: a declaration is
 * made ~20 frames deep, and building every frame showed in the synth profile (three per event topic).
 */
function firstCallSite(below: (...args: never[]) => unknown, wanted: (file: string) => boolean): Frame | undefined {
  const holder: { stack?: Frame | undefined } = {};
  const previousLimit = Error.stackTraceLimit;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored as it was, never called here
  const previousPrepare = Error.prepareStackTrace;
  Error.stackTraceLimit = STACK_FRAMES;
  Error.prepareStackTrace = (_error, sites): Frame | undefined => {
    for (const site of sites) {
      const name = site.getFileName();
      const line = site.getLineNumber();
      if (name === undefined || name === null || line === null) continue;
      const file = name.startsWith('file:') ? fileURLToPath(name) : name;
      if (wanted(file)) return { file, line, column: site.getColumnNumber() ?? 1 };
    }
    return undefined;
  };
  try {
    Error.captureStackTrace(holder, below);
    return holder.stack;
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
  const frame = firstCallSite(callerLocation, isUserFile);
  return frame === undefined ? undefined : { file: relative(process.cwd(), frame.file).split(sep).join('/'), line: originalLine(frame) };
}

function isUserFile(file: string): boolean {
  return !(file.startsWith(TOOLKIT_DIR) || file.includes(`${sep}node_modules${sep}`) || file.startsWith('node:'));
}

/**
 * Where a plain object was written when a user module exports it, directly or as an element of an exported array (an
 * environment of environments.ts): that module's file, and the line of its `name: '<name>'` (the n-th such line for the
 * n-th element of that name). Declarations made as plain data have no call to take a stack trace from; their module is
 * the place to fix them. Undefined when no loaded CommonJS module exports it.
 */
export function exportedObjectLocation(value: object, name: unknown): { file: string; line?: number } | undefined {
  for (const loaded of Object.values(require.cache)) {
    if (loaded === undefined || loaded.filename.startsWith(TOOLKIT_DIR) || loaded.filename.includes(`${sep}node_modules${sep}`)) continue;
    const occurrence = occurrenceIn(loaded.exports, value, name);
    if (occurrence === undefined) continue;
    const file = relative(process.cwd(), loaded.filename).split(sep).join('/');
    const line = typeof name === 'string' ? lineOfName(loaded.filename, name, occurrence) : undefined;
    return { file, ...(line === undefined ? {} : { line }) };
  }
  return undefined;
}

/** How many objects of the same name come before `value` among what `exports` exports (0 for the first); undefined when absent. */
function occurrenceIn(exports: unknown, value: object, name: unknown): number | undefined {
  if (exports === value) return 0;
  if (typeof exports !== 'object' || exports === null) return undefined;
  for (const key of Object.keys(exports)) {
    let exported: unknown;
    try {
      exported = (exports as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    if (exported === value) return 0;
    if (Array.isArray(exported) && exported.includes(value)) {
      const index = exported.indexOf(value);
      return exported.slice(0, index).filter((e) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name).length;
    }
  }
  return undefined;
}

/** The line of the n-th `name: '<name>'` (any quotes) in a source file. */
function lineOfName(path: string, name: string, occurrence: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\bname\\s*:\\s*(['"\`])${escaped}\\1`, 'g');
  let found = -1;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found++;
    if (found === occurrence) return text.slice(0, match.index).split('\n').length;
  }
  return undefined;
}
