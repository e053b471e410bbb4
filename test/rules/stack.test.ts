import { describe, expect, it } from 'vitest';
import { STACK_RESOURCE_BUDGET } from '../../model/limits';
import { stackResources, type StackResources } from '../../model/stack-resources';
import type { Topology } from '../../model/topology';
import { RULES } from '../../rules/registry';
import { lint } from '../../rules/run';
import { stackResourceBudget } from '../../rules/stack/resource-budget';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, KafkaPrincipal, Replay } from '../../constructs';
import { synthStack } from '../helpers/synth';
import {
  consumerGroup,
  context,
  declareOrders,
  DEV,
  domain,
  domainNamed,
  eventTopic,
  expectFinding,
  expectNoFinding,
  expectViolation,
  resolveTopology,
} from './helpers';

/** `count` topics in each of `domains`, each with its own consumer group (so its own DLQ and ACLs). */
function manyTopics(domains: readonly string[], count: number): Topology {
  return resolveTopology({
    domains: domains.map((d) => domain(d)),
    topics: domains.flatMap((d) => Array.from({ length: count }, (_, i) => eventTopic(d, `event-${i}`))),
    consumerGroups: domains.flatMap((d) => Array.from({ length: count }, (_, i) => consumerGroup(d, `reader-${i}`, { domain: d, event: `event-${i}` }))),
  });
}

/** Topics per domain that put one domain at about `share` of the budget. */
function topicsForShare(share: number): number {
  const one = stackResources(manyTopics(['a'], 1), 'environment')[0]?.total ?? 1;
  return Math.ceil((STACK_RESOURCE_BUDGET * share) / one);
}

describe('stackResources counts what the constructs render', () => {
  it('matches the resources in the synthesized stack, kind by kind', () => {
    const { json, topology } = synthStack((stack) => void declareOrders(stack));
    const [counted] = stackResources(topology, 'environment');
    const resources = json.resource ?? {};
    const rendered = (type: string): number => Object.keys((resources as Record<string, object | undefined>)[type] ?? {}).length;
    expect(counted).toMatchObject({
      stack: 'dev',
      domains: ['orders'],
      topics: rendered('kafka_topic'),
      acls: rendered('kafka_acl'),
      quotas: rendered('kafka_quota'),
    });
    expect(counted?.total).toBe(rendered('kafka_topic') + rendered('kafka_acl') + rendered('kafka_quota'));
  });

  it('gives one stack per environment or one per domain, named as synth names them', () => {
    const topology = manyTopics(['b', 'a'], 2);
    expect(stackResources(topology, 'environment').map((s) => [s.stack, s.domains])).toEqual([['dev', ['a', 'b']]]);
    expect(stackResources(topology, 'domain').map((s) => [s.stack, s.domains])).toEqual([
      ['dev-a', ['a']],
      ['dev-b', ['b']],
    ]);
    const [whole] = stackResources(topology, 'environment');
    expect(whole?.total).toBe(stackResources(topology, 'domain').reduce((sum, s) => sum + s.total, 0));
  });
});

describe('TF-STACK-001 stackResourceBudget: one stack stays within the resource budget', () => {
  const topology = manyTopics(['a', 'b'], topicsForShare(0.6));

  it('fires once, on the first domain of an environment stack over the budget', () => {
    const findings = lint(topology, RULES, { layout: 'environment' }).filter((f) => f.ruleId === 'TF-STACK-001');
    expect(findings).toHaveLength(1);
    const [stack] = stackResources(topology, 'environment');
    expect(stack!.total).toBeGreaterThan(STACK_RESOURCE_BUDGET);
    expectFinding(findings, {
      ruleId: 'TF-STACK-001',
      level: 'warning',
      subject: 'a',
      field: 'stack',
      message: `stack "dev" (2 domains) holds ${stack!.total} resources`,
    });
  });

  it('does not fire when the same declarations are split one stack per domain', () => {
    expectNoFinding(lint(topology, RULES, { layout: 'domain' }), 'TF-STACK-001');
  });

  it('does not fire on a stack at the budget or below', () => {
    expectNoFinding(lint(manyTopics(['a'], topicsForShare(0.5)), RULES), 'TF-STACK-001');
    expect(stackResourceBudget.level).toBe('warning');
  });

  it('fires for one large domain even in its own stack, naming the domain', () => {
    const big = manyTopics(['a'], topicsForShare(1.05));
    expectFinding(lint(big, RULES, { layout: 'domain' }), {
      ruleId: 'TF-STACK-001',
      level: 'warning',
      subject: 'a',
      field: 'stack',
      message: 'stack "dev-a" (domain "a")',
    });
  });

  it('takes the layout from the environment in the real pipeline (KafkaEnvironment)', () => {
    const perDomain = topicsForShare(0.6);
    const render = (layout: 'environment' | 'domain') => {
      const env = new KafkaEnvironment(Testing.app(), 'dev', { environment: { ...DEV, layout } });
      for (const name of ['a', 'b']) {
        const d = new Domain(env, name, { owner: `@acme/${name}-team`, description: name, recoveryProcedure: `docs/runbooks/${name}.md` });
        for (let i = 0; i < perDomain; i++) {
          d.addEventTopic(`event-${i}`, {
            eventTypes: ['Happened'],
            key: { field: 'id', aggregate: 'thing', reason: 'per-thing ordering; things are independent', cardinality: 1_000_000 },
            replay: Replay.window('7d'),
            partitions: 3,
          }).addConsumerGroup(`reader-${i}`, {
            service: `reader-${i}`,
            principal: KafkaPrincipal.user(`reader-${i}`),
            idempotency: 'dedupe by event id; duplicates ignored',
            processingTimePerMessage: '5ms',
            maxProcessingLag: '5m',
          });
        }
      }
      const result = env.render();
      expect(result.issues).toEqual([]);
      return result.findings.filter((f) => f.ruleId === 'TF-STACK-001');
    };
    expect(render('environment').map((f) => [f.subject.name, f.message.split(' holds')[0]])).toEqual([['a', 'stack "dev" (2 domains)']]);
    expect(render('domain')).toEqual([]);
  });
});

describe('TF-STACK-001 on hand-counted stacks', () => {
  const topology = resolveTopology({ domains: [domain('a'), domain('b')] });
  const stackOf =
    (total: number) =>
    (name: string): StackResources | undefined =>
      name === 'a' || name === 'b' ? { stack: 'dev', domains: ['a', 'b'], topics: 600, acls: total - 700, quotas: 100, credentials: 0, total } : undefined;
  const check = (name: string, total: number) => stackResourceBudget.check(domainNamed(topology, name), { ...context(topology), stackOf: stackOf(total) });

  it(`passes at exactly the budget (${STACK_RESOURCE_BUDGET}) and fires one resource over it, with the counts`, () => {
    expect(check('a', 2_000)).toEqual({ status: 'compliant' });
    expectViolation(check('a', 2_001), {
      field: 'stack',
      message: 'stack "dev" (2 domains) holds 2001 resources (600 topics, 1301 ACLs, 100 quotas), over the budget of 2000',
    });
  });

  it('is judged on the first domain of the stack only', () => {
    expect(check('b', 2_001)).toEqual({ status: 'not-applicable' });
    expect(check('b', 10)).toEqual({ status: 'not-applicable' });
  });

  it('does not apply to a domain the context places in no stack (stackOf may answer undefined)', () => {
    const three = resolveTopology({ domains: [domain('a'), domain('b'), domain('c')] });
    expect(stackResourceBudget.check(domainNamed(three, 'c'), { ...context(three), stackOf: stackOf(2_001) })).toEqual({ status: 'not-applicable' });
  });
});
