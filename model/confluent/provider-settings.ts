/**
 * What terraform needs to reach a Confluent Cloud cluster, and where each comes from. The provider's "Option #2: Manage a
 * single Kafka cluster in the same Terraform workspace" (the `confluent_kafka_topic` and `confluent_kafka_acl` pages):
 * the cluster id, its REST endpoint and a Kafka API key in the provider block or its environment, so that no resource
 * carries a `credentials` block and no API secret lands in the state. The Cloud API key is needed for service accounts,
 * role bindings and, per the ACL page's note, for `confluent_kafka_acl` too ("otherwise you will see Error: 401").
 */
import type { ConfluentCloudDeclaration } from '../schema/confluent';

export interface ConfluentSetting {
  /** The provider block's attribute, e.g. `kafka_api_secret`. */
  readonly attribute: string;
  /** The environment variable the provider reads when the attribute is unset (the docs' "optionally use … env var"). */
  readonly environmentVariable: string;
  /** The Terraform variable used with `secrets: 'variables'`: `confluent_<attribute>`. */
  readonly variable: string;
  readonly sensitive: boolean;
}

const setting = (attribute: string, environmentVariable: string, sensitive: boolean): ConfluentSetting => ({
  attribute,
  environmentVariable,
  variable: `confluent_${attribute}`,
  sensitive,
});

/** Every setting a Confluent Cloud stack needs at terraform time, none at synth time. */
export const CONFLUENT_SETTINGS: readonly ConfluentSetting[] = [
  setting('kafka_id', 'KAFKA_ID', false),
  setting('kafka_rest_endpoint', 'KAFKA_REST_ENDPOINT', false),
  setting('kafka_api_key', 'KAFKA_API_KEY', true),
  setting('kafka_api_secret', 'KAFKA_API_SECRET', true),
  setting('cloud_api_key', 'CONFLUENT_CLOUD_API_KEY', true),
  setting('cloud_api_secret', 'CONFLUENT_CLOUD_API_SECRET', true),
];

/**
 * The Terraform variable holding the cluster's RBAC CRN (`confluent_kafka_cluster.rbac_crn`, e.g.
 * `crn://confluent.cloud/organization=…/environment=env-…/cloud-cluster=lkc-…`), from which role bindings build the CRN
 * of each topic and group. Only with `access: 'role-bindings'`; not a secret.
 */
export const RBAC_CRN_VARIABLE = 'confluent_kafka_rbac_crn';
/** The Terraform variable holding the cluster id in role-binding CRNs (`…/kafka=<id>/topic=…`). */
export const KAFKA_ID_VARIABLE = 'confluent_kafka_id';

/** The variables a stack declares: every setting with `secrets: 'variables'`; the CRN parts with role bindings. */
export function confluentVariables(options: Pick<ConfluentCloudDeclaration, 'secrets' | 'access'>): string[] {
  const settings = options.secrets === 'variables' ? CONFLUENT_SETTINGS.map((s) => s.variable) : [];
  const crn = options.access === 'role-bindings' ? [RBAC_CRN_VARIABLE, KAFKA_ID_VARIABLE] : [];
  return [...new Set([...settings, ...crn])].sort();
}
