import type { ResolvedConsumerGroup, ResolvedEventTopic, ResolvedStreamsApplication, Topology } from '../model/topology';
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
  const stacks = new Map(stackResources(topology, layout).flatMap((s) => s.domains.map((d) => [d, s] as const)));
  return {
    topology,
    readersOf: (name) => readers.get(name) ?? [],
    streamsReadersOf: (name) => streamsReaders.get(name) ?? [],
    producersOf: (name) => producers.get(name) ?? [],
    eventTopic: (name) => events.get(name),
    servicesOf: (principal) => [...(services.get(principal) ?? [])].sort(),
    stackOf: (domain) => stacks.get(domain),
    repository,
  };
}
