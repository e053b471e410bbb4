// Data sources kafka_topic and kafka_topics read the double's cluster file.
import { expect, it } from 'vitest';
import type { ClusterSeed } from '../../scripts/terraform/cluster-file';
import { describeWithTerraform, loadStack, withWorkspace } from './terraform-suite';

const cluster: ClusterSeed = {
  topics: {
    'orders.order-created': { partitions: 6, replication_factor: 3, config: { 'retention.ms': '604800000' } },
    'payments.payment-settled': { partitions: 3, replication_factor: 3, config: {} },
  },
};

describeWithTerraform('the data sources of the provider double', () => {
  it('reads one topic and the list of all topics from the cluster', async () => {
    await withWorkspace({ json: loadStack('data-sources'), cluster }, async (workspace) => {
      await workspace.init();
      await workspace.apply();
      const outputs = JSON.parse((await workspace.run(['output', '-json'])).stdout) as Record<string, { value: unknown }>;

      expect(outputs.orders_partitions?.value).toBe(6);
      expect(outputs.orders_retention?.value).toBe('604800000');
      expect(outputs.topic_names?.value).toEqual(['orders.order-created', 'payments.payment-settled']);
      expect(outputs.topic_count?.value).toBe('2');
    });
  });

  it('fails when the topic the data source names is not in the cluster', async () => {
    await withWorkspace({ json: loadStack('data-sources') }, async (workspace) => {
      await workspace.init();
      const result = await workspace.plan({ allowFailure: true });

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("Error: could not find topic 'orders.order-created'");
      expect(result.stderr).toContain('with data.kafka_topic.orders');
    });
  });
});
