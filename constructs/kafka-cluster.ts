import { Construct, TerraformVariable } from './cdktf';
import { KafkaProvider } from '../gen/provider-kafka/lib/provider';

/** The Terraform variable that carries the bootstrap servers (`TF_VAR_kafka_bootstrap_servers` in CI). */
export const BOOTSTRAP_SERVERS_VARIABLE = 'kafka_bootstrap_servers';

/**
 * The Kafka cluster an environment stack manages: the Mongey provider block.
 *
 * Connection settings are Terraform-time, never synth-time: anything read from the environment during synth would land
 * in the output as a literal. Bootstrap servers are a Terraform variable; TLS and SASL settings and secrets are left to
 * the provider's own `KAFKA_*` environment variables (e.g. `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`,
 * `KAFKA_SASL_MECHANISM`, `KAFKA_CA_CERT`, `KAFKA_ENABLE_TLS`), which terraform's process reads at plan/apply time.
 */
export class KafkaCluster extends Construct {
  readonly provider: KafkaProvider;
  readonly bootstrapServers: TerraformVariable;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bootstrapServers = new TerraformVariable(this, BOOTSTRAP_SERVERS_VARIABLE, {
      type: 'list(string)',
      nullable: false,
      description: 'Kafka bootstrap servers, e.g. ["broker-1:9092"]; supply as TF_VAR_kafka_bootstrap_servers',
    });
    this.bootstrapServers.overrideLogicalId(BOOTSTRAP_SERVERS_VARIABLE);
    this.provider = new KafkaProvider(this, 'kafka', { bootstrapServers: this.bootstrapServers.listValue });
  }
}
