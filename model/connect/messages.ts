/** Every problem resolve reports about Connect declarations, as factories (STYLE.md convention 7). */
import type { Issue } from '../issues';

export const duplicateConnectCluster = (name: string, domain: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-connect-cluster',
  message: `connect cluster "${name}" is declared twice in domain "${domain}" (first at ${first})`,
});

export const duplicateConnector = (name: string, cluster: string, first: string): Issue => ({
  path: 'name',
  code: 'duplicate-connector',
  message: `connector "${name}" is declared twice on connect cluster "${cluster}" (first at ${first}); connector names are unique per cluster`,
});

export const unknownConnectCluster = (cluster: string): Issue => ({
  path: 'cluster',
  code: 'unknown-connect-cluster',
  message: `connect cluster "${cluster}" is not declared`,
  hint: 'declare connectors with cluster.addSinkConnector / cluster.addSourceConnector',
});

export const duplicateConnectorTopic = (path: string, connector: string, topic: string): Issue => ({
  path,
  code: 'duplicate-connector-topic',
  message: `connector "${connector}" names "${topic}" twice`,
});

export const crossDomainConnectorWithoutReason = (path: string, connector: string, verb: 'reads' | 'writes', topic: string, domain: string): Issue => ({
  path,
  code: 'cross-domain-read-without-reason',
  message: `connector "${connector}" ${verb} "${topic}" of domain "${domain}" without a stated reason`,
  hint: `access to another domain's events is its owner's decision: give a reason`,
});

export const exactlyOnceWithoutClusterSupport = (connector: string, cluster: string): Issue => ({
  path: 'exactlyOnce',
  code: 'exactly-once-without-cluster-support',
  message: `source connector "${connector}" asks for exactly-once delivery, but connect cluster "${cluster}" does not enable exactly-once source support`,
  hint: 'set exactlyOnceSource: true on the connect cluster (exactly.once.source.support=enabled), or drop exactlyOnce',
});

export const storagePartitions = (kind: string, count: number): string => `Kafka Connect's ${kind} storage default: ${count}`;

export const connectorDeadLetterPartitions = (count: number, standard: number): string =>
  `${standard} dead-letter partitions, or fewer when the topics read have fewer: ${count}`;
