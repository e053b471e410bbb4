/**
 * How many Terraform resources each stack of an environment holds: the count that decides how long every plan takes
 * (terraform refreshes each resource in the state). Computed from the Topology and the stack layout, with the same
 * rules the constructs render by: one `kafka_topic` per topic, one `kafka_acl` per ACL, one `kafka_quota` per
 * principal with at least one rate, one `kafka_user_scram_credential` per SCRAM credential.
 */
import { hasRates } from './quota';
import { stackName } from './slice';
import { compare } from './compare';
import type { Topology } from './topology';
import type { StackLayout } from './schema/environment';

export interface StackResources {
  /** The stack's name, as synth names it (`<env>` or `<env>-<domain>`). */
  readonly stack: string;
  /** The domains the stack holds, sorted. */
  readonly domains: readonly string[];
  readonly topics: number;
  readonly acls: number;
  readonly quotas: number;
  /** `kafka_user_scram_credential` resources. */
  readonly credentials: number;
  readonly total: number;
}

/** Resource counts per stack, sorted by stack name. */
export function stackResources(topology: Topology, layout: StackLayout): StackResources[] {
  type Count = { domains: Set<string>; topics: number; acls: number; quotas: number; credentials: number };
  const counts = new Map<string, Count>();
  const of = (domain: string): Count => {
    const name = stackName(topology.environment.name, layout, domain);
    let entry = counts.get(name);
    if (entry === undefined) counts.set(name, (entry = { domains: new Set(), topics: 0, acls: 0, quotas: 0, credentials: 0 }));
    entry.domains.add(domain);
    return entry;
  };
  for (const d of topology.domains) of(d.name);
  for (const t of topology.topics) of(t.domain).topics += 1;
  for (const a of topology.acls) of(a.domain).acls += 1;
  for (const q of topology.quotas ?? []) if (hasRates(q)) of(q.domain).quotas += 1;
  for (const c of topology.scramCredentials ?? []) of(c.domain).credentials += 1;
  return [...counts.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([stack, c]) => ({
      stack,
      domains: [...c.domains].sort(),
      topics: c.topics,
      acls: c.acls,
      quotas: c.quotas,
      credentials: c.credentials,
      total: c.topics + c.acls + c.quotas + c.credentials,
    }));
}
