import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { environmentOfSchemaFile, isGeneratedSchemaFile, renderSchemaFile, schemaFiles } from '../../contracts/output';
import { subjectsOf } from '../../contracts/subjects';
import { sliceTopology } from '../../model/slice';
import type { Topology } from '../../model/topology';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { DEV, eventTopic, lintDeclared, PROD, withContract } from './helpers';

const seed = (environment = DEV): Topology =>
  lintDeclared((stack) => {
    orders(stack);
    search(stack);
  }, environment).topology;

interface SchemaFile {
  readonly generatedBy: string;
  readonly environment: string;
  readonly topic: string;
  readonly compatibility: string;
  readonly subjectNaming: string;
  readonly subjects: ReadonlyArray<{
    readonly subject: string;
    readonly eventTypes: readonly string[];
    readonly schemaType: string;
    readonly schema: Record<string, unknown>;
  }>;
}

const parse = (content: string | undefined): SchemaFile => {
  if (content === undefined) throw new Error('no such file');
  return JSON.parse(content) as SchemaFile;
};

const ORDER = {
  eventId: '8f14e45f-ceea-467a-9575-1d6a1c6d5c3b',
  orderId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  customerId: 'c-42',
  items: [{ sku: 'SKU-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } }],
  total: { amountMinor: 2500, currency: 'EUR' },
  createdAt: '2025-01-31T12:00:00Z',
};

describe('schemaFiles: cdktf.out/schemas/<environment>/<topic>.json', () => {
  const files = schemaFiles([seed(DEV), seed(PROD)]);

  it('writes one file per environment and event topic with a schema, and none for companions', () => {
    expect([...files.keys()]).toEqual([
      'schemas/dev/orders.order-created.json',
      'schemas/dev/search.document-changed.json',
      'schemas/prod/orders.order-created.json',
      'schemas/prod/search.document-changed.json',
    ]);
  });

  it('maps one schema to the subject <topic>-value (TopicNameStrategy) with its compatibility', () => {
    const file = parse(files.get('schemas/dev/orders.order-created.json'));
    expect(file).toMatchObject({ environment: 'dev', topic: 'orders.order-created', compatibility: 'BACKWARD', subjectNaming: 'TopicNameStrategy' });
    expect(file.subjects.map((s) => [s.subject, s.eventTypes, s.schemaType])).toEqual([['orders.order-created-value', ['OrderCreated'], 'JSON']]);
    expect(file.subjects[0]?.schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
  });

  it('maps one schema per event type to <topic>-<EventType> (TopicRecordNameStrategy), titled with the record name', () => {
    const file = parse(files.get('schemas/dev/search.document-changed.json'));
    expect(file.subjectNaming).toBe('TopicRecordNameStrategy');
    expect(file.subjects.map((s) => [s.subject, s.eventTypes, s.schema.title])).toEqual([
      ['search.document-changed-DocumentDeleted', ['DocumentDeleted'], 'DocumentDeleted'],
      ['search.document-changed-DocumentUpserted', ['DocumentUpserted'], 'DocumentUpserted'],
    ]);
  });

  it('registers valid JSON Schema (draft 2020-12) that accepts a real event and rejects a broken one', () => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    const [subject] = parse(files.get('schemas/dev/orders.order-created.json')).subjects;
    const validate = ajv.compile(subject?.schema ?? {});
    expect(validate(ORDER), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...ORDER, orderId: undefined })).toBe(false);
    expect(validate({ ...ORDER, unexpected: 1 })).toBe(false); // closed content model
    for (const s of parse(files.get('schemas/dev/search.document-changed.json')).subjects) expect(() => ajv.compile(s.schema)).not.toThrow();
  });

  it('carries the environment: subjects follow the topic names of each environment', () => {
    const staging = seed({ ...DEV, name: 'staging', topicPrefix: 'stg.' });
    const file = parse(schemaFiles([staging]).get('schemas/staging/stg.orders.order-created.json'));
    expect(file.subjects[0]?.subject).toBe('stg.orders.order-created-value');
  });

  it('is byte-identical whatever the order of the topologies, and from stack slices', () => {
    const dev = seed(DEV);
    const prod = seed(PROD);
    const slices = [sliceTopology(prod, new Set(['search'])), sliceTopology(prod, new Set(['orders']))];
    expect([...schemaFiles([prod, dev])]).toEqual([...schemaFiles([dev, prod])]);
    expect([...schemaFiles([dev, ...slices])]).toEqual([...schemaFiles([dev, prod])]);
  });

  it('writes canonical JSON: keys sorted, two-space indent, a final newline', () => {
    const content = files.get('schemas/dev/orders.order-created.json') ?? '';
    expect(content.endsWith('}\n')).toBe(true);
    expect(content.split('\n')[1]).toBe('  "compatibility": "BACKWARD",');
  });

  it('marks its files, so synth removes only its own stale files', () => {
    const content = files.get('schemas/dev/orders.order-created.json') ?? '';
    expect(isGeneratedSchemaFile(content)).toBe(true);
    expect(isGeneratedSchemaFile('{"subject": "hand-written"}')).toBe(false);
    expect(environmentOfSchemaFile('schemas/prod/orders.order-created.json')).toBe('prod');
    expect(environmentOfSchemaFile('docs/prod/index.md')).toBeNull();
  });

  it('writes no file for an event topic without a schema', () => {
    const topology = withContract(seed(DEV), 'orders.order-created', ({ schema: _schema, subjectNaming: _naming, ...rest }) => rest);
    expect(renderSchemaFile('dev', eventTopic(topology, 'orders.order-created'))).toBeNull();
    expect(subjectsOf(eventTopic(topology, 'orders.order-created'))).toEqual([]);
    expect([...schemaFiles([topology]).keys()]).toEqual(['schemas/dev/search.document-changed.json']);
  });
});
