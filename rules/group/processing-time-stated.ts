import { COMPLIANT, defineRule, violations } from '../types';

export const processingTimeStated = defineRule({
  id: 'TF-GROUP-005',
  level: 'info',
  appliesTo: 'consumer-group',
  title: 'The consumer group states no processing time per message.',
  rationale: "Partitions are sized for consumer parallelism from it (Little's law); without it only produce throughput sizes them.",
  fix: "set processingTimePerMessage, e.g. '5ms'",
  check: (g) =>
    g.processingTimePerMessageMs !== null
      ? COMPLIANT
      : violations({ field: 'processingTimePerMessage', message: `group ${g.groupId} states no processing time per message` }),
});
