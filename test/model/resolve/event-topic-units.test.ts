/**
 * model/resolve/event-topic.ts: the declared replication kept with only the fields declared, a contract without an
 * implied subject naming left as declared, a topic with errors not resolved, and only sink connectors' tasks counted as
 * readers (issue 28, mutation pass). Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { Collector } from '../../../model/resolve/collect';
import { readerParallelismByTopic, resolveEventTopic } from '../../../model/resolve/event-topic';
import { environmentSchema, eventTopicSchema, type ConnectorDeclaration } from '../../../model/schema';
import { DEV, DOCUMENT_CHANGED, ORDER_CREATED, eventTopic, resolved, withDeclarations } from './helpers';

describe('resolveEventTopic', () => {
  it('keeps a replication override with only the fields it declares', () => {
    const factorOnly = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, replication: { factor: 2 } }, DOCUMENT_CHANGED] }));
    expect(eventTopic(factorOnly, 'orders.order-created').replication).toStrictEqual({ factor: 2 });
    const minIsrOnly = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, replication: { minInsyncReplicas: 1 } }, DOCUMENT_CHANGED] }));
    expect(eventTopic(minIsrOnly, 'orders.order-created').replication).toStrictEqual({ minInsyncReplicas: 1 });
    expect(eventTopic(resolved(withDeclarations({})), 'orders.order-created')).not.toHaveProperty('replication');
  });

  it('leaves a contract with no schema as declared (no subject naming added)', () => {
    expect(eventTopic(resolved(withDeclarations({})), 'orders.order-created').contract).toStrictEqual({ compatibility: 'BACKWARD' });
  });

  it('resolves no topic when its declaration has an error, and reports the error', () => {
    const contradicting = eventTopicSchema.parse({ ...ORDER_CREATED, cleanupPolicy: 'compact' });
    const out = new Collector();
    expect(resolveEventTopic(contradicting, environmentSchema.parse(DEV), [], 'orders.order-created', out, [])).toBeUndefined();
    expect(out.issues.map((i) => i.code)).toEqual(['cleanup-policy-contradicts-replay']);
  });
});

describe('resolveEventTopic without reader parallelism', () => {
  it('sizes a topic for its producers alone when no reader parallelism is passed', () => {
    const topic = resolveEventTopic(eventTopicSchema.parse(ORDER_CREATED), environmentSchema.parse(DEV), [], 'orders.order-created', new Collector());
    // DESIGN.md "Sizing defaults": 2,000 msg/s × 1,024 B = 2.048 MB/s ÷ 5 MB/s per partition → 1, × headroom 2 → 2.
    expect(topic?.partitions.value).toBe(2);
  });
});

describe('readerParallelismByTopic', () => {
  it("counts a sink connector's tasks.max, never a source connector's", () => {
    const topic = { domain: 'orders', event: 'order-created' };
    const source = { type: 'source', name: 'cdc', tasksMax: 4, topics: [{ topic }] } as unknown as ConnectorDeclaration;
    const sink = { type: 'sink', name: 'archive', tasksMax: 3, topics: [{ topic }] } as unknown as ConnectorDeclaration;
    expect([...readerParallelismByTopic([], [source]).entries()]).toEqual([]);
    expect([...readerParallelismByTopic([], [source, sink]).entries()]).toEqual([
      ['orders/order-created', [{ label: 'sink connector archive tasks.max 3', count: 3 }]],
    ]);
  });
});
