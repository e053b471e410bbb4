import { iamGrantId, iamGrantLabel, iamGrantsOf } from '../../model/msk-iam/grants';
import { grantsOfTopology, iamGrantReasons } from '../../model/msk-iam/reasons';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

/**
 * TF-ACL-001 for MSK IAM: every policy action on a literal resource is one a declaration needs. (Wildcard resources are
 * TF-IAM-001's.) On an `aws-iam` environment without Kafka ACLs this is where least privilege is checked.
 */
export const iamGrantNeeded = defineRule({
  id: 'TF-IAM-002',
  level: 'error',
  appliesTo: 'environment',
  title: 'An MSK IAM policy grants an action no declaration needs.',
  rationale:
    'Least privilege, as for ACLs (TF-ACL-001): on a cluster with IAM access control the policies are the access ("Apache Kafka ACLs have no effect on authorization for IAM identities", https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html), so an action beyond what the declared clients need widens the blast radius of a leaked role.',
  fix: 'remove the action, or declare the producer, consumer group, Streams application or connector that needs it',
  check: (_environment, { topology }) => {
    if (topology.mskIam === undefined) return NOT_APPLICABLE;
    const reasons = iamGrantReasons(grantsOfTopology(topology));
    return violations(
      ...iamGrantsOf(topology.mskIam)
        .filter((g) => !g.resource.prefix && !reasons.has(iamGrantId(g)))
        .map((g) => ({ field: `mskIam.policies["${g.principal}"]`, message: `${iamGrantLabel(g)} is needed by no declaration` })),
    );
  },
});
