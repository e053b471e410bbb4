import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** A topic belongs to one domain and its name says which. */
export const topicNamedAfterDomain = defineRule({
  id: 'TF-DOMAIN-002',
  level: 'error',
  appliesTo: 'topic',
  title: "The topic's name does not start with its domain.",
  rationale: "A topic is a domain's responsibility boundary; a name that hides the owner invites other domains to publish into it.",
  fix: 'name topics <domain>.<event> (the default convention)',
  check: (topic, { topology }) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    const prefix = `${topology.environment.topicPrefix}${topic.domain}.`;
    return violations(
      ...(topic.name.startsWith(prefix)
        ? []
        : [{ field: 'name', message: `topic "${topic.name}" of domain "${topic.domain}" does not start with "${prefix}"` }]),
    );
  },
});
