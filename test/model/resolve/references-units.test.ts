/**
 * model/resolve/references.ts unit by unit: what `requireDomain` and `lookupTopic` answer and report for a declared
 * name, one whose declaration failed its schema and one never declared, and the readers `readersByTopic` returns per
 * topic (issue 28, mutation pass). Expectations worked by hand from the functions' documented contracts.
 */
import { describe, expect, it } from 'vitest';
import { Collector } from '../../../model/resolve/collect';
import { readersByTopic, references } from '../../../model/resolve/references';
import { consumerGroupSchema, domainSchema, eventTopicSchema } from '../../../model/schema';
import { DOCUMENT_CHANGED, ORDER_CREATED, ORDERS, PAYMENT, SEARCH } from './helpers';

const AT = { path: 'dev/x' };

/** References over the declared orders domain and order-created topic; `search` and `search/document-changed` failed their schema. */
function refsOver(out: Collector) {
  const orders = domainSchema.parse(ORDERS);
  const orderCreated = eventTopicSchema.parse(ORDER_CREATED);
  return references(
    new Map([['orders', orders]]),
    new Map([['orders/order-created', orderCreated]]),
    new Set(['search']),
    new Set(['search/document-changed']),
    out,
  );
}

describe('references: requireDomain', () => {
  it('answers true for a declared domain, false for one that failed its schema or was never declared, reporting only the last', () => {
    const out = new Collector();
    const refs = refsOver(out);
    expect(refs.requireDomain('orders', AT, 'domain')).toBe(true);
    expect(refs.requireDomain(SEARCH.name, AT, 'domain')).toBe(false);
    expect(out.issues).toEqual([]);
    expect(refs.requireDomain('order', AT, 'domain')).toBe(false);
    expect(out.issues).toStrictEqual([
      { source: AT, path: 'domain', code: 'unknown-domain', message: 'domain "order" is not declared', hint: 'did you mean "orders"?' },
    ]);
  });
});

describe('references: lookupTopic', () => {
  it('returns a declared topic without a report, even when no topic failed its schema', () => {
    const out = new Collector();
    const orderCreated = eventTopicSchema.parse(ORDER_CREATED);
    const refs = references(new Map(), new Map([['orders/order-created', orderCreated]]), new Set(), new Set(), out);
    expect(refs.lookupTopic({ domain: 'orders', event: 'order-created' }, AT, 'topic')).toBe(orderCreated);
    expect(out.issues).toEqual([]);
  });

  it('returns undefined for a topic that failed its schema (reported already) and reports one never declared', () => {
    const out = new Collector();
    const refs = refsOver(out);
    expect(refs.lookupTopic({ domain: DOCUMENT_CHANGED.domain, event: DOCUMENT_CHANGED.name }, AT, 'topic')).toBeUndefined();
    expect(out.issues).toEqual([]);
    expect(refs.lookupTopic({ domain: 'orders', event: 'order-creatd' }, AT, 'topic')).toBeUndefined();
    expect(out.issues).toStrictEqual([
      {
        source: AT,
        path: 'topic',
        code: 'unknown-topic',
        message: 'event topic "orders/order-creatd" is not declared',
        hint: 'did you mean "orders/order-created"?',
      },
    ]);
  });
});

describe('readersByTopic', () => {
  it('lists, per topic, exactly the groups that read it', () => {
    const out = new Collector();
    const payment = consumerGroupSchema.parse(PAYMENT);
    const readers = readersByTopic([payment], refsOver(out), out);
    expect([...readers.entries()]).toStrictEqual([['orders/order-created', [payment]]]);
    expect(out.issues).toEqual([]);
  });
});
