/**
 * Atomic, non-destructive file writes: each file goes to a temporary sibling and is renamed over its target (atomic on
 * one filesystem), so a crash never leaves a half-written file and readers see the old or the new content, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalString } from '../model/canonical-json';

/** Writes `content` to `target` atomically; returns false (and touches nothing) when the file already holds it. */
export function writeFileAtomic(target: string, content: string): boolean {
  try {
    if (readFileSync(target, 'utf8') === content) return false;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}

/** JSON with object keys sorted at every level, two-space indented, with a final newline: byte-stable output. */
export function canonicalJson(value: unknown): string {
  return `${canonicalString(value, 2)}\n`;
}

/**
 * `canonicalJson` of the JSON text cdktf writes (json-stable-stringify with `space: 2`: keys sorted, two-space indent),
 * without parsing it: that text differs only in its empty arrays and objects (`[\n  ]`), and the final newline. Keys
 * that look like array indices are the exception (JSON.parse enumerates them first, in numeric order), so text with
 * such a key is parsed after all. JSON strings cannot hold a raw newline, so both patterns only match structure.
 * At 10,000 topics this spares parsing and re-serializing ~80 MB.
 */
export function canonicalFromStableJson(text: string): string {
  if (INTEGER_KEY.test(text)) return canonicalJson(JSON.parse(text));
  return `${text.replace(EMPTY_CONTAINER, '$1$2')}\n`;
}

const INTEGER_KEY = /\n *"(?:0|[1-9]\d*)": /;
const EMPTY_CONTAINER = /([[{])\n *([\]}])/g;

/**
 * Moves a JSON file cdktf wrote (`from`) to `to` in canonicalJson's form. Its text usually is canonical but for the final
 * newline: then the file is renamed and the newline appended, so its text (over a megabyte per stack at 10,000 topics)
 * never becomes a string. Text with an empty container or an integer-like key is rewritten by canonicalFromStableJson.
 */
export function moveStableJson(from: string, to: string): void {
  const bytes = readFileSync(from);
  if (needsRewrite(bytes)) {
    writeFileSync(to, canonicalFromStableJson(bytes.toString('utf8')));
    rmSync(from);
    return;
  }
  renameSync(from, to);
  appendFileSync(to, '\n');
}

const [NEWLINE, SPACE, QUOTE, COLON, ZERO, NINE] = [0x0a, 0x20, 0x22, 0x3a, 0x30, 0x39];
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Whether json-stable-stringify's text (one value or key per line) holds what canonicalFromStableJson rewrites: a line
 * ending in `[` or `{` followed by one starting, after its indent, with `]` or `}`; or a line starting with an
 * integer-like key (`"12": `). A raw newline cannot occur inside a JSON string, so line ends and starts are structure.
 */
function needsRewrite(bytes: Buffer): boolean {
  let previousLast = -1;
  for (let start = 0; start < bytes.length; ) {
    let first = start;
    while (bytes[first] === SPACE) first++;
    if (OPENERS.has(previousLast) && CLOSERS.has(bytes[first] ?? -1)) return true;
    if (bytes[first] === QUOTE && integerKeyAt(bytes, first + 1)) return true;
    const end = bytes.indexOf(NEWLINE, first);
    if (end === -1) return false;
    previousLast = bytes[end - 1] ?? -1;
    start = end + 1;
  }
  return false;
}

/** `0": ` or `[1-9][0-9]*": ` at `at`: a key JSON.parse would enumerate before the others. */
function integerKeyAt(bytes: Buffer, at: number): boolean {
  let i = at;
  const digit = (b: number | undefined): boolean => b !== undefined && b >= ZERO && b <= NINE;
  if (!digit(bytes[i])) return false;
  if (bytes[i] === ZERO) i++;
  else while (digit(bytes[i])) i++;
  return bytes[i] === QUOTE && bytes[i + 1] === COLON && bytes[i + 2] === SPACE;
}
