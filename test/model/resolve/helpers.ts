/** The seed declarations (orders, search, billing) and the assertions every resolve test shares. */
import type { z } from 'zod';
import { expect } from 'vitest';
import { formatIssue } from '../../../model/issues';
import { resolve, type Declarations, type LocatedIssue, type ResolveResult } from '../../../model/resolve';
import type { ConsumerGroupInput, domainSchema, EnvironmentInput, EventTopicInput, ProducerInput, StreamsApplicationInput } from '../../../model/schema';
import type { ResolvedCompanionTopic, ResolvedEventTopic, ResolvedTopic, Topology } from '../../../model/topology';
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };
export const PROD: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };

// ---------------------------------------------------------------------------------------------------------------------
// Declarations: the orders and search seed examples, plus a billing domain that reads orders' events.

export type DomainInput = z.input<typeof domainSchema>;

export const ORDERS: DomainInput = { name: 'orders', owner: '@acme/orders-team', description: 'Order lifecycle', source: { path: 'dev/orders' } };
export const SEARCH: DomainInput = { name: 'search', owner: '@acme/search-team', description: 'Search indexing', source: { path: 'dev/search' } };
export const BILLING: DomainInput = { name: 'billing', owner: '@acme/billing-team', description: 'Invoices', source: { path: 'dev/billing' } };

export const ORDER_CREATED: EventTopicInput = {
  domain: 'orders',
  name: 'order-created',
  eventTypes: ['OrderCreated'],
  key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other' },
  throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 },
  replay: { kind: 'window', window: '7d' },
  source: { path: 'dev/orders/order-created' },
};

export const DOCUMENT_CHANGED: EventTopicInput = {
  domain: 'search',
  name: 'document-changed',
  eventTypes: ['DocumentUpserted', 'DocumentDeleted'],
  key: { field: 'documentId', aggregate: 'document', reason: 'compaction keeps the latest state per document' },
  partitions: 6,
  replay: { kind: 'full', longestReindex: '12h' },
  source: { path: 'dev/search/document-changed' },
};

export const PAYMENT: ConsumerGroupInput = {
  domain: 'orders',
  name: 'payment',
  service: 'payment-service',
  principal: 'User:payment-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }],
  idempotency: 'payment id unique per order; duplicates are ignored',
  processingTimePerMessage: '5ms',
  maxProcessingLag: '5m',
  retries: ['1s', '2s', '4s'],
  source: { path: 'dev/orders/order-created/payment' },
};

export const NOTIFICATION: ConsumerGroupInput = {
  domain: 'orders',
  name: 'notification',
  service: 'notification-service',
  principal: 'User:notification-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' } }],
  idempotency: 'notification keyed by event id; resends are harmless',
  processingTimePerMessage: '3ms',
  maxProcessingLag: '30m',
  source: { path: 'dev/orders/order-created/notification' },
};

export const INDEXER: ConsumerGroupInput = {
  domain: 'search',
  name: 'indexer',
  service: 'indexer',
  principal: 'User:indexer',
  subscriptions: [{ topic: { domain: 'search', event: 'document-changed' } }],
  idempotency: 'upserts by document id and version; replays are harmless',
  source: { path: 'dev/search/document-changed/indexer' },
};

export const INVOICING: ConsumerGroupInput = {
  domain: 'billing',
  name: 'invoicing',
  service: 'invoice-service',
  principal: 'User:invoice-service',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are raised when an order is placed' }],
  maxProcessingLag: '1h',
  source: { path: 'dev/billing/invoicing' },
};

export const ORDER_SERVICE: ProducerInput = {
  topic: { domain: 'orders', event: 'order-created' },
  service: 'order-service',
  principal: 'User:order-service',
  source: { path: 'dev/orders/order-created/order-service' },
};

/** A Kafka Streams application of the orders domain reading order-created (application.id orders.order-totals by default). */
export const ORDER_TOTALS: StreamsApplicationInput = {
  domain: 'orders',
  name: 'order-totals',
  service: 'order-totals',
  principal: 'User:order-totals',
  inputs: [{ topic: { domain: 'orders', event: 'order-created' } }],
  source: { path: 'dev/orders/order-totals' },
};

export const SEED: Declarations = {
  domains: [ORDERS, SEARCH],
  topics: [ORDER_CREATED, DOCUMENT_CHANGED],
  consumerGroups: [PAYMENT, NOTIFICATION, INDEXER],
  producers: [ORDER_SERVICE],
};

export const withDeclarations = (changes: Partial<Declarations>): Declarations => ({ ...SEED, ...changes });

// ---------------------------------------------------------------------------------------------------------------------
// Helpers

export function resolved(declarations: Declarations, environment: EnvironmentInput = DEV): Topology {
  const result = resolve(declarations, environment);
  if (result.topology === null) {
    throw new Error(`expected a topology, got issues:\n${result.issues.map((i) => `${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  }
  return result.topology;
}

export function topicNamed(topology: Topology, name: string): ResolvedTopic {
  const topic = topology.topics.find((t) => t.name === name);
  if (topic === undefined) throw new Error(`no topic "${name}" among ${topology.topics.map((t) => t.name).join(', ')}`);
  return topic;
}

export function eventTopic(topology: Topology, name: string): ResolvedEventTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind !== 'event') throw new Error(`"${name}" is a ${topic.kind} topic`);
  return topic;
}

export function companion(topology: Topology, name: string): ResolvedCompanionTopic {
  const topic = topicNamed(topology, name);
  if (topic.kind === 'event') throw new Error(`"${name}" is an event topic`);
  return topic;
}

export interface ExpectedIssue {
  readonly source: string;
  readonly path: string;
  readonly code: string;
  readonly message?: string;
  readonly hint?: string;
}

export const describeIssues = (issues: readonly LocatedIssue[]): string =>
  issues.map((i) => `  ${i.source.path} › ${i.path} [${i.code}] ${i.message}`).join('\n');

/** Asserts that `result` holds an issue at `source` › `path` with `code`, whose message and hint contain the given text. */
export function expectIssue(result: ResolveResult, expected: ExpectedIssue): LocatedIssue {
  const found = result.issues.find((i) => i.source.path === expected.source && i.path === expected.path && i.code === expected.code);
  expect(found, `no ${expected.code} at ${expected.source} › ${expected.path} among:\n${describeIssues(result.issues)}`).toBeDefined();
  if (found === undefined) throw new Error('unreachable');
  if (expected.message !== undefined) expect(found.message).toContain(expected.message);
  if (expected.hint !== undefined) expect(found.hint).toContain(expected.hint);
  return found;
}

/** Resolves declarations that must fail: no topology, and each expected issue present. */
export function expectFailure(declarations: Declarations, environment: EnvironmentInput, ...expected: ExpectedIssue[]): ResolveResult {
  const result = resolve(declarations, environment);
  expect(result.topology, describeIssues(result.issues)).toBeNull();
  for (const e of expected) expectIssue(result, e);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------------
