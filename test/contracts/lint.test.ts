import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Domain, Replay, type EventTopicProps } from '../../constructs';
import { keyFieldStatus } from '../../contracts/key-field';
import { keyFieldInSchema } from '../../rules/contract/key-field-in-schema';
import { schemaDeclared } from '../../rules/contract/schema-declared';
import { buildContext } from '../../rules/context';
import type { Finding } from '../../rules/types';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { DEV, eventTopic, json, lintDeclared, PROD, withContract } from './helpers';

const TOPIC = 'orders.order-created';
const KEY = { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other', cardinality: 5_000_000 };

/** One topic of the orders domain with the given contract (everything else compliant). */
function lintTopic(
  contract: EventTopicProps['contract'],
  overrides: Partial<EventTopicProps> = {},
  environment = DEV,
): { findings: readonly Finding[]; topology: ReturnType<typeof lintDeclared>['topology'] } {
  return lintDeclared((stack) => {
    const domain = new Domain(stack, 'orders', { owner: '@acme/orders-team', description: 'Order lifecycle', recoveryProcedure: 'docs/runbooks/orders.md' });
    domain.addEventTopic('order-created', {
      eventTypes: ['OrderCreated'],
      key: KEY,
      throughput: { peakMessagesPerSecond: 100, averageMessageBytes: 512 },
      replay: Replay.window('7d'),
      contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type', ...contract },
      ...overrides,
    });
  }, environment);
}

const of = (findings: readonly Finding[], ruleId: string): string[] =>
  findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.level} ${f.subject.name} ${f.field}: ${f.message}`);

describe('TF-CONTRACT-003 keyFieldInSchema: the key field is a required, non-null field of every event schema', () => {
  it('does not fire when the key is a required field', () => {
    expect(of(lintTopic({ schema: z.object({ orderId: z.string(), total: z.number() }) }).findings, 'TF-CONTRACT-003')).toEqual([]);
  });

  it('fires (error) when the schema does not declare the key field', () => {
    expect(of(lintTopic({ schema: z.object({ id: z.string() }) }).findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "orderId" is not declared in the event schema (missing at "orderId")`,
    ]);
  });

  it('fires when the key field is optional', () => {
    expect(of(lintTopic({ schema: z.object({ orderId: z.string().optional() }) }).findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "orderId" is optional in the event schema ("orderId" is not required)`,
    ]);
  });

  it('fires when the key field may be null (a null key has no ordering scope; compaction rejects it)', () => {
    expect(of(lintTopic({ schema: z.object({ orderId: z.string().nullable() }) }).findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "orderId" may be null in the event schema (at "orderId")`,
    ]);
  });

  it('fires for the one event type schema (or union option) that lacks the key', () => {
    const perType = lintTopic(
      { schemas: { OrderCreated: z.object({ orderId: z.string() }), OrderPaid: z.object({ paymentId: z.string() }) } },
      { eventTypes: ['OrderCreated', 'OrderPaid'] },
    );
    expect(of(perType.findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "orderId" is not declared in the OrderPaid schema (missing at "orderId")`,
    ]);
    const union = lintTopic(
      {
        schema: z.discriminatedUnion('type', [
          z.object({ type: z.literal('OrderCreated'), orderId: z.string() }),
          z.object({ type: z.literal('OrderPaid'), orderId: z.string().optional() }),
        ]),
      },
      { eventTypes: ['OrderCreated', 'OrderPaid'] },
    );
    expect(of(union.findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "orderId" is optional in the event schema ("orderId" is not required)`,
    ]);
  });

  it('follows a dotted key field into nested objects', () => {
    const nested = z.object({ order: z.object({ id: z.string() }) });
    const key = { ...KEY, field: 'order.id' };
    expect(of(lintTopic({ schema: nested }, { key }).findings, 'TF-CONTRACT-003')).toEqual([]);
    expect(of(lintTopic({ schema: z.object({ order: z.object({ id: z.string() }).optional() }) }, { key }).findings, 'TF-CONTRACT-003')).toEqual([
      `error ${TOPIC} key.field: key field "order.id" is optional in the event schema ("order" is not required)`,
    ]);
  });

  it('is undecided when the schema points outside itself, and not applicable without a key or a schema', () => {
    const { topology } = lintTopic({ schema: z.object({ orderId: z.string() }) });
    const external = withContract(topology, TOPIC, (c) => ({ ...c, schema: { $ref: 'https://schemas.example.com/order.json' } }));
    expect(keyFieldInSchema.check(eventTopic(external, TOPIC), buildContext(external))).toEqual({
      status: 'unknown',
      field: 'key.field',
      reason:
        'cannot tell whether key field "orderId" is required in the event schema: $ref "https://schemas.example.com/order.json" does not resolve inside the schema',
    });
    const noSchema = lintTopic({});
    expect(keyFieldInSchema.check(eventTopic(noSchema.topology, TOPIC), buildContext(noSchema.topology))).toEqual({ status: 'not-applicable' });
    const noKey = lintTopic({ schema: z.object({ id: z.string() }) }, { key: undefined, ordering: 'none' });
    expect(of(noKey.findings, 'TF-CONTRACT-003')).toEqual([]);
  });

  it('keyFieldStatus: required, optional, nullable, missing and unknown', () => {
    expect(keyFieldStatus(json(z.object({ id: z.string() })), 'id')).toEqual({ status: 'required' });
    expect(keyFieldStatus(json(z.object({ id: z.string() }).nullable()), 'id')).toEqual({ status: 'nullable', at: '(the event)' });
    expect(keyFieldStatus(json(z.object({ a: z.object({ id: z.string() }) })), 'a.id')).toEqual({ status: 'required' });
    expect(keyFieldStatus(json(z.object({ a: z.string() })), 'a.id')).toEqual({ status: 'missing', at: 'a' });
    expect(keyFieldStatus({ type: 'object', properties: { id: { $ref: '#/$defs/Id' } }, required: ['id'], $defs: { Id: { type: 'string' } } }, 'id')).toEqual({
      status: 'required',
    });
    expect(keyFieldStatus({ type: 'object', properties: { id: { $ref: '#/$defs/Nope' } }, required: ['id'] }, 'id').status).toBe('unknown');
  });
});

describe('TF-CONTRACT-004 schemaDeclared: event topics carry their schema', () => {
  it('fires (warning) on an event topic without a schema', () => {
    expect(of(lintTopic({}).findings, 'TF-CONTRACT-004')).toEqual([`warning ${TOPIC} contract.schema: event topic "${TOPIC}" has no schema`]);
  });

  it('does not fire with a schema or per-type schemas, and does not apply to dead-letter topics', () => {
    expect(of(lintTopic({ schema: z.object({ orderId: z.string() }) }).findings, 'TF-CONTRACT-004')).toEqual([]);
    const { topology } = lintDeclared((stack) => void orders(stack));
    const dlq = topology.topics.find((t) => t.kind === 'dead-letter');
    if (dlq === undefined) throw new Error('no dead-letter topic');
    expect(schemaDeclared.check(dlq, buildContext(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('the examples', () => {
  it.each([DEV, PROD])('carry schemas and are lint clean in $name', (environment) => {
    const { findings, topology } = lintDeclared((stack) => {
      orders(stack);
      search(stack);
    }, environment);
    expect(findings.filter((f) => f.suppressed === undefined && f.level !== 'info').map((f) => `${f.ruleId} ${f.subject.name} ${f.message}`)).toEqual([]);
    expect(eventTopic(topology, 'orders.order-created').contract).toMatchObject({
      subjectNaming: 'TopicNameStrategy',
      schema: { type: 'object', required: expect.arrayContaining(['orderId', 'customerId', 'items', 'total', 'createdAt']) as unknown },
    });
    expect(Object.keys(eventTopic(topology, 'search.document-changed').contract.schemas ?? {})).toEqual(['DocumentDeleted', 'DocumentUpserted']);
  });
});
