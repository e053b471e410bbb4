/**
 * Access changes between two resolved Topologies of one environment: every change of who can read or write what — a
 * new principal on a resource, an operation widened or narrowed, a principal removed — each with the team that owns
 * the resource and must approve it. Review renders them as its "Access changes" section.
 *
 * A principal that gains access to a topic outside its own domain is WARN unless every client behind it states a reason
 * for using another domain's events (the `reason` of a consumer group's subscription, of a Kafka Streams application's
 * input or output, of a connector's topic: the cross-domain grant); everything else is SAFE. "Its own domain" is every domain whose declarations use the principal (consumer groups, and producers,
 * which are declared on their topic and so belong to its domain); an ACL no declaration explains (a legacy ACL, a
 * `User:*` wildcard) therefore counts as outside. Pure: no cdktf, no file system.
 */
import { connectTopics } from '../model/resolve/connect';
import { principalUses } from '../model/quota';
import type { ResolvedAcl, Topology } from '../model/topology';
import type { AclPatternType, AclResourceType } from '../model/vocabulary';
import { compare, mergeEnvironments, operationLabel, ownerOf, whyOf } from './topologies';
import { appendTo, groupBy } from '../model/group-by';
import { iamAccessGrants } from './iam';

/**
 * - `granted`: the principal had no ACL on the resource and has one now (a new principal on a topic);
 * - `widened`: it gains operations (or loses a Deny);
 * - `narrowed`: it loses operations (or gains a Deny);
 * - `changed`: both at once (e.g. a host restriction swapped for another);
 * - `revoked`: it had ACLs on the resource and has none now (a principal removed).
 */
export type AccessChangeKind = 'granted' | 'widened' | 'narrowed' | 'changed' | 'revoked';

/** The subset of review's verdicts an access change can get. */
export type AccessVerdict = 'WARN' | 'SAFE';

export interface AccessResource {
  readonly type: AclResourceType;
  readonly name: string;
  readonly patternType: AclPatternType;
}

/** Set on a gain of topic access outside the principal's own domain. */
export interface CrossDomainAccess {
  /** The domain that owns the topic. */
  readonly resourceDomain: string;
  /** The domains whose declarations (in head) use the principal, sorted; empty when none does. */
  readonly principalDomains: readonly string[];
  /**
   * The clients of other domains that use the topic as this principal — consumer groups, Kafka Streams applications and
   * connectors — with the reason each declaration states (null: none). Empty when no declaration explains the access (a
   * legacy or hand-made ACL).
   */
  readonly grants: readonly CrossDomainGrant[];
}

/** One declaration that uses another domain's topic. */
export interface CrossDomainGrant {
  /** The client's id: a consumer group's id, a Streams application's `application.id`, a connector's name. */
  readonly groupId: string;
  readonly domain: string;
  readonly reason: string | null;
  /**
   * What kind of client it is and how it uses the topic; absent for a consumer group's read (the first kind there was,
   * whose JSON stays as it was).
   */
  readonly client?: 'streams-input' | 'streams-output' | 'sink-connector' | 'source-connector';
}

export interface AccessChange {
  readonly environment: string;
  readonly kind: AccessChangeKind;
  readonly principal: string;
  readonly resource: AccessResource;
  /** The domain that owns the resource (and whose stack holds the ACL). */
  readonly domain: string;
  /** The team that must approve: the owning domain's `owner` (head, else base); null when neither declares it. */
  readonly owner: string | null;
  /** Operations the principal held on the resource before / after, e.g. `Read`, `Deny Write`, `Read from 10.0.0.7`. Sorted. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The 7-part ACL ids added / removed. Sorted. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Why the principal has the access now (head's `neededBy` or legacy reason); for a revocation, why it had it. */
  readonly why: readonly string[];
  /** Set when the principal gains access to a topic outside its own domain. */
  readonly crossDomain: CrossDomainAccess | null;
  readonly verdict: AccessVerdict;
  /** One line for the report. */
  readonly message: string;
  /**
   * Set when the access is an Amazon MSK IAM policy's (`added`/`removed` are IAM grant ids, `before`/`after` IAM actions
   * such as `kafka-cluster:ReadData`), absent for Kafka ACLs.
   */
  readonly via?: 'msk-iam';
}

/**
 * One grant as the diff compares it: a Kafka ACL, or one action of an Amazon MSK IAM policy (access/iam.ts). Both are
 * grouped per principal and resource and judged by the same loop below, so IAM access changes read like ACL ones.
 */
interface Entry {
  readonly id: string;
  readonly principal: string;
  readonly resource: AccessResource;
  readonly permission: 'Allow' | 'Deny';
  /** The operation as a reader sees it: `Read`, `Deny Write`, `kafka-cluster:ReadData`. */
  readonly label: string;
  readonly why: readonly string[];
  /** The domain it belongs to (the Topology's, before the topic's domain is looked up). */
  readonly domain: string;
}

const keyOf = (e: Entry, via: string): string => [via, e.principal, e.resource.type, e.resource.name, e.resource.patternType].join('\u0000');

/** `keyOf(aclEntry(a), 'acl')`, without making the entry. */
const aclKey = (a: ResolvedAcl): string => ['acl', a.principal, a.resourceType, a.resourceName, a.patternType].join('\u0000');

/** The resource names of the ACLs one side has and the other has not (one index: the base's, less what head has too). */
function touchedResources(base: readonly ResolvedAcl[], head: readonly ResolvedAcl[]): Set<string> {
  const baseOnly = new Map<string, string>();
  for (const a of base) baseOnly.set(a.id, a.resourceName);
  const touched = new Set<string>();
  for (const a of head) if (!baseOnly.delete(a.id)) touched.add(a.resourceName);
  for (const name of baseOnly.values()) touched.add(name);
  return touched;
}

/** What the diff groups per key: an ACL as the Topology has it, or an MSK IAM grant already made an entry. */
type Grant = ResolvedAcl | Entry;

const entryOf = (g: Grant): Entry => ('resourceType' in g ? aclEntry(g) : g);

const aclEntry = (a: ResolvedAcl): Entry => ({
  id: a.id,
  principal: a.principal,
  resource: { type: a.resourceType, name: a.resourceName, patternType: a.patternType },
  permission: a.permission,
  label: operationLabel(a),
  why: whyOf(a),
  domain: a.domain,
});

/**
 * The access changes from `base` to `head`, two Topologies of the same environment (whole, or one stack's slice when
 * both are slices of the same stack). Either may be null: an environment that is new or gone. Sorted by environment,
 * owning domain, resource and principal; the MSK IAM grants of an `aws-iam` environment (`via: 'msk-iam'`) are
 * compared like its ACLs.
 */
export function accessChanges(base: Topology | null, head: Topology | null): AccessChange[] {
  const environment = head?.environment.name ?? base?.environment.name ?? '';
  // Most ACLs of a large output do not change: only those on a resource an added or removed ACL names are grouped (every
  // ACL of a changed key names its resource), and each stays as it is until its key's ids differ (entryOf).
  const touched = touchedResources(base?.acls ?? [], head?.acls ?? []);
  const before: Map<string, Grant[]> = groupBy(
    (base?.acls ?? []).filter((a) => touched.has(a.resourceName)),
    aclKey,
  );
  const after: Map<string, Grant[]> = groupBy(
    (head?.acls ?? []).filter((a) => touched.has(a.resourceName)),
    aclKey,
  );
  if (base?.mskIam !== undefined || head?.mskIam !== undefined) {
    for (const e of iamEntries(base)) appendTo(before, keyOf(e, IAM), e);
    for (const e of iamEntries(head)) appendTo(after, keyOf(e, IAM), e);
  }
  // Built on the first change only: most ACLs of a large output do not change.
  let context: { uses: ReturnType<typeof principalUses>; topicDomains: Map<string, string>; grants: Map<string, TopicUse[]> } | undefined;
  const contextOf = (): NonNullable<typeof context> => {
    if (context !== undefined) return context;
    // Streams applications and Kafka Connect workers and connectors are declared users of their principals too, in
    // their own domain, as a consumer group is.
    const others = [...(head?.connect?.clusters ?? []), ...(head?.connect?.connectors ?? []), ...(head?.streamsApplications ?? [])];
    const uses = principalUses(head?.consumerGroups ?? [], head?.producers ?? [], others);
    context = {
      uses,
      topicDomains: new Map([...(head?.topics ?? []), ...connectTopics(head?.connect)].map((t) => [t.name, t.domain])),
      grants: groupBy(topicUses(head), (u) => u.principal),
    };
    return context;
  };
  const changes: AccessChange[] = [];
  const keys = [...before.keys()];
  for (const key of after.keys()) if (!before.has(key)) keys.push(key);
  for (const key of keys) {
    const wasGrants = before.get(key) ?? [];
    const nowGrants = after.get(key) ?? [];
    if (sameIds(wasGrants, nowGrants)) continue;
    const was = wasGrants.map(entryOf);
    const now = nowGrants.map(entryOf);
    const wasIds = new Set(was.map((a) => a.id));
    const nowIds = new Set(now.map((a) => a.id));
    const added = now.filter((a) => !wasIds.has(a.id));
    const removed = was.filter((a) => !nowIds.has(a.id));
    if (added.length === 0 && removed.length === 0) continue;
    const sample = now[0] ?? was[0];
    if (sample === undefined) continue;
    const { uses, topicDomains, grants } = contextOf();
    const gains = added.some((a) => a.permission === 'Allow') || removed.some((a) => a.permission === 'Deny');
    const losses = removed.some((a) => a.permission === 'Allow') || added.some((a) => a.permission === 'Deny');
    const kind: AccessChangeKind = was.length === 0 ? 'granted' : now.length === 0 ? 'revoked' : gains && losses ? 'changed' : gains ? 'widened' : 'narrowed';
    const resource = sample.resource;
    const domain = (resource.type === 'Topic' ? topicDomains.get(resource.name) : undefined) ?? sample.domain;
    const crossDomain = gains && resource.type === 'Topic' ? crossDomainOf(grants.get(sample.principal) ?? [], sample.principal, resource, domain, uses) : null;
    const verdict: AccessVerdict =
      crossDomain !== null && (crossDomain.grants.length === 0 || crossDomain.grants.some((g) => g.reason === null)) ? 'WARN' : 'SAFE';
    const change = {
      environment,
      kind,
      principal: sample.principal,
      resource,
      domain,
      owner: ownerOf(head, domain) ?? ownerOf(base, domain),
      before: labels(was),
      after: labels(now),
      added: added.map((a) => a.id).sort(compare),
      removed: removed.map((a) => a.id).sort(compare),
      why: [...new Set((now.length === 0 ? was : now).flatMap((e) => e.why))].sort(compare),
      crossDomain,
      verdict,
      ...(key.startsWith(IAM) ? { via: IAM } : {}),
    };
    changes.push({ ...change, message: messageOf(change) });
  }
  return changes.sort(
    (a, b) =>
      compare(a.environment, b.environment) ||
      compare(a.domain, b.domain) ||
      compare(a.resource.type, b.resource.type) ||
      compare(a.resource.name, b.resource.name) ||
      compare(a.resource.patternType, b.resource.patternType) ||
      compare(a.principal, b.principal) ||
      compare(a.via ?? '', b.via ?? ''),
  );
}

const IAM = 'msk-iam' as const;

/** A Topology's MSK IAM grants as diff entries: the action is the operation, the why the policy's reasons for the resource. */
function iamEntries(t: Topology | null): Entry[] {
  if (t === null) return [];
  return iamAccessGrants(t).map((g) => ({
    id: g.id,
    principal: g.principal,
    resource: { type: g.aclType, name: g.resource.name, patternType: g.resource.prefix ? 'Prefixed' : 'Literal' },
    permission: 'Allow',
    label: g.action,
    why: g.why,
    domain: g.domain ?? '',
  }));
}

/** Whether two lists of grants hold the same ids (the common case: one ACL each, unchanged). */
function sameIds(a: readonly Grant[], b: readonly Grant[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0]?.id === b[0]?.id;
  const ids = new Set(a.map((x) => x.id));
  return b.every((x) => ids.has(x.id));
}

/**
 * The access changes between two synthesized outputs given as Topologies of any number of environments and stacks
 * (each stack's `topology.json`): slices are merged per environment, environments paired by name.
 */
export function accessChangesByEnvironment(base: readonly Topology[], head: readonly Topology[]): AccessChange[] {
  const bases = new Map(mergeEnvironments(base).map((t) => [t.environment.name, t]));
  const heads = new Map(mergeEnvironments(head).map((t) => [t.environment.name, t]));
  return [...new Set([...bases.keys(), ...heads.keys()])].sort(compare).flatMap((env) => accessChanges(bases.get(env) ?? null, heads.get(env) ?? null));
}

function labels(entries: readonly Entry[]): string[] {
  return [...new Set(entries.map((e) => e.label))].sort(compare);
}

/** One declared use of a topic by a client, with the reason it states: what a cross-domain grant is made of. */
interface TopicUse extends CrossDomainGrant {
  readonly principal: string;
  readonly topicName: string;
}

/**
 * Every declared use of a topic in a Topology: consumer groups' subscriptions, Streams applications' inputs and outputs,
 * sink connectors' and source connectors' topics. Each carries its declaration's `reason`, the same field with the same
 * meaning on every kind: why this client may use another domain's events.
 */
function topicUses(head: Topology | null): TopicUse[] {
  const uses: TopicUse[] = [];
  for (const g of head?.consumerGroups ?? []) {
    for (const s of g.subscriptions) {
      uses.push({ principal: g.principal, topicName: s.topicName, groupId: g.groupId, domain: g.domain, reason: s.reason ?? null });
    }
  }
  for (const a of head?.streamsApplications ?? []) {
    const use = (client: 'streams-input' | 'streams-output') => (t: { topicName: string; reason?: string }) =>
      uses.push({ principal: a.principal, topicName: t.topicName, groupId: a.applicationId, domain: a.domain, reason: t.reason ?? null, client });
    a.inputs.forEach(use('streams-input'));
    a.outputs.forEach(use('streams-output'));
  }
  for (const k of head?.connect?.connectors ?? []) {
    const client = k.type === 'sink' ? 'sink-connector' : 'source-connector';
    for (const t of k.topics) {
      uses.push({ principal: k.principal, topicName: t.topicName, groupId: k.name, domain: k.domain, reason: t.reason ?? null, client });
    }
  }
  return uses;
}

function crossDomainOf(
  principalUsesOfTopics: readonly TopicUse[],
  principal: string,
  resource: AccessResource,
  resourceDomain: string,
  uses: ReadonlyMap<string, { readonly domains: ReadonlySet<string> }>,
): CrossDomainAccess | null {
  const principalDomains = [...(uses.get(principal)?.domains ?? [])].sort(compare);
  const grants = principalUsesOfTopics
    .filter((u) => u.principal === principal && u.domain !== resourceDomain && resource.patternType === 'Literal' && u.topicName === resource.name)
    .map(({ groupId, domain, reason, client }): CrossDomainGrant => (client === undefined ? { groupId, domain, reason } : { groupId, domain, reason, client }));
  if (grants.length === 0 && principalDomains.includes(resourceDomain)) return null;
  return { resourceDomain, principalDomains, grants };
}

function resourceLabel(r: AccessResource): string {
  if (r.type === 'Cluster' && r.name === '') return 'the cluster';
  return `${r.type === 'TransactionalID' ? 'transactional id' : r.type.toLowerCase()} ${r.name}${r.patternType === 'Prefixed' ? '*' : ''}`;
}

function messageOf(c: Omit<AccessChange, 'message'>): string {
  const { change, approval, cross } = accessParts(c);
  return `${change} (${approval})${cross === '' ? '' : `; ${cross}`}`;
}

/**
 * The message's three parts, for renderers that show the approving team elsewhere (the review comment names it once
 * per row): what changes, who approves, and the cross-domain grant ('' when none).
 */
export function accessParts(c: Omit<AccessChange, 'message' | 'verdict'>): { readonly change: string; readonly approval: string; readonly cross: string } {
  const what = resourceLabel(c.resource);
  const list = (ops: readonly string[]): string => (ops.length === 0 ? 'nothing' : ops.join(', '));
  const head =
    c.kind === 'granted'
      ? `${c.principal} gains ${list(c.after)} on ${what}`
      : c.kind === 'revoked'
        ? `${c.principal} loses ${list(c.before)} on ${what}`
        : `${c.principal} ${c.kind === 'changed' ? 'changes' : c.kind === 'widened' ? 'widens' : 'narrows'} access on ${what}: ${list(c.before)} → ${list(c.after)}`;
  const via = c.via === undefined ? '' : ' (MSK IAM policy, not an ACL)';
  const approval = c.owner === null ? `owned by ${c.domain}, which declares no owner` : `owned by ${c.domain}: ${c.owner} approves`;
  return { change: `${head}${via}`, approval, cross: c.crossDomain === null ? '' : crossText(c.crossDomain, c.principal) };
}

function crossText(x: CrossDomainAccess, principal: string): string {
  const home = x.principalDomains.length === 0 ? 'no declaration uses it' : `it belongs to ${x.principalDomains.join(', ')}`;
  if (x.grants.length === 0) return `outside its own domain (${home}) with no grant stating why ${principal} may use ${x.resourceDomain}'s events`;
  return x.grants
    .map((g) => {
      const who = `${CLIENT_LABELS[g.client ?? 'group']}${g.groupId} (${g.domain})`;
      const verb = g.client === 'streams-output' || g.client === 'source-connector' ? 'writes' : 'reads';
      return g.reason === null
        ? `cross-domain ${verb === 'reads' ? 'read' : 'write'} by ${who} without a stated reason`
        : `cross-domain grant: ${who} ${verb} it because "${g.reason}"`;
    })
    .join('; ');
}

/** How a grant names its client: consumer groups by id alone, as before the other kinds existed. */
const CLIENT_LABELS: Readonly<Record<NonNullable<CrossDomainGrant['client']> | 'group', string>> = {
  group: '',
  'streams-input': 'Streams application ',
  'streams-output': 'Streams application ',
  'sink-connector': 'sink connector ',
  'source-connector': 'source connector ',
};

/** The teams whose approval the changes need (each changed resource's owner), sorted and deduplicated. */
export function requiredReviewers(changes: readonly Pick<AccessChange, 'owner'>[]): string[] {
  return [...new Set(changes.flatMap((c) => (c.owner === null ? [] : [c.owner])))].sort(compare);
}
