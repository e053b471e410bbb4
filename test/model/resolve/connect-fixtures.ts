/** A Connect cluster, a sink and a source connector on the seed's search domain, shared by the Connect tests. */
import type { ConnectClusterInput, ConnectorInput } from '../../../model/schema';

export const INDEXING: ConnectClusterInput = {
  domain: 'search',
  name: 'indexing',
  service: 'search-connect',
  principal: 'User:search-connect',
  source: { path: 'dev/search/indexing' },
};

export const DOCUMENT_SINK: ConnectorInput = {
  type: 'sink',
  cluster: { domain: 'search', name: 'indexing' },
  name: 'document-index',
  connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  principal: 'User:document-index',
  topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
  idempotency: 'documents are upserted by id; a replay rewrites the same documents',
  source: { path: 'dev/search/indexing/document-index' },
};

/** A Debezium source connector writing the seed's search topic (at-least-once: `exactlyOnce` unset). */
export const CDC_SOURCE: Extract<ConnectorInput, { type: 'source' }> = {
  type: 'source',
  cluster: { domain: 'search', name: 'indexing' },
  name: 'catalog-cdc',
  connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
  principal: 'User:catalog-cdc',
  topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
  source: { path: 'dev/search/indexing/catalog-cdc' },
};
