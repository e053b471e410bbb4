/**
 * The Kafka Streams configuration topicform derives for each Streams application, as data: every setting with the
 * reason it has that value. clients/streams-properties.ts renders it beside the other client configs.
 */
import type { ResolvedStreamsApplication, Topology } from '../model/topology';
import type { Setting } from './client-config';

/**
 * Kafka Streams prefixes configs of the topics it creates with `topic.` (StreamsConfig.TOPIC_PREFIX): the changelog and
 * repartition topics then get the environment's min.insync.replicas like every topic topicform creates.
 */
const STREAMS_TOPIC_PREFIX = 'topic.';

export function streamsSettings(app: ResolvedStreamsApplication, topology: Topology): Setting[] {
  const env = topology.environment;
  const settings: Setting[] = [
    {
      key: 'application.id',
      value: app.applicationId,
      reason: `the declared Streams application ${app.domain}.${app.name}: its consumer group id, the prefix of its internal topics and transactional ids (the ACLs are Prefixed on "${app.internalPrefix}")`,
    },
    { key: 'client.id', value: app.service, reason: 'names the service in broker logs, metrics and quotas' },
    {
      key: 'processing.guarantee',
      value: app.processingGuarantee,
      reason:
        app.processingGuarantee === 'exactly_once_v2'
          ? 'declared exactly_once_v2: reads, state updates and writes commit in one transaction; readers of its outputs must read committed records'
          : 'declared (or defaulted to) at_least_once: after a crash records are processed again, so processing must be idempotent',
    },
    {
      key: 'replication.factor',
      value: String(env.replicationFactor),
      reason: `internal (changelog, repartition) topics get the environment "${env.name}"'s replication factor, like every topic topicform creates`,
    },
    {
      key: `${STREAMS_TOPIC_PREFIX}min.insync.replicas`,
      value: String(env.minInsyncReplicas),
      reason: `internal topics get the environment's min.insync.replicas (through the topic. prefix Kafka Streams applies to the topics it creates)`,
    },
  ];
  if (app.exceptionHandlers !== null) {
    const { deserialization, production } = app.exceptionHandlers;
    settings.push(
      {
        key: 'deserialization.exception.handler',
        value: deserialization,
        reason: 'the declared handler for records that cannot be deserialized (Kafka 4.0+ name, KIP-1056)',
      },
      { key: 'default.deserialization.exception.handler', value: deserialization, reason: 'the same, under its name before Kafka 4.0 (deprecated since)' },
      {
        key: 'production.exception.handler',
        value: production,
        reason: 'the declared handler for records that cannot be produced (Kafka 4.0+ name, KIP-1056)',
      },
      { key: 'default.production.exception.handler', value: production, reason: 'the same, under its name before Kafka 4.0 (deprecated since)' },
    );
  }
  return settings;
}
