/**
 * Kafka Connect's own numbers, in one place. Like kafka-defaults.ts these are Apache Kafka's facts, not topicform's
 * choices: they change only when Kafka Connect changes them.
 *
 * Sources:
 * - Apache Kafka, "Kafka Connect › User Guide › Running Kafka Connect" (docs/kafka-connect/user-guide.md): the config
 *   topic "should have a single partition, be replicated, and be configured for compaction"; the offsets topic "many
 *   partitions … compaction"; the status topic "can have multiple partitions … compaction".
 * - Apache Kafka, `org.apache.kafka.connect.runtime.distributed.DistributedConfig`: `offset.storage.partitions`
 *   defaults to 25 and `status.storage.partitions` to 5 (the partitions Connect gives the topics it creates itself).
 */

/** The three storage topics of a distributed Connect cluster, as Connect's worker configs name them. */
export const CONNECT_STORAGE_KINDS = ['config', 'offset', 'status'] as const;
export type ConnectStorageKind = (typeof CONNECT_STORAGE_KINDS)[number];

/**
 * Partitions of each storage topic. The config topic must have exactly one partition: Connect relies on the total
 * order of connector configurations and refuses a config topic with more.
 */
export const CONNECT_STORAGE_PARTITIONS: Readonly<Record<ConnectStorageKind, number>> = { config: 1, offset: 25, status: 5 };

/** The worker config key naming each storage topic, and the keys for its partitions and replication factor. */
export const CONNECT_STORAGE_WORKER_KEYS: Readonly<Record<ConnectStorageKind, { topic: string; partitions?: string; replicationFactor: string }>> = {
  config: { topic: 'config.storage.topic', replicationFactor: 'config.storage.replication.factor' },
  offset: { topic: 'offset.storage.topic', partitions: 'offset.storage.partitions', replicationFactor: 'offset.storage.replication.factor' },
  status: { topic: 'status.storage.topic', partitions: 'status.storage.partitions', replicationFactor: 'status.storage.replication.factor' },
};

/** Storage topics are compacted: Connect keeps the latest value per key (connector config, source offset, task status). */
export const CONNECT_STORAGE_CLEANUP_POLICY = 'compact';

/** A sink connector's consumer group when it declares none: `connect-<connector>` (Kafka Connect's default). */
export const CONNECT_SINK_GROUP_PREFIX = 'connect-';

/** The transactional id a worker leader uses with exactly-once source support: `connect-cluster-<group.id>` (KIP-618). */
export const CONNECT_CLUSTER_TRANSACTIONAL_ID_PREFIX = 'connect-cluster-';
