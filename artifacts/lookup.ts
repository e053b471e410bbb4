/**
 * Indexes of one Topology that the artifact renderers look things up in, built once per Topology object and kept in a
 * WeakMap. Renderers run per topic, group and client; scanning whole lists from each of them made the artifacts step
 * quadratic (minutes of CPU at 10,000 topics).
 */
import type {
  ResolvedConnectCluster,
  ResolvedConnector,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedStreamsApplication,
  ResolvedTopic,
  Topology,
} from '../model/topology';
import { appendTo, groupBy } from '../model/group-by';
import { domainPart, type DomainContents } from '../model/slice';

export interface TopologyLookup {
  readonly topic: (name: string) => ResolvedTopic | undefined;
  readonly eventTopic: (name: string) => ResolvedEventTopic | undefined;
  /** The event topic declared as `<domain>/<event>`. */
  readonly eventTopicByRef: (domain: string, event: string) => ResolvedEventTopic | undefined;
  readonly domain: (name: string) => ResolvedDomain | undefined;
  /** The consumer group with this group id (the first, as a search would; resolve rejects a second one). */
  readonly consumerGroup: (groupId: string) => ResolvedConsumerGroup | undefined;
  /** Producers of a topic, in Topology order. */
  readonly producersOf: (topic: string) => readonly ResolvedProducer[];
  /** Consumer groups reading a topic, in Topology order, each once. */
  readonly readersOf: (topic: string) => readonly ResolvedConsumerGroup[];
  /** Kafka Streams applications reading a topic (an input), in Topology order, each once. */
  readonly streamsReadersOf: (topic: string) => readonly ResolvedStreamsApplication[];
  /** Kafka Streams applications writing a topic (an output), in Topology order, each once. */
  readonly streamsWritersOf: (topic: string) => readonly ResolvedStreamsApplication[];
  /** Connectors using a topic: sink connectors read it, source connectors write it. In Topology order, each once. */
  readonly connectorsOf: (topic: string) => readonly ResolvedConnector[];
  /** Retry tiers by retry topic name. */
  readonly retryTier: (name: string) => { readonly tier: number; readonly delayMs: number } | undefined;
  /** What a domain owns (its event, dead-letter and retry topics, groups, ACLs…), each list in Topology order. */
  readonly ofDomain: (domain: string) => DomainContents;
  /** A domain's Kafka Streams applications, Connect clusters and connectors, each list in Topology order. */
  readonly otherClientsOf: (domain: string) => OtherClients;
}

/** What a domain runs besides producers and consumer groups (the catalog page's and runbook's extra sections). */
export interface OtherClients {
  readonly apps: readonly ResolvedStreamsApplication[];
  readonly clusters: readonly ResolvedConnectCluster[];
  readonly connectors: readonly ResolvedConnector[];
}

const NO_OTHER_CLIENTS: OtherClients = { apps: [], clusters: [], connectors: [] };

const cache = new WeakMap<Topology, TopologyLookup>();

export function lookup(topology: Topology): TopologyLookup {
  const known = cache.get(topology);
  if (known !== undefined) return known;
  const topics = new Map<string, ResolvedTopic>();
  const events = new Map<string, ResolvedEventTopic>();
  const byRef = new Map<string, ResolvedEventTopic>();
  const retry = new Map<string, { tier: number; delayMs: number }>();
  for (const t of topology.topics) {
    topics.set(t.name, t);
    if (t.kind === 'event') {
      events.set(t.name, t);
      byRef.set(`${t.ref.domain}\u0000${t.ref.event}`, t);
    } else if (t.kind === 'retry' && t.retry !== undefined) retry.set(t.name, { tier: t.retry.tier, delayMs: t.retry.delayMs });
  }
  const producers = groupBy(topology.producers, (p) => p.topicName);
  const readers = new Map<string, ResolvedConsumerGroup[]>();
  for (const g of topology.consumerGroups) for (const topic of new Set(g.subscriptions.map((s) => s.topicName))) appendTo(readers, topic, g);
  const streamsReaders = new Map<string, ResolvedStreamsApplication[]>();
  const streamsWriters = new Map<string, ResolvedStreamsApplication[]>();
  for (const a of topology.streamsApplications ?? []) {
    for (const topic of new Set(a.inputs.map((i) => i.topicName))) appendTo(streamsReaders, topic, a);
    for (const topic of new Set(a.outputs.map((o) => o.topicName))) appendTo(streamsWriters, topic, a);
  }
  const connectors = new Map<string, ResolvedConnector[]>();
  for (const k of topology.connect?.connectors ?? []) for (const topic of new Set(k.topics.map((t) => t.topicName))) appendTo(connectors, topic, k);
  const domains = new Map(topology.domains.map((d) => [d.name, d]));
  const groups = new Map<string, ResolvedConsumerGroup>();
  for (const g of topology.consumerGroups) if (!groups.has(g.groupId)) groups.set(g.groupId, g);
  const others = otherClientsByDomain(topology);
  const result: TopologyLookup = {
    topic: (name) => topics.get(name),
    eventTopic: (name) => events.get(name),
    eventTopicByRef: (domain, event) => byRef.get(`${domain}\u0000${event}`),
    domain: (name) => domains.get(name),
    consumerGroup: (groupId) => groups.get(groupId),
    producersOf: (topic) => producers.get(topic) ?? [],
    readersOf: (topic) => readers.get(topic) ?? [],
    streamsReadersOf: (topic) => streamsReaders.get(topic) ?? [],
    streamsWritersOf: (topic) => streamsWriters.get(topic) ?? [],
    connectorsOf: (topic) => connectors.get(topic) ?? [],
    retryTier: (name) => retry.get(name),
    ofDomain: (domain) => domainPart(topology, domain),
    otherClientsOf: (domain) => others.get(domain) ?? NO_OTHER_CLIENTS,
  };
  cache.set(topology, result);
  return result;
}

function otherClientsByDomain(topology: Topology): Map<string, OtherClients> {
  const apps = groupBy(topology.streamsApplications ?? [], (a) => a.domain);
  const clusters = groupBy(topology.connect?.clusters ?? [], (c) => c.domain);
  const connectors = groupBy(topology.connect?.connectors ?? [], (k) => k.domain);
  const byDomain = new Map<string, OtherClients>();
  for (const domain of new Set([...apps.keys(), ...clusters.keys(), ...connectors.keys()])) {
    byDomain.set(domain, { apps: apps.get(domain) ?? [], clusters: clusters.get(domain) ?? [], connectors: connectors.get(domain) ?? [] });
  }
  return byDomain;
}
