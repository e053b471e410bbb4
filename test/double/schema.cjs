// @ts-check
'use strict';
// The schema the double serves is the vendored `terraform providers schema -json` document of the provider it stands
// in for (provider-schema/mongey-kafka.schema.json, or the hashicorp/aws subset for `--provider=aws`: served.cjs),
// converted to tfplugin5 Schema messages, so that `terraform providers schema -json` against the double returns that
// file unchanged. Env KAFKA_DOUBLE_SCHEMA may name another copy of the Kafka schema (for example when the double is
// run from outside this repository).
const fs = require('node:fs');
const { SERVED } = require('./served.cjs');

const PROVIDER_ADDRESS = SERVED.address;
const SCHEMA_FILE = SERVED.schemaFile;

/**
 * @typedef {{ type: unknown, description?: string, description_kind?: string, required?: boolean, optional?: boolean,
 *             computed?: boolean, sensitive?: boolean, deprecated?: boolean, write_only?: boolean }} JsonAttribute
 * @typedef {{ attributes?: Record<string, JsonAttribute>, block_types?: Record<string, JsonNestedBlock>,
 *             description?: string, description_kind?: string, deprecated?: boolean }} JsonBlock
 * @typedef {{ nesting_mode: string, block: JsonBlock, min_items?: number, max_items?: number }} JsonNestedBlock
 * @typedef {{ version: number, block: JsonBlock }} JsonSchema
 * @typedef {{ provider: JsonSchema, resource_schemas: Record<string, JsonSchema>, data_source_schemas: Record<string, JsonSchema> }} ProviderSchemas
 */

/** @type {ProviderSchemas | undefined} */
let cached;

/** @returns {ProviderSchemas} */
function providerSchemas() {
  if (!cached) {
    const document = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    cached = document.provider_schemas[PROVIDER_ADDRESS];
    if (!cached) throw new Error(`${SCHEMA_FILE} has no schema for ${PROVIDER_ADDRESS}`);
  }
  return cached;
}

const STRING_KIND = { plain: 0, markdown: 1 };
const NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 };

/** @param {string | undefined} kind */
const stringKind = (kind) => STRING_KIND[/** @type {keyof typeof STRING_KIND} */ (kind ?? 'plain')] ?? 0;

/** @param {JsonBlock} block @returns {object} */
function toProtoBlock(block) {
  return {
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]) => ({
      name,
      // Attribute.type is the JSON of the cty type, the very value the JSON document shows (terraform-double.md 4.7).
      type: Buffer.from(JSON.stringify(a.type)),
      description: a.description ?? '',
      description_kind: stringKind(a.description_kind),
      required: a.required ?? false,
      optional: a.optional ?? false,
      computed: a.computed ?? false,
      sensitive: a.sensitive ?? false,
      deprecated: a.deprecated ?? false,
      write_only: a.write_only ?? false,
    })),
    block_types: Object.entries(block.block_types ?? {}).map(([typeName, nested]) => ({
      type_name: typeName,
      block: toProtoBlock(nested.block),
      nesting: NESTING[/** @type {keyof typeof NESTING} */ (nested.nesting_mode)] ?? 0,
      min_items: nested.min_items ?? 0,
      max_items: nested.max_items ?? 0,
    })),
    description: block.description ?? '',
    description_kind: stringKind(block.description_kind),
    deprecated: block.deprecated ?? false,
  };
}

/** @param {JsonSchema} schema */
const toProtoSchema = (schema) => ({ version: schema.version, block: toProtoBlock(schema.block) });

/** @param {Record<string, JsonSchema>} schemas */
const mapSchemas = (schemas) => Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toProtoSchema(s)]));

/** The GetSchema response body (without diagnostics). */
function getSchemaResponse() {
  const schemas = providerSchemas();
  return {
    provider: toProtoSchema(schemas.provider),
    resource_schemas: mapSchemas(schemas.resource_schemas),
    data_source_schemas: mapSchemas(schemas.data_source_schemas),
    // SDKv2 says the same: terraform may reuse a schema it already fetched from another process of this provider.
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false },
  };
}

/** @param {'resource' | 'data_source'} kind @param {string} typeName @returns {JsonSchema} */
function schemaOf(kind, typeName) {
  const schemas = providerSchemas();
  const schema = (kind === 'resource' ? schemas.resource_schemas : schemas.data_source_schemas)[typeName];
  if (!schema) throw new Error(`unknown ${kind} type ${typeName}`);
  return schema;
}

/**
 * Gives an object exactly the schema's attribute keys: missing ones become null (an object on the wire carries
 * every attribute) and ones the schema does not know are dropped (an upgraded state must conform to the schema).
 * @param {'resource' | 'data_source'} kind @param {string} typeName @param {Record<string, unknown>} value
 * @returns {Record<string, any>}
 */
function conform(kind, typeName, value) {
  const block = schemaOf(kind, typeName).block;
  const attributes = Object.keys(block.attributes ?? {}).map((name) => [name, value[name] ?? null]);
  // Nested blocks (the Confluent resources' kafka_cluster and credentials) are keys of the object too: an absent
  // list or set block is an empty list, an absent single block null (terraform-double.md 4.6).
  const blocks = Object.entries(block.block_types ?? {}).map(([name, nested]) => [
    name,
    value[name] ?? (nested.nesting_mode === 'list' || nested.nesting_mode === 'set' ? [] : null),
  ]);
  return Object.fromEntries([...attributes, ...blocks]);
}

/** @param {string} typeName @returns {string[]} */
function writeOnlyAttributes(typeName) {
  const attributes = schemaOf('resource', typeName).block.attributes ?? {};
  return Object.entries(attributes)
    .filter(([, a]) => a.write_only)
    .map(([name]) => name);
}

module.exports = { PROVIDER_ADDRESS, getSchemaResponse, schemaOf, conform, writeOnlyAttributes };
