/**
 * One walk of the compatibility check: "does the reader accept every instance the writer allows?", reporting each
 * difference it meets as a change from the old schema to the new one (contracts/rules.ts) with its verdict for the
 * walk's direction. BACKWARD walks with the old schema as writer and the new one as reader; FORWARD the other way.
 */
import { canonicalString } from '../model/canonical-json';
import {
  acceptsEverything,
  acceptsNothing,
  alternativesOf,
  deref,
  finiteValues,
  isJsonSchema,
  isSchemaObject,
  itemsPath,
  jsonEqual,
  ROOT_PATH,
  typeOfValue,
  typesOf,
  validationKeywords,
  type JsonSchema,
  type JsonSchemaObject,
  type JsonType,
} from './json-schema';
import type { Direction } from './modes';
import type { ChangeRule } from './rules';
import { compareBound, compareExact, compareMultipleOf } from './walk-bounds';
import { compareObject } from './walk-object';
import { compareUnion } from './walk-union';

export interface Difference {
  readonly path: string;
  readonly rule: ChangeRule;
  readonly summary: string;
  /** Whether the reader accepts what the writer allows, for this difference. */
  readonly compatible: boolean;
  readonly undecided: boolean;
}

export function walk(before: JsonSchema, after: JsonSchema, direction: Direction): Difference[] {
  const w = new Walk(direction, direction === 'backward' ? before : after, direction === 'backward' ? after : before);
  compare(w, w.writerRoot, w.readerRoot, ROOT_PATH);
  return w.out;
}

export class Walk {
  readonly out: Difference[] = [];
  private readonly active = new WeakMap<object, WeakSet<object>>();

  constructor(
    readonly direction: Direction,
    readonly writerRoot: JsonSchema,
    readonly readerRoot: JsonSchema,
  ) {}

  /** Whether the writer is the old schema (BACKWARD) — names changes from the writer/reader pair. */
  get writerIsBefore(): boolean {
    return this.direction === 'backward';
  }

  /** The (before, after) view of a (writer, reader) pair. */
  ba<T>(writer: T, reader: T): { readonly before: T; readonly after: T } {
    return this.writerIsBefore ? { before: writer, after: reader } : { before: reader, after: writer };
  }

  add(path: string, rule: ChangeRule, summary: string, compatible: boolean, undecided = false): void {
    this.out.push({ path, rule, summary, compatible, undecided });
  }

  /**
   * Marks the pair as being compared; false when it is being compared already further up (a recursive schema), where
   * the comparison is assumed to hold (coinduction). `leave` unmarks it, so a shared definition used at two paths is
   * compared at both.
   */
  enter(writer: JsonSchema, reader: JsonSchema): boolean {
    if (!isSchemaObject(writer) || !isSchemaObject(reader)) return true;
    const readers = this.active.get(writer) ?? new WeakSet<object>();
    if (readers.has(reader)) return false;
    readers.add(reader);
    this.active.set(writer, readers);
    return true;
  }

  leave(writer: JsonSchema, reader: JsonSchema): void {
    if (isSchemaObject(writer) && isSchemaObject(reader)) this.active.get(writer)?.delete(reader);
  }

  /** Compares a writer subschema with a reader subschema at `path`, reporting into this walk. */
  compare(writer: JsonSchema, reader: JsonSchema, path: string): void {
    compare(this, writer, reader, path);
  }

  /** Whether `reader` accepts everything `writer` allows, without reporting anything. */
  accepts(writer: JsonSchema, reader: JsonSchema): 'yes' | 'no' | 'undecided' {
    const trial = new Walk(this.direction, this.writerRoot, this.readerRoot);
    compare(trial, writer, reader, ROOT_PATH);
    if (trial.out.some((d) => !d.compatible && !d.undecided)) return 'no';
    return trial.out.some((d) => d.undecided) ? 'undecided' : 'yes';
  }
}

function compare(w: Walk, writerNode: JsonSchema, readerNode: JsonSchema, path: string): void {
  const wd = deref(writerNode, w.writerRoot);
  const rd = deref(readerNode, w.readerRoot);
  if (!wd.ok || !rd.ok) {
    // The same external reference on both sides names the same schema.
    if (!wd.ok && !rd.ok && wd.ref === rd.ref) return;
    const refs = [wd, rd].filter((d) => !d.ok).map((d) => (d.ok ? '' : JSON.stringify(d.ref)));
    w.add(path, 'unresolved-ref', `$ref ${refs.join(', ')} does not resolve inside the schema`, false, true);
    return;
  }
  const writer = wd.schema;
  const reader = rd.schema;
  if (!w.enter(writer, reader)) return;
  try {
    compareResolved(w, writer, reader, path);
  } finally {
    w.leave(writer, reader);
  }
}

function compareResolved(w: Walk, writer: JsonSchema, reader: JsonSchema, path: string): void {
  if (acceptsNothing(writer)) return; // the writer never produces a value here
  const { before, after } = w.ba(writer, reader);
  if (acceptsEverything(reader)) {
    if (!acceptsEverything(writer)) w.add(path, acceptsEverything(after) ? 'type-widened' : 'type-narrowed', describeAny(before, after), true);
    return;
  }
  if (acceptsEverything(writer) || acceptsNothing(reader)) {
    w.add(path, acceptsEverything(after) || acceptsNothing(before) ? 'type-widened' : 'type-narrowed', describeAny(before, after), false);
    return;
  }
  const wa = alternativesOf(writer);
  const ra = alternativesOf(reader);
  if (wa.siblings.length > 0 || ra.siblings.length > 0) {
    if (!jsonEqual(writer, reader)) {
      const keywords = [...new Set([...wa.siblings, ...ra.siblings])].sort();
      w.add(path, 'unsupported-keyword', `${keywords.join(', ')} beside anyOf/oneOf changed`, false, true);
    }
    return;
  }
  const [wOnly] = wa.options;
  const [rOnly] = ra.options;
  if (wa.options.length === 1 && ra.options.length === 1 && wOnly !== undefined && rOnly !== undefined) {
    if (wa.kind === 'single' && ra.kind === 'single') compareSingle(w, writer as JsonSchemaObject, reader as JsonSchemaObject, path);
    else compare(w, wOnly, rOnly, path); // a singleton union is its only option
    return;
  }
  compareUnion(w, wa, ra, path);
}

function describeAny(before: JsonSchema, after: JsonSchema): string {
  const show = (s: JsonSchema): string => (acceptsEverything(s) ? 'any value' : acceptsNothing(s) ? 'no value' : 'a constrained value');
  return `${show(before)} → ${show(after)}`;
}

/** Keywords the walk compares; any other validation keyword is compared for equality and reported as undecided. */
const COMPARED = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  '$ref',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

function compareSingle(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, path: string): void {
  const tw = singleType(writer);
  const tr = singleType(reader);
  const { before, after } = w.ba(tw, tr);
  const show = (t: JsonType | null): string => t ?? 'any type';
  const typeChange = `type ${show(before)} → ${show(after)}`;
  if (tr !== null && tw !== tr) {
    if (tw === 'integer' && tr === 'number') {
      // A number reader reads integers: integer → number when the reader is the new schema, number → integer when it
      // is the old one (FORWARD: old readers of numbers read the new integers).
      w.add(path, before === 'integer' ? 'type-widened' : 'type-narrowed', typeChange, true);
    } else if (tw === 'number' && tr === 'integer') {
      w.add(path, before === 'number' ? 'type-narrowed' : 'type-widened', typeChange, false);
    } else if (tw === null) {
      // The writer allows any type here, the reader one.
      w.add(path, before === null ? 'type-narrowed' : 'type-widened', typeChange, false);
      return;
    } else {
      w.add(path, 'type-changed', typeChange, false);
      return;
    }
  } else if (tr === null && tw !== null) {
    w.add(path, after === null ? 'type-widened' : 'type-narrowed', typeChange, true);
  }

  compareValues(w, writer, reader, path);
  const t = tw ?? tr;
  if (t === null || t === 'string') {
    for (const k of ['minLength', 'maxLength'] as const) compareBound(w, writer, reader, k, path);
    compareExact(w, writer, reader, 'pattern', path);
    compareExact(w, writer, reader, 'format', path);
  }
  if (t === null || t === 'number' || t === 'integer') {
    for (const k of ['minimum', 'maximum'] as const) compareBound(w, writer, reader, k, path);
    compareMultipleOf(w, writer, reader, path);
  }
  if (t === null || t === 'array') compareArray(w, writer, reader, path);
  if (t === null || t === 'object') compareObject(w, writer, reader, path);

  const others = [...new Set([...validationKeywords(writer), ...validationKeywords(reader)])].filter((k) => !COMPARED.has(k)).sort();
  for (const k of others) {
    if (!jsonEqual(writer[k], reader[k])) w.add(path, 'unsupported-keyword', `keyword "${k}" changed`, false, true);
  }
}

/** The one type of an alternative (after the split of type arrays); from its values when it has no `type`. */
function singleType(s: JsonSchemaObject): JsonType | null {
  const types = typesOf(s);
  if (types !== null && types.length === 1) return types[0] ?? null;
  const values = finiteValues(s);
  if (types === null && values !== null && values.length > 0) {
    const kinds = new Set(values.map(typeOfValue));
    if (kinds.size === 1) return [...kinds][0] ?? null;
    if ([...kinds].every((k) => k === 'integer' || k === 'number')) return 'number';
  }
  return null;
}

function compareValues(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, path: string): void {
  const vw = finiteValues(writer);
  const vr = finiteValues(reader);
  if (vw === null && vr === null) return;
  const list = (values: readonly unknown[]): string => values.map((v) => canonicalString(v)).join(', ');
  if (vr === null && vw !== null) {
    const readerIsAfter = w.writerIsBefore;
    w.add(path, readerIsAfter ? 'enum-removed' : 'enum-added', readerIsAfter ? `value list [${list(vw)}] dropped` : `values restricted to [${list(vw)}]`, true);
    return;
  }
  if (vw === null && vr !== null) {
    const readerIsAfter = w.writerIsBefore;
    w.add(
      path,
      readerIsAfter ? 'enum-added' : 'enum-removed',
      readerIsAfter ? `values restricted to [${list(vr)}]` : `value list [${list(vr)}] dropped`,
      false,
    );
    return;
  }
  if (vw === null || vr === null) return;
  const missing = vw.filter((v) => !vr.some((x) => jsonEqual(x, v)));
  const extra = vr.filter((v) => !vw.some((x) => jsonEqual(x, v)));
  if ('const' in writer && 'const' in reader && missing.length > 0) {
    const { before, after } = w.ba(writer.const, reader.const);
    w.add(path, 'const-changed', `const ${canonicalString(before)} → ${canonicalString(after)}`, false);
    return;
  }
  if (missing.length > 0) {
    const removed = w.writerIsBefore;
    w.add(
      path,
      removed ? 'enum-value-removed' : 'enum-value-added',
      `value${missing.length > 1 ? 's' : ''} ${list(missing)} ${removed ? 'removed' : 'added'}`,
      false,
    );
  }
  if (extra.length > 0) {
    const added = w.writerIsBefore;
    w.add(path, added ? 'enum-value-added' : 'enum-value-removed', `value${extra.length > 1 ? 's' : ''} ${list(extra)} ${added ? 'added' : 'removed'}`, true);
  }
}

function compareArray(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, path: string): void {
  for (const k of ['minItems', 'maxItems'] as const) compareBound(w, writer, reader, k, path);
  const uw = writer.uniqueItems === true;
  const ur = reader.uniqueItems === true;
  if (uw !== ur) {
    const { after } = w.ba(uw, ur);
    w.add(path, after ? 'unique-items-added' : 'unique-items-removed', `uniqueItems ${after ? 'added' : 'removed'}`, !ur);
  }
  // With prefixItems, `items` means "the items after the prefix": both are compared for equality only.
  if (writer.prefixItems !== undefined || reader.prefixItems !== undefined) {
    if (!jsonEqual(writer.items, reader.items) || !jsonEqual(writer.prefixItems, reader.prefixItems)) {
      w.add(path, 'unsupported-keyword', 'tuple items (prefixItems) changed', false, true);
    }
    return;
  }
  const iw = writer.items ?? true;
  const ir = reader.items ?? true;
  if (isJsonSchema(iw) && isJsonSchema(ir) && (writer.items !== undefined || reader.items !== undefined)) w.compare(iw, ir, itemsPath(path));
}
