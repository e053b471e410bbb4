/**
 * Declarations that an existing cluster needs and the derived defaults cannot give: an explicit topic name, a
 * compacted topic whose keys also expire (`compact,delete`), dead-letter and retry topics of a hand-made shape, and
 * principals, hosts and resource names with spaces (mTLS distinguished names).
 */
import { describe, expect, it } from 'vitest';
import { Replay } from '../../model/declare';
import { formatIssue } from '../../model/issues';
import { resolve, type Declarations, type ResolveResult } from '../../model/resolve';
import type { ConsumerGroupInput, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput } from '../../model/schema';
import type { ResolvedCompanionTopic, ResolvedEventTopic, Topology } from '../../model/topology';

const DAY = 86_400_000;
const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };

const DOMAINS = [
  { name: 'orders', owner: '@acme/orders-team', description: 'Order lifecycle', source: { path: 'dev/orders' } },
  { name: 'unassigned', owner: '@acme/platform', description: 'imported, not yet assigned', source: { path: 'dev/unassigned' } },
];

const CREATED: EventTopicInput = {
  domain: 'orders',
  name: 'order-created',
  eventTypes: ['OrderCreated'],
  key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent' },
  partitions: 12,
  replay: { kind: 'window', window: '7d' },
  source: { path: 'dev/orders/order-created' },
};

const PAYMENT: ConsumerGroupInput = {
  domain: 'orders',
  name: 'payment',
  service: 'payment-service',
  principal: 'User:payment-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }],
  idempotency: 'payment id unique per order; duplicates are ignored',
  retries: ['30s'],
  source: { path: 'dev/orders/payment' },
};

function declarations(changes: Partial<Declarations> = {}): Declarations {
  return { domains: DOMAINS, topics: [CREATED], consumerGroups: [PAYMENT], producers: [], ...changes };
}

function resolved(d: Declarations, env: EnvironmentInput = DEV): Topology {
  const result = resolve(d, env);
  if (result.topology === null) throw new Error(result.issues.map((i) => `${i.source.path} › ${formatIssue(i)}`).join('\n'));
  return result.topology;
}

const topic = (t: Topology, name: string) => {
  const found = t.topics.find((x) => x.name === name);
  if (found === undefined) throw new Error(`no ${name} among ${t.topics.map((x) => x.name).join(', ')}`);
  return found;
};

const issuesAt = (r: ResolveResult, path: string) => r.issues.filter((i) => i.path === path).map((i) => `${i.code}: ${i.message}`);

describe('topicName: an explicit Kafka topic name', () => {
  const syslog: EventTopicInput = {
    domain: 'unassigned',
    name: 'syslog',
    topicName: 'syslog',
    eventTypes: ['LogLine'],
    ordering: 'none',
    partitions: 1,
    replay: { kind: 'window', window: '7d' },
    source: { path: 'dev/unassigned/syslog' },
  };
  const producer: ProducerInput = {
    topic: { domain: 'unassigned', event: 'syslog' },
    service: 'rsyslog',
    principal: 'User:rsyslog',
    source: { path: 'dev/unassigned/syslog/rsyslog' },
  };
  const reader: ConsumerGroupInput = {
    domain: 'unassigned',
    name: 'archiver',
    service: 'archiver',
    principal: 'User:archiver',
    subscriptions: [{ topic: { domain: 'unassigned', event: 'syslog' } }],
    idempotency: 'log lines are archived by offset; duplicates overwrite',
    source: { path: 'dev/unassigned/archiver' },
  };

  it('wins over the derived <domain>.<event>; companions, producers and ACLs follow it', () => {
    const t = resolved(declarations({ topics: [CREATED, syslog], producers: [producer], consumerGroups: [PAYMENT, reader] }));
    expect(topic(t, 'syslog')).toMatchObject({ kind: 'event', ref: { domain: 'unassigned', event: 'syslog' } });
    expect(topic(t, 'syslog.archiver.dlq').kind).toBe('dead-letter');
    expect(t.producers.find((p) => p.service === 'rsyslog')?.topicName).toBe('syslog');
    expect(t.acls.filter((a) => a.principal === 'User:rsyslog').map((a) => `${a.operation} ${a.resourceName}`)).toEqual(['Write syslog']);
  });

  it("is prefixed with the environment's topic prefix, like a derived name", () => {
    const t = resolved(declarations({ topics: [CREATED, syslog] }), { ...DEV, topicPrefix: 'staging.' });
    expect(t.topics.map((x) => x.name)).toContain('staging.syslog');
  });

  it("is checked against Kafka's rules, with the field", () => {
    for (const bad of ['with space', '.', '..', 'x'.repeat(250), '']) {
      const r = resolve(declarations({ topics: [CREATED, { ...syslog, topicName: bad }] }), DEV);
      expect(r.topology).toBeNull();
      expect(issuesAt(r, 'topicName').length, bad).toBeGreaterThan(0);
    }
  });

  it('collides like any other name: the same name, or one that differs only by "." versus "_"', () => {
    const dup = resolve(declarations({ topics: [CREATED, { ...syslog, topicName: 'orders.order-created' }] }), DEV);
    expect(dup.issues.map((i) => i.code)).toContain('duplicate-topic-name');
    const metric = resolve(declarations({ topics: [CREATED, { ...syslog, topicName: 'orders_order-created' }] }), DEV);
    expect(metric.issues.map((i) => i.code)).toContain('topic-name-collision');
  });
});

describe('Replay.full({ longestReindex, expireAfter }): compact,delete', () => {
  const reservations: EventTopicInput = {
    domain: 'orders',
    name: 'reservations',
    eventTypes: ['ReservationChanged'],
    key: { field: 'reservationId', aggregate: 'reservation', reason: 'the latest state per reservation is what readers need' },
    partitions: 6,
    replay: Replay.full({ longestReindex: '12h', expireAfter: '2d' }),
    source: { path: 'dev/orders/reservations' },
  };

  it('compacts and deletes: retention.ms = expireAfter + the largest tolerated lag + 1 day, tombstones outlive the reindex', () => {
    const lagging: ConsumerGroupInput = {
      ...PAYMENT,
      name: 'holds',
      retries: [],
      maxProcessingLag: '1h',
      subscriptions: [{ topic: { domain: 'orders', event: 'reservations' } }],
      source: { path: 'dev/orders/holds' },
    };
    const t = topic(
      resolved(declarations({ topics: [CREATED, reservations], consumerGroups: [PAYMENT, lagging] })),
      'orders.reservations',
    ) as ResolvedEventTopic;
    expect(t.cleanupPolicy).toBe('compact,delete');
    expect(t.config).toMatchObject({
      'cleanup.policy': 'compact,delete',
      'retention.ms': String(3 * DAY + 3_600_000),
      'delete.retention.ms': String(1.5 * DAY),
    });
    expect(t.retentionMs?.explanation).toMatch(/keys expire after 2d/);
    expect(t.replay).toEqual({ kind: 'full', longestReindex: '12h', expireAfter: '2d' });
  });

  it("accepts an explicit cleanupPolicy 'compact,delete' and rejects 'compact' with expireAfter", () => {
    expect(resolve(declarations({ topics: [CREATED, { ...reservations, cleanupPolicy: 'compact,delete' }] }), DEV).topology).not.toBeNull();
    const r = resolve(declarations({ topics: [CREATED, { ...reservations, cleanupPolicy: 'compact' }] }), DEV);
    expect(issuesAt(r, 'cleanupPolicy')).toEqual([expect.stringMatching(/contradicts replay "full".*"compact,delete"/)]);
  });

  it('keeps an explicit retention.ms, and a plain full replay only warns about one (it has no effect there)', () => {
    const explicit = topic(resolved(declarations({ topics: [CREATED, { ...reservations, config: { 'retention.ms': '259200000' } }] })), 'orders.reservations');
    expect(explicit.config['retention.ms']).toBe('259200000');
    const plain = resolve(
      declarations({ topics: [CREATED, { ...reservations, replay: Replay.full({ longestReindex: '12h' }), config: { 'retention.ms': '86000' } }] }),
      DEV,
    );
    expect(plain.topology).not.toBeNull();
    expect(plain.issues).toContainEqual(expect.objectContaining({ code: 'retention-on-compacted-topic', severity: 'warning', path: 'config["retention.ms"]' }));
    expect(topic(plain.topology as Topology, 'orders.reservations').config['retention.ms']).toBe('86000');
  });

  it('scales expireAfter like a replay window', () => {
    const t = topic(resolved(declarations({ topics: [CREATED, reservations] }), { ...DEV, scaling: { replayWindow: 0.5 } }), 'orders.reservations');
    expect(t.config['retention.ms']).toBe(String(2 * DAY));
  });
});

describe('consumer groups: the shape of their dead-letter and retry topics', () => {
  it('takes declared DLQ partitions, retention and extra configs', () => {
    const t = resolved(
      declarations({ consumerGroups: [{ ...PAYMENT, deadLetter: { partitions: 6, retention: '14d', config: { 'max.message.bytes': '2097152' } } }] }),
    );
    const dlq = topic(t, 'orders.order-created.payment.dlq') as ResolvedCompanionTopic;
    expect(dlq.partitions).toEqual({ value: 6, explanation: 'declared' });
    expect(dlq.config).toEqual({ 'cleanup.policy': 'delete', 'max.message.bytes': '2097152', 'min.insync.replicas': '1', 'retention.ms': String(14 * DAY) });
    expect(t.consumerGroups[0]?.deadLetter).toBe(true);
  });

  it('takes declared retry partitions for every tier', () => {
    const t = resolved(declarations({ consumerGroups: [{ ...PAYMENT, retries: ['30s', '1m'], retryPartitions: 3 }] }));
    expect([1, 2].map((n) => topic(t, `orders.order-created.payment.retry-${n}`).partitions)).toEqual([
      { value: 3, explanation: 'declared' },
      { value: 3, explanation: 'declared' },
    ]);
  });

  it('rejects derived, unknown or invalid keys in a DLQ config, and retry partitions without retries', () => {
    const r = resolve(
      declarations({
        consumerGroups: [{ ...PAYMENT, retries: [], retryPartitions: 3, deadLetter: { config: { 'cleanup.policy': 'compact', 'retention.msx': '1' } } }],
      }),
      DEV,
    );
    expect(r.topology).toBeNull();
    expect(r.issues.map((i) => `${i.path} ${i.code}`)).toEqual(
      expect.arrayContaining([
        'deadLetter.config["cleanup.policy"] derived-config-key',
        'deadLetter.config["retention.msx"] unknown-config-key',
        'retryPartitions retry-partitions-without-retries',
      ]),
    );
  });
});

describe('principals, hosts and resource names with spaces', () => {
  const dn = 'User:CN=orders svc,OU=payments,O=Acme Corp';

  it('declares a consumer group and a producer whose principal is an mTLS distinguished name', () => {
    const producer: ProducerInput = {
      topic: { domain: 'orders', event: 'order-created' },
      service: 'order-service',
      principal: dn,
      source: { path: 'dev/orders/order-created/order-service' },
    };
    const t = resolved(declarations({ consumerGroups: [{ ...PAYMENT, principal: dn }], producers: [producer] }));
    expect(t.acls.filter((a) => a.principal === dn).map((a) => a.id)).toContain(`${dn}|*|Write|Allow|Topic|orders.order-created|Literal`);
  });

  it('keeps a legacy ACL with spaces in its principal, host and resource name', () => {
    const legacy: LegacyAclInput = {
      domain: 'unassigned',
      principal: 'User:CN=Ops Team,O=Acme',
      host: '*',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Group',
      resourceName: 'ops console',
      reason: 'the ops console reads every group',
      source: { path: 'dev/unassigned/legacy' },
    };
    const t = resolved(declarations({ legacyAcls: [legacy] }));
    expect(t.acls.map((a) => a.id)).toContain('User:CN=Ops Team,O=Acme|*|Read|Allow|Group|ops console|Literal');
  });

  it('still refuses "|" (the provider\'s id separator), line breaks and a wildcard declared principal', () => {
    for (const principal of ['User:a|b', 'User:a\nb', 'User:*']) {
      const r = resolve(declarations({ consumerGroups: [{ ...PAYMENT, principal }] }), DEV);
      expect(issuesAt(r, 'principal').length, JSON.stringify(principal)).toBeGreaterThan(0);
    }
    const legacy: LegacyAclInput = {
      domain: 'unassigned',
      principal: 'User:x',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Group',
      resourceName: 'a|b',
      reason: 'the ops console reads every group',
      source: { path: 'dev/unassigned/legacy' },
    };
    expect(issuesAt(resolve(declarations({ legacyAcls: [legacy] }), DEV), 'resourceName').length).toBeGreaterThan(0);
  });
});
