import { COMPLIANT, defineRule, violations } from '../types';

/** One principal, one service: shared credentials widen the blast radius and blur audit trails. */
export const principalPerService = defineRule({
  id: 'TF-ACCESS-001',
  level: 'warning',
  appliesTo: 'client',
  title: 'One principal is used by more than one service.',
  rationale: 'Shared credentials give each service the union of all their access, and an audit log can no longer tell them apart.',
  fix: 'give each service its own principal',
  check: (client, { servicesOf }) => {
    const services = servicesOf(client.principal);
    if (services.length <= 1) return COMPLIANT;
    return violations({ field: 'principal', message: `${client.principal} is used by ${services.join(', ')}` });
  },
});
