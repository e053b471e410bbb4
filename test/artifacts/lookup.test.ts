/**
 * The per-Topology indexes the renderers look things up in (artifacts/lookup.ts): what the group and per-domain
 * indexes return, worked out from the every-client fixture's declarations (./every-client-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { lookup } from '../../artifacts/lookup';
import type { Topology } from '../../model/topology';
import { everyClientTopology } from './every-client-fixture';

const topology = everyClientTopology();

describe('lookup', () => {
  it('finds a consumer group by its group id (`<domain>.<name>` when none is declared)', () => {
    expect(lookup(topology).consumerGroup('orders.payment')?.service).toBe('payment-service');
    expect(lookup(topology).consumerGroup('search.indexer')?.service).toBe('indexer');
    expect(lookup(topology).consumerGroup('orders.missing')).toBeUndefined();
  });

  it('keeps the first group of an id, as a search of the list would', () => {
    const [first] = topology.consumerGroups;
    if (first === undefined) throw new Error('the fixture has consumer groups');
    const twice: Topology = { ...topology, consumerGroups: [...topology.consumerGroups, { ...first, service: 'second-service' }] };
    expect(lookup(twice).consumerGroup(first.groupId)?.service).toBe(first.service);
  });

  it("lists a domain's Streams applications, Connect clusters and connectors, and nothing for a domain without any", () => {
    const search = lookup(topology).otherClientsOf('search');
    expect(search.apps.map((a) => a.applicationId)).toEqual(['search.order-documents']);
    expect(search.clusters.map((c) => c.groupId)).toEqual(['search.indexing']);
    expect(search.connectors.map((k) => `${k.type} ${k.name}`)).toEqual(['source catalog-source', 'sink document-index']);
    expect(lookup(topology).otherClientsOf('orders')).toEqual({ apps: [], clusters: [], connectors: [] });
    expect(lookup(topology).otherClientsOf('no-such-domain')).toEqual({ apps: [], clusters: [], connectors: [] });
  });
});
