/**
 * The catalog's domain pages and the access report (`topicform access`: what can a principal do, who can read a topic)
 * show Kafka Streams applications and Kafka Connect clusters and connectors as they show producers and consumer groups.
 */
import { describe, expect, it } from 'vitest';
import { formatPrincipalReport, formatTopicReport } from '../../access/format';
import { knownPrincipals, knownTopics, principalReport, topicReport } from '../../access/report';
import { generateArtifacts } from '../../artifacts';
import { everyClientTopology, STREAMS_REASON } from './every-client-fixture';

const topology = everyClientTopology();

describe('catalog pages with Kafka Streams applications and Kafka Connect', () => {
  const files = generateArtifacts([topology]);
  const page = (domain: string): string => files.get(`docs/dev/domains/${domain}.md`) ?? '';

  it("lists the domain's Streams application with what it reads and writes, its guarantee and internal topics", () => {
    const search = page('search');
    expect(search).toContain('| Kafka Streams applications | `search.order-documents` |');
    expect(search).toMatch(/## Kafka Streams applications\n\n### `search\.order-documents`\n/);
    expect(search).toContain(`| Reads | \`orders.order-created\` (${STREAMS_REASON}) |`);
    expect(search).toContain('| Writes | `search.document-changed` |');
    expect(search).toContain('| Processing guarantee | `exactly_once_v2` |');
    expect(search).toContain('`search.order-documents-latest-order-changelog`, repartition topics');
    expect(search).toContain('[properties](../../../clients/dev/order-documents/streams.search.order-documents.properties)');
  });

  it('lists the Connect cluster with its storage topics and each connector with its topics and DLQ', () => {
    const search = page('search');
    expect(search).toContain('| Kafka Connect | cluster `search.indexing`, source connector `catalog-source`, sink connector `document-index` |');
    expect(search).toContain('### Connect cluster `search.indexing`');
    expect(search).toContain('`search.indexing.connect-offsets` (25 partitions, compacted)');
    expect(search).toMatch(
      /\| `document-index` \| sink \| `search\.indexing` \| reads `search\.document-changed` \| `User:document-index` \| `connect-document-index` \| `search\.document-index\.dlq`, kept 28d \| 6 \|/,
    );
    expect(search).toMatch(/\| `catalog-source` \| source \| `search\.indexing` \| writes `search\.document-changed` \|/);
  });

  it('names the Streams application and connectors on the topic sections they use, across domains', () => {
    expect(page('orders')).toContain('| Kafka Streams | `search.order-documents` of [search](search.md) reads |');
    expect(page('search')).toContain('| Kafka Streams | `search.order-documents` writes |');
    expect(page('search')).toContain('| Kafka Connect | source connector `catalog-source` writes, sink connector `document-index` reads |');
  });

  it('leaves a page without Streams applications or Connect as it was (no empty sections)', () => {
    const plain = generateArtifacts([everyClientTopology(undefined, { streams: [], connectors: [] })]).get('docs/dev/domains/orders.md') ?? '';
    expect(plain).not.toContain('Kafka Streams');
    expect(plain).not.toContain('Kafka Connect');
  });
});

describe('the access report with Kafka Streams applications and Kafka Connect', () => {
  const source = { topologies: [topology] };

  it('answers what a connector principal can do, naming the connector and its topics', () => {
    const report = principalReport(source, 'User:document-index');
    expect(report.uses).toEqual([
      { environment: 'dev', kind: 'sink-connector', service: 'search-connect', name: 'document-index', domain: 'search', reasons: [] },
    ]);
    expect(report.topics).toEqual([
      { environment: 'dev', read: expect.arrayContaining(['search.document-changed']) as string[], write: ['search.document-index.dlq'] },
    ]);
    expect(formatPrincipalReport(report, 'text')).toContain('used by sink connector document-index (search-connect), domain search');
    const workers = principalReport(source, 'User:search-connect');
    expect(workers.uses.map((u) => `${u.kind} ${u.name}`)).toEqual(['connect-worker search.indexing', 'source-connector catalog-source']);
    expect(formatPrincipalReport(workers, 'markdown')).toContain('- used by Kafka Connect workers `search.indexing` (`search-connect`), domain search');
  });

  it('answers what a Streams application principal can do, with its stated cross-domain reason', () => {
    const report = principalReport(source, 'User:order-documents');
    expect(report.uses).toEqual([
      {
        environment: 'dev',
        kind: 'streams-application',
        service: 'order-documents',
        name: 'search.order-documents',
        domain: 'search',
        reasons: [{ topic: 'orders.order-created', reason: STREAMS_REASON }],
      },
    ]);
  });

  it('answers who can read a topic with Streams applications and connectors among them, and covers Connect topics', () => {
    const [entry] = topicReport(source, 'search.document-changed').entries;
    const readers = entry?.principals.filter((p) => p.read).map((p) => `${p.principal} ${p.services.join(',')}`);
    expect(readers).toEqual(expect.arrayContaining(['User:document-index search-connect']));
    const writers = entry?.principals.filter((p) => p.write).map((p) => `${p.principal} ${p.services.join(',')}`);
    expect(writers).toEqual(expect.arrayContaining(['User:order-documents order-documents', 'User:search-connect search-connect']));
    const [dlq] = topicReport(source, 'search.document-index.dlq').entries;
    expect(dlq).toMatchObject({ kind: 'connect-dead-letter', owner: { domain: 'search' } });
    expect(dlq?.principals.map((p) => p.principal)).toContain('User:document-index');
    expect(formatTopicReport(topicReport(source, 'search.indexing.connect-configs'), 'text')).toContain('(connect-config)');
    expect(knownPrincipals(source)).toEqual(expect.arrayContaining(['User:document-index', 'User:search-connect']));
    expect(knownTopics(source)).toContain('search.indexing.connect-status');
  });
});
