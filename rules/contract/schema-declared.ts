import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

export const schemaDeclared = defineRule({
  id: 'TF-CONTRACT-004',
  level: 'warning',
  appliesTo: 'topic',
  title: 'The event topic has no schema.',
  rationale:
    'An event in the log is history that every consumer and every replay reads: without a declared schema, review cannot tell a breaking change from a safe one.',
  fix: 'declare contract.schema (a zod schema, e.g. z.object({ … })) or contract.schemas (one per event type)',
  check: (topic) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    if (topic.contract.schema !== undefined || topic.contract.schemas !== undefined) return COMPLIANT;
    return violations({ field: 'contract.schema', message: `event topic "${topic.name}" has no schema` });
  },
});
