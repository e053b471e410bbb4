import { COMPLIANT, defineRule, violations } from '../types';

export const deadLetterExists = defineRule({
  id: 'TF-GROUP-003',
  level: 'error',
  appliesTo: 'consumer-group',
  title: 'The consumer group has no dead-letter topic.',
  rationale: 'Without a DLQ a poison pill is retried forever and blocks its partition, or is dropped silently.',
  fix: 'leave deadLetter on (the default), or suppress this rule with the reason poison pills cannot occur',
  check: (g) => (g.deadLetter ? COMPLIANT : violations({ field: 'deadLetter', message: `group ${g.groupId} has no dead-letter topic` })),
});
