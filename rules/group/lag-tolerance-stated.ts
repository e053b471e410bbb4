import { COMPLIANT, defineRule, violations } from '../types';

export const lagToleranceStated = defineRule({
  id: 'TF-GROUP-004',
  level: 'warning',
  appliesTo: 'consumer-group',
  title: 'The consumer group states no processing-lag tolerance.',
  rationale: 'Retention must cover the lag a group may build up, and alerting needs to know when lag becomes an incident.',
  fix: "set maxProcessingLag, e.g. '5m'",
  check: (g) =>
    g.maxProcessingLagMs !== null ? COMPLIANT : violations({ field: 'maxProcessingLag', message: `group ${g.groupId} states no maxProcessingLag` }),
});
