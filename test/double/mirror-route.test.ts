// The default route: terraform installs the double from a filesystem mirror as registry.terraform.io/mongey/kafka
// 0.13.1 and starts it itself (go-plugin handshake with AutoMTLS), exactly as it would start the real provider.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROVIDER_ADDRESS, changeAt, createTerraformWorkspace, runLifecycle } from '../../scripts/terraform/workspace';
import { STACKS_DIR, describeWithTerraform, loadStack, withWorkspace } from './terraform-suite';

const VENDORED_SCHEMA = path.resolve(__dirname, '../../provider-schema/mongey-kafka.schema.json');

describeWithTerraform('the provider double installed from a filesystem mirror', () => {
  it('serves exactly the vendored provider schema', async () => {
    await withWorkspace({ json: loadStack('two-topics'), route: 'mirror' }, async (workspace) => {
      await workspace.init();
      const served = (await workspace.providersSchema()) as { provider_schemas: Record<string, unknown> };
      const vendored = JSON.parse(fs.readFileSync(VENDORED_SCHEMA, 'utf8')) as { provider_schemas: Record<string, unknown> };

      expect(Object.keys(served.provider_schemas)).toEqual([PROVIDER_ADDRESS]);
      expect(served.provider_schemas[PROVIDER_ADDRESS]).toEqual(vendored.provider_schemas[PROVIDER_ADDRESS]);
    });
  });

  it('runs init, validate, plan, show, apply and a re-plan without changes on the two-topic stack', async () => {
    const workspace = await createTerraformWorkspace({ stackDir: path.join(STACKS_DIR, 'two-topics') });
    try {
      const { plan, replanHasChanges } = await runLifecycle(workspace);

      expect(plan.resource_changes?.map((change) => change.address).sort()).toEqual([
        'kafka_acl.orders_read',
        'kafka_acl.orders_write',
        'kafka_acl.payment_group_read',
        'kafka_acl.payments_write',
        'kafka_topic.orders',
        'kafka_topic.payments',
      ]);
      expect(changeAt(plan, 'kafka_topic.orders').change.actions).toEqual(['create']);
      expect(replanHasChanges).toBe(false);
      expect(Object.keys(workspace.readCluster().topics).sort()).toEqual(['orders.order-created', 'payments.payment-settled']);
      // init recorded the double under the real provider's address and version.
      const lock = fs.readFileSync(path.join(workspace.dir, '.terraform.lock.hcl'), 'utf8');
      expect(lock).toContain(`provider "${PROVIDER_ADDRESS}"`);
      expect(lock).toContain('version     = "0.13.1"');
    } finally {
      await workspace.dispose();
    }
  });

  it('resolves a "~> 0.13.1" version constraint to the double', async () => {
    await withWorkspace({ json: loadStack('quota-and-scram'), route: 'mirror' }, async (workspace) => {
      const result = await workspace.init();

      expect(result.stdout).toContain('Installed mongey/kafka v0.13.1');
    });
  });
});
