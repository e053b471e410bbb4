import { describe, expect, it } from 'vitest';
import type { StreamsApplicationInput } from '../../model/schema';
import { replaySafeReader } from '../../rules/replay/not-replay-safe';
import { replaySafetyStated } from '../../rules/replay/replay-safety-stated';
import { lint } from '../../rules/run';
import { consumerGroup, context, expectFinding, expectNoFinding, groupWithId, ordersDeclarations, resolveTopology, type ConsumerGroupInput } from './helpers';

const ORDER_CREATED = { domain: 'orders', event: 'order-created' };
const GUARDED = { deterministic: true, sideEffects: { control: 'guarded' as const, by: 'payment id unique per order; duplicates are ignored' } };

function withGroup(overrides: Partial<ConsumerGroupInput>, streams: StreamsApplicationInput[] = []) {
  return resolveTopology({
    ...ordersDeclarations(),
    consumerGroups: [consumerGroup('orders', 'payment', ORDER_CREATED, overrides)],
    streamsApplications: streams,
  });
}

describe('TF-REPLAY-004 replaySafetyStated: readers of replayable topics state their replay safety', () => {
  it('fires (warning) on a consumer group and a Streams application without a statement', () => {
    const streams: StreamsApplicationInput = {
      domain: 'orders',
      name: 'totals',
      service: 'totals',
      principal: 'User:totals',
      inputs: [{ topic: ORDER_CREATED }],
      source: { path: 'dev/orders/totals' },
    };
    const findings = lint(withGroup({ replaySafety: undefined }, [streams]));
    expectFinding(findings, {
      ruleId: 'TF-REPLAY-004',
      level: 'warning',
      subject: 'orders.payment',
      field: 'replaySafety',
      message: 'group orders.payment reads replayable "orders.order-created" and states no replay safety',
    });
    expectFinding(findings, {
      ruleId: 'TF-REPLAY-004',
      level: 'warning',
      subject: 'orders.totals',
      field: 'replaySafety',
      message: 'streams application orders.totals reads replayable "orders.order-created"',
    });
  });

  it('does not fire when the reader states it', () => {
    const topology = withGroup({ replaySafety: GUARDED });
    expectNoFinding(lint(topology), 'TF-REPLAY-004');
    expect(replaySafetyStated.check(groupWithId(topology, 'orders.payment'), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-REPLAY-005 replaySafeReader: a group that is not replay-safe does not read a replayable topic', () => {
  const unsafe = {
    deterministic: false,
    sideEffects: { control: 'not-replay-safe' as const, reason: 'charges the card again; the provider has no idempotency key' },
  };

  it('fires (error) on a not-replay-safe group, and stays listed when suppressed with a reason', () => {
    expectFinding(lint(withGroup({ replaySafety: unsafe })), {
      ruleId: 'TF-REPLAY-005',
      level: 'error',
      subject: 'orders.payment',
      field: 'replaySafety.sideEffects',
      message: 'is not replay-safe ("charges the card again; the provider has no idempotency key") but reads "orders.order-created", whose replay is declared',
    });
    const suppressed = lint(
      withGroup({ replaySafety: unsafe, suppressions: [{ ruleId: 'TF-REPLAY-005', reason: 'replays reset other groups only; payment is never rewound' }] }),
    ).find((f) => f.ruleId === 'TF-REPLAY-005');
    expect(suppressed?.suppressed?.reason).toBe('replays reset other groups only; payment is never rewound');
  });

  it('does not fire on guarded or effect-free groups', () => {
    const topology = withGroup({ replaySafety: GUARDED });
    expect(replaySafeReader.check(groupWithId(topology, 'orders.payment'), context(topology))).toEqual({ status: 'compliant' });
    expectNoFinding(lint(withGroup({ replaySafety: { deterministic: true, sideEffects: { control: 'none' } } })), 'TF-REPLAY-005');
  });
});
