/**
 * JSON with object keys sorted at every level (arrays keep their order): byte-stable and independent of the order
 * objects were built in. Synth writes every JSON file this way; contracts compare schemas by it.
 *
 * It is defined as `JSON.stringify(value, sortedKeys, indent)`, and computed by a serializer written here that sorts
 * each object's keys as it writes it. A replacer function takes V8's serializer off its fast path: it calls into
 * JavaScript for every value, strings and numbers included, and copies every object whose keys are out of order —
 * which is most of what synth writes (cdktf puts a resource's "//" metadata last, zod keeps a schema's field order).
 * That was ~2.8 s of a 10,000-topic synth (issue 26). Sorting into copies first and then calling JSON.stringify without
 * a replacer was tried too: it is faster on values serialized many times over, but the copies (new objects with
 * properties added one by one) made it slower than the replacer on the Topologies synth serializes once each
 * (bench/RESULTS.md). A string that needs an escape, key or value, is quoted by JSON.stringify.
 *
 * Values the serializer does not model — an object whose prototype is neither Object.prototype nor null (a class
 * instance; boxed primitives, which JSON.stringify unwraps, among them), a bigint, a nesting deeper than MAX_DEPTH
 * (which includes a cycle) — go through the replacer instead, which gives them the defining text, errors included.
 * test/model/canonical-json.test.ts compares the two over arbitrary values.
 */
export function canonicalString(value: unknown, indent?: number): string {
  // JSON.stringify's own reading of `indent` (clamped to 10, a non-number ignored), from the text of a one-item array.
  const probe = JSON.stringify([0], null, indent);
  const gap = probe.slice(2, probe.length - 3);
  try {
    // Typed as JSON.stringify is: the result is undefined for undefined, a function or a symbol.
    return write(value, '', gap, gap === '' ? '' : '\n', 0) as string;
  } catch (error) {
    if (error === NOT_MODELLED) return JSON.stringify(value, sortedKeys, indent);
    throw error;
  }
}

/**
 * A JSON.stringify replacer that hands over objects with their keys sorted: the definition of canonicalString, and its
 * route for values the serializer does not model. It copies only objects whose keys are out of order; the copy goes
 * through Object.fromEntries like any object, so integer-like keys enumerate the way JSON.parse gives them either way.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (inOrder(keys)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.sort().map((k) => [k, record[k]]));
}

/** Thrown (one instance, never shown) when the serializer meets a value it hands to the replacer instead. */
const NOT_MODELLED = new Error('canonicalString: a value the serializer does not model');

/**
 * Deeper than this, the value goes through the replacer, which serializes deep data the same way and reports a cycle
 * as JSON.stringify does (the serializer would otherwise recurse until the stack overflows). Synth's deepest files
 * nest about ten levels; 500 is far above that and far below where the recursion would exhaust Node's default stack.
 */
const MAX_DEPTH = 500;

/**
 * The text JSON.stringify(…, sortedKeys, gap) writes for `value` as the property `key` of its holder (an item's index
 * is made a string only for toJSON), or undefined where it writes nothing (undefined, a function, a symbol). `newline`
 * is a line break and the current indentation, or '' without a gap.
 */
function write(value: unknown, key: string | number, gap: string, newline: string, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // What JSON.stringify writes for a number: NaN and ±Infinity as null, -0 as 0 (String(-0) is "0").
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      // JSON.stringify calls a BigInt.prototype.toJSON before the replacer, or throws.
      throw NOT_MODELLED;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) throw NOT_MODELLED;
  let current: object = value;
  const toJSON = (current as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const converted: unknown = toJSON.call(current, String(key));
    if (converted === null || typeof converted !== 'object') return write(converted, key, gap, newline, depth);
    // Written as it is below, as JSON.stringify does: toJSON is called once per property, not again on what it returns.
    current = converted;
  }
  // An array is an array to JSON.stringify whatever its prototype (the replacer hands every array over as it is).
  if (Array.isArray(current)) return writeArray(current as readonly unknown[], gap, newline, depth);
  const prototype = Object.getPrototypeOf(current) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw NOT_MODELLED;
  const record = current as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record);
  if (inOrder(keys)) return writeObject(record, keys, gap, newline, depth);
  // Sorted as the replacer sorts (keys.sort(): UTF-16 code units). Its copy then enumerates integer-like keys first,
  // ascending, as every object does: where a key could be one, the copy itself gives the order.
  keys.sort();
  if (!keys.some(mayBeIndex)) return writeObject(record, keys, gap, newline, depth);
  const copy = Object.fromEntries(keys.map((k) => [k, record[k]])) as Readonly<Record<string, unknown>>;
  return writeObject(copy, Object.keys(copy), gap, newline, depth);
}

function writeArray(array: readonly unknown[], gap: string, newline: string, depth: number): string {
  if (array.length === 0) return '[]';
  const inner = newline + gap;
  let text = '[';
  for (let i = 0; i < array.length; i++) {
    const item = write(array[i], i, gap, inner, depth + 1);
    text += `${i === 0 ? inner : `,${inner}`}${item ?? 'null'}`;
  }
  return `${text}${newline}]`;
}

function writeObject(record: Readonly<Record<string, unknown>>, keys: readonly string[], gap: string, newline: string, depth: number): string {
  const inner = newline + gap;
  const colon = gap === '' ? ':' : ': ';
  let text = '{';
  let empty = true;
  for (const key of keys) {
    const item = write(record[key], key, gap, inner, depth + 1);
    if (item === undefined) continue;
    text += `${empty ? inner : `,${inner}`}${quote(key)}${colon}${item}`;
    empty = false;
  }
  return empty ? '{}' : `${text}${newline}}`;
}

/** Characters JSON.stringify escapes in a string: quote, backslash, control characters, and (unless paired) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON.stringify escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify quotes it: most need no escape, and are quoted without a call into the serializer. */
function quote(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Whether a key starts with a digit: every integer-like key does. */
function mayBeIndex(key: string): boolean {
  const code = key.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
