import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** Every acknowledged legacy ACL stays visible until someone removes it or declares what needs it. */
export const legacyAclListed = defineRule({
  id: 'TF-ACL-002',
  level: 'warning',
  appliesTo: 'acl',
  title: 'A legacy ACL no declaration derives is kept.',
  rationale: 'Imported wildcards, extra operations and DENY rules are outside least privilege; keeping one is a decision that stays visible.',
  fix: 'declare the producer or consumer group that needs the access and remove the LegacyAcl, or remove it if nothing does',
  check: (acl) => (acl.legacy === undefined ? NOT_APPLICABLE : violations({ field: 'legacyAcl', message: `legacy ACL ${acl.id} kept: ${acl.legacy.reason}` })),
});
