/**
 * The topic configs Confluent Cloud lets a client set: the one named list every check of a `confluent-cloud`
 * environment reads. Pure data.
 *
 * Sources:
 * - Confluent, "Configuration Reference for Topics in Confluent Cloud"
 *   (https://docs.confluent.io/cloud/current/topics/manage.html): each topic config with "Editable: Yes/No" and
 *   "Kafka REST API and Terraform Provider Support: Yes/No" (e.g. `compression.type`: Editable No; `cleanup.policy`,
 *   `delete.retention.ms`: Editable Yes);
 * - the confluentinc/confluent provider's `confluent_kafka_topic` documentation, "Updates for the following topic
 *   settings are supported" — the same list as the settings Terraform may set and reset
 *   (https://registry.terraform.io/providers/confluentinc/confluent/latest/docs/resources/confluent_kafka_topic).
 * A config outside it is rejected by Confluent Cloud's Kafka REST API when terraform creates or updates the topic.
 */
export const CONFLUENT_CLOUD_EDITABLE_TOPIC_CONFIGS: ReadonlySet<string> = new Set([
  'cleanup.policy',
  'delete.retention.ms',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.timestamp.after.max.ms',
  'message.timestamp.before.max.ms',
  'message.timestamp.difference.max.ms',
  'message.timestamp.type',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.ms',
  // Broker-side schema validation; only on Dedicated clusters (the provider documentation's note).
  'confluent.key.schema.validation',
  'confluent.key.subject.name.strategy',
  'confluent.value.schema.validation',
  'confluent.value.subject.name.strategy',
]);

/** Where the list comes from, for messages and the rule's rationale. */
export const CONFLUENT_CLOUD_TOPIC_CONFIGS_SOURCE = 'https://docs.confluent.io/cloud/current/topics/manage.html';
