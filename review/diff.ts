/**
 * diff(base, head) → Change[]: what differs between two synthesized outputs, with no judgement yet.
 *
 * Topics are matched by name and ACLs by their 7-part id, never by address, so an address change of identical content
 * is seen as such. A resource that leaves one stack and appears in another stack of the same environment is one
 * `stack-moved` change; a topic that leaves and one that appears in the same stack with the same declared identity
 * (same domain and event, or the same group's companion) is a `topic-renamed`. Everything is indexed with Maps: the
 * work is linear in the size of the outputs.
 */
import { diffSettings, SETTINGS_PARTS, settingsCounterpart, type StackSettings } from '../guard/settings';
import { SCRAM_PASSWORD_VARIABLE_PREFIX } from '../model/scram';
import type { ContractDeclaration } from '../model/schema';
import type { ResolvedConsumerGroup, ResolvedDomain, ResolvedEventTopic, ResolvedProducer, ResolvedScramCredential, ResolvedTopic } from '../model/topology';
import { producerKey } from './parse';
import type { AclResource, AttributeChange, Change, FieldChange, ImportBlock, RemovedBlock, Snapshot, StackSnapshot, Subject, TopicResource } from './types';

export function diff(base: Snapshot, head: Snapshot): Change[] {
  const stackNames = [...new Set([...base.stacks.keys(), ...head.stacks.keys()])].sort();
  const changes: Change[] = [];
  const pending: Pending[] = [];
  for (const stack of stackNames) {
    const b = base.stacks.get(stack);
    const h = head.stacks.get(stack);
    diffTopics(stack, b, h, changes, pending);
    diffAcls(stack, b, h, changes, pending);
    if (h !== undefined) diffSettingsOf(stack, b, h, base, changes);
    if (h !== undefined) diffDeclarations(stack, b, h, changes);
  }
  pairAcrossStacks(pending, base, head, changes);
  diffCredentials(base, head, changes);
  return changes;
}

// ---------------------------------------------------------------------------------------------------------------
// Resources

/** An addition or removal not yet known to be part of a move or a rename. */
interface Pending {
  readonly side: 'added' | 'removed';
  readonly stack: string;
  readonly environment: string;
  readonly subject: Subject;
  /** `topic:<name>` or `acl:<id>` */
  readonly key: string;
  readonly topic: TopicResource | null;
  readonly acl: AclResource | null;
  paired: boolean;
}

function diffTopics(stack: string, b: StackSnapshot | undefined, h: StackSnapshot | undefined, changes: Change[], pending: Pending[]): void {
  const environment = (h ?? b)?.environment.name ?? stack;
  if (h !== undefined) {
    for (const after of h.topicsByName.values()) {
      const name = after.name;
      const before = b?.topicsByName.get(name);
      if (before === undefined) {
        pending.push({ side: 'added', stack, environment, subject: { kind: 'topic', name }, key: `topic:${name}`, topic: after, acl: null, paired: false });
        continue;
      }
      const attributes = topicAttributes(before, after);
      if (attributes.length > 0) changes.push({ kind: 'topic-changed', stack, before, after, attributes });
      if (before.key !== after.key) {
        changes.push({
          kind: 'address-changed',
          stack,
          subject: { kind: 'topic', name },
          from: before.address,
          to: after.address,
          moved: isMoved(h, before.address, after.address),
        });
      }
    }
  }
  if (b !== undefined) {
    const benvironment = b.environment.name;
    for (const before of b.topicsByName.values()) {
      const name = before.name;
      if (h?.topicsByName.has(name) === true) continue;
      pending.push({
        side: 'removed',
        stack,
        environment: benvironment,
        subject: { kind: 'topic', name },
        key: `topic:${name}`,
        topic: before,
        acl: null,
        paired: false,
      });
    }
  }
}

function diffAcls(stack: string, b: StackSnapshot | undefined, h: StackSnapshot | undefined, changes: Change[], pending: Pending[]): void {
  if (h !== undefined) {
    const environment = h.environment.name;
    for (const after of h.aclsById.values()) {
      const id = after.id;
      const before = b?.aclsById.get(id);
      if (before === undefined) {
        pending.push({ side: 'added', stack, environment, subject: { kind: 'acl', id }, key: `acl:${id}`, topic: null, acl: after, paired: false });
      } else if (before.key !== after.key) {
        changes.push({
          kind: 'address-changed',
          stack,
          subject: { kind: 'acl', id },
          from: before.address,
          to: after.address,
          moved: isMoved(h, before.address, after.address),
        });
      }
    }
  }
  if (b !== undefined) {
    for (const before of b.aclsById.values()) {
      const id = before.id;
      if (h?.aclsById.has(id) === true) continue;
      pending.push({
        side: 'removed',
        stack,
        environment: b.environment.name,
        subject: { kind: 'acl', id },
        key: `acl:${id}`,
        topic: null,
        acl: before,
        paired: false,
      });
    }
  }
}

function isMoved(h: StackSnapshot, from: string, to: string): boolean {
  return h.moved.some((m) => m.from === from && m.to === to);
}

const NO_CHANGES: readonly never[] = [];

function topicAttributes(before: TopicResource, after: TopicResource): readonly AttributeChange[] {
  // Most topics do not change: compare first, allocate only for a difference.
  if (
    before.partitions === after.partitions &&
    before.replicationFactor === after.replicationFactor &&
    before.preventDestroy === after.preventDestroy &&
    sameConfig(before.config, after.config)
  ) {
    return NO_CHANGES;
  }
  const out: AttributeChange[] = [];
  if (before.partitions !== after.partitions) out.push({ key: 'partitions', before: before.partitions, after: after.partitions });
  if (before.replicationFactor !== after.replicationFactor) {
    out.push({ key: 'replication_factor', before: before.replicationFactor, after: after.replicationFactor });
  }
  for (const key in before.config) {
    const a = after.config[key];
    if (a !== before.config[key]) out.push({ key: `config.${key}`, before: before.config[key] ?? null, after: a ?? null });
  }
  for (const key in after.config) {
    if (!(key in before.config)) out.push({ key: `config.${key}`, before: null, after: after.config[key] ?? null });
  }
  if (before.preventDestroy !== after.preventDestroy) out.push({ key: 'prevent_destroy', before: before.preventDestroy, after: after.preventDestroy });
  return out;
}

function sameConfig(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  return count === Object.keys(b).length;
}

/** Pairs removals and additions into moves (across stacks of one environment) and renames (within a stack). */
function pairAcrossStacks(pending: readonly Pending[], base: Snapshot, head: Snapshot, changes: Change[]): void {
  const added = new Map<string, Pending[]>();
  for (const p of pending) {
    if (p.side !== 'added') continue;
    const key = `${p.environment}\u0000${p.key}`;
    const list = added.get(key);
    if (list === undefined) added.set(key, [p]);
    else list.push(p);
  }
  const removedBlocks = new Map<string, ReadonlyMap<string, RemovedBlock>>();
  const imports = new Map<string, ReadonlyMap<string, ImportBlock>>();
  const removedIn = (stack: string): ReadonlyMap<string, RemovedBlock> =>
    memo(removedBlocks, stack, () => new Map(head.stacks.get(stack)?.removed.map((r) => [r.from, r])));
  const importsIn = (stack: string): ReadonlyMap<string, ImportBlock> =>
    memo(imports, stack, () => new Map(head.stacks.get(stack)?.imports.map((i) => [i.to, i])));

  for (const p of pending) {
    if (p.side !== 'removed') continue;
    const target = added.get(`${p.environment}\u0000${p.key}`)?.find((a) => !a.paired && a.stack !== p.stack);
    if (target === undefined) continue;
    p.paired = true;
    target.paired = true;
    const fromAddress = (p.topic ?? p.acl)?.address ?? '';
    const toAddress = (target.topic ?? target.acl)?.address ?? '';
    const imported = importsIn(target.stack).get(toAddress);
    changes.push({
      kind: 'stack-moved',
      subject: p.subject,
      from: { stack: p.stack, address: fromAddress },
      to: { stack: target.stack, address: toAddress },
      removedBlock: removedIn(p.stack).get(fromAddress) ?? null,
      imported: imported !== undefined && imported.id === importId(target),
      topic: target.topic,
    });
  }

  pairRenames(pending, base, head, changes);

  for (const p of pending) {
    if (p.paired) continue;
    if (p.side === 'added') {
      const address = (p.topic ?? p.acl)?.address ?? '';
      const imported = importsIn(p.stack).get(address);
      const isImported = imported !== undefined && imported.id === importId(p);
      if (p.topic !== null) changes.push({ kind: 'topic-added', stack: p.stack, topic: p.topic, imported: isImported });
      else if (p.acl !== null) changes.push({ kind: 'acl-added', stack: p.stack, acl: p.acl, imported: isImported });
    } else {
      const address = (p.topic ?? p.acl)?.address ?? '';
      const removedBlock = removedIn(p.stack).get(address) ?? null;
      if (p.topic !== null) changes.push({ kind: 'topic-removed', stack: p.stack, topic: p.topic, removedBlock });
      else if (p.acl !== null) changes.push({ kind: 'acl-removed', stack: p.stack, acl: p.acl, removedBlock });
    }
  }
}

/** The id terraform imports a resource by: the topic name, or the ACL's 7-part id. */
function importId(p: Pending): string {
  return p.topic?.name ?? p.acl?.id ?? '';
}

function pairRenames(pending: readonly Pending[], base: Snapshot, head: Snapshot, changes: Change[]): void {
  const addedByIdentity = new Map<string, Pending>();
  for (const p of pending) {
    if (p.side !== 'added' || p.paired || p.topic === null) continue;
    const declared = head.stacks.get(p.stack)?.declared.topics.get(p.topic.name);
    if (declared !== undefined) addedByIdentity.set(`${p.stack}\u0000${topicIdentity(declared)}`, p);
  }
  for (const p of pending) {
    if (p.side !== 'removed' || p.paired || p.topic === null) continue;
    const declared = base.stacks.get(p.stack)?.declared.topics.get(p.topic.name);
    if (declared === undefined) continue;
    const target = addedByIdentity.get(`${p.stack}\u0000${topicIdentity(declared)}`);
    if (target === undefined || target.paired || target.topic === null) continue;
    p.paired = true;
    target.paired = true;
    changes.push({ kind: 'topic-renamed', stack: p.stack, before: p.topic, after: target.topic });
  }
}

/** What a topic is, independent of its name: the declared event, or which group's companion of which event. */
function topicIdentity(topic: ResolvedTopic): string {
  if (topic.kind === 'event') return `event:${topic.ref.domain}/${topic.ref.event}`;
  return `${topic.kind}:${topic.parent.domain}/${topic.parent.event}:${topic.groupId}:${topic.retry?.tier ?? ''}`;
}

function memo<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings: backend, provider, variables, required providers

/**
 * A stack's settings against the base's; a new stack against a base stack of the same environment (its stack name
 * read as `{stack}` on both sides), so a domain added under layout `domain` changes nothing, and a new environment is
 * listed whole.
 */
function diffSettingsOf(stack: string, b: StackSnapshot | undefined, h: StackSnapshot, base: Snapshot, changes: Change[]): void {
  const sibling = settingsCounterpart(stack, h.environment.name, base.stacks, (s) => s.environment.name);
  if (sibling === undefined) {
    const empty = { backend: new Map(), provider: new Map(), variables: new Map(), 'required-providers': new Map() };
    changes.push({ kind: 'environment-added', stack, environment: h.environment.name, settings: diffSettings(empty, h.settings) });
    return;
  }
  const all =
    b === undefined
      ? diffSettings(withoutCredentialVariables(sibling.settings), withoutCredentialVariables(h.settings), { before: sibling.stack, after: stack })
      : diffSettings(...withoutOneSidedCredentialVariables(sibling.settings, h.settings));
  for (const part of SETTINGS_PARTS) {
    const of = all.filter((c) => c.part === part);
    if (of.length > 0) changes.push({ kind: 'settings-changed', stack, part, changes: of, comparedWith: b === undefined ? sibling.stack : null });
  }
}

/**
 * A stack's settings without its SCRAM password variables (model/scram.ts). Each stack declares the passwords of the
 * principals it holds credentials for, so a new domain stack's differ from its sibling's by design; against its own
 * base they are compared (a new credential is a new secret CI must supply).
 */
function withoutCredentialVariables(settings: StackSettings): StackSettings {
  const variables = new Map([...settings.variables].filter(([key]) => !key.startsWith(SCRAM_PASSWORD_VARIABLE_PREFIX)));
  return { ...settings, variables };
}

/**
 * Both sides without the SCRAM password variables that only one side declares: each comes and goes with its credential,
 * and the credential's finding (credential-added / credential-removed, review/credentials.ts) says what CI must supply.
 * A password variable on both sides whose definition changed (e.g. no longer ephemeral) is still a settings change.
 */
function withoutOneSidedCredentialVariables(before: StackSettings, after: StackSettings): [StackSettings, StackSettings] {
  const oneSided = (key: string): boolean => key.startsWith(SCRAM_PASSWORD_VARIABLE_PREFIX) && before.variables.has(key) !== after.variables.has(key);
  const strip = (settings: StackSettings): StackSettings => ({ ...settings, variables: new Map([...settings.variables].filter(([key]) => !oneSided(key))) });
  return [strip(before), strip(after)];
}

// ---------------------------------------------------------------------------------------------------------------
// SCRAM credentials (topology.json's scramCredentials), per environment

/**
 * The SCRAM credentials added, removed and changed in each environment, matched by principal across the environment's
 * stacks (a credential that moves to another stack of its environment is neither added nor removed). A removal names
 * the services that still authenticate as the principal in head.
 */
function diffCredentials(base: Snapshot, head: Snapshot, changes: Change[]): void {
  type Placed = { readonly stack: string; readonly credential: ResolvedScramCredential };
  const index = (snapshot: Snapshot): Map<string, Map<string, Placed>> => {
    const byEnvironment = new Map<string, Map<string, Placed>>();
    for (const [stack, s] of snapshot.stacks) {
      // Older topology.json files have no scramCredentials: no credentials.
      const credentials: readonly ResolvedScramCredential[] = s.topology.scramCredentials ?? [];
      const of = byEnvironment.get(s.environment.name) ?? new Map<string, Placed>();
      for (const credential of credentials) of.set(credential.principal, { stack, credential });
      byEnvironment.set(s.environment.name, of);
    }
    return byEnvironment;
  };
  const before = index(base);
  const after = index(head);
  for (const environment of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(environment) ?? new Map<string, Placed>();
    const h = after.get(environment) ?? new Map<string, Placed>();
    let clients: Map<string, Set<string>> | undefined;
    for (const principal of [...new Set([...b.keys(), ...h.keys()])].sort()) {
      const was = b.get(principal);
      const now = h.get(principal);
      if (was === undefined && now !== undefined) changes.push({ kind: 'credential-added', stack: now.stack, credential: now.credential });
      else if (was !== undefined && now === undefined) {
        clients ??= clientsByPrincipal(head, environment);
        changes.push({ kind: 'credential-removed', stack: was.stack, credential: was.credential, clients: [...(clients.get(principal) ?? [])].sort() });
      } else if (was !== undefined && now !== undefined && CREDENTIAL_FIELDS.some((f) => was.credential[f] !== now.credential[f])) {
        changes.push({ kind: 'credential-changed', stack: now.stack, before: was.credential, after: now.credential });
      }
    }
  }
}

/** What a credential change is about; `domain` and `services` are where it is held and who uses it, not the credential. */
const CREDENTIAL_FIELDS = ['mechanism', 'iterations', 'passwordVersion', 'variable'] as const satisfies readonly (keyof ResolvedScramCredential)[];

/** The services each principal is used by in an environment of `snapshot`: every client kind counts. */
export function clientsByPrincipal(snapshot: Snapshot, environment: string): Map<string, Set<string>> {
  const clients = new Map<string, Set<string>>();
  const add = (principal: string, service: string): void => void clients.set(principal, (clients.get(principal) ?? new Set<string>()).add(service));
  for (const s of snapshot.stacks.values()) {
    if (s.environment.name !== environment) continue;
    const t = s.topology;
    for (const c of [...t.consumerGroups, ...t.producers, ...(t.streamsApplications ?? []), ...(t.connect?.clusters ?? []), ...(t.connect?.connectors ?? [])]) {
      add(c.principal, c.service);
    }
  }
  return clients;
}

// ---------------------------------------------------------------------------------------------------------------
// Declarations (topology.json): groups, suppressions, declared fields

// Each list is checked against the model's type (`satisfies`), so a field renamed in the Topology fails tsc here
// instead of silently no longer being compared.

/**
 * `contract` is not among them: its schemas, compatibility mode and subject naming are compared by the contract
 * section (review/sections.ts), which judges them by the mode; only its `changeStrategy`, a note for people, is a
 * declared field here (CONTRACT_NOTE_FIELDS).
 */
const TOPIC_FIELDS = [
  'description',
  'eventTypes',
  'key',
  'aggregate',
  'ordering',
  'throughput',
  'replay',
  'retentionBytes',
] as const satisfies readonly (keyof ResolvedEventTopic)[];
const CONTRACT_NOTE_FIELDS = ['changeStrategy'] as const satisfies readonly (keyof ContractDeclaration)[];
const GROUP_FIELDS = [
  'service',
  'principal',
  'idempotency',
  'processingTimePerMessageMs',
  'maxProcessingLagMs',
  'offsetCommit',
  'processing',
  'retryDelaysMs',
  'deadLetter',
  'subscriptions',
] as const satisfies readonly (keyof ResolvedConsumerGroup)[];
const PRODUCER_FIELDS = ['principal', 'idempotent', 'transactionalIdPrefix', 'delivery'] as const satisfies readonly (keyof ResolvedProducer)[];
/** `owner` is not among them: an owner change is its own finding (owner-changed), with both owners as reviewers. */
const DOMAIN_FIELDS = ['description', 'recoveryProcedure'] as const satisfies readonly (keyof ResolvedDomain)[];

/** What suppressionsAdded reads of a domain, topic, group or producer (companion topics have no suppressions). */
type Suppressible = Partial<Pick<ResolvedDomain, 'suppressions'>>;

function diffDeclarations(stack: string, b: StackSnapshot | undefined, h: StackSnapshot, changes: Change[]): void {
  const bd = b?.declared;
  const hd = h.declared;
  const compare = (
    subject: Subject,
    before: object | undefined,
    after: object,
    fields: readonly string[],
    extra: (b: object) => readonly FieldChange[] = () => NO_CHANGES,
  ): void => {
    suppressionsAdded(stack, subject, before, after, changes);
    if (before === undefined || fields.length === 0) return;
    const changed = fieldChanges(before as Record<string, unknown>, after as Record<string, unknown>, fields);
    const more = extra(before);
    if (changed.length > 0 || more.length > 0) {
      changes.push({ kind: 'declaration-changed', stack, subject, fields: more.length === 0 ? changed : [...changed, ...more] });
    }
  };
  for (const [name, domain] of hd.domains) {
    const before = bd?.domains.get(name);
    if (before !== undefined && before.owner !== domain.owner) {
      changes.push({ kind: 'owner-changed', stack, domain: name, before: before.owner, after: domain.owner });
    }
    compare({ kind: 'domain', name }, before, domain, DOMAIN_FIELDS);
  }
  for (const [name, topic] of hd.topics) {
    // Only event topics carry declarations; companions are derived from their group.
    if (topic.kind === 'event') {
      compare({ kind: 'topic', name }, bd?.topics.get(name), topic, TOPIC_FIELDS, (before) => contractNotes(before as ResolvedTopic, topic));
    }
  }
  for (const [groupId, group] of hd.groups) {
    const before = bd?.groups.get(groupId);
    if (before === undefined) changes.push({ kind: 'group-added', stack, group });
    compare({ kind: 'group', groupId }, before, group, GROUP_FIELDS);
  }
  // A group gone from this stack; classify drops it when another stack of the environment declares it now.
  for (const [groupId, group] of bd?.groups ?? []) {
    if (!hd.groups.has(groupId)) changes.push({ kind: 'group-removed', stack, group });
  }
  // A connector gone from this stack (topology.json's `connect` part; outputs written before Connect have none).
  const headConnectors = new Set((h.topology.connect?.connectors ?? []).map((k) => `${k.cluster.groupId}/${k.name}`));
  for (const connector of b?.topology.connect?.connectors ?? []) {
    if (!headConnectors.has(`${connector.cluster.groupId}/${connector.name}`)) changes.push({ kind: 'connector-removed', stack, connector });
  }
  for (const producer of hd.producers.values()) {
    compare(
      { kind: 'producer', service: producer.service, topic: producer.topicName },
      bd?.producers.get(producerKey(producer.service, producer.topicName)),
      producer,
      PRODUCER_FIELDS,
    );
  }
}

/** The declared notes of a contract that changed (`contract.changeStrategy`), never its schemas or mode. */
function contractNotes(before: ResolvedTopic, after: ResolvedTopic): readonly FieldChange[] {
  if (before.kind !== 'event' || after.kind !== 'event') return NO_CHANGES;
  const b = before.contract as Readonly<Record<string, unknown>>;
  const a = after.contract as Readonly<Record<string, unknown>>;
  let out: FieldChange[] | undefined;
  for (const field of CONTRACT_NOTE_FIELDS) {
    if (!sameJson(b[field], a[field])) (out ??= []).push({ field: `contract.${field}`, before: show(b[field]), after: show(a[field]) });
  }
  return out ?? NO_CHANGES;
}

function suppressionsAdded(stack: string, subject: Subject, before: Suppressible | undefined, after: Suppressible, changes: Change[]): void {
  const added = after.suppressions ?? [];
  if (added.length === 0) return;
  const had = new Set((before?.suppressions ?? []).map((s) => s.ruleId));
  for (const s of added) {
    if (!had.has(s.ruleId)) changes.push({ kind: 'suppression-added', stack, subject, ruleId: s.ruleId, reason: s.reason });
  }
}

/** Changed fields, one level into objects (`key.reason`); arrays and scalars whole. */
function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): readonly FieldChange[] {
  let out: FieldChange[] | undefined;
  for (const field of fields) {
    const b = before[field];
    const a = after[field];
    if (sameJson(b, a)) continue;
    out ??= [];
    if (isPlainObject(b) && isPlainObject(a)) {
      for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
        if (!sameJson(b[key], a[key])) out.push({ field: `${field}.${key}`, before: show(b[key]), after: show(a[key]) });
      }
    } else {
      out.push({ field, before: show(b), after: show(a) });
    }
  }
  return out ?? NO_CHANGES;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const key in ao) {
    if (!(key in bo) || !sameJson(ao[key], bo[key])) return false;
    count++;
  }
  return count === Object.keys(bo).length;
}
