import { describe, expect, it } from 'vitest';
import type { StreamsApplicationInput } from '../../model/schema';
import { replaySafeReader } from '../../rules/replay/not-replay-safe';
import { replaySafetyStated } from '../../rules/replay/replay-safety-stated';
import { lint } from '../../rules/run';
import { readTopics } from '../../rules/replay/readers';
import { resolve } from '../../model/resolve';
import { DEV, SEED } from '../model/resolve/helpers';
import {
  consumerGroup,
  context,
  eventTopic,
  expectFinding,
  expectNoFinding,
  expectViolation,
  groupWithId,
  ordersDeclarations,
  resolveTopology,
  type ConsumerGroupInput,
} from './helpers';

const ORDER_CREATED = { domain: 'orders', event: 'order-created' };
const GUARDED = { deterministic: true, sideEffects: { control: 'guarded' as const, by: 'payment id unique per order; duplicates are ignored' } };

function withGroup(overrides: Partial<ConsumerGroupInput>, streams: StreamsApplicationInput[] = []) {
  return resolveTopology({
    ...ordersDeclarations(),
    consumerGroups: [consumerGroup('orders', 'payment', ORDER_CREATED, overrides)],
    streamsApplications: streams,
  });
}

/** A Streams application orders.totals reading order-created, with no replay-safety statement unless given. */
function totals(overrides: Partial<StreamsApplicationInput> = {}): StreamsApplicationInput {
  return {
    domain: 'orders',
    name: 'totals',
    service: 'totals',
    principal: 'User:totals',
    inputs: [{ topic: ORDER_CREATED }],
    source: { path: 'dev/orders/totals' },
    ...overrides,
  };
}

describe('TF-REPLAY-004 replaySafetyStated: readers of replayable topics state their replay safety', () => {
  it('fires (warning) on a consumer group and a Streams application without a statement', () => {
    const streams = totals();
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

describe('readTopics and the replay rules: only event topics count, listed sorted', () => {
  const ORDER_PAID = { domain: 'orders', event: 'order-paid' };
  const seed = ordersDeclarations();
  /** orders.payment reads order-paid and order-created, both event topics. */
  const twoTopics = (overrides: Partial<ConsumerGroupInput>) =>
    resolveTopology({
      ...seed,
      topics: [...seed.topics, eventTopic('orders', 'order-paid')],
      consumerGroups: [consumerGroup('orders', 'payment', ORDER_PAID, { ...overrides, subscriptions: [{ topic: ORDER_PAID }, { topic: ORDER_CREATED }] })],
    });
  const unsafe = { deterministic: false, sideEffects: { control: 'not-replay-safe' as const, reason: 'charges the card again; no idempotency key' } };

  it('lists every replayable topic a reader reads, sorted, quoted and comma-separated', () => {
    const silent = twoTopics({ replaySafety: undefined });
    const group = groupWithId(silent, 'orders.payment');
    // resolve sorts subscriptions; readTopics promises sorted names whatever order it is handed (a hand-built reversal).
    const reversed = { ...group, subscriptions: [...group.subscriptions].reverse() };
    expect(reversed.subscriptions.map((s) => s.topicName)).toEqual(['orders.order-paid', 'orders.order-created']);
    expect(readTopics(reversed, context(silent))).toEqual(['orders.order-created', 'orders.order-paid']);
    expectViolation(replaySafetyStated.check(group, context(silent)), {
      field: 'replaySafety',
      message: 'group orders.payment reads replayable "orders.order-created", "orders.order-paid" and states no replay safety',
    });
    const careless = twoTopics({ replaySafety: unsafe });
    expectViolation(replaySafeReader.check(groupWithId(careless, 'orders.payment'), context(careless)), {
      field: 'replaySafety.sideEffects',
      message:
        'group orders.payment is not replay-safe ("charges the card again; no idempotency key") but reads "orders.order-created", "orders.order-paid", whose replay is declared',
    });
  });

  it('leaves out a name that is not an event topic, and the rules do not apply to a reader of none', () => {
    // A hand-built state: the declarations always subscribe to event topics, but readTopics promises to keep only those.
    const topology = twoTopics({ replaySafety: undefined });
    const onlyCreated = { ...topology, topics: topology.topics.filter((t) => t.name !== 'orders.order-paid') };
    const group = groupWithId(topology, 'orders.payment');
    expect(readTopics(group, context(onlyCreated))).toEqual(['orders.order-created']);
    const none = { ...topology, topics: [] };
    expect(readTopics(group, context(none))).toEqual([]);
    expect(replaySafetyStated.check(group, context(none))).toEqual({ status: 'not-applicable' });
    const unsafeGroup = groupWithId(twoTopics({ replaySafety: unsafe }), 'orders.payment');
    expect(replaySafeReader.check(unsafeGroup, context(none))).toEqual({ status: 'not-applicable' });
  });

  it('TF-REPLAY-005 does not apply to a group that makes no statement (TF-REPLAY-004 reports it)', () => {
    const topology = withGroup({ replaySafety: undefined });
    expect(replaySafeReader.check(groupWithId(topology, 'orders.payment'), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('the replay rules and what is not a consumer group or a sink', () => {
  it('TF-REPLAY-005 does not apply to a Streams application, even one that is not replay-safe (TF-STREAMS-004 words it for a reset)', () => {
    const streams = totals({ replaySafety: { deterministic: false, sideEffects: { control: 'not-replay-safe', reason: 'mails the customer again' } } });
    const topology = withGroup({ replaySafety: GUARDED }, [streams]);
    const app = (topology.streamsApplications ?? []).find((a) => a.applicationId === 'orders.totals');
    if (app === undefined) throw new Error('no Streams application orders.totals');
    expect(readTopics(app, context(topology))).toEqual(['orders.order-created']);
    expect(replaySafeReader.check(app, context(topology))).toEqual({ status: 'not-applicable' });
    expect(lint(topology).filter((f) => f.ruleId === 'TF-REPLAY-005')).toEqual([]);
  });

  it('readTopics: a source connector reads nothing, though the topics it writes are event topics', () => {
    const connector = (type: 'sink' | 'source', name: string) => ({
      type,
      cluster: { domain: 'search', name: 'indexing' },
      name,
      connectorClass: 'io.example.Connector',
      topics: [{ topic: { domain: 'search', event: 'document-changed' } }],
      ...(type === 'sink' ? { idempotency: 'documents are upserted by id' } : {}),
      source: { path: `dev/search/indexing/${name}` },
    });
    const result = resolve(
      {
        ...SEED,
        connectClusters: [
          { domain: 'search', name: 'indexing', service: 'search-connect', principal: 'User:search-connect', source: { path: 'dev/search/indexing' } },
        ],
        connectors: [connector('sink', 'index'), connector('source', 'cdc')],
      },
      DEV,
    );
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const topology = result.topology;
    const byName = (name: string) => {
      const found = topology.connect?.connectors.find((k) => k.name === name);
      if (found === undefined) throw new Error(`no connector ${name}`);
      return found;
    };
    expect(readTopics(byName('index'), context(topology))).toEqual(['search.document-changed']);
    expect(readTopics(byName('cdc'), context(topology))).toEqual([]);
  });
});
