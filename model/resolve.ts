/**
 * Declarations → Topology for one environment. Pure: parses every declaration with zod, applies defaults, derives names,
 * sizes and ACLs, and reports every problem it finds (never only the first), each with the declaration's source.
 */
import type { z } from 'zod';
import { deriveAcls } from './acl';
import { findInlineCredentials, redact } from './credentials';
import { didYouMean } from './did-you-mean';
import { formatMs, toDurationString, toMs, type DurationString } from './duration';
import { fromZod, hasErrors, prefixIssues, type Issue } from './issues';
import { DEAD_LETTER_PARTITIONS, DEFAULT_DELIVERY_TIMEOUT_MS, DEFAULT_RETRY_BACKOFF_MAX_MS, DEFAULT_RETRY_BACKOFF_MS } from './limits';
import { deriveQuotas, principalUses, QUOTA_PRINCIPAL_PREFIX } from './quota';
import { checkTopicName, deadLetterTopicName, defaultGroupId, eventTopicName, groupPart, metricCollisionKey, retryTopicName } from './naming';
import {
  consumerGroupSchema,
  domainSchema,
  environmentSchema,
  eventTopicSchema,
  impliedSubjectNaming,
  legacyAclSchema,
  producerSchema,
  topicRefKey,
  type ConsumerGroupDeclaration,
  type ContractDeclaration,
  type DomainDeclaration,
  type Environment,
  type EventTopicDeclaration,
  type ProducerDeclaration,
  type SourceLocation,
} from './schema';
import { sizePartitions } from './sizing/partitions';
import { deadLetterRetention, retryRetention, sizeExpiryRetention, sizeTombstoneRetention, sizeWindowRetention } from './sizing/retention';
import { validateTopicConfig } from './topic-config-keys';
import {
  TOPOLOGY_FORMAT_VERSION,
  type ResolvedCompanionTopic,
  type ResolvedConsumerGroup,
  type ResolvedDomain,
  type ResolvedEventTopic,
  type ResolvedProducer,
  type ResolvedSubscription,
  type ResolvedTopic,
  type SizedValue,
  type Topology,
} from './topology';
import type { CleanupPolicy } from './vocabulary';

/** The raw declarations of one environment, as the constructs (or an importer) collected them. */
export interface Declarations {
  readonly domains: readonly unknown[];
  readonly topics: readonly unknown[];
  readonly consumerGroups: readonly unknown[];
  readonly producers: readonly unknown[];
  /** Acknowledged legacy ACLs (see LegacyAcl). @default [] */
  readonly legacyAcls?: readonly unknown[];
}

/** An issue and the declaration it is about. */
export interface LocatedIssue extends Issue {
  readonly source: SourceLocation;
}

export interface ResolveResult {
  /** Null when any error was found. */
  readonly topology: Topology | null;
  /** Errors and warnings, in a stable order. */
  readonly issues: readonly LocatedIssue[];
}

/** Config keys the toolkit derives from declared fields; setting them in `config` would bypass the design rules. */
const FIELD_FOR_CONFIG_KEY: Readonly<Record<string, string>> = {
  'cleanup.policy': 'replay (or cleanupPolicy)',
  'min.insync.replicas': 'replication.minInsyncReplicas',
  'retention.bytes': 'retentionBytes',
};

const DELIVERY_DEFAULTS = { timeoutMs: DEFAULT_DELIVERY_TIMEOUT_MS, backoffMs: DEFAULT_RETRY_BACKOFF_MS, backoffMaxMs: DEFAULT_RETRY_BACKOFF_MAX_MS } as const;

const UNKNOWN_SOURCE: SourceLocation = { path: '<unknown>' };

/** Where a declaration was made, for messages: its file and line when known (the same in every environment), else its construct path. */
function where(source: SourceLocation): string {
  return source.file === undefined ? source.path : `${source.file}${source.line === undefined ? '' : `:${source.line}`}`;
}

function sourceOf(raw: unknown): SourceLocation {
  if (typeof raw === 'object' && raw !== null && 'source' in raw) {
    const s = (raw).source;
    if (typeof s === 'object' && s !== null && typeof (s as { path?: unknown }).path === 'string') return s as SourceLocation;
  }
  return UNKNOWN_SOURCE;
}

const byName = <T extends { readonly name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class Collector {
  readonly issues: LocatedIssue[] = [];
  add(source: SourceLocation, ...issues: Issue[]): void {
    for (const issue of issues) this.issues.push({ ...issue, source });
  }
}

function parseAll<S extends z.ZodType>(schema: S, raws: readonly unknown[], out: Collector): Array<z.infer<S>> {
  const parsed: Array<z.infer<S>> = [];
  for (const raw of raws) {
    const result = schema.safeParse(raw);
    if (result.success) parsed.push(result.data);
    else out.add(sourceOf(raw), ...fromZod(result.error));
  }
  return parsed;
}

function derivedCleanupPolicy(t: EventTopicDeclaration): CleanupPolicy {
  if (t.replay.kind === 'window') return 'delete';
  return t.replay.expireAfter === undefined ? 'compact' : 'compact,delete';
}

/**
 * Resolves one environment's declarations. `environmentSource` is where the environment was declared (its construct
 * path, and its file and line in environments.ts when known): the environment's own problems point there.
 */
export function resolve(declarations: Declarations, environment: unknown, environmentSource: SourceLocation = { path: 'environment' }): ResolveResult {
  // Inline credentials are refused wherever they are, and no message may echo one (model/credentials.ts).
  const credentials: LocatedIssue[] = [];
  const secrets: string[] = [];
  const scan = (raw: unknown, source: SourceLocation): void => {
    for (const found of findInlineCredentials(raw)) {
      credentials.push({ ...found.issue, source });
      secrets.push(found.value, JSON.stringify(found.value).slice(1, -1));
    }
  };
  scan(environment, environmentSource);
  for (const raw of [...declarations.domains, ...declarations.topics, ...declarations.consumerGroups, ...declarations.producers, ...(declarations.legacyAcls ?? [])]) scan(raw, sourceOf(raw));
  const result = resolveDeclarations(declarations, environment, environmentSource);
  if (credentials.length === 0) return result;
  // One message per field: a credential is not also reported as, say, an invalid value (which would show it).
  const flagged = new Set(credentials.map((c) => `${c.source.path}\u0000${c.path}`));
  const others = result.issues
    .filter((i) => !flagged.has(`${i.source.path}\u0000${i.path}`))
    .map((i) => ({ ...i, message: redact(i.message, secrets), ...(i.hint === undefined ? {} : { hint: redact(i.hint, secrets) }) }));
  return { topology: null, issues: sortIssues([...credentials, ...others]) };
}

function resolveDeclarations(declarations: Declarations, environment: unknown, environmentSource: SourceLocation): ResolveResult {
  const out = new Collector();
  const envResult = environmentSchema.safeParse(environment);
  if (!envResult.success) {
    out.add(environmentSource, ...fromZod(envResult.error));
    // The declarations are still checked, against the environment without its broken fields, so that every problem is
    // reported at once.
    const repaired = withoutBrokenFields(environment, envResult.error);
    if (repaired !== undefined) {
      // Checks that read a repaired field would judge the declarations by a value nobody declared.
      const unsure = new Set(repaired.fields.flatMap((field) => CODES_READING_ENVIRONMENT_FIELD[field] ?? []));
      out.issues.push(...resolveDeclarations(declarations, repaired.environment, environmentSource).issues.filter((i) => i.source !== environmentSource && !unsure.has(i.code)));
    }
    return { topology: null, issues: sortIssues(out.issues) };
  }
  const env = envResult.data;

  const domains = parseAll(domainSchema, declarations.domains, out);
  let topicDecls = parseAll(eventTopicSchema, declarations.topics, out).map((t) => scaleTopic(t, env));
  // Config keys are checked on the raw declarations, so they are reported even when another field fails the schema.
  for (const raw of declarations.topics) out.add(sourceOf(raw), ...checkTopicConfig(raw, env));
  let groupDecls = parseAll(consumerGroupSchema, declarations.consumerGroups, out);
  const producerDecls = parseAll(producerSchema, declarations.producers, out);
  const legacyAcls = parseAll(legacyAclSchema, declarations.legacyAcls ?? [], out);
  for (const client of [...groupDecls, ...producerDecls]) out.add(client.source, ...checkPrincipalType(client.principal, env));
  for (const g of groupDecls) out.add(g.source, ...checkCompanionShape(g, env));

  // A declaration made twice is reported once, at the second, and left out from then on: its topics, companions and group
  // id would otherwise be reported again as clashes of the same cause.
  const domainByName = uniqueBy(domains, (d) => d.name, out, (d, first) => ({ path: 'name', code: 'duplicate-domain', message: `domain "${d.name}" is declared twice (first at ${where(first.source)})` }));
  const topicByRef = uniqueBy(topicDecls, (t) => topicRefKey({ domain: t.domain, event: t.name }), out, (t, first) => ({ path: 'name', code: 'duplicate-topic', message: `event topic "${t.name}" is declared twice in domain "${t.domain}" (first at ${where(first.source)})` }));
  const groupByName = uniqueBy(groupDecls, (g) => `${g.domain}/${g.name}`, out, (g, first) => ({ path: 'name', code: 'duplicate-consumer-group', message: `consumer group "${g.name}" is declared twice in domain "${g.domain}" (first at ${where(first.source)})` }));
  topicDecls = [...topicByRef.values()];
  groupDecls = [...groupByName.values()];

  // Declarations that failed their schema were reported already; references to them are not reported again.
  const invalidDomains = new Set(rawNames(declarations.domains, (r) => r.name).filter((n) => !domainByName.has(n)));
  const invalidTopics = new Set(rawNames(declarations.topics, (r) => (typeof r.domain === 'string' && typeof r.name === 'string' ? `${r.domain}/${r.name}` : undefined)));
  const domainNames = [...domainByName.keys()].sort();
  const requireDomain = (name: string, source: SourceLocation, path: string): boolean => {
    if (domainByName.has(name)) return true;
    if (invalidDomains.has(name)) return false;
    const guess = didYouMean(name, domainNames);
    out.add(source, { path, code: 'unknown-domain', message: `domain "${name}" is not declared`, ...(guess === undefined ? {} : { hint: `did you mean "${guess}"?` }) });
    return false;
  };
  for (const t of topicDecls) requireDomain(t.domain, t.source, 'domain');
  for (const g of groupDecls) requireDomain(g.domain, g.source, 'domain');

  const topicKeys = [...topicByRef.keys()].sort();
  const lookupTopic = (ref: { domain: string; event: string }, source: SourceLocation, path: string): EventTopicDeclaration | undefined => {
    const found = topicByRef.get(topicRefKey(ref));
    if (found === undefined && !invalidTopics.has(topicRefKey(ref))) {
      const guess = didYouMean(topicRefKey(ref), topicKeys);
      out.add(source, { path, code: 'unknown-topic', message: `event topic "${topicRefKey(ref)}" is not declared`, ...(guess === undefined ? {} : { hint: `did you mean "${guess}"?` }) });
    }
    return found;
  };

  // An explicit topicName wins over the derived `<domain>.<event>`; the environment's prefix applies to both.
  const nameOf = (t: { domain: string; name: string; topicName?: string | undefined }): string =>
    t.topicName === undefined ? eventTopicName(env.topicPrefix, t.domain, t.name) : `${env.topicPrefix}${t.topicName}`;

  // Consumer groups first: their processing time and tolerated lag size the topics they read.
  const readersOf = new Map<string, ConsumerGroupDeclaration[]>();
  const groupIds = new Map<string, ConsumerGroupDeclaration>();
  for (const g of groupDecls) {
    const groupId = g.groupId ?? defaultGroupId(g.domain, g.name);
    const clash = groupIds.get(groupId);
    if (clash !== undefined) out.add(g.source, { path: 'groupId', code: 'duplicate-group-id', message: `group id "${groupId}" is also used by ${where(clash.source)}; a group id is global to the cluster` });
    groupIds.set(groupId, g);
    const subscribed = new Set<string>();
    g.subscriptions.forEach((s, i) => {
      if (subscribed.has(topicRefKey(s.topic))) {
        out.add(g.source, { path: `subscriptions[${i}].topic`, code: 'duplicate-subscription', message: `group "${g.domain}.${g.name}" subscribes to "${topicRefKey(s.topic)}" twice` });
        return;
      }
      subscribed.add(topicRefKey(s.topic));
      const topic = lookupTopic(s.topic, g.source, `subscriptions[${i}].topic`);
      if (topic === undefined) return;
      if (topic.domain !== g.domain && s.reason === undefined) {
        out.add(g.source, { path: `subscriptions[${i}].reason`, code: 'cross-domain-read-without-reason', message: `group "${g.domain}.${g.name}" reads "${topicRefKey(s.topic)}" of domain "${topic.domain}" without a stated reason`, hint: `access to another domain's events is its owner's decision: give a reason` });
      }
      const key = topicRefKey(s.topic);
      readersOf.set(key, [...(readersOf.get(key) ?? []), g]);
    });
  }

  const topics: ResolvedTopic[] = [];
  const eventTopics = new Map<string, ResolvedEventTopic>();
  for (const t of topicDecls) {
    const resolved = resolveEventTopic(t, env, readersOf.get(topicRefKey({ domain: t.domain, event: t.name })) ?? [], nameOf(t), out);
    if (resolved !== undefined) {
      eventTopics.set(topicRefKey(resolved.ref), resolved);
      topics.push(resolved);
    }
  }

  const groups: ResolvedConsumerGroup[] = [];
  for (const g of groupDecls) {
    const subscriptions: ResolvedSubscription[] = [];
    const seen = new Set<string>();
    for (const s of g.subscriptions) {
      const parent = eventTopics.get(topicRefKey(s.topic));
      if (parent === undefined || seen.has(parent.name)) continue;
      seen.add(parent.name);
      const companions = companionTopics(parent, g, env);
      topics.push(...companions);
      subscriptions.push({
        topic: s.topic,
        topicName: parent.name,
        ...(s.reason === undefined ? {} : { reason: s.reason }),
        deadLetterTopic: companions.find((c) => c.kind === 'dead-letter')?.name ?? null,
        retryTopics: companions.filter((c) => c.kind === 'retry').map((c) => c.name),
      });
    }
    groups.push({
      domain: g.domain,
      name: g.name,
      groupId: g.groupId ?? defaultGroupId(g.domain, g.name),
      service: g.service,
      principal: g.principal,
      subscriptions: subscriptions.sort((a, b) => compare(a.topicName, b.topicName)),
      deadLetter: g.deadLetter !== false,
      retryDelaysMs: g.retries.map(toMs),
      idempotency: g.idempotency ?? null,
      processingTimePerMessageMs: g.processingTimePerMessage === undefined ? null : toMs(g.processingTimePerMessage),
      maxProcessingLagMs: g.maxProcessingLag === undefined ? null : toMs(g.maxProcessingLag),
      offsetCommit: g.offsetCommit,
      processing: g.processing,
      suppressions: g.suppressions,
      source: g.source,
    });
  }

  const producers: ResolvedProducer[] = [];
  const producerByKey = uniqueBy(producerDecls, (p) => `${topicRefKey(p.topic)}|${p.service}|${p.principal}`, out, (p, first) => ({ path: 'service', code: 'duplicate-producer', message: `${p.service} (${p.principal}) is granted produce on "${topicRefKey(p.topic)}" twice (first at ${where(first.source)})` }));
  for (const p of producerByKey.values()) {
    const topic = lookupTopic(p.topic, p.source, 'topic');
    if (topic === undefined) continue;
    producers.push(resolveProducer(p, nameOf(topic)));
  }

  checkTopicNames(topics, out);

  const owners = new Map(topics.map((t) => [t.name, t.domain]));
  for (const l of legacyAcls) requireDomain(l.domain, l.source, 'domain');
  const acls = deriveAcls(groups, producers, owners, env.acl, legacyAcls);
  out.add(environmentSource, ...checkQuotaOverrides(env, groups, producers));
  const quotas = deriveQuotas(new Map([...eventTopics.values()].map((t) => [t.name, t])), groups, producers, {
    enabled: env.quotas.enabled,
    overrides: env.quotas.overrides,
    environment: env.name,
    throughputScaling: env.scaling.throughput,
  });

  const resolvedDomains: ResolvedDomain[] = domains.map((d: DomainDeclaration) => ({
    name: d.name,
    owner: d.owner,
    description: d.description,
    ...(d.recoveryProcedure === undefined ? {} : { recoveryProcedure: d.recoveryProcedure }),
    suppressions: d.suppressions,
    source: d.source,
  }));

  const issues = sortIssues(out.issues);
  if (hasErrors(issues)) return { topology: null, issues };
  return {
    topology: {
      formatVersion: TOPOLOGY_FORMAT_VERSION,
      environment: {
        name: env.name,
        production: env.production,
        replicationFactor: env.replicationFactor,
        minInsyncReplicas: env.minInsyncReplicas,
        topicPrefix: env.topicPrefix,
        scaling: { replayWindow: env.scaling.replayWindow, throughput: env.scaling.throughput },
      },
      domains: resolvedDomains.sort(byName),
      topics: topics.sort(byName),
      consumerGroups: groups.sort((a, b) => compare(a.groupId, b.groupId)),
      producers: producers.sort((a, b) => compare(`${a.topicName}|${a.principal}|${a.service}|${a.source.path}`, `${b.topicName}|${b.principal}|${b.service}|${b.source.path}`)),
      acls,
      quotas,
    },
    issues,
  };
}

/**
 * The environment with each top-level field an issue is about removed (unknown fields), or set to a neutral value when
 * it is required; undefined when even that does not parse. Only used to go on checking the declarations.
 */
function withoutBrokenFields(environment: unknown, error: z.ZodError): { environment: unknown; fields: string[] } | undefined {
  if (typeof environment !== 'object' || environment === null) return undefined;
  const repaired: Record<string, unknown> = { ...(environment as Record<string, unknown>) };
  const fields: string[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : [issue.path[0]];
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      fields.push(key);
      if (key in NEUTRAL_ENVIRONMENT) repaired[key] = NEUTRAL_ENVIRONMENT[key];
      else delete repaired[key];
    }
  }
  return environmentSchema.safeParse(repaired).success ? { environment: repaired, fields } : undefined;
}

/** Declaration checks that depend on an environment field: skipped when that field had to be repaired. */
const CODES_READING_ENVIRONMENT_FIELD: Readonly<Record<string, readonly string[]>> = {
  principalTypes: ['principal-type-not-allowed'],
  vendorConfigKeys: ['vendor-config-key-not-allowed', 'unknown-config-key'],
};

/** Values for an environment's required fields that let its declarations be checked when the declared ones are broken. */
const NEUTRAL_ENVIRONMENT: Readonly<Record<string, unknown>> = { name: 'environment', production: false, replicationFactor: 1, minInsyncReplicas: 1 };

/** Apache Kafka's authorizer matches only `User:` principals unless the brokers run a custom principal builder. */
function checkPrincipalType(principal: string, env: Environment): Issue[] {
  const type = principal.slice(0, principal.indexOf(':'));
  if (env.principalTypes.includes(type)) return [];
  return [{
    path: 'principal',
    code: 'principal-type-not-allowed',
    message: `principal "${principal}" has type "${type}", which environment "${env.name}" does not allow (allowed: ${env.principalTypes.join(', ')})`,
    hint: `Kafka's authorizer matches only "User:" principals unless the brokers run a custom principal builder: use KafkaPrincipal.user(…), or add "${type}" to the environment's principalTypes if they do`,
  }];
}

/** Every quota override names a `User:` principal that a declaration of the environment uses. */
function checkQuotaOverrides(env: Environment, groups: readonly ResolvedConsumerGroup[], producers: readonly ResolvedProducer[]): Issue[] {
  const used = [...principalUses(groups, producers).keys()].filter((p) => p.startsWith(QUOTA_PRINCIPAL_PREFIX)).sort();
  return Object.keys(env.quotas.overrides)
    .sort()
    .flatMap((principal): Issue[] => {
      const path = `quotas.overrides[${JSON.stringify(principal)}]`;
      if (!principal.startsWith(QUOTA_PRINCIPAL_PREFIX)) {
        return [{ path, code: 'quota-override-not-user', message: `quota override for "${principal}": Kafka's user quotas apply to "User:" principals only` }];
      }
      if (used.includes(principal)) return [];
      const guess = didYouMean(principal, used);
      return [{ path, code: 'quota-override-unknown-principal', message: `quota override for "${principal}", which no producer or consumer group of environment "${env.name}" uses`, ...(guess === undefined ? {} : { hint: `did you mean "${guess}"?` }) }];
    });
}

function rawNames(raws: readonly unknown[], name: (raw: Record<string, unknown>) => unknown): string[] {
  return raws.flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const value = name(raw as Record<string, unknown>);
    return typeof value === 'string' ? [value] : [];
  });
}

/**
 * Applies the environment's scaling (e.g. dev keeps a tenth of the window and traffic) to a declaration, so everything
 * derived from it — retention, partitions, and what lint compares them with — is consistent.
 */
function scaleTopic(t: EventTopicDeclaration, env: Environment): EventTopicDeclaration {
  const { replayWindow, throughput, minimumWindow } = env.scaling;
  let scaled = t;
  const scale = (d: string): DurationString => toDurationString(Math.max(toMs(minimumWindow), Math.round(toMs(d) * replayWindow)));
  if (replayWindow < 1 && t.replay.kind === 'window') {
    scaled = { ...scaled, replay: { kind: 'window', window: scale(t.replay.window) } };
  }
  // A compacted topic's key expiry is a replay window too: scaled the same way.
  if (replayWindow < 1 && t.replay.kind === 'full' && t.replay.expireAfter !== undefined) {
    scaled = { ...scaled, replay: { ...t.replay, expireAfter: scale(t.replay.expireAfter) } };
  }
  if (throughput < 1 && t.throughput !== undefined) {
    scaled = { ...scaled, throughput: { ...t.throughput, peakMessagesPerSecond: t.throughput.peakMessagesPerSecond * throughput } };
  }
  return scaled;
}

function checkTopicConfig(raw: unknown, env: Environment): Issue[] {
  const config = typeof raw === 'object' && raw !== null ? (raw as { config?: unknown }).config : undefined;
  if (typeof config !== 'object' || config === null || Object.values(config).some((v) => typeof v !== 'string')) return [];
  const record = config as Record<string, string>;
  const issues: Issue[] = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const field = FIELD_FOR_CONFIG_KEY[key];
      return field === undefined ? [] : [{ path: `config["${key}"]`, code: 'derived-config-key', message: `"${key}" is derived from ${field}; set it there`, hint: `remove "${key}" from config` }];
    });
  return [...issues, ...validateTopicConfig(withoutDerivedKeys(record), { vendorKeys: env.vendorConfigKeys })];
}

function withoutDerivedKeys(config: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => FIELD_FOR_CONFIG_KEY[k] === undefined));
}

function uniqueBy<T extends { readonly source: SourceLocation }>(
  items: readonly T[],
  key: (item: T) => string,
  out: Collector,
  duplicate: (item: T, first: T) => Issue,
): Map<string, T> {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, item);
    else out.add(item.source, duplicate(item, first));
  }
  return seen;
}

function resolveEventTopic(
  t: EventTopicDeclaration,
  env: Environment,
  readers: readonly ConsumerGroupDeclaration[],
  name: string,
  out: Collector,
): ResolvedEventTopic | undefined {
  const issues: Issue[] = [];
  const factor = t.replication?.factor ?? env.replicationFactor;
  const minIsr = t.replication?.minInsyncReplicas ?? env.minInsyncReplicas;

  const cleanupPolicy = derivedCleanupPolicy(t);
  if (t.cleanupPolicy !== undefined && t.cleanupPolicy !== cleanupPolicy) {
    issues.push({
      path: 'cleanupPolicy',
      code: 'cleanup-policy-contradicts-replay',
      message: `cleanup policy "${t.cleanupPolicy}" contradicts replay "${t.replay.kind}", which needs "${cleanupPolicy}"`,
      hint: t.replay.kind === 'full' ? 'a full replay keeps every key\'s latest state: use compaction' : 'a replay window keeps every event for the window: use delete, or declare Replay.full()',
    });
  }
  const configToCheck = withoutDerivedKeys(t.config);
  if (t.replay.kind === 'full' && t.replay.expireAfter === undefined && configToCheck['retention.ms'] !== undefined) {
    // Harmless (compaction alone never deletes by time) but misleading: a warning, so a cluster's override can be kept.
    issues.push({ path: 'config["retention.ms"]', code: 'retention-on-compacted-topic', severity: 'warning', message: 'retention.ms has no effect on a compacted topic (full replay keeps every key\'s latest value)', hint: 'remove it, or declare Replay.full({ longestReindex, expireAfter }) if keys may expire' });
  }
  const slowest = maxOf(readers.map((g) => (g.processingTimePerMessage === undefined ? undefined : toMs(g.processingTimePerMessage))));
  const largestLag = maxOf(readers.map((g) => (g.maxProcessingLag === undefined ? undefined : toMs(g.maxProcessingLag)))) ?? 0;
  const partitions = sizePartitions({
    ...(t.partitions === undefined ? {} : { partitions: t.partitions }),
    ...(t.throughput === undefined ? {} : { throughput: t.throughput }),
    ...(slowest === undefined ? {} : { slowestProcessingMs: slowest }),
  });

  const config: Record<string, string> = {};
  let retentionMs: SizedValue<number> | null = null;
  if (t.replay.kind === 'window') {
    retentionMs = sizeWindowRetention(toMs(t.replay.window), largestLag);
    config['retention.ms'] = String(retentionMs.value);
  } else {
    const tombstones = sizeTombstoneRetention(toMs(t.replay.longestReindex));
    config['delete.retention.ms'] = String(tombstones.value);
    if (t.replay.expireAfter !== undefined) {
      retentionMs = sizeExpiryRetention(toMs(t.replay.expireAfter), largestLag);
      config['retention.ms'] = String(retentionMs.value);
    }
  }
  config['cleanup.policy'] = cleanupPolicy;
  config['min.insync.replicas'] = String(minIsr);
  if (t.retentionBytes !== undefined) config['retention.bytes'] = String(t.retentionBytes);
  // Declared configs win over derived values: an explicit retention.ms is a reviewed decision (lint checks it against the window).
  for (const [k, v] of Object.entries(configToCheck)) config[k] = v;
  if (configToCheck['retention.ms'] !== undefined && retentionMs !== null) {
    const declared = Number(configToCheck['retention.ms']);
    retentionMs = { value: declared, explanation: `${formatMs(declared)} declared in config (derived would be ${formatMs(retentionMs.value)})` };
  }

  out.add(t.source, ...issues);
  if (hasErrors(issues)) return undefined;
  return {
    kind: 'event',
    name,
    domain: t.domain,
    ref: { domain: t.domain, event: t.name },
    ...(t.description === undefined ? {} : { description: t.description }),
    eventTypes: [...t.eventTypes],
    key: t.key ?? null,
    aggregate: t.aggregate ?? (t.key === undefined ? null : { name: t.key.aggregate }),
    ordering: t.ordering,
    throughput: t.throughput ?? null,
    replay: t.replay,
    retentionBytes: t.retentionBytes ?? null,
    ...(t.replication === undefined ? {} : { replication: declaredReplication(t.replication) }),
    contract: withSubjectNaming(t.contract),
    suppressions: t.suppressions,
    partitions,
    replicationFactor: factor,
    minInsyncReplicas: minIsr,
    cleanupPolicy,
    retentionMs,
    config: sortRecord(config),
    protect: env.production,
    source: t.source,
  };
}

/** A topic's replication override with only the fields it declares. */
function declaredReplication(replication: { readonly factor?: number | undefined; readonly minInsyncReplicas?: number | undefined }): { factor?: number; minInsyncReplicas?: number } {
  return { ...(replication.factor === undefined ? {} : { factor: replication.factor }), ...(replication.minInsyncReplicas === undefined ? {} : { minInsyncReplicas: replication.minInsyncReplicas }) };
}

/** The contract with the subject naming strategy its schemas imply made explicit (contracts/subjects.ts). */
function withSubjectNaming(contract: ContractDeclaration): ContractDeclaration {
  const subjectNaming = impliedSubjectNaming(contract);
  return subjectNaming === undefined ? contract : { ...contract, subjectNaming };
}

function companionTopics(parent: ResolvedEventTopic, g: ConsumerGroupDeclaration, env: Environment): ResolvedCompanionTopic[] {
  const part = groupPart(parent.domain, g.domain, g.name);
  const groupId = g.groupId ?? defaultGroupId(g.domain, g.name);
  // Every field written out rather than spread from a shared base: V8 gives each object built by `{ ...base, more }`
  // in a loop a hidden class of its own (~500 bytes; ~20,000 companions at 10,000 topics). Keys in sorted order, as
  // canonical JSON writes them, so that it need not copy the object.
  const companion = (kind: ResolvedCompanionTopic['kind'], name: string, partitions: SizedValue<number>, retentionMs: SizedValue<number>, config: Record<string, string>, retry?: ResolvedCompanionTopic['retry']): ResolvedCompanionTopic => {
    const topic: ResolvedCompanionTopic = {
      cleanupPolicy: 'delete',
      config,
      domain: g.domain,
      groupId,
      kind,
      minInsyncReplicas: parent.minInsyncReplicas,
      name,
      parent: parent.ref,
      partitions,
      protect: env.production,
      replicationFactor: parent.replicationFactor,
      retentionMs,
      ...(retry === undefined ? {} : { retry }),
      source: g.source,
    };
    return topic;
  };
  const companions: ResolvedCompanionTopic[] = g.retries.map((delay, i) => {
    const retention = retryRetention(toMs(delay));
    // Retry tiers are read by the same group with the same parallelism as the main topic, unless declared.
    const partitions = g.retryPartitions === undefined ? { value: parent.partitions.value, explanation: `same as ${parent.name}: read by the same group instances` } : { value: g.retryPartitions, explanation: 'declared' };
    return companion('retry', retryTopicName(parent.name, part, i + 1), partitions, retention, companionConfig(retention.value, parent.minInsyncReplicas), { tier: i + 1, delayMs: toMs(delay) });
  });
  if (g.deadLetter !== false) {
    const shape = g.deadLetter === true ? undefined : g.deadLetter;
    const retention: SizedValue<number> = shape?.retention === undefined ? deadLetterRetention() : { value: toMs(shape.retention), explanation: 'declared' };
    const count = Math.min(DEAD_LETTER_PARTITIONS, parent.partitions.value);
    const partitions = shape?.partitions === undefined ? { value: count, explanation: `dead letters are rare: ${count} (${DEAD_LETTER_PARTITIONS}, or fewer when ${parent.name} has fewer)` } : { value: shape.partitions, explanation: 'declared' };
    companions.push(companion('dead-letter', deadLetterTopicName(parent.name, part), partitions, retention, companionConfig(retention.value, parent.minInsyncReplicas, shape?.config)));
  }
  return companions;
}

function companionConfig(retentionMs: number, minIsr: number, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return sortRecord({ ...extra, 'cleanup.policy': 'delete', 'min.insync.replicas': String(minIsr), 'retention.ms': String(retentionMs) });
}

/** A declared dead-letter shape's configs (derived keys refused, the rest checked like a topic's) and retry partitions. */
function checkCompanionShape(g: ConsumerGroupDeclaration, env: Environment): Issue[] {
  const issues: Issue[] = [];
  if (g.retryPartitions !== undefined && g.retries.length === 0) {
    issues.push({ path: 'retryPartitions', code: 'retry-partitions-without-retries', message: `group "${g.domain}.${g.name}" declares retry partitions but no retry tiers`, hint: 'declare retries, or remove retryPartitions' });
  }
  if (typeof g.deadLetter === 'object') {
    const config = g.deadLetter.config;
    const derived: Readonly<Record<string, string>> = { 'cleanup.policy': 'derived (dead letters are deleted after their retention)', 'min.insync.replicas': 'derived from the subscribed topic', 'retention.ms': 'deadLetter.retention', 'retention.bytes': 'not declarable on a dead-letter topic' };
    for (const key of Object.keys(config).sort()) {
      const why = derived[key];
      if (why !== undefined) issues.push({ path: `deadLetter.config["${key}"]`, code: 'derived-config-key', message: `"${key}" of a dead-letter topic is ${why}`, hint: `remove "${key}" from deadLetter.config` });
    }
    const rest = Object.fromEntries(Object.entries(config).filter(([k]) => derived[k] === undefined));
    issues.push(...prefixIssues('deadLetter', validateTopicConfig(rest, { vendorKeys: env.vendorConfigKeys })));
  }
  return issues;
}

function resolveProducer(p: ProducerDeclaration, topicName: string): ResolvedProducer {
  return {
    topic: p.topic,
    topicName,
    service: p.service,
    principal: p.principal,
    idempotent: p.idempotent,
    transactionalIdPrefix: p.transactionalIdPrefix ?? null,
    delivery: {
      timeoutMs: p.delivery.timeout === undefined ? DELIVERY_DEFAULTS.timeoutMs : toMs(p.delivery.timeout),
      backoffMs: p.delivery.backoff === undefined ? DELIVERY_DEFAULTS.backoffMs : toMs(p.delivery.backoff),
      backoffMaxMs: p.delivery.backoffMax === undefined ? DELIVERY_DEFAULTS.backoffMaxMs : toMs(p.delivery.backoffMax),
      retries: p.delivery.retries ?? null,
    },
    suppressions: p.suppressions,
    source: p.source,
  };
}

function checkTopicNames(topics: readonly ResolvedTopic[], out: Collector): void {
  const byCollisionKey = new Map<string, ResolvedTopic>();
  for (const t of [...topics].sort(byName)) {
    out.add(t.source, ...checkTopicName(t.name).map((i) => ({ ...i, path: i.path === '' ? 'name' : i.path })));
    const key = metricCollisionKey(t.name);
    const first = byCollisionKey.get(key);
    if (first === undefined) {
      byCollisionKey.set(key, t);
    } else if (first.name === t.name) {
      out.add(t.source, { path: 'name', code: 'duplicate-topic-name', message: `topic "${t.name}" is also declared at ${where(first.source)}` });
    } else {
      out.add(t.source, { path: 'name', code: 'topic-name-collision', message: `topic "${t.name}" differs from "${first.name}" (${where(first.source)}) only by "." versus "_"; Kafka rejects the second one`, hint: 'rename one of them' });
    }
  }
}

function maxOf(values: ReadonlyArray<number | undefined>): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : Math.max(...defined);
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

function sortIssues(issues: readonly LocatedIssue[]): LocatedIssue[] {
  return [...issues].sort((a, b) => compare(`${a.source.path}\u0000${a.path}\u0000${a.code}`, `${b.source.path}\u0000${b.path}\u0000${b.code}`));
}

