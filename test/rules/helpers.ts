/**
 * Helpers for the rule tests. Subjects come from three places, in order of preference:
 *
 * 1. the real pipeline — constructs under a KafkaStack, resolved and linted by the stack (`lintStack`); unlike
 *    test/helpers/synth.ts this never runs cdktf's validations, so lint errors come back as findings instead of a throw;
 * 2. plain declarations through the model's `resolve` (`resolveTopology`), for what the constructs cannot express
 *    directly (suppressions on every kind of declaration, exact topic prefixes);
 * 3. hand-edited resolved objects (`{ ...topic, name: 'x' }`) for states no declaration can produce (an ACL needed by
 *    nobody, a wildcard ACL, a topic not named after its domain).
 */
import { z } from 'zod';
import { expect } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import {
  Domain,
  KafkaPrincipal,
  KafkaStack,
  Replay,
  type ConsumerGroup,
  type ConsumerGroupOptions,
  type DomainProps,
  type EventTopic,
  type EventTopicProps,
  type GrantProduceOptions,
  type Producer,
} from '../../constructs';
import { formatIssue } from '../../model/issues';
import type { StreamsApplicationInput } from '../../model/schema';
import { resolve } from '../../model/resolve';
import type { ConsumerGroupInput, DomainInput, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput } from './declarations';
import type {
  ResolvedAcl,
  ResolvedCompanionTopic,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedTopic,
  Topology,
} from '../../model/topology';
import { buildContext } from '../../rules/context';
import type { Finding, LintContext, RuleLevel, RuleResult, Violation } from '../../rules/types';
import { DEV, PROD } from '../helpers/synth';

export { DEV, PROD };
export type { ConsumerGroupInput, DomainInput, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput };

// ---------------------------------------------------------------------------------------------------------------------
// 1. The real pipeline

export interface LintedStack {
  readonly stack: KafkaStack;
  readonly topology: Topology;
  /** Every finding of the stack, suppressed ones included. */
  readonly findings: readonly Finding[];
}

/** Declares under a fresh KafkaStack and returns its Topology and lint findings (no cdktf validation, no throw on lint errors). */
export function lintStack(declare: (stack: KafkaStack) => void, environment: EnvironmentInput = DEV): LintedStack {
  const stack = new KafkaStack(Testing.app(), environment.name, { environment });
  declare(stack);
  const result = stack.render();
  if (result.topology === null) {
    throw new Error(`the declarations do not resolve:\n${result.issues.map((i) => `  ${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  }
  return { stack, topology: result.topology, findings: stack.findings };
}

export interface OrdersOverrides {
  readonly domain?: Partial<DomainProps>;
  readonly topic?: Partial<EventTopicProps>;
  readonly group?: Partial<ConsumerGroupOptions>;
  readonly producer?: Partial<GrantProduceOptions> & { readonly principal?: string };
}

export interface OrdersConstructs {
  readonly domain: Domain;
  readonly topic: EventTopic;
  readonly group: ConsumerGroup;
  readonly producer: Producer;
}

/**
 * The orders seed with constructs — compliant with every rule as declared — with one part overridden. The topic is
 * `orders.order-created`, the group `orders.payment`, the producer `order-service → orders.order-created`.
 */
export function declareOrders(stack: KafkaStack, overrides: OrdersOverrides = {}): OrdersConstructs {
  const domain = new Domain(stack, 'orders', {
    owner: '@acme/orders-team',
    description: 'Order lifecycle',
    recoveryProcedure: 'docs/runbooks/orders.md',
    ...overrides.domain,
  });
  const topic = domain.addEventTopic('order-created', {
    eventTypes: ['OrderCreated'],
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other', cardinality: 5_000_000 },
    throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 },
    replay: Replay.window('7d'),
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only; a breaking change is a new event type',
      schema: z.object({ orderId: z.string() }),
    },
    ...overrides.topic,
  });
  const { principal = KafkaPrincipal.user('order-service'), ...produce } = overrides.producer ?? {};
  const producer = topic.grantProduce(principal, { service: 'order-service', ...produce });
  const group = topic.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: KafkaPrincipal.user('payment-service'),
    idempotency: 'payment id is unique per order; duplicates are ignored',
    replaySafety: { deterministic: true, sideEffects: { control: 'guarded', by: 'payment id is unique per order; charged once' } },
    processingTimePerMessage: '5ms',
    maxProcessingLag: '5m',
    ...overrides.group,
  });
  return { domain, topic, group, producer };
}

/** `lintStack` of the orders seed with one part overridden. */
export function lintOrders(overrides: OrdersOverrides = {}, environment: EnvironmentInput = DEV): LintedStack {
  return lintStack((stack) => void declareOrders(stack, overrides), environment);
}

// ---------------------------------------------------------------------------------------------------------------------
// 2. Plain declarations through the model

export interface DeclarationSet {
  readonly domains?: readonly DomainInput[];
  readonly topics?: readonly EventTopicInput[];
  readonly consumerGroups?: readonly ConsumerGroupInput[];
  readonly producers?: readonly ProducerInput[];
  readonly legacyAcls?: readonly LegacyAclInput[];
  readonly streamsApplications?: readonly StreamsApplicationInput[];
}

/** Resolves plain declarations; throws with every issue when they do not resolve. */
export function resolveTopology(declarations: DeclarationSet, environment: EnvironmentInput = DEV): Topology {
  const result = resolve(
    {
      domains: declarations.domains ?? [],
      topics: declarations.topics ?? [],
      consumerGroups: declarations.consumerGroups ?? [],
      producers: declarations.producers ?? [],
      legacyAcls: declarations.legacyAcls ?? [],
      streamsApplications: declarations.streamsApplications ?? [],
    },
    environment,
  );
  if (result.topology === null) {
    throw new Error(`the declarations do not resolve:\n${result.issues.map((i) => `  ${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  }
  return result.topology;
}

export { domain, eventTopic, consumerGroup, producer, legacyAcl, ordersDeclarations } from './declarations';

// ---------------------------------------------------------------------------------------------------------------------
// Subjects of a Topology

export function topicNamed(topology: Topology, name: string): ResolvedTopic {
  const topic = topology.topics.find((t) => t.name === name);
  if (topic === undefined) throw new Error(`no topic "${name}" among ${topology.topics.map((t) => t.name).join(', ')}`);
  return topic;
}

export function eventTopicNamed(topology: Topology, name: string): ResolvedEventTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind !== 'event') throw new Error(`"${name}" is a ${topic.kind} topic`);
  return topic;
}

export function companionNamed(topology: Topology, name: string): ResolvedCompanionTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind === 'event') throw new Error(`"${name}" is an event topic`);
  return topic;
}

export function domainNamed(topology: Topology, name: string): ResolvedDomain {
  const found = topology.domains.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no domain "${name}"`);
  return found;
}

export function groupWithId(topology: Topology, groupId: string): ResolvedConsumerGroup {
  const group = topology.consumerGroups.find((g) => g.groupId === groupId);
  if (group === undefined) throw new Error(`no consumer group "${groupId}" among ${topology.consumerGroups.map((g) => g.groupId).join(', ')}`);
  return group;
}

export function producerOf(topology: Topology, service: string): ResolvedProducer {
  const found = topology.producers.find((p) => p.service === service);
  if (found === undefined) throw new Error(`no producer of service "${service}"`);
  return found;
}

export function firstAcl(topology: Topology, predicate: (acl: ResolvedAcl) => boolean = () => true): ResolvedAcl {
  const found = topology.acls.find(predicate);
  if (found === undefined) throw new Error('no matching ACL');
  return found;
}

/** A Topology with some parts replaced (hand-built states the declarations cannot produce). */
export function withTopology(topology: Topology, changes: Partial<Omit<Topology, 'formatVersion'>>): Topology {
  return { ...topology, ...changes };
}

export function context(topology: Topology): LintContext {
  return buildContext(topology);
}

// ---------------------------------------------------------------------------------------------------------------------
// Results and findings

/** The violations of a result; fails the test when the result is not `violations`. */
export function violationsOf(result: RuleResult): readonly Violation[] {
  expect(result.status, JSON.stringify(result)).toBe('violations');
  return result.status === 'violations' ? result.violations : [];
}

export interface ExpectedViolation {
  readonly field: string;
  readonly message: string | RegExp;
  /** The per-finding level override; `undefined` asserts there is none. */
  readonly level?: RuleLevel;
}

/** Asserts a single violation with this field, a message containing the text, and (when given) this level override. */
export function expectViolation(result: RuleResult, expected: ExpectedViolation): Violation {
  const found = violationsOf(result);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const [v] = found;
  if (v === undefined) throw new Error('unreachable');
  expect(v.field).toBe(expected.field);
  if (typeof expected.message === 'string') expect(v.message).toContain(expected.message);
  else expect(v.message).toMatch(expected.message);
  expect(v.level).toBe(expected.level);
  return v;
}

export function expectUnknown(result: RuleResult, field: string, reason: string | RegExp): void {
  expect(result.status, JSON.stringify(result)).toBe('unknown');
  if (result.status !== 'unknown') return;
  expect(result.field).toBe(field);
  if (typeof reason === 'string') expect(result.reason).toContain(reason);
  else expect(result.reason).toMatch(reason);
}

/** Findings of one rule, optionally about one subject name. */
export function findingsOf(findings: readonly Finding[], ruleId: string, subjectName?: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId && (subjectName === undefined || f.subject.name === subjectName));
}

export interface ExpectedFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly subject: string;
  readonly field: string;
  readonly message: string | RegExp;
  readonly undecided?: boolean;
}

/** Asserts exactly one finding of `ruleId` about `subject`, with this level, field and message. */
export function expectFinding(findings: readonly Finding[], expected: ExpectedFinding): Finding {
  const found = findingsOf(findings, expected.ruleId, expected.subject);
  expect(found, `findings: ${describeFindings(findings)}`).toHaveLength(1);
  const [f] = found;
  if (f === undefined) throw new Error('unreachable');
  expect(f.level).toBe(expected.level);
  expect(f.field).toBe(expected.field);
  if (typeof expected.message === 'string') expect(f.message).toContain(expected.message);
  else expect(f.message).toMatch(expected.message);
  expect(f.undecided).toBe(expected.undecided ?? false);
  return f;
}

export function expectNoFinding(findings: readonly Finding[], ruleId: string, subject?: string): void {
  expect(findingsOf(findings, ruleId, subject), `findings: ${describeFindings(findings)}`).toEqual([]);
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings.length === 0
    ? '(none)'
    : findings.map((f) => `\n  ${f.ruleId} ${f.level} ${f.subject.kind} ${f.subject.name} › ${f.field}: ${f.message}`).join('');
}
