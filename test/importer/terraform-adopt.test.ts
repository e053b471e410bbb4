/**
 * Adoption through the real terraform and the provider double (test/double/README.md): the double's cluster file is
 * seeded with what the cluster has, `topicform import` reads the tool output for the same cluster, the generated
 * declarations are synthesized with the generated adopt list, and `terraform plan` must only import — no create,
 * update, replace or delete, except the updates the import summary predicted (with kafka-topics --describe alone
 * against a cluster holding overrides only, also the keys the importer flagged as possibly inherited broker settings).
 * The real tool outputs of ../shared/fixtures are adopted in terraform-fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runImport, type ImportInputs } from '../../importer';
import type { EnvironmentInput } from '../../model/schema';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import type { ClusterSeed } from '../../scripts/terraform/cluster-file';
import { describeWithTerraform, withWorkspace } from '../double/terraform-suite';
import type { PlanJson } from '../../scripts/terraform/workspace';
import { PROD } from '../helpers/synth';
import { billing } from './helpers/billing-domain';
import { CONSTRUCTS_MODULE, loadGenerated, synthDomains } from './helpers/load-generated';
import { aclsOf, clusterSeed, renderAclsList, renderConfigsDescribe, renderTopicsDescribe, topicsOf, type StackResources } from './helpers/render-cluster';

const HANDMADE = join(__dirname, '../fixtures/import/handmade');

/** test/fixtures/import/handmade/cluster.json: the double's cluster file (topic-level overrides only). */
interface HandmadeCluster {
  readonly topics: Readonly<
    Record<string, { readonly partitions: number; readonly replication_factor: number; readonly config?: Readonly<Record<string, string>> }>
  >;
  readonly acls: readonly unknown[];
}
const VARS = { kafka_bootstrap_servers: ['broker-1.example.com:9092'] };

interface Adoption {
  readonly plan: PlanJson;
  /** terraform's own one-line summary, e.g. `Plan: 33 to import, 0 to add, 5 to change, 0 to destroy.` */
  readonly summary: string;
  /** The topics the importer said the first apply updates, with the config keys it changes. */
  readonly predictedUpdates: ReadonlyMap<string, readonly string[]>;
  /** Keys the importer said it cannot tell about (kafka-topics --describe only). */
  readonly uncertain: ReadonlyMap<string, readonly string[]>;
}

async function adoptAndPlan(inputs: ImportInputs, cluster: ClusterSeed, environment: EnvironmentInput): Promise<Adoption> {
  const result = runImport({ inputs, environment, generate: { constructsModule: CONSTRUCTS_MODULE } });
  if ('error' in result) throw new Error(result.error);
  const loaded = await loadGenerated(result.files, environment.name);
  try {
    const json = synthDomains(Object.values(loaded.domains), environment, loaded.adopt);
    const { plan, summary } = await withWorkspace({ json, cluster, vars: VARS }, async (workspace) => {
      await workspace.init();
      const planned = await workspace.plan();
      return { plan: await workspace.showJson(), summary: /^Plan: .*$/m.exec(planned.stdout)?.[0] ?? planned.stdout };
    });
    const predictedUpdates = new Map(result.plan.firstPlan.updates.map((u) => [u.topic, u.changes.map((c) => c.key)]));
    const uncertain = new Map(result.plan.firstPlan.uncertain.map((u) => [u.topic, u.keys]));
    return { plan, summary, predictedUpdates, uncertain };
  } finally {
    loaded.dispose();
  }
}

/** `<address>: <actions>` for every change that is not a plain import, with the config keys an update changes. */
function unexpected(adoption: Adoption): string[] {
  return (adoption.plan.resource_changes ?? []).flatMap((rc) => {
    const actions = rc.change.actions.join('+');
    if (rc.change.importing === undefined) return [`${rc.address}: ${actions} (not an import)`];
    if (actions === 'no-op') return [];
    if (actions === 'update' && rc.type === 'kafka_topic') {
      const name = String(rc.change.after?.name);
      const before = (rc.change.before?.config ?? {}) as Record<string, string>;
      const after = (rc.change.after?.config ?? {}) as Record<string, string>;
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
      const otherAttributes = ['partitions', 'replication_factor', 'name'].filter((k) => rc.change.before?.[k] !== rc.change.after?.[k]);
      const predicted = [...(adoption.predictedUpdates.get(name) ?? [])].sort();
      const uncertain = adoption.uncertain.get(name) ?? [];
      // Every predicted change happens; beyond them only keys the importer said it cannot tell about may change.
      const asPredicted =
        predicted.every((k) => changed.includes(k) || uncertain.includes(k)) && changed.every((k) => predicted.includes(k) || uncertain.includes(k));
      return otherAttributes.length === 0 && asPredicted
        ? []
        : [`${rc.address}: update of ${[...otherAttributes, ...changed].join(', ')}; predicted ${predicted.join(', ') || 'nothing'}`];
    }
    return [`${rc.address}: ${actions}`];
  });
}

describeWithTerraform('adopting an existing cluster: terraform plan against the provider double', () => {
  it('imports every topic and ACL of a cluster the declarations describe, and changes nothing', async () => {
    const original = synthDomains([orders, search, billing], PROD) as StackResources;
    const topics = topicsOf(original);
    const acls = aclsOf(original);
    const adoption = await adoptAndPlan(
      {
        topicsDescribe: [{ file: 'describe.txt', text: renderTopicsDescribe(topics) }],
        configs: [{ file: 'configs.txt', text: renderConfigsDescribe(topics) }],
        acls: [{ file: 'acls.txt', text: renderAclsList(acls) }],
      },
      clusterSeed(topics, acls),
      PROD,
    );
    const changes = adoption.plan.resource_changes ?? [];
    expect(changes.length).toBe(topics.length + acls.length);
    expect(adoption.summary).toBe(`Plan: ${changes.length} to import, 0 to add, 0 to change, 0 to destroy.`);
    expect(
      changes
        .filter((rc) => rc.change.actions.join() !== 'no-op' || rc.change.importing === undefined)
        .map((rc) => `${rc.address}: ${rc.change.actions.join('+')}`),
    ).toEqual([]);
  });

  it('imports a hand-made cluster with only imports: every non-internal topic and every ACL, no create, update, replace or delete', async () => {
    const read = (file: string): { file: string; text: string } => ({ file, text: readFileSync(join(HANDMADE, file), 'utf8') });
    const cluster = JSON.parse(readFileSync(join(HANDMADE, 'cluster.json'), 'utf8')) as HandmadeCluster;
    const environment: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };
    const adoption = await adoptAndPlan(
      { topicsDescribe: [read('topics-describe.txt')], configs: [read('configs-describe-all.txt')], acls: [read('acls-list.txt')] },
      cluster as unknown as ClusterSeed,
      environment,
    );
    const changes = adoption.plan.resource_changes ?? [];
    // What the cluster has, except Kafka's and Schema Registry's internal topics (`__consumer_offsets`, `_schemas`).
    const clusterTopics = Object.keys(cluster.topics)
      .filter((name) => !name.startsWith('_'))
      .sort();
    expect(
      changes
        .filter((rc) => rc.type === 'kafka_topic')
        .map((rc) => String(rc.change.after?.name))
        .sort(),
    ).toEqual(clusterTopics);
    expect(changes.filter((rc) => rc.type === 'kafka_acl')).toHaveLength(cluster.acls.length);
    // The synthesized resources are the cluster's: same partitions, replication factor and topic overrides.
    for (const rc of changes.filter((c) => c.type === 'kafka_topic')) {
      const name = String(rc.change.after?.name);
      const expected = cluster.topics[name];
      expect(
        { partitions: rc.change.after?.partitions, replication_factor: rc.change.after?.replication_factor, config: rc.change.after?.config ?? {} },
        name,
      ).toEqual({ ...expected, config: expected?.config ?? {} });
    }
    expect(
      changes
        .filter((rc) => rc.change.importing === undefined || rc.change.actions.join() !== 'no-op')
        .map((rc) => `${rc.address}: ${rc.change.actions.join('+')}`),
    ).toEqual([]);
    expect(adoption.predictedUpdates.size).toBe(0);
    expect(adoption.uncertain.size).toBe(0);
    expect(adoption.summary).toBe(`Plan: ${changes.length} to import, 0 to add, 0 to change, 0 to destroy.`);
  });

  it('plans exactly the update the summary predicted: an override the model cannot declare is removed, and nothing else changes', async () => {
    const environment: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };
    const describe = 'Topic: orders.order-created\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: retention.bytes=-1,min.insync.replicas=2\n';
    const configs = [
      'All configs for topic orders.order-created are:',
      '  retention.bytes=-1 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.bytes=-1, DEFAULT_CONFIG:log.retention.bytes=-1}',
      '  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}',
      '',
    ].join('\n');
    const cluster: ClusterSeed = {
      topics: { 'orders.order-created': { partitions: 3, replication_factor: 3, config: { 'retention.bytes': '-1', 'min.insync.replicas': '2' } } },
    };
    const adoption = await adoptAndPlan(
      { topicsDescribe: [{ file: 'd.txt', text: describe }], configs: [{ file: 'c.txt', text: configs }] },
      cluster,
      environment,
    );
    expect(Object.fromEntries(adoption.predictedUpdates)).toEqual({ 'orders.order-created': ['retention.bytes'] });
    expect(unexpected(adoption)).toEqual([]);
    expect(adoption.summary).toBe('Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.');
  });

  it('imports a hand-made cluster from kafka-topics --describe alone: beyond the predicted updates only keys it flagged as uncertain change', async () => {
    const read = (file: string): { file: string; text: string } => ({ file, text: readFileSync(join(HANDMADE, file), 'utf8') });
    const cluster = JSON.parse(readFileSync(join(HANDMADE, 'cluster.json'), 'utf8')) as ClusterSeed;
    const environment: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };
    const adoption = await adoptAndPlan({ topicsDescribe: [read('topics-describe.txt')], acls: [read('acls-list.txt')] }, cluster, environment);
    expect((adoption.plan.resource_changes ?? []).length).toBeGreaterThan(0);
    expect(unexpected(adoption)).toEqual([]);
    expect(adoption.uncertain.size).toBeGreaterThan(0);
  });
});
