/**
 * Migration source → topicform declarations (the import plan the generator writes), checked by the model:
 *
 * 1. Topics: each becomes an event topic named by the domain pattern (or with its own `topicName` in its pattern
 *    domain or `unassigned`), declared exactly as the source sets it (plan/event-topic.ts): a `retention.ms` that is a
 *    replay window becomes `Replay.window`, otherwise it stays a config; what the source leaves unset is declared as
 *    the broker applies it (the cluster's broker value when the cluster output shows one, else Kafka's default) and
 *    left to the broker (`brokerDefaults`), so the Terraform config holds exactly the source's configs.
 * 2. Producers and consumers of declared topics become `grantProduce` and consumer groups with their group ids
 *    (`deadLetter: false`: the tools had no dead-letter topics); those of topics the source does not declare, and
 *    every other ACL the source creates, become legacy ACLs with a comment naming the source line.
 * 3. The model resolves the declarations: what it rejects is left out and reported; lint errors get suppressions whose
 *    reasons are true (rule-marks.ts). The ACLs the declarations derive are compared with the ACLs the tool creates.
 * 4. With cluster output (the capture options), what exists is adopted (import blocks), a partition decrease refuses
 *    the migration, and the first plan is predicted; what the cluster has that the source does not declare is
 *    listed (undeclared.ts).
 */
import { UNASSIGNED_DOMAIN, claimEventName, classifyName, kebab } from '../naming';
import { planInputs } from '../plan/inputs';
import type { ClusterSnapshot, SnapshotTopic } from '../snapshot';
import type { ImportFinding, SourceRef } from '../types';
import { findUndeclared, type UndeclaredReport } from '../undeclared';
import { sourcePath, toDeclarations } from '../plan/declarations';
import { planEventTopic } from '../plan/event-topic';
import { adoptionFinding, adoptionSuppressionReason, type MarkOrigin } from '../plan/rule-marks';
import type { ImportPlan, PlannedDomain, PlannedGroup, PlannedLegacyAcl, PlannedProducer, PlannedTopic } from '../plan/types';
import { compareWithCluster } from '../plan/verify';
import type { MigrationSource, SourceAcl, SourceConsumer, SourceElement } from './source';
import { aclAddress, aclId } from '../../model/acl';
import { renderedTopicConfig } from '../../model/adopted-config';
import { defaultGroupId, isInternalTopic } from '../../model/naming';
import { resolve, type ResolveResult } from '../../model/resolve';
import { legacyAclSchema, PRINCIPAL_PATTERN, type Environment, type Suppression } from '../../model/schema';
import type { AclBinding, Topology } from '../../model/topology';
import { lint } from '../../rules/run';

export interface MigrationOptions {
  readonly environment: unknown;
  /** @default DEFAULT_DOMAIN_PATTERN */
  readonly domainPattern?: string;
  /** @default '@platform-team' */
  readonly owner?: string;
  /** The cluster as the capture options show it, when given: what exists is adopted, the first plan is predicted. */
  readonly cluster?: ClusterSnapshot;
  /**
   * Give every migrated consumer group a dead-letter topic (and the ACLs it needs). None of the tools had them, so the
   * first apply creates them.
   *
   * @default false: `deadLetter: false`, as the source has it
   */
  readonly deadLetter?: boolean;
}

/** What one source element became, and what of it could not be expressed. */
export interface ElementReport {
  readonly element: string;
  readonly at: SourceRef;
  readonly became: readonly string[];
  readonly notExpressed: readonly string[];
}

/** The first plan against the cluster output, when given. */
export interface MigrationFirstPlan {
  readonly imports: readonly string[];
  readonly creates: readonly string[];
  /** Per adopted topic, what the first apply changes (partitions, replication, config keys). */
  readonly updates: ReadonlyArray<{ readonly topic: string; readonly changes: readonly string[] }>;
}

export interface MigrationPlan extends ImportPlan {
  readonly source: MigrationSource;
  readonly elements: readonly ElementReport[];
  /** ACLs the tool creates that the declarations do not derive (a bug if ever non-empty: reported as errors). */
  readonly missingAcls: readonly string[];
  /** ACLs the declarations derive that the tool does not create (the environment's ACL options). */
  readonly extraAcls: readonly string[];
  /** Undefined without cluster output. */
  readonly migrationPlan?: MigrationFirstPlan;
  readonly undeclared?: UndeclaredReport;
  /** How many topics, grants and ACLs were migrated: zero means nothing usable was found. */
  readonly usable: number;
}

const MAX_ROUNDS = 10;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const at = (e: SourceElement): string => `${e.at.file}:${e.at.line}`;

/** A ledger of what each source element became. */
class Ledger {
  private readonly byKey = new Map<string, { element: string; at: SourceRef; became: string[]; notExpressed: string[] }>();

  became(e: SourceElement, text: string): void {
    this.entry(e).became.push(text);
  }

  notExpressed(e: SourceElement, text: string): void {
    this.entry(e).notExpressed.push(text);
  }

  reports(): ElementReport[] {
    return [...this.byKey.values()]
      .map((r) => ({ ...r, became: [...new Set(r.became)], notExpressed: [...new Set(r.notExpressed)] }))
      .sort((a, b) => compare(a.at.file, b.at.file) || a.at.line - b.at.line || compare(a.element, b.element));
  }

  private entry(e: SourceElement): { element: string; at: SourceRef; became: string[]; notExpressed: string[] } {
    const key = `${e.at.file}:${e.at.line}:${e.element}`;
    let r = this.byKey.get(key);
    if (r === undefined) {
      r = { element: e.element, at: e.at, became: [], notExpressed: [] };
      this.byKey.set(key, r);
    }
    return r;
  }
}

function describeAcl(b: AclBinding): string {
  return `${b.principal} ${b.permission} ${b.operation} ${b.resourceType} ${b.resourceName}${b.patternType === 'Literal' ? '' : ` (${b.patternType})`}${b.host === '*' ? '' : ` from ${b.host}`}`;
}

interface Draft {
  topics: PlannedTopic[];
  groups: PlannedGroup[];
  producers: PlannedProducer[];
  legacy: PlannedLegacyAcl[];
  /** ACLs no declaration can keep (a character the model refuses), with why. */
  rejected: Array<{ readonly element: SourceElement; readonly text: string }>;
}

export function planMigration(source: MigrationSource, options: MigrationOptions): MigrationPlan | { readonly error: string } {
  if (source.errors.length > 0) {
    return {
      error: `the ${source.tool} ${source.files.length === 1 ? 'file is' : 'files are'} not valid (${source.tool} itself would refuse ${source.files.length === 1 ? 'it' : 'them'}):\n${source.errors.map((e) => `  ${e}`).join('\n')}`,
    };
  }
  const inputs = planInputs(options);
  if ('error' in inputs) return inputs;
  const { env, pattern, owner } = inputs;
  const cluster = options.cluster;
  const clusterTopics = new Map((cluster?.topics ?? []).map((t) => [t.name, t]));
  const ledger = new Ledger();
  const label = `${source.tool} ${source.files.join(', ')}`;
  const origin: MarkOrigin = {
    verb: `migrated from ${source.tool}`,
    recorder: `the ${source.tool} ${source.tool === 'kafka-gitops' ? 'state file' : source.tool === 'julieops' ? 'descriptor' : 'config'}`,
    where: `in ${source.tool}`,
    found: `declared as ${source.tool} has it (a value it leaves unset as the broker applies it)`,
  };
  for (const n of source.notes) ledger.notExpressed(n, n.message);

  // 1. Topics, as desired-state snapshot topics: their configs are what the source sets.
  const desired = new Map<string, SnapshotTopic>();
  const topicSource = new Map<string, SourceElement>();
  const excludedTopics = new Map<string, string>();
  const candidates: Array<{ topic: SnapshotTopic; domain: string; event: string; topicName?: string; element: SourceElement }> = [];
  const usedEvents = new Map<string, Set<string>>();
  const sourceTopics = [...new Map(source.topics.map((t) => [t.name, t])).values()].sort((a, b) => compare(a.name, b.name));
  for (const t of sourceTopics) {
    const onCluster = clusterTopics.get(t.name);
    const partitions = t.partitions ?? onCluster?.partitions;
    if (partitions === undefined) {
      ledger.notExpressed(
        t,
        `${t.name}: the number of partitions is not set and no cluster output shows it; give it (or --topics-describe output) to migrate the topic`,
      );
      continue;
    }
    const replicationFactor = t.replicationFactor ?? onCluster?.replicationFactor ?? env.replicationFactor;
    if (t.replicationFactor === undefined) {
      ledger.became(
        t,
        `replication factor not set: ${onCluster === undefined ? `the environment's ${env.replicationFactor}` : `the cluster's ${onCluster.replicationFactor}`}`,
      );
    }
    const snapshotTopic: SnapshotTopic = {
      name: t.name,
      partitions,
      replicationFactor,
      overrides: t.configs,
      revertTo: {},
      brokerValues: onCluster?.brokerValues ?? {},
      configSource: 'kafka-configs',
      mayBeBrokerLevel: [],
      hiddenKeys: [],
      origin: t.at,
    };
    const c = classifyName(t.name, env.topicPrefix, pattern, isInternalTopic);
    if (c.kind === 'internal' || c.kind === 'outside-prefix') {
      ledger.notExpressed(
        t,
        c.kind === 'internal'
          ? `${t.name} is an internal topic name (it starts with "_"): not migrated`
          : `${t.name} is outside the environment's topic prefix "${c.prefix}": not migrated`,
      );
      continue;
    }
    desired.set(t.name, snapshotTopic);
    topicSource.set(t.name, t);
    if (c.kind === 'event') {
      candidates.push({ topic: snapshotTopic, domain: c.domain, event: c.event, element: t });
      usedEvents.set(c.domain, new Set([...(usedEvents.get(c.domain) ?? []), c.event]));
    }
  }
  for (const t of sourceTopics) {
    const topic = desired.get(t.name);
    if (topic === undefined || candidates.some((c) => c.topic.name === t.name)) continue;
    const c = classifyName(t.name, env.topicPrefix, pattern, isInternalTopic);
    const { domain, event } = claimEventName(usedEvents, c, t.name, env.topicPrefix);
    candidates.push({ topic, domain, event, topicName: t.name.slice(env.topicPrefix.length), element: t });
  }

  // 2.–3. Declarations; what the model rejects is left out, and the rest planned again.
  const droppedGrants = new Map<string, string>();
  const droppedLegacy = new Map<string, string>();
  let draft: Draft | undefined;
  let result: ResolveResult | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    draft = makeDraft(source, candidates, excludedTopics, droppedGrants, droppedLegacy, env, origin, options.deadLetter === true);
    result = resolve(toDeclarations(assemble(draft, owner, source)), env);
    const errors = result.issues.filter((i) => (i.severity ?? 'error') === 'error');
    if (errors.length === 0 && result.topology !== null) {
      // A legacy ACL equal to one a grant derives (JulieOps' DESCRIBE with the environment's explicitDescribe) is redundant.
      const derived = new Set(result.topology.acls.filter((a) => a.legacy === undefined).map((a) => a.id));
      const redundant = draft.legacy.filter((l) => derived.has(aclId(l.binding)) && !droppedLegacy.has(aclId(l.binding)));
      if (redundant.length === 0) break;
      for (const l of redundant) droppedLegacy.set(aclId(l.binding), 'a declared grant derives it');
      continue;
    }
    let progressed = false;
    for (const e of errors) {
      const path = e.source.path;
      const reason = `the model rejects it: ${e.path === '' ? '' : `${e.path}: `}${e.message}`;
      const topic = draft.topics.find((t) => sourcePath.topic(t.domain, t.event) === path);
      const group = draft.groups.find((g) => sourcePath.group(g.domain, g.name) === path);
      const producer = draft.producers.find((p) => sourcePath.producer(p.topic.domain, p.topic.event, p.service) === path);
      const legacy = draft.legacy.find((l) => sourcePath.legacy(l.domain, l.id) === path);
      if (topic !== undefined && !excludedTopics.has(topic.name)) excludedTopics.set(topic.name, reason);
      else if (group !== undefined && !droppedGrants.has(`group:${group.principal}|${group.groupId ?? defaultGroupId(group.domain, group.name)}`)) {
        droppedGrants.set(`group:${group.principal}|${group.groupId ?? defaultGroupId(group.domain, group.name)}`, reason);
      } else if (producer !== undefined && !droppedGrants.has(`producer:${producer.principal}|${producer.topicName}`)) {
        droppedGrants.set(`producer:${producer.principal}|${producer.topicName}`, reason);
      } else if (legacy !== undefined && !droppedLegacy.has(aclId(legacy.binding))) droppedLegacy.set(aclId(legacy.binding), reason);
      else continue;
      progressed = true;
    }
    if (!progressed) {
      return { error: `the model rejects the migrated declarations:\n${errors.map((e) => `  ${e.source.path} ${e.path}: ${e.message}`).join('\n')}` };
    }
  }
  if (draft === undefined || result === undefined || result.topology === null) return { error: 'the migrated declarations do not resolve' };

  // Lint: mark what the declarations carry because the source says so (or does not record it).
  const marked: ImportFinding[] = [];
  const domains = assemble(draft, owner, source);
  for (let round = 0; round < 3 && result.topology !== null; round++) {
    const blocking = lint(result.topology).filter((f) => f.level === 'error' && f.suppressed === undefined);
    if (blocking.length === 0) break;
    for (const f of blocking) {
      if (suppress(domains, f.subject.source.path, f.subject.domain, { ruleId: f.ruleId, reason: adoptionSuppressionReason(f, true, origin) })) {
        const finding = adoptionFinding(f, true, origin);
        if (finding !== undefined) marked.push(finding);
      }
    }
    result = resolve(toDeclarations(domains), env);
  }
  const topology = result.topology;
  if (topology === null) return { error: 'the migrated declarations do not resolve once their lint errors are marked' };
  const findings: ImportFinding[] = [...marked];
  for (const f of lint(topology).filter((x) => x.level === 'error' && x.suppressed === undefined)) {
    findings.push({
      level: 'error',
      code: 'lint-error',
      subject: f.subject.name,
      message: `[${f.ruleId}] ${f.message}: synth of the generated files will stop here until it is fixed`,
    });
  }

  // The ACLs the tool creates against the ACLs the declarations derive.
  const intended = intendedAcls(source);
  const derivedIds = new Set(topology.acls.map((a) => a.id));
  const keptOut = new Set([...droppedLegacy.entries()].filter(([, why]) => why !== 'a declared grant derives it').map(([id]) => id));
  const missingAcls = [...intended.keys()].filter((id) => !derivedIds.has(id) && !keptOut.has(id)).sort();
  const extraAcls = [...derivedIds].filter((id) => !intended.has(id)).sort();
  for (const id of missingAcls) {
    findings.push({ level: 'error', code: 'acl-not-derived', subject: id, message: `${source.tool} creates this ACL, and no migrated declaration derives it` });
  }
  for (const id of extraAcls) {
    findings.push({
      level: 'warning',
      code: 'acl-added',
      subject: id,
      message: `the declarations derive this ACL, which ${source.tool} does not create (the environment's acl options)`,
    });
  }

  // What the source leaves unset is left to the broker; the comparison with the desired state guards the rest.
  const desiredSnapshot: ClusterSnapshot = { topics: [...desired.values()], acls: [], findings: [], unusableInputs: [] };
  // Only the source's own topics: dead-letter topics asked for with `deadLetter` are new, and derived in full.
  const againstSource = { topics: compareWithCluster(topology, desiredSnapshot).topics.filter((t) => desired.has(t.name)) };
  const brokerDefaults = Object.fromEntries(
    againstSource.topics
      .filter((t) => Object.keys(t.brokerLevel).length > 0)
      .map((t) => [t.name, t.brokerLevel] as const)
      .sort(([a], [b]) => compare(a, b)),
  );
  for (const t of againstSource.topics.filter((x) => x.blocking.length > 0)) {
    findings.push({
      level: 'error',
      code: 'not-as-declared',
      subject: t.name,
      message: `the declaration does not reproduce the source: ${t.blocking.join('; ')}`,
    });
  }

  // Against the cluster output: adopt what exists, refuse a partition decrease, predict the first plan.
  let migrationPlan: MigrationFirstPlan | undefined;
  let undeclared: UndeclaredReport | undefined;
  const adopt = { topics: [] as string[], acls: [] as string[], brokerDefaults };
  if (cluster !== undefined) {
    const decreases = topology.topics.flatMap((t) => {
      const c = clusterTopics.get(t.name);
      return c !== undefined && t.partitions.value < c.partitions
        ? [`${t.name}: partitions ${c.partitions} → ${t.partitions.value} (${at(topicSource.get(t.name) ?? { element: '', at: { file: '?', line: 0 } })})`]
        : [];
    });
    if (decreases.length > 0) {
      return {
        error: `refused: Kafka cannot remove partitions, and the provider would replace (delete and recreate, losing the data of) ${decreases.length === 1 ? 'this topic' : 'these topics'}:\n${decreases.map((d) => `  ${d}`).join('\n')}`,
      };
    }
    const clusterAcls = new Set(cluster.acls.map((a) => a.id));
    adopt.topics = topology.topics
      .filter((t) => clusterTopics.has(t.name))
      .map((t) => t.name)
      .sort();
    adopt.acls = topology.acls
      .filter((a) => clusterAcls.has(a.id))
      .map((a) => a.id)
      .sort();
    migrationPlan = predict(topology, clusterTopics, clusterAcls, brokerDefaults);
    undeclared = findUndeclared(cluster, topology, { env, pattern, ignoredTopicPrefixes: source.ignoredTopicPrefixes });
  }

  // The report per source element.
  report(ledger, draft, source, env, excludedTopics, droppedGrants, droppedLegacy);
  const usable = draft.topics.length + draft.groups.length + draft.producers.length + draft.legacy.length;
  return {
    environment: env.name,
    origin: label,
    domains,
    unmanagedTopics: [],
    adopt,
    firstPlan: { importTopics: adopt.topics, importAcls: adopt.acls, updates: [], creates: migrationPlan?.creates ?? [], uncertain: [] },
    findings,
    declarations: toDeclarations(domains),
    topology,
    source,
    elements: ledger.reports(),
    missingAcls,
    extraAcls,
    ...(migrationPlan === undefined ? {} : { migrationPlan }),
    ...(undeclared === undefined ? {} : { undeclared }),
    usable,
  };
}

/** Every ACL the tool itself creates: its raw ACLs, and those its producers and consumers stand for. */
export function intendedAcls(source: MigrationSource): Map<string, AclBinding> {
  const out = new Map<string, AclBinding>();
  const add = (b: AclBinding): void => void out.set(aclId(b), b);
  const base = { host: '*', permission: 'Allow', patternType: 'Literal' } as const;
  for (const a of source.acls) add(a.binding);
  for (const p of source.producers) add({ ...base, principal: p.principal, operation: 'Write', resourceType: 'Topic', resourceName: p.topic });
  for (const c of source.consumers) {
    for (const t of c.topics) add({ ...base, principal: c.principal, operation: 'Read', resourceType: 'Topic', resourceName: t });
    add({ ...base, principal: c.principal, operation: 'Read', resourceType: 'Group', resourceName: c.groupId });
  }
  return out;
}

function makeDraft(
  source: MigrationSource,
  candidates: ReadonlyArray<{ topic: SnapshotTopic; domain: string; event: string; topicName?: string; element: SourceElement }>,
  excludedTopics: Map<string, string>,
  droppedGrants: ReadonlyMap<string, string>,
  droppedLegacy: ReadonlyMap<string, string>,
  env: Environment,
  origin: MarkOrigin,
  deadLetter: boolean,
): Draft {
  const topics: PlannedTopic[] = [];
  for (const c of candidates) {
    if (excludedTopics.has(c.topic.name)) continue;
    const planned = planEventTopic(c.topic, c.domain, c.event, env, c.topicName);
    if ('reason' in planned) {
      excludedTopics.set(c.topic.name, planned.reason);
      continue;
    }
    topics.push({
      ...planned.topic,
      notes: [`${origin.verb}: ${at(c.element)} ${c.element.element}`, ...planned.topic.notes.filter((n) => !n.startsWith('inherited, no topic override'))],
    });
  }
  const byName = new Map(topics.map((t) => [t.name, t]));
  const legacy: Array<SourceAcl & { readonly extra?: string }> = [...source.acls];

  // Consumers: one group per (principal, group id); a group id is global, so the first principal claims it.
  const merged = new Map<string, SourceConsumer & { elements: SourceElement[] }>();
  for (const c of source.consumers) {
    const key = `group:${c.principal}|${c.groupId}`;
    const earlier = merged.get(key);
    if (earlier === undefined) merged.set(key, { ...c, topics: [...c.topics], elements: [c] });
    else merged.set(key, { ...earlier, topics: [...new Set([...earlier.topics, ...c.topics])], elements: [...earlier.elements, c] });
  }
  const groups: PlannedGroup[] = [];
  const claimedIds = new Set<string>();
  const takenNames = new Map<string, Set<string>>();
  for (const t of topics) takenNames.set(t.domain, new Set([...(takenNames.get(t.domain) ?? []), t.event]));
  const toLegacy = (c: SourceConsumer, why: string, topicNames: readonly string[], withGroup: boolean): void => {
    const base = { host: '*', permission: 'Allow', patternType: 'Literal' } as const;
    for (const t of topicNames) {
      legacy.push({
        element: c.element,
        at: c.at,
        binding: { ...base, principal: c.principal, operation: 'Read', resourceType: 'Topic', resourceName: t },
        why,
      });
    }
    if (withGroup) {
      legacy.push({
        element: c.element,
        at: c.at,
        binding: { ...base, principal: c.principal, operation: 'Read', resourceType: 'Group', resourceName: c.groupId },
        why,
      });
    }
  };
  for (const [key, c] of [...merged.entries()].sort(([a], [b]) => compare(a, b))) {
    const declared = c.topics.filter((t) => byName.has(t)).sort(compare);
    const undeclared = c.topics.filter((t) => !byName.has(t));
    const dropped = droppedGrants.get(key);
    if (dropped !== undefined || declared.length === 0 || claimedIds.has(c.groupId) || !PRINCIPAL_PATTERN.test(c.principal)) {
      const why =
        dropped ??
        (declared.length === 0
          ? `the topics it reads (${c.topics.join(', ')}) are not declared in ${source.tool}; a topicform consumer group subscribes to declared topics`
          : claimedIds.has(c.groupId)
            ? `group id ${c.groupId} is already another principal's consumer group`
            : `principal ${c.principal} cannot run a consumer group (a wildcard or malformed principal)`);
      toLegacy(c, why, c.topics, true);
      continue;
    }
    claimedIds.add(c.groupId);
    if (undeclared.length > 0) {
      toLegacy(c, `the topic is not declared in ${source.tool}; a topicform consumer group subscribes to declared topics`, undeclared, false);
    }
    const first = byName.get(declared[0] as string) as PlannedTopic;
    const domain = first.domain;
    const inDomain = takenNames.get(domain) ?? new Set<string>();
    takenNames.set(domain, inDomain);
    const base = kebab(c.service, 'group');
    let name = base;
    for (let i = 2; inDomain.has(name); i++) name = `${base}-${i}`;
    inDomain.add(name);
    groups.push({
      domain,
      name,
      ...(c.groupId === defaultGroupId(domain, name) ? {} : { groupId: c.groupId }),
      service: kebab(c.service, 'service'),
      principal: c.principal,
      subscriptions: declared.map((t) => {
        const topic = byName.get(t) as PlannedTopic;
        return {
          topic: { domain: topic.domain, event: topic.event },
          topicName: t,
          ...(topic.domain === domain ? {} : { reason: `${origin.verb}: ${c.service} consumes it (${at(c)}); state why ${domain} needs these events` }),
        };
      }),
      deadLetter,
      retries: [],
      suppressions: [],
      notes: c.elements.map((e) => `${origin.verb}: ${at(e)} ${e.element}`),
    });
  }
  // Producers of declared topics.
  const producers: PlannedProducer[] = [];
  const seen = new Set<string>();
  for (const p of [...source.producers].sort((a, b) => compare(`${a.topic}|${a.principal}|${a.service}`, `${b.topic}|${b.principal}|${b.service}`))) {
    const topic = byName.get(p.topic);
    const key = `producer:${p.principal}|${p.topic}`;
    const dropped = droppedGrants.get(key);
    if (topic === undefined || dropped !== undefined || !PRINCIPAL_PATTERN.test(p.principal)) {
      const why =
        dropped ??
        (topic === undefined
          ? `${p.topic} is not declared in ${source.tool}; a topicform producer grant needs a declared topic`
          : `principal ${p.principal} cannot be a producer's (a wildcard or malformed principal)`);
      legacy.push({
        element: p.element,
        at: p.at,
        binding: {
          principal: p.principal,
          host: '*',
          operation: 'Write',
          permission: 'Allow',
          resourceType: 'Topic',
          resourceName: p.topic,
          patternType: 'Literal',
        },
        why,
      });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    let service = kebab(p.service, 'service');
    const sameTopic = producers.filter((x) => x.topicName === p.topic).map((x) => x.service);
    for (let i = 2; sameTopic.includes(service); i++) service = `${kebab(p.service, 'service')}-${i}`;
    producers.push({ topic: { domain: topic.domain, event: topic.event }, topicName: p.topic, principal: p.principal, service, suppressions: [] });
  }

  // Legacy ACLs: one per ACL (the tools list some twice), in the domain of their resource.
  const topicDomain = new Map(topics.map((t) => [t.name, t.domain]));
  const groupDomain = new Map(groups.map((g) => [g.groupId ?? defaultGroupId(g.domain, g.name), g.domain]));
  const principalDomain = new Map<string, string>();
  for (const g of groups) if (!principalDomain.has(g.principal)) principalDomain.set(g.principal, g.domain);
  for (const p of producers) if (!principalDomain.has(p.principal)) principalDomain.set(p.principal, p.topic.domain);
  const domains = new Set(topics.map((t) => t.domain));
  const domainOf = (b: AclBinding): string => {
    const head = (b.resourceName.startsWith(env.topicPrefix) ? b.resourceName.slice(env.topicPrefix.length) : b.resourceName).split('.')[0] ?? '';
    const known = (d: string | undefined): string | undefined => (d !== undefined && domains.has(d) ? d : undefined);
    if (b.resourceType === 'Topic') return topicDomain.get(b.resourceName) ?? known(head) ?? principalDomain.get(b.principal) ?? UNASSIGNED_DOMAIN;
    if (b.resourceType === 'Group') return groupDomain.get(b.resourceName) ?? known(head) ?? principalDomain.get(b.principal) ?? UNASSIGNED_DOMAIN;
    return principalDomain.get(b.principal) ?? UNASSIGNED_DOMAIN;
  };
  const legacyAcls = new Map<string, PlannedLegacyAcl>();
  const rejected: Draft['rejected'] = [];
  for (const l of legacy) {
    const id = aclId(l.binding);
    if (droppedLegacy.has(id)) continue;
    const earlier = legacyAcls.get(id);
    const note = `${origin.verb}: ${at(l)} ${l.element}`;
    if (earlier !== undefined) {
      legacyAcls.set(id, { ...earlier, notes: [...new Set([...(earlier.notes ?? []), note])] });
      continue;
    }
    const domain = domainOf(l.binding);
    const reason = `${origin.verb} (${at(l)}): ${l.why}; review it and replace it with declared access, or remove it`;
    if (!legacyAclSchema.safeParse({ domain, ...l.binding, reason, source: { path: 'migrate' } }).success) {
      rejected.push({
        element: l,
        text: `${describeAcl(l.binding)}: its principal, host or name has a character a declaration cannot hold (the provider's id separator "|" or a line break)`,
      });
      continue;
    }
    legacyAcls.set(id, { domain, id: aclAddress(l.binding), binding: l.binding, reason, notes: [note] });
  }
  return { topics, groups, producers, legacy: [...legacyAcls.values()].sort((a, b) => compare(`${a.domain}|${a.id}`, `${b.domain}|${b.id}`)), rejected };
}

function assemble(draft: Draft, owner: string, source: MigrationSource): PlannedDomain[] {
  const names = [...new Set([...draft.topics.map((t) => t.domain), ...draft.groups.map((g) => g.domain), ...draft.legacy.map((l) => l.domain)])].sort(compare);
  return names.map((name) => ({
    name,
    owner,
    description:
      name === UNASSIGNED_DOMAIN
        ? `migrated from ${source.tool} by topicform import: topics and ACLs no naming convention assigns to a domain`
        : `migrated from ${source.tool} by topicform import; say what the domain is responsible for`,
    suppressions: [],
    topics: draft.topics.filter((t) => t.domain === name).sort((a, b) => compare(a.event, b.event)),
    groups: draft.groups.filter((g) => g.domain === name).sort((a, b) => compare(a.name, b.name)),
    producers: draft.producers.filter((p) => p.topic.domain === name),
    legacyAcls: draft.legacy.filter((l) => l.domain === name),
  }));
}

function suppress(domains: readonly PlannedDomain[], path: string, domain: string, suppression: Suppression): boolean {
  const d = domains.find((x) => x.name === domain);
  const target =
    d?.topics.find((t) => sourcePath.topic(t.domain, t.event) === path) ??
    d?.groups.find((g) => sourcePath.group(g.domain, g.name) === path) ??
    domains.flatMap((x) => x.producers).find((p) => sourcePath.producer(p.topic.domain, p.topic.event, p.service) === path) ??
    d;
  if (target === undefined || target.suppressions.some((s) => s.ruleId === suppression.ruleId)) return false;
  target.suppressions.push(suppression);
  return true;
}

function predict(
  topology: Topology,
  clusterTopics: ReadonlyMap<string, SnapshotTopic>,
  clusterAcls: ReadonlySet<string>,
  brokerDefaults: Readonly<Record<string, Readonly<Record<string, string>>>>,
): MigrationFirstPlan {
  const imports: string[] = [];
  const creates: string[] = [];
  const updates: Array<{ topic: string; changes: string[] }> = [];
  for (const t of topology.topics) {
    const c = clusterTopics.get(t.name);
    if (c === undefined) {
      creates.push(`kafka_topic ${t.name}`);
      continue;
    }
    imports.push(`kafka_topic ${t.name}`);
    const rendered = renderedTopicConfig(t.config, brokerDefaults[t.name]);
    const changes: string[] = [];
    if (t.partitions.value !== c.partitions) changes.push(`partitions ${c.partitions} → ${t.partitions.value}`);
    if (t.replicationFactor !== c.replicationFactor) changes.push(`replication factor ${c.replicationFactor} → ${t.replicationFactor}`);
    for (const key of [...new Set([...Object.keys(rendered), ...Object.keys(c.overrides)])].sort()) {
      const before = c.overrides[key];
      const after = rendered[key];
      if (before !== after) changes.push(`${key} ${before ?? '(not set)'} → ${after ?? '(removed)'}`);
    }
    if (changes.length > 0) updates.push({ topic: t.name, changes });
  }
  for (const a of topology.acls) (clusterAcls.has(a.id) ? imports : creates).push(`kafka_acl ${a.id}`);
  return { imports: imports.sort(), creates: creates.sort(), updates };
}

function report(
  ledger: Ledger,
  draft: Draft,
  source: MigrationSource,
  env: Environment,
  excludedTopics: ReadonlyMap<string, string>,
  droppedGrants: ReadonlyMap<string, string>,
  droppedLegacy: ReadonlyMap<string, string>,
): void {
  for (const r of draft.rejected) ledger.notExpressed(r.element, r.text);
  const planned = new Map(draft.topics.map((t) => [t.name, t]));
  for (const t of source.topics) {
    const p = planned.get(t.name);
    if (p !== undefined) {
      const replay =
        p.replay.kind === 'window'
          ? `Replay.window(${p.replay.window})`
          : `Replay.full(${p.replay.longestReindex}${p.replay.expireAfter === undefined ? '' : `, expires ${p.replay.expireAfter}`})`;
      const config =
        Object.keys(p.config).length === 0
          ? ''
          : `, config ${Object.entries(p.config)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}`;
      ledger.became(
        t,
        `event topic ${p.domain}/${p.event}${p.topicName === undefined ? '' : ` (topicName '${p.topicName}')`}: ${p.partitions} partitions, replication ${p.replicationFactor ?? env.replicationFactor}, ${replay}${config}`,
      );
    } else {
      const why = excludedTopics.get(t.name);
      if (why !== undefined) ledger.notExpressed(t, `${t.name}: not migrated, ${why}`);
    }
  }
  for (const g of draft.groups) {
    for (const c of source.consumers.filter((x) => x.principal === g.principal && x.groupId === (g.groupId ?? defaultGroupId(g.domain, g.name)))) {
      ledger.became(
        c,
        `consumer group ${g.domain}/${g.name} (group id ${g.groupId ?? defaultGroupId(g.domain, g.name)}, ${g.principal}, deadLetter: ${String(g.deadLetter)}) reading ${g.subscriptions.map((s) => s.topicName).join(', ')}`,
      );
    }
  }
  for (const p of draft.producers) {
    for (const s of source.producers.filter((x) => x.principal === p.principal && x.topic === p.topicName)) {
      ledger.became(s, `producer ${p.service} (${p.principal}) → ${p.topicName}`);
    }
  }
  for (const l of draft.legacy) {
    const id = aclId(l.binding);
    for (const e of [
      ...source.acls.filter((a) => aclId(a.binding) === id),
      ...source.producers.filter(
        (p) => !planned.has(p.topic) && p.principal === l.binding.principal && p.topic === l.binding.resourceName && l.binding.operation === 'Write',
      ),
      ...source.consumers.filter(
        (c) => c.principal === l.binding.principal && (c.topics.includes(l.binding.resourceName) || c.groupId === l.binding.resourceName),
      ),
    ]) {
      ledger.became(e, `legacy ACL ${describeAcl(l.binding)}`);
    }
  }
  for (const [key, why] of droppedGrants) {
    const [kind, rest = ''] = key.split(':');
    const [principal] = rest.split('|');
    for (const e of [...(kind === 'group' ? source.consumers : source.producers)].filter((x) => x.principal === principal)) {
      ledger.notExpressed(e, `no ${kind === 'group' ? 'consumer group' : 'producer'}: ${why}`);
    }
  }
  for (const [id, why] of droppedLegacy) {
    if (why === 'a declared grant derives it') continue;
    for (const a of source.acls.filter((x) => aclId(x.binding) === id)) ledger.notExpressed(a, `${describeAcl(a.binding)}: ${why}`);
  }
}
