import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { resolve } from '../../model/resolve';
import type { Topology } from '../../model/topology';
import { DEV, PROD, SEED } from '../model/resolve/helpers';
import { DOCUMENT_SINK, INDEXING } from '../model/resolve/connect-fixtures';

function topology(env = DEV, connectors: readonly unknown[] = [DOCUMENT_SINK]): Topology {
  const result = resolve({ ...SEED, connectClusters: [INDEXING], connectors }, env);
  if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.topology;
}

describe('Kafka Connect artifacts', () => {
  it('writes the worker settings topicform owns, with the storage topics and the environment replication', () => {
    const files = generateArtifacts([topology(PROD)]);
    const worker = files.get('clients/prod/search-connect/connect.search.indexing.worker.properties') ?? '';
    expect(worker).toContain('group.id=search.indexing\n');
    expect(worker).toContain('config.storage.topic=search.indexing.connect-configs\n');
    expect(worker).toContain('offset.storage.partitions=25\n');
    expect(worker).toContain('status.storage.replication.factor=3\n');
    expect(worker).not.toContain('exactly.once.source.support');
    // The connector authenticates as its own principal: the override policy is called out.
    expect(worker).toContain('connector.client.config.override.policy');
  });

  it("writes the sink connector's owned config keys as Connect's REST API takes them, DLQ wired, group left at Connect's default", () => {
    const files = generateArtifacts([topology()]);
    const json = JSON.parse(files.get('clients/dev/search-connect/connector.search.indexing.document-index.json') ?? '{}') as {
      name: string;
      config: Record<string, string>;
      reasons: Record<string, string>;
    };
    expect(json.name).toBe('document-index');
    expect(json.config).toEqual({
      name: 'document-index',
      'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      topics: 'search.document-changed',
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': 'search.document-index.dlq',
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    });
    expect(Object.keys(json.reasons)).toEqual(Object.keys(json.config));
  });

  it('renders a declared group id as consumer.override.group.id, and no DLQ keys without a DLQ', () => {
    const files = generateArtifacts([topology(DEV, [{ ...DOCUMENT_SINK, groupId: 'search.documents', deadLetter: false }])]);
    const config = (
      JSON.parse(files.get('clients/dev/search-connect/connector.search.indexing.document-index.json') ?? '{}') as { config: Record<string, string> }
    ).config;
    expect(config['consumer.override.group.id']).toBe('search.documents');
    expect(Object.keys(config).filter((k) => k.startsWith('errors.'))).toEqual([]);
  });

  it('writes nothing for Connect when nothing is declared', () => {
    const result = resolve(SEED, DEV);
    const files = [...generateArtifacts(result.topology === null ? [] : [result.topology]).keys()];
    expect(files.filter((f) => f.includes('connect'))).toEqual([]);
  });
});
