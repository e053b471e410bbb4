/**
 * The real terraform on every example stack, against the provider double: validate, plan, apply, and a re-plan that
 * must show no changes. Also: switching prod's stack layout moves resources without destroying anything.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { buildApp } from '../../main';
import { environments } from '../../environments';
import { domains } from '../../topics';
import { synthesize } from '../../cli/synth';
import type { EnvironmentInput } from '../../model/schema';
import { SCRAM_PASSWORD_VARIABLE_PREFIX } from '../../model/scram';
import { describeWithTerraform } from '../double/terraform-suite';
import { createTerraformWorkspace, runLifecycle, type PlanJson, type WorkspaceOptions } from '../../scripts/terraform/workspace';
import { EXAMPLE_CONFLUENT_ENV } from '../helpers/example-confluent';

const work = mkdtempSync(join(tmpdir(), 'topicform-tf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const VARS = { kafka_bootstrap_servers: ['broker-1.test:9092'] };

function synthTo(name: string, build: (outdir: string) => App): string {
  const out = join(work, name);
  const result = synthesize(build, out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return out;
}

/**
 * A distinct made-up password per SCRAM password variable the stack declares (prod's service credentials), so a leak
 * of any of them anywhere is found by name.
 */
function scramPasswords(stackDir: string): Record<string, string> {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { variable?: Record<string, unknown> };
  const names = Object.keys(json.variable ?? {}).filter((name) => name.startsWith(SCRAM_PASSWORD_VARIABLE_PREFIX));
  return Object.fromEntries(names.map((name) => [name, `pw-${name.slice(SCRAM_PASSWORD_VARIABLE_PREFIX.length)}-Zq8vN3kT`]));
}

/** Every file in a directory tree, the saved plan's zip entries unpacked, as text. */
function everyFileText(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    // A saved plan is a zip archive: its entries are compressed, so look inside it.
    const unzipped = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? spawnSync('unzip', ['-p', file]).stdout : undefined;
    out.push([file, (unzipped ?? bytes).toString('latin1')]);
  }
  return out;
}

/**
 * What an MSK IAM stack (the msk environment) needs beyond the rest: the cluster ARN variable, the AWS environment the
 * AWS provider double checks for (a region and made-up credentials), and its IAM roles in the double's account — the
 * roles topicform looks up and never creates. Nothing for the other stacks.
 */
function mskIamSetup(stackDir: string): Pick<WorkspaceOptions, 'awsAccount' | 'env' | 'vars'> {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as {
    terraform: { required_providers: Record<string, unknown> };
    data?: { aws_iam_role?: Record<string, { name: string }> };
  };
  if (json.terraform.required_providers.aws === undefined) return {};
  const environment = environments.find((e) => e.name === stackDir.split('/').pop());
  return {
    vars: { msk_cluster_arn: environment?.auth?.aws?.clusterArn },
    env: { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY4TOPICFORM', AWS_SECRET_ACCESS_KEY: 'fake/secret+Zq8vN3kT0pic4orm' },
    awsAccount: { roles: Object.values(json.data?.aws_iam_role ?? {}).map((r) => r.name) },
  };
}

/** Runs `body` with `values` in process.env (the harness hands process.env to terraform), restoring it afterwards. */
async function withEnv<T>(values: Readonly<Record<string, string>>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const actions = (plan: PlanJson): string[] => [...new Set((plan.resource_changes ?? []).map((c) => c.change.actions.join(',')))].sort();

describeWithTerraform('terraform on the example stacks', () => {
  const out = synthTo('examples', buildApp);
  const stacks = readdirSync(join(out, 'stacks')).sort();

  it.each(stacks)(
    '%s validates, plans only creates, applies and re-plans with no changes',
    async (stack) => {
      const confluent =
        (JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { provider?: Record<string, unknown> }).provider?.confluent !==
        undefined;
      const settings: Record<string, string> = confluent ? { ...EXAMPLE_CONFLUENT_ENV } : {};
      await withEnv(settings, () => lifecycle(stack, settings));
    },
    120_000,
  );

  async function lifecycle(stack: string, settings: Record<string, string>): Promise<void> {
    {
      const passwords = { ...scramPasswords(join(out, 'stacks', stack)) };
      const msk = mskIamSetup(join(out, 'stacks', stack));
      const workspace = await createTerraformWorkspace({
        stackDir: join(out, 'stacks', stack),
        route: 'reattach',
        ...msk,
        vars: { ...VARS, ...passwords, ...msk.vars },
      });
      try {
        const { plan, replanHasChanges } = await runLifecycle(workspace);
        // The passwords reached terraform as TF_VAR_… values, and are nowhere: not in the output, the plan (its
        // variables section included: the variables are ephemeral), the saved plan file, the state, the cluster or
        // any command's output.
        const places: Array<[string, string]> = [
          ['plan JSON', JSON.stringify(plan)],
          ['state', workspace.readStateText()],
          ['cluster', JSON.stringify(workspace.readCluster())],
          ...workspace.history.map((c, i): [string, string] => [`command ${i} output`, `${c.stdout}\n${c.stderr}`]),
          ...everyFileText(workspace.dir),
          ...everyFileText(join(out, 'stacks', stack)),
        ];
        for (const password of Object.values(passwords)) {
          for (const [where, text] of places) expect(text.includes(password), `${password} in ${where}`).toBe(false);
        }
        for (const secret of [settings.KAFKA_API_KEY, settings.KAFKA_API_SECRET, settings.CONFLUENT_CLOUD_API_KEY, settings.CONFLUENT_CLOUD_API_SECRET]) {
          if (secret === undefined) continue;
          for (const [where, text] of places) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
        }
        if (stack.startsWith('prod')) {
          expect(Object.keys(passwords).length, 'prod declares SCRAM credentials for its service principals').toBeGreaterThan(0);
          expect(workspace.readCluster().scram_users.length).toBe(Object.keys(passwords).length);
        }
        if (msk.awsAccount !== undefined) {
          // Every principal's policy is attached to its role, and the Kafka cluster got no ACL: MSK IAM decides access.
          const account = JSON.parse(readFileSync(workspace.awsAccountFile, 'utf8')) as { attachments: Array<{ role: string }> };
          expect(account.attachments.map((a) => a.role).sort()).toEqual([...(msk.awsAccount.roles as string[])].sort());
          expect(workspace.readCluster().acls).toEqual([]);
        }
        const json = JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, object> };
        const expected = Object.values(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
        expect(actions(plan)).toEqual(['create']);
        expect(plan.resource_changes?.length).toBe(expected);
        expect(replanHasChanges).toBe(false);
      } finally {
        await workspace.dispose();
      }
    }
  }
});

describeWithTerraform('switching stack layout with the provider double', () => {
  it('moves prod from one stack to one per domain with imports and forgets, and no create, replace or delete', async () => {
    const prod = environments.find((e) => e.name === 'prod') as EnvironmentInput;
    const build =
      (environment: EnvironmentInput) =>
      (outdir: string): App => {
        const app = new App({ outdir, stackTraces: false });
        const env = new KafkaEnvironment(app, 'prod', { environment });
        for (const name of Object.keys(domains).sort()) domains[name]?.(env);
        return app;
      };
    const before = synthTo('layout-before', build({ ...prod, layout: 'environment' }));
    const after = synthTo('layout-after', build({ ...prod, layout: 'domain', moves: [{ domains: ['orders', 'search'], from: 'prod' }] }));

    const old = await createTerraformWorkspace({
      stackDir: join(before, 'stacks', 'prod'),
      route: 'reattach',
      vars: { ...VARS, ...scramPasswords(join(before, 'stacks', 'prod')) },
    });
    try {
      await runLifecycle(old);
      const cluster = old.readCluster();
      // The old stack, now holding only `removed` blocks, forgets every resource without destroying it.
      old.writeStack(JSON.parse(readFileSync(join(after, 'stacks', 'prod', 'cdk.tf.json'), 'utf8')));
      await old.plan({ out: 'forget' });
      const forget = await old.showJson('forget');
      expect(actions(forget)).toEqual(['forget']);
      await old.apply('forget');
      expect(old.readCluster()).toEqual(cluster);

      for (const stack of ['prod-orders', 'prod-search']) {
        const next = await createTerraformWorkspace({ stackDir: join(after, 'stacks', stack), route: 'reattach', vars: VARS, cluster });
        try {
          await next.init();
          await next.plan({ out: 'adopt' });
          const plan = await next.showJson('adopt');
          expect(actions(plan), stack).toEqual(['no-op']);
          expect(
            (plan.resource_changes ?? []).every((c) => (c as { change: { importing?: unknown } }).change.importing !== undefined),
            stack,
          ).toBe(true);
          await next.apply('adopt');
          const replan = await next.plan({ out: null, detailedExitcode: true });
          expect(replan.exitCode, stack).toBe(0);
        } finally {
          await next.dispose();
        }
      }
    } finally {
      await old.dispose();
    }
  }, 180_000);
});
