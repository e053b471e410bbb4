/**
 * Per principal, the Amazon MSK IAM policy its grants need (model/msk-iam/), for teams whose IAM lives outside this
 * repository's Terraform: `iam/<env>/<principal>.json`, written only for an environment with auth `aws-iam`.
 *
 * The file wraps the policy document so that it can carry topicform's marker and say what each grant is for:
 * `jq .policy iam/<env>/<principal>.json` is the document to attach to the principal's IAM role. Without a declared
 * `auth.aws.clusterArn`, its ARNs hold `${partition}`, `${region}`, `${account}`, `${cluster_name}` and
 * `${cluster_uuid}`, which Terraform's `templatefile()` (or `envsubst`) fills in.
 */
import { createHash } from 'node:crypto';
import { CLUSTER_ARN_PLACEHOLDERS, parseClusterArn, policyDocument } from '../model/msk-iam/arn';
import type { ResolvedMskIam, ResolvedMskIamPolicy } from '../model/topology';
import { GENERATED_NOTICE } from './marker';

/** The placeholders a policy holds when the cluster ARN is not declared, as template variable names. */
export const POLICY_TEMPLATE_VARIABLES = ['partition', 'region', 'account', 'cluster_name', 'cluster_uuid'] as const;

/**
 * The file name of a principal's policy: its name without the `User:` type, kept as is when it is a safe file name,
 * otherwise made safe and suffixed with a short hash of the principal so that two principals never share a file.
 */
export function policyFileName(principal: string): string {
  const name = principal.slice(principal.indexOf(':') + 1);
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && principal.startsWith('User:')) return name;
  const hash = createHash('sha256').update(principal).digest('hex').slice(0, 8);
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${hash}`;
}

export function renderMskIamPolicy(environment: string, iam: ResolvedMskIam, policy: ResolvedMskIamPolicy): string {
  const parts = iam.clusterArn === null ? undefined : parseClusterArn(iam.clusterArn);
  const document = {
    '//': `${GENERATED_NOTICE} The Amazon MSK IAM policy of ${policy.principal} in environment ${environment}: attach .policy to its IAM role.`,
    environment,
    principal: policy.principal,
    clusterArn: iam.clusterArn,
    ...(parts === undefined ? { templateVariables: POLICY_TEMPLATE_VARIABLES } : {}),
    neededBy: policy.neededBy,
    policy: policyDocument(policy.statements, parts ?? CLUSTER_ARN_PLACEHOLDERS),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
