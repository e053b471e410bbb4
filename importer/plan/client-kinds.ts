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
 * This step only recognises and explains. Streams internal topics stay on the cluster, unmanaged (the application
 * creates them), with the declaration to write. Connect storage topics are still adopted as event topics, so that the
 * first plan only imports and import → synth reproduces them, with a comment saying what they are and what to declare
 * (`addConnectCluster` with its `storage` shapes); `connect-<name>` groups are flagged as probable sink connectors.
 * Generating the Streams and Connect declarations themselves, with import blocks, is not done yet.
 */
import type { ClusterSnapshot, SnapshotAcl, SnapshotTopic } from '../snapshot';
import type { ImportFinding } from '../types';

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
}

const isStreamsInternal = (name: string): boolean => STREAMS_SUFFIXES.some((s) => name.endsWith(s));
const compacted = (t: SnapshotTopic): boolean => (t.overrides['cleanup.policy'] ?? t.brokerValues['cleanup.policy'] ?? '').split(',').includes('compact');

export function recogniseClientTopics(snapshot: ClusterSnapshot): ClientTopics {
  const reasons = new Map<string, string>();
  const notes = new Map<string, string>();
  const findings: ImportFinding[] = [];
  streams(snapshot, reasons, findings);
  connect(snapshot, reasons, notes, findings);
  return { reasons, notes, findings };
}

function streams(snapshot: ClusterSnapshot, reasons: Map<string, string>, findings: ImportFinding[]): void {
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
    findings.push({
      level: 'warning',
      code: 'streams-application-inferred',
      subject: id,
      message:
        `Kafka Streams application "${id}"${app.principal === null ? '' : ` (principal ${app.principal})`}: ${how}; internal topics ${app.topics.sort().join(', ')}. ` +
        `Declare it with domain.addStreamsApplication(name, { applicationId: '${id}', principal, inputs, outputs, stateStores }) — its inputs and outputs are the topics the principal reads and writes — then remove its Prefixed ACLs (kept as legacy ACLs until then)`,
    });
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

function connect(snapshot: ClusterSnapshot, reasons: ReadonlyMap<string, string>, notes: Map<string, string>, findings: ImportFinding[]): void {
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
    findings.push({
      level: 'warning',
      code: 'connect-cluster-inferred',
      subject: stem.replace(/^[.-]|[.-]$/g, '') || 'connect',
      message: `Kafka Connect cluster with storage topics ${names.sort().join(', ')}: ${groupText}; declare it with domain.addConnectCluster(name, { groupId, principal, storage: { … } }) keeping the partitions found (${partitions})`,
    });
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
    findings.push({
      level: 'warning',
      code: 'sink-connector-inferred',
      subject: connector,
      message:
        `probably Kafka Connect sink connector "${connector}" (group "${g.resourceName}" is Connect's default sink group name; principal ${g.principal} reads ${reads.join(', ') || 'no topic'}): ` +
        `it is imported as a consumer group for now; check it is a connector, then declare it with connectCluster.addSinkConnector('${connector}', { topics, idempotency, replaySafety }) instead`,
    });
  }
}
