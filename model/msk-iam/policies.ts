/**
 * Per principal, the Amazon MSK IAM policy its declared grants need. Pure: resolved declarations in, policies out.
 *
 * The grants are the same facts the Kafka ACLs come from: the ACL derivation (model/acl.ts with Kafka Streams and
 * Kafka Connect) runs once more, and each binding becomes the IAM actions of its row in ./actions.ts, on the topic,
 * group, transactional id or cluster it names — Literal as the name itself, Prefixed as the name followed by `*`, the
 * documented prefix form. Two choices differ from the ACLs, both because MSK IAM access control differs from Kafka's
 * authorizer:
 * - WriteDataIdempotently goes to every principal that writes (WriteData) with an idempotent producer, because the MSK
 *   documentation lists it for idempotent producers ("Produce data idempotently", ./actions.ts) whatever the broker
 *   version, and Kafka clients from 3.0 on are idempotent unless told otherwise (KIP-679) — Streams applications,
 *   Connect's producers, consumer groups writing retry and dead-letter topics. Only a principal whose every write comes
 *   from a producer declared `idempotent: false` goes without it;
 * - DESCRIBE is never a separate grant: DescribeTopic comes with every ReadData and WriteData, as the documentation
 *   requires.
 * Every principal gets `kafka-cluster:Connect` on the cluster. No wildcard is ever produced beyond a declared prefix:
 * resource names are Kafka names ([A-Za-z0-9._-], checked again here) and never empty except the cluster's.
 */
import { deriveAcls, type TopicOwners } from '../acl';
import { connectAclNeeds } from '../connect/acl';
import { compare } from '../compare';
import type {
  MskIamResource,
  MskIamStatement,
  ResolvedConnect,
  ResolvedConsumerGroup,
  ResolvedAcl,
  ResolvedMskIamPolicy,
  ResolvedProducer,
  ResolvedStreamsApplication,
} from '../topology';
import type { AclPatternMode } from '../vocabulary';
import { CONNECT, iamFor, type MskIamAction } from './actions';

const WRITE_DATA: MskIamAction = 'kafka-cluster:WriteData';
const WRITE_DATA_IDEMPOTENTLY: MskIamAction = 'kafka-cluster:WriteDataIdempotently';

export interface MskIamGrants {
  readonly consumerGroups: readonly ResolvedConsumerGroup[];
  readonly producers: readonly ResolvedProducer[];
  readonly streamsApplications: readonly ResolvedStreamsApplication[];
  readonly connect: ResolvedConnect | undefined;
  /** Topic domains by topic name (event topics, companions, Connect's own). */
  readonly owners: TopicOwners;
  /** The environment's ACL pattern mode: a domain prefix becomes a prefix ARN. @default 'literal' */
  readonly patterns?: AclPatternMode;
  readonly topicPrefix?: string;
}

/** A Kafka resource name an ARN may carry literally: IAM's wildcards `*` and `?` and its `$` cannot occur in it. */
const ARN_SAFE_NAME = /^[A-Za-z0-9._-]+$/;

const CLUSTER: MskIamResource = { type: 'cluster', name: '', prefix: false };

interface ResourceGrant {
  readonly resource: MskIamResource;
  readonly actions: Set<MskIamAction>;
}
interface PrincipalGrants {
  readonly actions: Map<string, ResourceGrant>;
  readonly why: Set<string>;
}

const resourceKey = (r: MskIamResource): string => `${r.type}\u0000${r.name}\u0000${r.prefix ? 1 : 0}`;

/** The Kafka ACLs the grants stand for (the policies' source, and ./reasons.ts's). */
export function grantAcls(grants: MskIamGrants): ResolvedAcl[] {
  const options = { explicitDescribe: false, legacyIdempotentWrite: false, patterns: grants.patterns ?? 'literal', topicPrefix: grants.topicPrefix ?? '' };
  return deriveAcls(
    grants.consumerGroups,
    grants.producers,
    grants.owners,
    options,
    [],
    connectAclNeeds(grants.connect, grants.owners, options),
    grants.streamsApplications,
  );
}

export function mskIamPolicies(grants: MskIamGrants): ResolvedMskIamPolicy[] {
  const acls = grantAcls(grants);
  const onlyNonIdempotent = nonIdempotentWriters(grants);
  const byPrincipal = new Map<string, PrincipalGrants>();
  for (const acl of acls) {
    const row = iamFor(acl.resourceType, acl.operation);
    if (row === undefined) throw new Error(`no MSK IAM mapping for the ${acl.resourceType} ${acl.operation} ACL of ${acl.principal}`);
    const resource: MskIamResource =
      row.resourceType === 'cluster' ? CLUSTER : { type: row.resourceType, name: acl.resourceName, prefix: acl.patternType === 'Prefixed' };
    if (resource.type !== 'cluster' && !ARN_SAFE_NAME.test(resource.name)) {
      throw new Error(`${resource.type} name ${JSON.stringify(resource.name)} of ${acl.principal} cannot be written into an ARN without becoming a wildcard`);
    }
    const entry: PrincipalGrants = byPrincipal.get(acl.principal) ?? { actions: new Map<string, ResourceGrant>(), why: new Set<string>() };
    const at = entry.actions.get(resourceKey(resource)) ?? { resource, actions: new Set<MskIamAction>() };
    for (const a of row.actions) at.actions.add(a);
    entry.actions.set(resourceKey(resource), at);
    for (const w of acl.neededBy) entry.why.add(w);
    byPrincipal.set(acl.principal, entry);
  }
  return [...byPrincipal.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([principal, entry]) => {
      const cluster = entry.actions.get(resourceKey(CLUSTER)) ?? { resource: CLUSTER, actions: new Set<MskIamAction>() };
      cluster.actions.add(CONNECT);
      const writes = [...entry.actions.values()].some((g) => g.actions.has(WRITE_DATA));
      if (writes && !onlyNonIdempotent.has(principal)) {
        cluster.actions.add(WRITE_DATA_IDEMPOTENTLY);
        entry.why.add(idempotentWhy(principal));
      }
      entry.actions.set(resourceKey(CLUSTER), cluster);
      return { principal, statements: statements([...entry.actions.values()]), neededBy: [...entry.why].sort(compare) };
    });
}

/** Why a principal gets WriteDataIdempotently (a policy's `neededBy` line; ./reasons.ts says it per grant too). */
export const idempotentWhy = (principal: string): string => `${principal} writes with an idempotent producer (the Kafka client default since 3.0)`;

/** Principals whose every write is a declared producer with `idempotent: false` (and that are no other kind of client). */
export function nonIdempotentWriters(grants: MskIamGrants): Set<string> {
  const declaredOff = new Set(grants.producers.filter((p) => !p.idempotent).map((p) => p.principal));
  const idempotent = new Set<string>([
    ...grants.producers.filter((p) => p.idempotent).map((p) => p.principal),
    ...grants.consumerGroups.map((g) => g.principal),
    ...grants.streamsApplications.map((a) => a.principal),
    ...(grants.connect?.clusters ?? []).map((c) => c.principal),
    ...(grants.connect?.connectors ?? []).map((k) => k.principal),
  ]);
  return new Set([...declaredOff].filter((p) => !idempotent.has(p)));
}

/** Resources with the same actions share a statement; statements sorted by their action list, resources within each. */
function statements(grants: ReadonlyArray<{ resource: MskIamResource; actions: ReadonlySet<MskIamAction> }>): MskIamStatement[] {
  const byActions = new Map<string, { actions: MskIamAction[]; resources: MskIamResource[] }>();
  for (const g of grants) {
    const actions = [...g.actions].sort(compare);
    const key = actions.join(',');
    const s = byActions.get(key) ?? { actions, resources: [] };
    s.resources.push(g.resource);
    byActions.set(key, s);
  }
  return [...byActions.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([, s]) => ({ actions: s.actions, resources: s.resources.sort((a, b) => compare(resourceKey(a), resourceKey(b))) }));
}
