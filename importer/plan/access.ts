/**
 * ACLs → producers, consumer groups and acknowledged legacy ACLs.
 *
 * - Group READ (Literal) on a group id + Topic READ on event topics, same principal → a consumer group subscribed to
 *   them; its DLQ and retry companions (recognised by name) make `deadLetter` and `retries`.
 * - Topic WRITE on an event topic → a producer (`grantProduce`); a principal's single TransactionalID WRITE (Prefixed)
 *   → its producers' `transactionalIdPrefix`.
 * - A mapping is kept only when every ACL the model derives for it is on the cluster (checked with the model's own
 *   deriveAcls), so adopting never creates an ACL. Everything the mapped declarations do not derive — wildcards, DENY,
 *   operation All, Describe and other extra operations, hosts other than `*`, Prefixed patterns, grants no group or
 *   producer explains — becomes a LegacyAcl with the reason it is kept. Nothing is dropped.
 */
import { kebab, principalName, UNASSIGNED_DOMAIN } from '../naming';
import type { SnapshotAcl } from '../snapshot';
import type { ImportFinding } from '../types';
import { groupAclIds, producerAclIds, type GroupCandidate, type GroupVariant } from './derived-acls';
import { legacyReason } from './legacy-reason';
import type { PlannedGroup, PlannedLegacyAcl, PlannedProducer, PlannedSubscription } from './types';
import { aclAddress } from '../../model/acl';
import type { DurationString } from '../../model/duration';
import { deadLetterTopicName, defaultGroupId, groupPart, retryTopicName } from '../../model/naming';
import { legacyAclSchema, PRINCIPAL_PATTERN, type Environment } from '../../model/schema';
import type { AclBinding } from '../../model/topology';

/** An adopted event topic, as the access plan needs it. */
export interface AccessEventTopic {
  readonly name: string;
  readonly domain: string;
  readonly event: string;
}

/** An existing companion topic that can be adopted, with its retry delay (retention − margin) for retry tiers. */
export interface AccessCompanion {
  readonly name: string;
  readonly kind: 'dead-letter' | 'retry';
  readonly parent: string;
  readonly part: string;
  readonly tier?: number;
  readonly delay?: DurationString;
}

export interface AccessInput {
  readonly acls: readonly SnapshotAcl[];
  readonly eventTopics: ReadonlyMap<string, AccessEventTopic>;
  readonly companions: readonly AccessCompanion[];
  readonly env: Environment;
  /** Groups (`group:<principal>|<group id>`) and producers (`producer:<principal>|<topic>`) not to map again. */
  readonly dropped: ReadonlySet<string>;
  /** Legacy ACL ids that cannot be declared (the model rejected them). */
  readonly unsupported: ReadonlySet<string>;
  /** Event names per domain: a group cannot share its construct id with a topic of its domain. */
  readonly eventNames: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface AccessPlan {
  readonly groups: readonly PlannedGroup[];
  readonly producers: readonly PlannedProducer[];
  readonly legacy: readonly PlannedLegacyAcl[];
  readonly findings: readonly ImportFinding[];
}

export const groupKey = (principal: string, groupId: string): string => `group:${principal}|${groupId}`;
export const producerKey = (principal: string, topic: string): string => `producer:${principal}|${topic}`;

const GROUP_ID = /^[A-Za-z0-9._-]+$/;
const CONVENTIONAL_GROUP_ID = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Candidate = GroupCandidate;
type Variant = GroupVariant;

export function planAccess(input: AccessInput): AccessPlan {
  const { acls, eventTopics, env } = input;
  const clusterIds = new Set(acls.map((a) => a.id));
  const findings: ImportFinding[] = [];
  const companionAt = new Map<string, AccessCompanion>();
  for (const c of input.companions) companionAt.set(c.kind === 'dead-letter' ? `${c.parent}|${c.part}|dlq` : `${c.parent}|${c.part}|${c.tier ?? 0}`, c);
  const dlqOf = (topic: string, part: string): AccessCompanion | undefined => companionAt.get(`${topic}|${part}|dlq`);
  const retriesOf = (topic: string, part: string): DurationString[] => {
    const delays: DurationString[] = [];
    for (let tier = 1; ; tier++) {
      const c = companionAt.get(`${topic}|${part}|${tier}`);
      if (c?.delay === undefined) return delays;
      delays.push(c.delay);
    }
  };
  const owners = new Map<string, string>([...eventTopics.values()].map((t) => [t.name, t.domain]));
  const companionsOf = new Map<string, AccessCompanion[]>();
  for (const c of input.companions) {
    const list = companionsOf.get(c.parent) ?? [];
    list.push(c);
    companionsOf.set(c.parent, list);
  }

  const simple = (a: SnapshotAcl): boolean => a.permission === 'Allow' && a.host === '*' && PRINCIPAL_PATTERN.test(a.principal);
  const byPrincipal = new Map<string, SnapshotAcl[]>();
  for (const a of acls) {
    if (!simple(a)) continue;
    const list = byPrincipal.get(a.principal) ?? [];
    list.push(a);
    byPrincipal.set(a.principal, list);
  }
  const principals = [...byPrincipal.keys()].sort(compare);
  const claimedGroupIds = new Set<string>();
  const takenNames = new Map<string, Set<string>>();
  const derived = new Set<string>();
  const groups: PlannedGroup[] = [];
  const producers: PlannedProducer[] = [];
  const servicesOfTopic = new Map<string, Set<string>>();

  for (const principal of principals) {
    const mine = byPrincipal.get(principal) ?? [];
    const names = (type: AclBinding['resourceType'], op: AclBinding['operation'], pattern: AclBinding['patternType']): string[] =>
      mine
        .filter((a) => a.resourceType === type && a.operation === op && a.patternType === pattern && a.resourceName !== '*')
        .map((a) => a.resourceName)
        .sort(compare);
    const reads = names('Topic', 'Read', 'Literal').filter((t) => eventTopics.has(t));
    const writes = names('Topic', 'Write', 'Literal').filter((t) => eventTopics.has(t));
    const prefixes = names('TransactionalID', 'Write', 'Prefixed');
    const service = kebab(principalName(principal), 'service');

    // Consumer groups: one per Group READ this principal holds (a group id is global: the first principal claims it).
    const candidates: Candidate[] = [];
    for (const groupId of names('Group', 'Read', 'Literal')) {
      if (!GROUP_ID.test(groupId) || claimedGroupIds.has(groupId) || input.dropped.has(groupKey(principal, groupId))) continue;
      const candidate = identifyGroup(groupId, reads, eventTopics, ownCompanionParts(mine, reads, companionsOf));
      if (candidate === undefined) continue;
      candidates.push(reserveName(candidate, takenNames, input.eventNames, findings, principal));
    }
    const assigned = new Map<Candidate, Set<string>>(candidates.map((c) => [c, new Set<string>()]));
    const partFor = (c: Candidate, topic: string): string => groupPart(eventTopics.get(topic)?.domain ?? c.domain, c.domain, c.name);
    for (const c of candidates) {
      for (const t of reads) if (dlqOf(t, partFor(c, t)) !== undefined || retriesOf(t, partFor(c, t)).length > 0) assigned.get(c)?.add(t);
    }
    for (const t of reads) {
      if (candidates.some((c) => assigned.get(c)?.has(t))) continue;
      const sameDomain = candidates.filter((c) => c.domain === eventTopics.get(t)?.domain);
      const target = candidates.length === 1 ? candidates[0] : sameDomain.length === 1 ? sameDomain[0] : undefined;
      if (target !== undefined) assigned.get(target)?.add(t);
    }

    for (const c of candidates) {
      const subscribed = [...(assigned.get(c) ?? [])].sort(compare);
      if (subscribed.length === 0) {
        takenNames.get(c.domain)?.delete(c.name);
        findings.push({
          level: 'warning',
          code: 'group-without-topics',
          subject: c.groupId,
          message: `${principal} may read group ${c.groupId}, but reads no adopted event topic through it: the ACL is kept as a legacy ACL`,
        });
        continue;
      }
      const chosen = variantsOf(subscribed, (t) => partFor(c, t), dlqOf, retriesOf).find((v) => {
        const ids = groupAclIds(c, v, principal, service, eventTopics, owners, partFor, env);
        return ids.every((id) => clusterIds.has(id));
      });
      if (chosen === undefined) {
        takenNames.get(c.domain)?.delete(c.name);
        findings.push({
          level: 'warning',
          code: 'group-not-mapped',
          subject: c.groupId,
          message: `the ACLs of ${principal} do not include everything a consumer group ${c.groupId} needs (Topic READ + Group READ): they are kept as legacy ACLs`,
        });
        continue;
      }
      for (const id of groupAclIds(c, chosen, principal, service, eventTopics, owners, partFor, env)) derived.add(id);
      claimedGroupIds.add(c.groupId);
      const subscriptions: PlannedSubscription[] = chosen.subscriptions.map((t) => {
        const topic = eventTopics.get(t) as AccessEventTopic;
        return {
          topic: { domain: topic.domain, event: topic.event },
          topicName: t,
          ...(topic.domain === c.domain ? {} : { reason: `imported: ${principal} reads it on the cluster; state why ${c.domain} needs these events` }),
        };
      });
      const dropped = subscribed.filter((t) => !chosen.subscriptions.includes(t));
      groups.push({
        domain: c.domain,
        name: c.name,
        ...(c.explicitGroupId ? { groupId: c.groupId } : {}),
        service,
        principal,
        subscriptions,
        deadLetter: chosen.deadLetter,
        retries: chosen.retries,
        suppressions: [],
        notes: [
          `${principal} holds Group READ on ${c.groupId} and Topic READ on ${chosen.subscriptions.join(', ')}`,
          ...(dropped.length > 0 ? [`not subscribed here (no matching DLQ / retry companions): ${dropped.join(', ')}; their ACLs are legacy ACLs`] : []),
        ],
      });
    }

    // Producers: Topic WRITE on an event topic. A single transactional prefix goes to each of them (the model derives
    // the same Prefixed ACL once).
    for (const t of writes) {
      if (input.dropped.has(producerKey(principal, t))) continue;
      const topic = eventTopics.get(t) as AccessEventTopic;
      const used = servicesOfTopic.get(t) ?? new Set<string>();
      let producerService = service;
      for (let i = 2; used.has(producerService); i++) producerService = `${service}-${i}`;
      const attempts = prefixes.length === 1 ? [prefixes[0], undefined] : [undefined];
      const prefix = attempts.find((p) => producerAclIds(principal, producerService, topic, p, owners, env).every((id) => clusterIds.has(id)));
      const ok = producerAclIds(principal, producerService, topic, prefix, owners, env).every((id) => clusterIds.has(id));
      if (!ok) continue;
      for (const id of producerAclIds(principal, producerService, topic, prefix, owners, env)) derived.add(id);
      used.add(producerService);
      servicesOfTopic.set(t, used);
      producers.push({
        topic: { domain: topic.domain, event: topic.event },
        topicName: t,
        principal,
        service: producerService,
        ...(prefix === undefined ? {} : { transactionalIdPrefix: prefix }),
        suppressions: [],
      });
    }
  }

  const knownDomains = new Set<string>([...eventTopics.values()].map((t) => t.domain));
  for (const g of groups) knownDomains.add(g.domain);
  const groupDomain = new Map(groups.map((g) => [g.groupId ?? defaultGroupId(g.domain, g.name), g.domain]));
  const companionDomain = new Map<string, string>();
  for (const g of groups) {
    for (const s of g.subscriptions) {
      const part = groupPart(s.topic.domain, g.domain, g.name);
      if (g.deadLetter) companionDomain.set(deadLetterTopicName(s.topicName, part), g.domain);
      g.retries.forEach((_, i) => companionDomain.set(retryTopicName(s.topicName, part, i + 1), g.domain));
    }
  }
  const producerDomain = new Map<string, string>();
  for (const p of producers) if (!producerDomain.has(p.principal)) producerDomain.set(p.principal, p.topic.domain);
  const principalGroupDomain = new Map<string, string>();
  for (const g of groups) if (!principalGroupDomain.has(g.principal)) principalGroupDomain.set(g.principal, g.domain);
  const domainOf = (a: AclBinding): string => {
    const known = (d: string | undefined): string | undefined => (d !== undefined && knownDomains.has(d) ? d : undefined);
    const prefix = a.resourceType === 'Topic' ? env.topicPrefix : '';
    const head = (a.resourceName.startsWith(prefix) ? a.resourceName.slice(prefix.length) : a.resourceName).split('.')[0];
    switch (a.resourceType) {
      case 'Topic':
        return known(owners.get(a.resourceName)) ?? known(companionDomain.get(a.resourceName)) ?? known(head) ?? UNASSIGNED_DOMAIN;
      case 'Group':
        return known(groupDomain.get(a.resourceName)) ?? known(head) ?? UNASSIGNED_DOMAIN;
      case 'TransactionalID':
      case 'Cluster':
        // A principal-wide permission: with the domain whose producer (or consumer group) runs as that principal.
        return known(producerDomain.get(a.principal)) ?? known(principalGroupDomain.get(a.principal)) ?? UNASSIGNED_DOMAIN;
      default:
        return UNASSIGNED_DOMAIN;
    }
  };

  const legacy: PlannedLegacyAcl[] = [];
  const groupReaders = new Set(acls.filter((a) => a.resourceType === 'Group' && a.operation === 'Read').map((a) => a.principal));
  for (const a of acls) {
    if (derived.has(a.id)) continue;
    const domain = domainOf(a);
    const declaration = {
      domain,
      principal: a.principal,
      host: a.host,
      operation: a.operation,
      permission: a.permission,
      resourceType: a.resourceType,
      resourceName: a.resourceName,
      patternType: a.patternType,
      reason: legacyReason(a, eventTopics, groupReaders),
      source: { path: 'import' },
    };
    if (input.unsupported.has(a.id) || !legacyAclSchema.safeParse(declaration).success) {
      findings.push({
        level: 'error',
        code: 'unsupported-acl',
        subject: a.id,
        message:
          'no declaration derives it and it cannot be kept as a LegacyAcl (its principal, host or name has spaces or another character the model refuses): it stays on the cluster, unmanaged',
        at: a.origin,
      });
      continue;
    }
    legacy.push({ domain, id: aclAddress(a), binding: stripId(a), reason: declaration.reason });
  }

  return {
    groups: groups.sort((a, b) => compare(`${a.domain}/${a.name}`, `${b.domain}/${b.name}`)),
    producers: producers.sort((a, b) => compare(`${a.topicName}|${a.principal}`, `${b.topicName}|${b.principal}`)),
    legacy: legacy.sort((a, b) => compare(`${a.domain}|${a.id}`, `${b.domain}|${b.id}`)),
    findings,
  };
}

function stripId(a: SnapshotAcl): AclBinding {
  return {
    principal: a.principal,
    host: a.host,
    operation: a.operation,
    permission: a.permission,
    resourceType: a.resourceType,
    resourceName: a.resourceName,
    patternType: a.patternType,
  };
}

/**
 * Same-domain companion parts of the topics a principal reads whose companion topics it may write: for a group id
 * outside the `<domain>.<group>` convention they tell the group's short name (the DLQ is named after it).
 */
function ownCompanionParts(
  mine: readonly SnapshotAcl[],
  reads: readonly string[],
  companionsOf: ReadonlyMap<string, readonly AccessCompanion[]>,
): Map<string, Set<string>> {
  const writable = new Set(mine.filter((a) => a.resourceType === 'Topic' && a.operation === 'Write' && a.patternType === 'Literal').map((a) => a.resourceName));
  const parts = new Map<string, Set<string>>();
  for (const parent of reads) {
    for (const c of companionsOf.get(parent) ?? []) {
      if (!writable.has(c.name) || c.part.includes('.')) continue;
      parts.set(parent, new Set([...(parts.get(parent) ?? []), c.part]));
    }
  }
  return parts;
}

/**
 * Who a group id belongs to: `<domain>.<group>` by convention. Otherwise its short name is the part of the companion
 * topics the principal writes, when exactly one name fits, or the id in kebab-case; its domain is that of the topics
 * it reads.
 */
function identifyGroup(
  groupId: string,
  reads: readonly string[],
  eventTopics: ReadonlyMap<string, AccessEventTopic>,
  companionParts: ReadonlyMap<string, ReadonlySet<string>>,
): Candidate | undefined {
  const conventional = CONVENTIONAL_GROUP_ID.exec(groupId);
  if (conventional !== null) return { groupId, domain: conventional[1] ?? '', name: conventional[2] ?? '', explicitGroupId: false };
  const parts = new Set([...companionParts.values()].flatMap((p) => [...p]));
  const [onlyPart] = parts;
  const name = parts.size === 1 && onlyPart !== undefined ? onlyPart : kebab(groupId, 'group');
  const first = reads.find((t) => companionParts.get(t)?.has(name) ?? false) ?? reads[0];
  const domain = first === undefined ? undefined : eventTopics.get(first)?.domain;
  return domain === undefined ? undefined : { groupId, domain, name, explicitGroupId: true };
}

/** Group names are unique per domain and must not collide with an event name (both are construct ids of the domain). */
function reserveName(
  c: Candidate,
  taken: Map<string, Set<string>>,
  eventNames: ReadonlyMap<string, ReadonlySet<string>>,
  findings: ImportFinding[],
  principal: string,
): Candidate {
  const inDomain = taken.get(c.domain) ?? new Set<string>();
  taken.set(c.domain, inDomain);
  const clash = (n: string): boolean => inDomain.has(n) || (eventNames.get(c.domain)?.has(n) ?? false);
  if (!clash(c.name)) {
    inDomain.add(c.name);
    return c;
  }
  let name = `${c.name}-group`;
  for (let i = 2; clash(name); i++) name = `${c.name}-group-${i}`;
  inDomain.add(name);
  findings.push({
    level: 'warning',
    code: 'group-renamed',
    subject: c.groupId,
    message: `the group of ${principal} is declared as "${name}" (group id ${c.groupId} kept) because "${c.name}" is already a topic or group of domain ${c.domain}; its DLQ and retry topics, named after the group, are then not recognised`,
  });
  return { ...c, name, explicitGroupId: true };
}

/** The mappings to try for a group, most complete first. */
function variantsOf(
  subscribed: readonly string[],
  partOf: (topic: string) => string,
  dlqOf: (topic: string, part: string) => AccessCompanion | undefined,
  retriesOf: (topic: string, part: string) => DurationString[],
): Variant[] {
  const withDlq = subscribed.filter((t) => dlqOf(t, partOf(t)) !== undefined);
  const base = withDlq.length > 0 ? withDlq : [...subscribed];
  const deadLetter = withDlq.length > 0;
  const first = base[0];
  const delays = first === undefined ? [] : retriesOf(first, partOf(first));
  const sameDelays = base.filter((t) => retriesOf(t, partOf(t)).join() === delays.join());
  const variants: Variant[] = [];
  if (delays.length > 0) variants.push({ subscriptions: sameDelays, deadLetter, retries: delays });
  variants.push({ subscriptions: base, deadLetter, retries: [] });
  if (deadLetter) variants.push({ subscriptions: [...subscribed], deadLetter: false, retries: [] });
  return variants.filter((v) => v.subscriptions.length > 0);
}
