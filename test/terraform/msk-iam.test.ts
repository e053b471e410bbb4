/**
 * The real terraform on an aws-iam (Amazon MSK IAM) stack against the provider double: validate, plan, apply, re-plan
 * with no changes; the provider's missing-region failure; and no AWS credential of terraform's environment anywhere.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { EnvironmentInput } from '../../model/schema';
import { describeWithTerraform } from '../double/terraform-suite';
import { createTerraformWorkspace, runLifecycle, type PlanJson } from '../../scripts/terraform/workspace';
import { MSK_IAM } from '../model/msk-iam/fixture';
import { synthShop } from '../helpers/shop';
import { processEnvPerTest } from '../helpers/process-env';

const work = mkdtempSync(join(tmpdir(), 'topicform-msk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Made-up AWS credentials in the process environment while synth and terraform run: none may land anywhere. */
const FAKE_AWS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY4TOPICFORM',
  AWS_SECRET_ACCESS_KEY: 'fake/secret+Zq8vN3kT0pic4orm',
  AWS_SESSION_TOKEN: 'fake-session-token-Zq8vN3kT',
} as const;
const setEnv = processEnvPerTest();

const synthTo = (name: string, environment: EnvironmentInput): string => synthShop(join(work, name), environment);

function everyFileText(dir: string): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name)).toString('latin1')]);
}

const actions = (plan: PlanJson): string[] => [...new Set((plan.resource_changes ?? []).map((c) => c.change.actions.join(',')))].sort();
const VARS = { kafka_bootstrap_servers: ['b-1.shop.abcd.c2.kafka.eu-west-1.amazonaws.com:9098'] };

describeWithTerraform('terraform on an MSK IAM stack with the provider double', () => {
  it('validates, plans only creates, applies and re-plans with no changes; no AWS credential lands anywhere', async () => {
    setEnv(FAKE_AWS);
    const env: EnvironmentInput = { ...MSK_IAM, auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { assumeRole: true } } };
    const out = synthTo('variables', env);
    const stackDir = join(out, 'stacks', 'msk');
    const workspace = await createTerraformWorkspace({
      stackDir,
      route: 'reattach',
      vars: { ...VARS, kafka_sasl_aws_region: 'eu-west-1', kafka_sasl_aws_role_arn: 'arn:aws:iam::123456789012:role/topicform-terraform' },
    });
    try {
      const { plan, replanHasChanges } = await runLifecycle(workspace);
      expect(actions(plan)).toEqual(['create']);
      expect((plan.resource_changes ?? []).some((c) => c.type === 'kafka_acl')).toBe(false);
      expect(replanHasChanges).toBe(false);
      const places: Array<[string, string]> = [
        ['plan JSON', JSON.stringify(plan)],
        ['state', workspace.readStateText()],
        ...workspace.history.map((c, i): [string, string] => [`command ${i} output`, `${c.stdout}\n${c.stderr}`]),
        ...everyFileText(out),
      ];
      for (const secret of Object.values(FAKE_AWS)) {
        for (const [where, text] of places) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
      }
    } finally {
      await workspace.dispose();
    }
  }, 120_000);

  it('plans with the region from AWS_REGION when the stack leaves it to the environment', async () => {
    setEnv({ AWS_REGION: 'eu-west-1', KAFKA_SASL_IAM_AWS_REGION: undefined });
    const out = synthTo('environment', { ...MSK_IAM, auth: { mechanism: 'aws-iam' } });
    const workspace = await createTerraformWorkspace({ stackDir: join(out, 'stacks', 'msk'), route: 'reattach', vars: VARS });
    try {
      await workspace.init();
      const plan = await workspace.plan({ out: null, detailedExitcode: true });
      expect(plan.exitCode).toBe(2);
    } finally {
      await workspace.dispose();
    }
  }, 120_000);

  it('fails as the provider does when no region is known (it exits without one)', async () => {
    setEnv({ AWS_REGION: undefined, KAFKA_SASL_IAM_AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined });
    const out = synthTo('no-region', { ...MSK_IAM, auth: { mechanism: 'aws-iam' } });
    const workspace = await createTerraformWorkspace({ stackDir: join(out, 'stacks', 'msk'), route: 'reattach', vars: VARS });
    try {
      await workspace.init();
      const plan = await workspace.plan({ out: null, allowFailure: true });
      expect(plan.exitCode).toBe(1);
      expect(plan.stderr).toMatch(/aws-iam needs a region/);
    } finally {
      await workspace.dispose();
    }
  }, 120_000);
});
