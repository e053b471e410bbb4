/**
 * How terraform authenticates to the cluster. Only the mechanism is declared; secrets never are. They come from the
 * provider's own environment variables (`secrets: 'environment'`, the default) or from sensitive Terraform variables
 * (`secrets: 'variables'`), which CI supplies as TF_VAR_… values. Synth reads neither.
 */
import { z } from 'zod';
import { principalSchema } from './common';

/** The Terraform variable that carries the bootstrap servers (`TF_VAR_kafka_bootstrap_servers` in CI). */
export const BOOTSTRAP_SERVERS_VARIABLE = 'kafka_bootstrap_servers';

/**
 * `aws-iam` is Amazon MSK's IAM access control (the provider's `sasl_mechanism = "aws-iam"`; docs/msk-iam.md): terraform
 * authenticates with the AWS credentials of its environment, and access is granted by IAM policies, not Kafka ACLs.
 */
export const AUTH_MECHANISMS = ['none', 'scram-sha256', 'scram-sha512', 'oauthbearer', 'mtls', 'aws-iam'] as const;
export type AuthMechanism = (typeof AUTH_MECHANISMS)[number];

/**
 * A cluster ARN as Amazon MSK writes it: `arn:<partition>:kafka:<region>:<account>:cluster/<cluster-name>/<cluster-uuid>`
 * ("Authorization policy resources", https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html).
 */
export const MSK_CLUSTER_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):kafka:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9-]+)\/([A-Za-z0-9-]+)$/;

/** An IAM role name (IAM's `RoleName`: 1 to 64 of `[\w+=,.@-]`, IAM User Guide "IAM object quotas" and API reference). */
export const IAM_ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/**
 * An IAM role ARN, `arn:<partition>:iam::<account>:role/<path/><name>` (IAM User Guide, "IAM identifiers"): the last
 * path segment is the role's name, which is what `aws_iam_role_policy_attachment.role` takes.
 */
export const IAM_ROLE_ARN_PATTERN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\x21-\x2e\x30-\x7e]+\/)*([\w+=,.@-]{1,64})$/;

/** The placeholder of `defaultRole` that stands for the principal's name (the part after `User:`). */
export const ROLE_NAME_PLACEHOLDER = '{name}';

const roleRefSchema = z.string().refine((v) => IAM_ROLE_NAME_PATTERN.test(v) || IAM_ROLE_ARN_PATTERN.test(v), {
  message: 'must be an IAM role name (1-64 of letters, digits and +=,.@_-) or a role ARN, arn:aws:iam::<account>:role/<name>',
});

/**
 * Attaching each principal's MSK IAM policy to its IAM role in the environment's stack (`aws_iam_policy` +
 * `aws_iam_role_policy_attachment` of hashicorp/aws, docs/msk-iam.md "Policies in Terraform"). Roles are looked up,
 * never created: the IAM team owns them.
 */
export const mskIamRolesSchema = z.strictObject({
  /**
   * Per principal with grants, its IAM role: a name (`order-service`) or an ARN
   * (`arn:aws:iam::123456789012:role/kafka/order-service`, whose last segment is the name). @default {}
   */
  roles: z.record(principalSchema, roleRefSchema).default({}),
  /**
   * The role of a principal not in `roles`: a role name in which `{name}` stands for the principal's name, e.g.
   * `'msk-{name}'` gives `User:order-service` the role `msk-order-service`.
   * @default - none: every principal with grants must be in `roles`
   */
  defaultRole: z
    .string()
    .refine((v) => v.includes(ROLE_NAME_PLACEHOLDER) && IAM_ROLE_NAME_PATTERN.test(v.replaceAll(ROLE_NAME_PLACEHOLDER, 'x')), {
      message: `must be a role name holding ${ROLE_NAME_PLACEHOLDER}, e.g. 'msk-${ROLE_NAME_PLACEHOLDER}'`,
    })
    .optional(),
});
export type MskIamRolesDeclaration = z.infer<typeof mskIamRolesSchema>;

/** Settings of the `aws-iam` mechanism. None holds a credential: those come from the AWS environment of terraform. */
export const awsIamSchema = z.strictObject({
  /**
   * Terraform assumes a role for the cluster: `sasl_aws_role_arn` comes from AWS_ROLE_ARN (`secrets: 'environment'`)
   * or the Terraform variable `kafka_sasl_aws_role_arn` (`secrets: 'variables'`). @default false
   */
  assumeRole: z.boolean().default(false),
  /**
   * Terraform uses a named AWS profile: `sasl_aws_profile` from AWS_PROFILE or the variable `kafka_sasl_aws_profile`.
   * @default false
   */
  profile: z.boolean().default(false),
  /**
   * Emit Kafka ACLs too. MSK IAM access control ignores them for IAM identities, so they matter only to the cluster's
   * SCRAM or mTLS identities, when it has such listeners as well. @default false
   */
  kafkaAcls: z.boolean().default(false),
  /**
   * The cluster's ARN, to write concrete resource ARNs into the IAM policy artifacts (iam/<env>/…). Not a secret.
   * @default - the artifacts carry `${partition}`, `${region}`, `${account}`, `${cluster_name}`, `${cluster_uuid}` placeholders
   */
  clusterArn: z
    .string()
    .regex(MSK_CLUSTER_ARN_PATTERN, { message: 'must be an MSK cluster ARN, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>' })
    .optional(),
  /**
   * Emit the policies as Terraform resources and attach them to the principals' IAM roles, in the environment's stack
   * (layout 'environment' only). The cluster ARN is then the Terraform variable `msk_cluster_arn`.
   * @default - no IAM resources: the policies are only written to iam/<env>/<principal>.json
   */
  iam: mskIamRolesSchema.optional(),
});
export type AwsIamDeclaration = z.infer<typeof awsIamSchema>;

export const authSchema = z
  .strictObject({
    /** @default 'scram-sha512' */
    mechanism: z.enum(AUTH_MECHANISMS).default('scram-sha512'),
    /** TLS to the brokers. @default true */
    tls: z.boolean().default(true),
    /** Where secrets come from. @default 'environment' */
    secrets: z.enum(['environment', 'variables']).default('environment'),
    /** Settings of `mechanism: 'aws-iam'`; only with it. @default - no role, no profile, no Kafka ACLs */
    aws: awsIamSchema.optional(),
  })
  .superRefine((auth, ctx) => {
    if (auth.mechanism === 'aws-iam' && !auth.tls) {
      // MSK serves IAM authentication only on its TLS listener (port 9098); the provider would fail to connect.
      ctx.addIssue({ code: 'custom', path: ['tls'], message: "must be true with mechanism 'aws-iam': MSK accepts IAM authentication only over TLS" });
    }
    if (auth.aws !== undefined && auth.mechanism !== 'aws-iam') {
      ctx.addIssue({
        code: 'custom',
        path: ['aws'],
        message: `applies only to mechanism 'aws-iam', got mechanism '${auth.mechanism}': remove aws or set mechanism 'aws-iam'`,
      });
    }
  });
export type AuthDeclaration = z.infer<typeof authSchema>;

/** A provider attribute whose value is supplied at terraform time, never at synth time. */
export interface ProviderSecret {
  /** Attribute of the provider block, e.g. `sasl_password`. */
  readonly attribute: string;
  /** The provider's environment variable for it, e.g. `KAFKA_SASL_PASSWORD`. */
  readonly environmentVariable: string;
  /** The sensitive Terraform variable used with `secrets: 'variables'`, e.g. `kafka_sasl_password`. */
  readonly variable: string;
  readonly sensitive: boolean;
  /** Needed only in some setups (a CA certificate only when the brokers' CA is not in the system store). */
  readonly optional: boolean;
}

const secret = (attribute: string, environmentVariable: string, sensitive = true, optional = false): ProviderSecret => ({
  attribute,
  environmentVariable,
  variable: secretVariable(attribute),
  sensitive,
  optional,
});

/**
 * Every provider setting topicform may wire to a Terraform variable (`secrets: 'variables'`), whatever the mechanism:
 * what `topicform guard` accepts as a variable reference in the provider block.
 */
export const PROVIDER_SECRET_ATTRIBUTES = [
  'sasl_username',
  'sasl_password',
  'sasl_token_url',
  'ca_cert',
  'client_cert',
  'client_key',
  'sasl_aws_region',
  'sasl_aws_role_arn',
  'sasl_aws_profile',
] as const;

/** The variable a provider secret attribute is wired to: `kafka_<attribute>`. */
export const secretVariable = (attribute: string): string => `kafka_${attribute}`;

/** The settings a mechanism needs at terraform time (Mongey provider 0.13.1 names; see provider-schema/NOTES.md). */
export function providerSecrets(auth: AuthDeclaration): ProviderSecret[] {
  const tls = auth.tls ? [secret('ca_cert', 'KAFKA_CA_CERT', false, true)] : [];
  switch (auth.mechanism) {
    case 'none':
      return [];
    case 'scram-sha256':
    case 'scram-sha512':
      return [secret('sasl_username', 'KAFKA_SASL_USERNAME', false), secret('sasl_password', 'KAFKA_SASL_PASSWORD'), ...tls];
    case 'oauthbearer':
      // For OAUTHBEARER the provider uses the SASL username/password as OAuth client id and secret.
      return [
        secret('sasl_username', 'KAFKA_SASL_USERNAME', false),
        secret('sasl_password', 'KAFKA_SASL_PASSWORD'),
        secret('sasl_token_url', 'KAFKA_SASL_TOKEN_URL', false),
        ...tls,
      ];
    case 'mtls':
      return [...tls, secret('client_cert', 'KAFKA_CLIENT_CERT', false), secret('client_key', 'KAFKA_CLIENT_KEY')];
    case 'aws-iam':
      // The AWS credentials themselves (keys, session token, web identity, instance role) are the AWS SDK's chain in
      // terraform's process: topicform never wires sasl_aws_access_key / sasl_aws_secret_key. The region is required —
      // the provider exits without one — and read from KAFKA_SASL_IAM_AWS_REGION, then AWS_REGION (provider-schema/NOTES.md);
      // AWS_REGION is the one listed, as every AWS runner sets it.
      return [
        secret('sasl_aws_region', 'AWS_REGION', false),
        ...(auth.aws?.assumeRole === true ? [secret('sasl_aws_role_arn', 'AWS_ROLE_ARN', false)] : []),
        ...(auth.aws?.profile === true ? [secret('sasl_aws_profile', 'AWS_PROFILE', false)] : []),
      ];
  }
}
