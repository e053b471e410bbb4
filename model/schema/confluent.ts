/**
 * Settings of an environment on Confluent Cloud (`platform: 'confluent-cloud'`, docs/confluent-cloud.md). None holds a
 * credential: the cluster id, its REST endpoint and the API keys come from the provider's environment variables or from
 * Terraform variables, never from synth.
 */
import { z } from 'zod';
import { principalSchema } from './common';

/**
 * How access is granted on Confluent Cloud: Kafka ACLs (`confluent_kafka_acl`, the provider's resource for the Kafka ACL
 * model) or RBAC role bindings (`confluent_role_binding` with DeveloperRead / DeveloperWrite / DeveloperManage on topic,
 * group and transactional-id CRNs).
 */
export const CONFLUENT_ACCESS_MODES = ['acls', 'role-bindings'] as const;
export type ConfluentAccessMode = (typeof CONFLUENT_ACCESS_MODES)[number];

/**
 * A Confluent Cloud service account id as the Console and the API write it, e.g. `sa-abc123` ("Service accounts",
 * https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/overview.html;
 * the provider's ACL and role-binding examples use `User:sa-xyz123`).
 */
export const SERVICE_ACCOUNT_ID_PATTERN = /^sa-[a-z0-9]+$/;

export const confluentCloudSchema = z.strictObject({
  /** Kafka ACLs or RBAC role bindings. @default 'acls' */
  access: z.enum(CONFLUENT_ACCESS_MODES).default('acls'),
  /**
   * The Confluent Cloud service account each declared principal authenticates as, e.g.
   * `{ 'User:order-service': 'sa-abc123' }`. Declared here, per environment, not in topics/: the same declarations map to
   * other accounts in another environment. @default {}
   */
  serviceAccounts: z
    .record(principalSchema, z.string().regex(SERVICE_ACCOUNT_ID_PATTERN, { message: 'must be a service account id such as "sa-abc123"' }))
    .default({}),
  /**
   * Terraform creates a `confluent_service_account` for every principal not listed in `serviceAccounts` (display name:
   * the principal's name). Creating service accounts needs the OrganizationAdmin role. @default false
   */
  createServiceAccounts: z.boolean().default(false),
  /**
   * Where the cluster id, REST endpoint and API keys come from: the provider's own environment variables (KAFKA_ID,
   * KAFKA_REST_ENDPOINT, KAFKA_API_KEY, KAFKA_API_SECRET, CONFLUENT_CLOUD_API_KEY, CONFLUENT_CLOUD_API_SECRET) or
   * Terraform variables (`confluent_kafka_id`, …) that CI supplies as TF_VAR_… values; secrets are sensitive and
   * ephemeral. @default 'environment'
   */
  secrets: z.enum(['environment', 'variables']).default('environment'),
});
export type ConfluentCloudDeclaration = z.infer<typeof confluentCloudSchema>;

/** What an environment without a `confluent` block gets on `platform: 'confluent-cloud'`. */
export const CONFLUENT_CLOUD_DEFAULTS: ConfluentCloudDeclaration = {
  access: 'acls',
  serviceAccounts: {},
  createServiceAccounts: false,
  secrets: 'environment',
};

/**
 * Confluent Cloud stores every topic with three replicas and does not let a topic set another replication factor
 * ("Confluent Cloud cluster types": replication factor 3; the provider's `confluent_kafka_topic` has no replication
 * attribute).
 */
export const CONFLUENT_CLOUD_REPLICATION_FACTOR = 3;
