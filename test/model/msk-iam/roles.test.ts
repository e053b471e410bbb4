/**
 * Which IAM role each principal's MSK IAM policy is attached to (model/msk-iam/roles.ts, docs/msk-iam.md "Policies in
 * Terraform"). Role names and ARNs by hand from the IAM User Guide: a role name is 1-64 of `[\w+=,.@-]` ("IAM object
 * quotas", RoleName), a role ARN is `arn:<partition>:iam::<account>:role/<path/><name>` ("IAM identifiers"), and
 * `aws_iam_role_policy_attachment.role` takes the name. Everything is computed inside the tests.
 */
import { describe, expect, it } from 'vitest';
import { mskIamAttachments, principalName, roleName } from '../../../model/msk-iam/roles';
import type { ResolvedMskIamPolicy } from '../../../model/topology';

const policy = (principal: string): ResolvedMskIamPolicy => ({
  principal,
  statements: [{ actions: ['kafka-cluster:Connect'], resources: [{ type: 'cluster', name: '', prefix: false }] }],
  neededBy: [],
});

describe('names', () => {
  it('a principal name is what follows its type, up to the end (a later colon is part of it)', () => {
    expect(principalName('User:order-service')).toBe('order-service');
    expect(principalName('User:CN=a:b')).toBe('CN=a:b');
  });

  it('a role name is itself, or the last segment of a role ARN, past any path', () => {
    expect(roleName('msk-order-service')).toBe('msk-order-service');
    expect(roleName('arn:aws:iam::123456789012:role/msk-order-service')).toBe('msk-order-service');
    expect(roleName('arn:aws:iam::123456789012:role/service-role/kafka/msk-order-service')).toBe('msk-order-service');
  });
});

describe('mskIamAttachments', () => {
  it('attaches each policy to its declared role (a name or an ARN) or to defaultRole, sorted by principal', () => {
    const policies = [policy('User:c-svc'), policy('User:b-svc'), policy('User:a-svc')];
    const declared = 'arn:aws:iam::123456789012:role/service-role/msk-a';
    const result = mskIamAttachments(policies, { roles: { 'User:b-svc': 'msk-b', 'User:a-svc': declared }, defaultRole: 'msk-{name}' });
    expect(result).toEqual({
      attachments: [
        { principal: 'User:a-svc', role: 'msk-a', declared },
        { principal: 'User:b-svc', role: 'msk-b', declared: 'msk-b' },
        { principal: 'User:c-svc', role: 'msk-c-svc', declared: null },
      ],
      issues: [],
    });
  });

  it('is an error naming the principal and the field when a principal with grants has no role, and attaches the others', () => {
    const result = mskIamAttachments([policy('User:x'), policy('User:a')], { roles: { 'User:a': 'msk-a' } });
    expect(result.attachments).toEqual([{ principal: 'User:a', role: 'msk-a', declared: 'msk-a' }]);
    expect(result.issues).toStrictEqual([
      {
        path: 'auth.aws.iam.roles',
        code: 'msk-iam-role-missing',
        message: 'principal "User:x" has MSK IAM grants but no IAM role to attach its policy to',
        hint: `add "User:x": '<role name or ARN>' to auth.aws.iam.roles, or set auth.aws.iam.defaultRole (e.g. 'msk-{name}')`,
      },
    ]);
  });

  it('is an error when defaultRole gives a name IAM refuses: 65 characters is one past the 64 allowed', () => {
    const sixty = 'a'.repeat(60); // msk- + 60 = 64 characters: allowed
    const sixtyOne = 'b'.repeat(61); // msk- + 61 = 65: refused
    const result = mskIamAttachments([policy(`User:${sixtyOne}`), policy(`User:${sixty}`)], { roles: {}, defaultRole: 'msk-{name}' });
    expect(result.attachments).toEqual([{ principal: `User:${sixty}`, role: `msk-${sixty}`, declared: null }]);
    expect(result.issues).toStrictEqual([
      {
        path: 'auth.aws.iam.defaultRole',
        code: 'msk-iam-default-role-invalid',
        message: `defaultRole "msk-{name}" gives principal "User:${sixtyOne}" the role name "msk-${sixtyOne}", which IAM does not allow (1-64 of letters, digits and +=,.@_-)`,
        hint: 'name its role in auth.aws.iam.roles',
      },
    ]);
  });

  it('is a warning, sorted by principal, for a role declared for a principal without grants, with a guess when one is near', () => {
    const result = mskIamAttachments([policy('User:order-service')], {
      roles: { 'User:zz-unrelated-tool': 'msk-zz', 'User:order-servise': 'msk-o', 'User:order-service': 'msk-order' },
    });
    expect(result.attachments).toEqual([{ principal: 'User:order-service', role: 'msk-order', declared: 'msk-order' }]);
    expect(result.issues).toStrictEqual([
      {
        path: 'auth.aws.iam.roles["User:order-servise"]',
        code: 'msk-iam-role-unused',
        severity: 'warning',
        message: 'principal "User:order-servise" has a role but no MSK IAM grants in this environment, so nothing is attached to it',
        hint: 'did you mean "User:order-service"?',
      },
      {
        path: 'auth.aws.iam.roles["User:zz-unrelated-tool"]',
        code: 'msk-iam-role-unused',
        severity: 'warning',
        message: 'principal "User:zz-unrelated-tool" has a role but no MSK IAM grants in this environment, so nothing is attached to it',
      },
    ]);
  });

  it('has nothing to attach and nothing to say without policies or roles', () => {
    expect(mskIamAttachments([], { roles: {} })).toEqual({ attachments: [], issues: [] });
  });
});
