import { COMPLIANT, defineRule, violations } from '../types';

/** Every domain says where its recovery / replay procedure is written down. */
export const recoveryProcedure = defineRule({
  id: 'TF-DOMAIN-001',
  level: 'warning',
  appliesTo: 'domain',
  title: 'The domain has no recovery / replay procedure.',
  rationale: 'Replay is possible only with a procedure: who resets which group to where, and how side effects are controlled.',
  fix: "set recoveryProcedure to the runbook's path or URL, e.g. 'docs/runbooks/orders.md'",
  check: (domain) =>
    domain.recoveryProcedure !== undefined
      ? COMPLIANT
      : violations({ field: 'recoveryProcedure', message: `domain "${domain.name}" declares no recovery procedure` }),
});
