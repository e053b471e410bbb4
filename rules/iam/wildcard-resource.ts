import { iamGrantId, iamGrantLabel, iamGrantsOf, iamResourceLabel } from '../../model/msk-iam/grants';
import { grantsOfTopology, iamGrantReasons } from '../../model/msk-iam/reasons';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

/**
 * An MSK IAM resource ending in `*` reaches more than a declaration asked for unless the derivation from the
 * declarations gives that very prefix (a transactional producer's transactional-id prefix, a Streams application's
 * internal prefix, a domain prefix under the environment's ACL pattern mode). An empty prefix is `topic/<cluster>/*`.
 */
export const iamWildcardResource = defineRule({
  id: 'TF-IAM-001',
  level: 'error',
  appliesTo: 'environment',
  title: 'An MSK IAM policy grants a wildcard resource broader than any declared grant.',
  rationale:
    'In an IAM policy a `*` in the resource part matches every topic, group or transactional id that starts with what precedes it, including ones created later ("Create authorization policies for the IAM role", https://docs.aws.amazon.com/msk/latest/developerguide/create-iam-access-control-policies.html). topicform writes a prefix only where a declaration states one; any other wildcard (`topic/<cluster>/*` above all) gives a leaked credential far more than its client needs.',
  fix: 'grant the literal topics and groups the declarations need, or declare the prefix (transactionalIdPrefix, a Streams application, acl.patterns)',
  check: (_environment, { topology }) => {
    if (topology.mskIam === undefined) return NOT_APPLICABLE;
    const reasons = iamGrantReasons(grantsOfTopology(topology));
    return violations(
      ...iamGrantsOf(topology.mskIam)
        .filter((g) => g.resource.prefix && (g.resource.name === '' || !reasons.has(iamGrantId(g))))
        .map((g) => ({
          field: `mskIam.policies["${g.principal}"]`,
          message: `${iamGrantLabel(g)}: ${g.resource.name === '' ? `every ${g.resource.type} of the cluster` : `the wildcard ${iamResourceLabel(g.resource)}`} is broader than any declared grant`,
        })),
    );
  },
});
