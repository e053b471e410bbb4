/**
 * Role bindings beyond the mappings in mapping.test.ts: their Terraform addresses, the grants of a resource type a role
 * does not cover, and how deriveRoleBindings builds each binding (cluster name, prefix, merged and sorted grants).
 * Roles from "Predefined RBAC roles in Confluent Cloud" (DeveloperRead has nothing on transactional ids, DeveloperWrite
 * nothing on groups); the cluster CRN from the provider's `confluent_role_binding` page (`${rbac_crn}/kafka=${id}`).
 *
 * Addresses are `rb_<name>_<role>_<type>_<resource>_<first 8 hex of sha256(principal|role|type|resource|prefix or
 * literal)>`, each part with [^A-Za-z0-9_-] as _; hashes worked with coreutils, e.g.
 * `printf %s 'User:a|DeveloperWrite|cluster||literal' | sha256sum` → aaf05f29….
 */
import { describe, expect, it } from 'vitest';
import { allow } from '../../../model/acl';
import { deriveRoleBindings, grantsOf, roleBindingAddress } from '../../../model/confluent/role-bindings';
import type { AclBinding, ResolvedAcl, ResolvedRoleBinding } from '../../../model/topology';

describe('roleBindingAddress', () => {
  it.each([
    [
      { principal: 'User:order-service', role: 'DeveloperRead', resourceType: 'topic', resourceName: 'orders.order-created', prefix: false },
      'rb_order-service_DeveloperRead_topic_orders_order-created_f477936d',
    ],
    [
      { principal: 'User:a.b', role: 'DeveloperWrite', resourceType: 'transactional-id', resourceName: 'tx.', prefix: true },
      'rb_a_b_DeveloperWrite_transactional-id_tx__52eaa0f2',
    ],
    [{ principal: 'User:a', role: 'DeveloperWrite', resourceType: 'cluster', resourceName: '', prefix: false }, 'rb_a_DeveloperWrite_cluster__aaf05f29'],
    [{ principal: 'User:a', role: 'DeveloperRead', resourceType: 'group', resourceName: 'g', prefix: true }, 'rb_a_DeveloperRead_group_g_d6df739f'],
  ] as const)('%o → %s', (binding, address) => {
    expect(roleBindingAddress(binding)).toBe(address);
  });

  it('tells a prefix from a literal of the same name by the hash', () => {
    const literal = roleBindingAddress({ principal: 'User:a', role: 'DeveloperRead', resourceType: 'group', resourceName: 'g', prefix: false });
    expect(literal).toMatch(/^rb_a_DeveloperRead_group_g_[0-9a-f]{8}$/);
    expect(literal).not.toBe('rb_a_DeveloperRead_group_g_d6df739f');
  });
});

describe('grantsOf: what a role binding allows', () => {
  const binding = (role: ResolvedRoleBinding['role'], resourceType: string) => ({
    principal: 'User:a',
    role,
    resourceType: resourceType as ResolvedRoleBinding['resourceType'],
    resourceName: 'x',
    prefix: false,
  });

  it('is nothing for a resource type the role has no operation on', () => {
    expect(grantsOf(binding('DeveloperRead', 'transactional-id'))).toEqual([]);
    expect(grantsOf(binding('DeveloperWrite', 'group'))).toEqual([]);
    expect(grantsOf(binding('DeveloperManage', 'cluster'))).toEqual([]);
  });

  it('is nothing for a CRN type outside the four', () => {
    expect(grantsOf(binding('DeveloperRead', 'subject'))).toEqual([]);
  });

  it('is Group Read and Describe for DeveloperRead on a prefixed group', () => {
    expect(grantsOf({ ...binding('DeveloperRead', 'group'), prefix: true })).toEqual([
      { principal: 'User:a', host: '*', operation: 'Read', permission: 'Allow', resourceType: 'Group', resourceName: 'x', patternType: 'Prefixed' },
      { principal: 'User:a', host: '*', operation: 'Describe', permission: 'Allow', resourceType: 'Group', resourceName: 'x', patternType: 'Prefixed' },
    ]);
  });
});

describe('deriveRoleBindings: building each binding', () => {
  const acl = (binding: AclBinding, domain: string, neededBy: readonly string[]): ResolvedAcl => ({
    ...binding,
    id: `${binding.principal}|${binding.operation}|${binding.resourceName}`,
    domain,
    neededBy,
  });

  it('names the cluster by an empty resource name, keeps a prefix, and merges grants with sorted ids and reasons', () => {
    const { roleBindings, issues } = deriveRoleBindings([
      acl(allow('User:a', 'IdempotentWrite', 'Cluster', 'kafka-cluster'), 'orders', ['idempotent']),
      acl(allow('User:a', 'Read', 'Topic', 't'), 'shipping', ['z reads']),
      acl(allow('User:a', 'Describe', 'Topic', 't'), 'orders', ['a describes']),
      acl(allow('User:a', 'Read', 'Group', 'g', true), 'orders', ['group']),
    ]);
    expect(issues).toEqual([]);
    expect(roleBindings).toEqual([
      {
        principal: 'User:a',
        role: 'DeveloperRead',
        resourceType: 'group',
        resourceName: 'g',
        prefix: true,
        domain: 'orders',
        aclIds: ['User:a|Read|g'],
        neededBy: ['group'],
      },
      {
        principal: 'User:a',
        role: 'DeveloperRead',
        resourceType: 'topic',
        resourceName: 't',
        prefix: false,
        // The first domain by name among the grants' domains.
        domain: 'orders',
        aclIds: ['User:a|Describe|t', 'User:a|Read|t'],
        neededBy: ['a describes', 'z reads'],
      },
      {
        principal: 'User:a',
        role: 'DeveloperWrite',
        resourceType: 'cluster',
        resourceName: '',
        prefix: false,
        domain: 'orders',
        aclIds: ['User:a|IdempotentWrite|kafka-cluster'],
        neededBy: ['idempotent'],
      },
    ]);
  });

  it('reports a grant no role allows with its hint, and "a declaration" when nothing names who needs it', () => {
    const { roleBindings, issues } = deriveRoleBindings([acl(allow('User:a', 'Alter', 'Cluster', 'kafka-cluster'), 'orders', [])]);
    expect(roleBindings).toEqual([]);
    expect(issues).toEqual([
      {
        path: 'confluent.access',
        code: 'confluent-grant-without-role',
        message: 'no predefined role grants Allow Alter on Cluster kafka-cluster to User:a (needed by a declaration): role bindings cannot express it',
        hint: "use access: 'acls' for this environment",
      },
    ]);
  });
});
