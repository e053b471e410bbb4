/**
 * The schema that reads `topology.json` back (model/topology-schema.ts): what it accepts, field for field, what it
 * refuses, and the defaults that stand for fields older outputs lack. The expected values are the fixture itself (a
 * faithful read changes nothing), the defaults the schema's comments give, and the inline vocabularies written out by
 * hand. test/types/topology-shape.test.ts reads the review seed; this fixture holds every part the seed lacks
 * (Connect, Streams, SCRAM, MSK IAM, Confluent Cloud, each companion kind and side-effect control). Built inside each
 * test (docs/testing.md, fifth pass).
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any -- the refusal tests edit the fixture's JSON by path */
import { describe, expect, it } from 'vitest';
import { topologySchema } from '../../model/topology-schema';

const source = (path: string) => ({ path, file: 'topics/orders.ts', line: 3 });
const ref = { domain: 'orders', event: 'order-created' };
const sized = (value: number) => ({ value, explanation: `${value} by hand`, capped: false });

function topicBase(name: string) {
  return {
    name,
    domain: 'orders',
    partitions: sized(6),
    replicationFactor: 3,
    minInsyncReplicas: 2,
    cleanupPolicy: 'delete',
    retentionMs: sized(604_800_000),
    config: { 'retention.ms': '604800000' },
    protect: true,
    source: source(`orders/${name}`),
  };
}

const connectTopic = (name: string, kind: string) => ({ ...topicBase(name), kind });

/** A Topology holding one of every part the schema describes; every optional field present. */
function everything(): Record<string, unknown> {
  return {
    formatVersion: 1,
    environment: {
      name: 'prod',
      production: true,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      topicPrefix: '',
      scaling: { replayWindow: 2, throughput: 0.5 },
      aclPatterns: 'prefixed',
      platform: 'confluent-cloud',
    },
    domains: [
      {
        name: 'orders',
        owner: '@acme/orders',
        description: 'Order lifecycle',
        recoveryProcedure: 'runbook',
        suppressions: [{ ruleId: 'TF-KEY1', reason: 'a reason long enough' }],
        source: source('orders'),
      },
    ],
    topics: [
      {
        ...topicBase('orders.order-created'),
        kind: 'event',
        ref,
        description: 'an order was placed',
        eventTypes: ['OrderCreated'],
        key: { field: 'orderId', aggregate: 'order', reason: 'per order', cardinality: 1000 },
        aggregate: { name: 'order', cardinality: 1000 },
        ordering: 'per-key',
        throughput: { peakMessagesPerSecond: 2000, averageMessageBytes: 1024, maxConsumerInstances: 4 },
        replay: { kind: 'window', window: '7d' },
        retentionBytes: 1_000_000,
        replication: { factor: 3, minInsyncReplicas: 2 },
        contract: {
          compatibility: 'BACKWARD',
          changeStrategy: 'add optional fields',
          schema: { type: 'object' },
          schemas: { OrderCreated: { type: 'object' } },
          subjectNaming: 'TopicRecordNameStrategy',
        },
        suppressions: [],
      },
      {
        ...topicBase('orders.order-state'),
        kind: 'event',
        ref: { domain: 'orders', event: 'order-state' },
        eventTypes: [],
        key: null,
        aggregate: null,
        ordering: 'none',
        throughput: null,
        replay: { kind: 'full', longestReindex: '2h', expireAfter: '30d' },
        retentionBytes: null,
        contract: { compatibility: 'FULL' },
        suppressions: [],
      },
      { ...topicBase('orders.order-created.payment.dlq'), kind: 'dead-letter', parent: ref, groupId: 'orders.payment' },
      {
        ...topicBase('orders.order-created.payment.retry-1'),
        kind: 'retry',
        parent: ref,
        groupId: 'orders.payment',
        retry: { tier: 1, delayMs: 1000 },
      },
    ],
    consumerGroups: [
      {
        domain: 'orders',
        name: 'payment',
        groupId: 'orders.payment',
        service: 'payment-service',
        principal: 'User:payment-service',
        subscriptions: [
          {
            topic: ref,
            topicName: 'orders.order-created',
            reason: 'charges the order',
            deadLetterTopic: 'orders.order-created.payment.dlq',
            retryTopics: ['orders.order-created.payment.retry-1'],
          },
        ],
        deadLetter: true,
        retryDelaysMs: [1000],
        idempotency: 'payment id',
        processingTimePerMessageMs: 20,
        maxProcessingLagMs: 300_000,
        offsetCommit: { mode: 'manual', reason: 'after processing' },
        processing: 'sync',
        replaySafety: { deterministic: true, sideEffects: { control: 'none' } },
        suppressions: [],
        source: source('orders/payment'),
      },
      {
        domain: 'orders',
        name: 'mailer',
        groupId: 'orders.mailer',
        service: 'mailer',
        principal: 'User:mailer',
        subscriptions: [],
        deadLetter: false,
        retryDelaysMs: [],
        idempotency: null,
        processingTimePerMessageMs: null,
        maxProcessingLagMs: null,
        offsetCommit: { mode: 'auto' },
        processing: 'async',
        replaySafety: { deterministic: false, sideEffects: { control: 'guarded', by: 'an outbox' } },
        suppressions: [],
        source: source('orders/mailer'),
      },
    ],
    producers: [
      {
        topic: ref,
        topicName: 'orders.order-created',
        service: 'order-service',
        principal: 'User:order-service',
        idempotent: true,
        transactionalIdPrefix: 'order-service-',
        delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1000, retries: 5 },
        suppressions: [],
        source: source('orders/producer'),
      },
    ],
    acls: [
      {
        principal: 'User:order-service',
        host: '*',
        operation: 'Write',
        permission: 'Allow',
        resourceType: 'Topic',
        resourceName: 'orders.order-created',
        patternType: 'Literal',
        id: 'User:order-service|*|Write|Allow|Topic|orders.order-created|Literal',
        domain: 'orders',
        neededBy: ['producer order-service writes orders.order-created'],
        legacy: { reason: 'kept from before', source: source('orders/legacy') },
      },
    ],
    quotas: [
      {
        principal: 'User:order-service',
        entityName: 'order-service',
        domain: 'orders',
        services: ['order-service'],
        producerByteRate: sized(2_048_000),
        consumerByteRate: null,
        undeclaredThroughput: { produce: [], consume: ['orders.order-state'] },
      },
    ],
    scramCredentials: [
      {
        principal: 'User:order-service',
        username: 'order-service',
        mechanism: 'SCRAM-SHA-512',
        iterations: 8192,
        passwordVersion: '1',
        variable: 'scram_order_service',
        domain: 'orders',
        services: ['order-service'],
      },
    ],
    connect: {
      clusters: [
        {
          domain: 'orders',
          name: 'main',
          groupId: 'orders.connect-main',
          service: 'connect',
          principal: 'User:connect',
          exactlyOnceSource: true,
          storage: {
            config: connectTopic('orders.connect-main.config', 'connect-config'),
            offset: connectTopic('orders.connect-main.offset', 'connect-offset'),
            status: connectTopic('orders.connect-main.status', 'connect-status'),
          },
          suppressions: [],
          source: source('orders/connect'),
        },
      ],
      connectors: [
        {
          type: 'sink',
          domain: 'orders',
          name: 'to-warehouse',
          cluster: { name: 'main', groupId: 'orders.connect-main' },
          connectorClass: 'io.example.Sink',
          service: 'warehouse-sink',
          principal: 'User:warehouse-sink',
          tasksMax: 2,
          topics: [{ topic: ref, topicName: 'orders.order-created', reason: 'copies orders' }],
          groupId: 'connect-to-warehouse',
          deadLetter: connectTopic('orders.to-warehouse.dlq', 'connect-dead-letter'),
          idempotency: 'upsert by order id',
          replaySafety: { deterministic: true, sideEffects: { control: 'not-replay-safe', reason: 'sends mail' } },
          transactionalIdPrefix: null,
          suppressions: [],
          source: source('orders/sink'),
        },
        {
          type: 'source',
          domain: 'orders',
          name: 'from-db',
          cluster: { name: 'main', groupId: 'orders.connect-main' },
          connectorClass: 'io.example.Source',
          service: 'db-source',
          principal: 'User:db-source',
          tasksMax: null,
          topics: [],
          groupId: null,
          deadLetter: null,
          idempotency: null,
          transactionalIdPrefix: 'connect-from-db',
          suppressions: [],
          source: source('orders/source'),
        },
      ],
    },
    streamsApplications: [
      {
        domain: 'orders',
        name: 'enricher',
        applicationId: 'orders.enricher',
        internalPrefix: 'orders.enricher-',
        service: 'enricher',
        principal: 'User:enricher',
        inputs: [{ topic: ref, topicName: 'orders.order-created', reason: 'enriches' }],
        outputs: [{ topic: { domain: 'orders', event: 'order-state' }, topicName: 'orders.order-state' }],
        processingGuarantee: 'exactly_once_v2',
        stateStores: [
          { name: 'totals', changelogTopic: 'orders.enricher-totals-changelog' },
          { name: 'cache', changelogTopic: null },
        ],
        repartitions: true,
        parallelism: { instances: 2, threadsPerInstance: 3 },
        exceptionHandlers: { deserialization: 'LogAndFail', production: 'DefaultProduction' },
        idempotency: 'by order id',
        replaySafety: { deterministic: true, sideEffects: { control: 'none' } },
        suppressions: [],
        source: source('orders/enricher'),
      },
    ],
    mskIam: {
      clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/main/abc',
      kafkaAcls: false,
      policies: [
        {
          principal: 'User:order-service',
          statements: [
            {
              actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteData'],
              resources: [
                { type: 'cluster', name: '', prefix: false },
                { type: 'topic', name: 'orders.', prefix: true },
              ],
            },
          ],
          neededBy: ['producer order-service'],
        },
      ],
      attachments: [{ principal: 'User:order-service', role: 'order-service', declared: null }],
    },
    confluentCloud: {
      access: 'role-bindings',
      secrets: 'variables',
      serviceAccounts: [{ principal: 'User:order-service', id: 'sa-123', domain: 'orders' }],
      roleBindings: [
        ['DeveloperRead', 'topic'],
        ['DeveloperWrite', 'transactional-id'],
        ['DeveloperManage', 'cluster'],
        ['DeveloperRead', 'group'],
      ].map(([role, resourceType]) => ({
        principal: 'User:order-service',
        role,
        resourceType,
        resourceName: `${resourceType}-name`,
        prefix: false,
        domain: 'orders',
        aclIds: ['a'],
        neededBy: ['b'],
      })),
    },
  };
}

/** `everything()` with `change` applied to a copy; `change` edits the copy in place. */
function changed(change: (t: any) => void): unknown {
  const t = everything();
  change(t);
  return t;
}

/** The dotted paths of the issues a parse reports, sorted; [] when it accepts. */
function refusedAt(json: unknown): string[] {
  const read = topologySchema.safeParse(json);
  return (read.error?.issues ?? []).map((i) => i.path.join('.')).sort();
}

describe('topologySchema accepts', () => {
  it('every part, reading each field back unchanged', () => {
    const read = topologySchema.safeParse(everything());
    expect(read.error?.issues ?? []).toEqual([]);
    expect(read.data).toStrictEqual(everything());
  });

  it('the other value of each two-valued vocabulary written in the schema itself', () => {
    const other = changed((t) => {
      t.environment.aclPatterns = 'literal-and-prefixed';
      t.confluentCloud.access = 'acls';
      t.confluentCloud.secrets = 'environment';
    });
    expect(refusedAt(other)).toEqual([]);
    expect(topologySchema.parse(other)).toStrictEqual(other);
  });

  it('lists the keys of every object sorted, as synth writes them', () => {
    const read = topologySchema.parse(everything());
    expect(Object.keys(read)).toEqual([
      'acls',
      'confluentCloud',
      'connect',
      'consumerGroups',
      'domains',
      'environment',
      'formatVersion',
      'mskIam',
      'producers',
      'quotas',
      'scramCredentials',
      'streamsApplications',
      'topics',
    ]);
    expect(Object.keys(read.environment)).toEqual([
      'aclPatterns',
      'minInsyncReplicas',
      'name',
      'platform',
      'production',
      'replicationFactor',
      'scaling',
      'topicPrefix',
    ]);
    expect(Object.keys(read.domains[0] ?? {})).toEqual(['description', 'name', 'owner', 'recoveryProcedure', 'source', 'suppressions']);
  });
});

describe('topologySchema defaults, for fields older outputs lack', () => {
  it('reads absent suppressions as none, an absent scaling as 1 and 1, an absent aggregate as null', () => {
    const old = changed((t) => {
      delete t.environment.scaling;
      delete t.domains[0].suppressions;
      delete t.topics[0].suppressions;
      delete t.topics[0].aggregate;
      delete t.consumerGroups[0].suppressions;
      delete t.producers[0].suppressions;
      delete t.connect.clusters[0].suppressions;
      delete t.connect.connectors[0].suppressions;
      delete t.streamsApplications[0].suppressions;
    });
    const read = topologySchema.parse(old);
    expect(read.environment.scaling).toEqual({ replayWindow: 1, throughput: 1 });
    expect(read.domains[0]?.suppressions).toEqual([]);
    const topic = read.topics[0];
    expect(topic?.kind === 'event' ? [topic.suppressions, topic.aggregate] : 'not an event topic').toEqual([[], null]);
    expect(read.consumerGroups[0]?.suppressions).toEqual([]);
    expect(read.producers[0]?.suppressions).toEqual([]);
    expect(read.connect?.clusters[0]?.suppressions).toEqual([]);
    expect(read.connect?.connectors[0]?.suppressions).toEqual([]);
    expect(read.streamsApplications?.[0]?.suppressions).toEqual([]);
  });

  it('leaves the optional parts out when they are absent', () => {
    const minimal = changed((t) => {
      for (const k of ['quotas', 'scramCredentials', 'connect', 'streamsApplications', 'mskIam', 'confluentCloud']) delete t[k];
      delete t.environment.aclPatterns;
      delete t.environment.platform;
    });
    expect(refusedAt(minimal)).toEqual([]);
    expect(topologySchema.parse(minimal)).toStrictEqual(minimal);
  });
});

describe('topologySchema refuses', () => {
  it('another format version', () => {
    expect(refusedAt(changed((t) => (t.formatVersion = 2)))).toEqual(['formatVersion']);
  });

  it("the `literal` ACL pattern mode (written by leaving the field out) and a platform other than 'confluent-cloud'", () => {
    expect(refusedAt(changed((t) => (t.environment.aclPatterns = 'literal')))).toEqual(['environment.aclPatterns']);
    expect(refusedAt(changed((t) => (t.environment.platform = 'apache-kafka')))).toEqual(['environment.platform']);
  });

  it('a topic of an unknown kind, and a companion kind on a Connect topic', () => {
    expect(refusedAt(changed((t) => (t.topics[2].kind = 'connect-config')))).toEqual(['topics.2.kind']);
    expect(refusedAt(changed((t) => (t.connect.clusters[0].storage.config.kind = 'retry')))).toEqual(['connect.clusters.0.storage.config.kind']);
  });

  it('a replay of an unknown kind, and a side-effect control of an unknown kind', () => {
    expect(refusedAt(changed((t) => (t.topics[0].replay.kind = 'forever')))).toEqual(['topics.0.replay.kind']);
    expect(refusedAt(changed((t) => (t.consumerGroups[0].replaySafety.sideEffects.control = 'maybe')))).toEqual([
      'consumerGroups.0.replaySafety.sideEffects.control',
    ]);
  });

  it('a field of the wrong type, deep in each part', () => {
    expect(refusedAt(changed((t) => (t.topics[3].retry.delayMs = '1s')))).toEqual(['topics.3.retry.delayMs']);
    expect(refusedAt(changed((t) => (t.connect.connectors[1].type = 'both')))).toEqual(['connect.connectors.1.type']);
    expect(refusedAt(changed((t) => (t.confluentCloud.access = 'rbac')))).toEqual(['confluentCloud.access']);
    expect(refusedAt(changed((t) => (t.confluentCloud.secrets = 'vault')))).toEqual(['confluentCloud.secrets']);
    expect(refusedAt(changed((t) => (t.confluentCloud.roleBindings[0].role = 'Owner')))).toEqual(['confluentCloud.roleBindings.0.role']);
    expect(refusedAt(changed((t) => (t.confluentCloud.roleBindings[0].resourceType = 'Topic')))).toEqual(['confluentCloud.roleBindings.0.resourceType']);
    expect(refusedAt(changed((t) => (t.mskIam.policies[0].statements[0].resources[0].type = 'Cluster')))).toEqual([
      'mskIam.policies.0.statements.0.resources.0.type',
    ]);
  });
});
