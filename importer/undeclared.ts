/**
 * What nobody declared: the cluster's topics and ACLs that no declaration of the environment claims — the "is the
 * repository really the source of truth" check. Internal topics (Kafka's, Schema Registry's, Confluent's) and the
 * prefixes a migrated tool said it does not manage are counted apart, never listed as work to do.
 *
 * Each item is grouped under its likely owner — the domain the domain pattern reads from its name, else the name's
 * first segment (before `.`, `-` or `_`), else for an ACL on the cluster or on `*` its principal — with the
 * `topicform import --only` command that adopts it.
 */
import { classifyName, type NameClass } from './naming';
import type { ClusterSnapshot } from './snapshot';
import { isInternalTopic } from '../model/naming';
import type { Environment } from '../model/schema';
import type { AclBinding, Topology } from '../model/topology';

export interface UndeclaredTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
  /** The `--only` pattern that adopts exactly this topic. */
  readonly only: string;
}

export interface UndeclaredAcl {
  /** The provider's 7-part id. */
  readonly id: string;
  readonly binding: AclBinding;
  readonly only: string;
}

export interface UndeclaredOwner {
  /** `orders`, or `principal User:ops` for an ACL no name assigns. */
  readonly owner: string;
  readonly topics: readonly UndeclaredTopic[];
  readonly acls: readonly UndeclaredAcl[];
  /** The `--only` pattern that adopts everything of this owner (its names, exactly). */
  readonly only: string;
}

export interface UndeclaredReport {
  readonly owners: readonly UndeclaredOwner[];
  readonly counts: {
    readonly topics: number;
    readonly acls: number;
    readonly claimedTopics: number;
    readonly claimedAcls: number;
    readonly internalTopics: number;
    readonly ignoredTopics: number;
  };
  readonly internal: readonly string[];
  readonly ignored: readonly string[];
}

/** What the declarations of an environment claim: topic names and ACL ids. */
export interface Claims {
  readonly topics: ReadonlySet<string>;
  readonly acls: ReadonlySet<string>;
}

export interface UndeclaredOptions {
  readonly env: Environment;
  readonly pattern: RegExp;
  /** Topic name prefixes that are deliberately unmanaged (kafka-gitops `settings.topics.blacklist.prefixed`). */
  readonly ignoredTopicPrefixes?: readonly string[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function claimsOf(topologies: ReadonlyArray<Topology | null>): Claims {
  const topics = new Set<string>();
  const acls = new Set<string>();
  for (const t of topologies) {
    for (const topic of t?.topics ?? []) topics.add(topic.name);
    for (const acl of t?.acls ?? []) acls.add(acl.id);
  }
  return { topics, acls };
}

export function findUndeclared(cluster: ClusterSnapshot, claimed: Claims | Topology, options: UndeclaredOptions): UndeclaredReport {
  const claims = 'topics' in claimed && claimed.topics instanceof Set ? (claimed as Claims) : claimsOf([claimed as Topology]);
  const ignoredPrefixes = options.ignoredTopicPrefixes ?? [];
  const internal: string[] = [];
  const ignored: string[] = [];
  const owners = new Map<string, { topics: UndeclaredTopic[]; acls: UndeclaredAcl[] }>();
  const ownerEntry = (owner: string): { topics: UndeclaredTopic[]; acls: UndeclaredAcl[] } => {
    let entry = owners.get(owner);
    if (entry === undefined) {
      entry = { topics: [], acls: [] };
      owners.set(owner, entry);
    }
    return entry;
  };
  let claimedTopics = 0;
  for (const t of cluster.topics) {
    if (claims.topics.has(t.name)) {
      claimedTopics++;
      continue;
    }
    if (isInternalTopic(t.name)) {
      internal.push(t.name);
      continue;
    }
    if (ignoredPrefixes.some((p) => t.name.startsWith(p))) {
      ignored.push(t.name);
      continue;
    }
    ownerEntry(ownerOfName(t.name, options)).topics.push({
      name: t.name,
      partitions: t.partitions,
      replicationFactor: t.replicationFactor,
      configs: t.overrides,
      only: `^${escape(t.name)}$`,
    });
  }
  let claimedAcls = 0;
  for (const a of cluster.acls) {
    if (claims.acls.has(a.id)) {
      claimedAcls++;
      continue;
    }
    const binding: AclBinding = {
      principal: a.principal,
      host: a.host,
      operation: a.operation,
      permission: a.permission,
      resourceType: a.resourceType,
      resourceName: a.resourceName,
      patternType: a.patternType,
    };
    const byName = a.resourceType !== 'Cluster' && a.resourceName !== '*' && a.resourceName !== '' ? ownerOfName(a.resourceName, options) : undefined;
    const owner = byName ?? `principal ${a.principal}`;
    ownerEntry(owner).acls.push({ id: a.id, binding, only: byName === undefined ? `^${escape(a.principal)}$` : `^${escape(a.resourceName)}$` });
  }
  const list: UndeclaredOwner[] = [...owners.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([owner, e]) => ({
      owner,
      topics: e.topics.sort((x, y) => compare(x.name, y.name)),
      acls: e.acls.sort((x, y) => compare(x.id, y.id)),
      only: alternation([
        ...e.topics.map((t) => t.name),
        ...e.acls.map((a) => (a.binding.resourceType !== 'Cluster' && a.binding.resourceName !== '*' ? a.binding.resourceName : a.binding.principal)),
      ]),
    }));
  const count = (f: (o: UndeclaredOwner) => number): number => list.reduce((n, o) => n + f(o), 0);
  return {
    owners: list,
    counts: {
      topics: count((o) => o.topics.length),
      acls: count((o) => o.acls.length),
      claimedTopics,
      claimedAcls,
      internalTopics: internal.length,
      ignoredTopics: ignored.length,
    },
    internal: internal.sort(compare),
    ignored: ignored.sort(compare),
  };
}

/** `^(?:a|b)$` over the distinct names, sorted: the `--only` pattern that selects exactly them. */
function alternation(names: readonly string[]): string {
  const distinct = [...new Set(names)].sort(compare).map(escape);
  return distinct.length === 1 ? `^${distinct[0] ?? ''}$` : `^(?:${distinct.join('|')})$`;
}

/** A name's likely owner: the domain the pattern reads from it, else its first segment. */
export function ownerOfName(name: string, options: UndeclaredOptions): string {
  const c: NameClass = classifyName(name, options.env.topicPrefix, options.pattern, () => false);
  if (c.kind === 'event' || c.kind === 'grouped') return c.domain;
  const local = name.startsWith(options.env.topicPrefix) ? name.slice(options.env.topicPrefix.length) : name;
  const head = /^[^._-]+/.exec(local)?.[0];
  return head === undefined || head === '' ? name : head;
}

/**
 * Whether a topic or ACL is selected by `topicform import --only <pattern>`: a topic by its name; an ACL by its
 * resource name, or — on the cluster or on `*` — by its principal.
 */
export function selectedByOnly(pattern: RegExp, item: { readonly name: string } | AclBinding): boolean {
  if ('name' in item) return pattern.test(item.name);
  const byName = item.resourceType !== 'Cluster' && item.resourceName !== '*';
  return pattern.test(byName ? item.resourceName : item.principal);
}
