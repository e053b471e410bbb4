/**
 * Apache Kafka's own defaults for topic-level configs (Kafka 3.x–4.x), used only to read cluster output: a key the
 * declarations derive (`cleanup.policy`, `min.insync.replicas`, `retention.ms`, `delete.retention.ms`) that has no
 * topic override and for which no input shows a broker setting is declared with Kafka's default — never with the
 * environment's values. `kafka-topics --describe` lists every value that is not Kafka's default (a broker setting
 * included, when it talks to the brokers), and `kafka-configs --describe --all` shows every effective value, so with
 * either the default is what the topic has; with kcat alone (no configs) it is an assumption, and the report says so.
 *
 * Source: the "Topic-Level Configs" table of the Apache Kafka documentation (3.9 and 4.0), i.e. the defaults of the
 * matching broker settings (`log.retention.hours=168` → `retention.ms=604800000`, …).
 */
export const KAFKA_TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
  'delete.retention.ms': '86400000',
  'file.delete.delay.ms': '60000',
  'flush.messages': '9223372036854775807',
  'flush.ms': '9223372036854775807',
  'index.interval.bytes': '4096',
  'max.compaction.lag.ms': '9223372036854775807',
  'max.message.bytes': '1048588',
  'message.downconversion.enable': 'true',
  'message.timestamp.type': 'CreateTime',
  'min.cleanable.dirty.ratio': '0.5',
  'min.compaction.lag.ms': '0',
  'min.insync.replicas': '1',
  preallocate: 'false',
  'retention.bytes': '-1',
  'retention.ms': '604800000',
  'segment.bytes': '1073741824',
  'segment.index.bytes': '10485760',
  'segment.jitter.ms': '0',
  'segment.ms': '604800000',
  'unclean.leader.election.enable': 'false',
};

/** Kafka's internal topics and the internal topics of common platform components: never adopted. */
export function isInternalTopic(name: string): boolean {
  // `__consumer_offsets`, `__transaction_state`, `__cluster_metadata`; `_schemas`, `_confluent-*` (Schema Registry,
  // Confluent Platform). A leading underscore is the convention for component-owned topics.
  return name.startsWith('_');
}
