/**
 * Import: recognise the topics and ACLs of Kafka Streams applications and Kafka Connect clusters, so they are not
 * adopted as loose event topics of the `unassigned` domain (a Streams changelog declared as an event topic would be
 * created and retained by Terraform while the application also manages it).
 *
 * What the inputs can show, and how sure it is:
 * - Kafka Streams names its internal topics `<application.id>-<store or operator>-changelog` and
 *   `<application.id>-<operator>-repartition` (Kafka Streams developer guide, "Internal topics"), and the security guide
 *   lists the ACLs an application needs: Prefixed Topic rights on `<application.id>`, Group READ on `<application.id>`
 *   and, with exactly-once, Prefixed TransactionalID rights on it. An application id is read from a Prefixed Topic ACL
 *   whose name prefixes such a topic; it is certain when the same principal has Group READ on that id. Without ACLs it
 *   is a guess from the name (`-KSTREAM-` / `-KTABLE-` operator names, else the part before the last segment), said so.
 * - Kafka Connect keeps its workers' state in three compacted topics (config.storage.topic, offset.storage.topic,
 *   status.storage.topic; `connect-configs`, `connect-offsets`, `connect-status` in the shipped
 *   connect-distributed.properties). Sink connectors consume as group `connect-<connector>` (Connect's default).
 *
 * This step recognises and explains, and names the candidates whose evidence is certain (clients.ts declares them
 * when the model agrees). Streams internal topics stay on the cluster, unmanaged (the application creates them).
 * Without a declaration, Connect storage topics are adopted as event topics, so that the first plan only imports and
 * import → synth reproduces them, with a comment saying what they are and what to declare (`addConnectCluster` with
 * its `storage` shapes); `connect-<name>` groups are flagged as probable sink connectors.
 */
import type { ClusterSnapshot, SnapshotAcl, SnapshotTopic } from '../snapshot';
import type { ImportFinding } from '../types';
import type { ConnectStorageKind } from '../../model/connect/defaults';
import { connectStorageTopicName, workerTransactionalId } from '../../model/connect/naming';
import { NAME_PATTERN } from '../../model/schema/common';

/** Kafka Streams' internal-topic suffixes. */
const STREAMS_SUFFIXES = ['-changelog', '-repartition'] as const;
/** Operator names Kafka Streams generates when a topology does not name them (`KSTREAM-AGGREGATE-STATE-STORE-0000000001`). */
const GENERATED_OPERATOR = /-(KSTREAM|KTABLE)-/;
/** The storage kinds of a Connect cluster, by the suffixes their topic names end with in practice. */
const CONNECT_STORAGE = [
  { kind: 'config', suffixes: ['connect-configs', 'configs', 'config'] },
  { kind: 'offset', suffixes: ['connect-offsets', 'offsets', 'offset'] },
  { kind: 'status', suffixes: ['connect-status', 'status', 'statuses'] },
] as const;
/** Connect's default sink consumer group prefix (`connect-<connector name>`). */
const SINK_GROUP_PREFIX = 'connect-';

export interface ClientTopics {
  /** Topic name → why it is not adopted and what to declare instead (Kafka Streams internal topics). */
  readonly reasons: ReadonlyMap<string, string>;
  /**
   * Topic name → the comment its (adopted) declaration carries: a Connect storage topic is adopted as an event topic for
   * now, so that the first plan only imports, with the note saying what it is and what to declare instead.
   */
  readonly notes: ReadonlyMap<string, string>;
  readonly findings: readonly ImportFinding[];
  /** Candidate key (clientKey) of each finding about a Streams application, Connect cluster or sink connector. */
  readonly findingKeys: ReadonlyMap<ImportFinding, string>;
  /** Candidate key → why the evidence is not certain enough to declare it. */
  readonly uncertain: ReadonlyMap<string, string>;
  readonly streamsCandidates: readonly StreamsCandidate[];
  readonly connectCandidates: readonly ConnectCandidate[];
  readonly sinkCandidates: readonly SinkCandidate[];
}

/** A Kafka Streams application its ACLs prove: Prefixed Topic ACLs on `prefix` and Group READ on the id, one principal. */
export interface StreamsCandidate {
  readonly applicationId: string;
  /** The Prefixed Topic ACLs' name: `<application.id>-` (what topicform derives) or `<application.id>`. */
  readonly prefix: string;
  readonly principal: string;
  /** Its internal topics on the cluster, sorted. */
  readonly internalTopics: readonly string[];
  /** Store names of its changelog topics (`<application.id>-<store>-changelog`), sorted. */
  readonly stores: readonly string[];
  readonly repartitions: boolean;
  /** A Prefixed TransactionalID WRITE on the prefix: exactly_once_v2. */
  readonly exactlyOnce: boolean;
}

/** A Connect cluster whose storage topics carry the names topicform gives them, one worker principal and group. */
export interface ConnectCandidate {
  readonly stem: string;
  readonly domain: string;
  readonly name: string;
  readonly groupId: string;
  readonly principal: string;
  readonly storage: Readonly<Record<ConnectStorageKind, SnapshotTopic>>;
  /** The principal holds TransactionalID WRITE on `connect-cluster-<group.id>` (exactly-once source support). */
  readonly exactlyOnceSource: boolean;
}

/** A sink connector: Group READ on `connect-<connector>`. */
export interface SinkCandidate {
  readonly connector: string;
  readonly groupId: string;
  readonly principal: string;
}

/** Stable keys of the candidates, for what is declined and for the findings about them. */
export const clientKey = {
  streams: (c: Pick<StreamsCandidate, 'applicationId'>): string => `streams:${c.applicationId}`,
  connect: (c: Pick<ConnectCandidate, 'stem'>): string => `connect:${c.stem}`,
  sink: (c: Pick<SinkCandidate, 'principal' | 'groupId'>): string => `sink:${c.principal}|${c.groupId}`,
} as const;

const isStreamsInternal = (name: string): boolean => STREAMS_SUFFIXES.some((s) => name.endsWith(s));
const compacted = (t: SnapshotTopic): boolean => (t.overrides['cleanup.policy'] ?? t.brokerValues['cleanup.policy'] ?? '').split(',').includes('compact');

interface Found {
  readonly findings: ImportFinding[];
  readonly keys: Map<ImportFinding, string>;
  readonly uncertain: Map<string, string>;
}

/** `topicPrefix`: the environment's topic prefix, which the storage topic names topicform derives start with. */
export function recogniseClientTopics(snapshot: ClusterSnapshot, topicPrefix = ''): ClientTopics {
  const reasons = new Map<string, string>();
  const notes = new Map<string, string>();
  const found: Found = { findings: [], keys: new Map(), uncertain: new Map() };
  streams(snapshot, reasons, found);
  const connectCandidates: ConnectCandidate[] = [];
  const sinkCandidates: SinkCandidate[] = [];
  connect(snapshot, reasons, notes, found, topicPrefix, connectCandidates, sinkCandidates);
  return {
    reasons,
    notes,
    findings: found.findings,
    findingKeys: found.keys,
    uncertain: found.uncertain,
    streamsCandidates: streamsCandidates(snapshot),
    connectCandidates,
    sinkCandidates,
  };
}

/**
 * Streams applications the ACLs prove, with or without internal topics on the cluster: a Prefixed Topic ACL (Allow,
 * any host) on `<id>-` or `<id>` and Group READ on `<id>` held by the same principal. An id two principals claim is no
 * candidate.
 */
function streamsCandidates(snapshot: ClusterSnapshot): StreamsCandidate[] {
  const allow = snapshot.acls.filter((a) => a.permission === 'Allow' && a.host === '*');
  const byId = new Map<string, { prefix: string; principals: Set<string> }>();
  for (const a of allow) {
    if (a.resourceType !== 'Topic' || a.patternType !== 'Prefixed' || a.resourceName.length < 2) continue;
    const id = a.resourceName.replace(/-$/, '');
    const group = allow.some(
      (g) => g.principal === a.principal && g.resourceType === 'Group' && g.patternType === 'Literal' && g.operation === 'Read' && g.resourceName === id,
    );
    if (!group) continue;
    const entry = byId.get(id) ?? { prefix: a.resourceName, principals: new Set<string>() };
    entry.principals.add(a.principal);
    byId.set(id, entry);
  }
  const candidates: StreamsCandidate[] = [];
  for (const [id, { prefix, principals }] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [principal, ...others] = [...principals];
    if (principal === undefined || others.length > 0) continue;
    const internalTopics = snapshot.topics
      .map((t) => t.name)
      .filter((n) => n.startsWith(`${id}-`) && isStreamsInternal(n))
      .sort();
    const stores = internalTopics
      .filter((n) => n.endsWith('-changelog'))
      .map((n) => n.slice(id.length + 1, n.length - '-changelog'.length))
      .filter((n) => /^[A-Za-z0-9._-]+$/.test(n));
    candidates.push({
      applicationId: id,
      prefix,
      principal,
      internalTopics,
      stores,
      repartitions: internalTopics.some((n) => n.endsWith('-repartition')),
      exactlyOnce: allow.some(
        (a) =>
          a.principal === principal &&
          a.resourceType === 'TransactionalID' &&
          a.patternType === 'Prefixed' &&
          a.operation === 'Write' &&
          a.resourceName === prefix,
      ),
    });
  }
  return candidates;
}

function streams(snapshot: ClusterSnapshot, reasons: Map<string, string>, found: Found): void {
  const findings = found.findings;
  const internal = snapshot.topics.filter((t) => isStreamsInternal(t.name));
  if (internal.length === 0) return;
  const prefixed = snapshot.acls.filter((a) => a.resourceType === 'Topic' && a.patternType === 'Prefixed' && a.permission === 'Allow');
  const apps = new Map<string, { principal: string | null; certain: boolean; topics: string[] }>();
  for (const t of internal) {
    // The longest Prefixed ACL name that prefixes the topic as `<id>-…` is its application id.
    const acl = prefixed
      .filter((a) => t.name.startsWith(a.resourceName.endsWith('-') ? a.resourceName : `${a.resourceName}-`))
      .sort((a, b) => b.resourceName.length - a.resourceName.length)[0];
    const id = acl === undefined ? guessApplicationId(t.name) : acl.resourceName.replace(/-$/, '');
    const certain = acl !== undefined && hasGroupRead(snapshot.acls, acl.principal, id);
    const app = apps.get(id) ?? { principal: acl?.principal ?? null, certain, topics: [] };
    app.topics.push(t.name);
    apps.set(id, app);
  }
  for (const [id, app] of [...apps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const how = app.certain
      ? `application.id "${id}" read from ${app.principal ?? ''}'s Prefixed Topic ACL and Group READ on "${id}"`
      : app.principal !== null
        ? `application.id "${id}" read from ${app.principal}'s Prefixed Topic ACL, but that principal has no Group READ on "${id}": check the id`
        : `application.id "${id}" guessed from the topic name (no Prefixed ACL names it): check the id in the application's config`;
    for (const name of app.topics) {
      reasons.set(
        name,
        `an internal topic of Kafka Streams application "${id}" (${how}): the application creates and manages it, so it is not declared as an event topic; declare the application with domain.addStreamsApplication(…)`,
      );
    }
    const finding: ImportFinding = {
      level: 'warning',
      code: 'streams-application-inferred',
      subject: id,
      message:
        `Kafka Streams application "${id}"${app.principal === null ? '' : ` (principal ${app.principal})`}: ${how}; internal topics ${app.topics.sort().join(', ')}. ` +
        `Declare it with domain.addStreamsApplication(name, { applicationId: '${id}', principal, inputs, outputs, stateStores }) — its inputs and outputs are the topics the principal reads and writes — then remove its Prefixed ACLs (kept as legacy ACLs until then)`,
    };
    findings.push(finding);
    found.keys.set(finding, clientKey.streams({ applicationId: id }));
  }
}

function guessApplicationId(name: string): string {
  const generated = GENERATED_OPERATOR.exec(name);
  if (generated !== null) return name.slice(0, generated.index);
  const stem = name.slice(0, name.length - (STREAMS_SUFFIXES.find((s) => name.endsWith(s)) ?? '').length);
  const cut = stem.lastIndexOf('-');
  return cut > 0 ? stem.slice(0, cut) : stem;
}

/**
 * What is left of a storage topic's name without its kind: `search.indexing.connect-offsets` → `search.indexing.`,
 * `connect-offsets-billing` (kafka-gitops' `connect-offsets-<cluster>`) → `-billing`; undefined when no keyword fits.
 */
function storageStem(name: string, keywords: readonly string[]): string | undefined {
  for (const k of keywords) {
    if (name === k) return '';
    if (name.endsWith(`.${k}`) || name.endsWith(`-${k}`)) return name.slice(0, name.length - k.length);
    // Only Connect's own `connect-<kind>` keywords as a prefix: a bare `status-…` topic is anybody's.
    if (k.startsWith('connect-') && (name.startsWith(`${k}-`) || name.startsWith(`${k}.`))) return name.slice(k.length);
  }
  return undefined;
}

const hasGroupRead = (acls: readonly SnapshotAcl[], principal: string, group: string): boolean =>
  acls.some((a) => a.principal === principal && a.resourceType === 'Group' && a.resourceName === group && a.operation === 'Read' && a.permission === 'Allow');

function connect(
  snapshot: ClusterSnapshot,
  reasons: ReadonlyMap<string, string>,
  notes: Map<string, string>,
  found: Found,
  topicPrefix: string,
  candidates: ConnectCandidate[],
  sinks: SinkCandidate[],
): void {
  const findings = found.findings;
  // Storage topics by their stem: `search.indexing.connect-offsets` → stem `search.indexing.`.
  const clusters = new Map<string, Partial<Record<'config' | 'offset' | 'status', SnapshotTopic>>>();
  for (const t of snapshot.topics) {
    if (reasons.has(t.name) || !compacted(t)) continue;
    for (const { kind, suffixes } of CONNECT_STORAGE) {
      const stem = storageStem(t.name, suffixes);
      if (stem === undefined) continue;
      clusters.set(stem, { ...clusters.get(stem), [kind]: t });
      break;
    }
  }
  for (const [stem, storage] of [...clusters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const topics = Object.values(storage);
    // One compacted `…-status` topic alone is no evidence of Connect: all three are.
    if (topics.length < 3) continue;
    const names = topics.map((t) => t.name);
    const principals = [...new Set(snapshot.acls.filter((a) => a.resourceType === 'Topic' && names.includes(a.resourceName)).map((a) => a.principal))].sort();
    const groups = [
      ...new Set(
        snapshot.acls.filter((a) => principals.includes(a.principal) && a.resourceType === 'Group' && a.operation === 'Read').map((a) => a.resourceName),
      ),
    ].sort();
    const workerGroups = groups.filter((g) => !g.startsWith(SINK_GROUP_PREFIX));
    const groupText =
      workerGroups.length === 1
        ? `worker group.id "${workerGroups[0] ?? ''}" (the one group its principal reads)`
        : `worker group.id unknown (${workerGroups.length === 0 ? 'no Group ACL of its principal' : `its principal reads ${workerGroups.join(', ')}`}): check group.id in the workers' config`;
    const partitions = topics.map((t) => `${t.name} ${t.partitions} partition(s)`).join(', ');
    for (const name of names) {
      notes.set(
        name,
        `a storage topic of a Kafka Connect cluster (${groupText}; principal ${principals.join(', ') || 'unknown'}), adopted as an event topic so that the first plan only imports: declare the cluster with domain.addConnectCluster(…) and the storage shapes found (${partitions}) instead, moving the topics with moved blocks`,
      );
    }
    const finding: ImportFinding = {
      level: 'warning',
      code: 'connect-cluster-inferred',
      subject: stem.replace(/^[.-]|[.-]$/g, '') || 'connect',
      message: `Kafka Connect cluster with storage topics ${names.sort().join(', ')}: ${groupText}; declare it with domain.addConnectCluster(name, { groupId, principal, storage: { … } }) keeping the partitions found (${partitions})`,
    };
    findings.push(finding);
    const key = clientKey.connect({ stem });
    found.keys.set(finding, key);
    // Certain: the names topicform derives (so the declaration adopts these topics), one principal, one worker group.
    const named = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.$/.exec(stem.startsWith(topicPrefix) ? stem.slice(topicPrefix.length) : '');
    const [domain, name] = [named?.[1] ?? '', named?.[2] ?? ''];
    const full = storage as Record<ConnectStorageKind, SnapshotTopic>;
    const canonical =
      named !== null &&
      NAME_PATTERN.test(domain) &&
      (['config', 'offset', 'status'] as const).every((k) => full[k].name === connectStorageTopicName(topicPrefix, domain, name, k));
    const [principal] = principals;
    const [groupId] = workerGroups;
    if (!canonical) {
      found.uncertain.set(
        key,
        `its storage topics are not named ${topicPrefix}<domain>.<cluster>.connect-configs|connect-offsets|connect-status, the names a declared Connect cluster gives them, so declaring it would create new storage topics`,
      );
    } else if (principal === undefined || principals.length > 1) {
      found.uncertain.set(
        key,
        principal === undefined ? 'no ACL names its worker principal' : `several principals hold ACLs on its storage topics (${principals.join(', ')})`,
      );
    } else if (groupId === undefined || workerGroups.length > 1) {
      found.uncertain.set(key, 'its worker group.id cannot be told from the ACLs');
    } else {
      candidates.push({
        stem,
        domain,
        name,
        groupId,
        principal,
        storage: full,
        exactlyOnceSource: snapshot.acls.some(
          (a) =>
            a.principal === principal &&
            a.permission === 'Allow' &&
            a.resourceType === 'TransactionalID' &&
            a.operation === 'Write' &&
            a.patternType === 'Literal' &&
            a.resourceName === workerTransactionalId(groupId),
        ),
      });
    }
  }
  // Sink connectors: Group READ on `connect-<name>`.
  const sinkGroups = snapshot.acls.filter(
    (a) => a.resourceType === 'Group' && a.operation === 'Read' && a.patternType === 'Literal' && a.resourceName.startsWith(SINK_GROUP_PREFIX),
  );
  for (const g of [...new Map(sinkGroups.map((a) => [`${a.principal}|${a.resourceName}`, a])).values()]) {
    const connector = g.resourceName.slice(SINK_GROUP_PREFIX.length);
    const reads = snapshot.acls
      .filter((a) => a.principal === g.principal && a.resourceType === 'Topic' && a.operation === 'Read' && a.patternType === 'Literal')
      .map((a) => a.resourceName)
      .sort();
    sinks.push({ connector, groupId: g.resourceName, principal: g.principal });
    const finding: ImportFinding = {
      level: 'warning',
      code: 'sink-connector-inferred',
      subject: connector,
      message:
        `probably Kafka Connect sink connector "${connector}" (group "${g.resourceName}" is Connect's default sink group name; principal ${g.principal} reads ${reads.join(', ') || 'no topic'}): ` +
        `it is imported as a consumer group for now; check it is a connector, then declare it with connectCluster.addSinkConnector('${connector}', { topics, idempotency, replaySafety }) instead`,
    };
    findings.push(finding);
    found.keys.set(finding, clientKey.sink({ principal: g.principal, groupId: g.resourceName }));
  }
}
