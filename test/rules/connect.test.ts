import { describe, expect, it } from 'vitest';
import { resolve } from '../../model/resolve';
import type { ConnectClusterInput, ConnectorInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { RULES } from '../../rules/registry';
import { lint } from '../../rules/run';
import type { Finding } from '../../rules/types';
import { DEV, SEED } from '../model/resolve/helpers';

const CLUSTER: ConnectClusterInput = {
  domain: 'search',
  name: 'indexing',
  service: 'search-connect',
  principal: 'User:search-connect',
  source: { path: 'dev/search/indexing' },
};
const SINK: ConnectorInput = {
  type: 'sink',
  cluster: { domain: 'search', name: 'indexing' },
  name: 'document-index',
  connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
  idempotency: 'documents are upserted by id; a replay rewrites the same documents',
  source: { path: 'dev/search/indexing/document-index' },
};

function topologyWith(cluster: ConnectClusterInput, connectors: readonly ConnectorInput[] = [SINK]): Topology {
  const result = resolve({ ...SEED, connectClusters: [cluster], connectors }, DEV);
  if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.topology;
}

const findings = (topology: Topology, ruleId: string): Finding[] => lint(topology, RULES).filter((f) => f.ruleId === ruleId);

describe('TF-CONNECT-001 sinkDeadLetterExists: a sink connector dead-letters what it cannot write', () => {
  it('does not fire with the default dead-letter topic', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-001')).toEqual([]);
  });
  it('fires on a sink without one, on its deadLetter field, and honours a suppression with its reason', () => {
    const [found] = findings(topologyWith(CLUSTER, [{ ...SINK, deadLetter: false }]), 'TF-CONNECT-001');
    expect(found).toMatchObject({ level: 'error', field: 'deadLetter', subject: { kind: 'connector', name: 'search.indexing/document-index' } });
    const reason = 'the index accepts every record shape; nothing can fail';
    const [suppressed] = findings(
      topologyWith(CLUSTER, [{ ...SINK, deadLetter: false, suppressions: [{ ruleId: 'TF-CONNECT-001', reason }] }]),
      'TF-CONNECT-001',
    );
    expect(suppressed?.suppressed).toMatchObject({ reason });
  });
  it('does not apply to a source connector', () => {
    const source: ConnectorInput = {
      type: 'source',
      cluster: SINK.cluster,
      name: 'cdc',
      connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
      topics: SINK.topics,
      source: { path: 'dev/cdc' },
    };
    expect(findings(topologyWith(CLUSTER, [SINK, source]), 'TF-CONNECT-001')).toEqual([]);
  });
});

describe('TF-CONNECT-002 sinkIdempotencyStated: a sink connector states how it survives duplicates', () => {
  it('fires on a sink without an idempotency statement', () => {
    const without: ConnectorInput = { ...SINK, idempotency: undefined };
    expect(findings(topologyWith(CLUSTER, [without]), 'TF-CONNECT-002')).toEqual([expect.objectContaining({ field: 'idempotency' })]);
  });
  it('does not fire on a sink that states its idempotency', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-002')).toEqual([]);
  });
});

describe('TF-CONNECT-003 storageCompacted: Connect storage topics stay compacted', () => {
  it('does not fire with the derived storage topics', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-003')).toEqual([]);
  });
  it.each(['delete', 'compact,delete'])('fires on a storage topic overridden to cleanup.policy=%s', (policy) => {
    const found = findings(topologyWith({ ...CLUSTER, storage: { offset: { config: { 'cleanup.policy': policy } } } }), 'TF-CONNECT-003');
    expect(found).toEqual([expect.objectContaining({ field: 'storage.offset.config.cleanup.policy', level: 'error' })]);
  });
});

describe('TF-CONNECT-004 configTopicSinglePartition: the config storage topic has exactly one partition', () => {
  it('fires on a config topic with more than one partition, as an error', () => {
    expect(findings(topologyWith({ ...CLUSTER, storage: { config: { partitions: 3 } } }), 'TF-CONNECT-004')).toEqual([
      expect.objectContaining({ field: 'storage.config.partitions', level: 'error' }),
    ]);
  });
  it('does not fire on the derived single partition', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-004')).toEqual([]);
  });
});

describe("TF-CONNECT-005 storagePartitionsBelowDefault: offset and status topics keep Connect's default partitions", () => {
  it('fires on offset or status topics below Connect defaults, as a warning', () => {
    const below = findings(topologyWith({ ...CLUSTER, storage: { offset: { partitions: 6 }, status: { partitions: 1 } } }), 'TF-CONNECT-005');
    expect(below.map((f) => [f.field, f.level])).toEqual([
      ['storage.offset.partitions', 'warning'],
      ['storage.status.partitions', 'warning'],
    ]);
  });
  it('does not fire at or above the defaults', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-005')).toEqual([]);
    expect(findings(topologyWith({ ...CLUSTER, storage: { offset: { partitions: 50 } } }), 'TF-CONNECT-005')).toEqual([]);
  });
});

describe('Connect declarations pass every other rule', () => {
  it('reports no error on a compliant cluster and sink', () => {
    const errors = lint(topologyWith(CLUSTER), RULES).filter((f) => f.level === 'error' && f.suppressed === undefined && f.subject.kind.startsWith('conn'));
    expect(errors).toEqual([]);
  });
});

describe('TF-REPLAY-004 / TF-REPLAY-005 on sink connectors: a sink states its replay safety like a consumer group', () => {
  const source: ConnectorInput = {
    type: 'source',
    cluster: SINK.cluster,
    name: 'cdc',
    connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
    topics: SINK.topics,
    source: { path: 'dev/cdc' },
  };

  it('warns on a sink that reads a replayable topic without a statement, on the connector, naming its group', () => {
    const found = findings(topologyWith(CLUSTER, [SINK, source]), 'TF-REPLAY-004').filter((f) => f.subject.kind === 'connector');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      level: 'warning',
      field: 'replaySafety',
      subject: { kind: 'connector', name: 'search.indexing/document-index', source: SINK.source },
      message: 'sink connector document-index (group connect-document-index) reads replayable "search.document-changed" and states no replay safety',
    });
  });

  it('is satisfied by a guarded statement, which the Topology keeps', () => {
    const guarded = {
      ...SINK,
      replaySafety: { deterministic: true, sideEffects: { control: 'guarded', by: 'index requests by document id' } },
    } as ConnectorInput;
    const topology = topologyWith(CLUSTER, [guarded]);
    expect(topology.connect?.connectors[0]?.replaySafety).toEqual({
      deterministic: true,
      sideEffects: { control: 'guarded', by: 'index requests by document id' },
    });
    expect(findings(topology, 'TF-REPLAY-004').filter((f) => f.subject.kind === 'connector')).toEqual([]);
    expect(findings(topology, 'TF-REPLAY-005')).toEqual([]);
  });

  it('fails (error) on a sink declared not replay-safe that reads a topic whose replay is declared, and honours a suppression', () => {
    const unsafe = {
      ...SINK,
      replaySafety: { deterministic: true, sideEffects: { control: 'not-replay-safe', reason: 'the CRM sends a welcome mail per insert' } },
    } as ConnectorInput;
    const [found] = findings(topologyWith(CLUSTER, [unsafe]), 'TF-REPLAY-005');
    expect(found).toMatchObject({
      level: 'error',
      field: 'replaySafety.sideEffects',
      subject: { kind: 'connector', name: 'search.indexing/document-index' },
      message:
        'sink connector document-index (group connect-document-index) is not replay-safe ("the CRM sends a welcome mail per insert") but reads "search.document-changed", whose replay is declared',
    });
    const reason = 'replays of document-changed skip this connector: its offsets are never reset';
    const [suppressed] = findings(topologyWith(CLUSTER, [{ ...unsafe, suppressions: [{ ruleId: 'TF-REPLAY-005', reason }] }]), 'TF-REPLAY-005');
    expect(suppressed?.suppressed).toMatchObject({ reason });
  });

  it('rejects a statement on a source connector (it reads nothing to replay)', () => {
    const result = resolve(
      { ...SEED, connectClusters: [CLUSTER], connectors: [{ ...source, replaySafety: { deterministic: true, sideEffects: { control: 'none' } } }] },
      DEV,
    );
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => i.path).join()).toContain('replaySafety');
  });
});

describe('TF-CONNECT-001..005 messages, worked from the declarations (group search.indexing, storage search.indexing.connect-*)', () => {
  const messages = (topology: Topology, ruleId: string): string[] => findings(topology, ruleId).map((f) => `${f.field}: ${f.message}`);

  it('names the sink connector, its cluster and what it lacks', () => {
    expect(messages(topologyWith(CLUSTER, [{ ...SINK, deadLetter: false }]), 'TF-CONNECT-001')).toEqual([
      'deadLetter: sink connector document-index on search.indexing has no dead-letter topic',
    ]);
    expect(messages(topologyWith(CLUSTER, [{ ...SINK, idempotency: undefined }]), 'TF-CONNECT-002')).toEqual([
      'idempotency: sink connector document-index states no idempotency',
    ]);
  });

  it('does not ask a source connector for an idempotency statement', () => {
    const source: ConnectorInput = {
      type: 'source',
      cluster: SINK.cluster,
      name: 'cdc',
      connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
      topics: SINK.topics,
      source: { path: 'dev/cdc' },
    };
    expect(findings(topologyWith(CLUSTER, [SINK, source]), 'TF-CONNECT-002')).toEqual([]);
  });

  it('names the storage topic and the value that breaks the rule', () => {
    expect(messages(topologyWith({ ...CLUSTER, storage: { status: { config: { 'cleanup.policy': 'delete' } } } }), 'TF-CONNECT-003')).toEqual([
      'storage.status.config.cleanup.policy: search.indexing.connect-status has cleanup.policy=delete, not compact',
    ]);
    expect(messages(topologyWith({ ...CLUSTER, storage: { config: { partitions: 3 } } }), 'TF-CONNECT-004')).toEqual([
      'storage.config.partitions: search.indexing.connect-configs has 3 partitions, not 1',
    ]);
    expect(messages(topologyWith({ ...CLUSTER, storage: { offset: { partitions: 24 }, status: { partitions: 4 } } }), 'TF-CONNECT-005')).toEqual([
      "storage.offset.partitions: search.indexing.connect-offsets has 24 partitions, below Connect's default 25",
      "storage.status.partitions: search.indexing.connect-status has 4 partitions, below Connect's default 5",
    ]);
    // Exactly the defaults (offsets 25, status 5) is not below them.
    expect(findings(topologyWith({ ...CLUSTER, storage: { offset: { partitions: 25 }, status: { partitions: 5 } } }), 'TF-CONNECT-005')).toEqual([]);
  });
});

describe('TF-CONNECT-006 connectorClassKnown: the class import could not read is not left as its placeholder', () => {
  // The literal import writes (importer/generate/clients.ts): a changed placeholder must change this rule with it.
  const PLACEHOLDER = 'imported.UnknownConnectorClass';

  it('does not fire on a real class', () => {
    expect(findings(topologyWith(CLUSTER), 'TF-CONNECT-006')).toEqual([]);
  });
  it('fires as an error on the placeholder, on connectorClass, naming the connector; a suppression keeps it listed', () => {
    const [found] = findings(topologyWith(CLUSTER, [{ ...SINK, connectorClass: PLACEHOLDER }]), 'TF-CONNECT-006');
    expect(found).toMatchObject({
      level: 'error',
      field: 'connectorClass',
      message: 'connector document-index still has the imported placeholder class imported.UnknownConnectorClass',
      subject: { kind: 'connector', name: 'search.indexing/document-index' },
    });
    const reason = 'class read from GET /connectors/document-index/config in the next pull request';
    const [suppressed] = findings(
      topologyWith(CLUSTER, [{ ...SINK, connectorClass: PLACEHOLDER, suppressions: [{ ruleId: 'TF-CONNECT-006', reason }] }]),
      'TF-CONNECT-006',
    );
    expect(suppressed?.suppressed).toMatchObject({ reason });
  });
  it('is exact: a class that only contains the placeholder is a real class', () => {
    expect(findings(topologyWith(CLUSTER, [{ ...SINK, connectorClass: `com.example.${PLACEHOLDER}` }]), 'TF-CONNECT-006')).toEqual([]);
  });
});
