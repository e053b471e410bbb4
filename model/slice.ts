/**
 * A stack's slice of an environment's Topology: what it holds when stacks are split per domain. The shape is the same,
 * so review reads a slice exactly like a whole topology.
 */
import type { Topology } from './topology';

export function sliceTopology(topology: Topology, domains: ReadonlySet<string> | undefined): Topology {
  if (domains === undefined) return topology;
  // The whole environment's credentials and Streams applications are replaced by the slice's (or left out), below.
  const { scramCredentials: _credentials, streamsApplications: _apps, ...whole } = topology;
  void _credentials;
  void _apps;
  if (domains.size === 1) {
    // One domain per stack (layout `domain`): cut from an index built once per Topology, not by filtering every list
    // once per stack (O(stacks × resources): seconds at 10,000 topics in 67 stacks). Same lists, same order.
    const [domain] = domains;
    const part = byDomain(topology).get(domain as string);
    return {
      ...whole,
      domains: part?.domains ?? [],
      topics: part?.topics ?? [],
      consumerGroups: part?.consumerGroups ?? [],
      producers: part?.producers ?? [],
      acls: part?.acls ?? [],
      ...(topology.quotas === undefined ? {} : { quotas: part?.quotas ?? [] }),
      ...scramPart(part?.scramCredentials ?? []),
      ...sliceConnect(topology, domains),
      ...streamsSlice(topology, (d) => d === domain),
    };
  }
  return {
    ...whole,
    domains: topology.domains.filter((d) => domains.has(d.name)),
    topics: topology.topics.filter((t) => domains.has(t.domain)),
    consumerGroups: topology.consumerGroups.filter((g) => domains.has(g.domain)),
    producers: topology.producers.filter((p) => domains.has(p.topic.domain)),
    acls: topology.acls.filter((a) => domains.has(a.domain)),
    ...(topology.quotas === undefined ? {} : { quotas: topology.quotas.filter((q) => domains.has(q.domain)) }),
    ...scramPart((topology.scramCredentials ?? []).filter((c) => domains.has(c.domain))),
    ...sliceConnect(topology, domains),
    ...streamsSlice(topology, (d) => domains.has(d)),
  };
}

/** A slice states SCRAM credentials only when it holds some, as a whole Topology does. */
function scramPart(credentials: NonNullable<Topology['scramCredentials']>): Pick<Topology, 'scramCredentials'> {
  return credentials.length === 0 ? {} : { scramCredentials: credentials };
}

/** The Connect clusters and connectors of `domains`; no `connect` key when they hold none (a slice without Connect is unchanged). */
function sliceConnect(topology: Topology, domains: ReadonlySet<string>): { connect?: NonNullable<Topology['connect']> } {
  if (topology.connect === undefined) return { connect: undefined };
  const clusters = topology.connect.clusters.filter((c) => domains.has(c.domain));
  const connectors = topology.connect.connectors.filter((c) => domains.has(c.domain));
  // `connect: undefined` overrides the whole Topology's value; canonical JSON leaves an undefined key out.
  return clusters.length === 0 && connectors.length === 0 ? { connect: undefined } : { connect: { clusters, connectors } };
}

/** The Streams applications of the slice's domains; the key is left out when none, as resolve leaves it out. */
function streamsSlice(topology: Topology, inSlice: (domain: string) => boolean): Pick<Topology, 'streamsApplications'> {
  const apps = (topology.streamsApplications ?? []).filter((a) => inSlice(a.domain));
  return apps.length === 0 ? {} : { streamsApplications: apps };
}

interface DomainPart {
  domains: Topology['domains'][number][];
  topics: Topology['topics'][number][];
  consumerGroups: Topology['consumerGroups'][number][];
  producers: Topology['producers'][number][];
  acls: Topology['acls'][number][];
  quotas: NonNullable<Topology['quotas']>[number][];
  scramCredentials: NonNullable<Topology['scramCredentials']>[number][];
}

const indexes = new WeakMap<Topology, Map<string, DomainPart>>();

/** What one domain of a Topology owns, each list in Topology order (a producer belongs to its topic's domain). */
export type DomainContents = { readonly [K in keyof DomainPart]: ReadonlyArray<DomainPart[K][number]> };

const NOTHING: DomainContents = { domains: [], topics: [], consumerGroups: [], producers: [], acls: [], quotas: [], scramCredentials: [] };

/** What `domain` owns in `topology`, from an index built once per Topology; empty lists for a domain it lacks. */
export function domainPart(topology: Topology, domain: string): DomainContents {
  return byDomain(topology).get(domain) ?? NOTHING;
}

function byDomain(topology: Topology): Map<string, DomainPart> {
  const known = indexes.get(topology);
  if (known !== undefined) return known;
  const parts = new Map<string, DomainPart>();
  const part = (domain: string): DomainPart => {
    let p = parts.get(domain);
    if (p === undefined) parts.set(domain, (p = { domains: [], topics: [], consumerGroups: [], producers: [], acls: [], quotas: [], scramCredentials: [] }));
    return p;
  };
  for (const d of topology.domains) part(d.name).domains.push(d);
  for (const t of topology.topics) part(t.domain).topics.push(t);
  for (const g of topology.consumerGroups) part(g.domain).consumerGroups.push(g);
  for (const p of topology.producers) part(p.topic.domain).producers.push(p);
  for (const a of topology.acls) part(a.domain).acls.push(a);
  for (const q of topology.quotas ?? []) part(q.domain).quotas.push(q);
  for (const c of topology.scramCredentials ?? []) part(c.domain).scramCredentials.push(c);
  indexes.set(topology, parts);
  return parts;
}

/** Stack names: `<env>` for the environment layout, `<env>-<domain>` for the domain layout. */
export function stackName(environment: string, layout: 'environment' | 'domain', domain?: string): string {
  return layout === 'environment' || domain === undefined ? environment : `${environment}-${domain}`;
}
