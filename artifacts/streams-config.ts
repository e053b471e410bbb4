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

/**
 * The exception-handler keys of StreamsConfig under both spellings. KIP-1056 (Kafka 4.0) dropped the `default.` prefix:
 * `deserialization.exception.handler` and `production.exception.handler` are the names from 4.0 on, and
 * `default.deserialization.exception.handler` / `default.production.exception.handler` are deprecated since 4.0 (see
 * the 4.0 javadoc's deprecated list, "Since 4.0. Use StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG
 * instead", https://kafka.apache.org/40/javadoc/deprecated-list.html, and the Streams configuration reference,
 * docs/streams/developer-guide/config-streams: "default.deserialization.exception.handler (Deprecated. Use
 * deserialization.exception.handler instead.)"). Clients before 4.0 know only the `default.` names.
 *
 * topicform does not model the Kafka Streams client version an application runs (the environment models the brokers,
 * and one cluster serves clients of many versions), so the config carries both spellings with the same class: whichever
 * of the two a client reads, it gets the declared handler (an older client logs the new key as an unknown config).
 */
export const EXCEPTION_HANDLER_KEYS = {
  deserialization: { since40: 'deserialization.exception.handler', before40: 'default.deserialization.exception.handler' },
  production: { since40: 'production.exception.handler', before40: 'default.production.exception.handler' },
} as const;

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
  if (app.parallelism !== undefined) settings.push(streamThreads(app.parallelism));
  if (app.exceptionHandlers !== null) {
    const { deserialization, production } = app.exceptionHandlers;
    settings.push(
      {
        key: EXCEPTION_HANDLER_KEYS.deserialization.since40,
        value: deserialization,
        reason: 'the declared handler for records that cannot be deserialized (Kafka 4.0+ name, KIP-1056)',
      },
      {
        key: EXCEPTION_HANDLER_KEYS.deserialization.before40,
        value: deserialization,
        reason: 'the same, under its name before Kafka 4.0 (deprecated since)',
      },
      {
        key: EXCEPTION_HANDLER_KEYS.production.since40,
        value: production,
        reason: 'the declared handler for records that cannot be produced (Kafka 4.0+ name, KIP-1056)',
      },
      { key: EXCEPTION_HANDLER_KEYS.production.before40, value: production, reason: 'the same, under its name before Kafka 4.0 (deprecated since)' },
    );
  }
  return settings;
}

/**
 * `num.stream.threads` from the declared `parallelism`, written only when it is declared. Kafka Streams' default is 1,
 * so writing 1 for an application that declares nothing would look harmless, but the file is merged into the
 * application's own configuration: a team that sets its thread count there (and declared none) would have it
 * silently reset to 1 by a value no declaration stated. When `parallelism` is declared, the input topics' partitions
 * were sized for instances × threads (model/sizing/partitions.ts), so the config must run exactly that many threads
 * per instance, and `threadsPerInstance` (default 1) is written even when it is the default: it is then a declared
 * value the sizing relied on.
 */
function streamThreads(parallelism: { readonly instances: number; readonly threadsPerInstance: number }): Setting {
  const { instances, threadsPerInstance } = parallelism;
  const total = instances * threadsPerInstance;
  return {
    key: 'num.stream.threads',
    value: String(threadsPerInstance),
    reason: `declared parallelism: ${threadsPerInstance} thread${threadsPerInstance === 1 ? '' : 's'} per instance × ${instances} instance${instances === 1 ? '' : 's'} = ${total} at peak; input topics sized from throughput get a partition for each of the ${total} (Kafka Streams runs one task per input partition; a thread without one idles)`,
  };
}
