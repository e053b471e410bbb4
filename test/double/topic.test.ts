// kafka_topic through the real terraform and the provider double: what plans replace, what updates in place,
// drift, import, and the broker's "already exists".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAt } from '../../scripts/terraform/workspace';
import type { PlanJson, TerraformWorkspace } from '../../scripts/terraform/workspace';
import { appliedWorkspace, describeWithTerraform, loadStack, resourceBlock, withAppliedStack, withWorkspace } from './terraform-suite';
import type { StackJson } from './terraform-suite';

const ORDERS = 'orders.order-created';

describeWithTerraform('kafka_topic in the provider double', () => {
  it('plans a create for every topic and ACL, with the id known only after apply', async () => {
    await withWorkspace({ json: loadStack('two-topics') }, async (workspace) => {
      await workspace.init();
      await workspace.plan();
      const plan = await workspace.showJson();

      const orders = changeAt(plan, 'kafka_topic.orders');
      expect(orders.change.actions).toEqual(['create']);
      expect(orders.change.after).toMatchObject({ name: ORDERS, partitions: 6, replication_factor: 3 });
      expect(orders.change.after_unknown).toMatchObject({ id: true });
      expect(plan.resource_changes?.map((change) => change.change.actions)).toEqual(Array(6).fill(['create']));
    });
  });

  describe('changes planned against the applied two-topic stack', () => {
    // Plan-only cases share one applied workspace: each writes its own edit of the stack and plans, nothing applies.
    let workspace: TerraformWorkspace | undefined;
    beforeAll(async () => {
      workspace = await appliedWorkspace(loadStack('two-topics'));
    });
    afterAll(() => workspace?.dispose());

    async function planEdited(edit: (stack: StackJson) => void): Promise<PlanJson> {
      if (!workspace) throw new Error('the applied workspace did not start');
      const stack = loadStack('two-topics');
      edit(stack);
      workspace.writeStack(stack);
      await workspace.plan();
      return workspace.showJson();
    }

    it('updates in place when partitions grow', async () => {
      const plan = await planEdited((stack) => (resourceBlock(stack, 'kafka_topic', 'orders').partitions = 12));
      const change = changeAt(plan, 'kafka_topic.orders').change;

      expect(change.actions).toEqual(['update']);
      expect(change.replace_paths).toBeUndefined();
    });

    it('replaces the topic when partitions shrink, because Kafka cannot delete partitions', async () => {
      const plan = await planEdited((stack) => (resourceBlock(stack, 'kafka_topic', 'orders').partitions = 3));
      const orders = changeAt(plan, 'kafka_topic.orders');

      expect(orders.change.actions).toEqual(['delete', 'create']);
      expect(orders.change.replace_paths).toEqual([['partitions']]);
      expect(orders.action_reason).toBe('replace_because_cannot_update');
    });

    it('replaces the topic when the new partition count is unknown at plan time, as SDKv2 reads it as 0', async () => {
      // terraform_data (terraform's built-in provider) is new here, so its output is known only after apply; were it
      // known, 12 > 6 would be an in-place update.
      const plan = await planEdited((stack) => {
        stack.resource = { ...stack.resource, terraform_data: { partitions: { input: 12 } } };
        resourceBlock(stack, 'kafka_topic', 'orders').partitions = '${terraform_data.partitions.output}';
      });
      const orders = changeAt(plan, 'kafka_topic.orders');

      expect(orders.change.after_unknown).toMatchObject({ partitions: true });
      expect(orders.change.actions).toEqual(['delete', 'create']);
      expect(orders.change.replace_paths).toEqual([['partitions']]);
      expect(changeAt(plan, 'kafka_topic.payments').change.actions).toEqual(['no-op']);
    });

    it('replaces a renamed topic, and the ACLs that name it', async () => {
      const plan = await planEdited((stack) => (resourceBlock(stack, 'kafka_topic', 'orders').name = 'orders.order-placed'));

      expect(changeAt(plan, 'kafka_topic.orders').change).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['name']] });
      // resource_name is "${kafka_topic.orders.name}": unknown until the new topic exists, so it is a replacement too.
      expect(changeAt(plan, 'kafka_acl.orders_write').change).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['resource_name']] });
      expect(changeAt(plan, 'kafka_topic.payments').change.actions).toEqual(['no-op']);
    });

    it('updates config and replication factor in place', async () => {
      const plan = await planEdited((stack) => {
        resourceBlock(stack, 'kafka_topic', 'orders').config = { 'cleanup.policy': 'delete', 'retention.ms': '86400000' };
        resourceBlock(stack, 'kafka_topic', 'payments').replication_factor = 2;
      });

      expect(changeAt(plan, 'kafka_topic.orders').change.actions).toEqual(['update']);
      expect(changeAt(plan, 'kafka_topic.payments').change.actions).toEqual(['update']);
    });
  });

  it('applies in-place updates to the cluster and then shows no changes', async () => {
    const stack = loadStack('two-topics');
    await withAppliedStack(stack, async (workspace) => {
      const orders = resourceBlock(stack, 'kafka_topic', 'orders');
      orders.partitions = 12;
      orders.config = { 'cleanup.policy': 'delete', 'retention.ms': '86400000' }; // changed one key, removed another
      resourceBlock(stack, 'kafka_topic', 'payments').replication_factor = 2;
      workspace.writeStack(stack);
      await workspace.apply();

      const cluster = workspace.readCluster();
      expect(cluster.topics[ORDERS]).toEqual({ partitions: 12, replication_factor: 3, config: { 'cleanup.policy': 'delete', 'retention.ms': '86400000' } });
      expect(cluster.topics['payments.payment-settled']?.replication_factor).toBe(2);
      expect((await workspace.plan({ out: null, detailedExitcode: true })).exitCode).toBe(0);
    });
  });

  it('shows a topic deleted outside terraform as drift and plans to create it again', async () => {
    await withAppliedStack(loadStack('two-topics'), async (workspace) => {
      const cluster = workspace.readCluster();
      delete cluster.topics[ORDERS];
      workspace.writeCluster(cluster);

      const result = await workspace.plan({ detailedExitcode: true });
      const plan = await workspace.showJson();

      expect(result.exitCode).toBe(2);
      expect(plan.resource_drift?.map((drift) => [drift.address, drift.change.actions])).toEqual([['kafka_topic.orders', ['delete']]]);
      expect(changeAt(plan, 'kafka_topic.orders').change.actions).toEqual(['create']);
    });
  });

  it('fails at apply when the topic already exists in the cluster', async () => {
    const cluster = { topics: { [ORDERS]: { partitions: 6, replication_factor: 3, config: {} } } };
    await withWorkspace({ json: loadStack('two-topics'), cluster }, async (workspace) => {
      await workspace.init();
      await workspace.plan();
      const result = await workspace.apply('tfplan', { allowFailure: true });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`Error: kafka server: Topic with this name already exists - Topic '${ORDERS}' already exists.`);
      expect(result.stderr).toContain('with kafka_topic.orders');
      // The other topic was created and is in state; the failed one is not.
      expect(workspace.readStateText()).toContain('payments.payment-settled');
      expect(workspace.readStateText()).not.toContain(`"id": "${ORDERS}"`);
    });
  });

  it('imports a topic by its name with an import block', async () => {
    const stack = loadStack('two-topics');
    stack.import = [{ to: 'kafka_topic.orders', id: ORDERS }];
    const existing = { partitions: 6, replication_factor: 3, config: { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': '604800000' } };
    await withWorkspace({ json: stack, cluster: { topics: { [ORDERS]: existing } } }, async (workspace) => {
      await workspace.init();
      await workspace.plan();
      const orders = changeAt(await workspace.showJson(), 'kafka_topic.orders');

      expect(orders.change.importing).toEqual({ id: ORDERS });
      expect(orders.change.actions).toEqual(['no-op']);
      expect(orders.change.after).toMatchObject({ id: ORDERS, name: ORDERS, partitions: 6 });
      await workspace.apply('tfplan');
      expect((await workspace.plan({ out: null, detailedExitcode: true })).exitCode).toBe(0);
    });
  });

  it('fails to import a topic the cluster does not have', async () => {
    await withWorkspace({ json: loadStack('two-topics') }, async (workspace) => {
      await workspace.init();
      const result = await workspace.importResource('kafka_topic.orders', 'no-such-topic', { allowFailure: true });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('Cannot import non-existent remote object');
    });
  });
});
