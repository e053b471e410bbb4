import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

export const changeStrategyStated = defineRule({
  id: 'TF-CONTRACT-002',
  level: 'warning',
  appliesTo: 'topic',
  title: 'The event contract states no schema-change strategy.',
  rationale: 'Consumers and replays read every schema the log holds; how the schema may change is a decision to write down.',
  fix: "set contract.changeStrategy, e.g. 'additive optional fields only; a breaking change is a new event type'",
  check: (topic) => {
    if (topic.kind !== 'event') return NOT_APPLICABLE;
    return topic.contract.changeStrategy !== undefined
      ? COMPLIANT
      : violations({ field: 'contract.changeStrategy', message: `topic "${topic.name}" states no schema-change strategy` });
  },
});
