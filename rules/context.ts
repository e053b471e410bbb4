import type { ResolvedConsumerGroup, ResolvedEventTopic, ResolvedProducer, Topology } from '../model/topology';
import type { LintContext } from './types';

export function buildContext(topology: Topology): LintContext {
  const readers = new Map<string, ResolvedConsumerGroup[]>();
  for (const group of topology.consumerGroups) {
    for (const s of group.subscriptions) readers.set(s.topicName, [...(readers.get(s.topicName) ?? []), group]);
  }
  const producers = new Map<string, ResolvedProducer[]>();
  for (const p of topology.producers) producers.set(p.topicName, [...(producers.get(p.topicName) ?? []), p]);
  const events = new Map<string, ResolvedEventTopic>();
  for (const t of topology.topics) if (t.kind === 'event') events.set(t.name, t);
  const services = new Map<string, Set<string>>();
  for (const { principal, service } of [...topology.consumerGroups, ...topology.producers]) {
    services.set(principal, (services.get(principal) ?? new Set<string>()).add(service));
  }
  return {
    topology,
    readersOf: (name) => readers.get(name) ?? [],
    producersOf: (name) => producers.get(name) ?? [],
    eventTopic: (name) => events.get(name),
    servicesOf: (principal) => [...(services.get(principal) ?? [])].sort(),
  };
}
