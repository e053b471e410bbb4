import { describe, expect, it } from 'vitest';
import { MAX_SIZED_PARTITIONS, PARTITION_WARNING_CAP } from '../../model/limits';
import { lint } from '../../rules/run';
import { partitionCap } from '../../rules/topic/partition-cap';
import { partitionHeadroom } from '../../rules/topic/partition-headroom';
import {
  companionNamed,
  consumerGroup,
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
} from './helpers';

const ORDER_CREATED = { domain: 'orders', event: 'order-created' };

describe('TF-PART-001 partitionHeadroom: declared partitions leave headroom over the declared parallelism', () => {
  it('fires (warning) when 2 declared partitions serve 2,000 msg/s read at 5 ms each (parallelism 10, want 20)', () => {
    const { findings } = lintOrders({ topic: { partitions: 2 } });
    expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'partitions',
      message: '2 partitions for a needed parallelism of 10; 20 would leave 2× headroom',
    });
  });

  it('fires when the declared maximum of consumer instances is not covered twice', () => {
    const { findings } = lintOrders({ topic: { partitions: 8, throughput: { peakMessagesPerSecond: 10, averageMessageBytes: 100, maxConsumerInstances: 6 } } });
    expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'partitions',
      message: '8 partitions for a needed parallelism of 6; 12 would leave',
    });
  });

  it(`fires on sized partitions when sizing stops at its cap of ${MAX_SIZED_PARTITIONS}`, () => {
    // 1,000,000 msg/s × 5 ms = 5,000 busy consumers: more than the sizing will ever propose.
    const { topology, findings } = lintOrders({ topic: { throughput: { peakMessagesPerSecond: 1_000_000, averageMessageBytes: 10 } } });
    expect(eventTopicNamed(topology, 'orders.order-created').partitions.value).toBe(MAX_SIZED_PARTITIONS);
    expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'partitions',
      message: `${MAX_SIZED_PARTITIONS} partitions for a needed parallelism of 5000`,
    });
  });

  it('fires when the produced bytes need more partitions than the consumers: 200 msg/s × 500 kB at 5 MB/s per partition', () => {
    const { findings } = lintOrders({ topic: { partitions: 24, throughput: { peakMessagesPerSecond: 200, averageMessageBytes: 500_000 } } });
    expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'partitions',
      message: '24 partitions for a needed parallelism of 20; 40 would leave 2× headroom',
    });
  });

  it('does not fire on partitions sized from the declared throughput', () => {
    const { topology, findings } = lintOrders();
    expect(eventTopicNamed(topology, 'orders.order-created').partitions.value).toBe(24);
    expectNoFinding(findings, 'TF-PART-001');
  });

  it('does not fire when declared partitions are exactly twice the needed parallelism', () => {
    expectNoFinding(lintOrders({ topic: { partitions: 20 } }).findings, 'TF-PART-001');
  });

  it('cannot decide without a declared throughput, and says so as an undecided info finding', () => {
    const { topology, findings } = lintOrders({ topic: { partitions: 12, throughput: undefined } });
    expectUnknown(partitionHeadroom.check(eventTopicNamed(topology, 'orders.order-created'), context(topology)), 'throughput', 'no throughput declared');
    expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'info',
      subject: 'orders.order-created',
      field: 'throughput',
      message: 'cannot decide: no throughput declared, so headroom cannot be checked',
      undecided: true,
    });
  });

  it('does not apply to dead-letter topics', () => {
    const topology = resolveTopology(ordersDeclarations());
    expect(partitionHeadroom.check(companionNamed(topology, 'orders.order-created.payment.dlq'), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe(`TF-PART-002 partitionCap: a topic has at most ${PARTITION_WARNING_CAP} partitions`, () => {
  it(`fires (warning) on ${PARTITION_WARNING_CAP + 1} declared partitions`, () => {
    const { findings } = lintOrders({ topic: { partitions: PARTITION_WARNING_CAP + 1 } });
    expectFinding(findings, {
      ruleId: 'TF-PART-002',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'partitions',
      message: `${PARTITION_WARNING_CAP + 1} partitions (cap ${PARTITION_WARNING_CAP})`,
    });
  });

  it('fires on a retry tier too: it has the partitions of its main topic', () => {
    const seed = ordersDeclarations();
    const topology = resolveTopology({
      ...seed,
      topics: [eventTopic('orders', 'order-created', { partitions: 1_024 })],
      consumerGroups: [consumerGroup('orders', 'payment', ORDER_CREATED, { retries: ['1s'] })],
    });
    const retry = companionNamed(topology, 'orders.order-created.payment.retry-1');
    expectViolation(partitionCap.check(retry, context(topology)), { field: 'partitions', message: '1024 partitions' });
    expect(
      lint(topology)
        .filter((f) => f.ruleId === 'TF-PART-002')
        .map((f) => f.subject.name),
    ).toEqual(['orders.order-created', 'orders.order-created.payment.retry-1']);
  });

  it(`fires when sizing was capped at ${MAX_SIZED_PARTITIONS}, below what the declarations need`, () => {
    const { topology, findings } = lintOrders({ topic: { throughput: { peakMessagesPerSecond: 1_000_000, averageMessageBytes: 10 } } });
    const topic = eventTopicNamed(topology, 'orders.order-created');
    expect(topic.partitions.capped).toBe(true);
    expectFinding(findings, {
      ruleId: 'TF-PART-002',
      level: 'warning',
      subject: 'orders.order-created',
      field: 'throughput',
      message: `sizing was capped: ${topic.partitions.explanation}`,
    });
    expectViolation(partitionCap.check(topic, context(topology)), { field: 'throughput', message: `capped at ${MAX_SIZED_PARTITIONS}` });
  });

  it(`does not fire at exactly ${PARTITION_WARNING_CAP} partitions`, () => {
    expectNoFinding(lintOrders({ topic: { partitions: PARTITION_WARNING_CAP } }).findings, 'TF-PART-002');
  });

  it('does not fire on the sized seed topic or its dead-letter topic', () => {
    expectNoFinding(lintOrders().findings, 'TF-PART-002');
  });
});
