import { connectWhy, grantsOfTopology, iamGrantReasons } from '../../model/msk-iam/reasons';
import { iamGrantId, iamGrantLabel, iamGrantsOf, parseIamGrantId } from '../../model/msk-iam/grants';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

/**
 * Every principal a declaration uses has a policy, and every policy grants all its declarations need: a client whose
 * principal has no policy (or lacks an action) is denied by MSK. The grants come from the same derivation as the
 * policies, so this fires only on a Topology written or edited by hand, which is what review and lint must catch.
 */
export const iamPolicyComplete = defineRule({
  id: 'TF-IAM-003',
  level: 'error',
  appliesTo: 'environment',
  title: 'A declared client has no MSK IAM policy, or its policy lacks an action the client needs.',
  rationale:
    'With IAM access control MSK denies every action no attached policy allows: `kafka-cluster:Connect` first, then the data and group actions of each client ("Common use cases for client authorization policy", https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html). A missing policy or action shows up only when the service fails in production.',
  fix: 'synthesize again so the policies follow the declarations, and attach each principal’s policy to its IAM role',
  check: (_environment, { topology }) => {
    if (topology.mskIam === undefined) return NOT_APPLICABLE;
    const granted = new Set(iamGrantsOf(topology.mskIam).map(iamGrantId));
    const withPolicy = new Set(topology.mskIam.policies.map((p) => p.principal));
    const missing = [...iamGrantReasons(grantsOfTopology(topology))].filter(([id]) => !granted.has(id));
    // A principal with no policy at all gets one finding naming every declaration it fails, as its policy's
    // `neededBy` does, rather than one per missing action; Connect's reason is left out there too (every client needs
    // it, and the principal's clients all have a reason of their own, since principals come from their ACLs).
    const noPolicy = new Map<string, Set<string>>();
    const found = [];
    for (const [id, why] of missing) {
      const g = parseIamGrantId(id);
      if (g === undefined) continue;
      if (!withPolicy.has(g.principal)) {
        const reasons = noPolicy.get(g.principal) ?? new Set<string>();
        for (const w of why) reasons.add(w);
        noPolicy.set(g.principal, reasons);
        continue;
      }
      found.push({ field: `mskIam.policies["${g.principal}"]`, message: `${iamGrantLabel(g)} is missing from the policy: ${why.join('; ')}` });
    }
    for (const [principal, why] of noPolicy) {
      why.delete(connectWhy(principal));
      found.push({ field: `mskIam.policies["${principal}"]`, message: `${principal} has no MSK IAM policy, yet ${[...why].sort().join('; ')}` });
    }
    return violations(...found);
  },
});
