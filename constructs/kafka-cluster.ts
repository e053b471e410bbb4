import { Construct, TerraformVariable } from './cdktf';
import { KafkaProvider, type KafkaProviderConfig } from '../gen/provider-kafka/lib/provider';
import { BOOTSTRAP_SERVERS_VARIABLE, providerSecrets, type AuthDeclaration } from '../model/schema/auth';

export { BOOTSTRAP_SERVERS_VARIABLE };

const DEFAULT_AUTH: AuthDeclaration = { mechanism: 'scram-sha512', tls: true, secrets: 'environment' };

/** Provider attributes of the settings a mechanism needs, in the generated bindings' spelling. */
const CONFIG_KEY: Readonly<Record<string, keyof KafkaProviderConfig>> = {
  ca_cert: 'caCert',
  client_cert: 'clientCert',
  client_key: 'clientKey',
  sasl_username: 'saslUsername',
  sasl_password: 'saslPassword',
  sasl_token_url: 'saslTokenUrl',
  sasl_aws_region: 'saslAwsRegion',
  sasl_aws_role_arn: 'saslAwsRoleArn',
  sasl_aws_profile: 'saslAwsProfile',
};

/**
 * The Kafka cluster an environment's stack manages: the Mongey provider block.
 *
 * Connection settings are Terraform-time, never synth-time: anything read from the environment during synth would land
 * in the output as a literal. Bootstrap servers are a Terraform variable. The mechanism and TLS switch are declared
 * (they are not secret); credentials come from the provider's own `KAFKA_*` environment variables (`secrets:
 * 'environment'`, e.g. KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, KAFKA_CA_CERT, KAFKA_CLIENT_CERT / KAFKA_CLIENT_KEY),
 * or from sensitive Terraform variables (`secrets: 'variables'`, e.g. TF_VAR_kafka_sasl_password). With `aws-iam`
 * (Amazon MSK IAM access control) the block says `sasl_mechanism = "aws-iam"` and, with `secrets: 'variables'`, takes
 * its region (and role ARN or profile, when declared) from variables; the AWS credentials are never in it.
 */
export class KafkaCluster extends Construct {
  readonly provider: KafkaProvider;
  readonly bootstrapServers: TerraformVariable;
  /** The Terraform variables CI must supply for this stack. */
  readonly requiredVariables: readonly string[];
  /** The environment variables terraform's process must have for this stack. */
  readonly requiredEnvironment: readonly string[];
  /** Environment variables needed only in some setups (e.g. KAFKA_CA_CERT for a private CA). */
  readonly optionalEnvironment: readonly string[];

  constructor(scope: Construct, id: string, auth: AuthDeclaration = DEFAULT_AUTH) {
    super(scope, id);
    this.bootstrapServers = new TerraformVariable(this, BOOTSTRAP_SERVERS_VARIABLE, {
      type: 'list(string)',
      nullable: false,
      description: 'Kafka bootstrap servers, e.g. ["broker-1:9092"]; supply as TF_VAR_kafka_bootstrap_servers',
    });
    this.bootstrapServers.overrideLogicalId(BOOTSTRAP_SERVERS_VARIABLE);

    const secrets = providerSecrets(auth);
    const config: Record<string, unknown> = { bootstrapServers: this.bootstrapServers.listValue, tlsEnabled: auth.tls };
    if (auth.mechanism !== 'none' && auth.mechanism !== 'mtls') config.saslMechanism = auth.mechanism;
    const variables = [BOOTSTRAP_SERVERS_VARIABLE];
    if (auth.secrets === 'variables') {
      for (const s of secrets.filter((x) => !x.optional)) {
        const variable = new TerraformVariable(this, s.variable, {
          type: 'string',
          sensitive: s.sensitive,
          nullable: false,
          description: `${s.attribute} of the Kafka provider; supply as TF_VAR_${s.variable}`,
        });
        variable.overrideLogicalId(s.variable);
        // Ephemeral (Terraform ≥ 1.10): a saved plan and the state never hold the value, so the plan file CI hands from
        // the plan job to the apply job carries no credential; apply reads TF_VAR_… again. cdktf 0.21 has no prop for it.
        variable.addOverride('ephemeral', true);
        const key = CONFIG_KEY[s.attribute];
        if (key !== undefined) config[key] = variable.stringValue;
        variables.push(s.variable);
      }
    }
    this.requiredVariables = variables;
    this.requiredEnvironment = auth.secrets === 'environment' ? secrets.filter((s) => !s.optional).map((s) => s.environmentVariable) : [];
    this.optionalEnvironment = secrets.filter((s) => s.optional).map((s) => s.environmentVariable);
    this.provider = new KafkaProvider(this, 'kafka', config as unknown as KafkaProviderConfig);
  }
}
