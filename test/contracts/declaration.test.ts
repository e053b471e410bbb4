import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaStack, Replay, type EventTopicProps } from '../../constructs';
import { JSON_SCHEMA_CONVERSION, toJsonSchema } from '../../contracts/convert';
import { resolve } from '../../model/resolve';
import { formatIssue } from '../../model/issues';
import { DEV, eventTopic, lintDeclared } from './helpers';

const CONTRACT = { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' } as const;

function declare(stack: KafkaStack, contract: EventTopicProps['contract'], eventTypes: readonly string[] = ['OrderCreated']): void {
  const domain = new Domain(stack, 'orders', { owner: '@acme/orders-team', description: 'Order lifecycle', recoveryProcedure: 'docs/runbooks/orders.md' });
  domain.addEventTopic('order-created', {
    eventTypes,
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other', cardinality: 5_000_000 },
    throughput: { peakMessagesPerSecond: 100, averageMessageBytes: 512 },
    replay: Replay.window('7d'),
    contract,
  });
}

/** Resolves plain declarations (one domain, one topic with this contract); returns the issues as `path: message`. */
function issuesOf(contract: unknown, eventTypes: readonly string[] = ['OrderCreated']): string[] {
  const source = { path: 'dev/orders/order-created', file: 'topics/orders.ts', line: 12 };
  const domain = {
    name: 'orders',
    owner: '@acme/orders-team',
    description: 'Order lifecycle',
    recoveryProcedure: 'docs/runbooks/orders.md',
    source: { path: 'dev/orders' },
  };
  const topic = {
    domain: 'orders',
    name: 'order-created',
    eventTypes,
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other' },
    partitions: 6,
    replay: { kind: 'window', window: '7d' },
    contract,
    source,
  };
  return resolve({ domains: [domain], topics: [topic], consumerGroups: [], producers: [] }, DEV).issues.map(formatIssue);
}

describe('declaring a schema', () => {
  it('converts the zod schema once, at declaration time, into plain JSON Schema in the topology (draft 2020-12, output mode)', () => {
    const { topology } = lintDeclared((stack) =>
      declare(stack, { ...CONTRACT, schema: z.object({ orderId: z.string(), channel: z.string().default('web') }) }),
    );
    const { contract } = eventTopic(topology, 'orders.order-created');
    expect(contract).toEqual({
      ...CONTRACT,
      subjectNaming: 'TopicNameStrategy',
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { orderId: { type: 'string' }, channel: { type: 'string', default: 'web' } },
        required: ['orderId', 'channel'],
        additionalProperties: false,
      },
    });
    expect(JSON.parse(JSON.stringify(contract))).toEqual(contract);
    expect(JSON_SCHEMA_CONVERSION).toEqual({ target: 'draft-2020-12', io: 'output', unrepresentable: 'throw', cycles: 'ref', reused: 'inline' });
  });

  it('keeps the content model zod states: z.object closed, z.looseObject open, catchall partially open', () => {
    const ap = (s: z.ZodType): unknown => (toJsonSchema(s) as { schema: Record<string, unknown> }).schema.additionalProperties;
    expect(ap(z.object({ a: z.string() }))).toBe(false);
    expect(ap(z.looseObject({ a: z.string() }))).toEqual({});
    expect(ap(z.object({ a: z.string() }).catchall(z.number()))).toEqual({ type: 'number' });
  });

  it('takes a JSON Schema object as it is', () => {
    const schema = { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] };
    const { topology } = lintDeclared((stack) => declare(stack, { ...CONTRACT, schema }));
    expect(eventTopic(topology, 'orders.order-created').contract.schema).toEqual(schema);
  });

  it('fails synth when a schema cannot be written as JSON Schema, naming the file and the field', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    declare(stack, { ...CONTRACT, schema: z.object({ orderId: z.string(), createdAt: z.date() }) });
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/contracts\/declaration\.test\.ts:\d+ › contract\.schema: cannot be written as JSON Schema: Date cannot be represented in JSON Schema/,
    );
  });

  it('one schema per event type: the keys are exactly the event types', () => {
    const { topology } = lintDeclared((stack) =>
      declare(stack, { ...CONTRACT, schemas: { OrderPaid: z.object({ orderId: z.string() }), OrderCreated: z.object({ orderId: z.string() }) } }, [
        'OrderCreated',
        'OrderPaid',
      ]),
    );
    expect(eventTopic(topology, 'orders.order-created').contract.subjectNaming).toBe('TopicRecordNameStrategy');
    expect(issuesOf({ ...CONTRACT, schemas: { OrderCreated: {}, OrderShipped: {} } }, ['OrderCreated', 'OrderPaid'])).toEqual([
      'contract.schemas: event type "OrderPaid" has no schema (schemas has OrderCreated, OrderShipped)',
      'contract.schemas.OrderShipped: "OrderShipped" is not one of the topic\'s event types (OrderCreated, OrderPaid)',
    ]);
  });

  it('fails when both schema and schemas are given, or subjectNaming contradicts them', () => {
    expect(issuesOf({ ...CONTRACT, schema: {}, schemas: { OrderCreated: {} } })).toEqual([
      'contract.schemas: declare either schema (one subject <topic>-value) or schemas (one per event type), not both',
    ]);
    expect(issuesOf({ ...CONTRACT, schema: {}, subjectNaming: 'TopicRecordNameStrategy' })).toEqual([
      'contract.subjectNaming: subjectNaming "TopicRecordNameStrategy" contradicts the declared schema (one for the topic: TopicNameStrategy)',
    ]);
    expect(issuesOf({ ...CONTRACT, subjectNaming: 'TopicNameStrategy' })).toEqual(['contract.subjectNaming: subjectNaming "TopicNameStrategy" needs a schema']);
    expect(issuesOf({ ...CONTRACT, schema: {}, subjectNaming: 'TopicNameStrategy' })).toEqual([]);
  });
});
