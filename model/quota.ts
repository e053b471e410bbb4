/**
 * Client quotas per service principal, so one noisy service cannot starve the cluster (issue 12).
 *
 * For every `User:` principal the declarations use:
 * - `producer_byte_rate` = Σ declared peak bytes/s (peak msg/s × average bytes) of the topics it produces
 *   × QUOTA_PRODUCE_HEADROOM;
 * - `consumer_byte_rate` = Σ declared peak bytes/s of the topics it reads, once per consumer group (each group reads
 *   the whole topic) × QUOTA_CONSUME_HEADROOM, so a replaying consumer catches up faster than real time.
 * Kafka Streams applications and connectors count like the clients they are: a Streams application reads its inputs
 * (once, in its application.id) and produces its outputs; a sink connector reads its topics (once, in its group); a
 * source connector produces its topics. Their throughput is the topics' declared throughput, as for producers.
 * A rate is derived only when every topic involved declares throughput; otherwise that rate is left out (lint says so,
 * TF-ACCESS-002) rather than guessed. Throughput is the environment's scaled throughput (resolve scales it). An
 * environment may replace either rate per principal (`quotas.overrides`) or turn quotas off (`quotas.enabled`).
 *
 * Writes to retry and dead-letter topics are not counted: they carry a fraction of what the group reads, and a retry
 * storm being throttled is the point of a quota. Kafka enforces byte-rate quotas per broker; the whole declared peak is
 * used as each broker's limit, which never throttles normal traffic even when all partition leaders share one broker.
 */
import { createHash } from 'node:crypto';
import { QUOTA_CONSUME_HEADROOM, QUOTA_PRODUCE_HEADROOM } from './limits';
import type { QuotaOverride } from './schema';
import type {
  ResolvedConnector,
  ResolvedConsumerGroup,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedQuota,
  ResolvedStreamsApplication,
  SizedValue,
} from './topology';
import { groupBy } from './group-by';
import { formatNumber } from './format-number';
import { compare } from './compare';

/** The only principal type Kafka's user quotas are keyed by (`entity_type = "user"`). */
export const QUOTA_PRINCIPAL_PREFIX = 'User:';

export interface QuotaOptions {
  readonly enabled: boolean;
  /** By principal. */
  readonly overrides: Readonly<Record<string, QuotaOverride>>;
  /** The environment's name, for the explanation of an override. */
  readonly environment: string;
  /** The environment's throughput scaling factor (1 = as declared), for the explanation. */
  readonly throughputScaling: number;
}

interface Flow {
  /** `orders.payment reads ` or empty for producers. */
  readonly label: string;
  readonly topic: string;
  readonly bytesPerSecond: number | null;
  readonly detail: string;
}

const fmt = formatNumber;

/** Bytes/s rounded up to a whole byte; float noise from scaling (200.00000000000003) does not add a byte. */
export function wholeBytes(value: number): number {
  return Math.ceil(Math.round(value * 1_000) / 1_000);
}

function flowOf(label: string, topic: ResolvedEventTopic | undefined, name: string): Flow {
  const t = topic?.throughput ?? null;
  if (t === null) return { label, topic: name, bytesPerSecond: null, detail: `${label}${name} (no throughput declared)` };
  const bytes = t.peakMessagesPerSecond * t.averageMessageBytes;
  return {
    label,
    topic: name,
    bytesPerSecond: bytes,
    detail: `${label}${name} ${fmt(t.peakMessagesPerSecond)} msg/s × ${fmt(t.averageMessageBytes)} B = ${fmt(wholeBytes(bytes))} B/s`,
  };
}

function rate(
  flows: readonly Flow[],
  headroom: number,
  direction: 'produce' | 'consume',
  scaling: number,
): { value: SizedValue<number> | null; undeclared: string[] } {
  const undeclared = [...new Set(flows.filter((f) => f.bytesPerSecond === null).map((f) => f.topic))].sort(compare);
  if (flows.length === 0 || undeclared.length > 0) return { value: null, undeclared };
  const total = flows.reduce((sum, f) => sum + (f.bytesPerSecond ?? 0), 0);
  const value = wholeBytes(total * headroom);
  const scaled = scaling < 1 ? ` (throughput scaled ×${fmt(scaling)} in this environment)` : '';
  const sum = flows.length === 1 ? '' : ` = ${fmt(wholeBytes(total))} B/s`;
  return {
    value: {
      value,
      explanation: `${flows.map((f) => f.detail).join(' + ')}${sum}${scaled}; × ${direction} headroom ${headroom} → ${fmt(value)} B/s per broker`,
    },
    undeclared,
  };
}

function overridden(derived: SizedValue<number> | null, override: number | undefined, environment: string): SizedValue<number> | null {
  if (override === undefined) return derived;
  const was = derived === null ? 'none derived' : `derived would be ${fmt(derived.value)} B/s`;
  return { value: override, explanation: `${fmt(override)} B/s set in environment ${environment} (${was})` };
}

/** A client other than a consumer group or producer (a Streams application, a Connect worker or connector): who it runs as, and where. */
export interface OtherClient {
  readonly principal: string;
  readonly domain: string;
  readonly service: string;
}

/** The principals the declarations use, with the domains and services that use them. */
export function principalUses(
  groups: readonly ResolvedConsumerGroup[],
  producers: readonly ResolvedProducer[],
  others: readonly OtherClient[] = [],
): Map<string, { domains: Set<string>; services: Set<string> }> {
  const uses = new Map<string, { domains: Set<string>; services: Set<string> }>();
  const add = (principal: string, domain: string, service: string): void => {
    const entry = uses.get(principal) ?? { domains: new Set<string>(), services: new Set<string>() };
    entry.domains.add(domain);
    entry.services.add(service);
    uses.set(principal, entry);
  };
  for (const g of groups) add(g.principal, g.domain, g.service);
  for (const p of producers) add(p.principal, p.topic.domain, p.service);
  for (const o of others) add(o.principal, o.domain, o.service);
  return uses;
}

/**
 * One quota entry per `User:` principal the declarations use, sorted by principal (none when quotas are off). An entry
 * whose rates are both null is kept so lint and the access report can say why there is no quota; it is not rendered.
 */
export function deriveQuotas(
  eventTopics: ReadonlyMap<string, ResolvedEventTopic>,
  groups: readonly ResolvedConsumerGroup[],
  producers: readonly ResolvedProducer[],
  options: QuotaOptions,
  clients: QuotaClients = { streamsApplications: [], connectors: [] },
): ResolvedQuota[] {
  if (!options.enabled) return [];
  const uses = principalUses(groups, producers, [...clients.streamsApplications, ...clients.connectors]);
  const appsBy = groupBy(clients.streamsApplications, (a) => a.principal);
  const connectorsBy = groupBy(clients.connectors, (k) => k.principal);
  // Grouped once: filtering every list per principal was quadratic (2.3 s of resolve at 10,000 topics).
  const producedBy = groupBy(producers, (p) => p.principal);
  const readBy = groupBy(groups, (g) => g.principal);
  const quotas: ResolvedQuota[] = [];
  for (const principal of [...uses.keys()].sort(compare)) {
    if (!principal.startsWith(QUOTA_PRINCIPAL_PREFIX)) continue;
    const use = uses.get(principal);
    if (use === undefined) continue;
    const apps = [...(appsBy.get(principal) ?? [])].sort((a, b) => compare(a.applicationId, b.applicationId));
    const connectors = [...(connectorsBy.get(principal) ?? [])].sort((a, b) => compare(`${a.cluster.groupId}/${a.name}`, `${b.cluster.groupId}/${b.name}`));
    const produced = [
      ...new Set([
        ...(producedBy.get(principal) ?? []).map((p) => p.topicName),
        ...apps.flatMap((a) => a.outputs.map((o) => o.topicName)),
        ...connectors.filter((k) => k.type === 'source').flatMap((k) => k.topics.map((t) => t.topicName)),
      ]),
    ].sort(compare);
    const produce = produced.map((name) => flowOf('', eventTopics.get(name), name));
    // Sorted here: the explanation must not depend on declaration order (resolve sorts its lists only at the end).
    const consume = [
      ...[...(readBy.get(principal) ?? [])]
        .sort((a, b) => compare(a.groupId, b.groupId))
        .flatMap((g) => g.subscriptions.map((s) => flowOf(`${g.groupId} reads `, eventTopics.get(s.topicName), s.topicName))),
      ...apps.flatMap((a) => a.inputs.map((i) => flowOf(`${a.applicationId} reads `, eventTopics.get(i.topicName), i.topicName))),
      ...connectors
        .filter((k) => k.type === 'sink')
        .flatMap((k) => k.topics.map((t) => flowOf(`${k.groupId ?? k.name} reads `, eventTopics.get(t.topicName), t.topicName))),
    ];
    const producer = rate(produce, QUOTA_PRODUCE_HEADROOM, 'produce', options.throughputScaling);
    const consumer = rate(consume, QUOTA_CONSUME_HEADROOM, 'consume', options.throughputScaling);
    const override = options.overrides[principal] ?? {};
    quotas.push({
      principal,
      entityName: principal.slice(QUOTA_PRINCIPAL_PREFIX.length),
      domain: [...use.domains].sort(compare)[0] ?? '',
      services: [...use.services].sort(compare),
      producerByteRate: overridden(producer.value, override.producerByteRate, options.environment),
      consumerByteRate: overridden(consumer.value, override.consumerByteRate, options.environment),
      undeclaredThroughput: {
        produce: override.producerByteRate === undefined ? producer.undeclared : [],
        consume: override.consumerByteRate === undefined ? consumer.undeclared : [],
      },
    });
  }
  return quotas;
}

/** The clients other than consumer groups and producers that read and write topics as a principal. */
export interface QuotaClients {
  readonly streamsApplications: readonly ResolvedStreamsApplication[];
  readonly connectors: readonly ResolvedConnector[];
}

/** Whether a quota has anything to render. */
export function hasRates(quota: ResolvedQuota): boolean {
  return quota.producerByteRate !== null || quota.consumerByteRate !== null;
}

/** The provider's `config` map of a quota (map(number)), keys sorted. */
export function quotaConfig(quota: ResolvedQuota): Record<string, number> {
  return {
    ...(quota.consumerByteRate === null ? {} : { consumer_byte_rate: quota.consumerByteRate.value }),
    ...(quota.producerByteRate === null ? {} : { producer_byte_rate: quota.producerByteRate.value }),
  };
}

/**
 * The Terraform address of a principal's quota, derived from its entity only (`user` and the name), never from its
 * rates. Every argument of kafka_quota forces replacement, and two addresses for one entity would race: the old one's
 * delete removes the rate keys the new one just set. Same entity, same address: a rate change is one replace.
 */
export function quotaAddress(quota: Pick<ResolvedQuota, 'entityName'>): string {
  const hash = createHash('sha256').update(`user|${quota.entityName}`).digest('hex').slice(0, 8);
  return `quota_user_${quota.entityName.replace(/[^A-Za-z0-9_-]/g, '_')}_${hash}`;
}
