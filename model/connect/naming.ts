/** Names Connect declarations derive. Like DLQ names they are a contract: renaming later is a delete + create. */
import { CONNECT_SINK_GROUP_PREFIX, CONNECT_CLUSTER_TRANSACTIONAL_ID_PREFIX, type ConnectStorageKind } from './defaults';

const STORAGE_SUFFIX: Readonly<Record<ConnectStorageKind, string>> = { config: 'connect-configs', offset: 'connect-offsets', status: 'connect-status' };

/** `<prefix><domain>.<cluster>.connect-configs|connect-offsets|connect-status`. */
export function connectStorageTopicName(prefix: string, domain: string, cluster: string, kind: ConnectStorageKind): string {
  return `${prefix}${domain}.${cluster}.${STORAGE_SUFFIX[kind]}`;
}

/** `<prefix><domain>.<connector>.dlq`: one dead-letter topic per sink connector, as Connect has one per connector. */
export function connectorDeadLetterTopicName(prefix: string, domain: string, connector: string): string {
  return `${prefix}${domain}.${connector}.dlq`;
}

/** `connect-<connector>`: Kafka Connect's default consumer group of a sink connector. */
export function defaultSinkGroupId(connector: string): string {
  return `${CONNECT_SINK_GROUP_PREFIX}${connector}`;
}

/** `connect-cluster-<group.id>`: the worker leader's transactional id with exactly-once source support (KIP-618). */
export function workerTransactionalId(clusterGroupId: string): string {
  return `${CONNECT_CLUSTER_TRANSACTIONAL_ID_PREFIX}${clusterGroupId}`;
}

/**
 * `<group.id>-<connector>-`: the prefix of an exactly-once source connector's task transactional ids
 * (`<group.id>-<connector>-<taskId>`, KIP-618). The trailing `-` keeps connector `foo` from matching `foo-bar`'s ids.
 */
export function sourceTransactionalIdPrefix(clusterGroupId: string, connector: string): string {
  return `${clusterGroupId}-${connector}-`;
}

/**
 * The `connectorClass` import declares a sink connector with: a cluster does not record `connector.class` (that lives
 * in the Connect cluster's config topic, not in ACLs or topic configs). Lint's TF-CONNECT-006 keeps it from being
 * deployed: it reaches the connector JSON artifact, which Connect would reject.
 */
export const IMPORTED_CONNECTOR_CLASS = 'imported.UnknownConnectorClass';
