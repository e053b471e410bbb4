/**
 * The real terraform on Confluent Cloud stacks against the provider double playing confluentinc/confluent: ACLs, role
 * bindings and created service accounts validate, plan, apply and re-plan with no changes; the double's cloud then holds
 * exactly the grants topology.json records; no key or secret of terraform's environment or variables lands anywhere.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { EnvironmentInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { connectTopics } from '../../model/resolve/connect';
import { describeWithTerraform } from '../double/terraform-suite';
import { createTerraformWorkspace, runLifecycle, type PlanJson } from '../../scripts/terraform/workspace';
import { CONFLUENT, withConfluent } from '../model/confluent/fixture';
import { synthShop, stackFolder } from '../helpers/shop';
import { processEnvPerTest } from '../helpers/process-env';

const work = mkdtempSync(join(tmpdir(), 'topicform-confluent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Made-up Confluent settings in the process environment while synth and terraform run. */
const PROVIDER_ENV = {
  KAFKA_ID: 'lkc-double1',
  KAFKA_REST_ENDPOINT: 'https://pkc-double.eu-west-1.aws.confluent.cloud:443',
  KAFKA_API_KEY: 'FAKEKAFKAKEY4TOPICFORM',
  KAFKA_API_SECRET: 'fake-kafka-secret-Zq8vN3kT0pic4orm',
  CONFLUENT_CLOUD_API_KEY: 'FAKECLOUDKEY4TOPICFORM',
  CONFLUENT_CLOUD_API_SECRET: 'fake-cloud-secret-Zq8vN3kT0pic4orm',
} as const;
const setEnv = processEnvPerTest();

function synthTo(name: string, environment: EnvironmentInput): string {
  return stackFolder(synthShop(join(work, name), environment), environment);
}

const actions = (plan: PlanJson): string[] => [...new Set((plan.resource_changes ?? []).map((c) => c.change.actions.join(',')))].sort();
const types = (plan: PlanJson): string[] => [...new Set((plan.resource_changes ?? []).map((c) => c.type))].sort();
const topologyOf = (stackDir: string): Topology => JSON.parse(readFileSync(join(stackDir, 'topology.json'), 'utf8')) as Topology;

interface Cloud {
  topics: Record<string, { partitions_count: number; config: Record<string, string> }>;
  acls: string[];
  role_bindings: Record<string, { principal: string; role_name: string; crn_pattern: string }>;
  service_accounts: Record<string, { display_name: string }>;
}

describeWithTerraform('terraform on Confluent Cloud stacks with the provider double', () => {
  it('ACL mode, settings from the provider environment: plans creates, applies, re-plans clean; the cloud holds the recorded grants', async () => {
    setEnv(PROVIDER_ENV);
    const stackDir = synthTo('acls', CONFLUENT);
    const workspace = await createTerraformWorkspace({ stackDir, route: 'reattach' });
    try {
      const { plan, replanHasChanges } = await runLifecycle(workspace);
      expect(actions(plan)).toEqual(['create']);
      expect(types(plan)).toEqual(['confluent_kafka_acl', 'confluent_kafka_topic']);
      expect(replanHasChanges).toBe(false);
      const cloud = JSON.parse(readFileSync(workspace.confluentFile, 'utf8')) as Cloud;
      const topology = topologyOf(stackDir);
      expect(Object.keys(cloud.topics).sort()).toEqual([...topology.topics, ...connectTopics(topology.connect)].map((t) => `lkc-double1/${t.name}`).sort());
      // Each recorded grant is on the cloud as the provider's ACL id, in the name of the principal's service account.
      const account = new Map(topology.confluentCloud?.serviceAccounts.map((a) => [a.principal, a.id]));
      const expected = topology.acls.map(
        (a) =>
          `lkc-double1/${a.resourceType === 'TransactionalID' ? 'TRANSACTIONAL_ID' : a.resourceType.toUpperCase()}#${a.resourceName}#${a.patternType.toUpperCase()}#User:${String(account.get(a.principal))}#*#${a.operation.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}#ALLOW`,
      );
      expect([...cloud.acls].sort()).toEqual(expected.sort());
      const places = [
        JSON.stringify(plan),
        workspace.readStateText(),
        readFileSync(workspace.confluentFile, 'utf8'),
        ...workspace.history.map((h) => h.stdout + h.stderr),
      ];
      for (const secret of [PROVIDER_ENV.KAFKA_API_SECRET, PROVIDER_ENV.CONFLUENT_CLOUD_API_SECRET, PROVIDER_ENV.KAFKA_API_KEY]) {
        for (const text of places) expect(text.includes(secret)).toBe(false);
      }
    } finally {
      await workspace.dispose();
    }
  }, 180_000);

  it('fails at plan as the provider does when only part of the Kafka settings is known', async () => {
    setEnv({ ...PROVIDER_ENV, KAFKA_API_SECRET: undefined });
    const stackDir = synthTo('partial', CONFLUENT);
    const workspace = await createTerraformWorkspace({ stackDir, route: 'reattach' });
    try {
      await workspace.init();
      const result = await workspace.plan({ allowFailure: true });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/All 4 kafka_api_key, kafka_api_secret, kafka_rest_endpoint, kafka_id attributes should be set/);
    } finally {
      await workspace.dispose();
    }
  }, 120_000);

  it('role bindings with created service accounts and settings from ephemeral variables: apply, re-plan clean, no secret in plan or state', async () => {
    setEnv(Object.fromEntries(Object.keys(PROVIDER_ENV).map((k) => [k, undefined])));
    const env = withConfluent({
      access: 'role-bindings',
      createServiceAccounts: true,
      secrets: 'variables',
      serviceAccounts: { 'User:order-service': 'sa-order1' },
    });
    const stackDir = synthTo('role-bindings', env);
    const vars = {
      confluent_kafka_id: 'lkc-double2',
      confluent_kafka_rest_endpoint: PROVIDER_ENV.KAFKA_REST_ENDPOINT,
      confluent_kafka_api_key: PROVIDER_ENV.KAFKA_API_KEY,
      confluent_kafka_api_secret: PROVIDER_ENV.KAFKA_API_SECRET,
      confluent_cloud_api_key: PROVIDER_ENV.CONFLUENT_CLOUD_API_KEY,
      confluent_cloud_api_secret: PROVIDER_ENV.CONFLUENT_CLOUD_API_SECRET,
      confluent_kafka_rbac_crn: 'crn://confluent.cloud/organization=org-1/environment=env-1/cloud-cluster=lkc-double2',
    };
    const workspace = await createTerraformWorkspace({ stackDir, route: 'reattach', vars });
    try {
      const { plan, replanHasChanges } = await runLifecycle(workspace);
      expect(actions(plan)).toEqual(['create']);
      expect(types(plan)).toEqual(['confluent_kafka_topic', 'confluent_role_binding', 'confluent_service_account']);
      expect(replanHasChanges).toBe(false);
      const cloud = JSON.parse(readFileSync(workspace.confluentFile, 'utf8')) as Cloud;
      const topology = topologyOf(stackDir);
      expect(Object.keys(cloud.role_bindings).length).toBe(topology.confluentCloud?.roleBindings?.length);
      const paymentAccount = Object.entries(cloud.service_accounts).find(([, a]) => a.display_name === 'payment-service')?.[0];
      expect(Object.values(cloud.role_bindings)).toContainEqual({
        principal: `User:${String(paymentAccount)}`,
        role_name: 'DeveloperRead',
        crn_pattern: 'crn://confluent.cloud/organization=org-1/environment=env-1/cloud-cluster=lkc-double2/kafka=lkc-double2/group=shop.payment',
      });
      const places = [JSON.stringify(plan), workspace.readStateText(), readFileSync(workspace.confluentFile, 'utf8')];
      for (const secret of [vars.confluent_kafka_api_secret, vars.confluent_cloud_api_secret]) {
        for (const text of places) expect(text.includes(secret)).toBe(false);
      }
    } finally {
      await workspace.dispose();
    }
  }, 180_000);
});

it('the output directory holds no planted Confluent setting after synth', () => {
  setEnv(PROVIDER_ENV);
  const stackDir = synthTo('planted', CONFLUENT);
  const texts = readdirSync(join(stackDir, '..', '..'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'));
  for (const value of Object.values(PROVIDER_ENV)) {
    expect(
      texts.some((t) => t.includes(value)),
      value,
    ).toBe(false);
  }
});
