/**
 * Backstage catalog entities, one file per domain (`portal/<domain>/catalog-info.yaml`) and one Location that lists
 * them (`portal/catalog-info.yaml`), so a Backstage instance registers every domain with a single URL:
 *
 * - a System per domain, owned by the domain's owner (`@acme/orders-team` → `group:orders-team`);
 * - an API of type `asyncapi` per domain whose definition is the domain's AsyncAPI document beside it
 *   (`$text: ./asyncapi.yaml`, which Backstage reads relative to the catalog file);
 * - a Resource of type `kafka-topic` per topic the domain's stacks hold (named without the environment prefix: one
 *   entity for the topic in every environment), Kafka Connect's storage topics and sink connectors' DLQs included;
 * - a Component of type `service` per service the declarations name, with `providesApis` (the domains it produces
 *   to), `consumesApis` (the domains whose topics it reads) and `dependsOn` (those topics). Producers, consumer groups,
 *   Kafka Streams applications (inputs read, outputs produced; their internal topics are Kafka Streams' own, not
 *   resources terraform creates) and Kafka Connect (the workers' storage topics; a source connector's topics as
 *   produced, a sink connector's as read, its DLQ as a dependency) all count. Each service
 *   is written once, in the catalog file of the first domain, by name, that declares it, so no two files define the
 *   same entity.
 *
 * Deterministic: entities and every list in them are sorted.
 */
import { connectTopics } from '../../model/resolve/connect';
import type { ResolvedConnectTopic, Topology } from '../../model/topology';
import { compareStrings, oneLine } from '../format';
import { groupBy } from '../../model/group-by';
import { lookup } from '../lookup';
import { apiName, entityName, logicalTopicName, ownerRef, resourceName, systemName } from './names';

type Entity = Record<string, unknown>;

/** The Backstage descriptor format version of every kind written here. */
const API_VERSION = 'backstage.io/v1alpha1';
/**
 * What a topic's Resource is, said once in its domain's API description instead of in every Resource: each description
 * ended `Kafka topic <topic> (environment prefixes aside).` and each Resource carried its topic as a title that equalled
 * its name (at 1,000 bench topics ~0.4 MB of the 1.46 MB of catalog files).
 */
export const RESOURCES_READING =
  "Each topic is a Resource of type kafka-topic named as the Kafka topic without its environment's prefix (one entity for every environment; a name Backstage would refuse is shortened, and the topic is then its title).";

/** Where a catalog file finds its domain's AsyncAPI document (relative to itself). */
export const ASYNCAPI_FILE = 'asyncapi.yaml';

export interface ServiceUse {
  readonly provides: Set<string>;
  readonly consumes: Set<string>;
  readonly topics: Set<string>;
  readonly domains: Set<string>;
}

/** Every service's producers and consumer groups across all environments and domains. */
export function serviceUses(topologies: readonly Topology[]): Map<string, ServiceUse> {
  const uses = new Map<string, ServiceUse>();
  const use = (service: string): ServiceUse => {
    let u = uses.get(service);
    if (u === undefined) uses.set(service, (u = { provides: new Set(), consumes: new Set(), topics: new Set(), domains: new Set() }));
    return u;
  };
  for (const topology of topologies) {
    for (const p of topology.producers) {
      const u = use(p.service);
      u.provides.add(p.topic.domain);
      u.domains.add(p.topic.domain);
      u.topics.add(logicalTopicName(topology, p.topicName));
    }
    const reads = (u: ServiceUse, topicName: string): void => {
      const topic = lookup(topology).topic(topicName);
      if (topic !== undefined) u.consumes.add(topic.domain);
      u.topics.add(logicalTopicName(topology, topicName));
    };
    const writes = (u: ServiceUse, topicName: string): void => {
      const topic = lookup(topology).topic(topicName);
      if (topic !== undefined) u.provides.add(topic.domain);
      u.topics.add(logicalTopicName(topology, topicName));
    };
    for (const a of topology.streamsApplications ?? []) {
      const u = use(a.service);
      u.domains.add(a.domain);
      for (const i of a.inputs) reads(u, i.topicName);
      for (const o of a.outputs) writes(u, o.topicName);
    }
    for (const c of topology.connect?.clusters ?? []) {
      const u = use(c.service);
      u.domains.add(c.domain);
      for (const t of [c.storage.config, c.storage.offset, c.storage.status]) u.topics.add(logicalTopicName(topology, t.name));
    }
    for (const k of topology.connect?.connectors ?? []) {
      const u = use(k.service);
      u.domains.add(k.domain);
      for (const t of k.topics) (k.type === 'sink' ? reads : writes)(u, t.topicName);
      if (k.deadLetter !== null) u.topics.add(logicalTopicName(topology, k.deadLetter.name));
    }
    for (const g of topology.consumerGroups) {
      const u = use(g.service);
      u.domains.add(g.domain);
      for (const s of g.subscriptions) {
        const topic = lookup(topology).topic(s.topicName);
        if (topic !== undefined) u.consumes.add(topic.domain);
        for (const name of [s.topicName, ...(s.deadLetterTopic === null ? [] : [s.deadLetterTopic]), ...s.retryTopics]) {
          u.topics.add(logicalTopicName(topology, name));
        }
      }
    }
  }
  return uses;
}

/** The domain whose catalog file holds a service's Component: the first, by name, whose declarations name it. */
function homeOf(use: ServiceUse): string {
  return [...use.domains].sort(compareStrings)[0] ?? '';
}

const homes = new WeakMap<ReadonlyMap<string, ServiceUse>, ReadonlyMap<string, ReadonlyArray<[string, ServiceUse]>>>();

/**
 * The services whose Component `domain`'s catalog file holds, grouped once per `uses`: catalogEntities runs once per
 * domain, and finding each domain's services among all of them was O(domains × services).
 */
function homedIn(uses: ReadonlyMap<string, ServiceUse>, domain: string): ReadonlyArray<[string, ServiceUse]> {
  let byHome = homes.get(uses);
  if (byHome === undefined) {
    byHome = groupBy([...uses.entries()], ([, use]) => homeOf(use));
    homes.set(uses, byHome);
  }
  return byHome.get(domain) ?? [];
}

/** The entities of one domain, in the order they are written. */
export function catalogEntities(domain: string, topologies: readonly Topology[], uses: ReadonlyMap<string, ServiceUse> = serviceUses(topologies)): Entity[] {
  const present = topologies.filter((t) => lookup(t).domain(domain) !== undefined);
  const declared = present[0] === undefined ? undefined : lookup(present[0]).domain(domain);
  if (declared === undefined) return [];
  const owner = ownerRef(declared.owner);
  const description = oneLine(declared.description);
  const production = present.some((t) => t.environment.production);
  const system: Entity = {
    apiVersion: API_VERSION,
    kind: 'System',
    metadata: { name: systemName(domain), title: domain, description, tags: ['kafka'] },
    spec: { owner },
  };
  const api: Entity = {
    apiVersion: API_VERSION,
    kind: 'API',
    metadata: {
      name: apiName(domain),
      title: `${domain} events`,
      description: `The topics of domain ${domain}, in every environment${description === '' ? '.' : `: ${description}${/[.!?]$/.test(description) ? '' : '.'}`} ${RESOURCES_READING}`,
      tags: ['kafka', 'asyncapi'],
    },
    spec: {
      type: 'asyncapi',
      lifecycle: production ? 'production' : 'experimental',
      owner,
      system: systemName(domain),
      definition: { $text: `./${ASYNCAPI_FILE}` },
    },
  };

  const topics = new Map<string, string>();
  for (const topology of present) {
    for (const topic of lookup(topology).ofDomain(domain).topics) {
      const logical = logicalTopicName(topology, topic.name);
      if (topics.has(logical)) continue;
      const what =
        topic.kind === 'event'
          ? topic.description === undefined
            ? 'Event topic'
            : oneLine(topic.description)
          : topic.kind === 'dead-letter'
            ? `Dead letters of consumer group ${topic.groupId}`
            : `Retry tier ${topic.retry?.tier ?? ''} of consumer group ${topic.groupId}`;
      topics.set(logical, what);
    }
    for (const topic of connectTopics(topology.connect).filter((t) => t.domain === domain)) {
      const logical = logicalTopicName(topology, topic.name);
      if (!topics.has(logical)) topics.set(logical, connectTopicText(topology, topic));
    }
  }
  const resources = [...topics.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([logical, what]): Entity => {
      const name = resourceName(logical);
      return {
        apiVersion: API_VERSION,
        kind: 'Resource',
        // Backstage shows the title, else the name: a title is written only where the name had to be shortened.
        metadata: { name, ...(name === logical ? {} : { title: logical }), description: /[.!?]$/.test(what) ? what : `${what}.`, tags: ['kafka-topic'] },
        spec: { type: 'kafka-topic', owner, system: systemName(domain) },
      };
    });

  const components = [...homedIn(uses, domain)]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([service, use]): Entity => {
      const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareStrings);
      const provides = sorted([...use.provides].map(apiName));
      const consumes = sorted([...use.consumes].map(apiName));
      const dependsOn = sorted([...use.topics].map((t) => `resource:${resourceName(t)}`));
      return {
        apiVersion: API_VERSION,
        kind: 'Component',
        metadata: { name: entityName(service), title: service, description: `Service ${service}, as the Kafka declarations name it.`, tags: ['kafka'] },
        spec: {
          type: 'service',
          lifecycle: production ? 'production' : 'experimental',
          owner,
          system: systemName(domain),
          ...(provides.length === 0 ? {} : { providesApis: provides }),
          ...(consumes.length === 0 ? {} : { consumesApis: consumes }),
          ...(dependsOn.length === 0 ? {} : { dependsOn }),
        },
      };
    });
  return [system, api, ...components, ...resources];
}

/** What a Kafka Connect topic is, for its Resource's description. */
function connectTopicText(topology: Topology, topic: ResolvedConnectTopic): string {
  if (topic.kind === 'connect-dead-letter') {
    const k = topology.connect?.connectors.find((c) => c.deadLetter?.name === topic.name);
    return `Dead letters of sink connector ${k?.name ?? '?'} (Kafka Connect cluster ${k?.cluster.groupId ?? '?'})`;
  }
  const c = topology.connect?.clusters.find((x) => [x.storage.config, x.storage.offset, x.storage.status].some((t) => t.name === topic.name));
  const what =
    topic.kind === 'connect-config' ? 'connector configurations' : topic.kind === 'connect-offset' ? 'source offsets' : 'connector and task statuses';
  return `Kafka Connect cluster ${c?.groupId ?? '?'} keeps its ${what} here`;
}

/** The Location that registers every domain's catalog file. */
export function catalogLocation(domains: readonly string[], fileOf: (domain: string) => string): Entity {
  return {
    apiVersion: API_VERSION,
    kind: 'Location',
    metadata: { name: 'topicform-domains', description: 'Every domain the Kafka declarations hold: register this file once.' },
    spec: { targets: [...domains].sort(compareStrings).map(fileOf) },
  };
}
