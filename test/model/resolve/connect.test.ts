import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECT_STORAGE_PARTITIONS } from '../../../model/connect/defaults';
import { resolve } from '../../../model/resolve';
import { connectTopics } from '../../../model/resolve/connect';
import type { ConnectorInput } from '../../../model/schema';
import { CDC_SOURCE, DOCUMENT_SINK, INDEXING } from './connect-fixtures';
import type { ResolvedAcl, Topology } from '../../../model/topology';
import { DEV, DOCUMENT_CHANGED, ORDER_CREATED, ORDERS, PROD, SEED, resolved, withDeclarations } from './helpers';

const withConnect = (clusters: readonly unknown[], connectors: readonly unknown[] = []): typeof SEED =>
  withDeclarations({ connectClusters: clusters, connectors });

const acls = (topology: Topology, principal: string): string[] =>
  topology.acls
    .filter((a: ResolvedAcl) => a.principal === principal)
    .map((a) => `${a.resourceType}:${a.resourceName}:${a.operation}:${a.patternType}`)
    .sort();

describe('resolve: Kafka Connect clusters', () => {
  it('leaves the Topology without a connect key when nothing is declared (unchanged output)', () => {
    expect('connect' in resolved(SEED)).toBe(false);
  });

  it("derives the group id and the three compacted storage topics with Connect's partitions and the environment's replication", () => {
    const topology = resolved(withConnect([INDEXING]), PROD);
    const cluster = topology.connect?.clusters[0];
    expect(cluster).toMatchObject({ groupId: 'search.indexing', principal: 'User:search-connect', exactlyOnceSource: false });
    for (const [kind, suffix] of [
      ['config', 'connect-configs'],
      ['offset', 'connect-offsets'],
      ['status', 'connect-status'],
    ] as const) {
      expect(cluster?.storage[kind]).toMatchObject({
        name: `search.indexing.${suffix}`,
        kind: `connect-${kind}`,
        domain: 'search',
        partitions: { value: CONNECT_STORAGE_PARTITIONS[kind] },
        replicationFactor: 3,
        minInsyncReplicas: 2,
        cleanupPolicy: 'compact',
        retentionMs: null,
        protect: true,
        config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' },
      });
    }
    expect(CONNECT_STORAGE_PARTITIONS).toEqual({ config: 1, offset: 25, status: 5 });
  });

  it('applies the environment topic prefix and a declared group id and storage shape', () => {
    const topology = resolved(
      withConnect([{ ...INDEXING, groupId: 'legacy-connect', storage: { offset: { partitions: 50, config: { 'cleanup.policy': 'delete' } } } }]),
      { ...DEV, topicPrefix: 'dev.' },
    );
    const cluster = topology.connect?.clusters[0];
    expect(cluster?.groupId).toBe('legacy-connect');
    expect(cluster?.storage.offset).toMatchObject({
      name: 'dev.search.indexing.connect-offsets',
      partitions: { value: 50, explanation: 'declared' },
      cleanupPolicy: 'delete',
    });
  });

  it('grants the workers Group READ on their group and READ + WRITE on each storage topic, nothing more', () => {
    expect(acls(resolved(withConnect([INDEXING])), 'User:search-connect')).toEqual([
      'Group:search.indexing:Read:Literal',
      'Topic:search.indexing.connect-configs:Read:Literal',
      'Topic:search.indexing.connect-configs:Write:Literal',
      'Topic:search.indexing.connect-offsets:Read:Literal',
      'Topic:search.indexing.connect-offsets:Write:Literal',
      'Topic:search.indexing.connect-status:Read:Literal',
      'Topic:search.indexing.connect-status:Write:Literal',
    ]);
  });

  it('grants the worker leader its transactional id with exactly-once source support, and IdempotentWrite only for old brokers', () => {
    const eos = { ...INDEXING, exactlyOnceSource: true };
    expect(acls(resolved(withConnect([eos])), 'User:search-connect')).toContain('TransactionalID:connect-cluster-search.indexing:Write:Literal');
    expect(acls(resolved(withConnect([eos])), 'User:search-connect')).not.toContain('Cluster:kafka-cluster:IdempotentWrite:Literal');
    const old = resolved(withConnect([eos]), { ...DEV, acl: { legacyIdempotentWrite: true } });
    expect(acls(old, 'User:search-connect')).toContain('Cluster:kafka-cluster:IdempotentWrite:Literal');
  });

  it('fails when a worker group id reuses a consumer group id', () => {
    const result = resolve(withConnect([{ ...INDEXING, groupId: 'orders.payment' }]), DEV);
    expect(result.topology).toBeNull();
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-group-id', path: 'groupId', source: INDEXING.source }));
  });

  it('fails when a cluster is declared twice, or in an undeclared domain', () => {
    const twice = resolve(withConnect([INDEXING, { ...INDEXING, source: { path: 'dev/search/indexing (2)' } }]), DEV);
    expect(twice.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-connect-cluster', path: 'name' }));
    const nowhere = resolve(withConnect([{ ...INDEXING, domain: 'serch' }]), DEV);
    expect(nowhere.issues).toContainEqual(expect.objectContaining({ code: 'unknown-domain', path: 'domain', hint: 'did you mean "search"?' }));
  });

  it('fails when a storage config key is unknown to Kafka', () => {
    const result = resolve(withConnect([{ ...INDEXING, storage: { status: { config: { 'retention.msx': '1' } } } }]), DEV);
    expect(result.issues.map((i) => i.path)).toContainEqual(expect.stringMatching(/^storage\.status\.config/));
  });
});

describe('resolve: sink connectors', () => {
  it('reads its topics as group connect-<connector> with a dead-letter topic of the derived shape', () => {
    const topology = resolved(withConnect([INDEXING], [DOCUMENT_SINK]), PROD);
    const sink = topology.connect?.connectors[0];
    expect(sink).toMatchObject({
      type: 'sink',
      domain: 'search',
      cluster: { name: 'indexing', groupId: 'search.indexing' },
      groupId: 'connect-document-index',
      principal: 'User:document-index',
      service: 'search-connect',
      topics: [{ topicName: 'search.document-changed' }],
      transactionalIdPrefix: null,
      deadLetter: {
        name: 'search.document-index.dlq',
        kind: 'connect-dead-letter',
        partitions: { value: 3 },
        cleanupPolicy: 'delete',
        replicationFactor: 3,
        config: { 'cleanup.policy': 'delete', 'min.insync.replicas': '2', 'retention.ms': String(28 * 86_400_000) },
      },
    });
  });

  it('grants the connector principal Group READ, Topic READ on its topics and WRITE (only) on its DLQ', () => {
    expect(acls(resolved(withConnect([INDEXING], [DOCUMENT_SINK])), 'User:document-index')).toEqual([
      'Group:connect-document-index:Read:Literal',
      'Topic:search.document-changed:Read:Literal',
      'Topic:search.document-index.dlq:Write:Literal',
    ]);
  });

  it('uses the worker principal when the connector declares none, and a declared group id', () => {
    const topology = resolved(withConnect([INDEXING], [{ ...DOCUMENT_SINK, principal: undefined, groupId: 'search.documents' }]));
    expect(acls(topology, 'User:search-connect')).toEqual(
      expect.arrayContaining(['Group:search.documents:Read:Literal', 'Topic:search.document-index.dlq:Write:Literal']),
    );
  });

  it('has no DLQ when turned off', () => {
    const topology = resolved(withConnect([INDEXING], [{ ...DOCUMENT_SINK, deadLetter: false }]));
    expect(topology.connect?.connectors[0]?.deadLetter).toBeNull();
    expect(acls(topology, 'User:document-index')).not.toContain('Topic:search.document-index.dlq:Write:Literal');
  });

  it("puts the READ grant on another domain's topic in that domain's stack, and needs a reason for it", () => {
    const orders = { topic: { domain: 'orders', event: 'order-created' } };
    const without = resolve(withConnect([INDEXING], [{ ...DOCUMENT_SINK, topics: [orders] }]), DEV);
    expect(without.issues).toContainEqual(expect.objectContaining({ code: 'cross-domain-read-without-reason', path: 'topics[0].reason' }));
    const topology = resolved(withConnect([INDEXING], [{ ...DOCUMENT_SINK, topics: [{ ...orders, reason: 'orders are indexed for customer service' }] }]));
    expect(topology.acls.find((a) => a.principal === 'User:document-index' && a.resourceName === 'orders.order-created')?.domain).toBe(ORDERS.name);
  });

  it('fails, located, when it names an unknown cluster or topic, or a sink group id clashes', () => {
    const result = resolve(
      withConnect(
        [INDEXING],
        [
          { ...DOCUMENT_SINK, cluster: { domain: 'search', name: 'indexer' } },
          { ...DOCUMENT_SINK, name: 'other', topics: [{ topic: { domain: 'search', event: 'document-changd' } }], source: { path: 'dev/o' } },
          { ...DOCUMENT_SINK, name: 'third', groupId: 'search.indexing', source: { path: 'dev/t' } },
        ],
      ),
      DEV,
    );
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-connect-cluster', path: 'cluster' }),
        expect.objectContaining({ code: 'unknown-topic', path: 'topics[0].topic', source: { path: 'dev/o' } }),
        expect.objectContaining({ code: 'duplicate-group-id', path: 'groupId', source: { path: 'dev/t' } }),
      ]),
    );
  });

  it('fails when its DLQ name clashes with a topic', () => {
    const clash = resolve(withConnect([INDEXING], [{ ...DOCUMENT_SINK, name: 'document-changed' }]), DEV);
    // `search.document-changed.dlq` is not `search.document-changed`: no clash; a second connector of the same name on
    // another cluster would give the same DLQ name, which is reported.
    expect(clash.topology).not.toBeNull();
    const other = { ...INDEXING, name: 'other', source: { path: 'dev/search/other' } };
    const twice = resolve(
      withConnect(
        [INDEXING, other],
        [DOCUMENT_SINK, { ...DOCUMENT_SINK, cluster: { domain: 'search', name: 'other' }, groupId: 'g2', source: { path: 'dev/x' } }],
      ),
      DEV,
    );
    expect(twice.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-topic-name', source: { path: 'dev/x' } }));
  });
});

describe('resolve: source connectors', () => {
  const CDC = CDC_SOURCE;

  it('grants WRITE on its target topics only', () => {
    expect(acls(resolved(withConnect([INDEXING], [CDC])), 'User:catalog-cdc')).toEqual(['Topic:search.document-changed:Write:Literal']);
  });

  it("with exactly-once, grants its tasks' transactional ids (Prefixed) and DESCRIBE on the offsets topic", () => {
    const topology = resolved(withConnect([{ ...INDEXING, exactlyOnceSource: true }], [{ ...CDC, exactlyOnce: true }]));
    expect(acls(topology, 'User:catalog-cdc')).toEqual([
      'Topic:search.document-changed:Write:Literal',
      'Topic:search.indexing.connect-offsets:Describe:Literal',
      'TransactionalID:search.indexing-catalog-cdc-:Write:Prefixed',
    ]);
  });

  it('fails when it asks for exactly-once on a cluster without exactly-once source support', () => {
    const result = resolve(withConnect([INDEXING], [{ ...CDC, exactlyOnce: true }]), DEV);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'exactly-once-without-cluster-support', path: 'exactlyOnce' }));
  });
});

describe('resolve: Connect properties', () => {
  it('gives every storage topic compaction, at least one partition and the environment replication, whatever the names', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.integer({ min: 1, max: 5 }), (name, rf) => {
        const topology = resolved(withConnect([{ ...INDEXING, name }]), { ...DEV, replicationFactor: rf });
        const c = topology.connect?.clusters[0];
        for (const t of [c?.storage.config, c?.storage.offset, c?.storage.status]) {
          expect(t?.cleanupPolicy).toBe('compact');
          expect(t?.replicationFactor).toBe(rf);
          expect(t?.name.startsWith(`search.${name}.connect-`)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('resolves to the same Topology whatever the declaration order', () => {
    const second = { ...DOCUMENT_SINK, name: 'archive', source: { path: 'dev/a' } };
    const a = resolved(withConnect([INDEXING], [DOCUMENT_SINK, second]));
    const b = resolved(withConnect([INDEXING], [second, DOCUMENT_SINK]));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('sliceTopology: a domain stack carries its own Connect clusters only', () => {
  it("keeps the search domain's cluster and connector in its slice and leaves no connect key in the orders slice", async () => {
    const { sliceTopology } = await import('../../../model/slice');
    const topology = resolved(withConnect([INDEXING], [DOCUMENT_SINK]));
    expect(sliceTopology(topology, new Set(['search'])).connect?.connectors.map((c) => c.name)).toEqual(['document-index']);
    expect(JSON.parse(JSON.stringify(sliceTopology(topology, new Set(['orders']))))).not.toHaveProperty('connect');
    expect(JSON.parse(JSON.stringify(sliceTopology(topology, new Set(['orders', 'billing']))))).not.toHaveProperty('connect');
  });
});

describe('resolve: declared Connect shapes', () => {
  // Durations worked by hand: 1 day = 86,400,000 ms.
  const SEVEN_DAYS_MS = 604_800_000;
  const FOURTEEN_DAYS_MS = 1_209_600_000;

  it("takes a storage topic's declared configs: its cleanup policy in the model's spelling, retention and min.insync.replicas", () => {
    const storage = { status: { config: { 'cleanup.policy': 'delete,compact', 'retention.ms': String(SEVEN_DAYS_MS), 'min.insync.replicas': '1' } } };
    const cluster = resolved(withConnect([{ ...INDEXING, storage }]), PROD).connect?.clusters[0];
    expect(cluster?.storage.status).toMatchObject({
      cleanupPolicy: 'compact,delete',
      retentionMs: { value: SEVEN_DAYS_MS, explanation: 'declared' },
      minInsyncReplicas: 1,
      config: { 'cleanup.policy': 'delete,compact', 'min.insync.replicas': '1', 'retention.ms': String(SEVEN_DAYS_MS) },
    });
    // The other storage topics keep the environment's settings.
    expect(cluster?.storage.offset).toMatchObject({ cleanupPolicy: 'compact', retentionMs: null, minInsyncReplicas: 2 });
  });

  it("sizes a sink's dead-letter topic to the fewest partitions among the topics it reads when that is under 3", () => {
    const twoPartitions = { ...DOCUMENT_CHANGED, partitions: 2 };
    const topology = resolved({ ...withConnect([INDEXING], [DOCUMENT_SINK]), topics: [ORDER_CREATED, twoPartitions] });
    expect(topology.connect?.connectors[0]?.deadLetter?.partitions).toEqual({
      value: 2,
      explanation: '3 dead-letter partitions, or fewer when the topics read have fewer: 2',
    });
  });

  it('takes a declared dead-letter shape: partitions, retention and further configs', () => {
    const deadLetter = { partitions: 6, retention: '14d', config: { 'max.message.bytes': '2097152' } };
    const dlq = resolved(withConnect([INDEXING], [{ ...DOCUMENT_SINK, deadLetter }]), PROD).connect?.connectors[0]?.deadLetter;
    expect(dlq).toMatchObject({
      partitions: { value: 6, explanation: 'declared' },
      retentionMs: { value: FOURTEEN_DAYS_MS, explanation: 'declared' },
      config: { 'cleanup.policy': 'delete', 'max.message.bytes': '2097152', 'min.insync.replicas': '2', 'retention.ms': String(FOURTEEN_DAYS_MS) },
    });
  });

  it("refuses a dead-letter config key the model derives, and checks the others like a topic's config", () => {
    const deadLetter = { config: { 'retention.ms': 'a week', 'cleanup.policy': 'compact', 'max.message.bytez': '1' } };
    const result = resolve(withConnect([INDEXING], [{ ...DOCUMENT_SINK, deadLetter }]), DEV);
    expect(result.topology).toBeNull();
    const issues = result.issues.map((i) => `${i.code} ${i.path}`);
    expect(issues.filter((i) => i.startsWith('derived-config-key'))).toEqual([
      'derived-config-key deadLetter.config["cleanup.policy"]',
      'derived-config-key deadLetter.config["retention.ms"]',
    ]);
    // The derived keys are reported once, as derived (not also "a week" as an invalid retention.ms); the others are checked.
    expect(issues.filter((i) => !i.startsWith('derived-config-key'))).toEqual([expect.stringMatching(/^\S+ deadLetter\.config\["max\.message\.bytez"\]$/)]);
  });

  it('fails when a connector names one topic twice, at the second mention', () => {
    const topic = { topic: { domain: 'search', event: 'document-changed' } };
    const result = resolve(withConnect([INDEXING], [{ ...DOCUMENT_SINK, topics: [topic, topic] }]), DEV);
    expect(result.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['duplicate-connector-topic', 'topics[1].topic', 'connector "document-index" names "search/document-changed" twice'],
    ]);
  });

  it('reports a connector on a cluster of an undeclared domain once, at the cluster, not as an unknown cluster', () => {
    const nowhere = { ...INDEXING, domain: 'serch' };
    const result = resolve(withConnect([nowhere], [{ ...DOCUMENT_SINK, cluster: { domain: 'serch', name: 'indexing' } }]), DEV);
    expect(result.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown-domain domain']);
  });

  it('carries tasks.max, service and replay safety of a sink; a source connector has no group, dead letter or idempotency', () => {
    const replaySafety = { deterministic: true, sideEffects: { control: 'none' as const } };
    const sink = { ...DOCUMENT_SINK, tasksMax: 4, service: 'document-indexer', replaySafety };
    const source: ConnectorInput = {
      type: 'source',
      cluster: DOCUMENT_SINK.cluster,
      name: 'cdc',
      connectorClass: 'x.Cdc',
      topics: DOCUMENT_SINK.topics,
      source: { path: 'dev/cdc' },
    };
    const [cdc, index] = resolved(withConnect([INDEXING], [sink, source])).connect?.connectors ?? [];
    expect(index).toMatchObject({
      name: 'document-index',
      tasksMax: 4,
      service: 'document-indexer',
      idempotency: 'documents are upserted by id; a replay rewrites the same documents',
      replaySafety,
    });
    expect(cdc).toMatchObject({ name: 'cdc', type: 'source', tasksMax: null, service: 'search-connect', principal: 'User:search-connect' });
    expect(cdc).toMatchObject({ groupId: null, deadLetter: null, idempotency: null, transactionalIdPrefix: null });
    expect(cdc).not.toHaveProperty('replaySafety');
  });

  it('lists clusters by group id and every Connect topic by name, whatever the declaration order', () => {
    const zeta = { ...INDEXING, name: 'zeta', source: { path: 'dev/search/zeta' } };
    const alpha = { ...INDEXING, name: 'alpha', source: { path: 'dev/search/alpha' } };
    const connect = resolved(withConnect([zeta, alpha], [{ ...DOCUMENT_SINK, cluster: { domain: 'search', name: 'zeta' } }])).connect;
    expect(connect?.clusters.map((c) => c.groupId)).toEqual(['search.alpha', 'search.zeta']);
    expect(connectTopics(connect).map((t) => t.name)).toEqual([
      'search.alpha.connect-configs',
      'search.alpha.connect-offsets',
      'search.alpha.connect-status',
      'search.document-index.dlq',
      'search.zeta.connect-configs',
      'search.zeta.connect-offsets',
      'search.zeta.connect-status',
    ]);
    expect(connectTopics(undefined)).toEqual([]);
  });

  it('reports a connector whose cluster is not declared at all, naming the cluster', () => {
    const result = resolve(withConnect([], [DOCUMENT_SINK]), DEV);
    expect(result.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['unknown-connect-cluster', 'cluster', 'connect cluster "search.indexing" is not declared'],
    ]);
  });

  it('fails when a connector is declared twice on one cluster, naming the cluster and the first declaration', () => {
    const result = resolve(withConnect([INDEXING], [DOCUMENT_SINK, { ...DOCUMENT_SINK, source: { path: 'dev/again' } }]), DEV);
    expect(result.issues.map((i) => [i.code, i.source.path, i.message])).toEqual([
      [
        'duplicate-connector',
        'dev/again',
        'connector "document-index" is declared twice on connect cluster "search.indexing" (first at dev/search/indexing/document-index); connector names are unique per cluster',
      ],
    ]);
  });

  it("says whether a connector reads or writes another domain's topic it gives no reason for", () => {
    const orders = { topic: { domain: 'orders', event: 'order-created' } };
    const source: ConnectorInput = {
      type: 'source',
      cluster: DOCUMENT_SINK.cluster,
      name: 'cdc',
      connectorClass: 'x.Cdc',
      topics: [orders],
      source: { path: 'dev/cdc' },
    };
    const result = resolve(withConnect([INDEXING], [{ ...DOCUMENT_SINK, topics: [orders] }, source]), DEV);
    expect(result.issues.map((i) => `${i.source.path} › ${i.path}: ${i.message}`)).toEqual([
      'dev/cdc › topics[0].reason: connector "search.cdc" writes "orders/order-created" of domain "orders" without a stated reason',
      'dev/search/indexing/document-index › topics[0].reason: connector "search.document-index" reads "orders/order-created" of domain "orders" without a stated reason',
    ]);
  });

  it('names the cluster when a source connector asks for exactly-once the cluster does not support', () => {
    const cdc: ConnectorInput = {
      type: 'source',
      cluster: DOCUMENT_SINK.cluster,
      name: 'cdc',
      connectorClass: 'x.Cdc',
      topics: DOCUMENT_SINK.topics,
      exactlyOnce: true,
      source: { path: 'dev/cdc' },
    };
    expect(resolve(withConnect([INDEXING], [cdc]), DEV).issues.map((i) => i.message)).toEqual([
      'source connector "cdc" asks for exactly-once delivery, but connect cluster "search.indexing" does not enable exactly-once source support',
    ]);
  });

  it('lists the topics a connector reads by name, each with its declared reference and reason', () => {
    const reason = 'orders are indexed for customer service';
    const topics = [{ topic: { domain: 'search', event: 'document-changed' } }, { topic: { domain: 'orders', event: 'order-created' }, reason }];
    const sink = resolved(withConnect([INDEXING], [{ ...DOCUMENT_SINK, topics }])).connect?.connectors[0];
    expect(sink?.topics).toEqual([
      { topic: { domain: 'orders', event: 'order-created' }, topicName: 'orders.order-created', reason },
      { topic: { domain: 'search', event: 'document-changed' }, topicName: 'search.document-changed' },
    ]);
  });

  it('reports a connector on a topic whose own declaration fails without failing itself', () => {
    // A full replay compacts: a declared delete policy contradicts it, so the topic is refused, not resolved.
    const broken = { ...DOCUMENT_CHANGED, cleanupPolicy: 'delete' as const };
    const result = resolve({ ...withConnect([INDEXING], [DOCUMENT_SINK]), topics: [ORDER_CREATED, broken] }, DEV);
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => i.source.path)).toEqual(['dev/search/document-changed']);
  });

  it('passes a storage or dead-letter config key through when the environment lists it among its vendor keys', () => {
    const vendorKey = 'confluent.placement.constraints';
    const declarations = withConnect(
      [{ ...INDEXING, storage: { offset: { config: { [vendorKey]: '{}' } } } }],
      [{ ...DOCUMENT_SINK, deadLetter: { config: { [vendorKey]: '{}' } } }],
    );
    expect(resolve(declarations, DEV).issues.map((i) => i.path)).toEqual([`storage.offset.config["${vendorKey}"]`, `deadLetter.config["${vendorKey}"]`]);
    const topology = resolved(declarations, { ...DEV, vendorConfigKeys: [vendorKey] });
    expect(topology.connect?.clusters[0]?.storage.offset.config[vendorKey]).toBe('{}');
    expect(topology.connect?.connectors[0]?.deadLetter?.config[vendorKey]).toBe('{}');
  });
});
