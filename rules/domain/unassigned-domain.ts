import { UNASSIGNED_DOMAIN } from '../../model/naming';
import { COMPLIANT, defineRule, violations } from '../types';

/** Every topic belongs to exactly one owning domain: the placeholder domain `topicform import` writes is temporary. */
export const unassignedDomain = defineRule({
  id: 'TF-DOMAIN-003',
  level: 'warning',
  appliesTo: 'domain',
  title: `A domain is named "${UNASSIGNED_DOMAIN}": what it holds has no owning domain.`,
  rationale:
    'A topic is a domain\'s responsibility boundary. `topicform import` puts the topics and ACLs no naming convention assigns to a domain into "unassigned"; until they move to the domains that own them, nobody reviews their changes, re-drives their dead letters or answers for their consumers.',
  fix: 'move each topic, consumer group and legacy ACL to the domain that owns it (keep the topicName of a topic that cannot be renamed), then remove the unassigned domain',
  check: (domain, { topology }) => {
    if (domain.name !== UNASSIGNED_DOMAIN) return COMPLIANT;
    const topics = topology.topics.filter((t) => t.kind === 'event' && t.domain === domain.name).length;
    const groups = topology.consumerGroups.filter((g) => g.domain === domain.name).length;
    const acls = topology.acls.filter((a) => a.legacy !== undefined && a.domain === domain.name).length;
    const holds = [`${topics} topic(s)`, `${groups} consumer group(s)`, `${acls} legacy ACL(s)`].join(', ');
    return violations({ field: 'name', message: `domain "${domain.name}" holds ${holds} that no domain owns: assign them to their owning domains` });
  },
});
