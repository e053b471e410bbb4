import type { Construct } from 'constructs';
import { z } from 'zod';
import { Domain, Duration, KafkaPrincipal, Replay, SideEffects } from '../constructs';

/** What every document-change event carries: the document it is about and the version that orders its changes. */
const DocumentChange = {
  documentId: z.string().min(1).describe('the record key'),
  version: z.iso.datetime().describe('version timestamp (UTC): the indexer skips an event older than the indexed version'),
};

/** A document was created or changed: its full latest state, so that compaction keeps everything a reindex needs. */
export const DocumentUpserted = z.object({
  ...DocumentChange,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  price: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable(),
});

/** A document was deleted. The catalog service may follow it with a tombstone, which has no value and so no schema. */
export const DocumentDeleted = z.object({ ...DocumentChange });

/**
 * Search: document-change events feeding the search index. A full reindex (reset offsets to the beginning) must stay
 * possible, so the topic is compacted by document id and keeps every document's latest state; tombstones outlive the
 * longest reindex so that deleted documents do not come back.
 */
export function search(scope: Construct): Domain {
  const domain = new Domain(scope, 'search', {
    owner: '@acme/search-team',
    description: 'Search indexing of catalog documents',
    recoveryProcedure: 'docs/runbooks/search.md',
  });

  const changed = domain.addEventTopic('document-changed', {
    description: 'A catalog document was created, updated or deleted (tombstone)',
    eventTypes: ['DocumentUpserted', 'DocumentDeleted'],
    key: {
      field: 'documentId',
      aggregate: 'document',
      reason: 'compaction keeps the latest state per document, and versions of one document stay in order',
      cardinality: 20_000_000,
    },
    throughput: { peakMessagesPerSecond: 500, averageMessageBytes: 4_096, maxConsumerInstances: 6 },
    replay: Replay.full({ longestReindex: Duration.hours(12) }),
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only; documents carry a version timestamp',
      schemas: { DocumentUpserted, DocumentDeleted },
    },
  });

  changed.grantProduce(KafkaPrincipal.user('catalog-service'), { service: 'catalog-service' });

  changed.addConsumerGroup('indexer', {
    service: 'search-indexer',
    principal: KafkaPrincipal.user('search-indexer'),
    idempotency: 'upsert by document id; an event whose version timestamp is older than the indexed one is skipped',
    replaySafety: {
      deterministic: true,
      sideEffects: SideEffects.guardedBy('index writes are upserts by document id that skip older versions; a full reindex rewrites the same documents'),
    },
    processingTimePerMessage: Duration.millis(20),
    maxProcessingLag: Duration.minutes(15),
  });

  // Orders are searchable too: the indexer reads the orders domain's events. Access to another domain's stream is its
  // owner's decision, so the subscription states why; the READ grant lands in the orders stack, the DLQ in this one.
  domain
    .addConsumerGroup('order-indexer', {
      service: 'search-indexer',
      principal: KafkaPrincipal.user('search-indexer'),
      idempotency: 'upsert by order id; replays overwrite the same search document',
      replaySafety: { deterministic: true, sideEffects: SideEffects.guardedBy('index writes are upserts by order id; a replay overwrites the same search document') },
      processingTimePerMessage: Duration.millis(2),
      maxProcessingLag: Duration.minutes(15),
    })
    .subscribe({ domain: 'orders', event: 'order-created' }, { reason: 'customer service searches orders by customer and status' });

  // The search team's Kafka Connect cluster: its config, offset and status topics are created here (compacted, with
  // Connect's partition counts), so its workers need no CREATE right. The Elasticsearch sink indexes every document
  // change; a record it cannot convert or write goes to its dead-letter topic instead of stopping the task.
  const connect = domain.addConnectCluster('indexing', {
    service: 'search-connect',
    principal: KafkaPrincipal.user('search-connect'),
  });
  connect.addSinkConnector('document-index', {
    connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
    principal: KafkaPrincipal.user('search-document-sink'),
    topics: [changed],
    tasksMax: 6,
    idempotency: 'documents are written by id (key.ignore=false): a redelivered or replayed change overwrites the same document',
    replaySafety: {
      deterministic: true,
      sideEffects: SideEffects.guardedBy('Elasticsearch writes are index requests by document id; a replay rewrites the same documents'),
    },
  });

  return domain;
}
