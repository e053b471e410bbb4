import { describe, expect, it } from 'vitest';
import { Replay } from '../../constructs';
import { MIN_KEYS_PER_PARTITION } from '../../model/limits';
import { blastRadius } from '../../rules/key/blast-radius';
import { compactedTopicKeyed } from '../../rules/key/compacted-topic-keyed';
import { hotPartition } from '../../rules/key/hot-partition';
import { orderedTopicHasKey } from '../../rules/key/ordered-topic-has-key';
import { orderingCollapse } from '../../rules/key/ordering-collapse';
import { lint } from '../../rules/run';
import {
  companionNamed,
  context,
  eventTopic,
  eventTopicNamed,
  expectFinding,
  expectNoFinding,
  expectUnknown,
  expectViolation,
  lintOrders,
  ordersDeclarations,
  resolveTopology,
  type EventTopicInput,
} from './helpers';

const TOPIC = 'orders.order-created';

/** The orders seed with the event topic's declaration changed (through the model: `aggregate` is not a construct prop). */
function withTopic(overrides: Partial<EventTopicInput>): ReturnType<typeof resolveTopology> {
  return resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', overrides)] });
}

const ORDER_LINE_KEY = { field: 'orderLineId', aggregate: 'order-line', reason: 'each order line is processed on its own', cardinality: 50_000_000 };
const CUSTOMER_KEY = { field: 'customerId', aggregate: 'customer', reason: 'all events of a customer in order', cardinality: 100_000 };
const ORDER_AGGREGATE = { name: 'order', cardinality: 5_000_000 };

describe('TF-KEY-001 orderedTopicHasKey: a topic whose consumers need per-key ordering declares its key', () => {
  it('fires (error) on a topic with per-key ordering (the default) and no key', () => {
    const { findings } = lintOrders({ topic: { key: undefined } });
    expectFinding(findings, {
      ruleId: 'TF-KEY-001',
      level: 'error',
      subject: TOPIC,
      field: 'key',
      message: `topic "${TOPIC}" needs per-key ordering but declares no key`,
    });
  });

  it("does not fire on a keyed topic, nor on an unkeyed topic whose consumers declare ordering: 'none'", () => {
    expectNoFinding(lintOrders().findings, 'TF-KEY-001');
    expectNoFinding(lintOrders({ topic: { key: undefined, ordering: 'none' } }).findings, 'TF-KEY-001');
  });

  it('checks the topic value directly, and does not apply to dead-letter topics', () => {
    const topology = withTopic({ key: undefined });
    expectViolation(orderedTopicHasKey.check(eventTopicNamed(topology, TOPIC), context(topology)), { field: 'key', message: 'declares no key' });
    expect(orderedTopicHasKey.check(companionNamed(topology, `${TOPIC}.payment.dlq`), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-KEY-002 hotPartition: enough distinct keys for the partition count', () => {
  it(`fires (warning) on 50 distinct keys for 24 partitions (want ≥ ${24 * MIN_KEYS_PER_PARTITION})`, () => {
    const { findings } = lintOrders({ topic: { key: { field: 'region', aggregate: 'order', reason: 'per-region ordering of orders', cardinality: 50 } } });
    expectFinding(findings, {
      ruleId: 'TF-KEY-002',
      level: 'warning',
      subject: TOPIC,
      field: 'key.cardinality',
      message: 'about 50 distinct region values for 24 partitions (want ≥ 240)',
    });
  });

  it(`does not fire at ${MIN_KEYS_PER_PARTITION} keys per partition or more`, () => {
    expectNoFinding(
      lintOrders({ topic: { key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering of events', cardinality: 240 } } }).findings,
      'TF-KEY-002',
    );
    expectNoFinding(lintOrders().findings, 'TF-KEY-002');
  });

  it('cannot decide without a declared key cardinality (undecided info)', () => {
    const { topology, findings } = lintOrders({ topic: { key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering of events' } } });
    expectUnknown(hotPartition.check(eventTopicNamed(topology, TOPIC), context(topology)), 'key.cardinality', 'key cardinality is not declared');
    expectFinding(findings, {
      ruleId: 'TF-KEY-002',
      level: 'info',
      subject: TOPIC,
      field: 'key.cardinality',
      message: 'cannot decide: key cardinality is not declared',
      undecided: true,
    });
  });

  it('does not apply to an unkeyed topic', () => {
    const topology = withTopic({ key: undefined, ordering: 'none' });
    expect(hotPartition.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe("TF-KEY-003 orderingCollapse: the key is not narrower than the events' aggregate", () => {
  it('fires (error) when order events are keyed by order line (50M keys for 5M orders)', () => {
    const topology = withTopic({ key: ORDER_LINE_KEY, aggregate: ORDER_AGGREGATE });
    expectViolation(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'key.aggregate',
      message: `key "orderLineId" identifies "order-line" (~50,000,000), narrower than the events' aggregate "order" (~5,000,000)`,
    });
    expectFinding(lint(topology), { ruleId: 'TF-KEY-003', level: 'error', subject: TOPIC, field: 'key.aggregate', message: 'narrower than' });
  });

  it('fires through the constructs when EventTopicProps.aggregate names a coarser aggregate than the key', () => {
    const { findings } = lintOrders({ topic: { key: ORDER_LINE_KEY, aggregate: ORDER_AGGREGATE } });
    expectFinding(findings, {
      ruleId: 'TF-KEY-003',
      level: 'error',
      subject: TOPIC,
      field: 'key.aggregate',
      message: 'narrower than the events\' aggregate "order"',
    });
  });

  it("does not fire when the key identifies the aggregate itself (the aggregate defaults to the key's)", () => {
    const topology = withTopic({});
    expect(eventTopicNamed(topology, TOPIC).aggregate).toEqual({ name: 'order' });
    expect(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
  });

  it('does not fire when the key is broader than the aggregate (TF-KEY-004 is about that)', () => {
    const topology = withTopic({ key: CUSTOMER_KEY, aggregate: ORDER_AGGREGATE });
    expect(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
  });

  it('cannot decide when the key and the events name different aggregates without both cardinalities', () => {
    const topology = withTopic({ key: { ...ORDER_LINE_KEY, cardinality: undefined }, aggregate: { name: 'order' } });
    expectUnknown(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology)), 'key.aggregate', 'declare both cardinalities');
    expectFinding(lint(topology), {
      ruleId: 'TF-KEY-003',
      level: 'info',
      subject: TOPIC,
      field: 'key.aggregate',
      message: /^cannot decide: key identifies "order-line" but the events belong to "order"/,
      undecided: true,
    });
  });

  it("does not apply when consumers declare ordering: 'none'", () => {
    const topology = withTopic({ key: ORDER_LINE_KEY, aggregate: ORDER_AGGREGATE, ordering: 'none' });
    expect(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe("TF-KEY-004 blastRadius: the key is not broader than the events' aggregate", () => {
  it('fires (warning) when order events are keyed by customer (100k keys for 5M orders)', () => {
    const topology = withTopic({ key: CUSTOMER_KEY, aggregate: ORDER_AGGREGATE });
    expectViolation(blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'key.aggregate',
      message: `key "customerId" identifies "customer" (~100,000), broader than the events' aggregate "order" (~5,000,000)`,
    });
    expectFinding(lint(topology), { ruleId: 'TF-KEY-004', level: 'warning', subject: TOPIC, field: 'key.aggregate', message: 'broader than' });
  });

  it("fires even when consumers declare ordering: 'none' (the blast radius of a poison pill does not depend on ordering)", () => {
    const topology = withTopic({ key: CUSTOMER_KEY, aggregate: ORDER_AGGREGATE, ordering: 'none' });
    expectViolation(blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology)), { field: 'key.aggregate', message: 'broader than' });
  });

  it('does not fire when the key identifies the aggregate, nor when it is narrower (TF-KEY-003)', () => {
    expectNoFinding(lintOrders().findings, 'TF-KEY-004');
    const narrower = withTopic({ key: ORDER_LINE_KEY, aggregate: ORDER_AGGREGATE });
    expect(blastRadius.check(eventTopicNamed(narrower, TOPIC), context(narrower))).toEqual({ status: 'compliant' });
  });

  it('leaves the undecided case to TF-KEY-003: one undecided finding, not two', () => {
    const topology = withTopic({ key: { ...CUSTOMER_KEY, cardinality: undefined }, aggregate: { name: 'order' } });
    expect(blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
    expect(
      lint(topology)
        .filter((f) => f.undecided && f.field === 'key.aggregate')
        .map((f) => f.ruleId),
    ).toEqual(['TF-KEY-003']);
  });

  it("reports an undecided key.aggregate finding when ordering is 'none' and the cardinalities are missing", () => {
    const topology = withTopic({ key: { ...CUSTOMER_KEY, cardinality: undefined }, aggregate: { name: 'order' }, ordering: 'none' });
    expect(lint(topology).filter((f) => f.undecided && f.field === 'key.aggregate')).toHaveLength(1);
  });
});

describe('TF-KEY-003 and TF-KEY-004 on what they cannot judge', () => {
  it('do not apply to an unkeyed topic, even one that names its aggregate', () => {
    for (const topology of [
      withTopic({ key: undefined }),
      withTopic({ key: undefined, aggregate: ORDER_AGGREGATE }),
      withTopic({ key: undefined, aggregate: ORDER_AGGREGATE, ordering: 'none' }),
    ]) {
      const topic = eventTopicNamed(topology, TOPIC);
      expect(orderingCollapse.check(topic, context(topology))).toEqual({ status: 'not-applicable' });
      expect(blastRadius.check(topic, context(topology))).toEqual({ status: 'not-applicable' });
    }
  });

  it('do not apply to a dead-letter topic', () => {
    const topology = withTopic({ key: CUSTOMER_KEY, aggregate: ORDER_AGGREGATE });
    const dlq = companionNamed(topology, `${TOPIC}.payment.dlq`);
    expect(orderingCollapse.check(dlq, context(topology))).toEqual({ status: 'not-applicable' });
    expect(blastRadius.check(dlq, context(topology))).toEqual({ status: 'not-applicable' });
  });

  it("are compliant when the key names the events' aggregate, without asking for cardinalities", () => {
    const topology = withTopic({ key: { ...CUSTOMER_KEY, cardinality: undefined }, aggregate: { name: 'customer' }, ordering: 'none' });
    expect(blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
  });

  it('cannot decide when only one of the two cardinalities is declared', () => {
    for (const [key, aggregate] of [
      [CUSTOMER_KEY, { name: 'order' }],
      [{ ...CUSTOMER_KEY, cardinality: undefined }, ORDER_AGGREGATE],
    ] as const) {
      const ordered = withTopic({ key, aggregate });
      expectUnknown(orderingCollapse.check(eventTopicNamed(ordered, TOPIC), context(ordered)), 'key.aggregate', 'declare both cardinalities');
      const unordered = withTopic({ key, aggregate, ordering: 'none' });
      expectUnknown(blastRadius.check(eventTopicNamed(unordered, TOPIC), context(unordered)), 'key.aggregate', 'declare both cardinalities');
    }
  });

  it("TF-KEY-004 says what it needs when ordering is 'none' and a cardinality is missing", () => {
    const topology = withTopic({ key: { ...CUSTOMER_KEY, cardinality: undefined }, aggregate: { name: 'order' }, ordering: 'none' });
    expectUnknown(
      blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology)),
      'key.aggregate',
      'key identifies "customer" but the events belong to "order"; declare both cardinalities to tell whether the key is broader',
    );
  });

  it('neither fires when a key of another aggregate has as many values as the aggregate', () => {
    const topology = withTopic({ key: { ...CUSTOMER_KEY, cardinality: 5_000_000 }, aggregate: ORDER_AGGREGATE });
    expect(orderingCollapse.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
    expect(blastRadius.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-KEY-005 compactedTopicKeyed: a compacted topic declares its key', () => {
  it("fires (error) on a full-replay (compacted) topic without a key, even with ordering: 'none'", () => {
    const { findings } = lintOrders({ topic: { replay: Replay.full({ longestReindex: '12h' }), key: undefined, ordering: 'none' } });
    expectFinding(findings, {
      ruleId: 'TF-KEY-005',
      level: 'error',
      subject: TOPIC,
      field: 'key',
      message: `topic "${TOPIC}" is compacted but declares no key`,
    });
  });

  it('does not fire on a keyed compacted topic', () => {
    const { topology, findings } = lintOrders({ topic: { replay: Replay.full({ longestReindex: '12h' }) } });
    expect(eventTopicNamed(topology, TOPIC).cleanupPolicy).toBe('compact');
    expectNoFinding(findings, 'TF-KEY-005');
  });

  it('does not apply to an unkeyed topic with a replay window (cleanup.policy=delete)', () => {
    const topology = withTopic({ key: undefined, ordering: 'none' });
    expect(compactedTopicKeyed.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});
