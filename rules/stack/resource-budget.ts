import { STACK_RESOURCE_BUDGET } from '../../model/limits';
import { COMPLIANT, defineRule, NOT_APPLICABLE, violations } from '../types';

/** One stack (one Terraform state) stays within the resource budget; reported once per stack, on its first domain. */
export const stackResourceBudget = defineRule({
  id: 'TF-STACK-001',
  level: 'warning',
  appliesTo: 'domain',
  title: `A stack holds more than ${STACK_RESOURCE_BUDGET.toLocaleString('en-US')} Terraform resources.`,
  rationale:
    'Every plan refreshes every resource in the state and one state lock serialises every team that changes it; plans on each pull request slow down with state size.',
  fix: "split the environment into one stack per domain (layout: 'domain'), or split the largest domain; on a shared cluster where each team owns its prefix, acl.patterns 'prefixed' cuts the ACLs (TF-ACL-003); suppress with a reason if the plan time is accepted",
  check: (domain, context) => {
    const stack = context.stackOf(domain.name);
    if (stack === undefined || stack.domains[0] !== domain.name) return NOT_APPLICABLE;
    if (stack.total <= STACK_RESOURCE_BUDGET) return COMPLIANT;
    const parts = `${stack.topics} topics, ${stack.acls} ACLs, ${stack.quotas} quotas`;
    const holder = stack.domains.length === 1 ? `domain "${domain.name}"` : `${stack.domains.length} domains`;
    return violations({
      field: 'stack',
      message: `stack "${stack.stack}" (${holder}) holds ${stack.total} resources (${parts}), over the budget of ${STACK_RESOURCE_BUDGET}`,
    });
  },
});
