/**
 * The pure Confluent Cloud mappings, each case citing the documentation it follows:
 * - ACL spelling: the provider's `confluent_kafka_acl` page ("Accepted values are: TOPIC, GROUP, CLUSTER,
 *   TRANSACTIONAL_ID, DELEGATION_TOKEN", operations "READ, WRITE, …, IDEMPOTENT_WRITE", "LITERAL and PREFIXED",
 *   "DENY and ALLOW", CLUSTER's resource_name "Must be `kafka-cluster`").
 * - Roles: "Predefined RBAC roles in Confluent Cloud",
 *   https://docs.confluent.io/cloud/current/access-management/access-control/rbac/predefined-rbac-roles.html
 *   (DeveloperRead: topic Read/Describe, group Read/Describe; DeveloperWrite: topic Write/Describe, transactional id
 *   Write/Describe, cluster IdempotentWrite; DeveloperManage: topic Create/Delete/Describe/DescribeConfigs/AlterConfigs,
 *   group Describe/Delete).
 * - CRNs: the provider's `confluent_role_binding` page (`${rbac_crn}/kafka=${id}/topic=${name}`, `…/group=…_*`,
 *   `…/transactional-id=…`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allow } from '../../../model/acl';
import { bindingOfConfluentAcl, confluentAcl } from '../../../model/confluent/acl';
import { crnPattern, deriveRoleBindings, grantsOf, roleFor } from '../../../model/confluent/role-bindings';
import type { AclBinding, ResolvedAcl } from '../../../model/topology';
import { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_RESOURCE_TYPES } from '../../../model/vocabulary';

describe('confluentAcl: the Kafka-ACL model in the spelling of confluent_kafka_acl', () => {
  it.each([
    [allow('User:a', 'Read', 'Topic', 'orders.x'), { operation: 'READ', resourceType: 'TOPIC', patternType: 'LITERAL', permission: 'ALLOW' }],
    [allow('User:a', 'Write', 'TransactionalID', 'tx-', true), { operation: 'WRITE', resourceType: 'TRANSACTIONAL_ID', patternType: 'PREFIXED' }],
    [allow('User:a', 'IdempotentWrite', 'Cluster', 'kafka-cluster'), { operation: 'IDEMPOTENT_WRITE', resourceType: 'CLUSTER', resourceName: 'kafka-cluster' }],
    [allow('User:a', 'DescribeConfigs', 'Topic', 'x'), { operation: 'DESCRIBE_CONFIGS' }],
    [allow('User:a', 'Read', 'Group', 'orders.payment'), { resourceType: 'GROUP', resourceName: 'orders.payment' }],
  ])('%o → %o, in the name of the service account', (binding, expected) => {
    expect(confluentAcl(binding, 'User:sa-abc123')).toMatchObject({ ...expected, principal: 'User:sa-abc123', host: '*' });
  });

  it('reads back to the same binding for every operation, resource type and pattern (property)', () => {
    const binding = fc.record({
      operation: fc.constantFrom(...ACL_OPERATIONS),
      resourceType: fc.constantFrom(...ACL_RESOURCE_TYPES),
      patternType: fc.constantFrom(...ACL_PATTERN_TYPES),
      permission: fc.constantFrom('Allow' as const, 'Deny' as const),
      resourceName: fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
    });
    fc.assert(
      fc.property(binding, (b) => {
        const kafka: AclBinding = { principal: 'User:svc', host: '*', ...b };
        expect(bindingOfConfluentAcl(confluentAcl(kafka, 'User:sa-x1'), 'User:svc')).toEqual(kafka);
      }),
    );
  });
});

describe('roleFor: the narrowest predefined role that allows a grant', () => {
  it.each([
    ['a consumer reads a topic (predefined roles: DeveloperRead, Topic Read)', allow('User:a', 'Read', 'Topic', 't'), 'DeveloperRead'],
    ['a consumer joins its group (DeveloperRead, Group Read)', allow('User:a', 'Read', 'Group', 'g'), 'DeveloperRead'],
    ['explicit Describe on a topic (DeveloperRead, Topic Describe)', allow('User:a', 'Describe', 'Topic', 't'), 'DeveloperRead'],
    ['a producer writes a topic (DeveloperWrite, Topic Write)', allow('User:a', 'Write', 'Topic', 't'), 'DeveloperWrite'],
    ['a transactional producer (DeveloperWrite, TransactionalId Write)', allow('User:a', 'Write', 'TransactionalID', 'tx-', true), 'DeveloperWrite'],
    [
      'brokers before 2.8: IdempotentWrite (DeveloperWrite, Cluster IdempotentWrite)',
      allow('User:a', 'IdempotentWrite', 'Cluster', 'kafka-cluster'),
      'DeveloperWrite',
    ],
    ['Streams creates its internal topics (DeveloperManage, Topic Create)', allow('User:a', 'Create', 'Topic', 'app-', true), 'DeveloperManage'],
    ['Streams deletes its internal topics (DeveloperManage, Topic Delete)', allow('User:a', 'Delete', 'Topic', 'app-', true), 'DeveloperManage'],
  ])('%s', (_, binding, role) => {
    expect(roleFor(binding)).toBe(role);
    // The role it maps to allows the grant: reading the binding back yields it.
    const back = grantsOf({
      principal: binding.principal,
      role: role as never,
      resourceType: binding.resourceType === 'TransactionalID' ? 'transactional-id' : (binding.resourceType.toLowerCase() as never),
      resourceName: binding.resourceName,
      prefix: binding.patternType === 'Prefixed',
    });
    expect(back).toContainEqual(binding);
  });

  it('has no role for a Deny, a host other than *, or an operation no Developer role allows', () => {
    expect(roleFor({ ...allow('User:a', 'Read', 'Topic', 't'), permission: 'Deny' })).toBeUndefined();
    expect(roleFor({ ...allow('User:a', 'Read', 'Topic', 't'), host: '10.0.0.1' })).toBeUndefined();
    expect(roleFor(allow('User:a', 'Alter', 'Cluster', 'kafka-cluster'))).toBeUndefined();
  });
});

describe('crnPattern: the provider page’s CRN forms', () => {
  const crn = 'crn://confluent.cloud/organization=o/environment=env-1/cloud-cluster=lkc-1';
  it.each([
    [{ resourceType: 'topic', resourceName: 'orders', prefix: false }, `${crn}/kafka=lkc-1/topic=orders`],
    [{ resourceType: 'group', resourceName: 'confluent_cli_consumer_', prefix: true }, `${crn}/kafka=lkc-1/group=confluent_cli_consumer_*`],
    [{ resourceType: 'transactional-id', resourceName: 'my_transaction', prefix: false }, `${crn}/kafka=lkc-1/transactional-id=my_transaction`],
    [{ resourceType: 'cluster', resourceName: '', prefix: false }, `${crn}/kafka=lkc-1`],
  ] as const)('%o → %s', (binding, expected) => {
    expect(crnPattern(binding, crn, 'lkc-1')).toBe(expected);
  });
});

describe('deriveRoleBindings', () => {
  const acl = (binding: AclBinding, neededBy: string): ResolvedAcl => ({
    ...binding,
    id: `${binding.principal}|${binding.operation}|${binding.resourceName}`,
    domain: 'orders',
    neededBy: [neededBy],
  });

  it('merges the grants one binding allows (topic Read and Describe) and keeps every grant it renders', () => {
    const { roleBindings, issues } = deriveRoleBindings([
      acl(allow('User:a', 'Describe', 'Topic', 't'), 'describe'),
      acl(allow('User:a', 'Read', 'Topic', 't'), 'read'),
      acl(allow('User:a', 'Write', 'Topic', 't.dlq'), 'dlq'),
    ]);
    expect(issues).toEqual([]);
    expect(roleBindings.map((b) => [b.role, b.resourceName, b.aclIds.length, b.neededBy])).toEqual([
      ['DeveloperRead', 't', 2, ['describe', 'read']],
      ['DeveloperWrite', 't.dlq', 1, ['dlq']],
    ]);
  });

  it('reports a grant no role expresses, naming it and who needs it', () => {
    const { issues } = deriveRoleBindings([acl({ ...allow('User:a', 'Read', 'Topic', 't'), permission: 'Deny' }, 'legacy deny')]);
    expect(issues).toEqual([
      expect.objectContaining({ path: 'confluent.access', code: 'confluent-grant-without-role', message: expect.stringContaining('legacy deny') as unknown }),
    ]);
  });

  it('gives the same bindings whatever the order of the grants (property)', () => {
    const grants = [
      acl(allow('User:a', 'Read', 'Topic', 't'), 'r'),
      acl(allow('User:b', 'Write', 'Topic', 't'), 'w'),
      acl(allow('User:a', 'Read', 'Group', 'g'), 'g'),
      acl(allow('User:b', 'Write', 'TransactionalID', 'tx-', true), 'tx'),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(grants, { minLength: grants.length }), (shuffled) => {
        expect(deriveRoleBindings(shuffled)).toEqual(deriveRoleBindings(grants));
      }),
    );
  });
});
