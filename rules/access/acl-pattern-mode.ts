import { iamGrantsOf } from '../../model/msk-iam/grants';
import type { ResolvedAcl } from '../../model/topology';
import { defineRule, NOT_APPLICABLE, violations } from '../types';

const onDomainPrefix = (a: ResolvedAcl): boolean => a.patternType === 'Prefixed' && (a.resourceType === 'Topic' || a.resourceType === 'Group');

/**
 * An environment in a prefixed ACL mode (`acl.patterns`, model/acl-patterns.ts) trades least privilege for fewer
 * resources: reported once, on the environment, with what it grants.
 */
export const aclPatternMode = defineRule({
  id: 'TF-ACL-003',
  level: 'info',
  appliesTo: 'environment',
  title: 'Prefixed ACLs: each principal reaches every topic or group under its domain prefix, not only the ones it declares.',
  rationale:
    'One Prefixed ACL per principal, operation and domain prefix replaces one Literal ACL per topic and group: far fewer Terraform resources (plans refresh every resource in the state, and applies around 16,000 ACLs take many minutes), but a service that reads one topic of its domain can read all of them, including topics created later without review of who reads them. Suited to a team that owns its prefix on a shared cluster; Literal stays the least-privilege default.',
  fix: "keep it if the team owns the prefix and its services may see each other's topics; otherwise set acl.patterns to 'literal' (through 'literal-and-prefixed', two applies)",
  check: (environment, { topology }) => {
    if (environment.aclPatterns === undefined) return NOT_APPLICABLE;
    // On an aws-iam environment without Kafka ACLs the pattern mode shapes the MSK IAM policies instead: the same trade.
    if (topology.mskIam !== undefined && !topology.mskIam.kafkaAcls) {
      const iam = iamGrantsOf(topology.mskIam).filter((g) => g.resource.prefix && (g.resource.type === 'topic' || g.resource.type === 'group'));
      const iamPrefixes = new Set(iam.map((g) => `${g.resource.type}:${g.resource.name}`));
      return violations({
        field: 'acl.patterns',
        message: `acl.patterns "${environment.aclPatterns}" on MSK IAM access control: ${iamPrefixes.size} domain prefix resource(s) ending in * in the policies of ${new Set(iam.map((g) => g.principal)).size} principal(s) stand for one resource per topic and group, and also grant what is created under those prefixes later`,
      });
    }
    const prefixed = topology.acls.filter(onDomainPrefix);
    const principals = new Set(prefixed.map((a) => a.principal)).size;
    const prefixes = new Set(prefixed.map((a) => `${a.resourceType}:${a.resourceName}`));
    // Topics under each prefix ending with '.' (the domain prefixes), counted in one pass: lint stays linear.
    const underPrefix = new Map<string, number>();
    for (const t of topology.topics) {
      for (let i = t.name.indexOf('.'); i >= 0; i = t.name.indexOf('.', i + 1)) {
        const prefix = t.name.slice(0, i + 1);
        underPrefix.set(prefix, (underPrefix.get(prefix) ?? 0) + 1);
      }
    }
    let reach: { acl: ResolvedAcl; under: number } | undefined;
    for (const acl of prefixed) {
      if (acl.resourceType !== 'Topic') continue;
      const under = underPrefix.get(acl.resourceName) ?? 0;
      if (reach === undefined || under > reach.under) reach = { acl, under }; // acls are sorted by id: the first wins ties
    }
    const example =
      reach === undefined ? '' : `; e.g. ${reach.acl.principal} ${reach.acl.operation} on "${reach.acl.resourceName}*" reaches ${reach.under} topic(s) today`;
    return violations({
      field: 'acl.patterns',
      message: `acl.patterns "${environment.aclPatterns}": ${prefixed.length} Prefixed ACL(s) of ${principals} principal(s) on ${prefixes.size} domain prefix(es) stand for one Literal ACL per topic and group, and also grant what is created under those prefixes later${example}`,
    });
  },
});
