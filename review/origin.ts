/**
 * The declaration a finding follows from (its Origin): what lets the comment merge one edit's findings — the same
 * change in every environment, the retry tiers that follow their topic, the DLQ and ACLs of a removed group — into one
 * cause, and point at the declaration's file and line. Pure: it reads the two snapshots' topology slices.
 */
import { parseAclId } from '../model/acl';
import { innerMap } from '../model/group-by';
import type { SourceLocation } from '../model/schema';
import type { ResolvedTopic } from '../model/topology';
import type { Origin, StackSnapshot, Subject } from './types';

/** Rules under which a companion topic's finding belongs to its consumer group (its declaration made or dropped it). */
const GROUP_RULES: ReadonlySet<string> = new Set(['topic-deleted', 'dlq-removed', 'topic-added', 'left-unmanaged', 'imported']);

/** `topics/orders.ts:37`, or the construct path when the file is unknown. */
export function declaredAt(source: SourceLocation | undefined): string | null {
  if (source === undefined) return null;
  if (source.file === undefined) return source.path;
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

/** A name without the environment's topic prefix (`staging.orders.order-created` → `orders.order-created`). */
function unprefixed(name: string, prefix: string): string {
  return prefix !== '' && name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** The origin of a finding about `subject` in a stack, from its head slice (else its base slice). */
export function originOf(subject: Subject, rule: string, stack: string, head: StackSnapshot | undefined, base: StackSnapshot | undefined): Origin {
  const prefix = (head ?? base)?.environment.topicPrefix ?? '';
  const own =
    subject.kind === 'topic'
      ? unprefixed(subject.name, prefix)
      : subject.kind === 'group'
        ? unprefixed(subject.groupId, prefix)
        : subject.kind === 'acl'
          ? subject.id
          : subject.kind === 'producer'
            ? `${subject.service}@${unprefixed(subject.topic, prefix)}`
            : subject.kind === 'domain'
              ? subject.name
              : subject.kind === 'credential'
                ? subject.principal
                : subject.kind === 'iam-grant'
                  ? subject.id
                  : subject.kind === 'principal-resource'
                    ? subject.principal
                    : stack;
  return { ...originWithout(subject, rule, stack, head, base, prefix), subject: own };
}

function originWithout(
  subject: Subject,
  rule: string,
  stack: string,
  head: StackSnapshot | undefined,
  base: StackSnapshot | undefined,
  prefix: string,
): Omit<Origin, 'subject'> {
  const strip = (name: string): string => unprefixed(name, prefix);
  const group = (groupId: string): Omit<Origin, 'subject'> => {
    const g = head?.declared.groups.get(groupId) ?? base?.declared.groups.get(groupId);
    return { key: `group:${strip(groupId)}`, label: strip(groupId), companion: null, declaredAt: declaredAt(g?.source) };
  };
  switch (subject.kind) {
    case 'topic': {
      const t = head?.declared.topics.get(subject.name) ?? base?.declared.topics.get(subject.name);
      if (t === undefined) return { key: `topic:${strip(subject.name)}`, label: strip(subject.name), companion: null, declaredAt: null };
      if (t.kind === 'event') return { key: `topic:${t.ref.domain}/${t.ref.event}`, label: strip(t.name), companion: null, declaredAt: declaredAt(t.source) };
      const companion = t.kind === 'retry' ? 'retry tier' : 'DLQ';
      if (GROUP_RULES.has(rule)) return { ...group(t.groupId), companion };
      const parent = parentOf(t, head, base);
      return {
        key: `topic:${t.parent.domain}/${t.parent.event}`,
        label: parent === undefined ? `${t.parent.domain}.${t.parent.event}` : strip(parent.name),
        companion,
        declaredAt: declaredAt(parent?.source ?? t.source),
      };
    }
    case 'group':
      return group(subject.groupId);
    case 'acl': {
      const principal = parseAclId(subject.id)?.principal ?? subject.id;
      return { key: `principal:${principal}`, label: principal, companion: null, declaredAt: null };
    }
    case 'producer': {
      const p = [...(head?.declared.producers.values() ?? []), ...(base?.declared.producers.values() ?? [])].find(
        (x) => x.service === subject.service && x.topicName === subject.topic,
      );
      return {
        key: `producer:${subject.service}@${strip(subject.topic)}`,
        label: `producer ${subject.service} of ${strip(subject.topic)}`,
        companion: null,
        declaredAt: declaredAt(p?.source),
      };
    }
    case 'domain': {
      const d = head?.declared.domains.get(subject.name) ?? base?.declared.domains.get(subject.name);
      return { key: `domain:${subject.name}`, label: `domain ${subject.name}`, companion: null, declaredAt: declaredAt(d?.source) };
    }
    case 'credential':
      return { key: `principal:${subject.principal}`, label: subject.principal, companion: null, declaredAt: null };
    case 'iam-grant': {
      const principal = subject.id.slice(0, subject.id.indexOf('|'));
      return { key: `principal:${principal}`, label: principal, companion: null, declaredAt: null };
    }
    case 'principal-resource':
      return { key: `principal:${subject.principal}`, label: subject.principal, companion: null, declaredAt: null };
    case 'stack':
      return { key: `stack:${stack}`, label: `stack ${stack}`, companion: null, declaredAt: null };
    case 'connector': {
      const k = [...(head?.topology.connect?.connectors ?? []), ...(base?.topology.connect?.connectors ?? [])].find(
        (x) => x.cluster.groupId === subject.clusterGroupId && x.name === subject.name,
      );
      const label = `connector ${strip(subject.clusterGroupId)}/${subject.name}`;
      return { key: `connector:${strip(subject.clusterGroupId)}/${subject.name}`, label, companion: null, declaredAt: declaredAt(k?.source) };
    }
  }
}

function parentOf(
  t: ResolvedTopic & { kind: 'retry' | 'dead-letter' },
  head: StackSnapshot | undefined,
  base: StackSnapshot | undefined,
): ResolvedTopic | undefined {
  return eventTopic(head, t.parent.domain, t.parent.event) ?? eventTopic(base, t.parent.domain, t.parent.event);
}

/**
 * A slice's event topics by domain and event, the first in declaration order for each (what a scan would find). Built
 * once per slice (its topics are a ReadonlyMap, so the index never goes stale): a change to every DLQ and retry tier
 * asks for each one's parent, and a scan of the stack's topics per companion grew with companions × topics.
 */
const eventTopics = new WeakMap<ReadonlyMap<string, ResolvedTopic>, Map<string, Map<string, ResolvedTopic>>>();

function eventTopic(slice: StackSnapshot | undefined, domain: string, event: string): ResolvedTopic | undefined {
  if (slice === undefined) return undefined;
  const topics = slice.declared.topics;
  let index = eventTopics.get(topics);
  if (index === undefined) {
    index = new Map();
    for (const candidate of topics.values()) {
      if (candidate.kind !== 'event') continue;
      const byEvent = innerMap(index, candidate.ref.domain);
      if (!byEvent.has(candidate.ref.event)) byEvent.set(candidate.ref.event, candidate);
    }
    eventTopics.set(topics, index);
  }
  return index.get(domain)?.get(event);
}
