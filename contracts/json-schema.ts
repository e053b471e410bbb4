/**
 * JSON Schema as plain data, and the few structural helpers the compatibility checker, the key-field rule and the
 * output need: local `$ref` resolution, union alternatives, content models, finite value sets and field paths.
 *
 * The toolkit's schemas come from zod 4's `z.toJSONSchema` (contracts/convert.ts), so the helpers cover what that
 * converter emits — draft 2020-12, `type` (string or array), `properties`/`required`/`additionalProperties`, `items`,
 * `anyOf`/`oneOf`, `enum`/`const`, string, number and array bounds, `$ref` into `$defs` — and say so when they meet
 * anything else instead of guessing.
 */

/** A JSON Schema document or subschema: an object of keywords, or a boolean schema (`true` accepts everything). */
export type JsonSchema = boolean | JsonSchemaObject;
export interface JsonSchemaObject {
  readonly [keyword: string]: unknown;
}

/**
 * Keywords that never change which instances validate (annotations, identifiers, containers of definitions).
 * `default` is one of them: JSON Schema validators do not fill it in, so "added with a default" changes nothing.
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  '$defs',
  'definitions',
  '$vocabulary',
  '$dynamicAnchor',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

export function isSchemaObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is a usable schema (object or boolean). */
export function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || isSchemaObject(value);
}

/** The validation keywords of a schema object (annotations and `x-…` extensions left out). */
export function validationKeywords(schema: JsonSchemaObject): string[] {
  return Object.keys(schema).filter((k) => !ANNOTATION_KEYWORDS.has(k) && !k.startsWith('x-'));
}

/** `true`, `{}` or a schema of annotations only: every instance validates. */
export function acceptsEverything(schema: JsonSchema): boolean {
  return schema === true || (isSchemaObject(schema) && validationKeywords(schema).length === 0);
}

/** `false` (or `{ not: {} }`): no instance validates. */
export function acceptsNothing(schema: JsonSchema): boolean {
  return schema === false || (isSchemaObject(schema) && schema.not !== undefined && isJsonSchema(schema.not) && acceptsEverything(schema.not));
}

// ---------------------------------------------------------------------------------------------------------------------
// $ref

export type Deref = { readonly ok: true; readonly schema: JsonSchema } | { readonly ok: false; readonly ref: string };

/**
 * Resolves a local `$ref` (`#`, `#/$defs/x`, `#/definitions/x`, any JSON pointer into the document) against `root`,
 * following chains of references. Sibling keywords of `$ref` are kept (2020-12 applies both); a `$ref` outside the
 * document cannot be resolved here.
 */
export function deref(schema: JsonSchema, root: JsonSchema): Deref {
  let current = schema;
  for (let hops = 0; hops < 32; hops++) {
    if (!isSchemaObject(current) || typeof current.$ref !== 'string') return { ok: true, schema: current };
    const ref = current.$ref;
    const target = resolvePointer(ref, root);
    if (target === undefined) return { ok: false, ref };
    const siblings = Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref'));
    current = Object.keys(siblings).length === 0 ? target : isSchemaObject(target) ? { ...target, ...siblings } : target === true ? siblings : false;
  }
  return { ok: false, ref: String((current as JsonSchemaObject).$ref) };
}

function resolvePointer(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isSchemaObject(node)) node = node[segment];
    else return undefined;
  }
  return isJsonSchema(node) ? node : undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Types, unions and values

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** Keywords that apply to instances of one type only; an alternative of a `type` array keeps the ones of its type. */
const TYPE_KEYWORDS: Readonly<Record<string, readonly JsonType[]>> = {
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  format: ['string'],
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'],
  multipleOf: ['number', 'integer'],
  items: ['array'],
  prefixItems: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  uniqueItems: ['array'],
  contains: ['array'],
  minContains: ['array'],
  maxContains: ['array'],
  unevaluatedItems: ['array'],
  properties: ['object'],
  required: ['object'],
  additionalProperties: ['object'],
  patternProperties: ['object'],
  propertyNames: ['object'],
  minProperties: ['object'],
  maxProperties: ['object'],
  dependentRequired: ['object'],
  dependentSchemas: ['object'],
  unevaluatedProperties: ['object'],
};

/** The declared types of a schema; null when it has no `type` keyword (any type). */
export function typesOf(schema: JsonSchemaObject): JsonType[] | null {
  const t = schema.type;
  if (typeof t === 'string') return [t as JsonType];
  if (Array.isArray(t)) return t.filter((x): x is JsonType => typeof x === 'string');
  return null;
}

/** The JSON type of a value, as JSON Schema names it (integers are `integer`). */
export function typeOfValue(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

/** Whether an instance of type `value` satisfies `type` (`integer` is a `number`). */
export function typeAccepts(type: JsonType, value: JsonType): boolean {
  return type === value || (type === 'number' && value === 'integer');
}

export type UnionKind = 'oneOf' | 'anyOf' | 'type';

export interface Alternatives {
  /** `oneOf`/`anyOf` as written, or `type` for a `type` array (whose alternatives never overlap). */
  readonly kind: UnionKind | 'single';
  readonly options: readonly JsonSchema[];
  /** Validation keywords beside `anyOf`/`oneOf` that the split cannot distribute (the checker treats them as undecidable). */
  readonly siblings: readonly string[];
}

/**
 * A schema as a union of alternatives: the options of `oneOf`/`anyOf`, or one schema per entry of a `type` array
 * (`{ type: ['string', 'null'] }` is `string | null`, each keeping the keywords of its type), or just itself.
 */
export function alternativesOf(schema: JsonSchema): Alternatives {
  if (!isSchemaObject(schema)) return { kind: 'single', options: [schema], siblings: [] };
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const options = schema[kind];
    if (Array.isArray(options) && options.every(isJsonSchema)) {
      const siblings = validationKeywords(schema).filter((k) => k !== kind);
      return { kind, options, siblings };
    }
  }
  const types = typesOf(schema);
  if (types !== null && types.length > 1) {
    return { kind: 'type', options: types.map((t) => restrictToType(schema, t)), siblings: [] };
  }
  return { kind: 'single', options: [schema], siblings: [] };
}

/** The part of a multi-type schema that applies to instances of `type`. */
export function restrictToType(schema: JsonSchemaObject, type: JsonType): JsonSchemaObject {
  const out: Record<string, unknown> = { type };
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'type') continue;
    const only = TYPE_KEYWORDS[k];
    if (only !== undefined && !only.includes(type)) continue;
    if (k === 'enum' && Array.isArray(v)) out.enum = v.filter((x) => typeAccepts(type, typeOfValue(x)));
    else if (k === 'const') {
      if (typeAccepts(type, typeOfValue(v))) out.const = v;
      else out.enum = [];
    } else out[k] = v;
  }
  return out;
}

/** The finite set of values a schema allows (`const`, `enum`), or null when it is not finite. */
export function finiteValues(schema: JsonSchemaObject): readonly unknown[] | null {
  if ('const' in schema) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum as readonly unknown[];
  return null;
}

/**
 * Structural equality of JSON values (object key order ignored; a key holding `undefined` counts as absent, as in
 * JSON): the same answer as comparing canonicalString (model/canonical-json.ts) of both, without building the strings.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const key in ao) {
    if (ao[key] === undefined) continue;
    if (!jsonEqual(ao[key], bo[key])) return false;
    count++;
  }
  for (const key in bo) if (bo[key] !== undefined) count--;
  return count === 0;
}

// ---------------------------------------------------------------------------------------------------------------------
// Objects

/**
 * How an object schema treats properties it does not declare, as Confluent Schema Registry names it:
 * - closed: `additionalProperties: false` — what zod's default (output) conversion of `z.object` emits;
 * - open: `additionalProperties` absent, `true` or `{}` — anything may appear;
 * - partially open: `additionalProperties: <schema>` — undeclared properties must match that schema.
 */
export type ContentModel = { readonly kind: 'closed' } | { readonly kind: 'open' } | { readonly kind: 'partially-open'; readonly schema: JsonSchema };

export function contentModelOf(schema: JsonSchemaObject): ContentModel {
  const ap = schema.additionalProperties;
  if (ap === undefined || (isJsonSchema(ap) && acceptsEverything(ap))) return { kind: 'open' };
  if (isJsonSchema(ap) && acceptsNothing(ap)) return { kind: 'closed' };
  return isJsonSchema(ap) ? { kind: 'partially-open', schema: ap } : { kind: 'open' };
}

export function propertiesOf(schema: JsonSchemaObject): Readonly<Record<string, JsonSchema>> {
  const p = schema.properties;
  if (!isSchemaObject(p)) return {};
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, JsonSchema] => isJsonSchema(e[1])));
}

export function requiredOf(schema: JsonSchemaObject): ReadonlySet<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((x): x is string => typeof x === 'string') : []);
}

// ---------------------------------------------------------------------------------------------------------------------
// Paths

/** The root of a schema in finding paths. */
export const ROOT_PATH = '$';

/** `customer` + `email` → `customer.email`; names that are not identifiers are quoted: `["x.y"]`. */
export function childPath(parent: string, property: string): string {
  const segment = /^[A-Za-z_$][\w$-]*$/.test(property) ? property : `[${JSON.stringify(property)}]`;
  if (parent === ROOT_PATH) return segment.startsWith('[') ? `${ROOT_PATH}${segment}` : segment;
  return segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
}

/** The elements of an array: `items[]`. */
export function itemsPath(parent: string): string {
  return `${parent}[]`;
}

/** An alternative of a union: `(type=OrderCreated)`, `payload(string)`. */
export function optionPath(parent: string, label: string): string {
  return parent === ROOT_PATH ? `(${label})` : `${parent}(${label})`;
}
