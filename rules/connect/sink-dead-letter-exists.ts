import { COMPLIANT, defineRule, NOT_APPLICABLE, violations } from '../types';

export const sinkDeadLetterExists = defineRule({
  id: 'TF-CONNECT-001',
  level: 'error',
  appliesTo: 'connector',
  title: 'The sink connector has no dead-letter topic.',
  rationale:
    'Without errors.deadletterqueue.topic.name a record the connector cannot convert or write either stops its task (errors.tolerance=none) or is dropped (all): the same poison-pill rule as for consumer groups.',
  fix: 'leave deadLetter on (the default), or suppress this rule with the reason poison pills cannot occur',
  check: (k) => {
    if (k.type !== 'sink') return NOT_APPLICABLE;
    return k.deadLetter !== null
      ? COMPLIANT
      : violations({ field: 'deadLetter', message: `sink connector ${k.name} on ${k.cluster.groupId} has no dead-letter topic` });
  },
});
