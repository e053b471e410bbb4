// kafka_acl through the real terraform and the provider double: every change is a replacement (the resource has no
// update), the 7-part import id, the null/"Literal" pattern default, and the v0 -> v1 state upgrade.
import { expect, it } from 'vitest';
import { changeAt } from '../../scripts/terraform/workspace';
import type { ClusterAcl } from '../../scripts/terraform/cluster-file';
import { describeWithTerraform, loadStack, resourceBlock, withAppliedStack, withWorkspace } from './terraform-suite';

const GROUP_READ: ClusterAcl = {
  acl_principal: 'User:payment-service',
  acl_host: '*',
  acl_operation: 'Read',
  acl_permission_type: 'Allow',
  resource_type: 'Group',
  resource_name: 'payment-service',
  resource_pattern_type_filter: 'Prefixed',
};
const GROUP_READ_ID = 'User:payment-service|*|Read|Allow|Group|payment-service|Prefixed';

describeWithTerraform('kafka_acl in the provider double', () => {
  it('replaces an ACL when any of its attributes changes, naming the attribute', async () => {
    const stack = loadStack('two-topics');
    await withAppliedStack(stack, async (workspace) => {
      resourceBlock(stack, 'kafka_acl', 'orders_write').acl_operation = 'Describe';
      resourceBlock(stack, 'kafka_acl', 'orders_read').acl_host = '10.0.0.1';
      resourceBlock(stack, 'kafka_acl', 'payment_group_read').resource_pattern_type_filter = 'Literal';
      resourceBlock(stack, 'kafka_acl', 'payments_write').acl_principal = 'User:ledger-service';
      workspace.writeStack(stack);
      await workspace.plan();
      const plan = await workspace.showJson();

      const replaced = (address: string) => changeAt(plan, address).change;
      expect(replaced('kafka_acl.orders_write')).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['acl_operation']] });
      expect(replaced('kafka_acl.orders_read')).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['acl_host']] });
      expect(replaced('kafka_acl.payment_group_read')).toMatchObject({
        actions: ['delete', 'create'],
        replace_paths: [['resource_pattern_type_filter']],
      });
      expect(replaced('kafka_acl.payments_write')).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['acl_principal']] });

      await workspace.apply('tfplan');
      const operations = workspace.readCluster().acls.map((acl) => `${acl.acl_principal}:${acl.acl_operation}:${acl.resource_name}`);
      expect(operations).toContain('User:order-service:Describe:orders.order-created');
      expect(operations).not.toContain('User:order-service:Write:orders.order-created');
    });
  });

  it('gives an ACL without resource_pattern_type_filter the id of a Literal one and never replaces it for that', async () => {
    const stack = loadStack('two-topics');
    await withAppliedStack(stack, async (workspace) => {
      expect(workspace.readStateText()).toContain('"id": "User:payment-service|*|Write|Allow|Topic|payments.payment-settled|Literal"');

      resourceBlock(stack, 'kafka_acl', 'payments_write').resource_pattern_type_filter = 'Literal';
      workspace.writeStack(stack);
      await workspace.plan();
      const change = changeAt(await workspace.showJson(), 'kafka_acl.payments_write').change;

      // Strict mode: null -> "Literal" is an in-place update of state only (README.md, "Strict mode").
      expect(change.actions).toEqual(['update']);
      expect(change.replace_paths).toBeUndefined();
    });
  });

  it('imports an ACL by its 7-part id with terraform import', async () => {
    await withWorkspace({ json: loadStack('two-topics'), cluster: { acls: [GROUP_READ] } }, async (workspace) => {
      await workspace.init();
      const result = await workspace.importResource('kafka_acl.payment_group_read', GROUP_READ_ID);

      expect(result.stdout).toContain('Import successful!');
      await workspace.plan();
      const change = changeAt(await workspace.showJson(), 'kafka_acl.payment_group_read').change;
      expect(change.actions).toEqual(['no-op']);
      expect(change.before).toMatchObject({ ...GROUP_READ, id: GROUP_READ_ID });
    });
  });

  it('imports an ACL by its 7-part id with an import block', async () => {
    const stack = loadStack('two-topics');
    stack.import = [{ to: 'kafka_acl.payment_group_read', id: GROUP_READ_ID }];
    await withWorkspace({ json: stack, cluster: { acls: [GROUP_READ] } }, async (workspace) => {
      await workspace.init();
      await workspace.plan();
      const change = changeAt(await workspace.showJson(), 'kafka_acl.payment_group_read').change;

      expect(change.importing).toEqual({ id: GROUP_READ_ID });
      expect(change.actions).toEqual(['no-op']);
    });
  });

  it('fails to import an ACL id that does not have 7 parts', async () => {
    await withWorkspace({ json: loadStack('two-topics'), cluster: { acls: [GROUP_READ] } }, async (workspace) => {
      await workspace.init();
      const result = await workspace.importResource('kafka_acl.payment_group_read', 'User:payment-service|*|Read|Allow|Group|payment-service', {
        allowFailure: true,
      });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'expected format is acl_principal|acl_host|acl_operation|acl_permission_type|resource_type|resource_name|resource_pattern_type_filter - got 6 segments instead of 7',
      );
    });
  });

  it('upgrades a schema-version-0 ACL state by adding resource_pattern_type_filter = "Literal"', async () => {
    const acl = { ...GROUP_READ, resource_pattern_type_filter: 'Literal' };
    const id = 'User:payment-service|*|Read|Allow|Group|payment-service|Literal';
    const stack = loadStack('two-topics');
    stack.resource = { kafka_acl: { payment_group_read: { ...acl } } };
    delete stack.output;
    await withWorkspace({ json: stack, cluster: { acls: [acl] } }, async (workspace) => {
      await workspace.init();
      const version0: Record<string, string> = { ...acl, id };
      delete version0.resource_pattern_type_filter; // version 0 of the schema did not have it
      workspace.writeStateText(stateWithOneAcl(version0));

      expect((await workspace.plan({ out: null, detailedExitcode: true })).exitCode).toBe(0);
    });
  });
});

/** A terraform state (format 4) holding one kafka_acl written by schema version 0 of the provider. */
function stateWithOneAcl(attributes: Record<string, string>): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '3f9f1c52-8f35-4a53-9d0e-6c1c0d2f0a11',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'kafka_acl',
        name: 'payment_group_read',
        provider: 'provider["registry.terraform.io/mongey/kafka"]',
        instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
      },
    ],
    check_results: null,
  });
}
