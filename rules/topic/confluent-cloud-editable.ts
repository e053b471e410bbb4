import { CONFLUENT_CLOUD_EDITABLE_TOPIC_CONFIGS, CONFLUENT_CLOUD_TOPIC_CONFIGS_SOURCE } from '../../model/confluent-cloud-topic-configs';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** On Confluent Cloud, only the documented editable topic configs may be set (model/confluent-cloud-topic-configs.ts). */
export const confluentCloudEditableConfigs = defineRule({
  id: 'TF-CONFIG-003',
  level: 'error',
  appliesTo: 'topic',
  title: 'A topic sets a config that Confluent Cloud does not allow to be set.',
  rationale: `Confluent Cloud manages the other topic configs itself and lists, per config, whether it is editable ("Configuration Reference for Topics in Confluent Cloud", ${CONFLUENT_CLOUD_TOPIC_CONFIGS_SOURCE}); the confluent provider's confluent_kafka_topic supports setting exactly that list. A config outside it fails terraform apply at the Kafka REST API, after other topics of the same apply were already created.`,
  fix: 'remove the config from the topic (or from the environment defaults it comes from), or set it only on environments whose platform is apache-kafka',
  check: (topic, { topology }) => {
    if (topology.environment.platform !== 'confluent-cloud') return NOT_APPLICABLE;
    const refused = Object.keys(topic.config)
      .filter((key) => !CONFLUENT_CLOUD_EDITABLE_TOPIC_CONFIGS.has(key))
      .sort();
    return violations(
      ...refused.map((key) => ({
        field: `config["${key}"]`,
        message: `topic "${topic.name}" sets ${key}, which is not among the topic configs Confluent Cloud allows to be set`,
      })),
    );
  },
});
