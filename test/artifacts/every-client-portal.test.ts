/**
 * The AsyncAPI documents and Backstage entities show Kafka Streams applications and connectors as they show producers
 * and consumer groups. (Each document of this topology also goes through @asyncapi/parser and Backstage's schemas in
 * asyncapi.test.ts and backstage.test.ts.)
 */
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from '../../artifacts/portal/asyncapi';
import { catalogEntities } from '../../artifacts/portal/backstage';
import { everyClientTopology } from './every-client-fixture';

type Operation = { action: string; channel: { $ref: string }; title: string; summary?: string; bindings?: { kafka: { groupId: { enum: string[] } } } };
type Doc = { channels: Record<string, { address: string; description: string }>; operations: Record<string, Operation> };

const topology = everyClientTopology();
const doc = (domain: string): Doc => asyncApiDocument(domain, [topology]) as unknown as Doc;
const opsOn = (d: Doc, topic: string): string[] =>
  Object.values(d.operations)
    .filter((o) => o.channel.$ref === `#/channels/dev.${topic}`)
    .map((o) => `${o.action} ${o.bindings?.kafka.groupId.enum.join(',') ?? '-'}: ${o.title}`)
    .sort();

describe('AsyncAPI with Kafka Streams applications and Kafka Connect', () => {
  it('has a receive per Streams application input (application.id as group) and a send per output', () => {
    expect(opsOn(doc('orders'), 'orders.order-created')).toContain(
      'receive search.order-documents: Kafka Streams application search.order-documents (order-documents) reads orders.order-created',
    );
    expect(opsOn(doc('search'), 'search.document-changed')).toContain(
      'send -: Kafka Streams application search.order-documents (order-documents) produces to search.document-changed',
    );
    const read = Object.values(doc('orders').operations).find((o) => o.title.startsWith('Kafka Streams application'));
    expect(read?.summary).toContain('Its internal topics (search.order-documents-*) are its own.');
  });

  it("has a sink connector's receive in its consumer group, a source connector's send, and the sink's DLQ channel", () => {
    const search = doc('search');
    expect(opsOn(search, 'search.document-changed')).toEqual(
      expect.arrayContaining([
        'receive connect-document-index: sink connector document-index reads search.document-changed in consumer group connect-document-index',
        'send -: source connector catalog-source writes search.document-changed',
      ]),
    );
    expect(search.channels['dev.search.document-index.dlq']?.address).toBe('search.document-index.dlq');
    expect(opsOn(search, 'search.document-index.dlq')).toEqual([
      'send -: sink connector document-index writes the records it cannot convert or write to search.document-index.dlq',
    ]);
  });

  it('parses with @asyncapi/parser and its operations resolve to channels', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument('search', [topology])));
    expect(diagnostics.filter((d) => Number(d.severity) === 0)).toEqual([]);
    const titles =
      document
        ?.operations()
        .all()
        .map((o) => `${o.action()} ${o.channels().all()[0]?.address() ?? '?'}`) ?? [];
    expect(titles).toEqual(expect.arrayContaining(['receive search.document-changed', 'send search.document-index.dlq']));
  }, 60_000);
});

describe('Backstage entities with Kafka Streams applications and Kafka Connect', () => {
  const entities = (domain: string) =>
    catalogEntities(domain, [topology]) as Array<{ kind: string; metadata: { name: string; description: string }; spec: Record<string, unknown> }>;
  const component = (domain: string, name: string) => entities(domain).find((e) => e.kind === 'Component' && e.metadata.name === name)?.spec;

  it('writes a Component for the Streams application that consumes its inputs’ API and provides its outputs’', () => {
    expect(component('search', 'order-documents')).toMatchObject({
      consumesApis: ['orders-events'],
      providesApis: ['search-events'],
      dependsOn: ['resource:orders.order-created', 'resource:search.document-changed'],
    });
  });

  it('writes Components for the Connect workers and connectors, and Resources for the storage topics and the DLQ', () => {
    expect(component('search', 'search-connect')).toMatchObject({ providesApis: ['search-events'], consumesApis: ['search-events'] });
    expect((component('search', 'search-connect')?.dependsOn as string[]) ?? []).toEqual(
      expect.arrayContaining(['resource:search.document-index.dlq', 'resource:search.indexing.connect-configs', 'resource:search.document-changed']),
    );
    const resources = entities('search').filter((e) => e.kind === 'Resource');
    expect(resources.find((r) => r.metadata.name === 'search.document-index.dlq')?.metadata.description).toContain(
      'Dead letters of sink connector document-index (Kafka Connect cluster search.indexing)',
    );
    expect(resources.find((r) => r.metadata.name === 'search.indexing.connect-offsets')?.metadata.description).toContain(
      'Kafka Connect cluster search.indexing keeps its source offsets here',
    );
  });
});
