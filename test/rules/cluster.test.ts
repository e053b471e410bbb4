import { describe, expect, it } from 'vitest';
import { Replay } from '../../constructs';
import { PRODUCTION_MIN_INSYNC_REPLICAS, PRODUCTION_MIN_REPLICATION_FACTOR } from '../../model/limits';
import { productionMinInsyncReplicas } from '../../rules/cluster/min-insync-replicas';
import { minIsrWithinReplicationFactor } from '../../rules/cluster/min-isr-within-rf';
import { productionReplicationFactor } from '../../rules/cluster/replication-factor';
import { segmentRollShorterThanRetention } from '../../rules/cluster/segment-roll';
import { uncleanLeaderElectionOff } from '../../rules/cluster/unclean-leader-election';
import { lint } from '../../rules/run';
import {
  context,
  DEV,
  eventTopic,
  eventTopicNamed,
  expectFinding,
  expectNoFinding,
  expectViolation,
  findingsOf,
  lintOrders,
  ordersDeclarations,
  PROD,
  resolveTopology,
  type EventTopicInput,
} from './helpers';

const TOPIC = 'orders.order-created';
const DAY = 86_400_000;

function withTopic(overrides: Partial<EventTopicInput>, environment = DEV): ReturnType<typeof resolveTopology> {
  return resolveTopology({ ...ordersDeclarations(), topics: [eventTopic('orders', 'order-created', overrides)] }, environment);
}

describe(`TF-REPL-001 productionReplicationFactor: production topics have a replication factor of ${PRODUCTION_MIN_REPLICATION_FACTOR} or more`, () => {
  it('fires (error) on a production topic that overrides the factor to 2, not again on its dead-letter topic, which copies it', () => {
    const { findings } = lintOrders({ topic: { replication: { factor: 2 } } }, { ...PROD, minInsyncReplicas: 1 });
    expectFinding(findings, {
      ruleId: 'TF-REPL-001',
      level: 'error',
      subject: TOPIC,
      field: 'replication.factor',
      message: 'replication factor 2 in production environment "prod"',
    });
    expect(findingsOf(findings, 'TF-REPL-001').map((f) => f.subject.name)).toEqual([TOPIC]);
  });

  it('fires once, on the environment, when the production environment itself defaults to a factor of 2', () => {
    const topology = withTopic({}, { ...PROD, replicationFactor: 2, minInsyncReplicas: 1 });
    expectViolation(productionReplicationFactor.environmentCheck?.(topology.environment, context(topology)) ?? { status: 'compliant' }, {
      field: 'replicationFactor',
      message: 'replication factor 2 in production environment "prod"',
    });
    expect(productionReplicationFactor.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
    const findings = findingsOf(lint(topology, undefined, { environmentSource: { path: 'prod', file: 'environments.ts', line: 7 } }), 'TF-REPL-001');
    expect(findings.map((f) => [f.subject.kind, f.subject.name, f.field, f.subject.source])).toEqual([
      ['environment', 'prod', 'replicationFactor', { path: 'prod', file: 'environments.ts', line: 7 }],
    ]);
  });

  it(`does not fire on a factor of ${PRODUCTION_MIN_REPLICATION_FACTOR} in production`, () => {
    expectNoFinding(lintOrders({}, PROD).findings, 'TF-REPL-001');
  });

  it('does not apply outside production (dev with a factor of 1 is legal)', () => {
    const topology = withTopic({});
    expect(topology.environment.production).toBe(false);
    expect(productionReplicationFactor.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe(`TF-REPL-002 productionMinInsyncReplicas: production topics keep ${PRODUCTION_MIN_INSYNC_REPLICAS} ≤ min.insync.replicas < replication factor`, () => {
  it('fires (error) on min.insync.replicas 1 in production', () => {
    const { findings } = lintOrders({ topic: { replication: { minInsyncReplicas: 1 } } }, PROD);
    expectFinding(findings, {
      ruleId: 'TF-REPL-002',
      level: 'error',
      subject: TOPIC,
      field: 'replication.minInsyncReplicas',
      message: `min.insync.replicas 1 with replication factor 3 (the environment's) in production environment "prod"`,
    });
  });

  it('fires on min.insync.replicas equal to the replication factor (one broker down stops all writes)', () => {
    const topology = withTopic({ replication: { minInsyncReplicas: 3 } }, PROD);
    expectViolation(productionMinInsyncReplicas.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'replication.minInsyncReplicas',
      message: 'min.insync.replicas 3 with replication factor 3',
    });
  });

  it('does not fire on 2 of 3 in production', () => {
    expectNoFinding(lintOrders({}, PROD).findings, 'TF-REPL-002');
  });

  it('fires on the environment, not on its topics, when the production defaults are 1 of 1', () => {
    const topology = withTopic({}, { ...PROD, replicationFactor: 1, minInsyncReplicas: 1 });
    const findings = lint(topology).filter((f) => f.ruleId.startsWith('TF-REPL-'));
    expect(findings.map((f) => [f.ruleId, f.subject.kind, f.field])).toEqual([
      ['TF-REPL-001', 'environment', 'replicationFactor'],
      ['TF-REPL-002', 'environment', 'minInsyncReplicas'],
    ]);
  });

  it("fires on the factor a topic declares when it makes the environment's min.insync.replicas equal to it", () => {
    const topology = withTopic({ replication: { factor: 2 } }, PROD);
    expectViolation(productionMinInsyncReplicas.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'replication.factor',
      message: `min.insync.replicas 2 (the environment's) with replication factor 2 in production`,
    });
  });

  it('does not apply outside production', () => {
    const topology = withTopic({});
    expect(productionMinInsyncReplicas.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-REPL-003 minIsrWithinReplicationFactor: min.insync.replicas never exceeds the replication factor', () => {
  it('fires (error) on min.insync.replicas 2 with a replication factor of 1, in any environment', () => {
    const { findings } = lintOrders({ topic: { replication: { minInsyncReplicas: 2 } } });
    expectFinding(findings, {
      ruleId: 'TF-REPL-003',
      level: 'error',
      subject: TOPIC,
      field: 'replication.minInsyncReplicas',
      message: 'min.insync.replicas 2 is above the replication factor 1',
    });
  });

  it('fires in production too, as the only finding of that cause (not TF-REPL-002 as well), and not on the companions', () => {
    const findings = lint(withTopic({ replication: { minInsyncReplicas: 4 } }, PROD)).filter((f) => f.ruleId.startsWith('TF-REPL-'));
    expect(findings.map((f) => [f.ruleId, f.subject.name, f.field])).toEqual([['TF-REPL-003', TOPIC, 'replication.minInsyncReplicas']]);
  });

  it('fires on the environment when its own defaults break it', () => {
    const topology = withTopic({}, { ...DEV, replicationFactor: 1, minInsyncReplicas: 2 });
    expect(findingsOf(lint(topology), 'TF-REPL-003').map((f) => [f.subject.kind, f.field, f.message])).toEqual([
      ['environment', 'minInsyncReplicas', 'min.insync.replicas 2 is above the replication factor 1'],
    ]);
  });

  it('does not fire when min.insync.replicas equals the replication factor (dev: 1 of 1)', () => {
    const topology = withTopic({ replication: { minInsyncReplicas: 1 } });
    expect(minIsrWithinReplicationFactor.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual({ status: 'compliant' });
    expectNoFinding(lintOrders().findings, 'TF-REPL-003');
  });
});

describe('TF-CONFIG-001 uncleanLeaderElectionOff: unclean leader election stays disabled', () => {
  const unclean = { config: { 'unclean.leader.election.enable': 'true' } };

  it('fires as an error in production', () => {
    const { findings } = lintOrders({ topic: unclean }, PROD);
    expectFinding(findings, {
      ruleId: 'TF-CONFIG-001',
      level: 'error',
      subject: TOPIC,
      field: 'config["unclean.leader.election.enable"]',
      message: `topic "${TOPIC}" enables unclean leader election`,
    });
  });

  it('fires as a warning outside production', () => {
    const topology = withTopic(unclean);
    expectViolation(uncleanLeaderElectionOff.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'config["unclean.leader.election.enable"]',
      message: 'enables unclean leader election',
      level: 'warning',
    });
    expectFinding(lint(topology), {
      ruleId: 'TF-CONFIG-001',
      level: 'warning',
      subject: TOPIC,
      field: 'config["unclean.leader.election.enable"]',
      message: 'unclean',
    });
  });

  it("does not fire on an explicit 'false' or when the key is absent (Kafka's default)", () => {
    expectNoFinding(lintOrders({ topic: { config: { 'unclean.leader.election.enable': 'false' } } }, PROD).findings, 'TF-CONFIG-001');
    expectNoFinding(lintOrders({}, PROD).findings, 'TF-CONFIG-001');
  });
});

describe('TF-CONFIG-002 segmentRollShorterThanRetention: segments roll well before retention expires', () => {
  it('fires (warning) on segment.ms of 30 days with a derived retention of 8 days 5 minutes', () => {
    const { findings } = lintOrders({ topic: { config: { 'segment.ms': String(30 * DAY) } } });
    expectFinding(findings, {
      ruleId: 'TF-CONFIG-002',
      level: 'warning',
      subject: TOPIC,
      field: 'config["segment.ms"]',
      message: 'segment.ms 30d is not below retention 8d 5m',
    });
  });

  it('fires when segment.ms equals retention.ms', () => {
    const topology = withTopic({ config: { 'segment.ms': String(10 * DAY), 'retention.ms': String(10 * DAY) } });
    expectViolation(segmentRollShorterThanRetention.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'config["segment.ms"]',
      message: 'segment.ms 10d is not below retention 10d',
    });
  });

  it('does not fire on segment.ms of 1 hour', () => {
    expectNoFinding(lintOrders({ topic: { config: { 'segment.ms': '3600000' } } }).findings, 'TF-CONFIG-002');
  });

  it('does not apply without segment.ms, with unlimited retention, or on a compacted topic (no retention.ms)', () => {
    const na = { status: 'not-applicable' };
    const plain = withTopic({});
    expect(segmentRollShorterThanRetention.check(eventTopicNamed(plain, TOPIC), context(plain))).toEqual(na);
    const unlimited = withTopic({ config: { 'segment.ms': String(30 * DAY), 'retention.ms': '-1' } });
    expect(segmentRollShorterThanRetention.check(eventTopicNamed(unlimited, TOPIC), context(unlimited))).toEqual(na);
    const { topology } = lintOrders({ topic: { replay: Replay.full({ longestReindex: '12h' }), config: { 'segment.ms': String(30 * DAY) } } });
    expect(segmentRollShorterThanRetention.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual(na);
  });
});

describe('TF-REPL-001..003 at their boundaries, on the environment and on what a topic declares', () => {
  const prodEnv = (changes: Partial<typeof PROD> = {}): ReturnType<typeof withTopic>['environment'] => withTopic({}, { ...PROD, ...changes }).environment;
  const compliant = { status: 'compliant' } as const;
  const na = { status: 'not-applicable' };

  it(`TF-REPL-001: a production topic declaring exactly ${PRODUCTION_MIN_REPLICATION_FACTOR} replicas is compliant, and so is a production environment of 3`, () => {
    const topology = withTopic({ replication: { factor: 3 } }, PROD);
    expect(productionReplicationFactor.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual(compliant);
    expect(productionReplicationFactor.environmentCheck?.(prodEnv(), context(topology))).toEqual(compliant);
  });

  it('TF-REPL-001 and TF-REPL-002 do not apply to a development environment, whatever its replication', () => {
    const topology = withTopic({});
    expect(productionReplicationFactor.environmentCheck?.(topology.environment, context(topology))).toEqual(na);
    expect(productionMinInsyncReplicas.environmentCheck?.(topology.environment, context(topology))).toEqual(na);
  });

  it('TF-REPL-002: a production environment of min.insync.replicas 1 with 3 replicas (too few, not equal) fires on the environment', () => {
    const topology = withTopic({}, { ...PROD, minInsyncReplicas: 1 });
    expectViolation(productionMinInsyncReplicas.environmentCheck?.(topology.environment, context(topology)) ?? compliant, {
      field: 'minInsyncReplicas',
      message: 'min.insync.replicas 1 with replication factor 3 in production environment "prod"',
    });
  });

  it("TF-REPL-002: a topic declaring an empty replication block is not blamed for the environment's 3 of 3", () => {
    const topology = withTopic({ replication: {} }, { ...PROD, minInsyncReplicas: 3 });
    expect(productionMinInsyncReplicas.check(eventTopicNamed(topology, TOPIC), context(topology))).toEqual(compliant);
    expectViolation(productionMinInsyncReplicas.environmentCheck?.(topology.environment, context(topology)) ?? compliant, {
      field: 'minInsyncReplicas',
      message: 'min.insync.replicas 3 with replication factor 3 in production environment "prod"',
    });
  });

  it("TF-REPL-003: a topic's declared factor below the environment's min.insync.replicas is blamed on the factor", () => {
    const topology = withTopic({ replication: { factor: 1 } }, { ...DEV, replicationFactor: 3, minInsyncReplicas: 2 });
    expectViolation(minIsrWithinReplicationFactor.check(eventTopicNamed(topology, TOPIC), context(topology)), {
      field: 'replication.factor',
      message: "min.insync.replicas 2 (the environment's) is above the replication factor 1",
    });
  });
});
