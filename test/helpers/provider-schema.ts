/**
 * Checks synthesized Terraform JSON against the vendored provider schemas (`terraform providers schema -json` of
 * mongey/kafka 0.13.1, and the hand-written subset of hashicorp/aws that MSK IAM policies need): every resource type,
 * data source and provider block exist, attribute names exist, required attributes are present, computed-only
 * attributes are not set, and each value has the attribute's type. Terraform itself checks the same against the
 * provider double in the end-to-end tests; this is the fast, exact check for every synth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type CtyType = string | [string, CtyType] | [string, Record<string, CtyType>, string[]?];

interface SchemaAttribute {
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly write_only?: boolean;
  readonly sensitive?: boolean;
}

interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, unknown>>;
}

interface ProviderSchemaFile {
  readonly provider_schemas: Readonly<
    Record<
      string,
      {
        readonly provider: { readonly block: SchemaBlock };
        readonly resource_schemas: Readonly<Record<string, { readonly block: SchemaBlock }>>;
        readonly data_source_schemas: Readonly<Record<string, { readonly block: SchemaBlock }>>;
      }
    >
  >;
}

const SCHEMA_DIR = join(__dirname, '..', '..', 'provider-schema');
const SCHEMA_FILE = join(SCHEMA_DIR, 'mongey-kafka.schema.json');
const PROVIDER_ADDRESS = 'registry.terraform.io/mongey/kafka';

/** The providers a stack may use, by local name: their source and vendored schema. */
const PROVIDERS: Readonly<Record<string, { readonly source: string; readonly file: string; readonly address: string }>> = {
  kafka: { source: 'mongey/kafka', file: SCHEMA_FILE, address: PROVIDER_ADDRESS },
  // MSK IAM policies: the hand-written subset of hashicorp/aws (provider-schema/hashicorp-aws.NOTES.md).
  aws: { source: 'hashicorp/aws', file: join(SCHEMA_DIR, 'hashicorp-aws.schema.json'), address: 'registry.terraform.io/hashicorp/aws' },
  // Platform confluent-cloud: the subset written from the provider's docs (provider-schema/confluentinc-confluent.NOTES.md).
  confluent: {
    source: 'confluentinc/confluent',
    file: join(SCHEMA_DIR, 'confluentinc-confluent.schema.json'),
    address: 'registry.terraform.io/confluentinc/confluent',
  },
};

type ProviderSchema = ProviderSchemaFile['provider_schemas'][string];

/** Terraform meta-arguments allowed on every resource (and cdktf's "//" metadata). */
const RESOURCE_META = new Set(['//', 'count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const LIFECYCLE_KEYS = new Set(['prevent_destroy', 'create_before_destroy', 'ignore_changes', 'replace_triggered_by', 'precondition', 'postcondition']);
const PROVIDER_META = new Set(['alias']);

export function loadProviderSchema(local = 'kafka'): ProviderSchema {
  const provider = PROVIDERS[local];
  if (provider === undefined) throw new Error(`no vendored schema for provider ${local}`);
  const file = JSON.parse(readFileSync(provider.file, 'utf8')) as ProviderSchemaFile;
  const schema = file.provider_schemas[provider.address];
  if (schema === undefined) throw new Error(`${provider.file} has no ${provider.address}`);
  return schema;
}

/** The local provider name of a resource or data source type: the part before its first `_` (`kafka_topic` → kafka). */
const localNameOf = (type: string): string => type.slice(0, type.indexOf('_'));

/** A whole-value Terraform expression such as `${var.x}`: its type is only known to terraform. */
const isExpression = (value: unknown): boolean => typeof value === 'string' && /^\$\{.*\}$/s.test(value);

function typeProblems(value: unknown, type: CtyType, path: string): string[] {
  if (isExpression(value)) return [];
  if (typeof type === 'string') {
    const ok =
      type === 'dynamic' ||
      (type === 'string' && typeof value === 'string') ||
      (type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (type === 'bool' && typeof value === 'boolean');
    return ok ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)}`];
  }
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) return [`${path}: expected ${kind}, got ${JSON.stringify(value)}`];
    return value.flatMap((v, i) => typeProblems(v, inner as CtyType, `${path}[${i}]`));
  }
  if (kind === 'map') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected map, got ${JSON.stringify(value)}`];
    return Object.entries(value).flatMap(([k, v]) => typeProblems(v, inner as CtyType, `${path}["${k}"]`));
  }
  return []; // objects and tuples do not occur in this provider's configurable attributes
}

function blockProblems(body: Record<string, unknown>, block: SchemaBlock, where: string, meta: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const attributes = block.attributes ?? {};
  for (const [name, value] of Object.entries(body)) {
    if (meta.has(name)) continue;
    const attribute = attributes[name];
    if (attribute === undefined) {
      problems.push(`${where}.${name}: not an attribute of the schema`);
      continue;
    }
    if (attribute.computed === true && attribute.optional !== true && attribute.required !== true) {
      problems.push(`${where}.${name}: computed-only attribute must not be set`);
      continue;
    }
    // A write-only or sensitive attribute written as a literal would put the secret in cdk.tf.json itself.
    if ((attribute.write_only === true || attribute.sensitive === true) && !isExpression(value)) {
      problems.push(`${where}.${name}: ${attribute.write_only === true ? 'write-only' : 'sensitive'} attribute set to a literal (value not shown)`);
      continue;
    }
    problems.push(...typeProblems(value, attribute.type, `${where}.${name}`));
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required === true && !(name in body)) problems.push(`${where}.${name}: required attribute missing`);
  }
  const lifecycle = body.lifecycle;
  if (lifecycle !== undefined) {
    for (const key of Object.keys(lifecycle as object)) {
      if (!LIFECYCLE_KEYS.has(key)) problems.push(`${where}.lifecycle.${key}: not a lifecycle argument`);
    }
  }
  return problems;
}

/**
 * Every way `json` (a parsed cdk.tf.json) departs from the provider schemas; empty when it conforms. A stack uses the
 * Mongey provider, or the Confluent provider on platform confluent-cloud, and hashicorp/aws beside the Mongey one for
 * MSK IAM policies: the ones its required_providers name.
 */
export function schemaProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const terraform = json.terraform as { required_providers?: Record<string, { source?: string }> } | undefined;
  const required = terraform?.required_providers ?? {};
  if (required.kafka === undefined && required.confluent === undefined) {
    problems.push('terraform.required_providers: names neither kafka (mongey/kafka) nor confluent (confluentinc/confluent)');
  }
  for (const [name, entry] of Object.entries(required)) {
    const known = PROVIDERS[name];
    if (known === undefined) problems.push(`terraform.required_providers.${name}: unexpected provider`);
    else if (entry.source !== known.source) {
      problems.push(`terraform.required_providers.${name}.source: expected "${known.source}", got ${JSON.stringify(entry.source)}`);
    }
  }

  const providers = (json.provider as Record<string, unknown> | undefined) ?? {};
  for (const [name, blocks] of Object.entries(providers)) {
    if (PROVIDERS[name] === undefined) {
      problems.push(`provider.${name}: unexpected provider`);
      continue;
    }
    if (required[name] === undefined) problems.push(`provider.${name}: not in terraform.required_providers`);
    const schema = loadProviderSchema(name);
    (blocks as Array<Record<string, unknown>>).forEach((b, i) =>
      problems.push(...blockProblems(b, schema.provider.block, `provider.${name}[${i}]`, PROVIDER_META)),
    );
  }
  for (const section of ['resource', 'data'] as const) {
    const byType = (json[section] as Record<string, Record<string, Record<string, unknown>>> | undefined) ?? {};
    for (const [type, instances] of Object.entries(byType)) {
      const local = localNameOf(type);
      const provider = PROVIDERS[local];
      const schema = provider === undefined ? undefined : loadProviderSchema(local);
      const typeSchema = (section === 'resource' ? schema?.resource_schemas : schema?.data_source_schemas)?.[type];
      if (typeSchema === undefined || provider === undefined) {
        problems.push(`${section}.${type}: not a type of ${provider?.source ?? 'a vendored provider'}`);
        continue;
      }
      if (required[local] === undefined) problems.push(`${section}.${type}: its provider ${local} is not in terraform.required_providers`);
      for (const [name, body] of Object.entries(instances)) {
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) problems.push(`${section}.${type}.${name}: not a valid Terraform name`);
        problems.push(...blockProblems(body, typeSchema.block, `${section}.${type}.${name}`, RESOURCE_META));
      }
    }
  }
  return problems;
}
