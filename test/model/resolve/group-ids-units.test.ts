/**
 * model/resolve/group-ids.ts unit by unit: which claims clash, where each declaration is named (file and line when
 * known) and the hint per kind of the later claim (issue 28, mutation pass). Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { Collector } from '../../../model/resolve/collect';
import { checkGroupIdNamespace } from '../../../model/resolve/group-ids';
import type { SourceLocation } from '../../../model/schema';
import type { ResolvedConnectCluster, ResolvedConnector, ResolvedConsumerGroup, ResolvedStreamsApplication } from '../../../model/topology';

// Only the fields checkGroupIdNamespace reads: domain, name, the group id and the source.
const client = (domain: string, name: string, source: SourceLocation) => ({ domain, name, source });
const group = (id: string, source: SourceLocation) => ({ ...client('orders', 'payment', source), groupId: id }) as unknown as ResolvedConsumerGroup;
const app = (id: string, source: SourceLocation) => ({ ...client('orders', 'totals', source), applicationId: id }) as unknown as ResolvedStreamsApplication;
const cluster = (id: string, source: SourceLocation) => ({ ...client('search', 'indexing', source), groupId: id }) as unknown as ResolvedConnectCluster;
const connector = (name: string, id: string | null, source: SourceLocation) =>
  ({ ...client('search', name, source), groupId: id }) as unknown as ResolvedConnector;

const GROUP_AT = { path: 'dev/orders/payment', file: 'decl/orders.ts', line: 7 };

function check(groups: ResolvedConsumerGroup[], streams: ResolvedStreamsApplication[], clusters: ResolvedConnectCluster[], connectors: ResolvedConnector[]) {
  const out = new Collector();
  checkGroupIdNamespace(groups, streams, clusters, connectors, out);
  return out.issues;
}

describe('checkGroupIdNamespace', () => {
  it('names both declarations, with file and line when known, and the hint for any two of them', () => {
    const issues = check([group('shared', GROUP_AT)], [], [cluster('shared', { path: 'dev/search/indexing' })], []);
    expect(issues).toEqual([
      {
        source: { path: 'dev/search/indexing' },
        path: 'groupId',
        code: 'duplicate-group-id',
        message:
          'group id "shared" of connect cluster search.indexing (dev/search/indexing) is also used by consumer group orders.payment ' +
          '(dev/orders/payment, decl/orders.ts:7); a group id is global to the cluster, so the two would share one consumer group and its offsets',
        hint: 'give one of them another name or groupId',
      },
    ]);
  });

  it("gives a Streams application's hint and a sink connector's hint", () => {
    const issues = check(
      [group('shared', GROUP_AT)],
      [app('shared', { path: 'dev/orders/totals' })],
      [],
      [connector('sink', 'shared', { path: 'dev/search/sink' })],
    );
    expect(issues.map((i) => `${i.source.path} ${i.path} ${i.code} ${i.hint}`)).toEqual([
      'dev/orders/totals applicationId duplicate-application-id give the application another name or applicationId',
      'dev/search/sink groupId duplicate-group-id give the connector another name or groupId (consumer.override.group.id)',
    ]);
  });

  it('lets connectors without a group (source connectors) be, however many', () => {
    expect(check([], [], [], [connector('a', null, { path: 'dev/search/a' }), connector('b', null, { path: 'dev/search/b' })])).toEqual([]);
  });
});
