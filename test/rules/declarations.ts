/**
 * Plain declarations (the data the constructs hand to the model) for rule tests that go through `resolve` directly.
 * Each factory returns a compliant declaration; a test overrides the one field its scenario is about.
 */
import type { z } from 'zod';
import type { ConsumerGroupInput, domainSchema, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput } from '../../model/schema';

export type DomainInput = z.input<typeof domainSchema>;
export type { ConsumerGroupInput, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput };

export function domain(name: string, overrides: Partial<DomainInput> = {}): DomainInput {
  return {
    name,
    owner: `@acme/${name}-team`,
    description: `The ${name} domain`,
    recoveryProcedure: `docs/runbooks/${name}.md`,
    source: { path: `dev/${name}`, file: `topics/${name}.ts`, line: 5 },
    ...overrides,
  };
}

export function eventTopic(domainName: string, name: string, overrides: Partial<EventTopicInput> = {}): EventTopicInput {
  return {
    domain: domainName,
    name,
    eventTypes: ['OrderCreated'],
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other', cardinality: 5_000_000 },
    throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 },
    replay: { kind: 'window', window: '7d' },
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only; a breaking change is a new event type',
      schema: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'], additionalProperties: false },
    },
    source: { path: `dev/${domainName}/${name}`, file: `topics/${domainName}.ts`, line: 12 },
    ...overrides,
  };
}

export function consumerGroup(
  domainName: string,
  name: string,
  topic: { domain: string; event: string },
  overrides: Partial<ConsumerGroupInput> = {},
): ConsumerGroupInput {
  return {
    domain: domainName,
    name,
    service: `${name}-service`,
    principal: `User:${name}-service`,
    subscriptions: [{ topic, ...(topic.domain === domainName ? {} : { reason: `${domainName} needs ${topic.domain}'s events` }) }],
    idempotency: `${name} dedupes by event id; duplicates are ignored`,
    replaySafety: { deterministic: true, sideEffects: { control: 'guarded', by: `${name} dedupes by event id before any external effect` } },
    processingTimePerMessage: '5ms',
    maxProcessingLag: '5m',
    source: { path: `dev/${domainName}/${name}`, file: `topics/${domainName}.ts`, line: 30 },
    ...overrides,
  };
}

export function producer(topic: { domain: string; event: string }, service: string, overrides: Partial<ProducerInput> = {}): ProducerInput {
  return {
    topic,
    service,
    principal: `User:${service}`,
    source: { path: `dev/${topic.domain}/${topic.event}/Producer-${service}`, file: `topics/${topic.domain}.ts`, line: 25 },
    ...overrides,
  };
}

/** A legacy ACL kept on purpose (an imported wildcard read by a reporting tool). */
export function legacyAcl(domainName: string, overrides: Partial<LegacyAclInput> = {}): LegacyAclInput {
  return {
    domain: domainName,
    principal: 'User:reporting',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: `${domainName}.`,
    patternType: 'Prefixed',
    reason: 'the reporting tool reads every topic of the domain until its migration in Q3',
    source: { path: `dev/${domainName}/LegacyReporting`, file: `topics/${domainName}.ts`, line: 50 },
    ...overrides,
  };
}

/** The orders seed as plain data: one compliant domain, topic, group and producer. */
export function ordersDeclarations(): {
  domains: DomainInput[];
  topics: EventTopicInput[];
  consumerGroups: ConsumerGroupInput[];
  producers: ProducerInput[];
} {
  const ref = { domain: 'orders', event: 'order-created' };
  return {
    domains: [domain('orders')],
    topics: [eventTopic('orders', 'order-created')],
    consumerGroups: [consumerGroup('orders', 'payment', ref)],
    producers: [producer(ref, 'order-service')],
  };
}
