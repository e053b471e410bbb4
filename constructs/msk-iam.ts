/**
 * Amazon MSK IAM policies as Terraform resources (docs/msk-iam.md "Policies in Terraform"): per principal with grants,
 * an `aws_iam_policy` holding the document its grants need and an `aws_iam_role_policy_attachment` to its IAM role,
 * which a `data.aws_iam_role` looks up by name — so a missing role fails the plan, before anything is created, and no
 * role is ever created or changed here (the IAM team owns them). The cluster ARN is the Terraform variable
 * `msk_cluster_arn`; the hashicorp/aws provider takes its credentials and region from terraform's AWS environment as
 * the Kafka provider's aws-iam mechanism does, or, with `secrets: 'variables'`, the region (and profile) from the same
 * variables as the Kafka provider. References between the resources are written as Terraform expressions, never as
 * cdktf tokens, so the stack renders them like every other resource of its Topology.
 */
import { Construct, TerraformLocal, TerraformVariable, type IConstruct } from './cdktf';
import { AwsProvider, type AwsProviderConfig } from '../gen/provider-aws/lib/provider';
import { DataAwsIamRole } from '../gen/provider-aws/lib/data-aws-iam-role';
import { IamPolicy } from '../gen/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '../gen/provider-aws/lib/iam-role-policy-attachment';
import { secretVariable, type AuthDeclaration } from '../model/schema/auth';
import {
  MSK_CLUSTER_ARN_CONDITION,
  MSK_CLUSTER_ARN_VARIABLE,
  MSK_CLUSTER_LOCAL,
  MSK_CLUSTER_LOCAL_VALUE,
  MSK_IAM_POLICY_PATH,
  policyAddress,
  policyDescription,
  policyName,
  roleAddress,
  terraformPolicyText,
} from '../model/msk-iam/terraform';
import type { ResolvedMskIam } from '../model/topology';

/** Renders the environment's IAM resources under `scope`; returns the constructs to remove again on release. */
export function renderMskIam(scope: Construct, environment: string, mskIam: ResolvedMskIam, auth: AuthDeclaration): IConstruct[] {
  const attachments = mskIam.attachments;
  if (attachments === undefined || attachments.length === 0) return [];
  const root = new Construct(scope, 'MskIam');

  const providerConfig: AwsProviderConfig =
    auth.secrets === 'variables'
      ? {
          region: `\${var.${secretVariable('sasl_aws_region')}}`,
          ...(auth.aws?.profile === true ? { profile: `\${var.${secretVariable('sasl_aws_profile')}}` } : {}),
        }
      : {};
  new AwsProvider(root, 'aws', providerConfig);

  const clusterArn = new TerraformVariable(root, MSK_CLUSTER_ARN_VARIABLE, {
    type: 'string',
    nullable: false,
    description: `ARN of the Amazon MSK cluster of environment ${environment}, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>; supply as TF_VAR_${MSK_CLUSTER_ARN_VARIABLE} (not a secret)`,
    validation: [
      {
        condition: MSK_CLUSTER_ARN_CONDITION,
        errorMessage: 'msk_cluster_arn must be an MSK cluster ARN, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>',
      },
    ],
  });
  clusterArn.overrideLogicalId(MSK_CLUSTER_ARN_VARIABLE);
  new TerraformLocal(root, MSK_CLUSTER_LOCAL, { ...MSK_CLUSTER_LOCAL_VALUE }).overrideLogicalId(MSK_CLUSTER_LOCAL);

  const roles = new Set<string>();
  const policies = new Map(mskIam.policies.map((p) => [p.principal, p]));
  for (const attachment of attachments) {
    const policy = policies.get(attachment.principal);
    if (policy === undefined) continue; // resolve attaches only principals that have a policy
    if (!roles.has(attachment.role)) {
      roles.add(attachment.role);
      new DataAwsIamRole(root, `Role-${attachment.role}`, { name: attachment.role }).overrideLogicalId(roleAddress(attachment.role));
    }
    const address = policyAddress(attachment.principal);
    new IamPolicy(root, `Policy-${address}`, {
      name: policyName(environment, attachment.principal),
      path: MSK_IAM_POLICY_PATH,
      description: policyDescription(environment, attachment.principal),
      policy: terraformPolicyText(policy),
    }).overrideLogicalId(address);
    new IamRolePolicyAttachment(root, `Attachment-${address}`, {
      role: `\${data.aws_iam_role.${roleAddress(attachment.role)}.name}`,
      policyArn: `\${aws_iam_policy.${address}.arn}`,
    }).overrideLogicalId(address);
  }
  return [root];
}
