/**
 * A stack's slice of an environment's Topology: what it holds when stacks are split per domain. The shape is the same,
 * so review reads a slice exactly like a whole topology.
 */
import type { Topology } from './topology';

export function sliceTopology(topology: Topology, domains: ReadonlySet<string> | undefined): Topology {
  if (domains === undefined) return topology;
  return {
    ...topology,
    domains: topology.domains.filter((d) => domains.has(d.name)),
    topics: topology.topics.filter((t) => domains.has(t.domain)),
    consumerGroups: topology.consumerGroups.filter((g) => domains.has(g.domain)),
    producers: topology.producers.filter((p) => domains.has(p.topic.domain)),
    acls: topology.acls.filter((a) => domains.has(a.domain)),
    ...(topology.quotas === undefined ? {} : { quotas: topology.quotas.filter((q) => domains.has(q.domain)) }),
  };
}

/** Stack names: `<env>` for the environment layout, `<env>-<domain>` for the domain layout. */
export function stackName(environment: string, layout: 'environment' | 'domain', domain?: string): string {
  return layout === 'environment' || domain === undefined ? environment : `${environment}-${domain}`;
}
