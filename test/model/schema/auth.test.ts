/**
 * The `auth` block of an environment on its own: IAM role references, `defaultRole`, the checks across mechanism, TLS
 * and `aws`, and the settings each mechanism takes from terraform's environment. Expectations come from the AWS docs
 * cited in model/schema/auth.ts (IAM role names 1-64 of `[\w+=,.@-]`; role ARNs `arn:aws:iam::<account>:role/<path/><name>`;
 * MSK serves IAM authentication only on its TLS listener) and the Mongey provider's attribute names (provider-schema/NOTES.md).
 */
import { describe, expect, it } from 'vitest';
import { authSchema, environmentSchema, mskIamRolesSchema, providerSecrets } from '../../../model/schema';

const messages = (result: { success: boolean; error?: { issues: readonly { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('IAM role references (auth.aws.iam.roles)', () => {
  it('takes a role name or a role ARN, with or without a path', () => {
    for (const role of [
      'order-service',
      'a',
      'x'.repeat(64),
      'svc+=,.@_-1',
      'arn:aws:iam::123456789012:role/order-service',
      'arn:aws:iam::123456789012:role/kafka/prod/order-service',
    ]) {
      expect(mskIamRolesSchema.safeParse({ roles: { 'User:order-service': role } }).success, role).toBe(true);
    }
  });

  it('refuses what is neither: a space, 65 characters, a user ARN, an account of 11 digits', () => {
    for (const role of ['order service', 'x'.repeat(65), '', 'arn:aws:iam::123456789012:user/order-service', 'arn:aws:iam::12345678901:role/order-service']) {
      expect(messages(mskIamRolesSchema.safeParse({ roles: { 'User:order-service': role } })), role).toEqual([
        'roles.User:order-service: must be an IAM role name (1-64 of letters, digits and +=,.@_-) or a role ARN, arn:aws:iam::<account>:role/<name>',
      ]);
    }
  });
});

describe('defaultRole', () => {
  it("takes a role name holding {name}: 'msk-{name}', '{name}'", () => {
    expect(mskIamRolesSchema.parse({ defaultRole: 'msk-{name}' }).defaultRole).toBe('msk-{name}');
    expect(mskIamRolesSchema.parse({ defaultRole: '{name}' }).defaultRole).toBe('{name}');
  });

  it('refuses one without {name}, and one that is no role name once {name} is filled in', () => {
    const message = "defaultRole: must be a role name holding {name}, e.g. 'msk-{name}'";
    // Without the placeholder every principal would get the same role.
    expect(messages(mskIamRolesSchema.safeParse({ defaultRole: 'msk-role' }))).toEqual([message]);
    // A space is no IAM name character; 64 characters plus {name} (one character at least) is 65.
    expect(messages(mskIamRolesSchema.safeParse({ defaultRole: 'msk {name}' }))).toEqual([message]);
    expect(messages(mskIamRolesSchema.safeParse({ defaultRole: `${'x'.repeat(64)}{name}` }))).toEqual([message]);
  });
});

describe('authSchema', () => {
  it('refuses aws-iam without TLS: MSK serves IAM authentication only on its TLS listener (port 9098)', () => {
    expect(messages(authSchema.safeParse({ mechanism: 'aws-iam', tls: false }))).toEqual([
      "tls: must be true with mechanism 'aws-iam': MSK accepts IAM authentication only over TLS",
    ]);
    expect(authSchema.safeParse({ mechanism: 'aws-iam', tls: true }).success).toBe(true);
    expect(authSchema.safeParse({ mechanism: 'scram-sha512', tls: false }).success).toBe(true);
  });

  it('refuses aws settings on another mechanism, naming it', () => {
    expect(messages(authSchema.safeParse({ mechanism: 'scram-sha256', aws: { assumeRole: true } }))).toEqual([
      "aws: applies only to mechanism 'aws-iam', got mechanism 'scram-sha256': remove aws or set mechanism 'aws-iam'",
    ]);
    // The default mechanism is scram-sha512.
    expect(messages(authSchema.safeParse({ aws: {} }))).toEqual([
      "aws: applies only to mechanism 'aws-iam', got mechanism 'scram-sha512': remove aws or set mechanism 'aws-iam'",
    ]);
    // Both problems at once are both reported.
    expect(messages(authSchema.safeParse({ mechanism: 'mtls', tls: false, aws: {} }))).toHaveLength(1);
    expect(messages(authSchema.safeParse({ mechanism: 'aws-iam', tls: false, aws: {} }))).toHaveLength(1);
  });
});

describe('providerSecrets of aws-iam', () => {
  const names = (aws: object | undefined) =>
    providerSecrets(authSchema.parse({ mechanism: 'aws-iam', ...(aws === undefined ? {} : { aws }) })).map(
      (s) => `${s.attribute} ${s.environmentVariable} ${s.sensitive ? 'sensitive' : 'plain'} ${s.optional ? 'optional' : 'required'}`,
    );

  it('is the region alone by default: the AWS SDK chain supplies the credentials, and none is sensitive', () => {
    expect(names(undefined)).toEqual(['sasl_aws_region AWS_REGION plain required']);
    expect(names({ assumeRole: false, profile: false })).toEqual(['sasl_aws_region AWS_REGION plain required']);
  });

  it('adds the role ARN with assumeRole and the profile with profile, in that order', () => {
    expect(names({ assumeRole: true })).toEqual(['sasl_aws_region AWS_REGION plain required', 'sasl_aws_role_arn AWS_ROLE_ARN plain required']);
    expect(names({ profile: true })).toEqual(['sasl_aws_region AWS_REGION plain required', 'sasl_aws_profile AWS_PROFILE plain required']);
    expect(names({ assumeRole: true, profile: true })).toEqual([
      'sasl_aws_region AWS_REGION plain required',
      'sasl_aws_role_arn AWS_ROLE_ARN plain required',
      'sasl_aws_profile AWS_PROFILE plain required',
    ]);
  });
});

describe("an environment's IAM policies in Terraform need layout 'environment'", () => {
  const env = (layout: 'environment' | 'domain', iam: object | undefined) => ({
    name: 'msk',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    layout,
    auth: { mechanism: 'aws-iam', aws: iam === undefined ? {} : { iam } },
  });

  it("refuses auth.aws.iam on layout 'domain': a principal's one policy spans domains", () => {
    expect(messages(environmentSchema.safeParse(env('domain', { roles: {} })))).toEqual([
      "auth.aws.iam: needs layout 'environment': a principal's IAM policy spans domains, so it cannot live in one domain's stack; use layout 'environment' or drop auth.aws.iam and attach the iam/ artifacts elsewhere",
    ]);
  });

  it("takes it on layout 'environment', and layout 'domain' without it", () => {
    expect(environmentSchema.safeParse(env('environment', { roles: {} })).success).toBe(true);
    expect(environmentSchema.safeParse(env('domain', undefined)).success).toBe(true);
  });
});

describe("the cross-field failures' code", () => {
  it("is zod's 'custom', which model/issues.ts turns into the issue code schema-custom", () => {
    const codes = (result: { success: boolean; error?: { issues: readonly { code: string }[] } }) => (result.error?.issues ?? []).map((i) => i.code);
    expect(codes(authSchema.safeParse({ mechanism: 'aws-iam', tls: false }))).toEqual(['custom']);
    expect(codes(authSchema.safeParse({ mechanism: 'mtls', aws: {} }))).toEqual(['custom']);
    expect(
      codes(
        environmentSchema.safeParse({
          name: 'msk',
          production: false,
          replicationFactor: 3,
          minInsyncReplicas: 2,
          layout: 'domain',
          auth: { mechanism: 'aws-iam', aws: { iam: { roles: {} } } },
        }),
      ),
    ).toEqual(['custom']);
  });
});
