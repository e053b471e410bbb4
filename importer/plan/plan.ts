/**
 * Cluster snapshot → import plan.
 *
 * 1. Names: each topic is an event topic (`<domain>.<event>` by the domain pattern), a DLQ / retry companion of one,
 *    internal, outside the environment's prefix, or unassigned.
 * 2. Event topics get declarations that reproduce their partitions, replication and configs (event-topic.ts); ACLs
 *    become producers, consumer groups and legacy ACLs (access.ts).
 * 3. The declarations are resolved by the model and compared with the cluster (verify.ts), rendered the way synth
 *    renders them. A resource the model rejects, or that would be created, replaced or changed, is left out and the
 *    plan is made again, until what remains adopts exactly (or with an override the model cannot declare removed
 *    where the topic falls back to the same value: predicted and explained).
 * 4. Lint runs on the result. An error it reports on an imported declaration gets a suppression whose reason is true
 *    (rule-marks.ts): what a cluster does not record (the key, …) and what to add, or the value found on the cluster,
 *    what the rule wants and why — which the report lists too. Synth passes, and lint keeps listing every one.
 */
import { UNASSIGNED_DOMAIN, claimEventName, classifyName, parseCompanionName, type CompanionName } from '../naming';
import { planInputs } from './inputs';
import { recogniseClientTopics, type ClientTopics } from './client-kinds';
import { clientFindings } from './client-findings';
import { planClients, verifyClients, type PlannedClients } from './clients';
import type { ClusterSnapshot, SnapshotTopic } from '../snapshot';
import type { ImportFinding } from '../types';
import { groupKey, planAccess, producerKey, type AccessCompanion, type AccessEventTopic } from './access';
import { sourcePath, toDeclarations } from './declarations';
import { effectiveValue, planEventTopic } from './event-topic';
import { adoptionFinding, adoptionSuppressionReason } from './rule-marks';
import type {
  ExpectedFirstPlan,
  ImportPlan,
  PlannedConnectCluster,
  PlannedDomain,
  PlannedGroup,
  PlannedLegacyAcl,
  PlannedProducer,
  PlannedSinkConnector,
  PlannedStreamsApplication,
  PlannedTopic,
  UnmanagedTopic,
} from './types';
import { compareWithCluster, type Comparison } from './verify';
import { aclId } from '../../model/acl';
import { toDurationString } from '../../model/duration';
import { DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS, MAX_DURATION_MS, RETRY_RETENTION_MARGIN_MS } from '../../model/limits';
import { deadLetterTopicName, groupPart, isInternalTopic, retryTopicName } from '../../model/naming';
import { resolve, type ResolveResult } from '../../model/resolve';
import { type Environment, type Suppression } from '../../model/schema';
import { lint } from '../../rules/run';

export interface PlanOptions {
  /** The environment the cluster is (its replication defaults, topic prefix, ACL options, vendor config keys). */
  readonly environment: unknown;
  /**
   * Regular expression with named groups `domain` and `event`, applied to topic names without the environment's prefix.
   *
   * @default DEFAULT_DOMAIN_PATTERN: `<domain>.<event>`
   */
  readonly domainPattern?: string;
  /**
   * The CODEOWNERS handle written as every imported domain's owner.
   *
   * @default '@platform-team'
   */
  readonly owner?: string;
  /**
   * Declare topics whose name is not `<domain>.<event>` with an explicit `topicName` (in their pattern domain, or in
   * `unassigned`, which lint TF-DOMAIN-003 asks to resolve). With it off, such topics are listed as unmanaged.
   *
   * @default true
   */
  readonly topicNameOverride?: boolean;
}

const MAX_ROUNDS = 20;
const IMPORTED_DESCRIPTION = 'imported from the cluster by topicform import; say what the domain is responsible for';
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Candidate {
  readonly topic: SnapshotTopic;
  readonly domain: string;
  readonly event: string;
  readonly topicName?: string;
}

export function planImport(snapshot: ClusterSnapshot, options: PlanOptions): ImportPlan | { readonly error: string } {
  const inputs = planInputs(options);
  if ('error' in inputs) return inputs;
  const { env, pattern, owner } = inputs;

  // 1. Names.
  const unmanaged = new Map<string, { reason: string; domain?: string }>();
  const candidates: Candidate[] = [];
  // Kafka Streams internal topics and Kafka Connect storage topics belong to those clients, not to an event domain.
  const clients = recogniseClientTopics(snapshot, env.topicPrefix);
  for (const [name, reason] of clients.reasons) unmanaged.set(name, { reason });
  const classified = snapshot.topics
    .filter((t) => !clients.reasons.has(t.name))
    .map((t) => ({ t, c: classifyName(t.name, env.topicPrefix, pattern, isInternalTopic) }));
  for (const { t, c } of classified) if (c.kind === 'event') candidates.push({ topic: t, domain: c.domain, event: c.event });
  const usedEvents = new Map<string, Set<string>>();
  for (const c of candidates) usedEvents.set(c.domain, new Set([...(usedEvents.get(c.domain) ?? []), c.event]));
  for (const { t, c } of classified) {
    if (c.kind === 'event') continue;
    if (c.kind === 'internal') unmanaged.set(t.name, { reason: 'an internal topic (its name starts with "_"): Kafka or a platform component owns it' });
    else if (c.kind === 'outside-prefix') unmanaged.set(t.name, { reason: `outside the environment's topic prefix "${c.prefix}"` });
    else if (options.topicNameOverride !== false) {
      // Declared under a unique event name of its pattern domain (or `unassigned`), with its real name as topicName.
      const { domain, event } = claimEventName(usedEvents, c, t.name, env.topicPrefix);
      // The explicit name is the name within the environment's prefix, which resolve prepends again.
      candidates.push({ topic: t, domain, event, topicName: t.name.slice(env.topicPrefix.length) });
    } else {
      const reason = `${c.reason}, and declaring it under its own name (topicName) was turned off, so it stays on the cluster, unmanaged`;
      unmanaged.set(t.name, { reason, ...(c.kind === 'grouped' ? { domain: c.domain } : {}) });
    }
  }
  const eventDomains = new Map(candidates.map((c) => [c.topic.name, c.domain]));
  const companionNames = new Map<string, CompanionName>();
  for (const t of snapshot.topics) {
    const companion = parseCompanionName(t.name, eventDomains);
    if (companion === undefined) continue;
    companionNames.set(t.name, companion);
    unmanaged.delete(t.name);
  }
  const mainCandidates = candidates.filter((c) => !companionNames.has(c.topic.name));
  const byName = new Map(snapshot.topics.map((t) => [t.name, t]));

  // 2.–3. Plan, resolve, compare; leave out what cannot be adopted; again.
  const excluded = new Map<string, string>();
  const dropped = new Set<string>();
  const unsupported = new Set<string>();
  const findings: ImportFinding[] = [...snapshot.findings];
  // Findings about Streams applications and Connect go here, where they always were, once the plan has settled.
  const clientFindingsAt = findings.length;
  // Streams applications, Connect clusters and sink connectors not to declare (candidate key → why).
  const declined = new Map<string, string>();
  let draft: Draft | undefined;
  let result: ResolveResult | undefined;
  let comparison: Comparison | undefined;
  let settled = false;
  for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
    draft = makeDraft({ mainCandidates, companionNames, byName, excluded, dropped, unsupported, env, owner, snapshot, clients, declined });
    result = resolve(toDeclarations(draft.domains), env);
    const errors = result.issues.filter((i) => (i.severity ?? 'error') === 'error');
    if (errors.length > 0 || result.topology === null) {
      const progressed = errors.map((e) =>
        leaveOut(
          e.source.path,
          `the model rejects it: ${e.path === '' ? '' : `${e.path}: `}${e.message}`,
          draft as Draft,
          excluded,
          dropped,
          unsupported,
          declined,
        ),
      );
      if (!progressed.some(Boolean)) {
        findings.push(...errors.map((e) => ({ level: 'error' as const, code: 'model-rejected', subject: e.source.path, message: `${e.path}: ${e.message}` })));
        break;
      }
      continue;
    }
    comparison = compareWithCluster(result.topology, snapshot);
    let changed = false;
    for (const t of comparison.topics) {
      if (t.blocking.length === 0) continue;
      const reason = `adopting it as declared would change it: ${t.blocking.join('; ')}`;
      if (t.kind.startsWith('connect-')) {
        // A Connect topic is the cluster's or the connector's: that declaration is declined, the topic adopted as before.
        changed = leaveOut(t.sourcePath, `${t.name}: ${reason}`, draft, excluded, dropped, unsupported, declined) || changed;
      } else if (byName.has(t.name) && !excluded.has(t.name)) {
        excluded.set(t.name, reason);
        changed = true;
      } else {
        changed = leaveOut(t.sourcePath, reason, draft, excluded, dropped, unsupported, declined) || changed;
      }
    }
    for (const acl of comparison.createdAcls) {
      for (const [path, principal] of draft.clientPrincipals) {
        if (principal === acl.principal) {
          changed = leaveOut(path, `declared, it would create ACL ${acl.id}`, draft, excluded, dropped, unsupported, declined) || changed;
        }
      }
      for (const g of draft.groups.filter((x) => x.principal === acl.principal)) {
        changed = dropOnce(dropped, groupKey(g.principal, g.groupId ?? `${g.domain}.${g.name}`)) || changed;
      }
      for (const p of draft.producers.filter((x) => x.principal === acl.principal)) {
        changed = dropOnce(dropped, producerKey(p.principal, p.topicName)) || changed;
      }
    }
    settled = !changed;
  }
  if (draft === undefined || result === undefined) return { error: 'nothing to plan' };
  if (!settled) {
    findings.push({
      level: 'error',
      code: 'plan-not-settled',
      subject: 'import',
      message: `the plan still changed after ${MAX_ROUNDS} rounds; the result may create or change resources`,
    });
  }

  // 4. Lint: mark the errors imported declarations carry, each with a reason that is true.
  const listed = (subject: string): boolean => byName.get(subject)?.configSource !== 'none';
  const marked: ImportFinding[] = [];
  for (let round = 0; round < 3 && result.topology !== null; round++) {
    const blocking = lint(result.topology).filter((f) => f.level === 'error' && f.suppressed === undefined);
    if (blocking.length === 0) break;
    for (const f of blocking) {
      if (suppress(draft, f.subject.source.path, f.subject.domain, { ruleId: f.ruleId, reason: adoptionSuppressionReason(f, listed(f.subject.name)) })) {
        const finding = adoptionFinding(f, listed(f.subject.name));
        if (finding !== undefined) marked.push(finding);
      }
    }
    result = resolve(toDeclarations(draft.domains), env);
  }
  if (result.topology !== null) {
    comparison = compareWithCluster(result.topology, snapshot);
    for (const f of lint(result.topology).filter((x) => x.level === 'error' && x.suppressed === undefined)) {
      findings.push({
        level: 'error',
        code: 'lint-error',
        subject: f.subject.name,
        message: `[${f.ruleId}] ${f.message}: synth of the generated files will stop here until it is fixed`,
      });
    }
  }

  findings.splice(clientFindingsAt, 0, ...clientFindings(clients, draft.clients, declined));
  findings.push(...draft.findings, ...marked);
  const adopted = new Set(comparison?.adoptTopics ?? []);
  const unmanagedTopics: UnmanagedTopic[] = snapshot.topics
    .filter((t) => !adopted.has(t.name))
    .map((t) => {
      const known = streamsInternalReason(t.name, draft) ?? unmanaged.get(t.name);
      const companion = companionNames.get(t.name);
      const reason =
        excluded.get(t.name) ??
        known?.reason ??
        (companion === undefined
          ? 'no declaration derives it'
          : `a ${companion.kind === 'dead-letter' ? 'dead-letter' : `retry (tier ${companion.tier ?? '?'})`} topic of ${companion.parent} for group "${companion.part}", but no consumer group of that name could be mapped from the ACLs, or its shape differs from the derived one`);
      const domain = known?.domain ?? eventDomains.get(t.name) ?? companion?.groupDomain;
      return {
        name: t.name,
        reason,
        partitions: t.partitions,
        replicationFactor: t.replicationFactor,
        overrides: t.overrides,
        ...(domain === undefined ? {} : { domain }),
        origin: t.origin,
      };
    });
  for (const t of unmanagedTopics) findings.push({ level: 'warning', code: 'topic-not-adopted', subject: t.name, message: t.reason, at: t.origin });
  for (const d of draft.domains) {
    for (const l of d.legacyAcls) {
      findings.push({ level: 'info', code: 'legacy-acl', subject: aclId(l.binding), message: `kept as a LegacyAcl of domain ${d.name}: ${l.reason}` });
    }
  }
  if (result.topology === null) {
    findings.push({
      level: 'error',
      code: 'model-rejected',
      subject: 'import',
      message: 'the model rejects the generated declarations; nothing would synthesize',
    });
  }
  const updates = (comparison?.topics ?? []).filter((t) => t.changes.length > 0 && adopted.has(t.name)).map((t) => ({ topic: t.name, changes: t.changes }));
  const brokerDefaults = Object.fromEntries(
    (comparison?.topics ?? [])
      .filter((t) => adopted.has(t.name) && Object.keys(t.brokerLevel).length > 0)
      .map((t) => [t.name, t.brokerLevel] as const)
      .sort(([a], [b]) => compare(a, b)),
  );
  for (const u of updates) {
    findings.push({
      level: 'warning',
      code: 'config-update',
      subject: u.topic,
      message: `the first apply updates its config in place: ${u.changes.map((c) => `${c.key} ${c.before ?? '(not set)'} → ${c.after ?? '(removed)'} (${c.why})`).join('; ')}`,
    });
  }
  const uncertain = uncertainTopics(snapshot.topics.filter((t) => adopted.has(t.name)));
  for (const u of uncertain) {
    findings.push({
      level: 'warning',
      code: u.keys.length === 0 ? 'configs-unknown' : 'maybe-broker-level',
      subject: u.topic,
      message: u.why,
      ...originOf(byName, u.topic),
    });
  }

  // Connect storage topics are adopted as event topics for now; their declaration says what they are.
  const domains = draft.domains.map((d) =>
    d.topics.some((t) => clients.notes.has(t.name))
      ? { ...d, topics: d.topics.map((t) => (clients.notes.has(t.name) ? { ...t, notes: [...t.notes, clients.notes.get(t.name) ?? ''] } : t)) }
      : d,
  );
  return {
    environment: env.name,
    domains,
    unmanagedTopics,
    adopt: { topics: comparison?.adoptTopics ?? [], acls: comparison?.adoptAcls ?? [], brokerDefaults },
    firstPlan: {
      importTopics: comparison?.adoptTopics ?? [],
      importAcls: comparison?.adoptAcls ?? [],
      updates,
      creates: [
        ...(comparison?.topics ?? []).filter((t) => !byName.has(t.name)).map((t) => `kafka_topic ${t.name}`),
        ...(comparison?.createdAcls ?? []).map((a) => `kafka_acl ${a.id}`),
      ],
      uncertain,
    },
    findings,
    declarations: toDeclarations(draft.domains),
    topology: result.topology,
  };
}

interface Draft {
  readonly domains: PlannedDomain[];
  /** The Streams applications, Connect clusters and sink connectors declared in this draft. */
  readonly clients: PlannedClients;
  /** Declaration source path → principal, of every declared client (to decline one whose ACL would be created). */
  readonly clientPrincipals: ReadonlyMap<string, string>;
  readonly groups: readonly PlannedGroup[];
  readonly producers: readonly PlannedProducer[];
  readonly findings: readonly ImportFinding[];
  /** Declarations by their source path (declarations.ts sourcePath), to map issues and findings back. */
  readonly byPath: ReadonlyMap<string, Located>;
}

type Located =
  | { readonly kind: 'domain'; readonly item: PlannedDomain }
  | { readonly kind: 'topic'; readonly item: PlannedTopic }
  | { readonly kind: 'group'; readonly item: PlannedGroup }
  | { readonly kind: 'producer'; readonly item: PlannedProducer }
  | { readonly kind: 'legacy'; readonly item: PlannedLegacyAcl }
  | { readonly kind: 'client'; readonly key: string; readonly item: PlannedStreamsApplication | PlannedConnectCluster | PlannedSinkConnector };

interface DraftInput {
  readonly mainCandidates: readonly Candidate[];
  readonly companionNames: ReadonlyMap<string, CompanionName>;
  readonly byName: ReadonlyMap<string, SnapshotTopic>;
  readonly excluded: Map<string, string>;
  readonly dropped: ReadonlySet<string>;
  readonly unsupported: ReadonlySet<string>;
  readonly env: Environment;
  readonly owner: string;
  readonly snapshot: ClusterSnapshot;
  readonly clients: ClientTopics;
  readonly declined: Map<string, string>;
}

function makeDraft(input: DraftInput): Draft {
  const { env } = input;
  const findings: ImportFinding[] = [];
  const allTopics: PlannedTopic[] = [];
  for (const c of input.mainCandidates) {
    if (input.excluded.has(c.topic.name)) continue;
    const planned = planEventTopic(c.topic, c.domain, c.event, env, c.topicName);
    if ('reason' in planned) input.excluded.set(c.topic.name, planned.reason);
    else allTopics.push(planned.topic);
  }
  const clients = draftClients(input, allTopics);
  const topics = clients.topics;
  const eventTopics = new Map<string, AccessEventTopic>(topics.map((t) => [t.name, { name: t.name, domain: t.domain, event: t.event }]));
  const companions: AccessCompanion[] = [];
  for (const [name, c] of input.companionNames) {
    const topic = input.byName.get(name);
    if (topic === undefined || input.excluded.has(name) || !eventTopics.has(c.parent)) continue;
    companions.push({
      name,
      kind: c.kind,
      parent: c.parent,
      part: c.part,
      ...(c.tier === undefined ? {} : { tier: c.tier }),
      ...(c.kind === 'retry' ? retryDelayOf(topic) : {}),
    });
  }
  const eventNames = new Map<string, Set<string>>();
  for (const t of topics) eventNames.set(t.domain, new Set([...(eventNames.get(t.domain) ?? []), t.event]));
  for (const [domain, names] of clients.clients.names) eventNames.set(domain, new Set([...(eventNames.get(domain) ?? []), ...names]));
  const acls = clients.claimed.size === 0 ? input.snapshot.acls : input.snapshot.acls.filter((a) => !clients.claimed.has(a.id));
  const planned = planAccess({ acls, eventTopics, companions, env, dropped: input.dropped, unsupported: input.unsupported, eventNames });
  findings.push(...planned.findings);
  const partitionsOf = new Map(topics.map((t) => [t.name, t.partitions]));
  const access = { ...planned, groups: planned.groups.map((g) => withCompanionShapes(g, input.byName, partitionsOf)) };

  const { streams, clusters } = clients.clients;
  const domainNames = [
    ...new Set([
      ...topics.map((t) => t.domain),
      ...access.groups.map((g) => g.domain),
      ...access.legacy.map((l) => l.domain),
      ...streams.map((a) => a.domain),
      ...clusters.map((c) => c.domain),
    ]),
  ].sort(compare);
  const domains: PlannedDomain[] = domainNames.map((name) => ({
    name,
    owner: input.owner,
    description:
      name === UNASSIGNED_DOMAIN
        ? 'imported from the cluster by topicform import: topics and ACLs no naming convention assigns to a domain'
        : IMPORTED_DESCRIPTION,
    suppressions: [],
    topics: topics.filter((t) => t.domain === name).sort((a, b) => compare(a.event, b.event)),
    groups: access.groups.filter((g) => g.domain === name),
    producers: access.producers.filter((p) => p.topic.domain === name),
    legacyAcls: access.legacy.filter((l) => l.domain === name),
    // Only where there are any, so a plan without them stays as it was.
    ...(streams.some((a) => a.domain === name) ? { streamsApplications: streams.filter((a) => a.domain === name) } : {}),
    ...(clusters.some((c) => c.domain === name) ? { connectClusters: clusters.filter((c) => c.domain === name) } : {}),
  }));
  const byPath = new Map<string, Located>();
  for (const d of domains) {
    byPath.set(sourcePath.domain(d.name), { kind: 'domain', item: d });
    for (const t of d.topics) byPath.set(sourcePath.topic(t.domain, t.event), { kind: 'topic', item: t });
    for (const g of d.groups) byPath.set(sourcePath.group(g.domain, g.name), { kind: 'group', item: g });
    for (const p of d.producers) byPath.set(sourcePath.producer(p.topic.domain, p.topic.event, p.service), { kind: 'producer', item: p });
    for (const l of d.legacyAcls) byPath.set(sourcePath.legacy(l.domain, l.id), { kind: 'legacy', item: l });
  }
  const keyByPath = new Map([...clients.clients.keyOf].map(([k, p]) => [p, k]));
  const clientPrincipals = new Map<string, string>();
  const located = (path: string, item: PlannedStreamsApplication | PlannedConnectCluster | PlannedSinkConnector, principal: string): void => {
    const key = keyByPath.get(path);
    if (key === undefined) return;
    byPath.set(path, { kind: 'client', key, item });
    clientPrincipals.set(path, principal);
  };
  for (const d of domains) {
    for (const a of d.streamsApplications ?? []) located(sourcePath.streams(a.domain, a.name), a, a.principal);
    for (const c of d.connectClusters ?? []) {
      located(sourcePath.connect(c.domain, c.name), c, c.principal);
      for (const k of c.sinks) located(sourcePath.sink(c.domain, c.name, k.name), k, k.effectivePrincipal);
    }
  }
  return { domains, clients: clients.clients, clientPrincipals, groups: access.groups, producers: access.producers, findings, byPath };
}

/**
 * The Streams applications, Connect clusters and sink connectors this draft declares, verified against the cluster's
 * ACLs (clients.ts), and the event topics without the topics those clients own (storage, sink dead letters). Declining
 * a client gives its topics back to the event topics, so the clients are planned again until none is declined.
 */
function draftClients(
  input: DraftInput,
  allTopics: readonly PlannedTopic[],
): { clients: PlannedClients; claimed: ReadonlySet<string>; topics: PlannedTopic[] } {
  const candidates = { streams: input.clients.streamsCandidates, connect: input.clients.connectCandidates, sinks: input.clients.sinkCandidates };
  const none: PlannedClients = { streams: [], clusters: [], ownTopics: new Set(), names: new Map(), keyOf: new Map() };
  if (candidates.streams.length + candidates.connect.length + candidates.sinks.length === 0) {
    return { clients: none, claimed: new Set(), topics: [...allTopics] };
  }
  const clusterIds = new Set(input.snapshot.acls.map((a) => a.id));
  for (;;) {
    const plan = (topics: readonly PlannedTopic[], declined: Map<string, string>): PlannedClients => {
      const eventNames = new Map<string, Set<string>>();
      for (const t of topics) eventNames.set(t.domain, new Set([...(eventNames.get(t.domain) ?? []), t.event]));
      const eventTopics = new Map(topics.map((t) => [t.name, { domain: t.domain, event: t.event, partitions: t.partitions }]));
      return planClients({ candidates, snapshot: input.snapshot, eventTopics, eventNames, env: input.env, declined });
    };
    // The topics the clients would own are not event topics to them: plan once to find them (on a scratch copy of
    // what is declined), then for real without them.
    const own = plan(allTopics, new Map(input.declined)).ownTopics;
    const clients = plan(
      allTopics.filter((t) => !own.has(t.name)),
      input.declined,
    );
    const topics = allTopics.filter((t) => !clients.ownTopics.has(t.name));
    const template = { owner: input.owner, description: IMPORTED_DESCRIPTION };
    const domains = [...new Set(topics.map((t) => t.domain))].map((name) => ({
      name,
      ...template,
      suppressions: [],
      topics: topics.filter((t) => t.domain === name),
      groups: [],
      producers: [],
      legacyAcls: [],
    }));
    const verified = verifyClients(clients, domains, template, clusterIds, input.env, input.declined);
    if (verified.declinedNow === 0) return { clients, claimed: verified.claimed, topics };
  }
}

/** The unmanaged-topic reason of a declared Streams application's internal topic; undefined for any other topic. */
function streamsInternalReason(name: string, draft: Draft): { reason: string; domain?: string } | undefined {
  const app = draft.clients.streams.find((a) => name.startsWith(`${a.applicationId ?? `${a.domain}.${a.name}`}-`) && /-(changelog|repartition)$/.test(name));
  if (app === undefined) return undefined;
  return {
    domain: app.domain,
    reason: `an internal topic of Kafka Streams application "${app.applicationId ?? `${app.domain}.${app.name}`}", declared as ${app.domain}'s addStreamsApplication('${app.name}'): the application creates and manages it, so it is not declared as a topic`,
  };
}

/**
 * The group with the shape its companion topics have on the cluster, where it differs from the derived one: DLQ
 * partitions, retention and further overrides, retry-tier partitions. Only a shape all its subscriptions share can be
 * declared (it is per group); otherwise the derived shape stays, and verify leaves a differing companion unmanaged.
 */
function withCompanionShapes(g: PlannedGroup, byName: ReadonlyMap<string, SnapshotTopic>, partitionsOf: ReadonlyMap<string, number>): PlannedGroup {
  const parts = g.subscriptions.map((s) => ({ parent: s.topicName, part: groupPart(s.topic.domain, g.domain, g.name) }));
  const single = <T>(values: readonly T[]): T | undefined => {
    const keys = new Set(values.map((v) => JSON.stringify(v)));
    return keys.size === 1 ? values[0] : undefined;
  };
  let shaped: PlannedGroup = g;
  if (g.deadLetter) {
    const shapes = parts.map(({ parent, part }) => {
      const dlq = byName.get(deadLetterTopicName(parent, part));
      if (dlq === undefined) return undefined;
      const derivedPartitions = Math.min(DEAD_LETTER_PARTITIONS, partitionsOf.get(parent) ?? DEAD_LETTER_PARTITIONS);
      const retention = Number(effectiveValue(dlq, 'retention.ms')?.value);
      const config = Object.fromEntries(
        Object.entries(dlq.overrides)
          .filter(([k]) => !COMPANION_DERIVED_KEYS.has(k))
          .sort(([a], [b]) => compare(a, b)),
      );
      return {
        ...(dlq.partitions === derivedPartitions ? {} : { partitions: dlq.partitions }),
        ...(retention === DEAD_LETTER_RETENTION_MS || !Number.isSafeInteger(retention) || retention <= 0 ? {} : { retention: toDurationString(retention) }),
        ...(Object.keys(config).length === 0 ? {} : { config }),
      };
    });
    const shape = shapes.includes(undefined) ? undefined : single(shapes);
    if (shape !== undefined && Object.keys(shape).length > 0) shaped = { ...shaped, deadLetterShape: shape };
  }
  if (g.retries.length > 0) {
    const counts = parts.flatMap(({ parent, part }) => g.retries.map((_, i) => byName.get(retryTopicName(parent, part, i + 1))?.partitions));
    const count = counts.includes(undefined) ? undefined : single(counts);
    if (count !== undefined && parts.some(({ parent }) => partitionsOf.get(parent) !== count)) shaped = { ...shaped, retryPartitions: count };
  }
  return shaped;
}

/** Configs of a companion topic that resolve derives (model/resolve/consumer-groups.ts companionConfig): never declared in its config. */
const COMPANION_DERIVED_KEYS: ReadonlySet<string> = new Set(['cleanup.policy', 'min.insync.replicas', 'retention.ms', 'retention.bytes']);

/** A retry tier's delay from its retention (retention = delay + RETRY_RETENTION_MARGIN_MS), when there is one. */
function retryDelayOf(topic: SnapshotTopic): { delay?: ReturnType<typeof toDurationString> } {
  const retention = Number(effectiveValue(topic, 'retention.ms')?.value);
  const delay = retention - RETRY_RETENTION_MARGIN_MS;
  return Number.isSafeInteger(delay) && delay >= 0 && delay <= MAX_DURATION_MS ? { delay: toDurationString(delay) } : {};
}

function dropOnce(set: Set<string>, key: string): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

/** Leaves out the declaration at `path`; false when nothing new was left out. */
function leaveOut(
  path: string,
  reason: string,
  draft: Draft,
  excluded: Map<string, string>,
  dropped: Set<string>,
  unsupported: Set<string>,
  declined: Map<string, string>,
): boolean {
  const located = draft.byPath.get(path);
  switch (located?.kind) {
    case 'client':
      if (declined.has(located.key)) return false;
      declined.set(located.key, reason);
      return true;
    case 'topic':
      if (excluded.has(located.item.name)) return false;
      excluded.set(located.item.name, reason);
      return true;
    case 'group':
      return dropOnce(dropped, groupKey(located.item.principal, located.item.groupId ?? `${located.item.domain}.${located.item.name}`));
    case 'producer':
      return dropOnce(dropped, producerKey(located.item.principal, located.item.topicName));
    case 'legacy':
      return dropOnce(unsupported, aclId(located.item.binding));
    default:
      return false;
  }
}

/** Adds the suppression to the declaration at `path` (or its domain); false when it had one for that rule already. */
function suppress(draft: Draft, path: string, domain: string, suppression: Suppression): boolean {
  const located = draft.byPath.get(path);
  const target = located === undefined || located.kind === 'legacy' ? draft.domains.find((d) => d.name === domain) : located.item;
  if (target === undefined || target.suppressions.some((s) => s.ruleId === suppression.ruleId)) return false;
  target.suppressions.push(suppression);
  return true;
}

/** Adopted topics whose configs the inputs cannot tell exactly (ExpectedFirstPlan.uncertain). */
function uncertainTopics(adopted: readonly SnapshotTopic[]): ExpectedFirstPlan['uncertain'] {
  return adopted.flatMap((t) => {
    if (t.configSource === 'none') {
      return [
        {
          topic: t.name,
          keys: [],
          why: "no input lists this topic's configs (kcat prints none): it is declared with Kafka's defaults and no topic override; an override it has would be removed by the first apply — give --topics-describe or --configs output",
        },
      ];
    }
    if (t.mayBeBrokerLevel.length > 0) {
      return [
        {
          topic: t.name,
          keys: t.mayBeBrokerLevel,
          why: `kafka-topics --describe lists inherited broker settings like topic overrides, so ${t.mayBeBrokerLevel.join(', ')} are kept as topic configs; any that is a broker setting becomes an override with the same value on the first apply — give --configs (kafka-configs --describe) output to know`,
        },
      ];
    }
    return [];
  });
}

function originOf(byName: ReadonlyMap<string, SnapshotTopic>, name: string): { at?: SnapshotTopic['origin'] } {
  const origin = byName.get(name)?.origin;
  return origin === undefined ? {} : { at: origin };
}
