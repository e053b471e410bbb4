/**
 * The Topology in canonical form. resolve() already sorts, but the generators accept any Topology (one read back from
 * topology.json, a stack's slice, or one built by a test or an importer), and their output must not depend on the
 * order of its lists, nor on how an environment was split into stacks.
 */
import type { Topology } from '../model/topology';
import { compareStrings } from './format';
import { groupBy } from '../model/group-by';

/**
 * One Topology per environment: the slices of an environment split into stacks (one per domain) are merged back into
 * the whole, duplicates dropped, everything sorted. Environments come out sorted by name.
 */
export function mergeByEnvironment(topologies: readonly Topology[]): Topology[] {
  const byEnvironment = groupBy(topologies, (t) => t.environment.name);
  return [...byEnvironment.keys()].sort(compareStrings).map((name) => canonicalTopology(merge(byEnvironment.get(name) ?? [])));
}

function merge(slices: readonly Topology[]): Topology {
  const [first, ...rest] = slices;
  if (first === undefined) throw new Error('nothing to merge');
  if (rest.length === 0) return first;
  const unique = <T>(items: readonly T[], key: (item: T) => string): T[] => [...new Map(items.map((i) => [key(i), i])).values()];
  const all = <K extends 'domains' | 'topics' | 'consumerGroups' | 'producers' | 'acls'>(k: K): Array<Topology[K][number]> => slices.flatMap((s) => [...s[k]]);
  return {
    ...first,
    domains: unique(all('domains'), (d) => d.name),
    topics: unique(all('topics'), (t) => t.name),
    consumerGroups: unique(all('consumerGroups'), (g) => g.groupId),
    producers: unique(all('producers'), producerKey),
    acls: unique(all('acls'), (a) => a.id),
    ...mergedConnect(slices),
  };
}

/** The Connect parts of an environment's slices (each domain's stack holds its own clusters); none when no slice has any. */
function mergedConnect(slices: readonly Topology[]): Pick<Topology, 'connect'> {
  const parts = slices.flatMap((s) => (s.connect === undefined ? [] : [s.connect]));
  if (parts.length === 0) return {};
  return {
    connect: {
      clusters: [...new Map(parts.flatMap((p) => p.clusters).map((c) => [c.groupId, c])).values()],
      connectors: [...new Map(parts.flatMap((p) => p.connectors).map((k) => [`${k.cluster.groupId}/${k.name}`, k])).values()],
    },
  };
}

export function canonicalTopology(t: Topology): Topology {
  const by =
    <T>(key: (item: T) => string) =>
    (a: T, b: T): number =>
      compareStrings(key(a), key(b));
  return {
    ...t,
    domains: [...t.domains].sort(by((d) => d.name)),
    topics: [...t.topics].sort(by((x) => x.name)),
    consumerGroups: [...t.consumerGroups].map((g) => ({ ...g, subscriptions: [...g.subscriptions].sort(by((s) => s.topicName)) })).sort(by((g) => g.groupId)),
    producers: [...t.producers].sort(by(producerKey)),
    acls: [...t.acls].sort(by((a) => a.id)),
    ...(t.connect === undefined
      ? {}
      : {
          connect: {
            clusters: [...t.connect.clusters].sort(by((c) => c.groupId)),
            connectors: [...t.connect.connectors].sort(by((k) => `${k.cluster.groupId}/${k.name}`)),
          },
        }),
  };
}

function producerKey(p: Topology['producers'][number]): string {
  return `${p.topicName}\u0000${p.principal}\u0000${p.service}`;
}
