import { COMPLIANT, defineRule, violations } from '../types';

export const manualOffsetCommit = defineRule({
  id: 'TF-GROUP-002',
  level: 'error',
  appliesTo: 'consumer-group',
  title: 'The consumer group auto-commits offsets.',
  rationale: 'Auto commit commits offsets of earlier polls: with asynchronous processing a crash loses records that were committed but not processed.',
  fix: "commit manually after processing (offsetCommit: { mode: 'manual' }, the default)",
  check: (g) => {
    if (g.offsetCommit.mode === 'manual') return COMPLIANT;
    return g.processing === 'async'
      ? violations({ field: 'offsetCommit', message: `group ${g.groupId} auto-commits while processing asynchronously: records are lost on a crash` })
      : violations({
          field: 'offsetCommit',
          level: 'warning',
          message: `group ${g.groupId} auto-commits (processing is synchronous; stated reason: "${g.offsetCommit.reason ?? ''}")`,
        });
  },
});
