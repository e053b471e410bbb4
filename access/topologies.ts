/**
 * What the access modules share: one Topology per environment (stacks split per domain hold slices, merged back here,
 * quotas included), where each domain's resources live (the stack placement, which the Topology does not record), and
 * how Kafka's authorizer matches an ACL to a principal and a resource. Pure: no cdktf, no file system.
 */
import type { AclBinding, ResolvedAcl, ResolvedDomain, Topology } from '../model/topology';
import type { AclOperation, AclResourceType } from '../model/vocabulary';

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where the resources of some domains of one environment live. */
export interface StackPlacement {
  /** The stack (a directory under `cdktf.out/stacks/`). */
  readonly stack: string;
  readonly environment: string;
  /** The domains the stack holds; null for a whole-environment stack (it holds every domain). */
  readonly domains: readonly string[] | null;
}

/** The stack of an environment that holds a domain's resources, or null when no stack is known for it. */
export function stackOf(stacks: readonly StackPlacement[], environment: string, domain: string): string | null {
  return stacks.find((s) => s.environment === environment && (s.domains === null || s.domains.includes(domain)))?.stack ?? null;
}

/**
 * One Topology per environment, sorted by name: the slices of an environment split into stacks are merged back,
 * duplicates dropped. A Topology without `quotas` (written before quotas existed) merges as one without quotas.
 */
export function mergeEnvironments(topologies: readonly Topology[]): Topology[] {
  const byEnvironment = new Map<string, Topology[]>();
  for (const t of topologies) byEnvironment.set(t.environment.name, [...(byEnvironment.get(t.environment.name) ?? []), t]);
  return [...byEnvironment.keys()].sort(compare).map((name) => merge(byEnvironment.get(name) ?? []));
}

function merge(slices: readonly Topology[]): Topology {
  const [first, ...rest] = slices;
  if (first === undefined) throw new Error('nothing to merge');
  if (rest.length === 0) return first;
  const unique = <T>(items: readonly T[], key: (item: T) => string): T[] =>
    [...new Map(items.map((i) => [key(i), i])).values()].sort((a, b) => compare(key(a), key(b)));
  const quotas = slices.some((s) => s.quotas !== undefined)
    ? {
        quotas: unique(
          slices.flatMap((s) => s.quotas ?? []),
          (q) => q.principal,
        ),
      }
    : {};
  return {
    ...first,
    domains: unique(
      slices.flatMap((s) => s.domains),
      (d) => d.name,
    ),
    topics: unique(
      slices.flatMap((s) => s.topics),
      (t) => t.name,
    ),
    consumerGroups: unique(
      slices.flatMap((s) => s.consumerGroups),
      (g) => g.groupId,
    ),
    producers: unique(
      slices.flatMap((s) => s.producers),
      (p) => `${p.topicName}\u0000${p.principal}\u0000${p.service}`,
    ),
    acls: unique(
      slices.flatMap((s) => s.acls),
      (a) => a.id,
    ),
    ...quotas,
    ...(slices.some((s) => s.streamsApplications !== undefined)
      ? {
          streamsApplications: unique(
            slices.flatMap((s) => s.streamsApplications ?? []),
            (a) => a.applicationId,
          ),
        }
      : {}),
    // Each slice holds the Connect clusters and connectors of its domains: merged back like the other lists, so the
    // access diff and report of a split environment see every connector.
    ...(slices.some((s) => s.connect !== undefined)
      ? {
          connect: {
            clusters: unique(
              slices.flatMap((s) => s.connect?.clusters ?? []),
              (c) => c.groupId,
            ),
            connectors: unique(
              slices.flatMap((s) => s.connect?.connectors ?? []),
              (k) => `${k.cluster.groupId}/${k.name}`,
            ),
          },
        }
      : {}),
  };
}

/** A domain's owner (team handle) in a topology, or null when the domain is not declared there. */
export function ownerOf(topology: Topology | null, domain: string): ResolvedDomain['owner'] | null {
  return topology?.domains.find((d) => d.name === domain)?.owner ?? null;
}

/** Whether an ACL's principal applies to `principal` (exactly, or `<Type>:*` of the same type). */
export function principalMatches(aclPrincipal: string, principal: string): boolean {
  if (aclPrincipal === principal) return true;
  const type = principal.slice(0, principal.indexOf(':'));
  return aclPrincipal === `${type}:*`;
}

/** Whether an ACL's resource pattern covers the named resource (Literal, Literal `*`, or Prefixed). */
export function resourceMatches(acl: AclBinding, resourceType: AclResourceType, resourceName: string): boolean {
  if (acl.resourceType !== resourceType) return false;
  if (acl.patternType === 'Prefixed') return resourceName.startsWith(acl.resourceName);
  return acl.resourceName === resourceName || acl.resourceName === '*';
}

/** Operations that grant reading or writing a topic (All implies every operation). */
const READS: readonly AclOperation[] = ['Read', 'All'];
const WRITES: readonly AclOperation[] = ['Write', 'All'];

/** Whether the ACLs (already matched to one principal and one topic) let it read / write: an Allow and no Deny. */
export function effectiveAccess(acls: readonly AclBinding[]): { read: boolean; write: boolean } {
  const can = (ops: readonly AclOperation[]): boolean =>
    acls.some((a) => a.permission === 'Allow' && ops.includes(a.operation)) && !acls.some((a) => a.permission === 'Deny' && ops.includes(a.operation));
  return { read: can(READS), write: can(WRITES) };
}

/**
 * An ACL's operation as a reader sees it: `Read`, with the permission when it is a Deny and the host when it is not
 * every host (`Deny Write`, `Read from 10.0.0.7`).
 */
export function operationLabel(acl: AclBinding): string {
  return `${acl.permission === 'Deny' ? 'Deny ' : ''}${acl.operation}${acl.host === '*' ? '' : ` from ${acl.host}`}`;
}

/** Why an ACL exists: the declarations that need it, or the acknowledged reason of a legacy ACL. */
export function whyOf(acl: ResolvedAcl): string[] {
  return acl.legacy === undefined ? [...acl.neededBy] : [`legacy ACL kept: ${acl.legacy.reason}`];
}
