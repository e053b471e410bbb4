/**
 * Grants (Kafka-ACL bindings) → Confluent Cloud RBAC role bindings on Kafka resources (`access: 'role-bindings'`).
 *
 * Roles, from "Predefined RBAC roles in Confluent Cloud"
 * (https://docs.confluent.io/cloud/current/access-management/access-control/rbac/predefined-rbac-roles.html), which
 * lists per role the operations it allows on each Kafka resource type:
 * - DeveloperRead — Topic: Read, Describe; Group: Read, Describe. The consumer's role: "To allow a principal to inspect
 *   topics and view messages …, you must minimally grant that account the DeveloperRead role."
 * - DeveloperWrite — Topic: Write, Describe; TransactionalId: Write, Describe; Cluster: IdempotentWrite.
 * - DeveloperManage — Topic: Create, Delete, Describe, DescribeConfigs, AlterConfigs; Group: Describe, Delete.
 * Granular roles on topics, groups and transactional ids exist only on Standard, Enterprise and Dedicated clusters
 * (same page).
 *
 * CRNs, from the provider's `confluent_role_binding` page: a topic is
 * `${cluster.rbac_crn}/kafka=${cluster.id}/topic=<name>`, a group `…/kafka=<id>/group=<id>`, a transactional id
 * `…/kafka=<id>/transactional-id=<id>`; a trailing `*` makes the last element a prefix (`group=confluent_cli_consumer_*`).
 *
 * Each grant maps to the narrowest of the three roles that allows it; grants that map to the same (principal, role,
 * resource) become one binding that lists them all (`aclIds`), which is how review and the access report read them.
 */
import { createHash } from 'node:crypto';
import { compare } from '../compare';
import type { Issue } from '../issues';
import type { AclBinding, ResolvedAcl, ResolvedRoleBinding } from '../topology';

type Role = ResolvedRoleBinding['role'];
type CrnType = ResolvedRoleBinding['resourceType'];

/** The Kafka-ACL operations each role allows per resource type (the page above), the mapping's single table. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, Readonly<Partial<Record<AclBinding['resourceType'], readonly AclBinding['operation'][]>>>>> = {
  DeveloperRead: { Topic: ['Read', 'Describe'], Group: ['Read', 'Describe'] },
  DeveloperWrite: { Topic: ['Write', 'Describe'], TransactionalID: ['Write', 'Describe'], Cluster: ['IdempotentWrite'] },
  DeveloperManage: { Topic: ['Create', 'Delete', 'Describe', 'DescribeConfigs', 'AlterConfigs'], Group: ['Describe', 'Delete'] },
};

/** Narrowest first: a Describe is granted by DeveloperRead on a topic, not by DeveloperManage. */
const ROLE_ORDER: readonly Role[] = ['DeveloperRead', 'DeveloperWrite', 'DeveloperManage'];

const CRN_TYPE: Readonly<Partial<Record<AclBinding['resourceType'], CrnType>>> = {
  Topic: 'topic',
  Group: 'group',
  TransactionalID: 'transactional-id',
  Cluster: 'cluster',
};

/** The narrowest role that allows the grant, or undefined when none of the three does (or it is not an Allow for any host). */
export function roleFor(binding: AclBinding): Role | undefined {
  if (binding.permission !== 'Allow' || binding.host !== '*') return undefined;
  return ROLE_ORDER.find((role) => ROLE_PERMISSIONS[role][binding.resourceType]?.includes(binding.operation) === true);
}

/** The Kafka-ACL bindings a role binding allows: what review and the access report read it as. */
export function grantsOf(binding: Pick<ResolvedRoleBinding, 'principal' | 'role' | 'resourceType' | 'resourceName' | 'prefix'>): AclBinding[] {
  const type = (Object.entries(CRN_TYPE) as [AclBinding['resourceType'], CrnType][]).find(([, t]) => t === binding.resourceType)?.[0];
  if (type === undefined) return [];
  return (ROLE_PERMISSIONS[binding.role][type] ?? []).map((operation) => ({
    principal: binding.principal,
    host: '*',
    operation,
    permission: 'Allow',
    resourceType: type,
    resourceName: binding.resourceName,
    patternType: binding.prefix ? 'Prefixed' : 'Literal',
  }));
}

/** The CRN of a binding's resource, from the cluster's RBAC CRN and id (Terraform expressions or literal values). */
export function crnPattern(binding: Pick<ResolvedRoleBinding, 'resourceType' | 'resourceName' | 'prefix'>, rbacCrn: string, kafkaId: string): string {
  const cluster = `${rbacCrn}/kafka=${kafkaId}`;
  if (binding.resourceType === 'cluster') return cluster;
  return `${cluster}/${binding.resourceType}=${binding.resourceName}${binding.prefix ? '*' : ''}`;
}

const sanitize = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** A Terraform address from the binding's content only (principal, role, resource), like an ACL's. */
export function roleBindingAddress(b: Pick<ResolvedRoleBinding, 'principal' | 'role' | 'resourceType' | 'resourceName' | 'prefix'>): string {
  const key = [b.principal, b.role, b.resourceType, b.resourceName, b.prefix ? 'prefix' : 'literal'].join('|');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const name = b.principal.slice(b.principal.indexOf(':') + 1);
  return `rb_${sanitize(name)}_${b.role}_${sanitize(b.resourceType)}_${sanitize(b.resourceName)}_${hash}`;
}

export interface RoleBindingResult {
  readonly roleBindings: readonly ResolvedRoleBinding[];
  readonly issues: readonly Issue[];
}

/** The role bindings for a set of grants, sorted by address; a grant no role allows is an error naming it. */
export function deriveRoleBindings(acls: readonly ResolvedAcl[]): RoleBindingResult {
  const bindings = new Map<
    string,
    { binding: Omit<ResolvedRoleBinding, 'aclIds' | 'neededBy' | 'domain'>; aclIds: Set<string>; neededBy: Set<string>; domains: Set<string> }
  >();
  const issues: Issue[] = [];
  for (const acl of acls) {
    const role = roleFor(acl);
    const resourceType = CRN_TYPE[acl.resourceType];
    if (role === undefined || resourceType === undefined) {
      issues.push({
        path: 'confluent.access',
        code: 'confluent-grant-without-role',
        message: `no predefined role grants ${acl.permission} ${acl.operation} on ${acl.resourceType} ${acl.resourceName} to ${acl.principal} (needed by ${acl.neededBy[0] ?? 'a declaration'}): role bindings cannot express it`,
        hint: "use access: 'acls' for this environment",
      });
      continue;
    }
    const binding = {
      principal: acl.principal,
      role,
      resourceType,
      resourceName: resourceType === 'cluster' ? '' : acl.resourceName,
      prefix: acl.patternType === 'Prefixed',
    };
    const address = roleBindingAddress(binding);
    const entry = bindings.get(address) ?? { binding, aclIds: new Set<string>(), neededBy: new Set<string>(), domains: new Set<string>() };
    entry.aclIds.add(acl.id);
    for (const why of acl.neededBy) entry.neededBy.add(why);
    entry.domains.add(acl.domain);
    bindings.set(address, entry);
  }
  const roleBindings = [...bindings.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([, e]) => ({
      ...e.binding,
      domain: [...e.domains].sort(compare)[0] as string,
      aclIds: [...e.aclIds].sort(compare),
      neededBy: [...e.neededBy].sort(compare),
    }));
  return { roleBindings, issues };
}
