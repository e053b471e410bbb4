import { describe, expect, it } from 'vitest';
import { Replay } from '../../constructs';
import { byteCapCoversWindow } from '../../rules/replay/byte-cap-covers-window';
import { retentionCoversWindow } from '../../rules/replay/retention-covers-window';
import { tombstonesOutliveReindex } from '../../rules/replay/tombstones-outlive-reindex';
import { lint } from '../../rules/run';
import {
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
  withTopology,
  type EventTopicInput,
} from './helpers';

const TOPIC = 'orders.order-created';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

function withTopic(overrides: Partial<EventTopicInput>): ReturnType<typeof resolveTopology> {
  return resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', overrides)] });
}

describe('TF-REPLAY-001 retentionCoversWindow: retention covers the replay window plus the tolerated lag', () => {
  it('fires (error) on an explicit retention.ms of 1 day under a 7-day window', () => {
    const { findings } = lintOrders({ topic: { config: { 'retention.ms': String(DAY) } } });
    expectFinding(findings, {
      ruleId: 'TF-REPLAY-001',
      level: 'error',
      subject: TOPIC,
      field: 'config["retention.ms"]',
      message: 'retention 1d is below the replay window 7d + tolerated lag 5m = 7d 5m',
    });
  });

  it("fires when retention equals the window but a reader's tolerated lag is not covered", () => {
    const topology = withTopic({ config: { 'retention.ms': String(7 * DAY) } });
    expectViolation(retentionCoversWindow.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'config["retention.ms"]',
      message: 'retention 7d is below',
    });
  });

  it('does not fire on derived retention (window + largest lag + margin)', () => {
    const { topology, findings } = lintOrders();
    expect(eventTopicNamed(topology, TOPIC).retentionMs?.value).toBe(7 * DAY + 5 * MINUTE + DAY);
    expectNoFinding(findings, 'TF-REPLAY-001');
  });

  it('does not fire when the explicit retention is exactly window + lag, or unlimited (-1)', () => {
    const exact = withTopic({ config: { 'retention.ms': String(7 * DAY + 5 * MINUTE) } });
    expect(retentionCoversWindow.check(eventTopicNamed(exact, TOPIC), context(exact))).toEqual({ status: 'compliant' });
    const unlimited = withTopic({ config: { 'retention.ms': '-1' } });
    expect(retentionCoversWindow.check(eventTopicNamed(unlimited, TOPIC), context(unlimited))).toEqual({ status: 'compliant' });
  });

  it('does not apply to a full-replay (compacted) topic', () => {
    const topology = withTopic({ replay: { kind: 'full', longestReindex: '12h' } });
    expect(retentionCoversWindow.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
    // With expireAfter the topic has a retention too (compact,delete), but no replay window for it to cover.
    const expiring = withTopic({ replay: { kind: 'full', longestReindex: '12h', expireAfter: '30d' } });
    expect(eventTopicNamed(expiring, TOPIC).retentionMs).not.toBeNull();
    expect(retentionCoversWindow.check(eventTopicNamed(expiring, TOPIC), context(expiring))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-REPLAY-002 tombstonesOutliveReindex: delete.retention.ms exceeds the longest full reindex', () => {
  it('fires (error) on an explicit delete.retention.ms of 1 hour with a 12-hour reindex', () => {
    const { findings } = lintOrders({ topic: { replay: Replay.full({ longestReindex: '12h' }), config: { 'delete.retention.ms': String(HOUR) } } });
    expectFinding(findings, {
      ruleId: 'TF-REPLAY-002',
      level: 'error',
      subject: TOPIC,
      field: 'config["delete.retention.ms"]',
      message: 'delete.retention.ms 1h does not exceed the longest reindex 12h',
    });
  });

  it('fires when tombstones live exactly as long as the reindex (they must outlive it)', () => {
    const topology = withTopic({ replay: { kind: 'full', longestReindex: '12h' }, config: { 'delete.retention.ms': String(12 * HOUR) } });
    expectViolation(tombstonesOutliveReindex.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'config["delete.retention.ms"]',
      message: 'delete.retention.ms 12h does not exceed',
    });
  });

  it("falls back to Kafka's default of 1 day when the topic carries no delete.retention.ms (hand-built)", () => {
    const topology = withTopic({ replay: { kind: 'full', longestReindex: '2d' } });
    const topic = eventTopicNamed(topology, TOPIC);
    const bare = { ...topic, config: Object.fromEntries(Object.entries(topic.config).filter(([k]) => k !== 'delete.retention.ms')) };
    expectViolation(tombstonesOutliveReindex.check(bare, context(withTopology(topology, { topics: [bare] }))), {
      field: 'config["delete.retention.ms"]',
      message: 'delete.retention.ms 1d does not exceed the longest reindex 2d',
    });
  });

  it('does not fire on derived tombstone retention (reindex + margin)', () => {
    const { topology, findings } = lintOrders({ topic: { replay: Replay.full({ longestReindex: '12h' }) } });
    expect(eventTopicNamed(topology, TOPIC).config['delete.retention.ms']).toBe(String(12 * HOUR + DAY));
    expectNoFinding(findings, 'TF-REPLAY-002');
  });

  it('does not apply to a topic with a replay window', () => {
    const topology = withTopic({});
    expect(tombstonesOutliveReindex.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-REPLAY-003 byteCapCoversWindow: a retention.bytes cap holds the replay window at peak traffic', () => {
  // 7 d × 2,000 msg/s × 1,024 B ÷ 24 partitions = 51,609,600,000 bytes per partition.
  it('fires (warning) on a 1 MB per-partition cap under a 7-day window at 2,000 msg/s', () => {
    const { findings } = lintOrders({ topic: { retentionBytes: 1_000_000 } });
    expectFinding(findings, {
      ruleId: 'TF-REPLAY-003',
      level: 'warning',
      subject: TOPIC,
      field: 'retentionBytes',
      message: '1,000,000 bytes per partition hold less than 7d at peak (51,609,600,000 bytes)',
    });
  });

  it('does not fire on a cap above window × peak bytes ÷ partitions', () => {
    const topology = withTopic({ retentionBytes: 51_609_600_000 });
    expect(byteCapCoversWindow.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
    expectNoFinding(lintOrders({ topic: { retentionBytes: 60_000_000_000 } }).findings, 'TF-REPLAY-003');
  });

  it('cannot decide without a declared throughput (undecided info)', () => {
    const topology = withTopic({ retentionBytes: 1_000_000, throughput: undefined, partitions: 12 });
    expectUnknown(byteCapCoversWindow.check(eventTopicNamed(topology, TOPIC), context(topology)), 'retentionBytes', 'no throughput declared');
    expectFinding(lint(topology), {
      ruleId: 'TF-REPLAY-003',
      level: 'info',
      subject: TOPIC,
      field: 'retentionBytes',
      message: 'cannot decide: no throughput declared',
      undecided: true,
    });
  });

  it('does not apply without a byte cap, nor to a full-replay topic', () => {
    const uncapped = withTopic({});
    expect(byteCapCoversWindow.check(eventTopicNamed(uncapped, TOPIC), context(uncapped))).toEqual({ status: 'not-applicable' });
    const compacted = withTopic({ retentionBytes: 1_000, replay: { kind: 'full', longestReindex: '12h' } });
    expect(byteCapCoversWindow.check(eventTopicNamed(compacted, TOPIC), context(compacted))).toEqual({ status: 'not-applicable' });
  });
});
