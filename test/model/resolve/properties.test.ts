/** Properties of resolve() over generated, valid declarations: legal output, deterministic whatever the order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMs } from '../../../model/duration';
import { highlyDivisibleCounts } from '../../../model/sizing/partitions';
import { MAX_SIZED_PARTITIONS } from '../../../model/limits';
import { metricCollisionKey, topicAddress } from '../../../model/naming';
import { resolve, type Declarations } from '../../../model/resolve';
import type { EnvironmentInput } from '../../../model/schema';
import { validateTopicConfig } from '../../../model/topic-config-keys';
import { DAY, DEV, PROD, ORDERS, SEARCH, BILLING, PAYMENT, NOTIFICATION, INDEXER, INVOICING, withDeclarations, resolved, describeIssues } from './helpers';

// ---------------------------------------------------------------------------------------------------------------------
// Properties over generated, valid declarations.

const DOMAIN_NAMES = ['orders', 'search', 'billing'] as const;
const EVENT_NAMES = ['created', 'paid', 'changed'] as const;
const GROUP_NAMES = ['alpha', 'beta'] as const;
const durationArb = (units: readonly string[], max: number): fc.Arbitrary<`${number}ms`> =>
  fc.tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}` as `${number}ms`);

const topicArb = fc.record({
  domain: fc.constantFrom(...DOMAIN_NAMES),
  name: fc.constantFrom(...EVENT_NAMES),
  sizing: fc.oneof(
    fc.record({ partitions: fc.integer({ min: 1, max: 64 }) }),
    fc.record({
      throughput: fc.record(
        {
          peakMessagesPerSecond: fc.integer({ min: 1, max: 200_000 }),
          averageMessageBytes: fc.integer({ min: 1, max: 100_000 }),
          maxConsumerInstances: fc.integer({ min: 1, max: 50 }),
        },
        { requiredKeys: ['peakMessagesPerSecond', 'averageMessageBytes'] },
      ),
    }),
  ),
  replay: fc.oneof(
    durationArb(['h', 'd'], 30).map((window) => ({ kind: 'window' as const, window })),
    durationArb(['h', 'd'], 3).map((longestReindex) => ({ kind: 'full' as const, longestReindex })),
  ),
});

const groupArb = fc.record({
  domain: fc.constantFrom(...DOMAIN_NAMES),
  name: fc.constantFrom(...GROUP_NAMES),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  deadLetter: fc.boolean(),
  retries: fc.array(durationArb(['ms', 's', 'm'], 60), { maxLength: 3 }),
  processingTimePerMessage: fc.option(durationArb(['ms'], 200), { nil: undefined }),
  maxProcessingLag: fc.option(durationArb(['m', 'h'], 12), { nil: undefined }),
});

const producerArb = fc.record({ pick: fc.nat(), service: fc.constantFrom('writer-a', 'writer-b'), tx: fc.boolean() });

const declarationsArb: fc.Arbitrary<Declarations> = fc
  .record({
    topics: fc.uniqueArray(topicArb, { minLength: 1, maxLength: 5, selector: (t) => `${t.domain}/${t.name}` }),
    groups: fc.uniqueArray(groupArb, { maxLength: 4, selector: (g) => `${g.domain}/${g.name}` }),
    producers: fc.uniqueArray(producerArb, { maxLength: 4, selector: (p) => `${p.pick}/${p.service}` }),
  })
  .map(({ topics, groups, producers }) => {
    const refs = topics.map((t) => ({ domain: t.domain, event: t.name }));
    const ref = (i: number) => refs[i % refs.length] ?? { domain: 'orders', event: 'created' };
    return {
      domains: DOMAIN_NAMES.map((name) => ({ name, owner: `@acme/${name}-team`, description: `the ${name} domain`, source: { path: `dev/${name}` } })),
      topics: topics.map((t) => ({
        domain: t.domain,
        name: t.name,
        eventTypes: ['SomethingHappened'],
        key: { field: 'id', aggregate: 'thing', reason: 'per-thing ordering; things are independent' },
        ...t.sizing,
        replay: t.replay,
        source: { path: `dev/${t.domain}/${t.name}` },
      })),
      consumerGroups: groups.map((g) => ({
        domain: g.domain,
        name: g.name,
        service: `${g.name}-service`,
        principal: `User:${g.domain}-${g.name}`,
        subscriptions: [...new Set(g.picks.map((i) => i % refs.length))].map((i) => ({ topic: ref(i), reason: 'reads it to keep its own view current' })),
        deadLetter: g.deadLetter,
        retries: g.retries,
        ...(g.processingTimePerMessage === undefined ? {} : { processingTimePerMessage: g.processingTimePerMessage }),
        ...(g.maxProcessingLag === undefined ? {} : { maxProcessingLag: g.maxProcessingLag }),
        source: { path: `dev/${g.domain}/groups/${g.name}` },
      })),
      // Producers are unique per (topic, service): see the duplicate-producer test below.
      producers: [...new Map(producers.map((p) => [`${p.pick % refs.length}/${p.service}`, p])).values()].map((p) => ({
        topic: ref(p.pick),
        service: p.service,
        principal: `User:${p.service}`,
        ...(p.tx ? { transactionalIdPrefix: `${p.service}-tx-` } : {}),
        source: { path: `dev/producers/${ref(p.pick).domain}/${ref(p.pick).event}/${p.service}` },
      })),
    };
  });

const environmentArb: fc.Arbitrary<EnvironmentInput> = fc.constantFrom(
  DEV,
  PROD,
  { ...DEV, topicPrefix: 'staging.' },
  { ...PROD, replicationFactor: 5, minInsyncReplicas: 3, acl: { explicitDescribe: true, legacyIdempotentWrite: true } },
);

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const DIVISIBLE = new Set(highlyDivisibleCounts(MAX_SIZED_PARTITIONS));

describe('resolve: properties of valid declarations', () => {
  it('resolves generated valid declarations without errors', () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const result = resolve(declarations, environment);
        expect(result.issues, describeIssues(result.issues)).toEqual([]);
        expect(result.topology).not.toBeNull();
      }),
    );
  });

  it('gives the same topology whatever the order of the declarations', () => {
    const arb = fc.tuple(declarationsArb, environmentArb).chain(([declarations, environment]) =>
      fc.record({
        declarations: fc.constant(declarations),
        environment: fc.constant(environment),
        shuffled: fc.record({
          domains: permutation(declarations.domains),
          topics: permutation(declarations.topics),
          consumerGroups: permutation(declarations.consumerGroups),
          producers: permutation(declarations.producers),
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ declarations, environment, shuffled }) => {
        const a = resolve(declarations, environment);
        const b = resolve(shuffled, environment);
        expect(b.topology).toEqual(a.topology);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('gives the same topology for the seed examples in every order', () => {
    const seed = withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [PAYMENT, NOTIFICATION, INDEXER, INVOICING] });
    const expected = JSON.stringify(resolve(seed, PROD));
    fc.assert(
      fc.property(
        fc.record({
          domains: permutation(seed.domains),
          topics: permutation(seed.topics),
          consumerGroups: permutation(seed.consumerGroups),
          producers: permutation(seed.producers),
        }),
        (shuffled) => {
          expect(JSON.stringify(resolve(shuffled, PROD))).toBe(expected);
        },
      ),
    );
  });

  it('derives names, sizes and configs that Kafka and Terraform accept', () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const topology = resolved(declarations, environment);
        const names = topology.topics.map((t) => t.name);
        expect(names).toEqual([...names].sort());
        expect(new Set(names.map(metricCollisionKey)).size).toBe(names.length);
        expect(new Set(names.map(topicAddress)).size).toBe(names.length);
        for (const topic of topology.topics) {
          expect(validateTopicConfig(topic.config).filter((i) => (i.severity ?? 'error') === 'error')).toEqual([]);
          expect(topic.config['cleanup.policy']).toBe(topic.cleanupPolicy);
          expect(topic.config['min.insync.replicas']).toBe(String(topic.minInsyncReplicas));
          expect(topic.protect).toBe(topology.environment.production);
          if (topic.retentionMs !== null) expect(topic.config['retention.ms']).toBe(String(topic.retentionMs.value));
          if (
            topic.kind === 'event' &&
            topic.throughput !== null &&
            !('partitions' in (declarations.topics.find((t) => (t as { source: { path: string } }).source.path === topic.source.path) as object))
          ) {
            expect(DIVISIBLE.has(topic.partitions.value)).toBe(true);
          }
        }
      }),
    );
  });

  it('keeps every window topic for its window plus the largest lag of its readers', () => {
    fc.assert(
      fc.property(declarationsArb, (declarations) => {
        const topology = resolved(declarations, DEV);
        for (const topic of topology.topics) {
          if (topic.kind !== 'event' || topic.replay.kind !== 'window') continue;
          const readers = topology.consumerGroups.filter((g) => g.subscriptions.some((s) => s.topicName === topic.name));
          const lag = Math.max(0, ...readers.map((g) => g.maxProcessingLagMs ?? 0));
          expect(topic.retentionMs?.value).toBe(toMs(topic.replay.window) + lag + DAY);
        }
      }),
    );
  });

  it("places every companion in its group's domain and grants the group what it needs", () => {
    fc.assert(
      fc.property(declarationsArb, environmentArb, (declarations, environment) => {
        const topology = resolved(declarations, environment);
        const acl = new Set(topology.acls.map((a) => `${a.principal}|${a.operation}|${a.resourceType}|${a.resourceName}`));
        const topicDomain = new Map(topology.topics.map((t) => [t.name, t.domain]));
        for (const g of topology.consumerGroups) {
          expect(acl.has(`${g.principal}|Read|Group|${g.groupId}`)).toBe(true);
          for (const s of g.subscriptions) {
            expect(acl.has(`${g.principal}|Read|Topic|${s.topicName}`)).toBe(true);
            expect(s.deadLetterTopic !== null).toBe(g.deadLetter);
            expect(s.retryTopics).toHaveLength(g.retryDelaysMs.length);
            for (const name of [...s.retryTopics, ...(s.deadLetterTopic === null ? [] : [s.deadLetterTopic])]) {
              expect(topicDomain.get(name)).toBe(g.domain);
              expect(acl.has(`${g.principal}|Read|Topic|${name}`)).toBe(true);
              expect(acl.has(`${g.principal}|Write|Topic|${name}`)).toBe(true);
              expect(name.startsWith(`${s.topicName}.${s.topic.domain === g.domain ? g.name : `${g.domain}.${g.name}`}.`)).toBe(true);
            }
          }
        }
        for (const a of topology.acls) {
          if (a.resourceType === 'Topic') expect(a.domain).toBe(topicDomain.get(a.resourceName));
          if (a.resourceType === 'Group') expect(a.domain).toBe(topology.consumerGroups.find((g) => g.groupId === a.resourceName)?.domain);
        }
        for (const p of topology.producers) expect(acl.has(`${p.principal}|Write|Topic|${p.topicName}`)).toBe(true);
      }),
    );
  });
});
