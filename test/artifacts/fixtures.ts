/**
 * Topologies for the artifact tests: the repository's examples (built through main.ts exactly as synth builds them) and
 * an edge-case topology resolved straight from declarations (transactional and non-idempotent producers, auto commit,
 * cross-domain reads, undeclared processing figures, a service with two principals, a topic prefix, awkward text).
 */
import { mergeByEnvironment } from '../../artifacts/canonical';
import { loadStacks } from '../../cli/stacks';
import { buildApp } from '../../main';
import { resolve } from '../../model/resolve';
import type { z } from 'zod';
import type { ConsumerGroupInput, domainSchema, EnvironmentInput, EventTopicInput, ProducerInput } from '../../model/schema';
import type { ResolvedConsumerGroup, ResolvedEventTopic, ResolvedProducer, Topology } from '../../model/topology';

let examples: readonly Topology[] | undefined;

/**
 * The examples' topologies, one per environment of environments.ts, built as synth builds them (an environment split
 * into one stack per domain is merged back from its stacks' slices).
 */
export function exampleTopologies(): readonly Topology[] {
  if (examples !== undefined) return examples;
  const { stacks, errors } = loadStacks(buildApp);
  if (errors.length > 0) throw new Error(`the examples do not resolve:\n${errors.join('\n')}`);
  examples = mergeByEnvironment(stacks.flatMap((s) => (s.topology === null ? [] : [s.topology])));
  return examples;
}

export function exampleTopology(env: string): Topology {
  const found = exampleTopologies().find((t) => t.environment.name === env);
  if (found === undefined) throw new Error(`no example environment ${env}`);
  return found;
}

type DomainInput = z.input<typeof domainSchema>;

const EDGE: EnvironmentInput = { name: 'edge', production: false, replicationFactor: 2, minInsyncReplicas: 1, topicPrefix: 'edge.' };

const DOMAINS: DomainInput[] = [
  { name: 'orders', owner: '@acme/orders-team', description: 'Orders | payments\nand more', source: { path: 'edge/orders', file: 'topics/orders.ts' } },
  { name: 'billing', owner: '@acme/billing-team', description: 'Invoices for orders', source: { path: 'edge/billing', file: 'topics/billing.ts' } },
];

const TOPICS: EventTopicInput[] = [
  {
    domain: 'orders',
    name: 'order-created',
    eventTypes: ['OrderCreated'],
    key: { field: 'order"Id|<x>', aggregate: 'order', reason: 'per-order ordering | orders are independent', cardinality: 1_000 },
    throughput: { peakMessagesPerSecond: 100, averageMessageBytes: 500 },
    replay: { kind: 'window', window: '3d' },
    retentionBytes: 1_000_000,
    source: { path: 'edge/orders/order-created', file: 'topics/orders.ts', line: 10 },
  },
  {
    domain: 'orders',
    name: 'order-paid',
    eventTypes: ['OrderPaid'],
    ordering: 'none',
    partitions: 6,
    replay: { kind: 'window', window: '1d' },
    source: { path: 'edge/orders/order-paid', file: 'topics/orders.ts', line: 20 },
  },
];

const GROUPS: ConsumerGroupInput[] = [
  {
    domain: 'billing',
    name: 'invoicer',
    service: 'billing-service',
    principal: 'User:billing-a',
    subscriptions: [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are issued for created orders' }],
    retries: ['30s'],
    offsetCommit: { mode: 'auto', reason: 'processing is synchronous inside the poll loop and cheap to repeat' },
    source: { path: 'edge/billing/invoicer', file: 'topics/billing.ts', line: 5 },
  },
  {
    domain: 'billing',
    name: 'audit',
    service: 'billing-service',
    principal: 'User:billing-b',
    subscriptions: [{ topic: { domain: 'orders', event: 'order-paid' }, reason: 'auditors read every payment' }],
    deadLetter: false,
    idempotency: 'audit rows are keyed by event id; a duplicate insert is ignored',
    processingTimePerMessage: '20s',
    maxProcessingLag: '1m',
    source: { path: 'edge/billing/audit', file: 'topics/billing.ts', line: 15 },
  },
];

const PRODUCERS: ProducerInput[] = [
  {
    topic: { domain: 'orders', event: 'order-created' },
    service: 'order-service',
    principal: 'User:order-service',
    transactionalIdPrefix: 'order-service-tx-',
    delivery: { timeout: '10s', backoff: '200ms', backoffMax: '5s', retries: 3 },
    source: { path: 'edge/orders/order-created/Producer-order-service', file: 'topics/orders.ts', line: 12 },
  },
  {
    topic: { domain: 'orders', event: 'order-paid' },
    service: 'order-service',
    principal: 'User:order-service',
    idempotent: false,
    source: { path: 'edge/orders/order-paid/Producer-order-service', file: 'topics/orders.ts', line: 22 },
  },
];

/** The edge-case topology; throws with the issues when the fixture does not resolve. */
export function edgeCaseTopology(): Topology {
  const result = resolve({ domains: DOMAINS, topics: TOPICS, consumerGroups: GROUPS, producers: PRODUCERS }, EDGE);
  if (result.topology === null) throw new Error(`fixture does not resolve: ${JSON.stringify(result.issues, null, 2)}`);
  return result.topology;
}

export function groupOf(topology: Topology, groupId: string): ResolvedConsumerGroup {
  const found = topology.consumerGroups.find((g) => g.groupId === groupId);
  if (found === undefined) throw new Error(`no consumer group ${groupId}`);
  return found;
}

export function eventTopicOf(topology: Topology, name: string): ResolvedEventTopic {
  const found = topology.topics.find((t): t is ResolvedEventTopic => t.kind === 'event' && t.name === name);
  if (found === undefined) throw new Error(`no event topic ${name}`);
  return found;
}

export function producersOf(topology: Topology, service: string): ResolvedProducer[] {
  return topology.producers.filter((p) => p.service === service);
}

/**
 * java.util.Properties' essentials: `key=value` lines, `#` comments; returns the entries and each key's comment: the
 * comment line directly above it ('' when a blank line or another setting comes between).
 */
export function parseProperties(text: string): { values: Map<string, string>; comments: Map<string, string>; commentedOut: Map<string, string> } {
  const values = new Map<string, string>();
  const comments = new Map<string, string>();
  const commentedOut = new Map<string, string>();
  let comment = '';
  for (const line of text.split('\n')) {
    const commented = /^#([A-Za-z][\w.-]*)=(.*)$/.exec(line);
    if (commented !== null) {
      commentedOut.set(commented[1] ?? '', commented[2] ?? '');
      comments.set(commented[1] ?? '', comment);
      comment = '';
    } else if (line.startsWith('#')) {
      comment = line.slice(1).trim();
    } else if (line.trim() === '') {
      comment = '';
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      values.set(key, line.slice(at + 1));
      comments.set(key, comment);
      comment = '';
    }
  }
  return { values, comments, commentedOut };
}

/**
 * A generated environment of `topics` event topics over `domains` domains, shaped like a real organisation: each topic
 * has a producing service, a group of its own domain with three retry tiers and a dead-letter topic, and a group of the
 * next domain reading it (cross-domain reads, so the domain overview has links). Resolved straight from declarations.
 */
export function generatedTopology(topics: number, domains: number): Topology {
  const names = Array.from({ length: domains }, (_, d) => `domain-${String(d).padStart(2, '0')}`);
  const domainInputs: DomainInput[] = names.map((name) => ({
    name,
    owner: `@acme/${name}-team`,
    description: `Generated domain ${name}`,
    source: { path: `gen/${name}`, file: `topics/${name}.ts` },
  }));
  const topicInputs: EventTopicInput[] = [];
  const groups: ConsumerGroupInput[] = [];
  const producers: ProducerInput[] = [];
  for (let i = 0; i < topics; i++) {
    const domain = names[i % domains] ?? '';
    const reader = names[(i + 1) % domains] ?? '';
    const event = `entity-changed-${String(i).padStart(4, '0')}`;
    const ref = { domain, event };
    topicInputs.push({
      domain,
      name: event,
      eventTypes: ['EntityChanged'],
      key: { field: 'entityId', aggregate: 'entity', reason: 'per-entity ordering; entities are independent', cardinality: 100_000 },
      throughput: { peakMessagesPerSecond: 100 + (i % 7) * 100, averageMessageBytes: 512 },
      replay: { kind: 'window', window: `${1 + (i % 7)}d` },
      source: { path: `gen/${domain}/${event}`, file: `topics/${domain}.ts`, line: 1 + i },
    });
    producers.push({
      topic: ref,
      service: `${domain}-writer-${i % 3}`,
      principal: `User:${domain}-writer-${i % 3}`,
      source: { path: `gen/${domain}/${event}/Producer`, file: `topics/${domain}.ts`, line: 1 + i },
    });
    groups.push({
      domain,
      name: `projector-${String(i).padStart(4, '0')}`,
      service: `${domain}-projector`,
      principal: `User:${domain}-projector`,
      subscriptions: [{ topic: ref }],
      retries: ['1s', '2s', '4s'],
      idempotency: 'upsert by entity id',
      source: { path: `gen/${domain}/projector-${i}`, file: `topics/${domain}.ts`, line: 1 + i },
    });
    groups.push({
      domain: reader,
      name: `${domain}-${event}-reader`,
      service: `${reader}-reader`,
      principal: `User:${reader}-reader`,
      subscriptions: [{ topic: ref, reason: 'reads the other domain' }],
      idempotency: 'upsert by entity id',
      source: { path: `gen/${reader}/reader-${i}`, file: `topics/${reader}.ts`, line: 1 + i },
    });
  }
  const environment: EnvironmentInput = { name: 'big', production: true, replicationFactor: 3, minInsyncReplicas: 2 };
  const result = resolve({ domains: domainInputs, topics: topicInputs, consumerGroups: groups, producers }, environment);
  if (result.topology === null) throw new Error(`generated topology does not resolve: ${JSON.stringify(result.issues.slice(0, 5), null, 2)}`);
  return result.topology;
}
