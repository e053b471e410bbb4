import { describe, expect, it } from 'vitest';
import { deadLetterExists } from '../../rules/group/dead-letter-exists';
import { idempotencyStated } from '../../rules/group/idempotency-stated';
import { lagToleranceStated } from '../../rules/group/lag-tolerance-stated';
import { manualOffsetCommit } from '../../rules/group/manual-offset-commit';
import { processingTimeStated } from '../../rules/group/processing-time-stated';
import { lint } from '../../rules/run';
import {
  consumerGroup,
  context,
  expectFinding,
  expectNoFinding,
  expectViolation,
  groupWithId,
  lintOrders,
  ordersDeclarations,
  resolveTopology,
  type ConsumerGroupInput,
} from './helpers';

const GROUP = 'orders.payment';

/** The orders seed with the payment group's declaration changed, resolved through the model. */
function withGroup(overrides: Partial<ConsumerGroupInput>): ReturnType<typeof resolveTopology> {
  return resolveTopology({
    ...ordersDeclarations(),
    consumerGroups: [consumerGroup('orders', 'payment', { domain: 'orders', event: 'order-created' }, overrides)],
  });
}

describe('TF-GROUP-001 idempotencyStated: consumer groups state how they survive duplicates', () => {
  it('fires (error) on a group without an idempotency strategy', () => {
    const { findings } = lintOrders({ group: { idempotency: undefined } });
    expectFinding(findings, {
      ruleId: 'TF-GROUP-001',
      level: 'error',
      subject: GROUP,
      field: 'idempotency',
      message: 'group orders.payment states no idempotency strategy',
    });
  });

  it('does not fire when the group states one', () => {
    expectNoFinding(lintOrders().findings, 'TF-GROUP-001');
    const topology = withGroup({});
    expect(idempotencyStated.check(groupWithId(topology, GROUP), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-GROUP-002 manualOffsetCommit: consumer groups commit offsets after processing', () => {
  it('fires (error) on auto commit with asynchronous processing', () => {
    const { findings } = lintOrders({ group: { offsetCommit: { mode: 'auto', reason: 'the handler is synchronous and idempotent' }, processing: 'async' } });
    expectFinding(findings, {
      ruleId: 'TF-GROUP-002',
      level: 'error',
      subject: GROUP,
      field: 'offsetCommit',
      message: 'auto-commits while processing asynchronously: records are lost on a crash',
    });
  });

  it('fires as a warning (per-finding level) on auto commit with synchronous processing, quoting the stated reason', () => {
    const topology = withGroup({ offsetCommit: { mode: 'auto', reason: 'processing happens inside the poll loop' } });
    expectViolation(manualOffsetCommit.check(groupWithId(topology, GROUP), context(topology)), {
      field: 'offsetCommit',
      message: 'group orders.payment auto-commits (processing is synchronous; stated reason: "processing happens inside the poll loop")',
      level: 'warning',
    });
    expectFinding(lint(topology), { ruleId: 'TF-GROUP-002', level: 'warning', subject: GROUP, field: 'offsetCommit', message: 'processing is synchronous' });
  });

  it('does not fire on manual commit (the default), with either processing mode', () => {
    expectNoFinding(lintOrders().findings, 'TF-GROUP-002');
    expectNoFinding(lintOrders({ group: { processing: 'async' } }).findings, 'TF-GROUP-002');
  });
});

describe('TF-GROUP-003 deadLetterExists: every consumer group has a dead-letter topic', () => {
  it('fires (error) on a group that turns its dead-letter topic off', () => {
    const { topology, findings } = lintOrders({ group: { deadLetter: false } });
    expect(topology.topics.map((t) => t.name)).toEqual(['orders.order-created']);
    expectFinding(findings, {
      ruleId: 'TF-GROUP-003',
      level: 'error',
      subject: GROUP,
      field: 'deadLetter',
      message: 'group orders.payment has no dead-letter topic',
    });
  });

  it('does not fire on the default (a DLQ per subscribed topic)', () => {
    const topology = withGroup({});
    expect(topology.topics.map((t) => t.name)).toContain('orders.order-created.payment.dlq');
    expect(deadLetterExists.check(groupWithId(topology, GROUP), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-GROUP-004 lagToleranceStated: consumer groups state their processing-lag tolerance', () => {
  it('fires (warning) on a group without maxProcessingLag', () => {
    const { findings } = lintOrders({ group: { maxProcessingLag: undefined } });
    expectFinding(findings, {
      ruleId: 'TF-GROUP-004',
      level: 'warning',
      subject: GROUP,
      field: 'maxProcessingLag',
      message: 'group orders.payment states no maxProcessingLag',
    });
  });

  it('does not fire when the tolerance is stated', () => {
    const topology = withGroup({ maxProcessingLag: '30m' });
    expect(lagToleranceStated.check(groupWithId(topology, GROUP), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-GROUP-005 processingTimeStated: consumer groups state their processing time per message', () => {
  it('fires (info) on a group without processingTimePerMessage', () => {
    const { findings } = lintOrders({ group: { processingTimePerMessage: undefined } });
    expectFinding(findings, {
      ruleId: 'TF-GROUP-005',
      level: 'info',
      subject: GROUP,
      field: 'processingTimePerMessage',
      message: 'group orders.payment states no processing time per message',
    });
  });

  it('does not fire when the processing time is stated', () => {
    expectNoFinding(lintOrders().findings, 'TF-GROUP-005');
    const topology = withGroup({ processingTimePerMessage: '20ms' });
    expect(processingTimeStated.check(groupWithId(topology, GROUP), context(topology))).toEqual({ status: 'compliant' });
  });
});
