import { Construct, TerraformVariable } from './cdktf';
import { ConfluentProvider, type ConfluentProviderConfig } from '../gen/provider-confluent/lib/provider';
import { CONFLUENT_SETTINGS, KAFKA_ID_VARIABLE, RBAC_CRN_VARIABLE } from '../model/confluent/provider-settings';
import type { ConfluentCloudDeclaration } from '../model/schema/confluent';

/** Provider attributes in the generated bindings' spelling. */
const CONFIG_KEY: Readonly<Record<string, keyof ConfluentProviderConfig>> = {
  kafka_id: 'kafkaId',
  kafka_rest_endpoint: 'kafkaRestEndpoint',
  kafka_api_key: 'kafkaApiKey',
  kafka_api_secret: 'kafkaApiSecret',
  cloud_api_key: 'cloudApiKey',
  cloud_api_secret: 'cloudApiSecret',
};

/**
 * A Confluent Cloud cluster an environment's stack manages: the `confluent` provider block, in the provider's "single
 * Kafka cluster" form (model/confluent/provider-settings.ts). Nothing in it is known at synth time: with `secrets:
 * 'environment'` the block is empty and the provider reads KAFKA_ID, KAFKA_REST_ENDPOINT, KAFKA_API_KEY /
 * KAFKA_API_SECRET and CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET; with `secrets: 'variables'` each comes
 * from a Terraform variable (`TF_VAR_confluent_…`), the keys sensitive and ephemeral, so no plan file or state holds them.
 */
export class ConfluentCluster extends Construct {
  readonly provider: ConfluentProvider;
  /** The Terraform variables CI must supply for this stack. */
  readonly requiredVariables: readonly string[];
  /** The environment variables terraform's process must have for this stack. */
  readonly requiredEnvironment: readonly string[];
  readonly optionalEnvironment: readonly string[] = [];
  /** With role bindings: the cluster's RBAC CRN and id, as Terraform expressions, for the CRNs of topics and groups. */
  readonly crn: { readonly rbacCrn: string; readonly kafkaId: string } | undefined;

  constructor(scope: Construct, id: string, options: ConfluentCloudDeclaration) {
    super(scope, id);
    const config: Record<string, unknown> = {};
    const variables: string[] = [];
    const declared = new Map<string, TerraformVariable>();
    const variable = (name: string, description: string, sensitive: boolean): TerraformVariable => {
      const existing = declared.get(name);
      if (existing !== undefined) return existing;
      const created = new TerraformVariable(this, name, { type: 'string', sensitive, nullable: false, description });
      created.overrideLogicalId(name);
      // Ephemeral (Terraform ≥ 1.10): a saved plan and the state never hold the value. cdktf 0.21 has no prop for it.
      if (sensitive) created.addOverride('ephemeral', true);
      declared.set(name, created);
      variables.push(name);
      return created;
    };
    if (options.secrets === 'variables') {
      for (const s of CONFLUENT_SETTINGS) {
        const key = CONFIG_KEY[s.attribute];
        if (key === undefined) continue;
        config[key] = variable(s.variable, `${s.attribute} of the Confluent provider; supply as TF_VAR_${s.variable}`, s.sensitive).stringValue;
      }
    }
    if (options.access === 'role-bindings') {
      variable(
        RBAC_CRN_VARIABLE,
        "The Kafka cluster's RBAC CRN (confluent_kafka_cluster.rbac_crn, crn://confluent.cloud/organization=…/environment=…/cloud-cluster=lkc-…); supply as TF_VAR_confluent_kafka_rbac_crn",
        false,
      );
      variable(KAFKA_ID_VARIABLE, 'kafka_id of the Confluent provider; supply as TF_VAR_confluent_kafka_id', false);
      this.crn = { rbacCrn: `\${var.${RBAC_CRN_VARIABLE}}`, kafkaId: `\${var.${KAFKA_ID_VARIABLE}}` };
    } else {
      this.crn = undefined;
    }
    this.requiredVariables = [...variables].sort();
    this.requiredEnvironment = options.secrets === 'environment' ? CONFLUENT_SETTINGS.map((s) => s.environmentVariable) : [];
    this.provider = new ConfluentProvider(this, 'confluent', config);
  }
}
