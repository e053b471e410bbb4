/**
 * Which IAM role each principal's MSK IAM policy is attached to (`auth.aws.iam`, docs/msk-iam.md "Policies in
 * Terraform"). Pure: the policies and the declaration in, attachments and issues out.
 *
 * A principal's role is the one `roles` names for it (a role name, or an ARN whose last segment is the name: what
 * `aws_iam_role_policy_attachment.role` takes), else `defaultRole` with `{name}` replaced by the principal's name. A
 * principal with grants and neither is an error naming it and the field to add it to: attaching its policy nowhere
 * would leave the client without access, silently. A role declared for a principal without grants is a warning.
 */
import { compare } from '../compare';
import { didYouMean } from '../did-you-mean';
import type { Issue } from '../issues';
import { IAM_ROLE_ARN_PATTERN, IAM_ROLE_NAME_PATTERN, ROLE_NAME_PLACEHOLDER, type MskIamRolesDeclaration } from '../schema/auth';
import type { ResolvedMskIamAttachment, ResolvedMskIamPolicy } from '../topology';

/** The field the roles are declared in, as issue paths print it. */
export const ROLES_PATH = 'auth.aws.iam.roles';

/** The principal's name: what follows its type (`User:order-service` → `order-service`). */
export const principalName = (principal: string): string => principal.slice(principal.indexOf(':') + 1);

/** The role name of a declared role (a name, or the last segment of an ARN). */
export function roleName(declared: string): string {
  return IAM_ROLE_ARN_PATTERN.exec(declared)?.[3] ?? declared;
}

export interface MskIamAttachments {
  readonly attachments: readonly ResolvedMskIamAttachment[];
  readonly issues: readonly Issue[];
}

export function mskIamAttachments(policies: readonly ResolvedMskIamPolicy[], iam: MskIamRolesDeclaration): MskIamAttachments {
  const issues: Issue[] = [];
  const attachments: ResolvedMskIamAttachment[] = [];
  const withGrants = policies.map((p) => p.principal).sort(compare);
  for (const principal of withGrants) {
    const declared = iam.roles[principal];
    if (declared !== undefined) {
      attachments.push({ principal, role: roleName(declared), declared });
      continue;
    }
    if (iam.defaultRole === undefined) {
      issues.push({
        path: ROLES_PATH,
        code: 'msk-iam-role-missing',
        message: `principal "${principal}" has MSK IAM grants but no IAM role to attach its policy to`,
        hint: `add ${JSON.stringify(principal)}: '<role name or ARN>' to ${ROLES_PATH}, or set auth.aws.iam.defaultRole (e.g. 'msk-${ROLE_NAME_PLACEHOLDER}')`,
      });
      continue;
    }
    const role = iam.defaultRole.replaceAll(ROLE_NAME_PLACEHOLDER, principalName(principal));
    if (!IAM_ROLE_NAME_PATTERN.test(role)) {
      issues.push({
        path: 'auth.aws.iam.defaultRole',
        code: 'msk-iam-default-role-invalid',
        message: `defaultRole ${JSON.stringify(iam.defaultRole)} gives principal "${principal}" the role name ${JSON.stringify(role)}, which IAM does not allow (1-64 of letters, digits and +=,.@_-)`,
        hint: `name its role in ${ROLES_PATH}`,
      });
      continue;
    }
    attachments.push({ principal, role, declared: null });
  }
  for (const principal of Object.keys(iam.roles).sort(compare)) {
    if (withGrants.includes(principal)) continue;
    const guess = didYouMean(principal, withGrants);
    issues.push({
      path: `${ROLES_PATH}[${JSON.stringify(principal)}]`,
      code: 'msk-iam-role-unused',
      severity: 'warning',
      message: `principal "${principal}" has a role but no MSK IAM grants in this environment, so nothing is attached to it`,
      ...(guess === undefined ? {} : { hint: `did you mean "${guess}"?` }),
    });
  }
  return { attachments, issues };
}
