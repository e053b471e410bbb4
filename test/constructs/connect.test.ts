import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaPrincipal, KafkaStack, Replay } from '../../constructs';
import { aclSet, DEV, PROD, synthStack, type TerraformJson } from '../helpers/synth';

function search(stack: KafkaStack, options: { principal?: string; deadLetter?: boolean } = {}): void {
  const domain = new Domain(stack, 'search', { owner: '@acme/search', description: 'Search', recoveryProcedure: 'docs/runbooks/search.md' });
  const changed = domain.addEventTopic('document-changed', {
    eventTypes: ['DocumentUpserted'],
    key: { field: 'documentId', aggregate: 'document', reason: 'compaction keeps the latest state per document' },
    partitions: 6,
    replay: Replay.full({ longestReindex: '12h' }),
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only',
      schema: { type: 'object', properties: { documentId: { type: 'string' } }, required: ['documentId'] },
    },
  });
  const cluster = domain.addConnectCluster('indexing', { service: 'search-connect', principal: KafkaPrincipal.user('search-connect') });
  cluster.addSinkConnector('document-index', {
    connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
    topics: [changed],
    idempotency: 'documents are upserted by id; a replay rewrites the same documents',
    ...(options.principal === undefined ? {} : { principal: options.principal }),
    ...(options.deadLetter === undefined ? {} : { deadLetter: options.deadLetter }),
  });
}

const topicNamed = (json: TerraformJson, name: string): unknown => Object.values(json.resource.kafka_topic).find((t) => t.name === name);

describe('ConnectCluster and connectors', () => {
  it("creates the compacted storage topics with Connect's partitions and the environment's replication, protected in production", () => {
    const { json } = synthStack((s) => search(s), PROD);
    expect(topicNamed(json, 'search.indexing.connect-configs')).toEqual({
      name: 'search.indexing.connect-configs',
      partitions: 1,
      replication_factor: 3,
      config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' },
      lifecycle: { prevent_destroy: true },
    });
    expect(topicNamed(json, 'search.indexing.connect-offsets')).toMatchObject({ partitions: 25, replication_factor: 3 });
    expect(topicNamed(json, 'search.indexing.connect-status')).toMatchObject({ partitions: 5, replication_factor: 3 });
  });

  it("creates the sink connector's DLQ and grants the worker and the connector principals their own ACLs", () => {
    const { json } = synthStack((s) => search(s, { principal: KafkaPrincipal.user('document-index') }));
    expect(topicNamed(json, 'search.document-index.dlq')).toMatchObject({ partitions: 3, replication_factor: 1, config: { 'cleanup.policy': 'delete' } });
    expect(aclSet(json, 'User:search-connect')).toEqual([
      'Group:search.indexing:Read',
      'Topic:search.indexing.connect-configs:Read',
      'Topic:search.indexing.connect-configs:Write',
      'Topic:search.indexing.connect-offsets:Read',
      'Topic:search.indexing.connect-offsets:Write',
      'Topic:search.indexing.connect-status:Read',
      'Topic:search.indexing.connect-status:Write',
    ]);
    expect(aclSet(json, 'User:document-index')).toEqual([
      'Group:connect-document-index:Read',
      'Topic:search.document-changed:Read',
      'Topic:search.document-index.dlq:Write',
    ]);
  });

  it('fails, naming the connector path, when a sink has no DLQ (TF-CONNECT-001)', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    search(stack, { deadLetter: false });
    expect(() => Testing.synth(stack, true)).toThrow(/search\/indexing\/document-index.*TF-CONNECT-001/s);
  });

  it('fails, naming the construct path, when a connector names an undeclared topic', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    search(stack);
    const cluster = stack.node.findAll().find((c) => c.node.id === 'indexing');
    if (cluster === undefined || !('addSourceConnector' in cluster)) throw new Error('no cluster');
    (cluster as unknown as { addSourceConnector: (n: string, o: unknown) => void }).addSourceConnector('cdc', {
      connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
      topics: [{ domain: 'search', event: 'document-changd' }],
    });
    expect(() => Testing.synth(stack, true)).toThrow(/search\/indexing\/cdc.*topics\[0\]\.topic.*did you mean "search\/document-changed"/s);
  });
});
