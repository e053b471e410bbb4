/**
 * Everything topicform writes into a stack's cdk.tf.json, as data: the guard accepts this and nothing else. A new
 * kind of output (a resource type, a backend setting) is added here in the same change that starts writing it, so an
 * output of a newer topicform that this guard does not know is refused, never waved through.
 */
import { AUTH_MECHANISMS, BOOTSTRAP_SERVERS_VARIABLE, PROVIDER_SECRET_ATTRIBUTES, secretVariable } from '../model/schema/auth';
import { SCRAM_PASSWORD_VARIABLE_PREFIX } from '../model/scram';
import { REQUIRED_TERRAFORM_VERSIONS } from '../model/terraform-version';
import { CONFLUENT_SETTINGS, KAFKA_ID_VARIABLE, RBAC_CRN_VARIABLE } from '../model/confluent/provider-settings';

/** The files synth writes into a stack directory. */
export const STACK_FILES = { terraform: 'cdk.tf.json', topology: 'topology.json' } as const;

/** What terraform itself keeps in a stack directory once it ran there (never in an output handed between jobs). */
export const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'] as const;

/** A JSON property named `//` is a comment in terraform's JSON syntax; cdktf writes its metadata there. */
export const COMMENT_KEY = '//';

export const TOP_LEVEL_KEYS = [COMMENT_KEY, 'terraform', 'provider', 'variable', 'resource', 'import', 'removed', 'moved'] as const;

/** Top-level blocks with a reason of their own (GUARD_CODES). */
export const REFUSED_TOP_LEVEL = { data: 'data-source', module: 'module', output: 'output' } as const;

/** Data sources topicform writes: none (the provider has kafka_topic and kafka_topics; topicform reads neither). */
export const DATA_SOURCES: readonly string[] = [];

export const TERRAFORM_SETTINGS = [COMMENT_KEY, 'backend', 'required_providers', 'required_version'] as const;

/** The Terraform version constraints topicform writes (model/terraform-version.ts). */
export const TERRAFORM_VERSIONS: readonly string[] = REQUIRED_TERRAFORM_VERSIONS;

/** The one provider, under its local name; the source in either spelling terraform accepts. */
export const PROVIDER_NAME = 'kafka';
export const PROVIDER_SOURCES = ['mongey/kafka', 'registry.terraform.io/mongey/kafka'] as const;

/**
 * Platform confluent-cloud (docs/confluent-cloud.md): the Confluent provider, whose block holds only references to
 * topicform's `confluent_*` variables (or nothing: its environment supplies them).
 */
export const CONFLUENT_PROVIDER_NAME = 'confluent';
export const CONFLUENT_PROVIDER_SOURCES = ['confluentinc/confluent', 'registry.terraform.io/confluentinc/confluent'] as const;
export const CONFLUENT_PROVIDER_REFERENCES: Readonly<Record<string, string>> = Object.fromEntries(CONFLUENT_SETTINGS.map((s) => [s.attribute, s.variable]));
export const CONFLUENT_VARIABLES: readonly string[] = [...CONFLUENT_SETTINGS.map((s) => s.variable), RBAC_CRN_VARIABLE, KAFKA_ID_VARIABLE];

/**
 * The two Confluent attributes that are Terraform expressions by design, in the only forms topicform writes them: a
 * created service account's id as an ACL or role-binding principal, and a role binding's CRN built from the cluster's
 * CRN and id variables (model/confluent/). Anything else with `${` is refused as before.
 */
export const CONFLUENT_EXPRESSIONS: Readonly<Record<string, RegExp>> = {
  principal: /^User:(?:sa-[a-z0-9]+|\$\{confluent_service_account\.[A-Za-z_][A-Za-z0-9_-]*\.id\})$/,
  crn_pattern: new RegExp(`^\\$\\{var\\.${RBAC_CRN_VARIABLE}\\}/kafka=\\$\\{var\\.${KAFKA_ID_VARIABLE}\\}(?:/(?:topic|group|transactional-id)=[^$%{}]+)?$`),
};

/** Mechanisms the provider block may name (the declared ones SASL carries; `none` and `mtls` write no mechanism). */
export const SASL_MECHANISMS: readonly string[] = AUTH_MECHANISMS.filter((m) => m !== 'none' && m !== 'mtls');

/** Provider attributes that must be exactly a reference to topicform's variable, never a literal. */
export const PROVIDER_REFERENCES: Readonly<Record<string, string>> = Object.fromEntries<string>([
  ['bootstrap_servers', BOOTSTRAP_SERVERS_VARIABLE],
  ...PROVIDER_SECRET_ATTRIBUTES.map((a): [string, string] => [a, secretVariable(a)]),
]);

/** Provider attributes topicform writes as literals, with the type of each. */
export const PROVIDER_LITERALS = { tls_enabled: 'boolean', sasl_mechanism: 'string' } as const;

/** Variables topicform declares, with their type. */
export const VARIABLES: Readonly<Record<string, string>> = Object.fromEntries<string>([
  [BOOTSTRAP_SERVERS_VARIABLE, 'list(string)'],
  ...PROVIDER_SECRET_ATTRIBUTES.map((a): [string, string] => [secretVariable(a), 'string']),
]);

/**
 * SCRAM password variables (model/scram.ts): `kafka_scram_password_<user>`, a string, and always ephemeral and
 * sensitive, so the password stays out of the plan file and the logs.
 */
export const SCRAM_PASSWORD_VARIABLE = new RegExp(`^${SCRAM_PASSWORD_VARIABLE_PREFIX}[A-Za-z0-9_]+$`);
export const SCRAM_PASSWORD_VARIABLE_TYPE = 'string';
export const SCRAM_PASSWORD_VARIABLE_REQUIRED = ['ephemeral', 'sensitive'] as const;

/** What a variable declaration may say. Never `default` (it would supply a value CI did not) or `validation`. */
export const VARIABLE_SETTINGS = ['type', 'description', 'nullable', 'sensitive', 'ephemeral'] as const;

/** Resource types and the attributes topicform writes for each (constructs/render.ts). */
export const RESOURCES: Readonly<Record<string, readonly string[]>> = {
  kafka_topic: ['name', 'partitions', 'replication_factor', 'config'],
  kafka_acl: ['acl_principal', 'acl_host', 'acl_operation', 'acl_permission_type', 'resource_name', 'resource_type', 'resource_pattern_type_filter'],
  kafka_quota: ['entity_name', 'entity_type', 'config'],
  // Never `password` (kept in the state); `password_wo` is checked to be the user's password variable.
  kafka_user_scram_credential: ['username', 'scram_mechanism', 'scram_iterations', 'password_wo', 'password_wo_version'],
  // Platform confluent-cloud (constructs/confluent-render.ts): never a `credentials` or `kafka_cluster` block.
  confluent_kafka_topic: ['topic_name', 'partitions_count', 'config'],
  confluent_kafka_acl: ['principal', 'host', 'operation', 'permission', 'resource_type', 'resource_name', 'pattern_type'],
  confluent_role_binding: ['principal', 'role_name', 'crn_pattern'],
  confluent_service_account: ['display_name', 'description'],
};

/** Write-only attributes, which must be exactly a reference to the user's SCRAM password variable. */
export const SCRAM_PASSWORD_ATTRIBUTE = 'password_wo';

/** `lifecycle` settings per resource type: production topics get `prevent_destroy`. */
export const LIFECYCLE_SETTINGS: Readonly<Record<string, readonly string[]>> = { kafka_topic: ['prevent_destroy'], confluent_kafka_topic: ['prevent_destroy'] };

/** Keys that run commands on the runner. */
export const PROVISIONER_KEYS = ['provisioner', 'connection'] as const;

/** Meta-arguments topicform never writes (lifecycle is checked setting by setting). */
export const META_ARGUMENTS = ['count', 'for_each', 'depends_on', 'provider'] as const;

/** Backend types and the settings topicform writes for each (constructs/backend.ts). */
export const BACKENDS: Readonly<Record<string, readonly string[]>> = {
  local: ['path'],
  s3: ['bucket', 'key', 'region', 'encrypt', 'dynamodb_table', 'use_lockfile'],
  gcs: ['bucket', 'prefix'],
  azurerm: ['resource_group_name', 'storage_account_name', 'container_name', 'key'],
  http: ['address', 'lock_address', 'unlock_address'],
  remote: ['hostname', 'organization', 'workspaces'],
};

/** A resource address in an import, removed or moved block: one of the allowed types, a plain name. */
export const ADDRESS = /^(kafka_topic|kafka_acl|kafka_quota|kafka_user_scram_credential)\.[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The start of a terraform template expression or directive in a JSON string. Escapes (`$${`, `%%{`) are refused as
 * well: topicform never writes a brace after `$` or `%`, and a simple rule leaves no parsing difference to exploit.
 */
export const TEMPLATE = /[$%]\{/;
