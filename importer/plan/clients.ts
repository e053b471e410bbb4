/**
 * Import: Kafka Streams applications, Kafka Connect clusters and sink connectors declared as such, when the cluster's
 * ACLs prove them (client-kinds.ts finds the candidates), instead of the hint to declare them by hand.
 *
 * A candidate becomes a declaration only when the evidence is certain, and then only if the model, resolving that
 * declaration alone, derives ACLs that are all on the cluster (verifyClients): the ACLs it derives are then claimed
 * (adopted with import blocks, never read again as consumer groups, producers or legacy ACLs), and whatever the
 * cluster holds beyond them stays a legacy ACL, listed as today. A candidate that fails a test is declined with the
 * reason, and keeps today's treatment (storage topics adopted as topics, a hint naming the declaration to write).
 *
 * - Streams `<id>`: Prefixed Topic ACL on `<id>-` (or `<id>`) and Group READ on `<id>`, same principal; its inputs and
 *   outputs are that principal's Literal Topic READs and WRITEs on adopted event topics; exactly-once when it holds a
 *   Prefixed TransactionalID WRITE on the prefix; state stores and repartitioning read from its internal topics.
 * - Connect cluster: the three compacted storage topics named `<domain>.<cluster>.connect-configs|offsets|status`
 *   (the names the model gives them), one principal holding ACLs on them, and exactly one worker group it reads.
 * - Sink connector `<name>`: Group READ on `connect-<name>`, Topic READs on adopted event topics, exactly one Connect
 *   cluster declared to run it; its dead-letter topic `<domain>.<name>.dlq` when the cluster has it and the principal
 *   may write it.
 */
import { kebab, principalName } from '../naming';
import type { ClusterSnapshot, SnapshotAcl, SnapshotTopic } from '../snapshot';
import { IMPORTED_CONNECTOR_CLASS, sourcePath, toDeclarations } from './declarations';
import { effectiveValue } from './event-topic';
import { clientKey, type ConnectCandidate, type SinkCandidate, type StreamsCandidate } from './client-kinds';

export { clientKey } from './client-kinds';
import type { PlannedClientTopic, PlannedConnectCluster, PlannedDomain, PlannedSinkConnector, PlannedStreamsApplication, PlannedTopic } from './types';
import { CONNECT_STORAGE_CLEANUP_POLICY, CONNECT_STORAGE_KINDS, CONNECT_STORAGE_PARTITIONS } from '../../model/connect/defaults';
import { connectorDeadLetterTopicName, defaultSinkGroupId } from '../../model/connect/naming';
import { toDurationString } from '../../model/duration';
import { DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS } from '../../model/limits';
import { defaultGroupId } from '../../model/naming';
import { resolve } from '../../model/resolve';
import { DEAD_LETTER_DERIVED_KEYS } from '../../model/resolve/messages';
import { NAME_PATTERN, type Environment } from '../../model/schema';

const CONVENTIONAL_ID = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ClientCandidates {
  readonly streams: readonly StreamsCandidate[];
  readonly connect: readonly ConnectCandidate[];
  readonly sinks: readonly SinkCandidate[];
}

export interface PlannedClients {
  readonly streams: readonly PlannedStreamsApplication[];
  readonly clusters: readonly PlannedConnectCluster[];
  /** Topics the declared clients create themselves (Connect storage, sink dead letters): not event topics. */
  readonly ownTopics: ReadonlySet<string>;
  /** Construct ids the clients take in each domain (topics and groups must not reuse them). */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
  /** Candidate key → declaration source path (declarations.ts sourcePath), to map issues back. */
  readonly keyOf: ReadonlyMap<string, string>;
}

export interface ClientInput {
  readonly candidates: ClientCandidates;
  readonly snapshot: ClusterSnapshot;
  /** Adopted event topics by Kafka name. */
  readonly eventTopics: ReadonlyMap<string, { readonly domain: string; readonly event: string; readonly partitions: number }>;
  /** Event names per domain: a client cannot share its construct id with a topic of its domain. */
  readonly eventNames: ReadonlyMap<string, ReadonlySet<string>>;
  readonly env: Environment;
  /** Candidate key → why it is not declared (filled here and by the planner). */
  readonly declined: Map<string, string>;
}

const allowAll = (a: SnapshotAcl): boolean => a.permission === 'Allow' && a.host === '*';
const serviceOf = (principal: string): string => kebab(principalName(principal), 'service');

export function planClients(input: ClientInput): PlannedClients {
  const { candidates, declined } = input;
  const keyOf = new Map<string, string>();
  const names = new Map<string, Set<string>>();
  const take = (domain: string, name: string): boolean => {
    if (input.eventNames.get(domain)?.has(name) === true || names.get(domain)?.has(name) === true) return false;
    names.set(domain, new Set([...(names.get(domain) ?? []), name]));
    return true;
  };
  const ownTopics = new Set<string>();
  const acls = input.snapshot.acls.filter(allowAll);
  const literal = (principal: string, type: SnapshotAcl['resourceType'], op: SnapshotAcl['operation']): string[] =>
    [
      ...new Set(
        acls
          .filter((a) => a.principal === principal && a.resourceType === type && a.operation === op && a.patternType === 'Literal')
          .map((a) => a.resourceName),
      ),
    ].sort(compare);
  const clientTopic = (name: string, domain: string, principal: string, verb: string): PlannedClientTopic | undefined => {
    const t = input.eventTopics.get(name);
    if (t === undefined) return undefined;
    return {
      topic: { domain: t.domain, event: t.event },
      topicName: name,
      ...(t.domain === domain ? {} : { reason: `imported: ${principal} ${verb} it on the cluster; state why ${domain} needs these events` }),
    };
  };

  const streams: PlannedStreamsApplication[] = [];
  for (const c of candidates.streams) {
    const key = clientKey.streams(c);
    if (declined.has(key)) continue;
    const otherGroups = literal(c.principal, 'Group', 'Read').filter((g) => g !== c.applicationId);
    if (otherGroups.length > 0) {
      declined.set(key, `${c.principal} also reads as group ${otherGroups.join(', ')}, so which topics the application reads cannot be told`);
      continue;
    }
    const conventional = CONVENTIONAL_ID.exec(c.applicationId);
    const inputs = literal(c.principal, 'Topic', 'Read').filter((t) => input.eventTopics.has(t));
    const outputs = literal(c.principal, 'Topic', 'Write').filter((t) => input.eventTopics.has(t));
    // An id outside `<domain>.<name>`: the domain whose events it writes (its results are that team's), else the one
    // most of its inputs belong to.
    const domain = conventional?.[1] ?? mostCommon((outputs.length > 0 ? outputs : inputs).map((t) => input.eventTopics.get(t)?.domain ?? ''));
    if (domain === undefined || inputs.length === 0) {
      declined.set(key, `${c.principal} reads no adopted event topic, and a Streams application reads at least one`);
      continue;
    }
    const name = conventional?.[2] ?? kebab(c.applicationId, 'streams');
    if (!take(domain, name)) {
      declined.set(key, `"${name}" is already a topic or client of domain ${domain}`);
      continue;
    }
    const planned: PlannedStreamsApplication = {
      domain,
      name,
      ...(conventional === null || conventional[1] !== domain ? { applicationId: c.applicationId } : {}),
      service: serviceOf(c.principal),
      principal: c.principal,
      inputs: inputs.flatMap((t) => clientTopic(t, domain, c.principal, 'reads') ?? []),
      outputs: outputs.flatMap((t) => clientTopic(t, domain, c.principal, 'writes') ?? []),
      processingGuarantee: c.exactlyOnce ? 'exactly_once_v2' : 'at_least_once',
      repartitions: c.repartitions,
      stateStores: c.stores,
      suppressions: [],
      notes: [
        `${c.principal} holds Prefixed Topic ACLs on "${c.prefix}" and Group READ on "${c.applicationId}": the ACLs of Kafka Streams application.id "${c.applicationId}"` +
          (c.internalTopics.length === 0
            ? ''
            : `; its internal topics stay on the cluster, unmanaged (the application creates them): ${c.internalTopics.join(', ')}`),
        'imported: a cluster does not record its exception handlers, idempotency or replay safety; declare them',
      ],
    };
    streams.push(planned);
    keyOf.set(key, sourcePath.streams(domain, name));
  }

  const clusters: PlannedConnectCluster[] = [];
  for (const c of candidates.connect) {
    const key = clientKey.connect(c);
    if (declined.has(key)) continue;
    if (!take(c.domain, c.name)) {
      declined.set(key, `"${c.name}" is already a topic or client of domain ${c.domain}`);
      continue;
    }
    const storage: Record<string, { partitions?: number; config?: Record<string, string> }> = {};
    for (const kind of CONNECT_STORAGE_KINDS) {
      const t = c.storage[kind];
      const config = storageConfig(t, input.env);
      const shape = {
        ...(t.partitions === CONNECT_STORAGE_PARTITIONS[kind] ? {} : { partitions: t.partitions }),
        ...(Object.keys(config).length === 0 ? {} : { config }),
      };
      if (Object.keys(shape).length > 0) storage[kind] = shape;
    }
    for (const kind of CONNECT_STORAGE_KINDS) ownTopics.add(c.storage[kind].name);
    clusters.push({
      domain: c.domain,
      name: c.name,
      ...(c.groupId === defaultGroupId(c.domain, c.name) ? {} : { groupId: c.groupId }),
      service: serviceOf(c.principal),
      principal: c.principal,
      exactlyOnceSource: c.exactlyOnceSource,
      storage,
      storageTopics: { config: c.storage.config.name, offset: c.storage.offset.name, status: c.storage.status.name },
      sinks: [],
      suppressions: [],
      notes: [
        `${c.principal} reads and writes the storage topics ${CONNECT_STORAGE_KINDS.map((k) => c.storage[k].name).join(', ')} and holds Group READ on "${c.groupId}", the workers' group.id`,
      ],
    });
    keyOf.set(key, sourcePath.connect(c.domain, c.name));
  }

  for (const c of candidates.sinks) {
    const key = clientKey.sink(c);
    if (declined.has(key)) continue;
    const [cluster, ...more] = clusters;
    if (cluster === undefined || more.length > 0) {
      declined.set(
        key,
        cluster === undefined
          ? 'no Connect cluster could be declared from the cluster (a sink connector runs on one)'
          : `${clusters.length} Connect clusters are declared and the ACLs do not tell which one runs it`,
      );
      continue;
    }
    if (!NAME_PATTERN.test(c.connector)) {
      declined.set(key, `"${c.connector}" is not a name topicform can declare (lower-case letters, digits and "-")`);
      continue;
    }
    const groups = literal(c.principal, 'Group', 'Read').filter(
      (g) => g !== c.groupId && !(c.principal === cluster.principal && g === (cluster.groupId ?? defaultGroupId(cluster.domain, cluster.name))),
    );
    if (groups.length > 0) {
      declined.set(key, `${c.principal} also reads as group ${groups.join(', ')}, so which topics the connector reads cannot be told`);
      continue;
    }
    const topics = literal(c.principal, 'Topic', 'Read').flatMap((t) => clientTopic(t, cluster.domain, c.principal, 'reads') ?? []);
    if (topics.length === 0) {
      declined.set(key, `${c.principal} reads no adopted event topic, and a sink connector reads at least one`);
      continue;
    }
    const dlqName = connectorDeadLetterTopicName(input.env.topicPrefix, cluster.domain, c.connector);
    const dlq = input.snapshot.topics.find((t) => t.name === dlqName);
    const writable = literal(c.principal, 'Topic', 'Write').includes(dlqName);
    const deadLetter = dlq !== undefined && writable ? deadLetterShape(dlq, topics, input.eventTopics) : false;
    if (deadLetter !== false) ownTopics.add(dlqName);
    const sink: PlannedSinkConnector = {
      name: c.connector,
      ...(c.principal === cluster.principal ? {} : { principal: c.principal, service: serviceOf(c.principal) }),
      ...(c.groupId === defaultSinkGroupId(c.connector) ? {} : { groupId: c.groupId }),
      effectivePrincipal: c.principal,
      topics,
      deadLetter,
      ...(deadLetter === false ? {} : { deadLetterTopic: dlqName }),
      suppressions: [],
      notes: [
        `${c.principal} holds Group READ on "${c.groupId}" (Kafka Connect's sink group name) and Topic READ on ${topics.map((t) => t.topicName).join(', ')}` +
          (deadLetter === false ? '' : ` and WRITE on its dead-letter topic ${dlqName}`),
        `imported: a cluster does not record connector.class (it lives in the Connect cluster's config topic): replace ${IMPORTED_CONNECTOR_CLASS}`,
      ],
    };
    clusters[0] = { ...cluster, sinks: [...cluster.sinks, sink].sort((a, b) => compare(a.name, b.name)) };
    keyOf.set(key, sourcePath.sink(cluster.domain, cluster.name, c.connector));
  }
  return { streams, clusters, ownTopics, names, keyOf };
}

/** The most frequent value (the first by name on a tie); undefined for none. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compare(a, b))[0]?.[0];
}

/**
 * A storage topic's `config`: its overrides but `cleanup.policy=compact` (derived), and `min.insync.replicas` where the
 * value the topic runs with is not the environment's (the model renders the environment's otherwise).
 */
function storageConfig(t: SnapshotTopic, env: Environment): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.overrides).sort(([a], [b]) => compare(a, b))) {
    // What the model derives anyway is not declared: compaction, and the environment's min.insync.replicas.
    if (k === 'cleanup.policy' && v === CONNECT_STORAGE_CLEANUP_POLICY) continue;
    if (k === 'min.insync.replicas' && v === String(env.minInsyncReplicas)) continue;
    config[k] = v;
  }
  const minIsr = effectiveValue(t, 'min.insync.replicas')?.value;
  if (config['min.insync.replicas'] === undefined && minIsr !== undefined && minIsr !== String(env.minInsyncReplicas)) config['min.insync.replicas'] = minIsr;
  return config;
}

/** `true` when the dead-letter topic has the derived shape, else the shape it has (partitions, retention, configs). */
function deadLetterShape(
  dlq: SnapshotTopic,
  topics: readonly PlannedClientTopic[],
  eventTopics: ClientInput['eventTopics'],
): true | { partitions?: number; retention?: ReturnType<typeof toDurationString>; config?: Record<string, string> } {
  const derivedPartitions = Math.min(DEAD_LETTER_PARTITIONS, ...topics.map((t) => eventTopics.get(t.topicName)?.partitions ?? DEAD_LETTER_PARTITIONS));
  const retention = Number(effectiveValue(dlq, 'retention.ms')?.value);
  const config = Object.fromEntries(
    Object.entries(dlq.overrides)
      .filter(([k]) => DEAD_LETTER_DERIVED_KEYS[k] === undefined)
      .sort(([a], [b]) => compare(a, b)),
  );
  const shape = {
    ...(dlq.partitions === derivedPartitions ? {} : { partitions: dlq.partitions }),
    ...(retention === DEAD_LETTER_RETENTION_MS || !Number.isSafeInteger(retention) || retention <= 0 ? {} : { retention: toDurationString(retention) }),
    ...(Object.keys(config).length === 0 ? {} : { config }),
  };
  return Object.keys(shape).length === 0 ? true : shape;
}

/** A client on its own, with the event topics it names and their domains: what the model derives for it alone. */
function aloneDomains(
  domains: readonly PlannedDomain[],
  template: Pick<PlannedDomain, 'owner' | 'description'>,
  topics: ReadonlySet<string>,
  extra: Partial<PlannedDomain> & { name: string },
): PlannedDomain[] {
  const names = new Set([extra.name, ...domains.filter((d) => d.topics.some((t) => topics.has(t.name))).map((d) => d.name)]);
  return [...names].sort(compare).map((name) => {
    const base = domains.find((d) => d.name === name);
    const own: PlannedDomain = {
      name,
      owner: base?.owner ?? template.owner,
      description: base?.description ?? template.description,
      suppressions: [],
      topics: (base?.topics ?? []).filter((t: PlannedTopic) => topics.has(t.name)),
      groups: [],
      producers: [],
      legacyAcls: [],
    };
    return name === extra.name ? { ...own, ...extra, name } : own;
  });
}

function derivedAclIds(domains: readonly PlannedDomain[], env: Environment): { ids?: Set<string>; error?: string } {
  const result = resolve(toDeclarations(domains), env);
  if (result.topology === null) {
    const errors = result.issues.filter((i) => (i.severity ?? 'error') === 'error');
    return { error: `the model rejects it: ${errors.map((e) => `${e.path === '' ? '' : `${e.path}: `}${e.message}`).join('; ')}` };
  }
  return { ids: new Set(result.topology.acls.map((a) => a.id)) };
}

/**
 * Resolves each planned client alone and checks that every ACL the model derives for it is on the cluster. Returns the
 * ACL ids the declared clients claim, and the keys declined now (with their reasons in `declined`).
 */
export function verifyClients(
  clients: PlannedClients,
  domains: readonly PlannedDomain[],
  template: Pick<PlannedDomain, 'owner' | 'description'>,
  clusterAclIds: ReadonlySet<string>,
  env: Environment,
  declined: Map<string, string>,
): { readonly claimed: ReadonlySet<string>; readonly declinedNow: number } {
  const claimed = new Set<string>();
  let declinedNow = 0;
  const keyByPath = new Map([...clients.keyOf].map(([k, p]) => [p, k]));
  const decline = (path: string, reason: string): void => {
    const key = keyByPath.get(path);
    if (key === undefined || declined.has(key)) return;
    declined.set(key, reason);
    declinedNow++;
  };
  const check = (path: string, ids: { ids?: Set<string>; error?: string }, minus: ReadonlySet<string> = new Set()): Set<string> | undefined => {
    if (ids.ids === undefined) {
      decline(path, ids.error ?? 'the model rejects it');
      return undefined;
    }
    const own = [...ids.ids].filter((id) => !minus.has(id));
    const missing = own.filter((id) => !clusterAclIds.has(id)).sort(compare);
    if (missing.length > 0) {
      decline(path, `declared, it would create ACL${missing.length === 1 ? '' : 's'} the cluster does not have: ${missing.join(', ')}`);
      return undefined;
    }
    return new Set(own);
  };
  for (const s of clients.streams) {
    const topics = new Set([...s.inputs, ...s.outputs].map((t) => t.topicName));
    const path = sourcePath.streams(s.domain, s.name);
    for (const id of check(path, derivedAclIds(aloneDomains(domains, template, topics, { name: s.domain, streamsApplications: [s] }), env)) ?? []) {
      claimed.add(id);
    }
  }
  for (const c of clients.clusters) {
    const path = sourcePath.connect(c.domain, c.name);
    const own = check(path, derivedAclIds(aloneDomains(domains, template, new Set(), { name: c.domain, connectClusters: [{ ...c, sinks: [] }] }), env));
    if (own === undefined) {
      for (const k of c.sinks) {
        decline(
          sourcePath.sink(c.domain, c.name, k.name),
          `the Connect cluster that runs it is not declared: ${declined.get(keyByPath.get(path) ?? '') ?? ''}`,
        );
      }
      continue;
    }
    for (const id of own) claimed.add(id);
    for (const k of c.sinks) {
      const topics = new Set(k.topics.map((t) => t.topicName));
      const ids = derivedAclIds(aloneDomains(domains, template, topics, { name: c.domain, connectClusters: [{ ...c, sinks: [k] }] }), env);
      for (const id of check(sourcePath.sink(c.domain, c.name, k.name), ids, own) ?? []) claimed.add(id);
    }
  }
  return { claimed, declinedNow };
}
