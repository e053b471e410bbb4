/**
 * A Topology with every client kind, for the view tests (graphs, AsyncAPI, Backstage, catalog pages, access report): the
 * seed's producers and consumer groups, a Kafka Streams application of search reading orders' events (cross-domain,
 * with a reason) and writing search's documents, with a changelog store and repartition topics, and search's Connect
 * cluster with a sink connector (its DLQ) and a source connector.
 */
import { resolve } from '../../model/resolve';
import type { ConnectorInput, EnvironmentInput, StreamsApplicationInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { DOCUMENT_SINK, INDEXING } from '../model/resolve/connect-fixtures';
import { DEV, SEED } from '../model/resolve/helpers';

export const STREAMS_REASON = 'order documents are built from created orders';

export const ORDER_DOCUMENTS: StreamsApplicationInput = {
  domain: 'search',
  name: 'order-documents',
  service: 'order-documents',
  principal: 'User:order-documents',
  inputs: [{ topic: { domain: 'orders', event: 'order-created' }, reason: STREAMS_REASON }],
  outputs: [{ topic: { domain: 'search', event: 'document-changed' } }],
  processingGuarantee: 'exactly_once_v2',
  stateStores: [{ name: 'latest-order' }],
  repartitions: true,
  source: { path: 'dev/search/order-documents' },
};

export const CATALOG_SOURCE: ConnectorInput = {
  type: 'source',
  cluster: { domain: 'search', name: 'indexing' },
  name: 'catalog-source',
  connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
  topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
  tasksMax: 1,
  source: { path: 'dev/search/indexing/catalog-source' },
};

/** The seed with a Streams application, a sink and a source connector. */
export function everyClientTopology(env: EnvironmentInput = DEV, extra: { streams?: StreamsApplicationInput[]; connectors?: ConnectorInput[] } = {}): Topology {
  const result = resolve(
    {
      ...SEED,
      streamsApplications: extra.streams ?? [ORDER_DOCUMENTS],
      connectClusters: [INDEXING],
      connectors: extra.connectors ?? [{ ...DOCUMENT_SINK, tasksMax: 6 }, CATALOG_SOURCE],
    },
    env,
  );
  if (result.topology === null) throw new Error(result.issues.map((i) => `${i.source.path} › ${i.message}`).join('\n'));
  return result.topology;
}
