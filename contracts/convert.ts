/**
 * A declared event schema → plain JSON Schema, at declaration time (the constructs call this), so that everything
 * downstream — the model, lint, review, the synthesized files — sees JSON only.
 *
 * The conversion is zod 4's `z.toJSONSchema` with these settings, which fix the content model of the contract:
 * - `target: 'draft-2020-12'` — zod's default, and a dialect Confluent Schema Registry accepts;
 * - `io: 'output'` — the schema of what a producer writes after parsing (fields with a `.default()` are present, so
 *   they are required), and `z.object` becomes a **closed** object (`additionalProperties: false`), the content model
 *   the compatibility rules assume by default. `z.looseObject` (open) and `.catchall(s)` (partially open) convert as
 *   such and are checked by their own rules;
 * - `unrepresentable: 'throw'` — a type JSON cannot carry (Date, bigint, a transform, …) is a declaration error, not
 *   an `{}` that accepts anything;
 * - `cycles: 'ref'`, `reused: 'inline'` — recursive types become `$ref`s into `$defs`, everything else is inlined.
 *
 * A JSON Schema object given instead of a zod schema is taken as it is (a deep copy), for teams whose schemas already
 * live as JSON.
 */
import { z } from 'zod';
import { isSchemaObject, type JsonSchemaObject } from './json-schema';

export const JSON_SCHEMA_CONVERSION = {
  target: 'draft-2020-12',
  io: 'output',
  unrepresentable: 'throw',
  cycles: 'ref',
  reused: 'inline',
} as const;

/** What a declaration may give as an event schema. */
export type SchemaInput = z.ZodType | JsonSchemaObject;

export type Conversion = { readonly ok: true; readonly schema: JsonSchemaObject } | { readonly ok: false; readonly message: string };

export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Converts one declared schema; never throws. */
export function toJsonSchema(input: SchemaInput): Conversion {
  try {
    const raw: unknown = isZodSchema(input) ? z.toJSONSchema(input, JSON_SCHEMA_CONVERSION) : input;
    const schema: unknown = JSON.parse(JSON.stringify(raw));
    if (!isSchemaObject(schema)) return { ok: false, message: 'must be a zod schema or a JSON Schema object' };
    return { ok: true, schema };
  } catch (error) {
    return { ok: false, message: `cannot be written as JSON Schema: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface ContractSchemas {
  readonly schema?: JsonSchemaObject;
  readonly schemas?: Readonly<Record<string, JsonSchemaObject>>;
  /** `path: message` for each schema that could not be converted (path `contract.schema` or `contract.schemas.<type>`). */
  readonly errors: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

/** Converts a declaration's `schema` or per-event-type `schemas`. */
export function convertContractSchemas(input: { readonly schema?: SchemaInput; readonly schemas?: Readonly<Record<string, SchemaInput>> }): ContractSchemas {
  const errors: Array<{ path: string; message: string }> = [];
  let schema: JsonSchemaObject | undefined;
  if (input.schema !== undefined) {
    const c = toJsonSchema(input.schema);
    if (c.ok) schema = c.schema;
    else errors.push({ path: 'contract.schema', message: c.message });
  }
  let schemas: Record<string, JsonSchemaObject> | undefined;
  if (input.schemas !== undefined) {
    schemas = {};
    for (const eventType of Object.keys(input.schemas).sort()) {
      const given = input.schemas[eventType];
      if (given === undefined) continue;
      const c = toJsonSchema(given);
      if (c.ok) schemas[eventType] = c.schema;
      else errors.push({ path: `contract.schemas.${eventType}`, message: c.message });
    }
  }
  return { ...(schema === undefined ? {} : { schema }), ...(schemas === undefined ? {} : { schemas }), errors };
}
