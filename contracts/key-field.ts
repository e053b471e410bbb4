/**
 * Whether an event schema guarantees the declared key field: present (required, on every alternative of a union, at
 * every level of a dotted path such as `customer.id`) and never null. A record without its key, or with a null key,
 * loses its ordering scope (and a compacted topic rejects it).
 */
import { acceptsEverything, acceptsNothing, alternativesOf, deref, isSchemaObject, propertiesOf, requiredOf, typesOf, type JsonSchema } from './json-schema';

export type KeyFieldStatus =
  | { readonly status: 'required' }
  | { readonly status: 'optional'; readonly at: string }
  | { readonly status: 'nullable'; readonly at: string }
  | { readonly status: 'missing'; readonly at: string }
  | { readonly status: 'unknown'; readonly reason: string };

/** Worst first: a problem anywhere in any alternative decides. */
const SEVERITY: Readonly<Record<KeyFieldStatus['status'], number>> = { unknown: 0, missing: 1, optional: 2, nullable: 3, required: 4 };

export function keyFieldStatus(schema: JsonSchema, field: string): KeyFieldStatus {
  return check(schema, schema, field.split('.'), 0, 0);
}

function check(node: JsonSchema, root: JsonSchema, segments: readonly string[], index: number, depth: number): KeyFieldStatus {
  if (depth > 64) return { status: 'unknown', reason: 'the schema nests references too deeply to follow' };
  const resolved = deref(node, root);
  if (!resolved.ok) return { status: 'unknown', reason: `$ref ${JSON.stringify(resolved.ref)} does not resolve inside the schema` };
  const at = segments.slice(0, index).join('.') || '(the event)';
  const { options } = alternativesOf(resolved.schema);
  let worst: KeyFieldStatus = { status: 'required' };
  for (const raw of options) {
    const option = deref(raw, root);
    if (!option.ok) return { status: 'unknown', reason: `$ref ${JSON.stringify(option.ref)} does not resolve inside the schema` };
    const result = checkOption(option.schema, root, segments, index, depth, at);
    if (SEVERITY[result.status] < SEVERITY[worst.status]) worst = result;
  }
  return worst;
}

function checkOption(option: JsonSchema, root: JsonSchema, segments: readonly string[], index: number, depth: number, at: string): KeyFieldStatus {
  if (acceptsNothing(option)) return { status: 'required' }; // an alternative no event can take
  if (index === segments.length) {
    const types = isSchemaObject(option) ? typesOf(option) : null;
    return types !== null && types.includes('null') ? { status: 'nullable', at: segments.join('.') } : { status: 'required' };
  }
  if (!isSchemaObject(option) || acceptsEverything(option)) return { status: 'missing', at };
  const types = typesOf(option);
  if (types !== null && types.length === 1 && types[0] === 'null') return { status: 'nullable', at };
  if (types !== null && !types.includes('object')) return { status: 'missing', at };
  const name = segments[index] ?? '';
  const property = propertiesOf(option)[name];
  const path = segments.slice(0, index + 1).join('.');
  if (property === undefined) return { status: 'missing', at: path };
  if (!requiredOf(option).has(name)) return { status: 'optional', at: path };
  return check(property, root, segments, index + 1, depth + 1);
}
