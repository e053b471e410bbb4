/**
 * The Connect problems resolve reports, each factory's whole Issue: the path names the field, the code is the stable id
 * the docs and suppressions use, the message names what clashed and where, and the hint says how to fix it.
 * test/model/resolve/connect.test.ts checks that resolve raises them; this checks what they say.
 */
import { describe, expect, it } from 'vitest';
import * as cm from '../../../model/connect/messages';

describe('Connect issue factories', () => {
  // Each factory is called inside the test (a thunk), not when the file is collected: Stryker credits a mutant's kill only
  // to the tests that run the mutated code.
  it.each([
    [
      'duplicateConnectCluster',
      () => cm.duplicateConnectCluster('indexing', 'search', 'dev/search/indexing'),
      {
        path: 'name',
        code: 'duplicate-connect-cluster',
        message: 'connect cluster "indexing" is declared twice in domain "search" (first at dev/search/indexing)',
      },
    ],
    [
      'duplicateConnector',
      () => cm.duplicateConnector('document-index', 'search.indexing', 'dev/a'),
      {
        path: 'name',
        code: 'duplicate-connector',
        message: 'connector "document-index" is declared twice on connect cluster "search.indexing" (first at dev/a); connector names are unique per cluster',
      },
    ],
    [
      'unknownConnectCluster',
      () => cm.unknownConnectCluster('search.indexing'),
      {
        path: 'cluster',
        code: 'unknown-connect-cluster',
        message: 'connect cluster "search.indexing" is not declared',
        hint: 'declare connectors with cluster.addSinkConnector / cluster.addSourceConnector',
      },
    ],
    [
      'duplicateConnectorTopic',
      () => cm.duplicateConnectorTopic('topics[1].topic', 'document-index', 'search/document-changed'),
      { path: 'topics[1].topic', code: 'duplicate-connector-topic', message: 'connector "document-index" names "search/document-changed" twice' },
    ],
    [
      'crossDomainConnectorWithoutReason',
      () => cm.crossDomainConnectorWithoutReason('topics[0].topic', 'document-index', 'reads', 'orders.order-created', 'orders'),
      {
        path: 'topics[0].topic',
        code: 'cross-domain-read-without-reason',
        message: 'connector "document-index" reads "orders.order-created" of domain "orders" without a stated reason',
        hint: "access to another domain's events is its owner's decision: give a reason",
      },
    ],
    [
      'exactlyOnceWithoutClusterSupport',
      () => cm.exactlyOnceWithoutClusterSupport('catalog-cdc', 'search.indexing'),
      {
        path: 'exactlyOnce',
        code: 'exactly-once-without-cluster-support',
        message:
          'source connector "catalog-cdc" asks for exactly-once delivery, but connect cluster "search.indexing" does not enable exactly-once source support',
        hint: 'set exactlyOnceSource: true on the connect cluster (exactly.once.source.support=enabled), or drop exactlyOnce',
      },
    ],
  ])('%s', (_name, issue, expected) => {
    expect(issue()).toEqual(expected);
  });

  it('explains the storage and dead-letter partition counts', () => {
    expect(cm.storagePartitions('offset', 25)).toBe("Kafka Connect's offset storage default: 25");
    expect(cm.connectorDeadLetterPartitions(2, 6)).toBe('6 dead-letter partitions, or fewer when the topics read have fewer: 2');
  });
});
