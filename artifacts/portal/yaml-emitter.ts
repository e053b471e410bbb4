/**
 * The portal files' YAML without the `yaml` library, for the values portal documents hold, byte for byte what
 * `stringify(value, PORTAL_YAML_OPTIONS)` of yaml 2.x writes (artifacts/portal/yaml.ts); `undefined` for any value
 * this emitter does not cover, and the caller then uses the library.
 *
 * Why: the library builds a node for every value before it writes one, and at 1,000 topics the portal files took
 * ~1.3 s of a ~7 s synth, more than plain cdktf spends writing the same stacks; its 72 modules were also loaded by
 * every synth (docs/performance.md). A test compares this emitter with the library on the portal documents of a
 * synthesized organisation and on random JSON built from the characters YAML treats specially
 * (test/artifacts/portal/yaml-emitter.test.ts), so a yaml upgrade that changes its output is caught.
 *
 * Covered: plain objects (keys in `Object.keys` order, undefined values left out, as the library does), arrays,
 * null, booleans, numbers, strings on one line without control characters or tabs (plain where YAML 1.2's core
 * schema reads them back as the same string, quoted as the library quotes them otherwise), and multi-line values
 * (a literal block scalar, `|-` or `|`) without leading or trailing blanks. Not covered (the library writes them):
 * other multi-line strings, strings starting with a document marker (`---`, `...`), keys longer than 1,024
 * characters (explicit keys), undefined array items, bigints, and objects that are not plain data. A top-level value
 * that is not a non-empty object or array is left to the library too.
 */

/** Thrown inside the emitter when a value needs a rule it does not implement; never escapes `emitYaml`. */
class Unsupported extends Error {}

/** YAML 1.2 core schema: a plain scalar matching any of these reads back as null, a boolean or a number (yaml 2.x). */
const NON_STRING_PLAIN: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/, // null
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, // bool
  /^0o[0-7]+$/, // int, octal
  /^[-+]?[0-9]+$/, // int
  /^0x[0-9a-fA-F]+$/, // int, hex
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, // float, nan and infinities
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, // float, exponent
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, // float
];

/**
 * Every string NON_STRING_PLAIN matches is empty or starts with one of these; the others (most keys and descriptions)
 * skip its eight expressions.
 */
const NON_STRING_FIRST = '~nNtTfF0123456789+-.';

/** What yaml 2.x never writes plain (its stringifyString): indicators at the start, `: `, ` #`, a trailing space or colon. */
const PLAIN_FORBIDDEN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/**
 * Characters the library always double-quotes with escapes, tabs, and the line breaks other than `\n` that a
 * multi-line regular expression in the library treats as line ends: all left to it. `\n` is handled in values only.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern is about
const LEFT_TO_LIBRARY = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u{D800}-\u{DFFF}]/u;
/**
 * A multi-line value this emitter writes as the library does, a literal block scalar: no blank at the start, and at
 * the end either no blank (chomping `-`) or exactly one line break after a non-blank (no chomping indicator).
 */
const SIMPLE_BLOCK = /^[^\n\t ][^]*[^\n\t ]\n?$/;
/**
 * A word: ASCII letters, digits and `_$./-`, not starting with `.` or `-`. No rule of PLAIN_FORBIDDEN, LEFT_TO_LIBRARY
 * or the document markers can apply to one, nor can it span lines: only NON_STRING_PLAIN decides whether it is quoted.
 */
const WORD = /^[\w$/][\w$./-]*$/;
/** A key longer than this becomes an explicit `? key` in the library (its stringifyPair). */
const MAX_IMPLICIT_KEY_LENGTH = 1024;
/** The portal files' indentation step (artifacts/portal/yaml.ts `indent: 2`). */
const INDENT_STEP = '  ';

/** The YAML yaml 2.x's `stringify` writes for `value` with the portal options, or undefined where it is not covered. */
export function emitYaml(value: unknown): string | undefined {
  try {
    if (isPlainObject(value)) {
      const body = mapBody(value, '');
      return body === '' ? undefined : `${body}\n`;
    }
    if (Array.isArray(value) && value.length > 0) return `${seqBody(value, '')}\n`;
    return undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * A block mapping whose pairs start at `indent` (the first line without it: the caller places it); empty when no value
 * is defined (never otherwise: a key is written as at least `""`), which the library writes as a flow `{}`.
 */
function mapBody(map: Readonly<Record<string, unknown>>, indent: string): string {
  const inner = indent + INDENT_STEP;
  let out = '';
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    const keyText = stringScalar(key, undefined);
    if (keyText.length > MAX_IMPLICIT_KEY_LENGTH) throw new Unsupported();
    if (out !== '') out += `\n${indent}`;
    out += `${keyText}:${valueAfterKey(value, inner)}`;
  }
  return out;
}

/** What follows `key:`: ` scalar`, ` {}`, ` []`, or the collection on the next lines at `inner`. */
function valueAfterKey(value: unknown, inner: string): string {
  if (Array.isArray(value)) return value.length === 0 ? ' []' : `\n${inner}${seqBody(value, inner)}`;
  if (isPlainObject(value)) {
    const body = mapBody(value, inner);
    return body === '' ? ' {}' : `\n${inner}${body}`;
  }
  return ` ${scalar(value, inner)}`;
}

/** A block sequence whose items start at `indent` with `- `. */
function seqBody(items: readonly unknown[], indent: string): string {
  const inner = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new Unsupported();
    const item = items[i];
    if (i > 0) out += `\n${indent}`;
    out += `- ${itemText(item, inner)}`;
  }
  return out;
}

function itemText(item: unknown, inner: string): string {
  if (Array.isArray(item)) return item.length === 0 ? '[]' : seqBody(item, inner);
  if (isPlainObject(item)) {
    const body = mapBody(item, inner);
    return body === '' ? '{}' : body;
  }
  return scalar(item, inner);
}

/** A scalar value; `indent` is where a block scalar's lines go. */
function scalar(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return stringScalar(value, indent);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // yaml's stringifyNumber
      if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
      return Object.is(value, -0) ? '-0' : JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      throw new Unsupported();
    default:
      // undefined in an array, bigint, symbol, function
      throw new Unsupported();
  }
}

/**
 * A string as yaml 2.x writes it: a key (`blockIndent` undefined) or a value whose block scalar lines, if it has
 * several, are indented by `blockIndent`. Keys and values differ only where this emitter gives up.
 */
function stringScalar(value: string, blockIndent: string | undefined): string {
  // Most keys and many values are words: none of the checks below can fire on one but the core schema's.
  if (WORD.test(value)) return readsAsNonString(value) ? JSON.stringify(value) : value;
  if (LEFT_TO_LIBRARY.test(value) || value.startsWith('---') || value.startsWith('...')) throw new Unsupported();
  if (value.includes('\n')) {
    // yaml's blockString with lineWidth 0: always literal; chomping from the value's end.
    if (blockIndent === undefined || !SIMPLE_BLOCK.test(value)) throw new Unsupported();
    const clip = value.endsWith('\n');
    const body = clip ? value.slice(0, -1) : value;
    return `|${clip ? '' : '-'}\n${blockIndent}${body.replace(/\n+/g, `$&${blockIndent}`)}`;
  }
  if (!PLAIN_FORBIDDEN.test(value) && !readsAsNonString(value)) return value;
  // yaml's quotedString with `singleQuote` unset: single quotes for a string holding only double quotes, else JSON's.
  // Without control characters, tabs and line breaks, yaml's double-quoted form is JSON.stringify's.
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** Whether YAML 1.2's core schema reads `value`, written plain, as null, a boolean or a number. */
function readsAsNonString(value: string): boolean {
  // charAt(0) of '' is '', which includes() finds: the empty string (null) goes on to the expressions too.
  return NON_STRING_FIRST.includes(value.charAt(0)) && NON_STRING_PLAIN.some((re) => re.test(value));
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new Unsupported();
  return true;
}
