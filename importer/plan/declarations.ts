/**
 * The plan as the model's plain declaration data (model/resolve/types.ts Declarations): the same data the constructs collect
 * from the generated TypeScript, so resolving it shows what the generated files will synthesize.
 */
import type { PlannedClientTopic, PlannedDomain } from './types';
import type { Declarations } from '../../model/resolve';
import { IMPORTED_CONNECTOR_CLASS } from '../../model/connect/naming';

/** Construct-path-like source paths: resolve issues and lint findings name them, and the planner maps them back. */
export const sourcePath = {
  domain: (domain: string): string => `import/${domain}`,
  topic: (domain: string, event: string): string => `import/${domain}/${event}`,
  group: (domain: string, name: string): string => `import/${domain}/group:${name}`,
  producer: (domain: string, event: string, service: string): string => `import/${domain}/${event}/producer:${service}`,
  legacy: (domain: string, id: string): string => `import/${domain}/legacy:${id}`,
  streams: (domain: string, name: string): string => `import/${domain}/streams:${name}`,
  connect: (domain: string, name: string): string => `import/${domain}/connect:${name}`,
  sink: (domain: string, cluster: string, name: string): string => `import/${domain}/connect:${cluster}/sink:${name}`,
} as const;

/** The placeholder class an imported sink connector is declared with (lint's TF-CONNECT-006 asks for the real one). */
export { IMPORTED_CONNECTOR_CLASS };

const clientTopics = (topics: readonly PlannedClientTopic[]): unknown[] =>
  topics.map((t) => ({ topic: { ...t.topic }, ...(t.reason === undefined ? {} : { reason: t.reason }) }));

export function toDeclarations(domains: readonly PlannedDomain[]): Declarations {
  const result = {
    domains: [] as unknown[],
    topics: [] as unknown[],
    consumerGroups: [] as unknown[],
    producers: [] as unknown[],
    legacyAcls: [] as unknown[],
    streamsApplications: [] as unknown[],
    connectClusters: [] as unknown[],
    connectors: [] as unknown[],
  };
  for (const d of domains) {
    result.domains.push({
      name: d.name,
      owner: d.owner,
      description: d.description,
      suppressions: d.suppressions,
      source: { path: sourcePath.domain(d.name) },
    });
    for (const t of d.topics) {
      const replication = {
        ...(t.replicationFactor === undefined ? {} : { factor: t.replicationFactor }),
        ...(t.minInsyncReplicas === undefined ? {} : { minInsyncReplicas: t.minInsyncReplicas }),
      };
      result.topics.push({
        domain: t.domain,
        name: t.event,
        ...(t.topicName === undefined ? {} : { topicName: t.topicName }),
        eventTypes: [...t.eventTypes],
        partitions: t.partitions,
        replay: { ...t.replay },
        ...(Object.keys(replication).length === 0 ? {} : { replication }),
        ...(t.retentionBytes === undefined ? {} : { retentionBytes: t.retentionBytes }),
        config: { ...t.config },
        suppressions: t.suppressions,
        source: { path: sourcePath.topic(t.domain, t.event) },
      });
    }
    for (const g of d.groups) {
      result.consumerGroups.push({
        domain: g.domain,
        name: g.name,
        ...(g.groupId === undefined ? {} : { groupId: g.groupId }),
        service: g.service,
        principal: g.principal,
        subscriptions: g.subscriptions.map((s) => ({ topic: { ...s.topic }, ...(s.reason === undefined ? {} : { reason: s.reason }) })),
        deadLetter:
          g.deadLetter && g.deadLetterShape !== undefined
            ? { ...g.deadLetterShape, ...(g.deadLetterShape.config === undefined ? {} : { config: { ...g.deadLetterShape.config } }) }
            : g.deadLetter,
        retries: [...g.retries],
        ...(g.retryPartitions === undefined ? {} : { retryPartitions: g.retryPartitions }),
        suppressions: g.suppressions,
        source: { path: sourcePath.group(g.domain, g.name) },
      });
    }
    for (const p of d.producers) {
      result.producers.push({
        topic: { ...p.topic },
        service: p.service,
        principal: p.principal,
        ...(p.transactionalIdPrefix === undefined ? {} : { transactionalIdPrefix: p.transactionalIdPrefix }),
        suppressions: p.suppressions,
        source: { path: sourcePath.producer(p.topic.domain, p.topic.event, p.service) },
      });
    }
    for (const l of d.legacyAcls) {
      result.legacyAcls.push({ domain: l.domain, ...l.binding, reason: l.reason, source: { path: sourcePath.legacy(l.domain, l.id) } });
    }
    for (const a of d.streamsApplications ?? []) {
      result.streamsApplications.push({
        domain: a.domain,
        name: a.name,
        ...(a.applicationId === undefined ? {} : { applicationId: a.applicationId }),
        service: a.service,
        principal: a.principal,
        inputs: clientTopics(a.inputs),
        outputs: clientTopics(a.outputs),
        processingGuarantee: a.processingGuarantee,
        stateStores: a.stateStores.map((name) => ({ name, changelog: true })),
        repartitions: a.repartitions,
        suppressions: a.suppressions,
        source: { path: sourcePath.streams(a.domain, a.name) },
      });
    }
    for (const c of d.connectClusters ?? []) {
      result.connectClusters.push({
        domain: c.domain,
        name: c.name,
        ...(c.groupId === undefined ? {} : { groupId: c.groupId }),
        service: c.service,
        principal: c.principal,
        exactlyOnceSource: c.exactlyOnceSource,
        storage: Object.fromEntries(Object.entries(c.storage).map(([k, shape]) => [k, { ...shape, config: { ...shape.config } }])),
        suppressions: c.suppressions,
        source: { path: sourcePath.connect(c.domain, c.name) },
      });
      for (const k of c.sinks) {
        result.connectors.push({
          type: 'sink',
          cluster: { domain: c.domain, name: c.name },
          name: k.name,
          connectorClass: IMPORTED_CONNECTOR_CLASS,
          ...(k.principal === undefined ? {} : { principal: k.principal }),
          ...(k.service === undefined ? {} : { service: k.service }),
          topics: clientTopics(k.topics),
          ...(k.groupId === undefined ? {} : { groupId: k.groupId }),
          deadLetter:
            typeof k.deadLetter === 'object'
              ? { ...k.deadLetter, ...(k.deadLetter.config === undefined ? {} : { config: { ...k.deadLetter.config } }) }
              : k.deadLetter,
          suppressions: k.suppressions,
          source: { path: sourcePath.sink(c.domain, c.name, k.name) },
        });
      }
    }
  }
  // Only kinds that were planned: declarations without them stay exactly as they were.
  for (const key of ['streamsApplications', 'connectClusters', 'connectors'] as const) {
    if (result[key].length === 0) delete (result as Partial<typeof result>)[key];
  }
  return result;
}
