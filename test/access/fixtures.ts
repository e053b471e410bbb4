/**
 * Plain declarations for the access tests: orders (the seed), search reading orders' events with a stated reason (the
 * cross-domain grant of topics/search.ts), and billing, whose topic declares no throughput. Each factory returns a
 * valid declaration; a test changes what its case is about.
 */
import type { z } from 'zod';
import { formatIssue } from '../../model/issues';
import { resolve, type LocatedIssue } from '../../model/resolve';
import type { ConsumerGroupInput, domainSchema, EnvironmentInput, EventTopicInput, LegacyAclInput, ProducerInput } from '../../model/schema';
import type { Topology } from '../../model/topology';

export type DomainInput = z.input<typeof domainSchema>;

export const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };
export const PROD: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };

export const ORDERS_PEAK = { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 } as const;
export const DOCUMENTS_PEAK = { peakMessagesPerSecond: 500, averageMessageBytes: 4_096 } as const;
export const CROSS_DOMAIN_REASON = 'customer service searches orders by customer and status';

const domain = (name: string): DomainInput => ({
  name,
  owner: `@acme/${name}-team`,
  description: `The ${name} domain`,
  recoveryProcedure: `docs/runbooks/${name}.md`,
  source: { path: `dev/${name}`, file: `topics/${name}.ts`, line: 5 },
});

const topic = (domainName: string, name: string, extra: Partial<EventTopicInput>): EventTopicInput => ({
  domain: domainName,
  name,
  eventTypes: ['Happened'],
  key: { field: 'id', aggregate: name, reason: 'per-aggregate ordering; aggregates are independent of each other' },
  replay: { kind: 'window', window: '7d' },
  source: { path: `dev/${domainName}/${name}`, file: `topics/${domainName}.ts`, line: 12 },
  ...extra,
});

const group = (
  domainName: string,
  name: string,
  principal: string,
  subscriptions: ConsumerGroupInput['subscriptions'],
  extra: Partial<ConsumerGroupInput> = {},
): ConsumerGroupInput => ({
  domain: domainName,
  name,
  service: principal.slice(principal.indexOf(':') + 1),
  principal,
  subscriptions,
  idempotency: 'dedupe by event id; duplicates are ignored',
  processingTimePerMessage: '5ms',
  maxProcessingLag: '5m',
  source: { path: `dev/${domainName}/${name}`, file: `topics/${domainName}.ts`, line: 30 },
  ...extra,
});

const producer = (domainName: string, event: string, principal: string): ProducerInput => ({
  topic: { domain: domainName, event },
  service: principal.slice(principal.indexOf(':') + 1),
  principal,
  source: { path: `dev/${domainName}/${event}/Producer`, file: `topics/${domainName}.ts`, line: 20 },
});

export interface Fixture {
  domains: DomainInput[];
  topics: EventTopicInput[];
  consumerGroups: ConsumerGroupInput[];
  producers: ProducerInput[];
  legacyAcls: LegacyAclInput[];
}

/** orders + search (with the cross-domain grant) + billing (no throughput declared). */
export function fixture(): Fixture {
  return {
    domains: [domain('orders'), domain('search'), domain('billing')],
    topics: [
      topic('orders', 'order-created', { throughput: { ...ORDERS_PEAK } }),
      topic('search', 'document-changed', { throughput: { ...DOCUMENTS_PEAK }, replay: { kind: 'full', longestReindex: '12h' } }),
      topic('billing', 'invoice-issued', { partitions: 6 }),
    ],
    consumerGroups: [
      group('orders', 'payment', 'User:payment-service', [{ topic: { domain: 'orders', event: 'order-created' } }]),
      group('search', 'indexer', 'User:search-indexer', [{ topic: { domain: 'search', event: 'document-changed' } }]),
      group('search', 'order-indexer', 'User:search-indexer', [{ topic: { domain: 'orders', event: 'order-created' }, reason: CROSS_DOMAIN_REASON }]),
    ],
    producers: [
      producer('orders', 'order-created', 'User:order-service'),
      producer('search', 'document-changed', 'User:catalog-service'),
      producer('billing', 'invoice-issued', 'User:billing-service'),
    ],
    legacyAcls: [],
  };
}

export function resolveFixture(f: Fixture, environment: EnvironmentInput = DEV): { topology: Topology | null; issues: readonly LocatedIssue[] } {
  return resolve(f, environment);
}

/** Resolves; throws with every issue when the declarations have errors. */
export function topologyOf(f: Fixture, environment: EnvironmentInput = DEV): Topology {
  const { topology, issues } = resolveFixture(f, environment);
  if (topology === null) throw new Error(`does not resolve:\n${issues.map((i) => `${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  return topology;
}

export { group, producer, topic };
