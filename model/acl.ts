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
import { covers, emitsPrefixed, keepsLiteral, prefixedBinding } from './acl-patterns';
import { streamsNeeds } from './acl-streams';
import { CLUSTER_RESOURCE_NAME } from './limits';
import type { LegacyAclDeclaration } from './schema';
import type { AclBinding, ResolvedAcl, ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication } from './topology';
import type { AclOperation, AclPatternMode, AclResourceType } from './vocabulary';
import { compare } from './compare';

export interface AclOptions {
  readonly explicitDescribe: boolean;
  readonly legacyIdempotentWrite: boolean;
  /** Literal or Prefixed Topic and Group ACLs for a domain's own clients (model/acl-patterns.ts). @default 'literal' */
  readonly patterns?: AclPatternMode;
  /** The environment's topic prefix, part of each domain's topic prefix in a prefixed mode. @default '' */
  readonly topicPrefix?: string;
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

/** One ACL a declaration needs, the domain whose stack holds it, and why (the ACL's `neededBy`). */
export interface AclNeed {
  readonly binding: AclBinding;
  /** The domain that owns the resource: its stack holds the ACL. */
  readonly domain: string;
  readonly why: string;
  /** The domain of the declaration that needs it (a consumer group's, a producer's topic's); undefined: not prefixable. */
  readonly requester?: string;
}
type Need = AclNeed;

/** An Allow binding for any host; Literal unless `prefixed`. */
export function allow(principal: string, operation: AclOperation, resourceType: AclResourceType, resourceName: string, prefixed = false): AclBinding {
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
  /** Needs derived elsewhere (Kafka Connect: model/connect/acl.ts), merged and deduplicated with these. */
  extra: readonly AclNeed[] = [],
  /** Kafka Streams applications (model/acl-streams.ts). */
  streams: readonly ResolvedStreamsApplication[] = [],
): ResolvedAcl[] {
  const needs: Need[] = [...extra];
  const topicNeed = (principal: string, ops: readonly AclOperation[], topic: string, why: string, requester: string): void => {
    const domain = owners.get(topic);
    if (domain === undefined) return; // an unknown topic is reported by resolve, not granted
    const all: AclOperation[] = options.explicitDescribe ? [...ops, 'Describe'] : [...ops];
    for (const op of all) needs.push({ binding: allow(principal, op, 'Topic', topic), domain, why, requester });
  };

  for (const g of groups) {
    const who = `consumer group ${g.groupId} (${g.service})`;
    needs.push({ binding: allow(g.principal, 'Read', 'Group', g.groupId), domain: g.domain, why: `${who} joins its group`, requester: g.domain });
    for (const s of g.subscriptions) {
      topicNeed(g.principal, ['Read'], s.topicName, `${who} reads ${s.topicName}`, g.domain);
      for (const retry of s.retryTopics) topicNeed(g.principal, ['Read', 'Write'], retry, `${who} retries through ${retry}`, g.domain);
      if (s.deadLetterTopic !== null) {
        topicNeed(g.principal, ['Read', 'Write'], s.deadLetterTopic, `${who} dead-letters to and re-drives from ${s.deadLetterTopic}`, g.domain);
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
    if (domain === undefined) continue;
    // A producer is declared by the topic's own domain (topic.grantProduce).
    topicNeed(p.principal, ['Write'], p.topicName, `${who} writes ${p.topicName}`, domain);
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
  return withLegacy(mergeNeeds(withPatterns(needs, options)), legacy);
}

/**
 * The needs under the environment's ACL pattern mode: in a prefixed mode, a domain's own client's Literal Topic or
 * Group need becomes (or, in `literal-and-prefixed`, is joined by) the Prefixed need on the domain's prefix, which
 * mergeNeeds then folds into one ACL per principal, operation and prefix.
 */
function withPatterns(needs: readonly Need[], options: AclOptions): readonly Need[] {
  const mode = options.patterns ?? 'literal';
  if (!emitsPrefixed(mode)) return needs;
  const out: Need[] = [];
  const rest: Need[] = [];
  const prefixes: Need[] = [];
  for (const n of needs) {
    const prefixed = n.requester === undefined ? undefined : prefixedBinding(n.binding, n.domain, n.requester, options.topicPrefix ?? '');
    if (prefixed === undefined) {
      rest.push(n);
      continue;
    }
    if (keepsLiteral(mode)) out.push(n);
    prefixes.push({ ...n, binding: prefixed });
  }
  // In `prefixed`, a Literal need that the principal's own Prefixed ACL in the same stack covers (a principal that also
  // reads the domain cross-domain) is folded into it rather than written twice. Indexed: a scan per need was quadratic.
  const key = (domain: string, b: AclBinding): string => [domain, b.principal, b.host, b.operation, b.permission, b.resourceType].join('|');
  const byKey = new Map<string, AclBinding[]>();
  if (!keepsLiteral(mode)) {
    for (const p of prefixes) {
      const list = byKey.get(key(p.domain, p.binding)) ?? [];
      if (!list.some((b) => b.resourceName === p.binding.resourceName)) list.push(p.binding);
      byKey.set(key(p.domain, p.binding), list);
    }
  }
  for (const n of rest) {
    const wide = byKey.get(key(n.domain, n.binding))?.find((b) => covers(b, n.binding));
    out.push(wide === undefined ? n : { ...n, binding: wide });
  }
  return [...out, ...prefixes];
}

/** Adds acknowledged legacy ACLs; one that a declaration derives anyway is an ordinary ACL. */
function withLegacy(derived: ResolvedAcl[], legacy: readonly LegacyAclDeclaration[]): ResolvedAcl[] {
  // mergeNeeds returns the derived ACLs sorted by id already.
  if (legacy.length === 0) return derived;
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
  // Sorted by id, the needs of one ACL are adjacent: no map of ~90,000 ids (10,000 topics), no Sets per ACL. Most ACLs
  // have one need (one domain, one reason); longer lists are deduplicated and sorted.
  const byId = needs.map((need) => ({ id: aclId(need.binding), need })).sort((a, b) => compare(a.id, b.id));
  const distinct = (values: string[]): string[] => (values.length === 1 ? values : [...new Set(values)].sort());
  const acls: ResolvedAcl[] = [];
  for (let i = 0; i < byId.length;) {
    const { id, need } = byId[i] as { id: string; need: Need };
    const domains = [need.domain];
    const why = [need.why];
    for (i++; i < byId.length && (byId[i] as { id: string }).id === id; i++) {
      const same = (byId[i] as { need: Need }).need;
      domains.push(same.domain);
      why.push(same.why);
    }
    const b = need.binding;
    acls.push({
      // Every field written out, keys in sorted order: `{ ...b, id }` would give each of the ~90,000 ACLs of 10,000
      // topics a hidden class of its own in V8 (~500 bytes each), and canonical JSON would copy each to sort it.
      domain: distinct(domains)[0] ?? '', // cluster-wide bindings shared by two domains land in the first by name
      host: b.host,
      id,
      neededBy: distinct(why),
      operation: b.operation,
      patternType: b.patternType,
      permission: b.permission,
      principal: b.principal,
      resourceName: b.resourceName,
      resourceType: b.resourceType,
    });
  }
  return acls;
}
