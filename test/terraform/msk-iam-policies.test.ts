/**
 * The real terraform on an aws-iam stack with MSK IAM policies (auth.aws.iam) against the provider doubles of
 * mongey/kafka and the hashicorp/aws subset: validate, plan, apply, a clean re-plan; the policies land in the AWS
 * double's account attached to the declared roles, with the documented ARNs of the cluster the variable names; and the
 * failures the real provider and IAM would give — a missing role fails the plan, a malformed cluster ARN fails the
 * variable's validation, invalid policy JSON fails validate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { EnvironmentInput } from '../../model/schema';
import { policyName } from '../../model/msk-iam/terraform';
import { describeWithTerraform, diagnosticsIn } from '../double/terraform-suite';
import { createTerraformWorkspace, runLifecycle, type PlanJson, type TerraformWorkspace, type WorkspaceOptions } from '../../scripts/terraform/workspace';
import { CLUSTER_ARN, MSK_IAM } from '../model/msk-iam/fixture';
import { synthShop, stackFolder } from '../helpers/shop';

const work = mkdtempSync(join(tmpdir(), 'topicform-msk-iam-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Made-up AWS credentials: the AWS double checks a credential source is there, as the provider does, and reads none. */
const AWS_ENV = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY4TOPICFORM', AWS_SECRET_ACCESS_KEY: 'fake/secret+Zq8vN3kT0pic4orm' } as const;
const VARS = { kafka_bootstrap_servers: ['b-1.shop.abcd.c2.kafka.eu-west-1.amazonaws.com:9098'], msk_cluster_arn: CLUSTER_ARN };
const ROLES = [
  'orders-writer',
  'msk-audit-service',
  'msk-ledger-service',
  'msk-notification-service',
  'msk-order-totals',
  'msk-payment-service',
  'msk-shop-cdc',
  'msk-shop-connect',
  'msk-shop-sink',
];
const ENVIRONMENT: EnvironmentInput = {
  ...MSK_IAM,
  auth: {
    mechanism: 'aws-iam',
    aws: { clusterArn: CLUSTER_ARN, iam: { defaultRole: 'msk-{name}', roles: { 'User:order-service': 'arn:aws:iam::123456789012:role/orders-writer' } } },
  },
};

function synthStackDir(name: string, environment: EnvironmentInput): string {
  return stackFolder(synthShop(join(work, name), environment), environment);
}

async function withWorkspace<T>(options: WorkspaceOptions, body: (w: TerraformWorkspace) => Promise<T>): Promise<T> {
  const workspace = await createTerraformWorkspace({ route: 'reattach', vars: VARS, env: AWS_ENV, awsAccount: { roles: ROLES }, ...options });
  try {
    return await body(workspace);
  } finally {
    await workspace.dispose();
  }
}

interface Account {
  policies: Record<string, { name: string; path: string; document: string }>;
  attachments: Array<{ role: string; policy_arn: string }>;
}
const accountOf = (w: TerraformWorkspace): Account => JSON.parse(readFileSync(w.awsAccountFile, 'utf8')) as Account;
const actions = (plan: PlanJson): string[] => [...new Set((plan.resource_changes ?? []).map((c) => c.change.actions.join(',')))].sort();

describeWithTerraform('terraform on an MSK IAM stack with policies, against the Kafka and AWS provider doubles', () => {
  const stackDir = synthStackDir('policies', ENVIRONMENT);

  it('validates, plans only creates, applies the policies attached to their roles, and re-plans with no changes', async () => {
    await withWorkspace({ stackDir }, async (workspace) => {
      const { plan, replanHasChanges } = await runLifecycle(workspace);
      expect(actions(plan)).toEqual(['create']);
      const types = (plan.resource_changes ?? []).map((c) => c.type);
      expect(types.filter((t) => t === 'aws_iam_policy')).toHaveLength(9);
      expect(types.filter((t) => t === 'aws_iam_role_policy_attachment')).toHaveLength(9);
      expect(replanHasChanges).toBe(false);

      const account = accountOf(workspace);
      const order = Object.entries(account.policies).find(([, p]) => p.name === policyName('msk', 'User:order-service'));
      expect(order?.[0]).toBe('arn:aws:iam::123456789012:policy/topicform/topicform-msk-order-service');
      // Terraform filled in the cluster ARN's parts: the policy holds the documented ARN forms of the declared cluster.
      expect(JSON.parse(order?.[1].document ?? '{}')).toEqual({
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
      expect(account.attachments).toContainEqual({ role: 'orders-writer', policy_arn: order?.[0] });
      expect(account.attachments.map((a) => a.role).sort()).toEqual([...ROLES].sort());
      // The AWS credentials reached the doubles through the environment only.
      for (const secret of [AWS_ENV.AWS_ACCESS_KEY_ID, AWS_ENV.AWS_SECRET_ACCESS_KEY]) {
        expect(workspace.readStateText().includes(secret)).toBe(false);
        expect(JSON.stringify(plan).includes(secret)).toBe(false);
      }
    });
  }, 180_000);

  it('updates a policy in place when a grant goes, and keeps its attachment', async () => {
    await withWorkspace({ stackDir }, async (workspace) => {
      await runLifecycle(workspace);
      const stack = workspace.readStack() as { resource: { aws_iam_policy: Record<string, { policy: string }> } };
      const policy = stack.resource.aws_iam_policy['order-service'];
      if (policy === undefined) throw new Error('no policy for order-service');
      const document = JSON.parse(policy.policy) as { Statement: unknown[] };
      policy.policy = JSON.stringify({ ...document, Statement: document.Statement.slice(0, 1) });
      workspace.writeStack(stack);
      await workspace.plan({ out: 'revoke' });
      const plan = await workspace.showJson('revoke');
      expect((plan.resource_changes ?? []).filter((c) => c.change.actions.join() !== 'no-op').map((c) => [c.address, c.change.actions.join()])).toEqual([
        ['aws_iam_policy.order-service', 'update'],
      ]);
      await workspace.apply('revoke');
      const stored = Object.values(accountOf(workspace).policies).find((p) => p.name === 'topicform-msk-order-service');
      expect((JSON.parse(stored?.document ?? '{}') as { Statement: unknown[] }).Statement).toHaveLength(1);
    });
  }, 180_000);

  it('fails the plan, naming the role, when a declared role does not exist; nothing is created', async () => {
    await withWorkspace({ stackDir, awsAccount: { roles: ROLES.filter((r) => r !== 'msk-payment-service') } }, async (workspace) => {
      await workspace.init();
      const plan = await workspace.plan({ out: null, allowFailure: true });
      expect(plan.exitCode).toBe(1);
      expect(diagnosticsIn(plan.stderr).join('\n')).toMatch(/reading IAM Role \(msk-payment-service\): couldn't find resource/);
      expect(accountOf(workspace).policies).toEqual({});
    });
  }, 180_000);

  it('refuses a cluster ARN that is not one, with the variable validation message', async () => {
    await withWorkspace({ stackDir, vars: { ...VARS, msk_cluster_arn: 'arn:aws:kafka:eu-west-1:123456789012:topic/shop/x/y' } }, async (workspace) => {
      await workspace.init();
      const plan = await workspace.plan({ out: null, allowFailure: true });
      expect(plan.exitCode).toBe(1);
      expect(plan.stderr).toMatch(/msk_cluster_arn must be an MSK cluster ARN/);
    });
  }, 180_000);

  it('rejects a policy that is not JSON at validate, and one IAM would call malformed at apply', async () => {
    await withWorkspace({ stackDir }, async (workspace) => {
      await workspace.init();
      const stack = workspace.readStack() as { resource: { aws_iam_policy: Record<string, { policy: string }> } };
      const original = structuredClone(stack);
      const policy = stack.resource.aws_iam_policy['order-service'];
      if (policy === undefined) throw new Error('no policy for order-service');
      policy.policy = '{"Version": "2012-10-17", "Statement": [';
      workspace.writeStack(stack);
      const validate = await workspace.validate({ allowFailure: true });
      expect(validate.exitCode).toBe(1);
      expect(validate.stderr).toMatch(/"policy" contains an invalid JSON/);

      const malformed = original.resource.aws_iam_policy['order-service'];
      if (malformed === undefined) throw new Error('no policy for order-service');
      malformed.policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['Connect'], Resource: ['*'] }] });
      workspace.writeStack(original);
      const apply = await workspace.run(['apply', '-no-color', '-input=false', '-auto-approve'], { allowedExitCodes: [1] });
      expect(apply.exitCode).toBe(1);
      expect(apply.stderr).toMatch(/MalformedPolicyDocument: Actions\/Conditions must be prefaced by a vendor/);
    });
  }, 180_000);

  it('fails like the AWS provider without a region or without credentials', async () => {
    await withWorkspace(
      {
        stackDir,
        env: {
          AWS_REGION: undefined,
          AWS_DEFAULT_REGION: undefined,
          KAFKA_SASL_IAM_AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined,
          AWS_PROFILE: undefined,
        },
      },
      async (workspace) => {
        await workspace.init();
        const plan = await workspace.plan({ out: null, allowFailure: true });
        expect(plan.exitCode).toBe(1);
        expect(plan.stderr).toMatch(/invalid AWS Region/);
        expect(plan.stderr).toMatch(/No valid credential sources found/);
      },
    );
  }, 180_000);

  it('installs both doubles from the filesystem mirror, as terraform would the real providers', async () => {
    await withWorkspace({ stackDir, route: 'mirror' }, async (workspace) => {
      const { replanHasChanges } = await runLifecycle(workspace);
      expect(replanHasChanges).toBe(false);
      expect(accountOf(workspace).attachments).toHaveLength(9);
    });
  }, 240_000);
});
