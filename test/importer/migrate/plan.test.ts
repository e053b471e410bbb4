/** Migration source → declarations: first-class grants, legacy ACLs with their source line, exactness, and the cluster. */
import { describe, expect, it } from 'vitest';
import { runMigration } from '../../../importer/migrate';
import { readKafkaGitops } from '../../../importer/migrate/kafka-gitops';
import { planMigration, type MigrationPlan } from '../../../importer/migrate/plan';
import type { EnvironmentInput } from '../../../model/schema';
import { PROD } from '../../helpers/synth';
import { CONSTRUCTS_MODULE, kafkaResources, loadGenerated, synthDomains } from '../helpers/load-generated';
import { renderAclsList, renderConfigsDescribe, renderTopicsDescribe, type TopicResource } from '../helpers/render-cluster';

const STATE = [
  'topics:',
  '  orders.order-created:',
  '    partitions: 6',
  '    replication: 3',
  '    configs:',
  '      retention.ms: 691200000',
  '  orders.order-paid:',
  '    partitions: 3',
  '    replication: 3',
  'services:',
  '  payment:',
  '    type: application',
  '    principal: User:payment-service',
  '    group-id: payment-consumers',
  '    consumes: [orders.order-created, billing.invoice-issued]',
  '    produces: [orders.order-paid]',
  '',
].join('\n');

function plan(text = STATE, environment: EnvironmentInput = PROD, cluster?: Parameters<typeof planMigration>[1]['cluster']): MigrationPlan {
  const result = planMigration(
    readKafkaGitops({ file: 'state.yaml', text }, () => 'none'),
    { environment, ...(cluster === undefined ? {} : { cluster }) },
  );
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('planMigration', () => {
  it('declares the topics exactly: a retention that is a replay window becomes Replay.window, unset values are left to the broker', () => {
    const p = plan();
    const [created, paid] = p.domains.find((d) => d.name === 'orders')?.topics ?? [];
    expect(created).toMatchObject({ event: 'order-created', partitions: 6, replay: { kind: 'window', window: '7d' }, config: {}, minInsyncReplicas: 1 });
    expect(paid).toMatchObject({ event: 'order-paid', partitions: 3, replay: { kind: 'window', window: '6d' }, config: {} });
    // Only the source's own configs are rendered: the rest is what the broker applies.
    expect(p.adopt.brokerDefaults).toEqual({
      'orders.order-created': { 'cleanup.policy': 'delete', 'min.insync.replicas': '1' },
      'orders.order-paid': { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': '604800000' },
    });
  });

  it('makes services first-class grants on declared topics, and a legacy ACL naming its source line for an undeclared one', () => {
    const p = plan();
    const orders = p.domains.find((d) => d.name === 'orders');
    expect(orders?.groups).toEqual([
      expect.objectContaining({
        name: 'payment',
        groupId: 'payment-consumers',
        service: 'payment',
        principal: 'User:payment-service',
        deadLetter: false,
        subscriptions: [expect.objectContaining({ topicName: 'orders.order-created' })],
      }),
    ]);
    expect(orders?.producers).toEqual([expect.objectContaining({ topicName: 'orders.order-paid', service: 'payment', principal: 'User:payment-service' })]);
    const legacy = p.domains.flatMap((d) => d.legacyAcls);
    expect(legacy.map((l) => [l.domain, l.binding.operation, l.binding.resourceName, l.notes])).toEqual([
      ['orders', 'Read', 'billing.invoice-issued', ['migrated from kafka-gitops: state.yaml:11 services.payment (application)']],
    ]);
    expect(legacy[0]?.reason).toMatch(/^migrated from kafka-gitops \(state\.yaml:11\): the topic is not declared in kafka-gitops/);
    // The declarations derive exactly the ACLs kafka-gitops creates.
    expect([p.missingAcls, p.extraAcls]).toEqual([[], []]);
  });

  it('reports per source element and line what it became', () => {
    expect(plan().elements.map((e) => [`${e.at.file}:${e.at.line}`, e.element, e.became])).toEqual([
      ['state.yaml:2', 'topics.orders.order-created', ['event topic orders/order-created: 6 partitions, replication 3, Replay.window(7d)']],
      ['state.yaml:7', 'topics.orders.order-paid', ['event topic orders/order-paid: 3 partitions, replication 3, Replay.window(6d)']],
      [
        'state.yaml:11',
        'services.payment (application)',
        [
          'consumer group orders/payment (group id payment-consumers, User:payment-service, deadLetter: false) reading orders.order-created',
          'legacy ACL User:payment-service Allow Read Topic billing.invoice-issued',
        ],
      ],
      ['state.yaml:16', 'services.payment (application)', ['producer payment (User:payment-service) → orders.order-paid']],
    ]);
  });

  it('gives consumer groups dead-letter topics when asked, and reports the ACLs that adds', () => {
    const result = planMigration(
      readKafkaGitops({ file: 'state.yaml', text: STATE }, () => 'none'),
      { environment: PROD, deadLetter: true },
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.domains.flatMap((d) => d.groups).map((g) => g.deadLetter)).toEqual([true]);
    expect(result.topology?.topics.map((t) => t.name)).toContain('orders.order-created.payment.dlq');
    expect(result.extraAcls).toEqual([
      'User:payment-service|*|Read|Allow|Topic|orders.order-created.payment.dlq|Literal',
      'User:payment-service|*|Write|Allow|Topic|orders.order-created.payment.dlq|Literal',
    ]);
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('drops a DESCRIBE the environment derives anyway, and reports ACLs the environment adds', () => {
    const explicit: EnvironmentInput = { ...PROD, acl: { explicitDescribe: true, legacyIdempotentWrite: false } };
    const state = `settings:\n  services:\n    acls:\n      describeTopicEnabled: true\n${STATE}`;
    const p = plan(state, explicit);
    expect(p.domains.flatMap((d) => d.legacyAcls).map((l) => `${l.binding.operation} ${l.binding.resourceName}`)).toEqual([
      'Describe billing.invoice-issued',
      'Read billing.invoice-issued',
    ]);
    expect(p.missingAcls).toEqual([]);
    expect(plan(STATE, explicit).extraAcls).toEqual([
      'User:payment-service|*|Describe|Allow|Topic|orders.order-created|Literal',
      'User:payment-service|*|Describe|Allow|Topic|orders.order-paid|Literal',
    ]);
  });

  it('with the cluster output, adopts what exists, predicts the first plan and lists what the source does not declare', () => {
    const topics: TopicResource[] = [
      { name: 'orders.order-created', partitions: 6, replication_factor: 3, config: { 'retention.ms': '604800000', 'segment.bytes': '1000' } },
      { name: 'legacy.stuff', partitions: 1, replication_factor: 3, config: {} },
    ];
    const acls = [
      {
        acl_principal: 'User:payment-service',
        acl_host: '*',
        acl_operation: 'Read',
        acl_permission_type: 'Allow',
        resource_type: 'Topic',
        resource_name: 'orders.order-created',
      },
    ];
    const result = runMigration({
      tool: 'kafka-gitops',
      files: [{ file: 'state.yaml', text: STATE }],
      cluster: {
        topicsDescribe: [{ file: 'd.txt', text: renderTopicsDescribe(topics) }],
        configs: [{ file: 'c.txt', text: renderConfigsDescribe(topics) }],
        acls: [{ file: 'a.txt', text: renderAclsList(acls) }],
      },
      environment: PROD,
    });
    if ('error' in result) throw new Error(result.error);
    const p = result.plan;
    expect(p.adopt.topics).toEqual(['orders.order-created']);
    expect(p.adopt.acls).toEqual(['User:payment-service|*|Read|Allow|Topic|orders.order-created|Literal']);
    expect(p.migrationPlan?.updates).toEqual([
      { topic: 'orders.order-created', changes: ['retention.ms 604800000 → 691200000', 'segment.bytes 1000 → (removed)'] },
    ]);
    expect(p.migrationPlan?.creates).toContain('kafka_topic orders.order-paid');
    expect(p.undeclared?.owners.map((o) => [o.owner, o.topics.map((t) => t.name)])).toEqual([['legacy', ['legacy.stuff']]]);
    expect(result.summary).toMatch(
      /^on the cluster, not declared in state\.yaml — kafka-gitops would delete these; topicform leaves them alone \(1 topic, 0 ACLs\):$/m,
    );
  });

  it('refuses to shrink a topic the cluster has with more partitions', () => {
    const topics = [{ name: 'orders.order-created', partitions: 12, replication_factor: 3, config: {} }];
    const result = runMigration({
      tool: 'kafka-gitops',
      files: [{ file: 'state.yaml', text: STATE }],
      cluster: { topicsDescribe: [{ file: 'd.txt', text: renderTopicsDescribe(topics) }] },
      environment: PROD,
    });
    expect(result).toEqual({
      error: expect.stringMatching(/^refused: Kafka cannot remove partitions[\s\S]*orders\.order-created: partitions 12 → 6 \(state\.yaml:2\)$/) as unknown,
    });
  });

  it("synthesizes the generated files to exactly the source's topics and ACLs", async () => {
    const result = runMigration({
      tool: 'kafka-gitops',
      files: [{ file: 'state.yaml', text: STATE }],
      environment: PROD,
      generate: { constructsModule: CONSTRUCTS_MODULE },
    });
    if ('error' in result) throw new Error(result.error);
    const loaded = await loadGenerated(result.files, 'prod');
    try {
      const { topics, acls } = kafkaResources(synthDomains(Object.values(loaded.domains), PROD, loaded.adopt));
      expect(Object.values(topics).map((t) => [t.name, t.partitions, t.replication_factor, t.config ?? {}])).toEqual([
        ['orders.order-created', 6, 3, { 'retention.ms': '691200000' }],
        ['orders.order-paid', 3, 3, {}],
      ]);
      expect(
        Object.values(acls)
          .map((a) => `${String(a.acl_operation)} ${String(a.resource_type)} ${String(a.resource_name)}`)
          .sort(),
      ).toEqual(['Read Group payment-consumers', 'Read Topic billing.invoice-issued', 'Read Topic orders.order-created', 'Write Topic orders.order-paid']);
    } finally {
      loaded.dispose();
    }
  });

  it('finds nothing usable in a file that only says what topicform cannot express, and writes nothing', () => {
    const result = runMigration({
      tool: 'topicctl',
      files: [{ file: 'cluster.yaml', text: 'meta:\n  name: prod\nspec:\n  bootstrapAddrs: [b:9092]\n' }],
      environment: PROD,
    });
    if ('error' in result) throw new Error(result.error);
    expect(result.usable).toBe(false);
    expect(result.files).toEqual([]);
    expect(result.summary).toMatch(/nothing usable was found in a topicctl topic or ACL config cluster\.yaml: nothing is written/);
  });
});
