import type { ResolvedConsumerGroup, ResolvedEventTopic, ResolvedQuota, ResolvedStreamsApplication, Topology } from '../model/topology';
import { stackResources } from '../model/stack-resources';
import type { StackLayout } from '../model/schema';
import type { LintContext, RepositoryFacts } from './types';
import { appendTo, groupBy } from '../model/group-by';

export function buildContext(topology: Topology, layout: StackLayout = 'environment', repository?: RepositoryFacts): LintContext {
  const readers = new Map<string, ResolvedConsumerGroup[]>();
  for (const group of topology.consumerGroups) {
    for (const s of group.subscriptions) appendTo(readers, s.topicName, group);
  }
  const streamsReaders = new Map<string, ResolvedStreamsApplication[]>();
  for (const app of topology.streamsApplications ?? []) {
    for (const input of app.inputs) appendTo(streamsReaders, input.topicName, app);
  }
  const producers = groupBy(topology.producers, (p) => p.topicName);
  const events = new Map<string, ResolvedEventTopic>();
  for (const t of topology.topics) if (t.kind === 'event') events.set(t.name, t);
  const services = new Map<string, Set<string>>();
  for (const { principal, service } of [...topology.consumerGroups, ...topology.producers, ...(topology.streamsApplications ?? [])]) {
    services.set(principal, (services.get(principal) ?? new Set<string>()).add(service));
  }
  // Looked up per client (~30,000 at 10,000 topics): a scan of the quotas (one per principal) for each was quadratic.
  const quotas = new Map<string, ResolvedQuota>();
  for (const q of topology.quotas ?? []) if (!quotas.has(q.principal)) quotas.set(q.principal, q);
  const stacks = new Map(stackResources(topology, layout).flatMap((s) => s.domains.map((d) => [d, s] as const)));
  return {
    topology,
    readersOf: (name) => readers.get(name) ?? [],
    streamsReadersOf: (name) => streamsReaders.get(name) ?? [],
    producersOf: (name) => producers.get(name) ?? [],
    eventTopic: (name) => events.get(name),
    quotaOf: (principal) => quotas.get(principal),
    servicesOf: (principal) => [...(services.get(principal) ?? [])].sort(),
    stackOf: (domain) => stacks.get(domain),
    repository,
  };
}
