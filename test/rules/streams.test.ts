import { describe, expect, it } from 'vitest';
import type { StreamsApplicationInput } from '../../model/schema';
import { coPartitioned } from '../../rules/streams/co-partitioned';
import { streamsDeadLetterStrategy } from '../../rules/streams/dead-letter-strategy';
import { outputsReadCommitted } from '../../rules/streams/outputs-read-committed';
import { streamsReplayWithSideEffects } from '../../rules/streams/replay-with-side-effects';
import { lint } from '../../rules/run';
import { context, eventTopic, expectFinding, expectNoFinding, expectViolation, ordersDeclarations, resolveTopology } from './helpers';
import type { Topology } from '../../model/topology';

const ORDER_CREATED = { domain: 'orders', event: 'order-created' };
const ORDER_PAID = { domain: 'orders', event: 'order-paid' };

/** A compliant application: one input, exactly once, a store, dead-letter handlers, a replay statement. */
function app(name: string, overrides: Partial<StreamsApplicationInput> = {}): StreamsApplicationInput {
  return {
    domain: 'orders',
    name,
    service: name,
    principal: `User:${name}`,
    inputs: [{ topic: ORDER_CREATED }],
    processingGuarantee: 'exactly_once_v2',
    stateStores: [{ name: 'totals' }],
    exceptionHandlers: { deserialization: 'com.acme.DlqHandler', production: 'com.acme.DlqHandler' },
    replaySafety: { deterministic: true, sideEffects: { control: 'none' } },
    source: { path: `dev/orders/${name}`, file: 'topics/orders.ts', line: 60 },
    ...overrides,
  };
}

/** The orders seed plus `order-paid` (partitions as given) and the applications. */
function withApps(apps: StreamsApplicationInput[], paidPartitions = 8): Topology {
  const seed = ordersDeclarations();
  return resolveTopology({
    ...seed,
    topics: [...(seed.topics ?? []), eventTopic('orders', 'order-paid', { partitions: paidPartitions, throughput: undefined })],
    streamsApplications: apps,
  });
}

const appOf = (topology: Topology, id: string) => {
  const found = topology.streamsApplications?.find((a) => a.applicationId === id);
  if (found === undefined) throw new Error(`no streams application ${id}`);
  return found;
};

describe('TF-STREAMS-001 coPartitioned: stateful applications read co-partitioned inputs', () => {
  it('fires (warning) on a stateful application whose inputs have different partition counts', () => {
    const topology = withApps([app('totals', { inputs: [{ topic: ORDER_CREATED }, { topic: ORDER_PAID }] })], 3);
    const created = topology.topics.find((t) => t.name === 'orders.order-created')?.partitions.value;
    expectFinding(lint(topology), {
      ruleId: 'TF-STREAMS-001',
      level: 'warning',
      subject: 'orders.totals',
      field: 'inputs',
      message: `inputs of different partition counts: "orders.order-created" ${created}, "orders.order-paid" 3`,
    });
  });

  it('does not fire when the counts match, for a stateless application, or with one input', () => {
    const created = withApps([]).topics.find((t) => t.name === 'orders.order-created')?.partitions.value ?? 0;
    const equal = withApps([app('totals', { inputs: [{ topic: ORDER_CREATED }, { topic: ORDER_PAID }] })], created);
    expect(coPartitioned.check(appOf(equal, 'orders.totals'), context(equal))).toEqual({ status: 'compliant' });
    const stateless = withApps([app('totals', { inputs: [{ topic: ORDER_CREATED }, { topic: ORDER_PAID }], stateStores: [] })], 3);
    expect(coPartitioned.check(appOf(stateless, 'orders.totals'), context(stateless)).status).toBe('not-applicable');
    // Repartitioning without state still needs co-partitioned inputs.
    const repartitioning = withApps([app('totals', { inputs: [{ topic: ORDER_CREATED }, { topic: ORDER_PAID }], stateStores: [], repartitions: true })], 3);
    expect(coPartitioned.check(appOf(repartitioning, 'orders.totals'), context(repartitioning)).status).toBe('violations');
    expectNoFinding(lint(withApps([app('totals')])), 'TF-STREAMS-001');
  });
});

describe('TF-STREAMS-002 outputsReadCommitted: readers of an exactly-once application read committed records', () => {
  const writer = app('totals', { outputs: [{ topic: ORDER_PAID }] });
  it('fires (error) when an at_least_once Streams application reads its output', () => {
    const topology = withApps([writer, app('audit', { inputs: [{ topic: ORDER_PAID }], processingGuarantee: 'at_least_once' })]);
    expectViolation(outputsReadCommitted.check(appOf(topology, 'orders.totals'), context(topology)), {
      field: 'outputs',
      message: 'orders.audit reads "orders.order-paid" at_least_once (read_uncommitted)',
    });
    expectFinding(lint(topology), { ruleId: 'TF-STREAMS-002', level: 'error', subject: 'orders.totals', field: 'outputs', message: 'writes exactly once' });
  });

  it('does not fire when every reader is exactly once or a consumer group (whose client config reads committed), nor at_least_once', () => {
    const topology = withApps([writer, app('audit', { inputs: [{ topic: ORDER_PAID }] })]);
    expect(outputsReadCommitted.check(appOf(topology, 'orders.totals'), context(topology))).toEqual({ status: 'compliant' });
    const alo = withApps([app('totals', { outputs: [{ topic: ORDER_PAID }], processingGuarantee: 'at_least_once' })]);
    expect(outputsReadCommitted.check(appOf(alo, 'orders.totals'), context(alo)).status).toBe('not-applicable');
  });
});

describe('TF-STREAMS-003 streamsDeadLetterStrategy: Streams applications declare exception handlers', () => {
  it('fires (error) on an application without exception handlers', () => {
    const { exceptionHandlers: _none, ...rest } = app('totals');
    void _none;
    expectFinding(lint(withApps([rest])), {
      ruleId: 'TF-STREAMS-003',
      level: 'error',
      subject: 'orders.totals',
      field: 'exceptionHandlers',
      message: 'declares no deserialization or production exception handler',
    });
  });

  it('does not fire when both handlers are declared', () => {
    const topology = withApps([app('totals')]);
    expect(streamsDeadLetterStrategy.check(appOf(topology, 'orders.totals'), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-STREAMS-004 streamsReplayWithSideEffects: a Streams application reset must not repeat external effects', () => {
  it('fires (error) on a not-replay-safe application reading a replayable topic, and a suppression with a reason keeps it visible', () => {
    const unsafe = { deterministic: true, sideEffects: { control: 'not-replay-safe' as const, reason: 'calls the loyalty API, which has no idempotency key' } };
    expectFinding(lint(withApps([app('totals', { replaySafety: unsafe })])), {
      ruleId: 'TF-STREAMS-004',
      level: 'error',
      subject: 'orders.totals',
      field: 'replaySafety.sideEffects',
      message: 'is not replay-safe ("calls the loyalty API, which has no idempotency key") but reads "orders.order-created"',
    });
    const suppressed = lint(
      withApps([
        app('totals', { replaySafety: unsafe, suppressions: [{ ruleId: 'TF-STREAMS-004', reason: 'this application is never reset; replays skip it' }] }),
      ]),
    ).find((f) => f.ruleId === 'TF-STREAMS-004');
    expect(suppressed?.suppressed).toEqual({ reason: 'this application is never reset; replays skip it', by: 'streams application orders.totals' });
  });

  it('does not fire when effects are none or guarded, or no statement is made (TF-REPLAY-004 reports that)', () => {
    const guarded = withApps([
      app('totals', { replaySafety: { deterministic: true, sideEffects: { control: 'guarded', by: 'loyalty API dedupes by order id' } } }),
    ]);
    expect(streamsReplayWithSideEffects.check(appOf(guarded, 'orders.totals'), context(guarded))).toEqual({ status: 'compliant' });
    const { replaySafety: _none, ...rest } = app('totals');
    void _none;
    const silent = withApps([rest]);
    expect(streamsReplayWithSideEffects.check(appOf(silent, 'orders.totals'), context(silent)).status).toBe('not-applicable');
  });
});

describe('TF-STREAMS-001, -002 and -004 at their edges', () => {
  const ORDER_SHIPPED = { domain: 'orders', event: 'order-shipped' };

  it('TF-STREAMS-001 does not apply to a stateful application with one input', () => {
    const single = withApps([app('totals')]);
    expect(appOf(single, 'orders.totals').stateStores.length).toBe(1);
    expect(coPartitioned.check(appOf(single, 'orders.totals'), context(single))).toEqual({ status: 'not-applicable' });
  });

  it('TF-STREAMS-001 is undecided, naming the input, when an input is not a known event topic (a hand-built topology)', () => {
    const topology = withApps([app('totals', { inputs: [{ topic: ORDER_CREATED }, { topic: ORDER_PAID }] })], 3);
    const withoutPaid = { ...topology, topics: topology.topics.filter((t) => t.name !== 'orders.order-paid') };
    expect(coPartitioned.check(appOf(topology, 'orders.totals'), context(withoutPaid))).toEqual({
      status: 'unknown',
      field: 'inputs',
      reason: 'the partition count of "orders.order-paid" is not known here',
    });
  });

  it('TF-STREAMS-002 does not apply to an exactly-once application that writes nothing', () => {
    const topology = withApps([app('totals'), app('audit', { processingGuarantee: 'at_least_once' })]);
    expect(outputsReadCommitted.check(appOf(topology, 'orders.totals'), context(topology))).toEqual({ status: 'not-applicable' });
  });

  it('TF-STREAMS-002 lists every at_least_once reader, sorted, separated by semicolons', () => {
    const seed = ordersDeclarations();
    // zeta reads the first output, alpha the second: the message lists alpha first.
    const topology = resolveTopology({
      ...seed,
      topics: [...seed.topics, eventTopic('orders', 'order-paid'), eventTopic('orders', 'order-shipped')],
      streamsApplications: [
        app('totals', { outputs: [{ topic: ORDER_PAID }, { topic: ORDER_SHIPPED }] }),
        app('zeta', { inputs: [{ topic: ORDER_PAID }], processingGuarantee: 'at_least_once' }),
        app('alpha', { inputs: [{ topic: ORDER_SHIPPED }], processingGuarantee: 'at_least_once' }),
      ],
    });
    expectViolation(outputsReadCommitted.check(appOf(topology, 'orders.totals'), context(topology)), {
      field: 'outputs',
      message:
        'streams application orders.totals writes exactly once, but orders.alpha reads "orders.order-shipped" at_least_once (read_uncommitted); orders.zeta reads "orders.order-paid" at_least_once (read_uncommitted)',
    });
  });

  it('TF-STREAMS-004 lists every replayable input, and does not apply when no input is an event topic (a hand-built topology)', () => {
    const unsafe = { deterministic: true, sideEffects: { control: 'not-replay-safe' as const, reason: 'calls the loyalty API, which has no idempotency key' } };
    const topology = withApps([app('totals', { inputs: [{ topic: ORDER_PAID }, { topic: ORDER_CREATED }], replaySafety: unsafe })]);
    expectViolation(streamsReplayWithSideEffects.check(appOf(topology, 'orders.totals'), context(topology)), {
      field: 'replaySafety.sideEffects',
      message:
        'streams application orders.totals is not replay-safe ("calls the loyalty API, which has no idempotency key") but reads "orders.order-created", "orders.order-paid", whose replay is declared',
    });
    expect(streamsReplayWithSideEffects.check(appOf(topology, 'orders.totals'), context({ ...topology, topics: [] }))).toEqual({ status: 'not-applicable' });
  });
});
