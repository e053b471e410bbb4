// kafka_quota and kafka_user_scram_credential through the real terraform and the provider double: quotas have no
// importer and no update; the write-only password never reaches plan, state or cluster.
import { expect, it } from 'vitest';
import { changeAt } from '../../scripts/terraform/workspace';
import { describeWithTerraform, loadStack, resourceBlock, withAppliedStack, withWorkspace } from './terraform-suite';

const PASSWORD = 'correct-horse-battery-staple'; // the stack's default for var.ledger_password

describeWithTerraform('kafka_quota and kafka_user_scram_credential in the provider double', () => {
  it('keeps the write-only password_wo out of the plan, the state and the cluster', async () => {
    await withWorkspace({ json: loadStack('quota-and-scram') }, async (workspace) => {
      await workspace.init();
      await workspace.plan();
      const plan = await workspace.showJson();
      await workspace.apply('tfplan');

      expect(changeAt(plan, 'kafka_user_scram_credential.ledger').change.after).toMatchObject({ password_wo: null, password_wo_version: '1' });
      // The plan's "variables" section shows the variable's value: that is terraform's doing, not the provider's.
      expect(JSON.stringify([plan.resource_changes, plan.planned_values])).not.toContain(PASSWORD);
      expect(workspace.readStateText()).toContain('"username": "ledger-service"');
      expect(workspace.readStateText()).not.toContain(PASSWORD);
      expect(JSON.stringify(workspace.readCluster())).not.toContain(PASSWORD);
      expect(workspace.readCluster().scram_users).toEqual([{ username: 'ledger-service', scram_mechanism: 'SCRAM-SHA-512', scram_iterations: 4096 }]);
      expect((await workspace.plan({ out: null, detailedExitcode: true })).exitCode).toBe(0);
    });
  });

  it('rotates a write-only password in place when password_wo_version changes', async () => {
    const stack = loadStack('quota-and-scram');
    await withAppliedStack(stack, async (workspace) => {
      resourceBlock(stack, 'kafka_user_scram_credential', 'ledger').password_wo_version = '2';
      workspace.writeStack(stack);
      await workspace.plan();

      expect(changeAt(await workspace.showJson(), 'kafka_user_scram_credential.ledger').change.actions).toEqual(['update']);
    });
  });

  it('fails to plan a SCRAM credential with neither password nor password_wo', async () => {
    const stack = loadStack('quota-and-scram');
    const ledger = resourceBlock(stack, 'kafka_user_scram_credential', 'ledger');
    delete ledger.password_wo;
    await withWorkspace({ json: stack }, async (workspace) => {
      await workspace.init();
      const result = await workspace.plan({ allowFailure: true });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("Error: either 'password' or 'password_wo' must be specified");
    });
  });

  it('imports a SCRAM credential by username|mechanism', async () => {
    const cluster = { scram_users: [{ username: 'ledger-service', scram_mechanism: 'SCRAM-SHA-512', scram_iterations: 4096 }] };
    await withWorkspace({ json: loadStack('quota-and-scram'), cluster }, async (workspace) => {
      await workspace.init();
      const result = await workspace.importResource('kafka_user_scram_credential.ledger', 'ledger-service|SCRAM-SHA-512');

      expect(result.stdout).toContain('Import successful!');
      expect(workspace.readStateText()).toContain('"id": "ledger-service|SCRAM-SHA-512"');
    });
  });

  it('fails to import a kafka_quota, which has no importer in v0.13.1', async () => {
    await withWorkspace({ json: loadStack('quota-and-scram') }, async (workspace) => {
      await workspace.init();
      const result = await workspace.importResource('kafka_quota.ledger_client', 'ledger-service|client-id', { allowFailure: true });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("Error: resource kafka_quota doesn't support import");
    });
  });

  it('stores quotas by entity, and replaces a quota when its config changes', async () => {
    const stack = loadStack('quota-and-scram');
    await withAppliedStack(stack, async (workspace) => {
      const quotas = workspace.readCluster().quotas;
      expect(quotas).toHaveLength(2); // in the order terraform happened to create them
      expect(quotas).toEqual(
        expect.arrayContaining([
          { entity_type: 'client-id', entity_name: 'ledger-service', config: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152 } },
          { entity_type: 'user', entity_name: null, config: { request_percentage: 50 } },
        ]),
      );
      expect(workspace.readStateText()).toContain('"id": "entity-default|user"');

      resourceBlock(stack, 'kafka_quota', 'ledger_client').config = { producer_byte_rate: 524288 };
      workspace.writeStack(stack);
      await workspace.plan();
      const change = changeAt(await workspace.showJson(), 'kafka_quota.ledger_client').change;

      expect(change.actions).toEqual(['delete', 'create']);
      expect(change.replace_paths).toEqual([['config']]);
    });
  });
});
