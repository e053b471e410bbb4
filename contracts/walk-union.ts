/**
 * Unions against unions (`oneOf`, `anyOf`, `type` arrays, nullable fields): options are paired by `title`, by a
 * discriminator constant, by type, or by equality; paired options are compared, an unpaired one is an option added or
 * removed, compatible when some option on the other side accepts it whole.
 */
import { canonicalString } from '../model/canonical-json';
import {
  deref,
  finiteValues,
  isSchemaObject,
  optionPath,
  propertiesOf,
  typesOf,
  type Alternatives,
  type JsonSchema,
  type JsonSchemaObject,
} from './json-schema';
import type { ChangeRule } from './rules';
import type { Walk } from './walk';

interface Option {
  readonly schema: JsonSchema;
  readonly key: string;
  readonly label: string;
  readonly isNull: boolean;
}

export function compareUnion(w: Walk, wa: Alternatives, ra: Alternatives, path: string): void {
  const discriminator = discriminatorOf([...wa.options, ...ra.options], w);
  const wOptions = wa.options.map((o, i) => optionOf(o, i, discriminator, w.writerRoot));
  const rOptions = ra.options.map((o, i) => optionOf(o, i, discriminator, w.readerRoot));

  if (wa.options.length > 1 && ra.options.length > 1 && isCombinator(wa.kind) && isCombinator(ra.kind) && wa.kind !== ra.kind) {
    const { before, after } = w.ba(wa.kind, ra.kind);
    const exclusive = ra.kind !== 'oneOf' || optionsExclude(rOptions, discriminator);
    w.add(path, 'union-kind-changed', `${before} → ${after}${exclusive ? '' : ' (the oneOf options may overlap)'}`, exclusive);
  }

  const usedReader = new Set<number>();
  const leftWriter: Option[] = [];
  const pairs: Array<[Option, Option]> = [];
  for (const wo of wOptions) {
    const j = rOptions.findIndex((ro, index) => !usedReader.has(index) && ro.key === wo.key);
    const ro = rOptions[j];
    if (ro === undefined) {
      leftWriter.push(wo);
      continue;
    }
    usedReader.add(j);
    pairs.push([wo, ro]);
  }
  const leftReader = rOptions.filter((_, index) => !usedReader.has(index));
  // "X or null" on both sides: the option is the field itself, no path segment.
  const plain = wOptions.filter((o) => !o.isNull).length <= 1 && rOptions.filter((o) => !o.isNull).length <= 1;
  const at = (o: Option): string => (plain ? path : optionPath(path, o.label));

  // One unpaired non-null option on each side is the same option changed (string | null → number | null) — unless the
  // options are named (title, discriminator): then one event type was replaced by another.
  const anonymous = (o: Option): boolean => !o.isNull && !o.key.startsWith('title:') && !o.key.startsWith('disc:');
  const lw = leftWriter.filter(anonymous);
  const lr = leftReader.filter(anonymous);
  const [onlyW] = lw;
  const [onlyR] = lr;
  if (lw.length === 1 && lr.length === 1 && onlyW !== undefined && onlyR !== undefined) {
    pairs.push([onlyW, onlyR]);
    leftWriter.splice(leftWriter.indexOf(onlyW), 1);
    leftReader.splice(leftReader.indexOf(onlyR), 1);
  }
  for (const [wo, ro] of pairs) w.compare(wo.schema, ro.schema, at(w.ba(wo, ro).before));
  for (const wo of leftWriter) {
    // The writer's option has no counterpart: compatible when some reader option accepts it as a whole.
    const verdicts = rOptions.map((ro) => w.accepts(wo.schema, ro.schema));
    const accepted = verdicts.includes('yes');
    const undecided = !accepted && verdicts.includes('undecided');
    const removed = w.writerIsBefore;
    w.add(at(wo), optionRule(wo, removed), `${wo.isNull ? 'null' : `option ${wo.label}`} ${removed ? 'removed' : 'added'}`, accepted, undecided);
  }
  for (const ro of leftReader) {
    const added = w.writerIsBefore;
    w.add(at(ro), optionRule(ro, !added), `${ro.isNull ? 'null' : `option ${ro.label}`} ${added ? 'added' : 'removed'}`, true);
  }
}

function isCombinator(kind: Alternatives['kind']): kind is 'anyOf' | 'oneOf' {
  return kind === 'anyOf' || kind === 'oneOf';
}

function optionRule(o: Option, removed: boolean): ChangeRule {
  if (o.isNull) return removed ? 'nullable-removed' : 'nullable-added';
  return removed ? 'union-option-removed' : 'union-option-added';
}

/** A property that every object option pins to a constant (zod's discriminatedUnion: `type: { const: 'OrderCreated' }`). */
function discriminatorOf(options: readonly JsonSchema[], w: Walk): string | undefined {
  const objects = options
    .map((o) => resolveForKey(o, w))
    .filter((o): o is JsonSchemaObject => isSchemaObject(o) && (typesOf(o)?.includes('object') ?? isSchemaObject(o.properties)));
  if (objects.length < 2) return undefined;
  const candidates = Object.keys(propertiesOf(objects[0] ?? {})).sort();
  return candidates.find((p) => objects.every((o) => constantOf(propertiesOf(o)[p]) !== undefined));
}

function resolveForKey(o: JsonSchema, w: Walk): JsonSchema {
  const a = deref(o, w.writerRoot);
  if (a.ok) return a.schema;
  const b = deref(o, w.readerRoot);
  return b.ok ? b.schema : o;
}

function constantOf(schema: JsonSchema | undefined): { readonly value: unknown } | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const values = finiteValues(schema);
  return values !== null && values.length === 1 ? { value: values[0] } : undefined;
}

function optionOf(raw: JsonSchema, index: number, discriminator: string | undefined, root: JsonSchema): Option {
  const resolved = deref(raw, root);
  const s = resolved.ok ? resolved.schema : raw;
  if (!isSchemaObject(s)) return { schema: raw, key: `bool:${String(s)}`, label: String(s), isNull: false };
  const types = typesOf(s);
  const isNull = types !== null && types.length === 1 && types[0] === 'null';
  if (typeof s.title === 'string') return { schema: raw, key: `title:${s.title}`, label: s.title, isNull };
  const pinned = discriminator === undefined ? undefined : constantOf(propertiesOf(s)[discriminator]);
  if (discriminator !== undefined && pinned !== undefined) {
    const value = typeof pinned.value === 'string' ? pinned.value : canonicalString(pinned.value);
    return { schema: raw, key: `disc:${canonicalString(pinned.value)}`, label: `${discriminator}=${value}`, isNull };
  }
  if (types !== null && types.length === 1 && finiteValues(s) === null) {
    const [t] = types;
    return { schema: raw, key: `type:${t === 'integer' ? 'number' : String(t)}`, label: String(t), isNull };
  }
  return { schema: raw, key: `eq:${canonicalString(s)}`, label: `#${index}`, isNull };
}

/** Whether no value can match two of the options: each has its own type, or its own discriminator constant. */
function optionsExclude(options: readonly Option[], discriminator: string | undefined): boolean {
  const keys = options.map((o) => (o.key.startsWith('type:') || o.key.startsWith('disc:') || o.isNull ? o.key : undefined));
  if (keys.some((k) => k === undefined)) return discriminator !== undefined && options.every((o) => o.key.startsWith('disc:'));
  return new Set(keys).size === keys.length;
}
