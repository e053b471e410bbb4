/** The mapping from a cluster snapshot to declarations: topics, groups, producers, legacy ACLs, and what is left. */
import { describe, expect, it } from 'vitest';
import { planEventTopic } from '../../importer/plan/event-topic';
import { planImport } from '../../importer/plan/plan';
import type { ImportPlan } from '../../importer/plan/types';
import { environmentSchema, type EnvironmentInput } from '../../model/schema';
import { DEV, PROD } from '../helpers/synth';
import { acl, consumerAcls, dlqConfig, retryConfig, snapshot, topic } from './helpers/snapshot-builders';

const DAY = 86_400_000;
const dev = environmentSchema.parse(DEV);

function plan(
  topics: Parameters<typeof snapshot>[0],
  acls: Parameters<typeof snapshot>[1] = [],
  environment: EnvironmentInput = DEV,
  options: { topicNameOverride?: boolean } = {},
): ImportPlan {
  const result = planImport(snapshot(topics, acls), { environment, ...options });
  if ('error' in result) throw new Error(result.error);
  return result;
}

const allGroups = (p: ImportPlan) => p.domains.flatMap((d) => d.groups);
const allLegacy = (p: ImportPlan) => p.domains.flatMap((d) => d.legacyAcls);
const unmanaged = (p: ImportPlan) => Object.fromEntries(p.unmanagedTopics.map((t) => [t.name, t.reason]));

describe('planEventTopic: a declaration that synthesizes to the same topic', () => {
  const planned = (overrides: Record<string, string>, env = dev) => {
    const r = planEventTopic(topic('orders.order-created', 6, 1, overrides), 'orders', 'order-created', env);
    if ('reason' in r) throw new Error(r.reason);
    return r.topic;
  };

  it("chooses the replay window whose derived retention is the cluster's (window + 1 day margin)", () => {
    expect(planned({ 'cleanup.policy': 'delete', 'retention.ms': String(8 * DAY) })).toMatchObject({ replay: { kind: 'window', window: '7d' }, config: {} });
    expect(planned({ 'retention.ms': '123456890' }).replay).toEqual({ kind: 'window', window: '37056890ms' });
  });

  it('keeps a retention shorter than the margin explicitly, and unlimited retention as -1', () => {
    expect(planned({ 'retention.ms': '3600000' })).toMatchObject({ replay: { kind: 'window', window: '1h' }, config: { 'retention.ms': '3600000' } });
    expect(planned({ 'retention.ms': '-1' })).toMatchObject({ replay: { kind: 'window', window: '7d' }, config: { 'retention.ms': '-1' } });
  });

  it("solves the window through the environment's replay-window scaling", () => {
    const scaled = environmentSchema.parse({ ...DEV, scaling: { replayWindow: 0.1 } });
    expect(planned({ 'retention.ms': String(DAY + 7 * DAY) }, scaled).replay).toEqual({ kind: 'window', window: '70d' });
  });

  it("maps a compacted topic to a full replay whose tombstone retention is the cluster's", () => {
    expect(planned({ 'cleanup.policy': 'compact', 'delete.retention.ms': String(2 * DAY) })).toMatchObject({
      replay: { kind: 'full', longestReindex: '1d' },
      config: {},
    });
    const noOverride = planned({ 'cleanup.policy': 'compact' });
    expect(noOverride).toMatchObject({ replay: { kind: 'full', longestReindex: '12h' }, config: { 'delete.retention.ms': '86400000' } });
    expect(noOverride.notes.join('\n')).toMatch(
      /^inherited, no topic override: delete\.retention\.ms=86400000, min\.insync\.replicas=1 \(Kafka's defaults: no input lists another value\)/,
    );
  });

  it('keeps retention.ms on a compacted topic as it is (it has no effect there), so adopting changes nothing, and says so', () => {
    const t = planned({ 'cleanup.policy': 'compact', 'delete.retention.ms': String(2 * DAY), 'retention.ms': '86000' });
    expect(t.config).toEqual({ 'retention.ms': '86000' });
    expect(t.notes.join('\n')).toMatch(/retention\.ms=86000 on the cluster has no effect on a compacted topic; kept/);
  });

  it('maps compact,delete to a full replay whose keys expire: retention.ms = expireAfter + 1 day margin', () => {
    expect(planned({ 'cleanup.policy': 'compact,delete', 'retention.ms': String(3 * DAY), 'delete.retention.ms': String(2 * DAY) })).toMatchObject({
      replay: { kind: 'full', longestReindex: '1d', expireAfter: '2d' },
      config: {},
    });
    expect(planned({ 'cleanup.policy': 'delete,compact', 'retention.ms': '3600000', 'delete.retention.ms': String(2 * DAY) })).toMatchObject({
      replay: { kind: 'full', expireAfter: '1h' },
      config: { 'retention.ms': '3600000' },
    });
  });

  it('maps derived keys to their fields and keeps every other override exactly', () => {
    expect(
      planned({
        'min.insync.replicas': '2',
        'retention.bytes': '1073741824',
        'max.message.bytes': '2097152',
        'segment.ms': '600000',
        'retention.ms': String(8 * DAY),
      }),
    ).toMatchObject({
      minInsyncReplicas: 2,
      retentionBytes: 1_073_741_824,
      config: { 'max.message.bytes': '2097152', 'segment.ms': '600000' },
    });
    const rf = planEventTopic(topic('orders.order-created', 6, 4, {}), 'orders', 'order-created', dev);
    expect('topic' in rf && rf.topic.replicationFactor).toBe(4);
  });

  it.each([
    [{ 'cleanup.policy': 'compact,delete', 'retention.ms': 'forever' }, /retention\.ms=forever on a compact,delete topic is not a positive whole number/],
    [{ 'retention.msx': '1' }, /unknown topic config key "retention\.msx" \(did you mean "retention\.ms"\?\)/],
    [{ 'confluent.placement.constraints': '{}' }, /vendor/],
  ])('refuses %j, saying why', (overrides, reason) => {
    const r = planEventTopic(topic('orders.order-created', 6, 1, overrides), 'orders', 'order-created', dev);
    expect('reason' in r ? r.reason : '').toMatch(reason);
  });

  it('accepts a vendor key the environment allows', () => {
    const env = environmentSchema.parse({ ...DEV, vendorConfigKeys: ['confluent.placement.constraints'] });
    const r = planEventTopic(topic('orders.order-created', 6, 1, { 'confluent.placement.constraints': '{}' }), 'orders', 'order-created', env);
    expect('topic' in r && r.topic.config).toEqual({ 'confluent.placement.constraints': '{}' });
  });
});

describe('planImport: ACLs to consumer groups, producers and legacy ACLs', () => {
  const created = topic('orders.order-created', 6, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': String(8 * DAY) });
  const dlq = topic('orders.order-created.payment.dlq', 3, 1, dlqConfig());
  const retry1 = topic('orders.order-created.payment.retry-1', 6, 1, retryConfig(1000));
  const retry2 = topic('orders.order-created.payment.retry-2', 6, 1, retryConfig(2000));

  it('maps Group READ + Topic READ + companions to a consumer group with its DLQ and retry tiers', () => {
    const p = plan(
      [created, dlq, retry1, retry2],
      [
        ...consumerAcls('User:payment-service', 'orders.payment', created.name, [dlq.name, retry1.name, retry2.name]),
        acl('User:order-service', 'Write', 'Topic', created.name),
      ],
    );
    expect(allGroups(p)).toEqual([
      expect.objectContaining({
        domain: 'orders',
        name: 'payment',
        service: 'payment-service',
        principal: 'User:payment-service',
        deadLetter: true,
        retries: ['1s', '2s'],
      }),
    ]);
    expect(p.domains[0]?.producers).toEqual([expect.objectContaining({ principal: 'User:order-service', service: 'order-service', topicName: created.name })]);
    expect(allLegacy(p)).toEqual([]);
    expect(p.adopt.topics).toEqual([created.name, dlq.name, retry1.name, retry2.name]);
    expect(p.adopt.acls).toHaveLength(9);
    expect(p.firstPlan).toMatchObject({ updates: [], creates: [] });
  });

  it('gives a group id outside the convention its own groupId, and names the group after its DLQ', () => {
    const p = plan([created, dlq], consumerAcls('User:payment-service', 'payment-consumer-v2', created.name, [dlq.name]));
    expect(allGroups(p)).toEqual([expect.objectContaining({ domain: 'orders', name: 'payment', groupId: 'payment-consumer-v2', deadLetter: true })]);
  });

  it('declares a group without DLQ when the principal may not write it, and leaves the DLQ and its READ ACL alone', () => {
    const acls = [...consumerAcls('User:payment-service', 'orders.payment', created.name), acl('User:payment-service', 'Read', 'Topic', dlq.name)];
    const p = plan([created, dlq], acls);
    expect(allGroups(p)).toEqual([
      expect.objectContaining({
        name: 'payment',
        deadLetter: false,
        suppressions: expect.arrayContaining([expect.objectContaining({ ruleId: 'TF-GROUP-003' })]) as unknown,
      }),
    ]);
    expect(unmanaged(p)[dlq.name]).toMatch(/no consumer group of that name could be mapped/);
    expect(allLegacy(p).map((l) => `${l.binding.operation} ${l.binding.resourceName}`)).toEqual([`Read ${dlq.name}`]);
  });

  it('declares the shape of a DLQ and of retry tiers that differ from the derived ones, rather than replace them', () => {
    const wide = topic(dlq.name, 6, 1, { ...dlqConfig(), 'retention.ms': String(14 * DAY), 'max.message.bytes': '2097152' });
    const narrowRetry = topic(retry1.name, 2, 1, retryConfig(1000));
    const p = plan([created, wide, narrowRetry], consumerAcls('User:payment-service', 'orders.payment', created.name, [dlq.name, retry1.name]));
    expect(allGroups(p)[0]).toMatchObject({
      deadLetter: true,
      deadLetterShape: { partitions: 6, retention: '14d', config: { 'max.message.bytes': '2097152' } },
      retries: ['1s'],
      retryPartitions: 2,
    });
    expect(p.adopt.topics).toEqual([created.name, dlq.name, retry1.name]);
    expect(p.firstPlan).toMatchObject({ updates: [], creates: [] });
  });

  it("leaves a DLQ on the cluster when its group's DLQs differ among themselves (a shape is per group)", () => {
    const paid = topic('orders.order-paid', 6, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': String(8 * DAY) });
    const paidDlq = topic('orders.order-paid.payment.dlq', 6, 1, dlqConfig());
    const p = plan(
      [created, dlq, paid, paidDlq],
      [
        ...consumerAcls('User:payment-service', 'orders.payment', created.name, [dlq.name]),
        ...consumerAcls('User:payment-service', 'orders.payment', paid.name, [paidDlq.name]),
      ],
    );
    expect(unmanaged(p)[paidDlq.name]).toMatch(/partitions 6 → 3 would replace the topic/);
    expect(p.firstPlan.creates).toEqual([]);
  });

  it('subscribes a group of another domain with a stated reason, and finds its cross-domain DLQ', () => {
    const crossDlq = topic('orders.order-created.search.order-indexer.dlq', 3, 1, dlqConfig());
    const p = plan([created, crossDlq], consumerAcls('User:search-indexer', 'search.order-indexer', created.name, [crossDlq.name]));
    const [group] = allGroups(p);
    expect(group).toMatchObject({ domain: 'search', name: 'order-indexer', deadLetter: true });
    expect(group?.subscriptions[0]?.reason).toMatch(/^imported: User:search-indexer reads it on the cluster/);
  });

  it("gives a group id to the first principal that holds it; the other principal's ACLs are legacy", () => {
    const p = plan(
      [created],
      [...consumerAcls('User:a-service', 'orders.payment', created.name), ...consumerAcls('User:b-service', 'orders.payment', created.name)],
    );
    expect(allGroups(p).map((g) => g.principal)).toEqual(['User:a-service']);
    expect(allLegacy(p).map((l) => l.binding.principal)).toEqual(['User:b-service', 'User:b-service']);
  });

  it("puts a single transactional prefix on the principal's producers, and keeps several as legacy ACLs", () => {
    const one = plan(
      [created],
      [
        acl('User:order-service', 'Write', 'Topic', created.name),
        acl('User:order-service', 'Write', 'TransactionalID', 'orders-tx-', { patternType: 'Prefixed' }),
      ],
    );
    expect(one.domains[0]?.producers[0]?.transactionalIdPrefix).toBe('orders-tx-');
    const two = plan(
      [created],
      [
        acl('User:order-service', 'Write', 'Topic', created.name),
        acl('User:order-service', 'Write', 'TransactionalID', 'a-', { patternType: 'Prefixed' }),
        acl('User:order-service', 'Write', 'TransactionalID', 'b-', { patternType: 'Prefixed' }),
      ],
    );
    expect(two.domains[0]?.producers[0]?.transactionalIdPrefix).toBeUndefined();
    expect(allLegacy(two).map((l) => l.binding.resourceName)).toEqual(['a-', 'b-']);
  });

  it('keeps everything no declaration derives as a legacy ACL with the reason, in the domain of its resource', () => {
    const acls = [
      acl('User:*', 'Read', 'Topic', created.name),
      acl('User:intern', 'Write', 'Topic', created.name, { permission: 'Deny' }),
      acl('User:ops', 'All', 'Group', 'orders.', { patternType: 'Prefixed' }),
      acl('User:bastion', 'Read', 'Topic', created.name, { host: '10.0.0.7' }),
      acl('User:reporting', 'Read', 'Topic', created.name),
      acl('User:order-service', 'Describe', 'Topic', created.name),
      acl('User:auditor', 'Read', 'Topic', '*'),
    ];
    const reasons = Object.fromEntries(
      allLegacy(plan([created], acls)).map((l) => [
        `${l.domain} ${l.binding.principal}`,
        l.reason.replace(/^imported from the cluster by topicform import: /, '').replace(/; review it.*$/, ''),
      ]),
    );
    expect(reasons).toEqual({
      'orders User:*': 'a wildcard principal',
      'orders User:intern': 'a DENY rule',
      'orders User:ops': 'operation All, every group starting with "orders."',
      'orders User:bastion': 'only from host 10.0.0.7',
      'orders User:reporting': 'Topic READ without a Group READ of the same principal, so no consumer group can be declared',
      'orders User:order-service': 'operation Describe, which no producer or consumer needs (Describe is implied by Read and Write)',
      'unassigned User:auditor': 'a wildcard resource',
    });
  });

  it("derives DESCRIBE when the environment emits it explicitly, so the cluster's Describe ACLs are not legacy", () => {
    const explicit: EnvironmentInput = { ...DEV, acl: { explicitDescribe: true, legacyIdempotentWrite: false } };
    const withDescribe = plan(
      [created],
      [acl('User:order-service', 'Write', 'Topic', created.name), acl('User:order-service', 'Describe', 'Topic', created.name)],
      explicit,
    );
    expect(withDescribe.domains[0]?.producers).toHaveLength(1);
    expect(allLegacy(withDescribe)).toEqual([]);
    // Without the Describe ACL the producer would create one: it is not mapped, and its WRITE stays as it is.
    const without = plan([created], [acl('User:order-service', 'Write', 'Topic', created.name)], explicit);
    expect(without.domains[0]?.producers).toEqual([]);
    expect(allLegacy(without).map((l) => l.binding.operation)).toEqual(['Write']);
    expect(without.firstPlan.creates).toEqual([]);
  });

  it('keeps an ACL whose principal, host or resource name has spaces (an mTLS distinguished name)', () => {
    const p = plan([created], [acl('User:CN=Ops Team,O=Acme', 'Describe', 'Cluster', 'kafka-cluster'), acl('User:CN=ops svc', 'Read', 'Group', 'ops console')]);
    expect(allLegacy(p).map((l) => l.binding.principal)).toEqual(['User:CN=Ops Team,O=Acme', 'User:CN=ops svc']);
    expect(p.adopt.acls).toContain('User:CN=Ops Team,O=Acme|*|Describe|Allow|Cluster|kafka-cluster|Literal');
  });

  it('maps a consumer group whose principal is a distinguished name with spaces', () => {
    const p = plan([created], consumerAcls('User:CN=payment svc,OU=payments', 'orders.payment', created.name));
    expect(allGroups(p)).toEqual([expect.objectContaining({ principal: 'User:CN=payment svc,OU=payments', service: 'cn-payment-svc-ou-payments' })]);
  });
});

describe('planImport: what is adopted, and what stays on the cluster', () => {
  it('leaves internal topics, topics outside the prefix and names the convention cannot express, saying why', () => {
    const staging: EnvironmentInput = { ...DEV, topicPrefix: 'staging.' };
    const p = plan(
      [
        topic('__consumer_offsets', 50, 3),
        topic('prod.orders.order-created', 3, 1),
        topic('staging.orders.order-created', 3, 1),
        topic('staging.Orders_v2.Created', 3, 1),
      ],
      [],
      staging,
      { topicNameOverride: false },
    );
    expect(p.adopt.topics).toEqual(['staging.orders.order-created']);
    const { 'staging.Orders_v2.Created': undeclarable, ...others } = unmanaged(p);
    expect(others).toEqual({
      __consumer_offsets: 'an internal topic (its name starts with "_"): Kafka or a platform component owns it',
      'prod.orders.order-created': 'outside the environment\'s topic prefix "staging."',
    });
    expect(undeclarable).toMatch(/does not match the domain pattern, and declaring it under its own name \(topicName\) was turned off/);
  });

  it('declares topics the convention cannot name under their own name (topicName, without the environment prefix), in "unassigned"', () => {
    const staging: EnvironmentInput = { ...DEV, topicPrefix: 'staging.' };
    const p = plan([topic('staging.syslog', 1, 1), topic('staging.inventory.stock-adjusted.v2', 3, 1)], [], staging);
    expect(p.adopt.topics).toEqual(['staging.inventory.stock-adjusted.v2', 'staging.syslog']);
    const unassigned = p.domains.find((d) => d.name === 'unassigned');
    expect(unassigned?.topics.map((t) => [t.event, t.topicName])).toEqual([
      ['inventory-stock-adjusted-v2', 'inventory.stock-adjusted.v2'],
      ['syslog', 'syslog'],
    ]);
    expect(unassigned?.topics[1]?.suppressions.map((x) => x.ruleId)).toContain('TF-DOMAIN-002');
  });

  it('leaves every derived key the topic has no override for to the broker (adopt.brokerDefaults): the first plan changes nothing', () => {
    const bare = topic('orders.order-shipped', 3, 3, { 'retention.ms': String(8 * DAY) }, { brokerValues: { 'min.insync.replicas': '2' } });
    const p = plan([bare], [], PROD);
    expect(p.adopt.brokerDefaults).toEqual({ 'orders.order-shipped': { 'cleanup.policy': 'delete', 'min.insync.replicas': '2' } });
    expect(p.firstPlan).toMatchObject({ updates: [], creates: [], uncertain: [] });
  });

  it("declares the broker's min.insync.replicas, never the environment's: RF 1 without overrides in production (issue reproduction)", () => {
    // `Topic: orders.t1 … ReplicationFactor: 1 Configs: ` imported with --env prod (min.insync.replicas 2).
    const p = plan([topic('orders.t1', 1, 1, {}, { configSource: 'kafka-topics' })], [], PROD);
    const [declared] = p.domains[0]?.topics ?? [];
    expect(declared).toMatchObject({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(p.firstPlan).toMatchObject({ updates: [], creates: [] });
    expect(p.adopt.brokerDefaults['orders.t1']).toEqual({ 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': '604800000' });
    // Marked with what the rules want and why, not suppressed "as found" with a value the cluster does not have.
    const reasons = Object.fromEntries((declared?.suppressions ?? []).map((x) => [x.ruleId, x.reason]));
    expect(Object.keys(reasons)).toEqual(['TF-KEY-001', 'TF-REPL-001', 'TF-REPL-002']);
    expect(reasons['TF-REPL-001']).toMatch(
      /^declared as found on the cluster: replication factor 1 in production environment "prod"\. The rules want: .*3 or more — With fewer replicas/,
    );
    expect(reasons['TF-REPL-002']).toMatch(
      /^declared as found on the cluster: min\.insync\.replicas 1 with replication factor 1 in production environment "prod"\. The rules want: /,
    );
    expect(p.findings.filter((f) => f.code === 'adopted-against-rules').map((f) => f.message.slice(0, 12))).toEqual(['[TF-REPL-001', '[TF-REPL-002']);
  });

  it('declares min.insync.replicas 1 on an RF 3 production topic that has no override, and marks it against TF-REPL-002', () => {
    const p = plan([topic('orders.order-created', 6, 3, { 'retention.ms': String(8 * DAY) })], [], PROD);
    expect(p.domains[0]?.topics[0]).toMatchObject({ minInsyncReplicas: 1 });
    expect(p.domains[0]?.topics[0]?.replicationFactor).toBeUndefined();
    expect(p.findings.find((f) => f.code === 'adopted-against-rules')?.message).toMatch(
      /^\[TF-REPL-002\] declared as found on the cluster: min\.insync\.replicas 1 with replication factor 3/,
    );
    expect(p.firstPlan.updates).toEqual([]);
  });

  it('does not adopt a topic whose override the declarations would really change', () => {
    const p = plan([topic('orders.order-created', 3, 1, { 'retention.ms': String(8 * DAY), 'retention.bytes': '-1' })]);
    expect(unmanaged(p)['orders.order-created']).toBe('adopting it as declared would change it: retention.bytes: -1 → (removed)');
    const known = plan([
      topic('orders.order-created', 3, 1, { 'retention.ms': String(8 * DAY), 'retention.bytes': '-1' }, { revertTo: { 'retention.bytes': '-1' } }),
    ]);
    expect(known.adopt.topics).toEqual(['orders.order-created']);
  });

  it('suppresses the lint errors of imported declarations, each with a reason that is true', () => {
    const p = plan([topic('orders.order-created', 3, 1, { 'cleanup.policy': 'compact', 'delete.retention.ms': String(2 * DAY) })], [], PROD);
    const suppressions = p.domains[0]?.topics[0]?.suppressions ?? [];
    expect(suppressions.map((s) => s.ruleId)).toEqual(['TF-KEY-001', 'TF-KEY-005', 'TF-REPL-001', 'TF-REPL-002']);
    expect(suppressions.filter((s) => s.ruleId.startsWith('TF-KEY')).every((s) => s.reason.startsWith('imported: a cluster does not record'))).toBe(true);
    expect(suppressions.filter((s) => s.ruleId.startsWith('TF-REPL')).every((s) => s.reason.startsWith('declared as found on the cluster: '))).toBe(true);
    expect(suppressions.some((s) => s.reason.includes('imported as found'))).toBe(false);
    expect(p.topology).not.toBeNull();
  });

  it("says a kcat-only topic's values are assumed, and warns about adopted topics only (internal topics are just unmanaged)", () => {
    const none = { configSource: 'none' as const };
    const p = plan([topic('orders.order-created', 3, 1, {}, none), topic('__consumer_offsets', 50, 1, {}, none)], [], PROD);
    expect(p.findings.filter((f) => f.code === 'configs-unknown').map((f) => f.subject)).toEqual(['orders.order-created']);
    expect(p.firstPlan.uncertain).toEqual([expect.objectContaining({ topic: 'orders.order-created', keys: [] })]);
    expect(p.domains[0]?.topics[0]?.suppressions.find((s) => s.ruleId === 'TF-REPL-001')?.reason).toMatch(
      /^declared as the inputs show it \(no input listed the topic's configs, so Kafka's defaults are assumed\)/,
    );
    expect(p.unmanagedTopics.map((t) => [t.name, t.reason])).toEqual([
      ['__consumer_offsets', 'an internal topic (its name starts with "_"): Kafka or a platform component owns it'],
    ]);
  });

  it('is deterministic: the order of the input does not matter', () => {
    const topics = [
      topic('orders.order-created', 6, 1, { 'retention.ms': String(8 * DAY) }),
      topic('orders.order-created.payment.dlq', 3, 1, dlqConfig()),
      topic('billing.invoice', 3, 1),
    ];
    const acls = [
      ...consumerAcls('User:payment-service', 'orders.payment', 'orders.order-created', ['orders.order-created.payment.dlq']),
      acl('User:x', 'Write', 'Topic', 'billing.invoice'),
      acl('User:*', 'Read', 'Topic', '*'),
    ];
    const a = plan(topics, acls);
    const b = plan([...topics].reverse(), [...acls].reverse());
    expect(JSON.stringify(b.domains)).toBe(JSON.stringify(a.domains));
    expect(b.adopt).toEqual(a.adopt);
  });

  it('refuses an invalid environment, domain pattern or owner', () => {
    expect(planImport(snapshot([]), { environment: { name: 'x' } })).toMatchObject({
      error: expect.stringMatching(/^the environment is not valid/) as unknown,
    });
    expect(planImport(snapshot([]), { environment: DEV, domainPattern: '(' })).toMatchObject({
      error: expect.stringMatching(/^invalid regular expression/) as unknown,
    });
    expect(planImport(snapshot([]), { environment: DEV, owner: 'platform' })).toEqual({
      error: 'the owner "platform" is not a team handle such as "@acme/orders-team"',
    });
  });
});

describe('planImport: legacy ACLs land in the domain of their resource', () => {
  it("reads the domain of a prefixed pattern after the environment's topic prefix", () => {
    const staging: EnvironmentInput = { ...DEV, topicPrefix: 'staging.' };
    const p = plan(
      [topic('staging.orders.order-created', 3, 1, { 'retention.ms': String(8 * DAY) })],
      [acl('User:analytics', 'Read', 'Topic', 'staging.orders.', { patternType: 'Prefixed' })],
      staging,
    );
    expect(allLegacy(p).map((l) => l.domain)).toEqual(['orders']);
  });
});
