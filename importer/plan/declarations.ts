/**
 * The plan as the model's plain declaration data (model/resolve/types.ts Declarations): the same data the constructs collect
 * from the generated TypeScript, so resolving it shows what the generated files will synthesize.
 */
import type { PlannedDomain } from './types';
import type { Declarations } from '../../model/resolve';

/** Construct-path-like source paths: resolve issues and lint findings name them, and the planner maps them back. */
export const sourcePath = {
  domain: (domain: string): string => `import/${domain}`,
  topic: (domain: string, event: string): string => `import/${domain}/${event}`,
  group: (domain: string, name: string): string => `import/${domain}/group:${name}`,
  producer: (domain: string, event: string, service: string): string => `import/${domain}/${event}/producer:${service}`,
  legacy: (domain: string, id: string): string => `import/${domain}/legacy:${id}`,
} as const;

export function toDeclarations(domains: readonly PlannedDomain[]): Declarations {
  const result = {
    domains: [] as unknown[],
    topics: [] as unknown[],
    consumerGroups: [] as unknown[],
    producers: [] as unknown[],
    legacyAcls: [] as unknown[],
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
  }
  return result;
}
