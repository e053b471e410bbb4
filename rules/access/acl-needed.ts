import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** Every ACL is explained by a declaration; no wildcard, no blanket operation. */
export const aclNeeded = defineRule({
  id: 'TF-ACL-001',
  level: 'error',
  appliesTo: 'acl',
  title: 'A principal has more access than its declared role needs.',
  rationale: 'Least privilege: an ACL no declaration explains (a wildcard, operation All, an extra operation) widens the blast radius of a leaked credential.',
  fix: 'remove it, or declare the producer / consumer group that needs it',
  check: (acl) =>
    // Acknowledged legacy ACLs are listed by TF-ACL-002 instead.
    acl.legacy !== undefined
      ? NOT_APPLICABLE
      : violations(
          ...(acl.neededBy.length === 0 ? [{ field: 'neededBy', message: `ACL ${acl.id} is needed by no declaration` }] : []),
          ...(acl.principal.endsWith(':*') ? [{ field: 'principal', message: `ACL ${acl.id} uses a wildcard principal` }] : []),
          ...(acl.resourceName === '*' ? [{ field: 'resourceName', message: `ACL ${acl.id} uses a wildcard resource` }] : []),
          ...(acl.operation === 'All' ? [{ field: 'operation', message: `ACL ${acl.id} grants operation All` }] : []),
        ),
});
