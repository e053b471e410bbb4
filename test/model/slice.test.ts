/**
 * A stack's slice of a Topology (model/slice.ts) for the parts test/model/small-modules.test.ts leaves out: SCRAM
 * credentials, Kafka Connect clusters and connectors, Kafka Streams applications, and the one-domain cut being the
 * index's own lists. Each slice is worked by hand from the fixture below: a part belongs to the slice when its
 * `domain` is one of the slice's domains; a list the slice holds nothing of is left out (credentials, Streams
 * applications) or, for Connect, `connect` is undefined. Fixtures are built inside each test so that Stryker credits
 * the kills (docs/testing.md, fifth pass).
 */
import { describe, expect, it } from 'vitest';
import { domainPart, sliceTopology } from '../../model/slice';
import type { Topology } from '../../model/topology';

/**
 * Three domains: orders holds a SCRAM credential, a Streams application and a Connect cluster without connectors;
 * search holds a connector (on orders' cluster) and no cluster, no credential, no Streams application; billing holds a
 * credential and a Streams application only. Only the fields slicing reads.
 */
function topology(): Topology {
  return {
    environment: { name: 'prod' },
    domains: [{ name: 'orders' }, { name: 'search' }, { name: 'billing' }],
    topics: [
      { name: 'orders.a', domain: 'orders' },
      { name: 'search.a', domain: 'search' },
    ],
    consumerGroups: [],
    producers: [],
    acls: [],
    scramCredentials: [
      { principal: 'User:o', domain: 'orders' },
      { principal: 'User:b', domain: 'billing' },
    ],
    connect: {
      clusters: [{ name: 'orders-connect', domain: 'orders' }],
      connectors: [{ name: 'search-sink', domain: 'search' }],
    },
    streamsApplications: [
      { name: 'orders-enricher', domain: 'orders' },
      { name: 'billing-totals', domain: 'billing' },
    ],
  } as unknown as Topology;
}

/** The same Topology with no credentials, no Connect and no Streams applications (keys absent, as resolve writes it). */
function bare(): Topology {
  const { scramCredentials: _c, connect: _k, streamsApplications: _s, ...rest } = topology();
  void _c;
  void _k;
  void _s;
  return rest;
}

const summary = (t: Topology) => ({
  credentials: t.scramCredentials?.map((c) => c.principal),
  clusters: t.connect?.clusters.map((c) => c.name),
  connectors: t.connect?.connectors.map((c) => c.name),
  streams: t.streamsApplications?.map((a) => a.name),
  keys: Object.keys(t)
    .filter((k) => (t as unknown as Record<string, unknown>)[k] !== undefined)
    .sort(),
});

const ALWAYS = ['acls', 'consumerGroups', 'domains', 'environment', 'producers', 'topics'];

describe('sliceTopology: credentials, Connect and Streams applications', () => {
  it('cuts one domain: its credential, its Streams application, its cluster with no connectors', () => {
    expect(summary(sliceTopology(topology(), new Set(['orders'])))).toEqual({
      credentials: ['User:o'],
      clusters: ['orders-connect'],
      connectors: [],
      streams: ['orders-enricher'],
      keys: [...ALWAYS, 'connect', 'scramCredentials', 'streamsApplications'].sort(),
    });
  });

  it('keeps a connector whose domain has no cluster, and leaves out the credentials and Streams applications it lacks', () => {
    expect(summary(sliceTopology(topology(), new Set(['search'])))).toEqual({
      credentials: undefined,
      clusters: [],
      connectors: ['search-sink'],
      streams: undefined,
      keys: [...ALWAYS, 'connect'].sort(),
    });
  });

  it('gives a domain with no Connect part no connect value, and keeps its credential and Streams application', () => {
    expect(summary(sliceTopology(topology(), new Set(['billing'])))).toEqual({
      credentials: ['User:b'],
      clusters: undefined,
      connectors: undefined,
      streams: ['billing-totals'],
      keys: [...ALWAYS, 'scramCredentials', 'streamsApplications'].sort(),
    });
  });

  it('gives a domain the Topology lacks none of the three', () => {
    expect(summary(sliceTopology(topology(), new Set(['nope'])))).toEqual({
      credentials: undefined,
      clusters: undefined,
      connectors: undefined,
      streams: undefined,
      keys: ALWAYS,
    });
  });

  it('cuts several domains by filtering the same way', () => {
    expect(summary(sliceTopology(topology(), new Set(['orders', 'billing'])))).toEqual({
      credentials: ['User:o', 'User:b'],
      clusters: ['orders-connect'],
      connectors: [],
      streams: ['orders-enricher', 'billing-totals'],
      keys: [...ALWAYS, 'connect', 'scramCredentials', 'streamsApplications'].sort(),
    });
    expect(summary(sliceTopology(topology(), new Set(['search', 'nope'])))).toEqual({
      credentials: undefined,
      clusters: [],
      connectors: ['search-sink'],
      streams: undefined,
      keys: [...ALWAYS, 'connect'].sort(),
    });
    expect(summary(sliceTopology(topology(), new Set(['nope', 'other'])))).toEqual({
      credentials: undefined,
      clusters: undefined,
      connectors: undefined,
      streams: undefined,
      keys: ALWAYS,
    });
  });

  it('holds none of the three when the Topology has none, with one domain or several', () => {
    for (const domains of [['orders'], ['orders', 'billing']]) {
      expect(summary(sliceTopology(bare(), new Set(domains)))).toEqual({
        credentials: undefined,
        clusters: undefined,
        connectors: undefined,
        streams: undefined,
        keys: ALWAYS,
      });
    }
  });

  it("cuts one domain from the index: the slice's lists are the index's own", () => {
    const t = topology();
    const part = domainPart(t, 'orders');
    const slice = sliceTopology(t, new Set(['orders']));
    expect(slice.topics).toBe(part.topics);
    expect(slice.domains).toBe(part.domains);
    expect(slice.scramCredentials).toBe(part.scramCredentials);
  });

  it('indexes a domain without credentials with an empty list of them', () => {
    expect(domainPart(topology(), 'search').scramCredentials).toEqual([]);
    expect(domainPart(topology(), 'search').topics.map((x) => x.name)).toEqual(['search.a']);
    expect(domainPart(bare(), 'orders').scramCredentials).toEqual([]);
    expect(domainPart(bare(), 'orders').quotas).toEqual([]);
  });
});
