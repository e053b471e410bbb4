import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

export const compatibilityNotNone = defineRule({
  id: 'TF-CONTRACT-001',
  level: 'error',
  appliesTo: 'topic',
  title: 'The event contract has compatibility NONE.',
  rationale: 'An event in the log is history: without compatibility checks one schema change breaks every consumer and every replay.',
  fix: 'use BACKWARD (the default), FORWARD or FULL',
  check: (topic, { topology }) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    if (topic.contract.compatibility !== 'NONE') return COMPLIANT;
    return violations({
      field: 'contract.compatibility',
      message: `topic "${topic.name}" declares compatibility NONE`,
      level: topology.environment.production ? 'error' : 'warning',
    });
  },
});
