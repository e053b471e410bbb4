/**
 * Amazon MSK IAM grants for the access modules: on an `aws-iam` environment the principals' access is their IAM
 * policies (topology.json `mskIam`), not Kafka ACLs, so the access report and the access diff read these beside the
 * ACLs. Each grant carries the domain that owns its resource (for the owner who approves and the stack) and the
 * declarations that need it, derived per grant as the policies are (model/msk-iam/reasons.ts). Pure.
 */
import { connectTopics } from '../model/resolve/connect';
import { principalUses } from '../model/quota';
import { iamGrantId, iamGrantsOf, type IamGrant } from '../model/msk-iam/grants';
import { grantsOfTopology, iamGrantReasons } from '../model/msk-iam/reasons';
import type { MskIamResourceType } from '../model/msk-iam/actions';
import type { Topology } from '../model/topology';
import type { AclResourceType } from '../model/vocabulary';

export interface AccessIamGrant extends IamGrant {
  /** model/msk-iam/grants.ts iamGrantId. */
  readonly id: string;
  /** The Kafka resource type the IAM resource type names (`Cluster` for the cluster). */
  readonly aclType: AclResourceType;
  /** The domain that owns the resource; null for the cluster, or when no declaration of the Topology owns it. */
  readonly domain: string | null;
  /** The declarations that need this grant (model/msk-iam/reasons.ts); empty when none does. */
  readonly why: readonly string[];
}

/** The Kafka resource type of each MSK IAM resource type (model/msk-iam/actions.ts ACL_TO_IAM, read backwards). */
export const ACL_TYPE_OF: Readonly<Record<MskIamResourceType, AclResourceType>> = {
  cluster: 'Cluster',
  topic: 'Topic',
  group: 'Group',
  'transactional-id': 'TransactionalID',
};

const cache = new WeakMap<Topology, AccessIamGrant[]>();

/** Every MSK IAM grant of a Topology (none without `mskIam`), sorted by id; computed once per Topology. */
export function iamAccessGrants(t: Topology): AccessIamGrant[] {
  const known = cache.get(t);
  if (known !== undefined) return known;
  const owners = resourceOwners(t);
  const reasons = t.mskIam === undefined ? new Map<string, string[]>() : iamGrantReasons(grantsOfTopology(t));
  const grants = iamGrantsOf(t.mskIam).map((g): AccessIamGrant => {
    const id = iamGrantId(g);
    return { ...g, id, aclType: ACL_TYPE_OF[g.resource.type], domain: owners(g), why: reasons.get(id) ?? [] };
  });
  cache.set(t, grants);
  return grants;
}

/** Who owns a grant's resource: the topic's domain, the consumer group's (or Streams application's, Connect's), the transactional producer's. */
function resourceOwners(t: Topology): (g: IamGrant) => string | null {
  const topics = new Map([...t.topics, ...connectTopics(t.connect)].map((x) => [x.name, x.domain]));
  const groups = new Map<string, string>([
    ...t.consumerGroups.map((g): [string, string] => [g.groupId, g.domain]),
    ...(t.streamsApplications ?? []).map((a): [string, string] => [a.applicationId, a.domain]),
    ...(t.connect?.clusters ?? []).map((c): [string, string] => [c.groupId, c.domain]),
    ...(t.connect?.connectors ?? []).flatMap((k): Array<[string, string]> => (k.groupId === null ? [] : [[k.groupId, k.domain]])),
  ]);
  const prefixes = new Map<string, string>([
    ...t.producers.flatMap((p): Array<[string, string]> => (p.transactionalIdPrefix === null ? [] : [[p.transactionalIdPrefix, p.topic.domain]])),
    ...(t.streamsApplications ?? []).map((a): [string, string] => [a.internalPrefix, a.domain]),
  ]);
  // Cluster-wide actions (Connect, WriteDataIdempotently) serve every client of the principal: the domain of its
  // clients approves them (the first by name when it has clients in several).
  const others = [...(t.connect?.clusters ?? []), ...(t.connect?.connectors ?? []), ...(t.streamsApplications ?? [])];
  const uses = principalUses(t.consumerGroups, t.producers, others);
  return (g) => {
    const { type, name, prefix } = g.resource;
    if (type === 'cluster') return [...(uses.get(g.principal)?.domains ?? [])].sort()[0] ?? null;
    const exact = type === 'topic' ? topics.get(name) : type === 'group' ? groups.get(name) : undefined;
    if (exact !== undefined && !prefix) return exact;
    if (prefix && prefixes.has(name)) return prefixes.get(name) ?? null;
    // A domain prefix (acl.patterns): the domain of the first declared name under it.
    const under = [...(type === 'group' ? groups : topics).entries()].find(([n]) => n.startsWith(name));
    return under?.[1] ?? null;
  };
}
