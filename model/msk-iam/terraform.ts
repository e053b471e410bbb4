/**
 * The Terraform side of MSK IAM policies (docs/msk-iam.md "Policies in Terraform"): names, addresses and the policy
 * text of `aws_iam_policy` / `aws_iam_role_policy_attachment` (hashicorp/aws), with the cluster ARN from a Terraform
 * variable. Pure: constructs/msk-iam.ts turns these into resources.
 *
 * The policy text is the very document of the iam/ artifacts (./arn.ts `policyDocument`), its ARN parts taken from the
 * local `msk_cluster` that splits `var.msk_cluster_arn` (`arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`),
 * so `arn:${local.msk_cluster.partition}:kafka:…` is the documented ARN form with terraform filling in the parts.
 */
import { createHash } from 'node:crypto';
import { MSK_CLUSTER_ARN_PATTERN } from '../schema/auth';
import type { ResolvedMskIamPolicy } from '../topology';
import { policyDocument, type ClusterArnParts } from './arn';
import { principalName } from './roles';

/** The Terraform variable holding the cluster ARN (`TF_VAR_msk_cluster_arn` in CI). Not a secret. */
export const MSK_CLUSTER_ARN_VARIABLE = 'msk_cluster_arn';

/** The local that splits the cluster ARN into the parts every resource ARN repeats. */
export const MSK_CLUSTER_LOCAL = 'msk_cluster';

/** `arn:partition:kafka:region:account:cluster/name/uuid` split at `:` and `/`: the index of each part. */
const arnPart = (separator: ':' | '/', index: number, of = `var.${MSK_CLUSTER_ARN_VARIABLE}`): string => `\${split("${separator}", ${of})[${index}]}`;

/** The local's value: each part of the cluster ARN as a Terraform expression. */
export const MSK_CLUSTER_LOCAL_VALUE: Readonly<Record<string, string>> = {
  partition: arnPart(':', 1),
  region: arnPart(':', 3),
  account: arnPart(':', 4),
  cluster_name: arnPart('/', 1),
  cluster_uuid: arnPart('/', 2),
};

/** The ARN parts as references to the local, for `policyDocument`. */
export const TERRAFORM_CLUSTER_ARN_PARTS: ClusterArnParts = {
  partition: `\${local.${MSK_CLUSTER_LOCAL}.partition}`,
  region: `\${local.${MSK_CLUSTER_LOCAL}.region}`,
  account: `\${local.${MSK_CLUSTER_LOCAL}.account}`,
  clusterName: `\${local.${MSK_CLUSTER_LOCAL}.cluster_name}`,
  clusterUuid: `\${local.${MSK_CLUSTER_LOCAL}.cluster_uuid}`,
};

/** The variable's validation, as Terraform's regex (RE2) spells the pattern the declaration's clusterArn must match. */
export const MSK_CLUSTER_ARN_CONDITION = `\${can(regex(${JSON.stringify(MSK_CLUSTER_ARN_PATTERN.source.replaceAll('\\/', '/').replaceAll('\\d', '[0-9]'))}, var.${MSK_CLUSTER_ARN_VARIABLE}))}`;

/**
 * IAM path of every policy topicform creates: terraform's own IAM permissions can be limited to
 * `arn:aws:iam::<account>:policy/topicform/*` (docs/msk-iam.md), and the IAM console groups them.
 */
export const MSK_IAM_POLICY_PATH = '/topicform/';

/** IAM's limit on a managed policy's name (IAM API reference, CreatePolicy `PolicyName`: 1-128 of `[\w+=,.@-]`). */
export const IAM_POLICY_NAME_MAX_LENGTH = 128;

const hash8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** A Terraform name for a principal or role: kept when already one (and a `User:` principal), else made safe with a hash. */
function terraformName(kind: string, text: string, plain: boolean): string {
  return plain && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) ? text : `${kind}_${text.replace(/[^A-Za-z0-9_-]/g, '_')}_${hash8(text)}`;
}

/** The address name of a principal's `aws_iam_policy` and `aws_iam_role_policy_attachment`. */
export const policyAddress = (principal: string): string => terraformName('principal', principalName(principal), principal.startsWith('User:'));

/** The address name of a role's `data.aws_iam_role`. */
export const roleAddress = (role: string): string => terraformName('role', role, true);

/** The IAM policy's name: `topicform-<env>-<principal name>`, made safe and shortened with a hash when it must be. */
export function policyName(environment: string, principal: string): string {
  const name = principalName(principal);
  const plain = `topicform-${environment}-${name}`;
  if (principal.startsWith('User:') && /^[\w+=,.@-]+$/.test(plain) && plain.length <= IAM_POLICY_NAME_MAX_LENGTH) return plain;
  const safe = `topicform-${environment}-${name.replace(/[^\w+=,.@-]/g, '_')}`.slice(0, IAM_POLICY_NAME_MAX_LENGTH - 9);
  return `${safe}-${hash8(principal)}`;
}

/** The policy's description (ForceNew in the provider, so it names only what never changes for the principal). */
export const policyDescription = (environment: string, principal: string): string =>
  `Amazon MSK IAM access of ${principal} in environment ${environment}, from its grants declared in topicform`;

/** The policy document as terraform receives it: JSON whose ARNs refer to the cluster ARN variable's parts. */
export const terraformPolicyText = (policy: ResolvedMskIamPolicy): string => JSON.stringify(policyDocument(policy.statements, TERRAFORM_CLUSTER_ARN_PARTS));
