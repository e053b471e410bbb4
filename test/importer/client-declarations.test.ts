/**
 * Import declares Kafka Streams applications, Kafka Connect clusters and sink connectors when the cluster's ACLs prove
 * them, and adopts their topics and ACLs; where the evidence is not certain, or declaring would create or change
 * anything, it keeps the hint and says why.
 */
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../importer/generate/typescript';
import { planImport } from '../../importer/plan/plan';
import type { ImportPlan } from '../../importer/plan/types';
import { renderSummary } from '../../importer/report';
import { DEV, PROD } from '../helpers/synth';
import { CONSTRUCTS_MODULE, kafkaResources, loadGenerated, synthDomains } from './helpers/load-generated';
import { acl, snapshot, topic } from './helpers/snapshot-builders';
import { typecheckGenerated } from './helpers/typecheck';
import type { SnapshotAcl, SnapshotTopic } from '../../importer/snapshot';
import type { EnvironmentInput } from '../../model/schema';

const COMPACT = { 'cleanup.policy': 'compact' };

function plan(topics: readonly SnapshotTopic[], acls: readonly SnapshotAcl[], environment: EnvironmentInput = DEV): ImportPlan {
  const result = planImport(snapshot(topics, acls), { environment });
  if ('error' in result) throw new Error(result.error);
  return result;
}
const streamsOf = (p: ImportPlan) => p.domains.flatMap((d) => d.streamsApplications ?? []);
const clustersOf = (p: ImportPlan) => p.domains.flatMap((d) => d.connectClusters ?? []);
const legacyOf = (p: ImportPlan) =>
  p.domains.flatMap((d) => d.legacyAcls.map((l) => `${l.binding.principal} ${l.binding.operation} ${l.binding.resourceType} ${l.binding.resourceName}`));
const groupsOf = (p: ImportPlan) => p.domains.flatMap((d) => d.groups.map((g) => g.groupId ?? `${g.domain}.${g.name}`));
const findings = (p: ImportPlan, code: string) => p.findings.filter((f) => f.code === code);
const ids = (acls: readonly SnapshotAcl[]) => acls.map((a) => a.id).sort();

/** What Kafka Streams' security guide has an exactly-once application `orders.order-totals` hold. */
const PRINCIPAL = 'User:order-totals';
const STREAMS_ACLS = [
  acl(PRINCIPAL, 'Read', 'Topic', 'orders.order-created'),
  acl(PRINCIPAL, 'Write', 'Topic', 'orders.order-total-changed'),
  ...(['Create', 'Delete', 'Describe', 'Read', 'Write'] as const).map((op) => acl(PRINCIPAL, op, 'Topic', 'orders.order-totals-', { patternType: 'Prefixed' })),
  acl(PRINCIPAL, 'Read', 'Group', 'orders.order-totals'),
  ...(['Describe', 'Write'] as const).map((op) => acl(PRINCIPAL, op, 'TransactionalID', 'orders.order-totals-', { patternType: 'Prefixed' })),
];
const STREAMS_TOPICS = [
  topic('orders.order-created', 6, 1),
  topic('orders.order-total-changed', 6, 1),
  topic('orders.order-totals-totals-by-customer-changelog', 6, 1, COMPACT),
  topic('orders.order-totals-KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition', 6, 1),
];

describe('import declares a Kafka Streams application its ACLs prove', () => {
  it('writes addStreamsApplication with inputs, outputs, guarantee, stores; adopts exactly its ACLs; leaves its internal topics alone', () => {
    const p = plan(STREAMS_TOPICS, STREAMS_ACLS);
    expect(streamsOf(p)).toMatchObject([
      {
        domain: 'orders',
        name: 'order-totals',
        principal: PRINCIPAL,
        inputs: [{ topicName: 'orders.order-created' }],
        outputs: [{ topicName: 'orders.order-total-changed' }],
        processingGuarantee: 'exactly_once_v2',
        stateStores: ['totals-by-customer'],
        repartitions: true,
      },
    ]);
    expect(streamsOf(p)[0]?.applicationId).toBeUndefined();
    // Every ACL it holds is derived by the declaration and imported; none is left as a legacy ACL or a consumer group.
    expect([...p.adopt.acls].sort()).toEqual(ids(STREAMS_ACLS));
    expect(legacyOf(p)).toEqual([]);
    expect(groupsOf(p)).toEqual([]);
    expect(p.firstPlan.creates).toEqual([]);
    expect([...p.adopt.topics].sort()).toEqual(['orders.order-created', 'orders.order-total-changed']);
    for (const t of STREAMS_TOPICS.slice(2)) {
      expect(p.unmanagedTopics.find((u) => u.name === t.name)?.reason).toContain("declared as orders's addStreamsApplication('order-totals')");
    }
    expect(findings(p, 'streams-application-inferred')).toEqual([]);
    expect(findings(p, 'streams-application-declared')).toMatchObject([{ level: 'info', subject: 'orders.order-totals' }]);
    // A cluster does not record the exception handlers: the lint error carries an "imported" suppression.
    expect(streamsOf(p)[0]?.suppressions.map((s) => s.ruleId)).toEqual(['TF-STREAMS-003']);
    const summary = renderSummary(p, snapshot(STREAMS_TOPICS, STREAMS_ACLS), 'x');
    expect(summary).toContain('1 Streams application, 0 legacy ACLs');
    expect(summary).toContain("orders.order-totals: declared as orders's addStreamsApplication('order-totals') (exactly_once_v2");
  });

  it('is at-least-once without TransactionalID ACLs, and takes an application.id outside <domain>.<name> from its input topic', () => {
    const id = 'TotalsApp';
    const acls = [
      acl(PRINCIPAL, 'Read', 'Topic', 'orders.order-created'),
      ...(['Create', 'Delete', 'Describe', 'Read', 'Write'] as const).map((op) => acl(PRINCIPAL, op, 'Topic', `${id}-`, { patternType: 'Prefixed' })),
      acl(PRINCIPAL, 'Read', 'Group', id),
    ];
    const p = plan([topic('orders.order-created', 6, 1)], acls);
    expect(streamsOf(p)).toMatchObject([
      { domain: 'orders', name: 'totals-app', applicationId: id, processingGuarantee: 'at_least_once', stateStores: [], repartitions: false },
    ]);
    expect([...p.adopt.acls].sort()).toEqual(ids(acls));
  });

  it('keeps the hint, saying why, when a derived ACL is missing: the Prefixed grant is "All" or lacks an operation', () => {
    for (const acls of [
      STREAMS_ACLS.filter((a) => !(a.patternType === 'Prefixed' && a.operation === 'Delete' && a.resourceType === 'Topic')),
      [
        ...STREAMS_ACLS.filter((a) => !(a.patternType === 'Prefixed' && a.resourceType === 'Topic')),
        acl(PRINCIPAL, 'All', 'Topic', 'orders.order-totals', { patternType: 'Prefixed' }),
      ],
    ]) {
      const p = plan(STREAMS_TOPICS, acls);
      expect(streamsOf(p)).toEqual([]);
      const [hint] = findings(p, 'streams-application-inferred');
      expect(hint?.level).toBe('warning');
      expect(hint?.message).toMatch(
        /Not declared: declared, it would create ACLs? the cluster does not have: User:order-totals\|\*\|(Create|Delete)\|Allow\|Topic\|orders\.order-totals-\|Prefixed/,
      );
      // Today's treatment: the group READ becomes a consumer group, the Prefixed grants legacy ACLs; nothing is created.
      expect(groupsOf(p)).toEqual(['orders.order-totals']);
      expect(legacyOf(p).length).toBeGreaterThan(0);
      expect(p.firstPlan.creates).toEqual([]);
    }
  });

  it('keeps the hint when its principal also reads as another group: which topics the application reads cannot be told', () => {
    const p = plan(STREAMS_TOPICS, [...STREAMS_ACLS, acl(PRINCIPAL, 'Read', 'Group', 'orders.audit')]);
    expect(streamsOf(p)).toEqual([]);
    expect(findings(p, 'streams-application-inferred')[0]?.message).toContain('Not declared: User:order-totals also reads as group orders.audit');
  });
});

const CONNECT = [
  topic('search.indexing.connect-configs', 1, 1, COMPACT),
  topic('search.indexing.connect-offsets', 25, 1, COMPACT),
  topic('search.indexing.connect-status', 5, 1, COMPACT),
];
const WORKER = 'User:search-connect';
const WORKER_ACLS = [
  acl(WORKER, 'Read', 'Group', 'search.indexing'),
  ...CONNECT.flatMap((t) => [acl(WORKER, 'Read', 'Topic', t.name), acl(WORKER, 'Write', 'Topic', t.name)]),
];
const SINK = 'User:document-sink';
const DLQ = topic('search.document-index.dlq', 3, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': '2419200000' });
const SINK_ACLS = [
  acl(SINK, 'Read', 'Group', 'connect-document-index'),
  acl(SINK, 'Read', 'Topic', 'search.document-changed'),
  acl(SINK, 'Write', 'Topic', 'search.document-index.dlq'),
];
const CHANGED = topic('search.document-changed', 12, 1, COMPACT);

describe('import declares a Kafka Connect cluster and its sink connectors', () => {
  it('writes addConnectCluster and addSinkConnector, adopting the storage and dead-letter topics and every ACL at their own addresses', () => {
    const p = plan([CHANGED, ...CONNECT, DLQ], [...WORKER_ACLS, ...SINK_ACLS]);
    expect(clustersOf(p)).toMatchObject([
      {
        domain: 'search',
        name: 'indexing',
        principal: WORKER,
        exactlyOnceSource: false,
        storage: {},
        sinks: [
          {
            name: 'document-index',
            principal: SINK,
            deadLetter: true,
            deadLetterTopic: 'search.document-index.dlq',
            topics: [{ topicName: 'search.document-changed' }],
          },
        ],
      },
    ]);
    expect(clustersOf(p)[0]?.groupId).toBeUndefined();
    expect([...p.adopt.topics].sort()).toEqual([CHANGED, ...CONNECT, DLQ].map((t) => t.name).sort());
    expect([...p.adopt.acls].sort()).toEqual(ids([...WORKER_ACLS, ...SINK_ACLS]));
    expect(p.domains.flatMap((d) => d.topics.map((t) => t.name))).toEqual(['search.document-changed']);
    expect(groupsOf(p)).toEqual([]);
    expect(legacyOf(p)).toEqual([]);
    expect(p.firstPlan.creates).toEqual([]);
    expect(findings(p, 'connect-cluster-inferred')).toEqual([]);
    expect(findings(p, 'sink-connector-inferred')).toEqual([]);
    expect(findings(p, 'sink-connector-declared')[0]?.message).toContain('replace connectorClass imported.UnknownConnectorClass');
    // The sink does not state its idempotency or its class on a cluster: "imported" suppressions say what to add, and
    // lint keeps listing the placeholder class (TF-CONNECT-006) until the real one is set.
    const suppressions = clustersOf(p)[0]?.sinks[0]?.suppressions ?? [];
    expect(suppressions.map((s) => s.ruleId).sort()).toEqual(['TF-CONNECT-002', 'TF-CONNECT-006']);
    expect(suppressions.find((s) => s.ruleId === 'TF-CONNECT-006')?.reason).toMatch(
      /^imported: a cluster does not record the sink connector's connector\.class .*set connectorClass/,
    );
  });

  it('declares the shapes found: storage partitions and overrides, an explicit group.id, a dead-letter shape, no dead letter', () => {
    const storage = [
      topic('search.indexing.connect-configs', 1, 1, COMPACT),
      topic('search.indexing.connect-offsets', 12, 1, { ...COMPACT, 'segment.ms': '3600000' }),
      topic('search.indexing.connect-status', 5, 1, COMPACT),
    ];
    const workers = [
      acl(WORKER, 'Read', 'Group', 'indexing-workers'),
      ...storage.flatMap((t) => [acl(WORKER, 'Read', 'Topic', t.name), acl(WORKER, 'Write', 'Topic', t.name)]),
    ];
    const dlq = topic('search.document-index.dlq', 1, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': '604800000' });
    const p = plan([CHANGED, ...storage, dlq], [...workers, ...SINK_ACLS]);
    const [cluster] = clustersOf(p);
    expect(cluster).toMatchObject({ groupId: 'indexing-workers', storage: { offset: { partitions: 12, config: { 'segment.ms': '3600000' } } } });
    expect(cluster?.sinks[0]?.deadLetter).toEqual({ partitions: 1, retention: '7d' });
    expect(p.firstPlan.creates).toEqual([]);
    expect([...p.adopt.acls].sort()).toEqual(ids([...workers, ...SINK_ACLS]));

    const noDlq = plan([CHANGED, ...CONNECT], [...WORKER_ACLS, ...SINK_ACLS.slice(0, 2)]);
    const [sink] = clustersOf(noDlq)[0]?.sinks ?? [];
    expect(sink?.deadLetter).toBe(false);
    expect(sink?.suppressions.map((s) => s.ruleId)).toContain('TF-CONNECT-001');
    expect(noDlq.firstPlan.creates).toEqual([]);
  });

  it('adopts a topic of the cluster as before, with the reason, when declaring it would change it (replication differs)', () => {
    const p = plan([CHANGED, ...CONNECT.map((t) => ({ ...t, replicationFactor: 2 }))], WORKER_ACLS, { ...PROD, replicationFactor: 3, minInsyncReplicas: 1 });
    expect(clustersOf(p)).toEqual([]);
    const [hint] = findings(p, 'connect-cluster-inferred');
    expect(hint?.message).toContain('Not declared: search.indexing.connect-configs: adopting it as declared would change it: replication factor 2 → 3');
    expect([...p.adopt.topics].sort()).toEqual([CHANGED, ...CONNECT].map((t) => t.name).sort());
  });

  it('keeps the hint when a storage ACL is missing, and a sink without a declared Connect cluster stays a consumer group', () => {
    const p = plan([CHANGED, ...CONNECT, DLQ], [...WORKER_ACLS.slice(0, -1), ...SINK_ACLS]);
    expect(clustersOf(p)).toEqual([]);
    expect(findings(p, 'connect-cluster-inferred')[0]?.message).toMatch(
      /Not declared: declared, it would create ACL the cluster does not have: User:search-connect\|\*\|Write\|Allow\|Topic\|search\.indexing\.connect-status\|Literal/,
    );
    expect(findings(p, 'sink-connector-inferred')[0]?.message).toContain(
      'Not declared: the Connect cluster that runs it is not declared: declared, it would create ACL',
    );
    expect(groupsOf(p)).toContain('connect-document-index');
    expect(p.firstPlan.creates).toEqual([]);
    // With no Connect cluster on the cluster at all, likewise.
    const alone = plan([CHANGED], SINK_ACLS.slice(0, 2));
    expect(findings(alone, 'sink-connector-inferred')[0]?.message).toContain('Not declared: no Connect cluster could be declared from the cluster');
    expect(groupsOf(alone)).toEqual(['connect-document-index']);
  });

  it('keeps the hint for storage topics that do not carry the names a declared cluster gives them', () => {
    const named = ['connect-configs', 'connect-offsets', 'connect-status'].map((n, i) => topic(n, [1, 25, 5][i] ?? 1, 1, COMPACT));
    const acls = [
      acl(WORKER, 'Read', 'Group', 'connect-cluster'),
      ...named.flatMap((t) => [acl(WORKER, 'Read', 'Topic', t.name), acl(WORKER, 'Write', 'Topic', t.name)]),
    ];
    const p = plan(named, acls);
    expect(clustersOf(p)).toEqual([]);
    expect(findings(p, 'connect-cluster-inferred')[0]?.message).toContain('Not declared: its storage topics are not named <domain>.<cluster>.connect-configs');
  });

  it('does not guess which of two Connect clusters runs a sink connector', () => {
    const other = CONNECT.map((t) => ({ ...t, name: t.name.replace('search.indexing', 'search.export') }));
    const otherAcls = [
      acl('User:export-connect', 'Read', 'Group', 'search.export'),
      ...other.flatMap((t) => [acl('User:export-connect', 'Read', 'Topic', t.name), acl('User:export-connect', 'Write', 'Topic', t.name)]),
    ];
    const p = plan([CHANGED, ...CONNECT, ...other, DLQ], [...WORKER_ACLS, ...otherAcls, ...SINK_ACLS]);
    expect(clustersOf(p).map((c) => c.name)).toEqual(['export', 'indexing']);
    expect(clustersOf(p).flatMap((c) => c.sinks)).toEqual([]);
    expect(findings(p, 'sink-connector-inferred')[0]?.message).toContain(
      'Not declared: 2 Connect clusters are declared and the ACLs do not tell which one runs it',
    );
    expect(p.firstPlan.creates).toEqual([]);
  });
});

describe('the generated declarations', () => {
  it('type-check, and synthesize exactly the cluster: explicit ids, shapes, exactly-once workers, cross-domain topics', async () => {
    const app = 'TotalsApp';
    const workers = 'indexing-workers';
    const storage = [
      topic('search.indexing.connect-configs', 1, 1, COMPACT),
      topic('search.indexing.connect-offsets', 12, 1, { ...COMPACT, 'segment.ms': '3600000' }),
      topic('search.indexing.connect-status', 5, 1, COMPACT),
    ];
    const topics = [
      topic('orders.order-created', 6, 1),
      topic('orders.order-total-changed', 6, 1),
      topic('billing.invoice-issued', 3, 1),
      CHANGED,
      ...storage,
      topic('search.document-index.dlq', 1, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': '604800000' }),
      topic(`${app}-totals-changelog`, 6, 1, COMPACT),
    ];
    const acls = [
      acl(PRINCIPAL, 'Read', 'Topic', 'orders.order-created'),
      acl(PRINCIPAL, 'Read', 'Topic', 'billing.invoice-issued'),
      acl(PRINCIPAL, 'Write', 'Topic', 'orders.order-total-changed'),
      ...(['Create', 'Delete', 'Describe', 'Read', 'Write'] as const).map((op) => acl(PRINCIPAL, op, 'Topic', `${app}-`, { patternType: 'Prefixed' })),
      acl(PRINCIPAL, 'Read', 'Group', app),
      acl(WORKER, 'Read', 'Group', workers),
      acl(WORKER, 'Write', 'TransactionalID', `connect-cluster-${workers}`),
      ...storage.flatMap((t) => [acl(WORKER, 'Read', 'Topic', t.name), acl(WORKER, 'Write', 'Topic', t.name)]),
      acl(SINK, 'Read', 'Group', 'connect-document-index'),
      acl(SINK, 'Read', 'Topic', 'search.document-changed'),
      acl(SINK, 'Read', 'Topic', 'orders.order-created'),
      acl(SINK, 'Write', 'Topic', 'search.document-index.dlq'),
    ];
    const p = plan(topics, acls);
    expect(streamsOf(p)).toMatchObject([{ domain: 'orders', applicationId: app, stateStores: ['totals'] }]);
    expect(streamsOf(p)[0]?.inputs.find((t) => t.topicName === 'billing.invoice-issued')?.reason).toContain('imported: User:order-totals reads it');
    expect(clustersOf(p)).toMatchObject([{ groupId: workers, exactlyOnceSource: true, sinks: [{ deadLetter: { partitions: 1, retention: '7d' } }] }]);
    expect(p.firstPlan.creates).toEqual([]);
    expect([...p.adopt.acls].sort()).toEqual(ids(acls));
    expect(legacyOf(p)).toEqual([]);

    const files = generateFiles(p, { constructsModule: CONSTRUCTS_MODULE });
    const search = files.find((f) => f.path === 'topics/search.ts')?.content ?? '';
    expect(search).toContain("const indexing = domain.addConnectCluster('indexing', {");
    expect(search).toContain("indexing.addSinkConnector('document-index', {");
    expect(search).toContain("offset: { partitions: 12, config: { 'segment.ms': '3600000' } },");
    expect(files.find((f) => f.path === 'topics/orders.ts')?.content).toContain(`applicationId: '${app}',`);
    // Under the project's strict compiler settings, against the real constructs.
    expect(typecheckGenerated(files, ['topics'])).toEqual({ status: 0, output: '' });
    const loaded = await loadGenerated(files, DEV.name);
    try {
      const json = synthDomains(Object.values(loaded.domains), DEV, loaded.adopt);
      const after = kafkaResources(json);
      const imports = (json.import ?? []) as Array<{ to: string; id: string }>;
      // Everything on the cluster but the Streams internal topic, each imported once; nothing else synthesized.
      expect(imports.map((i) => i.id).sort()).toEqual([...ids(acls), ...topics.slice(0, -1).map((t) => t.name)].sort());
      expect(Object.keys(after.acls)).toHaveLength(acls.length);
      expect(Object.keys(after.topics)).toHaveLength(topics.length - 1);
    } finally {
      loaded.dispose();
    }
  }, 180_000);
});
