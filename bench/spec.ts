/**
 * The synthetic organisation the benchmark synthesizes: N event topics spread over ⌈N/150⌉ domains (one Terraform
 * stack per domain in a production environment), each topic with a producer and two consumer groups, each group with
 * its dead-letter topic. Pure and deterministic: the same N gives the same spec, on every machine.
 *
 * Every tenth topic is read by two groups of the same service (one principal), so ACL deduplication across groups
 * sharing a principal is exercised: the second group's Topic READ on that topic is the first group's.
 */
import type { EnvironmentInput } from '../model/schema';

/**
 * Topics per domain the generator aims at. Each domain is one stack, and 150 topics make ~1,800 resources: within
 * STACK_RESOURCE_BUDGET (model/limits.ts), as lint asks of a real organisation.
 */
export const TOPICS_PER_DOMAIN = 150;

/** Services (principals) per domain that own the consumer groups, and per domain that produce. */
const CONSUMER_SERVICES = 8;
const PRODUCER_SERVICES = 5;

export interface GroupSpec {
  /** The group's short name, unique in its domain. */
  readonly name: string;
  readonly service: string;
  readonly processingMs: number;
  readonly maxLagMinutes: number;
}

export interface TopicSpec {
  /** The event name (the topic is `<domain>.<event>`). */
  readonly event: string;
  readonly peakMessagesPerSecond: number;
  readonly averageMessageBytes: number;
  readonly replayDays: number;
  readonly producerService: string;
  readonly groups: readonly GroupSpec[];
}

export interface DomainSpec {
  readonly name: string;
  readonly owner: string;
  readonly topics: readonly TopicSpec[];
}

export interface BenchSpec {
  readonly environment: EnvironmentInput;
  readonly domains: readonly DomainSpec[];
}

/** The environment every benchmark app declares: production rules, one stack per domain. */
export const BENCH_ENVIRONMENT: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2, layout: 'domain' };

/** ⌈N/150⌉ domains, at least 1 (100 → 1, 1,000 → 7, 10,000 → 67). */
export function domainCount(topics: number, perDomain = TOPICS_PER_DOMAIN): number {
  return Math.max(1, Math.ceil(topics / perDomain));
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A cheap deterministic spread of small integers (no Math.random: the spec must be the same everywhere). */
function pick(i: number, salt: number, modulo: number): number {
  const x = Math.imul(i + 1, 2654435761) ^ Math.imul(salt + 1, 40503);
  return (x >>> 0) % modulo;
}

/** N topics dealt round-robin over ⌈N / perDomain⌉ domains. */
export function benchSpec(topics: number, perDomain = TOPICS_PER_DOMAIN): BenchSpec {
  if (!Number.isInteger(topics) || topics < 1) throw new Error(`topics must be a positive integer, got ${topics}`);
  if (!Number.isInteger(perDomain) || perDomain < 1) throw new Error(`topics per domain must be a positive integer, got ${perDomain}`);
  const count = domainCount(topics, perDomain);
  const domains: DomainSpec[] = [];
  for (let d = 0; d < count; d++) {
    const name = `domain-${pad(d, 3)}`;
    const list: TopicSpec[] = [];
    // Topics are dealt round-robin so every domain gets ⌊N/count⌋ or one more.
    for (let i = d; i < topics; i += count) {
      const first = `${name}-consumer-${pick(i, 1, CONSUMER_SERVICES)}`;
      const sharedPrincipal = i % 10 === 0;
      const second = sharedPrincipal
        ? first
        : `${name}-consumer-${(pick(i, 1, CONSUMER_SERVICES) + 1 + pick(i, 2, CONSUMER_SERVICES - 1)) % CONSUMER_SERVICES}`;
      list.push({
        event: `event-${pad(i, 5)}`,
        peakMessagesPerSecond: 100 + 100 * pick(i, 3, 30),
        averageMessageBytes: 256 * (1 + pick(i, 4, 8)),
        replayDays: 1 + pick(i, 5, 14),
        producerService: `${name}-producer-${pick(i, 6, PRODUCER_SERVICES)}`,
        groups: [
          { name: `e${pad(i, 5)}-projector`, service: first, processingMs: 1 + pick(i, 7, 8), maxLagMinutes: 5 * (1 + pick(i, 8, 6)) },
          { name: `e${pad(i, 5)}-audit`, service: second, processingMs: 1 + pick(i, 9, 4), maxLagMinutes: 30 },
        ],
      });
    }
    domains.push({ name, owner: `@acme/${name}-team`, topics: list });
  }
  return { environment: BENCH_ENVIRONMENT, domains };
}

/**
 * The head of a pull request that changes `fraction` of the topics (at least one): every other changed topic gets
 * three times the peak throughput (more partitions, a review WARN), the others a replay window three days longer
 * (longer retention).
 */
export function changeSpec(spec: BenchSpec, fraction: number): { spec: BenchSpec; changed: number } {
  const total = spec.domains.reduce((n, d) => n + d.topics.length, 0);
  const every = Math.max(1, Math.round(1 / fraction));
  let index = 0;
  let changed = 0;
  const domains = spec.domains.map((d) => ({
    ...d,
    topics: d.topics.map((t) => {
      const i = index++;
      if (i % every !== every - 1 && !(total < every && i === 0)) return t;
      changed++;
      return changed % 2 === 1 ? { ...t, peakMessagesPerSecond: t.peakMessagesPerSecond * 3 } : { ...t, replayDays: t.replayDays + 3 };
    }),
  }));
  return { spec: { ...spec, domains }, changed };
}

export function topicCount(spec: BenchSpec): number {
  return spec.domains.reduce((n, d) => n + d.topics.length, 0);
}
