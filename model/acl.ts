/**
 * Least-privilege ACL derivation (Kafka docs, "Operations and Resources on Protocols"; DESIGN.md "Decisions").
 *
 * - consumer group: Topic READ on each subscribed topic, READ + WRITE on its retry topics, WRITE + READ (re-drive) on
 *   its dead-letter topics, Group READ on its group id;
 * - producer: Topic WRITE; transactional: TransactionalID WRITE, Prefixed on the declared prefix;
 * - Kafka Streams application: see model/acl-streams.ts (the set its security documentation lists);
 * - options: explicit DESCRIBE (implied by READ/WRITE on every supported broker) and Cluster IdempotentWrite for
 *   brokers older than 2.8 (KIP-679).
 * Never a wildcard principal or resource; Literal patterns except the transactional prefix. Deduplicated, sorted.
 */
import { createHash } from 'node:crypto';
import { streamsNeeds } from './acl-streams';
import { CLUSTER_RESOURCE_NAME } from './limits';
import type { LegacyAclDeclaration } from './schema';
import type { AclBinding, ResolvedAcl, ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication } from './topology';
import type { AclOperation, AclResourceType } from './vocabulary';

export interface AclOptions {
  readonly explicitDescribe: boolean;
  readonly legacyIdempotentWrite: boolean;
}

/** The Mongey provider's ACL id and import id: `principal|host|operation|permission|type|name|pattern`. */
export function aclId(b: AclBinding): string {
  return [b.principal, b.host, b.operation, b.permission, b.resourceType, b.resourceName, b.patternType].join('|');
}

/** Parses the provider's 7-part ACL id; undefined when it does not have exactly seven parts. */
export function parseAclId(id: string): AclBinding | undefined {
  const parts = id.split('|');
  if (parts.length !== 7) return undefined;
  const [principal, host, operation, permission, resourceType, resourceName, patternType] = parts as [string, string, string, string, string, string, string];
  return {
    principal,
    host,
    operation: operation as AclBinding['operation'],
    permission: permission as AclBinding['permission'],
    resourceType: resourceType as AclBinding['resourceType'],
    resourceName,
    patternType: patternType as AclBinding['patternType'],
  };
}

const sanitize = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * A Terraform address derived from the ACL's content only: readable parts plus a short hash of the exact id, so it
 * changes only when the content changes and adding one ACL never renames another.
 */
export function aclAddress(b: AclBinding): string {
  const hash = createHash('sha256').update(aclId(b)).digest('hex').slice(0, 8);
  const principalName = b.principal.slice(b.principal.indexOf(':') + 1);
  return `acl_${sanitize(principalName)}_${b.operation}_${b.resourceType}_${sanitize(b.resourceName)}_${hash}`;
}

interface Need {
  readonly binding: AclBinding;
  readonly domain: string;
  readonly why: string;
}

function allow(principal: string, operation: AclOperation, resourceType: AclResourceType, resourceName: string, prefixed = false): AclBinding {
  return { principal, host: '*', operation, permission: 'Allow', resourceType, resourceName, patternType: prefixed ? 'Prefixed' : 'Literal' };
}

/** Topic domains by topic name, so each ACL lands in the stack of the domain that owns the resource. */
export type TopicOwners = ReadonlyMap<string, string>;

export function deriveAcls(
  groups: readonly ResolvedConsumerGroup[],
  producers: readonly ResolvedProducer[],
  owners: TopicOwners,
  options: AclOptions,
  legacy: readonly LegacyAclDeclaration[] = [],
  streams: readonly ResolvedStreamsApplication[] = [],
): ResolvedAcl[] {
  const needs: Need[] = [];
  const topicNeed = (principal: string, ops: readonly AclOperation[], topic: string, why: string): void => {
    const domain = owners.get(topic);
    if (domain === undefined) return; // an unknown topic is reported by resolve, not granted
    const all: AclOperation[] = options.explicitDescribe ? [...ops, 'Describe'] : [...ops];
    for (const op of all) needs.push({ binding: allow(principal, op, 'Topic', topic), domain, why });
  };

  for (const g of groups) {
    const who = `consumer group ${g.groupId} (${g.service})`;
    needs.push({ binding: allow(g.principal, 'Read', 'Group', g.groupId), domain: g.domain, why: `${who} joins its group` });
    for (const s of g.subscriptions) {
      topicNeed(g.principal, ['Read'], s.topicName, `${who} reads ${s.topicName}`);
      for (const retry of s.retryTopics) topicNeed(g.principal, ['Read', 'Write'], retry, `${who} retries through ${retry}`);
      if (s.deadLetterTopic !== null) {
        topicNeed(g.principal, ['Read', 'Write'], s.deadLetterTopic, `${who} dead-letters to and re-drives from ${s.deadLetterTopic}`);
      }
      // Clients are idempotent by default since Kafka 3.0, so a group writing its retry and dead-letter topics needs it too.
      if (options.legacyIdempotentWrite && [s.deadLetterTopic, ...s.retryTopics].some((t) => t !== null && owners.has(t))) {
        needs.push({
          binding: allow(g.principal, 'IdempotentWrite', 'Cluster', CLUSTER_RESOURCE_NAME),
          domain: g.domain,
          why: `${who} writes retry / dead-letter topics on a broker older than 2.8`,
        });
      }
    }
  }
  for (const p of producers) {
    const who = `producer ${p.service}`;
    const domain = owners.get(p.topicName);
    topicNeed(p.principal, ['Write'], p.topicName, `${who} writes ${p.topicName}`);
    if (domain === undefined) continue;
    if (p.transactionalIdPrefix !== null) {
      needs.push({
        binding: allow(p.principal, 'Write', 'TransactionalID', p.transactionalIdPrefix, true),
        domain,
        why: `${who} uses transactional ids ${p.transactionalIdPrefix}*`,
      });
    }
    if (options.legacyIdempotentWrite && p.idempotent) {
      needs.push({
        binding: allow(p.principal, 'IdempotentWrite', 'Cluster', CLUSTER_RESOURCE_NAME),
        domain,
        why: `${who} is idempotent on a broker older than 2.8`,
      });
    }
  }
  for (const app of streams) {
    for (const n of streamsNeeds(app, options)) {
      if (n.topic === undefined) needs.push(n);
      else {
        const domain = owners.get(n.topic);
        if (domain !== undefined) needs.push({ binding: n.binding, domain, why: n.why });
      }
    }
  }
  return withLegacy(mergeNeeds(needs), legacy);
}

/** Adds acknowledged legacy ACLs; one that a declaration derives anyway is an ordinary ACL. */
function withLegacy(derived: ResolvedAcl[], legacy: readonly LegacyAclDeclaration[]): ResolvedAcl[] {
  const ids = new Set(derived.map((a) => a.id));
  const extra = new Map<string, ResolvedAcl>();
  for (const l of legacy) {
    const binding: AclBinding = {
      principal: l.principal,
      host: l.host,
      operation: l.operation,
      permission: l.permission,
      resourceType: l.resourceType,
      resourceName: l.resourceName,
      patternType: l.patternType,
    };
    const id = aclId(binding);
    if (ids.has(id) || extra.has(id)) continue;
    extra.set(id, { ...binding, id, domain: l.domain, neededBy: [], legacy: { reason: l.reason, source: l.source } });
  }
  return [...derived, ...extra.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function mergeNeeds(needs: readonly Need[]): ResolvedAcl[] {
  const byId = new Map<string, { binding: AclBinding; domains: Set<string>; why: Set<string> }>();
  for (const n of needs) {
    const id = aclId(n.binding);
    const entry = byId.get(id) ?? { binding: n.binding, domains: new Set<string>(), why: new Set<string>() };
    entry.domains.add(n.domain);
    entry.why.add(n.why);
    byId.set(id, entry);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, e]) => ({
      // Every field written out, keys in sorted order: `{ ...e.binding, id }` would give each of the ~90,000 ACLs of
      // 10,000 topics a hidden class of its own in V8 (~500 bytes each), and canonical JSON would copy each to sort it.
      domain: [...e.domains].sort()[0] ?? '', // cluster-wide bindings shared by two domains land in the first by name
      host: e.binding.host,
      id,
      neededBy: [...e.why].sort(),
      operation: e.binding.operation,
      patternType: e.binding.patternType,
      permission: e.binding.permission,
      principal: e.binding.principal,
      resourceName: e.binding.resourceName,
      resourceType: e.binding.resourceType,
    }));
}
