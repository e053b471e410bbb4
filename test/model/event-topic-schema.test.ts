/**
 * The cross-field rules of an event topic's declaration (model/schema/event-topic.ts): a contract declares one schema
 * or one per event type, never both; a declared subject naming agrees with that shape; `schemas` names exactly the
 * topic's event types; partitions or throughput is declared. Each failure names its field.
 */
import { describe, expect, it } from 'vitest';
import { contractSchema, eventTopicSchema, impliedSubjectNaming, type EventTopicInput } from '../../model/schema/event-topic';

const SCHEMA = { type: 'object' };

/** The field paths and messages a parse reports; empty when it passes. */
function problems(schema: typeof contractSchema | typeof eventTopicSchema, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const TOPIC: EventTopicInput = {
  domain: 'orders',
  name: 'order-created',
  eventTypes: ['OrderCreated', 'OrderPaid'],
  partitions: 6,
  replay: { kind: 'window', window: '7d' },
  source: { path: 'dev/orders/order-created' },
};

const withoutPartitions = (): EventTopicInput => {
  const copy = { ...TOPIC };
  delete copy.partitions;
  return copy;
};

describe('impliedSubjectNaming', () => {
  it('is TopicRecordNameStrategy for schemas, TopicNameStrategy for schema, undefined for neither', () => {
    expect(impliedSubjectNaming({ schemas: {} })).toBe('TopicRecordNameStrategy');
    expect(impliedSubjectNaming({ schema: SCHEMA, schemas: {} })).toBe('TopicRecordNameStrategy');
    expect(impliedSubjectNaming({ schema: SCHEMA })).toBe('TopicNameStrategy');
    expect(impliedSubjectNaming({})).toBeUndefined();
  });
});

describe('contractSchema', () => {
  it('defaults to BACKWARD and accepts one schema or one per event type', () => {
    expect(contractSchema.parse({})).toEqual({ compatibility: 'BACKWARD' });
    expect(problems(contractSchema, { schema: SCHEMA })).toEqual([]);
    expect(problems(contractSchema, { schemas: { A: SCHEMA } })).toEqual([]);
    expect(problems(contractSchema, { schema: SCHEMA, subjectNaming: 'TopicNameStrategy' })).toEqual([]);
    expect(problems(contractSchema, { schemas: { A: SCHEMA }, subjectNaming: 'TopicRecordNameStrategy' })).toEqual([]);
  });

  it('fails when a contract declares both schema and schemas, at schemas', () => {
    expect(problems(contractSchema, { schema: SCHEMA, schemas: { A: SCHEMA } })).toEqual([
      'schemas: declare either schema (one subject <topic>-value) or schemas (one per event type), not both',
    ]);
  });

  it('fails when the declared subject naming contradicts the shape, saying which shape', () => {
    expect(problems(contractSchema, { schema: SCHEMA, subjectNaming: 'TopicRecordNameStrategy' })).toEqual([
      'subjectNaming: subjectNaming "TopicRecordNameStrategy" contradicts the declared schema (one for the topic: TopicNameStrategy)',
    ]);
    expect(problems(contractSchema, { schemas: { A: SCHEMA }, subjectNaming: 'TopicNameStrategy' })).toEqual([
      'subjectNaming: subjectNaming "TopicNameStrategy" contradicts the declared schemas (one per event type: TopicRecordNameStrategy)',
    ]);
    expect(problems(contractSchema, { subjectNaming: 'TopicNameStrategy' })).toEqual(['subjectNaming: subjectNaming "TopicNameStrategy" needs a schema']);
  });
});

describe('eventTopicSchema', () => {
  it('accepts a topic with partitions or with throughput', () => {
    expect(problems(eventTopicSchema, TOPIC)).toEqual([]);
    expect(problems(eventTopicSchema, { ...withoutPartitions(), throughput: { peakMessagesPerSecond: 10, averageMessageBytes: 100 } })).toEqual([]);
  });

  it('fails without partitions and throughput, at partitions', () => {
    expect(problems(eventTopicSchema, withoutPartitions())).toEqual([
      'partitions: declare either partitions or throughput (partitions are then sized from it)',
    ]);
  });

  it('accepts schemas that name exactly the event types', () => {
    expect(problems(eventTopicSchema, { ...TOPIC, contract: { schemas: { OrderCreated: SCHEMA, OrderPaid: SCHEMA } } })).toEqual([]);
  });

  it('fails for each event type without a schema and each schema of no event type, naming them', () => {
    expect(problems(eventTopicSchema, { ...TOPIC, contract: { schemas: { OrderPaid: SCHEMA, Zebra: SCHEMA, Apple: SCHEMA } } })).toEqual([
      'contract.schemas: event type "OrderCreated" has no schema (schemas has Apple, OrderPaid, Zebra)',
      'contract.schemas.Apple: "Apple" is not one of the topic\'s event types (OrderCreated, OrderPaid)',
      'contract.schemas.Zebra: "Zebra" is not one of the topic\'s event types (OrderCreated, OrderPaid)',
    ]);
    expect(problems(eventTopicSchema, { ...TOPIC, eventTypes: ['OrderCreated'], contract: { schemas: {} } })).toEqual([
      'contract.schemas: event type "OrderCreated" has no schema (schemas has none)',
    ]);
  });

  it('rejects event type names that are not identifiers', () => {
    expect(problems(eventTopicSchema, { ...TOPIC, eventTypes: ['order created'] })).toEqual([
      'eventTypes.0: must be an event type name such as "OrderCreated"',
    ]);
    expect(problems(eventTopicSchema, { ...TOPIC, eventTypes: [] })[0]).toMatch(/^eventTypes: /);
  });

  it("reports the cross-field failures with zod's code 'custom', which model/issues.ts turns into the issue code schema-custom", () => {
    const codes = (schema: typeof contractSchema | typeof eventTopicSchema, value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => i.code);
    };
    expect(codes(contractSchema, { schema: SCHEMA, schemas: { A: SCHEMA } })).toEqual(['custom']);
    expect(codes(contractSchema, { schema: SCHEMA, subjectNaming: 'TopicRecordNameStrategy' })).toEqual(['custom']);
    expect(codes(eventTopicSchema, { ...TOPIC, contract: { schemas: { OrderPaid: SCHEMA, Zebra: SCHEMA } } })).toEqual(['custom', 'custom']);
  });
});
