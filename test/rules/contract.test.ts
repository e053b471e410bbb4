import { describe, expect, it } from 'vitest';
import { changeStrategyStated } from '../../rules/contract/change-strategy-stated';
import { compatibilityNotNone } from '../../rules/contract/compatibility-not-none';
import { lint } from '../../rules/run';
import {
  companionNamed,
  context,
  eventTopic,
  eventTopicNamed,
  expectFinding,
  expectNoFinding,
  expectViolation,
  lintOrders,
  ordersDeclarations,
  PROD,
  resolveTopology,
} from './helpers';

const TOPIC = 'orders.order-created';
const STRATEGY = 'additive optional fields only; a breaking change is a new event type';

describe('TF-CONTRACT-001 compatibilityNotNone: event contracts keep schema compatibility checks', () => {
  it('fires as an error in production', () => {
    const { findings } = lintOrders({ topic: { contract: { compatibility: 'NONE', changeStrategy: STRATEGY } } }, PROD);
    expectFinding(findings, {
      ruleId: 'TF-CONTRACT-001',
      level: 'error',
      subject: TOPIC,
      field: 'contract.compatibility',
      message: `topic "${TOPIC}" declares compatibility NONE`,
    });
  });

  it('fires as a warning outside production (per-finding level override)', () => {
    const { findings } = lintOrders({ topic: { contract: { compatibility: 'NONE', changeStrategy: STRATEGY } } });
    expectFinding(findings, {
      ruleId: 'TF-CONTRACT-001',
      level: 'warning',
      subject: TOPIC,
      field: 'contract.compatibility',
      message: 'declares compatibility NONE',
    });
    const topology = resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', { contract: { compatibility: 'NONE' } })] });
    expectViolation(compatibilityNotNone.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'contract.compatibility',
      message: 'compatibility NONE',
      level: 'warning',
    });
  });

  it.each(['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const)(
    'does not fire on %s in production',
    (compatibility) => {
      expectNoFinding(lintOrders({ topic: { contract: { compatibility, changeStrategy: STRATEGY } } }, PROD).findings, 'TF-CONTRACT-001');
    },
  );

  it('does not fire on the default contract (BACKWARD), and does not apply to dead-letter topics', () => {
    const topology = resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', { contract: undefined })] }, PROD);
    expect(eventTopicNamed(topology, TOPIC).contract.compatibility).toBe('BACKWARD');
    expectNoFinding(lint(topology), 'TF-CONTRACT-001');
    expect(compatibilityNotNone.check(companionNamed(topology, `${TOPIC}.payment.dlq`), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-CONTRACT-002 changeStrategyStated: event contracts state how the schema may change', () => {
  it('fires (warning) on a topic without a change strategy', () => {
    const { findings } = lintOrders({ topic: { contract: { compatibility: 'BACKWARD' } } });
    expectFinding(findings, {
      ruleId: 'TF-CONTRACT-002',
      level: 'warning',
      subject: TOPIC,
      field: 'contract.changeStrategy',
      message: `topic "${TOPIC}" states no schema-change strategy`,
    });
  });

  it('fires on a topic that declares no contract at all', () => {
    const topology = resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', { contract: undefined })] });
    expectViolation(changeStrategyStated.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'contract.changeStrategy',
      message: 'states no schema-change strategy',
    });
  });

  it('does not fire when the strategy is stated, and does not apply to dead-letter topics', () => {
    const { topology, findings } = lintOrders();
    expectNoFinding(findings, 'TF-CONTRACT-002');
    expect(changeStrategyStated.check(companionNamed(topology, `${TOPIC}.payment.dlq`), context(topology))).toEqual({ status: 'not-applicable' });
  });
});
