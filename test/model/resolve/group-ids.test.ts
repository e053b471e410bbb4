import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import type { ConnectClusterInput, ConnectorInput, StreamsApplicationInput } from '../../../model/schema';
import { DOCUMENT_SINK as ANY_SINK, INDEXING } from './connect-fixtures';
import { DEV, ORDER_TOTALS, SEED, describeIssues, withDeclarations } from './helpers';

/** The fixture sink, typed as a sink so that its `groupId` can be set. */
const DOCUMENT_SINK = ANY_SINK as Extract<ConnectorInput, { type: 'sink' }>;

interface Clients {
  readonly streams?: StreamsApplicationInput[];
  readonly clusters?: ConnectClusterInput[];
  readonly connectors?: ConnectorInput[];
}
const declare = (c: Clients) =>
  withDeclarations({ streamsApplications: c.streams ?? [], connectClusters: c.clusters ?? [INDEXING], connectors: c.connectors ?? [] });

/** The issues about a shared group id, as `<construct path> <field> <code>: <message>`. */
function clashes(c: Clients): string[] {
  const result = resolve(declare(c), DEV);
  return result.issues
    .filter((i) => i.code === 'duplicate-group-id' || i.code === 'duplicate-application-id')
    .map((i) => `${i.source.path} ${i.path} ${i.code}: ${i.message}`);
}

describe('resolve: one group-id namespace for consumer groups, Streams applications, Connect workers and sink connectors', () => {
  it('accepts every kind when each has its own id (the defaults never collide)', () => {
    const result = resolve(declare({ streams: [ORDER_TOTALS], connectors: [DOCUMENT_SINK] }), DEV);
    expect(result.topology, describeIssues(result.issues)).not.toBeNull();
  });

  it.each<[string, Clients, string, string]>([
    [
      'a Streams application.id equal to a consumer group id',
      { streams: [{ ...ORDER_TOTALS, applicationId: 'orders.payment' }] },
      'dev/orders/order-totals applicationId duplicate-application-id',
      'of streams application orders.order-totals (dev/orders/order-totals) is also used by consumer group orders.payment (dev/orders/order-created/payment',
    ],
    [
      'a Streams application.id equal to a Connect worker group.id',
      { streams: [{ ...ORDER_TOTALS, applicationId: 'search.indexing' }] },
      'dev/search/indexing groupId duplicate-group-id',
      'group id "search.indexing" of connect cluster search.indexing (dev/search/indexing) is also used by streams application orders.order-totals (dev/orders/order-totals)',
    ],
    [
      'a Streams application.id equal to a sink connector group',
      { streams: [{ ...ORDER_TOTALS, applicationId: 'connect-document-index' }], connectors: [DOCUMENT_SINK] },
      'dev/search/indexing/document-index groupId duplicate-group-id',
      'of sink connector search.document-index (dev/search/indexing/document-index) is also used by streams application orders.order-totals (dev/orders/order-totals)',
    ],
    [
      'a Connect worker group.id equal to a consumer group id',
      { clusters: [{ ...INDEXING, groupId: 'orders.payment' }] },
      'dev/search/indexing groupId duplicate-group-id',
      'of connect cluster search.indexing (dev/search/indexing) is also used by consumer group orders.payment (dev/orders/order-created/payment',
    ],
    [
      'a sink connector group equal to its own Connect cluster group.id',
      { connectors: [{ ...DOCUMENT_SINK, groupId: 'search.indexing' }] },
      'dev/search/indexing/document-index groupId duplicate-group-id',
      'is also used by connect cluster search.indexing (dev/search/indexing)',
    ],
    [
      'a sink connector group equal to a consumer group id',
      { connectors: [{ ...DOCUMENT_SINK, groupId: 'search.indexer' }] },
      'dev/search/indexing/document-index groupId duplicate-group-id',
      'is also used by consumer group search.indexer',
    ],
    [
      'two Streams applications with one application.id',
      { streams: [ORDER_TOTALS, { ...ORDER_TOTALS, name: 'other', applicationId: 'orders.order-totals', source: { path: 'dev/orders/other' } }] },
      'dev/orders/other applicationId duplicate-application-id',
      'of streams application orders.other (dev/orders/other) is also used by streams application orders.order-totals (dev/orders/order-totals)',
    ],
  ])('fails on %s, naming both construct paths, once', (_, clients, where, message) => {
    const found = clashes(clients);
    expect(found, found.join('\n')).toHaveLength(1);
    expect(found[0]).toContain(where);
    expect(found[0]).toContain(message);
    expect(found[0]).toContain('a group id is global to the cluster');
  });

  it('reports every clash when three clients share one id, each against the first', () => {
    const found = clashes({
      streams: [{ ...ORDER_TOTALS, applicationId: 'shared' }],
      clusters: [{ ...INDEXING, groupId: 'shared' }],
      connectors: [{ ...DOCUMENT_SINK, groupId: 'shared' }],
    });
    expect(found).toHaveLength(2);
    for (const f of found) expect(f).toContain('is also used by streams application orders.order-totals (dev/orders/order-totals)');
  });

  it('leaves two consumer groups sharing an id to the consumer-group check (reported once, not twice)', () => {
    const [payment, ...rest] = SEED.consumerGroups;
    const result = resolve(withDeclarations({ consumerGroups: [payment, { ...(rest[0] as object), groupId: 'orders.payment' }, ...rest.slice(1)] }), DEV);
    expect(result.issues.filter((i) => i.code === 'duplicate-group-id')).toHaveLength(1);
  });
});
