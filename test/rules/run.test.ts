import { z } from 'zod';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolve } from '../../model/resolve';
import type { Topology } from '../../model/topology';
import { compatibilityNotNone } from '../../rules/contract/compatibility-not-none';
import { deadLetterExists } from '../../rules/group/dead-letter-exists';
import { productionReplicationFactor } from '../../rules/cluster/replication-factor';
import { isBlocking, mergeFindings } from '../../rules/format/merge';
import { META_RULES, RULES, UNKNOWN_RULE_SUPPRESSED, UNUSED_SUPPRESSION } from '../../rules/registry';
import { lint } from '../../rules/run';
import { aclNeeded } from '../../rules/access/acl-needed';
import { replaySafetyStated } from '../../rules/replay/replay-safety-stated';
import { buildContext } from '../../rules/context';
import type { ConnectClusterInput, ConnectorInput } from '../../model/schema';
import { DOCUMENT_SINK, INDEXING } from '../model/resolve/connect-fixtures';
import { INDEXER, NOTIFICATION, PAYMENT, SEED } from '../model/resolve/helpers';
import { COMPLIANT, defineRule, violations, type Finding } from '../../rules/types';
import {
  consumerGroup,
  DEV,
  domain,
  eventTopic,
  expectFinding,
  findingsOf,
  lintOrders,
  firstAcl,
  legacyAcl,
  ordersDeclarations,
  producer,
  PROD,
  resolveTopology,
  withTopology,
  type ConsumerGroupInput,
  type DeclarationSet,
  type DomainInput,
  type EventTopicInput,
  type ProducerInput,
} from './helpers';

/** A schema that holds the key, so TF-CONTRACT-003/004 stay quiet where these tests are about other rules. */
const ORDER_SCHEMA = z.object({ orderId: z.string() });
const ORDER_JSON_SCHEMA = { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'], additionalProperties: false };

const ORDER_CREATED = { domain: 'orders', event: 'order-created' };
const TOPIC = 'orders.order-created';
const REASON = 'payments are reconciled nightly, so a poison pill is caught there';

/** The orders seed with some declarations replaced (by kind). */
function seed(changes: {
  domain?: Partial<DomainInput>;
  topic?: Partial<EventTopicInput>;
  group?: Partial<ConsumerGroupInput>;
  producer?: Partial<ProducerInput>;
}): DeclarationSet {
  return {
    domains: [domain('orders', changes.domain)],
    topics: [eventTopic('orders', 'order-created', changes.topic)],
    consumerGroups: [consumerGroup('orders', 'payment', ORDER_CREATED, changes.group)],
    producers: [producer(ORDER_CREATED, 'order-service', changes.producer)],
  };
}

const lintOf = (declarations: DeclarationSet, environment = DEV): Finding[] => lint(resolveTopology(declarations, environment));

describe('lint runner: suppressions', () => {
  it('keeps a suppressed finding and marks it with the reason and the declaration that suppressed it (topic)', () => {
    const findings = lintOf(
      seed({
        topic: {
          contract: { compatibility: 'BACKWARD' },
          suppressions: [{ ruleId: 'TF-CONTRACT-002', reason: 'the schema lives in the registry with its own review' }],
        },
      }),
    );
    const finding = expectFinding(findings, {
      ruleId: 'TF-CONTRACT-002',
      level: 'warning',
      subject: TOPIC,
      field: 'contract.changeStrategy',
      message: 'states no schema-change strategy',
    });
    expect(finding.suppressed).toEqual({ reason: 'the schema lives in the registry with its own review', by: `topic ${TOPIC}` });
    expect(findingsOf(findings, 'TF-LINT-002')).toEqual([]);
  });

  it('takes suppressions from construct props (domain, topic, consumer group, producer) through the real pipeline', () => {
    const reason = 'reviewed with the platform team in the design review';
    const { findings } = lintOrders({
      domain: { recoveryProcedure: undefined, suppressions: [{ ruleId: 'TF-DOMAIN-001', reason }] },
      topic: { contract: { compatibility: 'BACKWARD', schema: ORDER_SCHEMA }, suppressions: [{ ruleId: 'TF-CONTRACT-002', reason }] },
      group: { deadLetter: false, suppressions: [{ ruleId: 'TF-GROUP-003', reason }] },
      producer: { idempotent: false, suppressions: [{ ruleId: 'TF-PROD-001', reason }] },
    });
    expect(findings.map((f) => `${f.ruleId} ${f.suppressed?.by ?? 'UNSUPPRESSED'}: ${f.suppressed?.reason ?? ''}`)).toEqual([
      `TF-DOMAIN-001 domain orders: ${reason}`,
      `TF-CONTRACT-002 topic ${TOPIC}: ${reason}`,
      `TF-GROUP-003 consumer group orders.payment: ${reason}`,
      `TF-PROD-001 producer order-service → ${TOPIC}: ${reason}`,
    ]);
  });

  it('applies a consumer group suppression to the group', () => {
    const findings = lintOf(seed({ group: { deadLetter: false, suppressions: [{ ruleId: 'TF-GROUP-003', reason: REASON }] } }));
    expect(
      expectFinding(findings, { ruleId: 'TF-GROUP-003', level: 'error', subject: 'orders.payment', field: 'deadLetter', message: 'no dead-letter topic' })
        .suppressed,
    ).toEqual({ reason: REASON, by: 'consumer group orders.payment' });
  });

  it("applies a consumer group suppression to the group's dead-letter topic, not to the topic it reads", () => {
    const reason = 'dead letters are re-driven within a day; long segments do not matter';
    const longSegments = { 'segment.ms': String(60 * 86_400_000) };
    const findings = lintOf(
      seed({ topic: { config: longSegments }, group: { deadLetter: { config: longSegments }, suppressions: [{ ruleId: 'TF-CONFIG-002', reason }] } }),
    );
    expect(findingsOf(findings, 'TF-CONFIG-002').map((f) => [f.subject.name, f.suppressed?.by ?? null])).toEqual([
      [TOPIC, null],
      [`${TOPIC}.payment.dlq`, 'consumer group orders.payment'],
    ]);
  });

  it('applies a producer suppression to the producer', () => {
    const reason = 'the legacy client library cannot set delivery.timeout.ms';
    const findings = lintOf(seed({ producer: { delivery: { retries: 5 }, suppressions: [{ ruleId: 'TF-PROD-002', reason }] } }));
    expect(findingsOf(findings, 'TF-PROD-002')[0]?.suppressed).toEqual({ reason, by: `producer order-service → ${TOPIC}` });
  });

  it('applies a domain suppression to the domain and to its topics, groups, producers and ACLs', () => {
    const reason = 'the orders domain is a sandbox for the onboarding course';
    const declarations = seed({
      domain: {
        recoveryProcedure: undefined,
        suppressions: ['TF-DOMAIN-001', 'TF-CONTRACT-002', 'TF-GROUP-004', 'TF-PROD-001', 'TF-ACL-001'].map((ruleId) => ({ ruleId, reason })),
      },
      topic: { contract: { compatibility: 'BACKWARD', schema: ORDER_JSON_SCHEMA } },
      group: { maxProcessingLag: undefined },
      producer: { idempotent: false },
    });
    const topology = resolveTopology(declarations);
    const orphan = { ...firstAcl(topology), id: 'User:legacy|*|Read|Allow|Topic|orders.order-created|Literal', principal: 'User:legacy', neededBy: [] };
    const findings = lint(withTopology(topology, { acls: [...topology.acls, orphan] }));
    expect(findings.filter((f) => f.ruleId !== 'TF-LINT-002').map((f) => `${f.ruleId} ${f.subject.kind} ${f.suppressed?.by ?? 'UNSUPPRESSED'}`)).toEqual([
      'TF-DOMAIN-001 domain domain orders',
      'TF-CONTRACT-002 topic domain orders',
      'TF-GROUP-004 consumer-group domain orders',
      'TF-PROD-001 producer domain orders',
      'TF-ACL-001 acl domain orders',
    ]);
    expect(findingsOf(findings, 'TF-LINT-002')).toEqual([]);
  });

  it("does not apply a domain suppression to another domain's declarations", () => {
    const reason = 'search events are internal and never evolve in place';
    const findings = lintOf({
      domains: [domain('orders'), domain('search', { suppressions: [{ ruleId: 'TF-CONTRACT-002', reason }] })],
      topics: [
        eventTopic('orders', 'order-created', { contract: { compatibility: 'BACKWARD' } }),
        eventTopic('search', 'document-changed', { contract: { compatibility: 'BACKWARD' } }),
      ],
    });
    expect(findingsOf(findings, 'TF-CONTRACT-002').map((f) => [f.subject.name, f.suppressed?.by ?? null])).toEqual([
      [TOPIC, null],
      ['search.document-changed', 'domain search'],
    ]);
  });

  it("prefers the declaration's own suppression over its domain's", () => {
    const findings = lintOf(
      seed({
        domain: { suppressions: [{ ruleId: 'TF-CONTRACT-002', reason: 'the domain-wide reason for the rule' }] },
        topic: { contract: { compatibility: 'BACKWARD' }, suppressions: [{ ruleId: 'TF-CONTRACT-002', reason: 'the topic-specific reason for it' }] },
      }),
    );
    expect(findingsOf(findings, 'TF-CONTRACT-002')[0]?.suppressed).toEqual({ reason: 'the topic-specific reason for it', by: `topic ${TOPIC}` });
  });

  it('also suppresses an undecided finding', () => {
    const findings = lintOf(
      seed({
        topic: {
          partitions: 12,
          throughput: undefined,
          suppressions: [{ ruleId: 'TF-PART-001', reason: 'partitions match the legacy cluster, sized by hand' }],
        },
      }),
    );
    const finding = expectFinding(findings, {
      ruleId: 'TF-PART-001',
      level: 'info',
      subject: TOPIC,
      field: 'throughput',
      message: 'cannot decide',
      undecided: true,
    });
    expect(finding.suppressed?.by).toBe(`topic ${TOPIC}`);
  });

  it('reports a suppression of an unknown rule id as a TF-LINT-001 error on the declaration that makes it', () => {
    const findings = lintOf(seed({ group: { suppressions: [{ ruleId: 'TF-GROUP-999', reason: 'renamed in the last release' }] } }));
    const finding = expectFinding(findings, {
      ruleId: 'TF-LINT-001',
      level: 'error',
      subject: 'orders.payment',
      field: 'suppressions',
      message: 'consumer group orders.payment suppresses unknown rule TF-GROUP-999',
    });
    expect(finding).toMatchObject({ title: UNKNOWN_RULE_SUPPRESSED.title, fix: UNKNOWN_RULE_SUPPRESSED.fix, subject: { kind: 'consumer-group' } });
    expect(isBlocking(finding, false)).toBe(true);
  });

  it('reports an unknown rule suppressed on a domain once, on the domain (not once per topic of it)', () => {
    const findings = lintOf(seed({ domain: { suppressions: [{ ruleId: 'TF-NOPE-001', reason: 'a typo in a rule id' }] } }));
    expect(findingsOf(findings, 'TF-LINT-001').map((f) => `${f.subject.kind} ${f.subject.name}: ${f.message}`)).toEqual([
      'domain orders: domain orders suppresses unknown rule TF-NOPE-001',
    ]);
  });

  it('reports a suppression that matches no finding as TF-LINT-002 info', () => {
    const findings = lintOf(seed({ group: { suppressions: [{ ruleId: 'TF-GROUP-003', reason: REASON }] } }));
    const finding = expectFinding(findings, {
      ruleId: 'TF-LINT-002',
      level: 'info',
      subject: 'orders.payment',
      field: 'suppressions',
      message: 'consumer group orders.payment suppresses TF-GROUP-003, which reports nothing here',
    });
    expect(finding.fix).toBe(UNUSED_SUPPRESSION.fix);
    expect(isBlocking(finding, true)).toBe(false);
  });

  it('reports an unused domain suppression once, on the domain', () => {
    const findings = lintOf(seed({ domain: { suppressions: [{ ruleId: 'TF-GROUP-003', reason: REASON }] } }));
    expect(findingsOf(findings, 'TF-LINT-002').map((f) => `${f.subject.kind} ${f.subject.name}`)).toEqual(['domain orders']);
  });

  it('reports unknown and unused suppressions of a Connect cluster and a connector on the declaration that makes them', () => {
    // A typo in a connector's suppression would otherwise suppress nothing and say nothing, as on any other declaration.
    const reason = 'stated here to check what lint says about it';
    const cluster: ConnectClusterInput = { ...INDEXING, suppressions: [{ ruleId: 'TF-NOPE-001', reason }] };
    const sink: ConnectorInput = {
      ...DOCUMENT_SINK,
      suppressions: [
        { ruleId: 'TF-NOPE-002', reason },
        { ruleId: 'TF-PART-001', reason },
      ],
    };
    const result = resolve({ ...SEED, connectClusters: [cluster], connectors: [sink] }, DEV);
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const meta = lint(result.topology).filter((f) => f.ruleId.startsWith('TF-LINT-'));
    expect(meta.map((f) => `${f.ruleId} ${f.level} ${f.subject.kind} ${f.subject.name}: ${f.message}`)).toEqual([
      'TF-LINT-001 error connect-cluster search.indexing: connect cluster search.indexing suppresses unknown rule TF-NOPE-001',
      'TF-LINT-001 error connector search.indexing/document-index: connector search.indexing/document-index suppresses unknown rule TF-NOPE-002',
      'TF-LINT-002 info connector search.indexing/document-index: connector search.indexing/document-index suppresses TF-PART-001, which reports nothing here',
    ]);
  });

  it("counts a Connect cluster's suppression as used when it silences a finding on one of its connectors", () => {
    const reason = 'the index accepts every record shape; nothing can fail';
    const cluster: ConnectClusterInput = { ...INDEXING, suppressions: [{ ruleId: 'TF-CONNECT-001', reason }] };
    const result = resolve({ ...SEED, connectClusters: [cluster], connectors: [{ ...DOCUMENT_SINK, deadLetter: false }] }, DEV);
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const findings = lint(result.topology);
    expect(findingsOf(findings, 'TF-CONNECT-001').map((f) => f.suppressed)).toEqual([{ reason, by: 'connect cluster search.indexing' }]);
    expect(findings.filter((f) => f.ruleId.startsWith('TF-LINT-'))).toEqual([]);
  });

  it('reports a suppression of a suppression rule as an error: a stale or mistyped suppression must stay visible', () => {
    const findings = lintOf(seed({ domain: { suppressions: [{ ruleId: 'TF-LINT-002', reason: 'we keep old suppressions on purpose' }] } }));
    expect(findingsOf(findings, 'TF-LINT-001').map((f) => `${f.level} ${f.subject.kind} ${f.subject.name}: ${f.message}`)).toEqual([
      'error domain orders: domain orders suppresses the suppression rule TF-LINT-002',
    ]);
  });

  it('reports a suppression of a production-only rule as unused (info) outside production only', () => {
    const declarations = seed({
      topic: { replication: { factor: 2 }, suppressions: [{ ruleId: 'TF-REPL-001', reason: 'a replay copy; two replicas suffice here' }] },
    });
    expect(findingsOf(lintOf(declarations, { ...PROD, minInsyncReplicas: 1 }), 'TF-LINT-002')).toEqual([]);
    expect(findingsOf(lintOf(declarations), 'TF-LINT-002').map((f) => f.subject.name)).toEqual([TOPIC]);
  });
});

describe('lint runner: the environment as a subject, and Streams application suppressions', () => {
  // A production environment whose default replication factor is 1: TF-REPL-001 judges it on the environment itself
  // (the rule's environmentCheck), once, and not on the topic, which inherits the factor without declaring one.
  const onePerReplica = resolveTopology(seed({}), { ...PROD, replicationFactor: 1, minInsyncReplicas: 1 });
  const environmentFindings = (findings: readonly Finding[]): unknown[] =>
    findings.map((f) => [f.ruleId, f.level, f.subject.kind, f.subject.name, f.subject.domain, f.field, f.message, f.subject.source]);

  it("reports a rule's environment check on the environment, at its name when no source is given", () => {
    expect(environmentFindings(lint(onePerReplica, [productionReplicationFactor]))).toEqual([
      ['TF-REPL-001', 'error', 'environment', 'prod', '', 'replicationFactor', 'replication factor 1 in production environment "prod"', { path: 'prod' }],
    ]);
  });

  it('points findings on the environment at the source it is given', () => {
    const environmentSource = { path: 'prod', file: 'environments.ts', line: 7 };
    expect(lint(onePerReplica, [productionReplicationFactor], { environmentSource }).map((f) => f.subject.source)).toEqual([environmentSource]);
  });

  it('runs no check on the environment for a rule without an environment check', () => {
    expect(lint(onePerReplica, [deadLetterExists])).toEqual([]);
  });

  /** The orders seed with a Streams application reading order-created that suppresses what it is given. */
  const withStreams = (suppressions: ReadonlyArray<{ ruleId: string; reason: string }>): Finding[] =>
    lintOf({
      ...seed({}),
      streamsApplications: [
        {
          domain: 'orders',
          name: 'totals',
          service: 'totals',
          principal: 'User:totals',
          inputs: [{ topic: ORDER_CREATED }],
          suppressions: [...suppressions],
          source: { path: 'dev/orders/totals', file: 'topics/orders.ts', line: 50 },
        },
      ],
    });

  it('reports unknown and unused suppressions of a Streams application once, on the application (not again on it as a reader)', () => {
    const reason = 'stated here to check what lint says about it';
    const meta = withStreams([
      { ruleId: 'TF-NOPE-003', reason },
      { ruleId: 'TF-GROUP-003', reason },
    ]).filter((f) => f.ruleId.startsWith('TF-LINT-'));
    expect(meta.map((f) => `${f.ruleId} ${f.level} ${f.subject.kind} ${f.subject.name}: ${f.message}`)).toEqual([
      'TF-LINT-001 error streams-application orders.totals: streams application orders.totals suppresses unknown rule TF-NOPE-003',
      'TF-LINT-002 info streams-application orders.totals: streams application orders.totals suppresses TF-GROUP-003, which reports nothing here',
    ]);
  });
});

describe('buildContext: the indexes the rules look things up in', () => {
  // The seed with one principal shared by three services (two groups and a producer, listed out of name order) and a
  // Streams application reading search's topic.
  const declarations = {
    ...SEED,
    consumerGroups: [PAYMENT, { ...NOTIFICATION, principal: 'User:payment-service' }, INDEXER],
    producers: [
      ...SEED.producers,
      {
        topic: { domain: 'orders', event: 'order-created' },
        service: 'audit-service',
        principal: 'User:payment-service',
        source: { path: 'dev/orders/audit' },
      },
    ],
    streamsApplications: [
      {
        domain: 'search',
        name: 'doc-stats',
        service: 'doc-stats',
        principal: 'User:doc-stats',
        inputs: [{ topic: { domain: 'search', event: 'document-changed' } }],
        source: { path: 'dev/search/doc-stats' },
      },
    ],
  };
  // Resolved once; the context is built inside each test, so that mutation testing attributes buildContext to them.
  const result = resolve(declarations, DEV);
  const resolvedTopology = result.topology;
  if (resolvedTopology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const topology: Topology = resolvedTopology;
  let context: ReturnType<typeof buildContext>;
  beforeEach(() => {
    context = buildContext(topology);
  });

  it('finds the consumer groups, Streams applications and producers of a topic, and none for a topic nobody uses', () => {
    expect(
      context
        .readersOf('orders.order-created')
        .map((g) => g.groupId)
        .sort(),
    ).toEqual(['orders.notification', 'orders.payment']);
    expect(context.readersOf('search.document-changed').map((g) => g.groupId)).toEqual(['search.indexer']);
    expect(context.streamsReadersOf('search.document-changed').map((a) => a.applicationId)).toEqual(['search.doc-stats']);
    expect(context.streamsReadersOf('orders.order-created')).toEqual([]);
    expect(
      context
        .producersOf('orders.order-created')
        .map((p) => p.service)
        .sort(),
    ).toEqual(['audit-service', 'order-service']);
    expect(context.producersOf('search.document-changed')).toEqual([]);
    expect(context.readersOf('orders.no-such-topic')).toEqual([]);
  });

  it('looks up event topics by name, and not dead-letter or retry topics', () => {
    expect(context.eventTopic('orders.order-created')?.name).toBe('orders.order-created');
    const companions = topology.topics.filter((t) => t.kind !== 'event').map((t) => t.name);
    expect(companions.length).toBeGreaterThan(0);
    for (const name of companions) expect(context.eventTopic(name), name).toBeUndefined();
  });

  it('lists the services of a principal once each, in name order', () => {
    expect(context.servicesOf('User:payment-service')).toEqual(['audit-service', 'notification-service', 'payment-service']);
    expect(context.servicesOf('User:doc-stats')).toEqual(['doc-stats']);
    expect(context.servicesOf('User:nobody')).toEqual([]);
  });

  it("finds a domain's stack under the layout it is given (one per environment by default) and keeps the repository facts", () => {
    expect(context.stackOf('orders')).toMatchObject({ stack: 'dev', domains: ['orders', 'search'] });
    expect(context.stackOf('billing')).toBeUndefined();
    expect(buildContext(topology, 'domain').stackOf('orders')).toMatchObject({ stack: 'dev-orders', domains: ['orders'] });
    expect(context.topology).toBe(topology);
    expect(context.repository).toBeUndefined();
    const repository = { exists: (path: string) => path === 'docs/runbook.md' };
    expect(buildContext(topology, 'environment', repository).repository).toBe(repository);
  });
});

describe('lint runner: readers, producers and declarations the Topology does not list (mutation batch 4 survivors)', () => {
  it('reports an unknown rule suppressed on a producer once, on the producer (not again on it as a client)', () => {
    const findings = lintOf(seed({ producer: { suppressions: [{ ruleId: 'TF-NOPE-004', reason: 'a typo in a rule id' }] } }));
    expect(findingsOf(findings, 'TF-LINT-001').map((f) => `${f.subject.kind} ${f.subject.name}: ${f.message}`)).toEqual([
      `producer order-service → ${TOPIC}: producer order-service → ${TOPIC} suppresses unknown rule TF-NOPE-004`,
    ]);
  });

  it('judges consumer groups and sink connectors as readers (TF-REPLAY-004: every reader of an event topic states its replay safety)', () => {
    // The seed's three groups and the sink read event topics and state no replaySafety.
    const result = resolve({ ...SEED, connectClusters: [INDEXING], connectors: [DOCUMENT_SINK] }, DEV);
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(lint(result.topology, [replaySafetyStated]).map((f) => `${f.subject.kind} ${f.subject.name}`)).toEqual([
      'consumer-group orders.notification',
      'consumer-group orders.payment',
      'consumer-group search.indexer',
      'connector search.indexing/document-index',
    ]);
  });

  it('lints a Topology whose domains or consumer groups are left out without failing, and still applies what is declared', () => {
    // Hand-edited or partial Topologies (an importer's, a test's) may list topics of a domain or dead-letter topics of
    // a group they do not hold: the runner must not look for suppressions that are not there.
    const topology = resolveTopology(seed({ group: { retries: ['1s'], suppressions: [{ ruleId: 'TF-NOPE-005', reason: 'a typo in a rule id' }] } }));
    expect(topology.topics.some((t) => t.kind !== 'event')).toBe(true);
    const withoutDomains = lint(withTopology(topology, { domains: [] }));
    expect(findingsOf(withoutDomains, 'TF-LINT-001').map((f) => f.subject.name)).toEqual(['orders.payment']);
    const withoutGroups = lint(withTopology(topology, { consumerGroups: [] }));
    expect(withoutGroups.filter((f) => f.subject.kind === 'consumer-group')).toEqual([]);
    expect(findingsOf(withoutGroups, 'TF-LINT-001')).toEqual([]);
  });

  it("points a derived ACL's finding at its domain's declaration, or at the domain's name when the Topology lists no domain", () => {
    // ACLs needed by nothing (TF-ACL-001) on the seed: every one of them belongs to orders, declared at topics/orders.ts:5.
    const topology = resolveTopology(seed({}));
    const acls = topology.acls.map((a) => ({ ...a, neededBy: [] }));
    const sources = (changes: Partial<Omit<Topology, 'formatVersion'>>): unknown[] =>
      lint(withTopology(topology, { acls, ...changes }), [aclNeeded]).map((f) => f.subject.source);
    expect(sources({}).length).toBe(topology.acls.length);
    expect(new Set(sources({}).map((s) => JSON.stringify(s)))).toEqual(new Set([JSON.stringify({ path: 'dev/orders', file: 'topics/orders.ts', line: 5 })]));
    expect(new Set(sources({ domains: [] }).map((s) => JSON.stringify(s)))).toEqual(new Set([JSON.stringify({ path: 'orders' })]));
  });

  it("merges a companion topic's finding across environments by its group and tier, not into its siblings", () => {
    // Two retry tiers and a dead-letter topic of one group, in two environments whose topic names differ by a prefix.
    // A rule whose message names no topic tells the three apart only by the subject's key: three lines, each in both
    // environments (worked by hand: 1s tier, 10s tier, dead letter).
    const companion = defineRule({
      id: 'TF-TEST-001',
      level: 'warning',
      title: 'a companion topic',
      rationale: 'test',
      fix: 'none',
      appliesTo: 'topic',
      check: (t) => (t.kind === 'event' ? COMPLIANT : violations({ field: 'partitions', message: 'a companion topic' })),
    });
    const declarations = seed({ group: { retries: ['1s', '10s'] } });
    // The helpers declare every source under the dev stack; in a real app each environment's construct paths start
    // with its own stack, which merging strips.
    const inProd = (f: Finding): Finding => ({
      ...f,
      subject: { ...f.subject, source: { ...f.subject.source, path: f.subject.source.path.replace(/^dev\//, 'prod/') } },
    });
    const both = [
      ...lint(resolveTopology(declarations, { ...DEV, topicPrefix: 'dev.' }), [companion]),
      ...lint(resolveTopology(declarations, PROD), [companion]).map(inProd),
    ];
    expect(both).toHaveLength(6);
    expect(
      mergeFindings(both)
        .map((f) => `${f.subject.key ?? ''} [${f.environments.join(', ')}]`)
        .sort(),
    ).toEqual([
      'dead-letter orders/order-created orders.payment  [dev, prod]',
      'retry orders/order-created orders.payment 1 [dev, prod]',
      'retry orders/order-created orders.payment 2 [dev, prod]',
    ]);
  });

  it('gives no violations as compliant', () => {
    expect(violations()).toBe(COMPLIANT);
    expect(violations({ field: 'f', message: 'm' })).toEqual({ status: 'violations', violations: [{ field: 'f', message: 'm' }] });
  });
});

describe('suppression declarations: the schema demands a rule id and a written reason', () => {
  const ids = {
    domain: 'dev/orders',
    topic: `dev/orders/order-created`,
    group: 'dev/orders/payment',
    producer: 'dev/orders/order-created/Producer-order-service',
  } as const;

  it.each([
    ['an empty reason', ''],
    ['a blank reason', '         '],
    ['a 9-character reason', 'too short'],
  ])('fails when a suppression has %s, on every kind of declaration', (_label, reason) => {
    const suppressions = [{ ruleId: 'TF-GROUP-003', reason }];
    const d = seed({ domain: { suppressions }, topic: { suppressions }, group: { suppressions }, producer: { suppressions } });
    const result = resolve({ domains: d.domains ?? [], topics: d.topics ?? [], consumerGroups: d.consumerGroups ?? [], producers: d.producers ?? [] }, DEV);
    expect(result.topology).toBeNull();
    const problems = result.issues.map((i) => `${i.source.path} › ${i.path}: ${i.message}`);
    for (const path of Object.values(ids)) expect(problems).toContain(`${path} › suppressions[0].reason: must be a written reason of at least 10 characters`);
  });

  it('accepts a reason of exactly 10 characters', () => {
    expect(() => resolveTopology(seed({ group: { suppressions: [{ ruleId: 'TF-GROUP-003', reason: '0123456789' }] } }))).not.toThrow();
  });

  it('fails when the rule id is not shaped like TF-<AREA>-<NNN>', () => {
    const d = seed({ topic: { suppressions: [{ ruleId: 'GROUP-3', reason: 'a perfectly good reason' }] } });
    const result = resolve({ domains: d.domains ?? [], topics: d.topics ?? [], consumerGroups: d.consumerGroups ?? [], producers: d.producers ?? [] }, DEV);
    expect(result.issues.map((i) => `${i.source.path} › ${i.path}: ${i.message}`)).toContain(
      `${ids.topic} › suppressions[0].ruleId: must be a rule id such as "TF-GROUP-003"`,
    );
  });
});

describe('lint runner: results', () => {
  it('reports an undecided result as info with undecided: true and a "cannot decide" message, at the rule\'s field', () => {
    const findings = lintOf(seed({ topic: { key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering of events' } } }));
    const finding = expectFinding(findings, {
      ruleId: 'TF-KEY-002',
      level: 'info',
      subject: TOPIC,
      field: 'key.cardinality',
      message: /^cannot decide: /,
      undecided: true,
    });
    expect(RULES.find((r) => r.id === 'TF-KEY-002')?.level).toBe('warning'); // the rule's own level is not used for undecided results
    expect(finding.title).toBe(RULES.find((r) => r.id === 'TF-KEY-002')?.title);
  });

  it('applies a per-finding level: TF-CONTRACT-001 is an error in prod and a warning in dev for the same declarations', () => {
    const declarations = seed({ topic: { contract: { compatibility: 'NONE', changeStrategy: 'consumers are redeployed with every producer release' } } });
    expect(findingsOf(lintOf(declarations, PROD), 'TF-CONTRACT-001').map((f) => [f.environment, f.level])).toEqual([['prod', 'error']]);
    expect(findingsOf(lintOf(declarations, DEV), 'TF-CONTRACT-001').map((f) => [f.environment, f.level])).toEqual([['dev', 'warning']]);
    expect(compatibilityNotNone.level).toBe('error');
  });

  it('gives a message that quotes a prefixed topic name a form without the prefix, so environments merge into one finding', () => {
    const noStrategy = { contract: { compatibility: 'BACKWARD' as const, schema: ORDER_JSON_SCHEMA } };
    const inStaging = seed({ topic: { ...noStrategy, source: { path: 'staging/orders/order-created', file: 'topics/orders.ts', line: 12 } } });
    const staging = findingsOf(lintOf(inStaging, { ...DEV, name: 'staging', topicPrefix: 'staging.' }), 'TF-CONTRACT-002');
    const dev = findingsOf(lintOf(seed({ topic: noStrategy })), 'TF-CONTRACT-002');
    const unprefixed = 'topic "orders.order-created" states no schema-change strategy';
    expect(staging.map((f) => [f.message, f.sharedMessage])).toEqual([['topic "staging.orders.order-created" states no schema-change strategy', unprefixed]]);
    // With no prefix the message is already what every environment says: no second copy of it.
    expect(dev.map((f) => [f.message, f.sharedMessage])).toEqual([[unprefixed, undefined]]);
    expect(mergeFindings([...staging, ...dev]).map((f) => [f.message, f.environments])).toEqual([[unprefixed, ['dev', 'staging']]]);
    // Alone, an environment's finding keeps its own names.
    expect(mergeFindings(staging).map((f) => f.message)).toEqual(['topic "staging.orders.order-created" states no schema-change strategy']);
  });

  it("uses the rule's level when the violation sets none, and copies the rule's title and fix", () => {
    const finding = expectFinding(lintOf(seed({ group: { deadLetter: false } })), {
      ruleId: 'TF-GROUP-003',
      level: 'error',
      subject: 'orders.payment',
      field: 'deadLetter',
      message: 'no dead-letter topic',
    });
    expect(finding).toMatchObject({
      title: deadLetterExists.title,
      fix: deadLetterExists.fix,
      environment: 'dev',
      subject: { kind: 'consumer-group', domain: 'orders', source: { path: 'dev/orders/payment', file: 'topics/orders.ts', line: 30 } },
    });
  });

  it('runs only the rules it is given', () => {
    const topology = resolveTopology(seed({ group: { deadLetter: false, idempotency: undefined } }));
    expect(lint(topology, [deadLetterExists]).map((f) => f.ruleId)).toEqual(['TF-GROUP-003']);
    expect(
      lint(topology)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['TF-GROUP-001', 'TF-GROUP-003']);
  });

  it('reports a client rule once per group or producer (the client subject does not duplicate it)', () => {
    const findings = lintOf(seed({ producer: { principal: 'User:payment-service' } }));
    expect(findingsOf(findings, 'TF-ACCESS-001').map((f) => `${f.subject.kind} ${f.subject.name}`)).toEqual([
      'consumer-group orders.payment',
      `producer order-service → ${TOPIC}`,
    ]);
  });

  it('lints a topology with no declarations to no findings', () => {
    expect(lint(resolveTopology({}))).toEqual([]);
  });

  it('lints the seed examples to no findings in either environment', () => {
    expect(lintOf(ordersDeclarations(), DEV)).toEqual([]);
    expect(lintOf(ordersDeclarations(), PROD)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Order and determinism

/** A set of declarations across three domains that trips many rules, with suppressions of each kind. */
function noisy(): { [K in keyof DeclarationSet]-?: NonNullable<DeclarationSet[K]> } {
  const payments = { domain: 'payments', event: 'payment-made' };
  const search = { domain: 'search', event: 'document-changed' };
  return {
    domains: [
      domain('orders', { recoveryProcedure: undefined, suppressions: [{ ruleId: 'TF-NOPE-001', reason: 'a typo in a rule id' }] }),
      domain('payments', { suppressions: [{ ruleId: 'TF-GROUP-004', reason: 'lag is alerted on by the payment platform' }] }),
      domain('search', { recoveryProcedure: undefined }),
    ],
    topics: [
      eventTopic('orders', 'order-created', { partitions: 2, contract: { compatibility: 'NONE' } }),
      eventTopic('orders', 'order-paid', { key: undefined, ordering: 'none', throughput: undefined, partitions: 3 }),
      eventTopic('payments', 'payment-made', {
        key: { field: 'region', aggregate: 'region', reason: 'per-region settlement order', cardinality: 4 },
        aggregate: { name: 'payment', cardinality: 1_000_000 },
      }),
      eventTopic('search', 'document-changed', {
        replay: { kind: 'full', longestReindex: '2d' },
        config: { 'delete.retention.ms': '3600000' },
        contract: { compatibility: 'BACKWARD' },
        suppressions: [{ ruleId: 'TF-CONTRACT-002', reason: 'documents have no schema registry yet' }],
      }),
    ],
    consumerGroups: [
      consumerGroup('orders', 'payment', ORDER_CREATED, { idempotency: undefined, deadLetter: false }),
      consumerGroup('orders', 'notification', ORDER_CREATED, { maxProcessingLag: undefined, principal: 'User:payment-service' }),
      consumerGroup('payments', 'ledger', payments, {
        maxProcessingLag: undefined,
        offsetCommit: { mode: 'auto', reason: 'the ledger handler is synchronous' },
      }),
      consumerGroup('search', 'indexer', search, {
        processingTimePerMessage: undefined,
        retries: ['1s', '10s'],
        suppressions: [{ ruleId: 'TF-GROUP-003', reason: 'unused on purpose: nothing fires' }],
      }),
      consumerGroup('payments', 'audit', ORDER_CREATED, { processing: 'async', offsetCommit: { mode: 'auto', reason: 'audit copies are best effort only' } }),
    ],
    producers: [
      producer(ORDER_CREATED, 'order-service', { delivery: { retries: 3, timeout: '10s' } }),
      producer({ domain: 'orders', event: 'order-paid' }, 'order-service', { idempotent: false }),
      producer(payments, 'payment-service', {
        delivery: { backoff: '1s', backoffMax: '1s' },
        suppressions: [{ ruleId: 'TF-PROD-003', reason: 'the broker proxy applies its own backoff' }],
      }),
      producer(search, 'catalog-service'),
    ],
    legacyAcls: [
      legacyAcl('orders'),
      legacyAcl('search', { principal: 'User:*', operation: 'Describe', resourceName: 'search.document-changed', patternType: 'Literal' }),
    ],
    // A Streams application without handlers or a replay statement, suppressing one of the two.
    streamsApplications: [
      {
        domain: 'search',
        name: 'doc-stats',
        service: 'doc-stats',
        principal: 'User:doc-stats',
        inputs: [{ topic: search }],
        suppressions: [{ ruleId: 'TF-STREAMS-003', reason: 'the statistics tolerate a crash on a poison pill' }],
        source: { path: 'dev/search/doc-stats', file: 'topics/search.ts', line: 70 },
      },
    ],
  };
}

const sortKey = (f: Finding): string[] => [f.subject.domain, f.subject.kind, f.subject.name, f.ruleId, f.field, f.message];
const KIND_ORDER = ['domain', 'topic', 'consumer-group', 'streams-application', 'producer', 'client', 'acl'];

describe('lint runner: order and determinism', () => {
  const declarations = noisy();
  const reference = lint(resolveTopology(declarations, PROD));

  it('finds something from many rules and every suppression outcome in the reference set', () => {
    const ids = new Set(reference.map((f) => f.ruleId));
    expect(ids.size).toBeGreaterThanOrEqual(15);
    expect(ids).toContain(UNKNOWN_RULE_SUPPRESSED.id);
    expect(ids).toContain(UNUSED_SUPPRESSION.id);
    expect(reference.filter((f) => f.suppressed !== undefined).length).toBeGreaterThanOrEqual(3);
    expect(reference.some((f) => f.undecided)).toBe(true);
  });

  it('sorts findings by domain, subject kind, subject name, rule id, field and message', () => {
    const keys = reference.map(sortKey);
    const sorted = [...keys].sort((a, b) => {
      const [da, ka, ...ra] = a;
      const [db, kb, ...rb] = b;
      if (da !== db) return (da ?? '') < (db ?? '') ? -1 : 1;
      if (ka !== kb) return KIND_ORDER.indexOf(ka ?? '') - KIND_ORDER.indexOf(kb ?? '');
      const sa = ra.join('\u0000');
      const sb = rb.join('\u0000');
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    });
    expect(keys).toEqual(sorted);
  });

  it('yields identical findings however the declarations are ordered (property)', () => {
    const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        permutation(declarations.domains),
        permutation(declarations.topics),
        permutation(declarations.consumerGroups),
        permutation(declarations.producers),
        permutation(declarations.legacyAcls),
        (domains, topics, consumerGroups, producers, legacyAcls) => {
          const { streamsApplications } = declarations;
          expect(lint(resolveTopology({ domains, topics, consumerGroups, producers, legacyAcls, streamsApplications }, PROD))).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('yields identical findings however the Topology arrays are ordered (property)', () => {
    const topology: Topology = resolveTopology(declarations, PROD);
    const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        permutation(topology.domains),
        permutation(topology.topics),
        permutation(topology.consumerGroups),
        permutation(topology.producers),
        permutation(topology.acls),
        (domains, topics, consumerGroups, producers, acls) => {
          expect(lint({ ...topology, domains, topics, consumerGroups, producers, acls })).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is stable across repeated runs on the same Topology', () => {
    const topology = resolveTopology(declarations, PROD);
    expect(lint(topology)).toEqual(lint(topology));
  });

  it('keeps every rule and meta rule id unique', () => {
    const ids = [...RULES, ...META_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
