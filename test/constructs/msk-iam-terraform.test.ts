/**
 * MSK IAM policies as Terraform resources (auth.aws.iam): one aws_iam_policy per principal holding exactly the policy
 * document of its iam/ artifact (with the cluster ARN's parts from the variable msk_cluster_arn), attached to the
 * principal's IAM role, which a data source looks up; errors that name the field when a principal has no role.
 */
import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import type { EnvironmentInput } from '../../model/schema';
import { CLUSTER_ARN_PLACEHOLDERS, policyDocument } from '../../model/msk-iam/arn';
import { mskIamAttachments, roleName } from '../../model/msk-iam/roles';
import { MSK_CLUSTER_LOCAL_VALUE, policyAddress, policyName } from '../../model/msk-iam/terraform';
import { schemaProblems } from '../helpers/provider-schema';
import { synthStack } from '../helpers/synth';
import { CLUSTER_ARN, MSK_IAM, shop } from '../model/msk-iam/fixture';

const PRINCIPALS = [
  'User:audit-service',
  'User:ledger-service',
  'User:notification-service',
  'User:order-service',
  'User:order-totals',
  'User:payment-service',
  'User:shop-cdc',
  'User:shop-connect',
  'User:shop-sink',
];

const withIam = (
  iam: NonNullable<NonNullable<NonNullable<EnvironmentInput['auth']>['aws']>['iam']>,
  secrets: 'environment' | 'variables' = 'environment',
): EnvironmentInput => ({
  ...MSK_IAM,
  auth: { mechanism: 'aws-iam', secrets, aws: { clusterArn: CLUSTER_ARN, iam } },
});

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;

/** Substitutes the terraform references of a policy text with what terraform computes from a cluster ARN. */
function evaluatePolicy(text: string, clusterArn: string): unknown {
  const [, partition, , region, account] = clusterArn.split(':');
  const [, name, uuid] = clusterArn.split('/');
  const parts: Record<string, string | undefined> = { partition, region, account, cluster_name: name, cluster_uuid: uuid };
  return JSON.parse(text.replace(/\$\{local\.msk_cluster\.([a-z_]+)\}/g, (_m, part: string) => parts[part] ?? '?'));
}

describe('aws_iam_policy and aws_iam_role_policy_attachment per principal (auth.aws.iam)', () => {
  const { json, topology } = synthStack(
    (s) => shop(s),
    withIam({ defaultRole: 'msk-{name}', roles: { 'User:order-service': 'arn:aws:iam::123456789012:role/kafka/orders-writer' } }),
  );
  const tf = json as unknown as Json;

  it('conforms to the vendored hashicorp/aws and mongey/kafka schemas', () => {
    expect(schemaProblems(json)).toEqual([]);
    expect((json as unknown as { terraform: { required_providers: Record<string, unknown> } }).terraform.required_providers.aws).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.0',
    });
  });

  it('emits one policy and one attachment per principal with grants, and a role lookup per role', () => {
    expect(Object.keys(tf.resource?.aws_iam_policy ?? {}).sort()).toEqual(PRINCIPALS.map(policyAddress).sort());
    expect(Object.keys(tf.resource?.aws_iam_role_policy_attachment ?? {}).sort()).toEqual(PRINCIPALS.map(policyAddress).sort());
    expect(
      Object.values(tf.data?.aws_iam_role ?? {})
        .map((r) => r.name)
        .sort(),
    ).toEqual(
      [
        'msk-audit-service',
        'msk-ledger-service',
        'msk-notification-service',
        'orders-writer',
        'msk-order-totals',
        'msk-payment-service',
        'msk-shop-cdc',
        'msk-shop-connect',
        'msk-shop-sink',
      ].sort(),
    );
    const attachment = tf.resource?.aws_iam_role_policy_attachment?.['order-service'];
    expect(attachment).toEqual({ policy_arn: '${aws_iam_policy.order-service.arn}', role: '${data.aws_iam_role.orders-writer.name}' });
  });

  it("holds exactly each principal's artifact policy once terraform fills in the cluster ARN", () => {
    for (const policy of topology.mskIam?.policies ?? []) {
      const resource = tf.resource?.aws_iam_policy?.[policyAddress(policy.principal)];
      expect(resource?.name).toBe(policyName('msk', policy.principal));
      expect(resource?.path).toBe('/topicform/');
      const fromArtifact = JSON.parse(
        JSON.stringify(policyDocument(policy.statements, CLUSTER_ARN_PLACEHOLDERS)).replace(
          /\$\{([a-z_]+)\}/g,
          (_m, part: string) => `\${local.msk_cluster.${part}}`,
        ),
      ) as unknown;
      expect(JSON.parse(resource?.policy as string)).toEqual(fromArtifact);
      // What terraform evaluates has the documented ARN forms of the declared cluster.
      const evaluated = JSON.stringify(evaluatePolicy(resource?.policy as string, CLUSTER_ARN));
      expect(evaluated).toContain(`"${CLUSTER_ARN}"`);
      expect(evaluated).not.toMatch(/\$\{/);
    }
    const order = evaluatePolicy(tf.resource?.aws_iam_policy?.['order-service']?.policy as string, CLUSTER_ARN);
    expect(order).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], Resource: [CLUSTER_ARN] },
        {
          Effect: 'Allow',
          Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'],
          Resource: ['arn:aws:kafka:eu-west-1:123456789012:topic/shop/abcd-1234-ef/shop.order-created'],
        },
      ],
    });
  });

  it('takes the cluster ARN from a validated variable and splits it in a local, never from synth', () => {
    expect(tf.variable?.msk_cluster_arn).toMatchObject({ type: 'string', nullable: false });
    const validation = (tf.variable?.msk_cluster_arn as unknown as { validation: Array<{ condition: string }> }).validation[0];
    expect(validation?.condition).toBe(
      '${can(regex("^arn:(aws|aws-cn|aws-us-gov):kafka:([a-z0-9-]+):([0-9]{12}):cluster/([A-Za-z0-9-]+)/([A-Za-z0-9-]+)$", var.msk_cluster_arn))}',
    );
    expect((json as unknown as { locals: unknown }).locals).toEqual({ msk_cluster: MSK_CLUSTER_LOCAL_VALUE });
    // The declared clusterArn goes to the artifacts only: the stack is the same for any cluster.
    expect(JSON.stringify(json)).not.toContain('abcd-1234-ef');
  });

  it('leaves the AWS provider to the AWS environment, or wires region and profile to the Kafka provider variables', () => {
    expect((json as unknown as { provider: { aws: unknown[] } }).provider.aws).toEqual([{}]);
    const { json: vars } = synthStack((s) => shop(s), {
      ...withIam({ defaultRole: 'msk-{name}' }, 'variables'),
      auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { profile: true, iam: { defaultRole: 'msk-{name}' } } },
    });
    expect((vars as unknown as { provider: { aws: unknown[] } }).provider.aws).toEqual([
      { profile: '${var.kafka_sasl_aws_profile}', region: '${var.kafka_sasl_aws_region}' },
    ]);
    expect(schemaProblems(vars)).toEqual([]);
  });

  it('is byte-identical whatever the declaration order', () => {
    const env = withIam({ defaultRole: 'msk-{name}' });
    const a = synthStack((s) => shop(s), env).json;
    const b = synthStack((s) => shop(s, true), env).json;
    expect(JSON.stringify(b.resource)).toBe(JSON.stringify(a.resource));
    expect(JSON.stringify((b as unknown as Json).data)).toBe(JSON.stringify((a as unknown as Json).data));
  });

  it('emits no AWS resource without auth.aws.iam: the policies are then only the iam/ artifacts', () => {
    const { json: plain } = synthStack((s) => shop(s), MSK_IAM);
    const text = JSON.stringify(plain);
    expect(text).not.toContain('aws_iam');
    expect(text).not.toContain('hashicorp/aws');
  });
});

describe('principal → IAM role', () => {
  it('fails when a principal with grants has no role and no defaultRole applies, naming the environment field and the principal', () => {
    const app = Testing.app();
    const stack = new KafkaStack(app, 'msk', { environment: withIam({ roles: { 'User:order-service': 'orders-writer' } }) });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws\.iam\.roles: principal "User:payment-service" has MSK IAM grants but no IAM role/);
  });

  it('warns about a role for a principal without grants, with a did-you-mean', () => {
    const { issues } = mskIamAttachments([{ principal: 'User:order-service', statements: [], neededBy: [] }], {
      roles: { 'User:order-servise': 'x', 'User:order-service': 'y' },
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'auth.aws.iam.roles["User:order-servise"]',
        code: 'msk-iam-role-unused',
        severity: 'warning',
        hint: 'did you mean "User:order-service"?',
      }),
    ]);
  });

  it('refuses a defaultRole that gives a principal a name IAM does not allow', () => {
    const { issues, attachments } = mskIamAttachments([{ principal: 'User:CN=orders svc,OU=x', statements: [], neededBy: [] }], {
      roles: {},
      defaultRole: 'msk-{name}',
    });
    expect(attachments).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ path: 'auth.aws.iam.defaultRole', code: 'msk-iam-default-role-invalid' })]);
  });

  it.each([
    ['order-service', 'order-service'],
    ['arn:aws:iam::123456789012:role/order-service', 'order-service'],
    ['arn:aws:iam::123456789012:role/kafka/prod/order-service', 'order-service'],
    ['arn:aws-cn:iam::123456789012:role/a.b@c', 'a.b@c'],
  ])('takes the role name of %s', (declared, name) => expect(roleName(declared)).toBe(name));

  it('refuses malformed role references and a defaultRole without {name} in the environment schema', () => {
    const app = Testing.app();
    const stack = new KafkaStack(app, 'msk', {
      environment: withIam({ roles: { 'User:order-service': 'arn:aws:iam::1:role/x', 'User:shop-sink': 'has space' }, defaultRole: 'msk-role' }),
    });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws\.iam\.roles\["User:order-service"\]: must be an IAM role name/);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws\.iam\.defaultRole: must be a role name holding \{name\}/);
  });

  it("refuses auth.aws.iam with layout 'domain'", () => {
    const app = Testing.app();
    const stack = new KafkaStack(app, 'msk', { environment: { ...withIam({ defaultRole: 'msk-{name}' }), layout: 'domain' } });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws\.iam: needs layout 'environment'/);
  });
});
