/**
 * JSON with object keys sorted at every level (arrays keep their order): byte-stable and independent of the order
 * objects were built in. Synth writes every JSON file this way; contracts compare schemas by it.
 *
 * It is defined as `JSON.stringify(value, sortedKeys, indent)`, but a replacer function takes V8's serializer off its
 * fast path: it calls into JavaScript for every value, strings and numbers included, which was ~2.8 s of a
 * 10,000-topic synth (issue 26). So a walk first sorts the value the way the replacer would — copy-on-write: it returns
 * the value itself where every object in it already has its keys in order (most of cdktf's output and the Topology),
 * and copies only the objects that do not, and the arrays and objects on the way to them — and JSON.stringify then runs
 * without a replacer. Values the walk does not model (an instance of a class other than Object and Array, a nesting
 * deeper than MAX_WALK_DEPTH, which includes a cycle) go through the replacer instead, which gives them the defining
 * text, errors included. test/model/canonical-json.test.ts compares the two over arbitrary values.
 */
export function canonicalString(value: unknown, indent?: number): string {
  const sorted = sortedValue(value, '', 0);
  return sorted === NOT_MODELLED ? JSON.stringify(value, sortedKeys, indent) : JSON.stringify(sorted, null, indent);
}

/**
 * A JSON.stringify replacer that hands over objects with their keys sorted: the definition of canonicalString, and its
 * route for values the walk does not model. It copies only objects whose keys are out of order; the copy goes through
 * Object.fromEntries like any object, so integer-like keys enumerate the way JSON.parse gives them either way.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (inOrder(keys)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.sort().map((k) => [k, record[k]]));
}

/** What the walk returns for a value it hands to the replacer instead. */
const NOT_MODELLED: unique symbol = Symbol('not modelled by the walk');

/**
 * Deeper than this, the value goes through the replacer, which serializes deep data the same way and reports a cycle
 * as JSON.stringify does (the walk would otherwise recurse until the stack overflows). Synth's deepest files nest about
 * ten levels; 500 is far above that and far below where the walk's recursion would exhaust Node's default stack.
 */
const MAX_WALK_DEPTH = 500;

/**
 * `value` as JSON.stringify with the replacer would see it: `toJSON` applied (with the property's key, as
 * JSON.stringify calls it), and every plain object with its keys in sorted order. The value itself where nothing
 * changes; otherwise a copy of the objects and arrays that change or hold something that does. NOT_MODELLED for
 * anything but primitives other than bigint, plain objects (prototype Object.prototype or null) and arrays (prototype
 * Array.prototype), after `toJSON`. `key` is the property's name or the item's index (made a string only for toJSON).
 */
function sortedValue(value: unknown, key: string | number, depth: number): unknown {
  // A bigint goes to the replacer's route: JSON.stringify calls a BigInt.prototype.toJSON before the replacer.
  if (typeof value !== 'object') return typeof value === 'bigint' ? NOT_MODELLED : value;
  if (value === null) return value;
  if (depth > MAX_WALK_DEPTH) return NOT_MODELLED;
  let current: object = value;
  const toJSON = (current as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const converted: unknown = toJSON.call(current, String(key));
    if (converted === null || typeof converted !== 'object') return converted;
    // JSON.stringify calls toJSON once per property; serializing a converted object that has its own toJSON without a
    // replacer would call that one too.
    if (typeof (converted as { toJSON?: unknown }).toJSON === 'function') return NOT_MODELLED;
    current = converted;
  }
  const prototype = Object.getPrototypeOf(current) as unknown;
  if (Array.isArray(current)) return prototype === Array.prototype ? sortedArray(current as readonly unknown[], depth) : NOT_MODELLED;
  if (prototype !== Object.prototype && prototype !== null) return NOT_MODELLED;
  return sortedObject(current as Readonly<Record<string, unknown>>, depth);
}

function sortedArray(array: readonly unknown[], depth: number): unknown {
  // The copy, made only once an item changes (most arrays hold none that does).
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const sorted = sortedValue(item, i, depth + 1);
    if (sorted === NOT_MODELLED) return NOT_MODELLED;
    if (copy === undefined && sorted !== item) copy = array.slice(0, i);
    if (copy !== undefined) copy.push(sorted);
  }
  return copy ?? array;
}

/**
 * The object itself when its keys are in order and no child changes, else a copy with its keys inserted in sorted
 * order (keys.sort(), UTF-16 code units, as the replacer sorts). Most objects synth writes are not in order (cdktf puts
 * a resource's "//" metadata last, zod keeps a schema's field order): inserting into a fresh `{}` gives copies of the
 * same key list the same hidden class, which JSON.stringify walks faster than Object.fromEntries' copies.
 */
function sortedObject(record: Readonly<Record<string, unknown>>, depth: number): unknown {
  const keys = Object.keys(record);
  const ordered = inOrder(keys);
  if (!ordered) keys.sort();
  let copy: Record<string, unknown> | undefined = ordered ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    const sorted = sortedValue(item, key, depth + 1);
    if (sorted === NOT_MODELLED) return NOT_MODELLED;
    if (copy === undefined && sorted !== item) {
      copy = {};
      for (let j = 0; j < i; j++) define(copy, keys[j] as string, record[keys[j] as string]);
    }
    if (copy !== undefined) define(copy, key, sorted);
  }
  return copy ?? record;
}

/**
 * Adds an own enumerable property, as Object.fromEntries (the replacer's copy) does: a key `__proto__` is a property,
 * not the prototype. Integer-like keys enumerate first, ascending, whatever the insertion order, in the copy as in the
 * value the replacer would have handed over.
 */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
