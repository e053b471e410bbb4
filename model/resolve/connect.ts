/**
 * Step 8b, Kafka Connect: each Connect cluster's storage topics (compacted, Connect's recommended partitions, the
 * environment's replication) and its connectors — source connectors with the topics they write, sink connectors with
 * the topics they read, their consumer group and their dead-letter topic. Names follow model/connect/naming.ts.
 */
import { toMs } from '../duration';
import { CONNECT_STORAGE_CLEANUP_POLICY, CONNECT_STORAGE_KINDS, CONNECT_STORAGE_PARTITIONS, type ConnectStorageKind } from '../connect/defaults';
import * as cm from '../connect/messages';
import { connectStorageTopicName, connectorDeadLetterTopicName, defaultSinkGroupId, sourceTransactionalIdPrefix } from '../connect/naming';
import { prefixIssues } from '../issues';
import { DEAD_LETTER_PARTITIONS } from '../limits';
import { defaultGroupId } from '../naming';
import { topicRefKey, type ConnectClusterDeclaration, type ConnectorDeclaration, type Environment } from '../schema';
import { deadLetterRetention } from '../sizing/retention';
import type {
  ResolvedConnect,
  ResolvedConnectCluster,
  ResolvedConnector,
  ResolvedConnectorTopic,
  ResolvedConnectTopic,
  ResolvedEventTopic,
  SizedValue,
} from '../topology';
import { validateTopicConfig } from '../topic-config-keys';
import { byName, compare, sortRecord, where, type Collector } from './collect';
import * as m from './messages';
import type { References } from './references';
import { uniqueBy } from './uniqueness';

export interface ConnectInputs {
  readonly clusters: readonly ConnectClusterDeclaration[];
  readonly connectors: readonly ConnectorDeclaration[];
  readonly env: Environment;
  readonly refs: References;
  /** Resolved event topics by `topicRefKey`. */
  readonly eventTopics: ReadonlyMap<string, ResolvedEventTopic>;
}

/** The resolved Connect part of the Topology, or undefined when nothing is declared. */
export function resolveConnect(inputs: ConnectInputs, out: Collector): ResolvedConnect | undefined {
  const { env, refs } = inputs;
  if (inputs.clusters.length === 0 && inputs.connectors.length === 0) return undefined;
  const clusterByKey = uniqueBy(
    inputs.clusters,
    (c) => `${c.domain}/${c.name}`,
    out,
    (c, first) => cm.duplicateConnectCluster(c.name, c.domain, where(first.source)),
  );
  const clusters: ResolvedConnectCluster[] = [];
  for (const c of clusterByKey.values()) {
    if (!refs.requireDomain(c.domain, c.source, 'domain')) continue;
    clusters.push(resolveCluster(c, env, out));
  }
  const resolvedByKey = new Map(clusters.map((c) => [`${c.domain}/${c.name}`, c]));

  const connectorByKey = uniqueBy(
    inputs.connectors,
    (c) => `${c.cluster.domain}/${c.cluster.name}/${c.name}`,
    out,
    (c, first) => cm.duplicateConnector(c.name, `${c.cluster.domain}.${c.cluster.name}`, where(first.source)),
  );
  const connectors: ResolvedConnector[] = [];
  for (const c of connectorByKey.values()) {
    const cluster = resolvedByKey.get(`${c.cluster.domain}/${c.cluster.name}`);
    if (cluster === undefined) {
      if (!clusterByKey.has(`${c.cluster.domain}/${c.cluster.name}`)) out.add(c.source, cm.unknownConnectCluster(`${c.cluster.domain}.${c.cluster.name}`));
      continue;
    }
    const resolved = resolveConnector(c, cluster, inputs, out);
    if (resolved !== undefined) connectors.push(resolved);
  }
  return {
    clusters: clusters.sort((a, b) => compare(a.groupId, b.groupId)),
    connectors: connectors.sort((a, b) => compare(`${a.cluster.groupId}/${a.name}`, `${b.cluster.groupId}/${b.name}`)),
  };
}

/** Every topic the Connect part holds, for name checks, ACL owners and rendering. Sorted by name. */
export function connectTopics(connect: ResolvedConnect | undefined): ResolvedConnectTopic[] {
  if (connect === undefined) return [];
  return [
    ...connect.clusters.flatMap((c) => [c.storage.config, c.storage.offset, c.storage.status]),
    ...connect.connectors.flatMap((c) => (c.deadLetter === null ? [] : [c.deadLetter])),
  ].sort(byName);
}

function resolveCluster(c: ConnectClusterDeclaration, env: Environment, out: Collector): ResolvedConnectCluster {
  const storage = {} as Record<ConnectStorageKind, ResolvedConnectTopic>;
  for (const kind of CONNECT_STORAGE_KINDS) {
    const shape = c.storage[kind];
    if (shape !== undefined) out.add(c.source, ...prefixIssues(`storage.${kind}`, validateTopicConfig(shape.config, { vendorKeys: env.vendorConfigKeys })));
    const partitions: SizedValue<number> =
      shape?.partitions === undefined
        ? { value: CONNECT_STORAGE_PARTITIONS[kind], explanation: cm.storagePartitions(kind, CONNECT_STORAGE_PARTITIONS[kind]) }
        : { value: shape.partitions, explanation: m.DECLARED };
    const config = sortRecord({
      'cleanup.policy': CONNECT_STORAGE_CLEANUP_POLICY,
      'min.insync.replicas': String(env.minInsyncReplicas),
      ...(shape?.config ?? {}),
    });
    storage[kind] = {
      cleanupPolicy: cleanupPolicyOf(config['cleanup.policy']),
      config,
      domain: c.domain,
      kind: `connect-${kind}`,
      minInsyncReplicas: Number(config['min.insync.replicas']),
      name: connectStorageTopicName(env.topicPrefix, c.domain, c.name, kind),
      partitions,
      protect: env.production,
      replicationFactor: env.replicationFactor,
      retentionMs: config['retention.ms'] === undefined ? null : { value: Number(config['retention.ms']), explanation: m.DECLARED },
      source: c.source,
    };
  }
  return {
    domain: c.domain,
    name: c.name,
    groupId: c.groupId ?? defaultGroupId(c.domain, c.name),
    service: c.service,
    principal: c.principal,
    exactlyOnceSource: c.exactlyOnceSource,
    storage,
    suppressions: c.suppressions,
    source: c.source,
  };
}

/** The declared `cleanup.policy` in the model's spelling (`delete,compact` is `compact,delete`); lint judges it. */
function cleanupPolicyOf(value: string | undefined): ResolvedConnectTopic['cleanupPolicy'] {
  const parts = new Set((value ?? CONNECT_STORAGE_CLEANUP_POLICY).split(',').map((p) => p.trim()));
  if (parts.has('compact') && parts.has('delete')) return 'compact,delete';
  return parts.has('delete') ? 'delete' : 'compact';
}

function resolveConnector(c: ConnectorDeclaration, cluster: ResolvedConnectCluster, inputs: ConnectInputs, out: Collector): ResolvedConnector | undefined {
  const { env, refs } = inputs;
  const topics: ResolvedConnectorTopic[] = [];
  const parents: ResolvedEventTopic[] = [];
  const seen = new Set<string>();
  const verb = c.type === 'sink' ? 'reads' : 'writes';
  c.topics.forEach((t, i) => {
    const key = topicRefKey(t.topic);
    if (seen.has(key)) return out.add(c.source, cm.duplicateConnectorTopic(`topics[${i}].topic`, c.name, key));
    seen.add(key);
    const declared = refs.lookupTopic(t.topic, c.source, `topics[${i}].topic`);
    const resolved = inputs.eventTopics.get(key);
    if (declared === undefined || resolved === undefined) return;
    if (declared.domain !== cluster.domain && t.reason === undefined) {
      out.add(c.source, cm.crossDomainConnectorWithoutReason(`topics[${i}].reason`, `${cluster.domain}.${c.name}`, verb, key, declared.domain));
    }
    parents.push(resolved);
    topics.push({ topic: { ...t.topic }, topicName: resolved.name, ...(t.reason === undefined ? {} : { reason: t.reason }) });
  });
  topics.sort((a, b) => compare(a.topicName, b.topicName));
  const base = {
    domain: cluster.domain,
    name: c.name,
    cluster: { name: cluster.name, groupId: cluster.groupId },
    connectorClass: c.connectorClass,
    service: c.service ?? cluster.service,
    principal: c.principal ?? cluster.principal,
    tasksMax: c.tasksMax ?? null,
    topics,
    suppressions: c.suppressions,
    source: c.source,
  };
  if (c.type === 'source') {
    if (c.exactlyOnce && !cluster.exactlyOnceSource) out.add(c.source, cm.exactlyOnceWithoutClusterSupport(c.name, `${cluster.domain}.${cluster.name}`));
    return {
      type: 'source',
      ...base,
      groupId: null,
      deadLetter: null,
      idempotency: null,
      transactionalIdPrefix: c.exactlyOnce ? sourceTransactionalIdPrefix(cluster.groupId, c.name) : null,
    };
  }
  return {
    type: 'sink',
    ...base,
    groupId: c.groupId ?? defaultSinkGroupId(c.name),
    deadLetter: c.deadLetter === false ? null : sinkDeadLetter(c, cluster, parents, env, out),
    idempotency: c.idempotency ?? null,
    ...(c.replaySafety === undefined ? {} : { replaySafety: c.replaySafety }),
    transactionalIdPrefix: null,
  };
}

function sinkDeadLetter(
  c: Extract<ConnectorDeclaration, { type: 'sink' }>,
  cluster: ResolvedConnectCluster,
  parents: readonly ResolvedEventTopic[],
  env: Environment,
  out: Collector,
): ResolvedConnectTopic {
  const shape = typeof c.deadLetter === 'object' ? c.deadLetter : undefined;
  if (shape !== undefined) {
    for (const key of Object.keys(shape.config).sort()) {
      const why = m.DEAD_LETTER_DERIVED_KEYS[key];
      if (why !== undefined) out.add(c.source, m.derivedDeadLetterConfigKey(key, why));
    }
    const rest = Object.fromEntries(Object.entries(shape.config).filter(([k]) => m.DEAD_LETTER_DERIVED_KEYS[k] === undefined));
    out.add(c.source, ...prefixIssues('deadLetter', validateTopicConfig(rest, { vendorKeys: env.vendorConfigKeys })));
  }
  const fewest = Math.min(DEAD_LETTER_PARTITIONS, ...parents.map((p) => p.partitions.value));
  const partitions: SizedValue<number> =
    shape?.partitions === undefined
      ? { value: fewest, explanation: cm.connectorDeadLetterPartitions(fewest, DEAD_LETTER_PARTITIONS) }
      : { value: shape.partitions, explanation: m.DECLARED };
  const retention: SizedValue<number> = shape?.retention === undefined ? deadLetterRetention() : { value: toMs(shape.retention), explanation: m.DECLARED };
  return {
    cleanupPolicy: 'delete',
    config: sortRecord({
      ...(shape?.config ?? {}),
      'cleanup.policy': 'delete',
      'min.insync.replicas': String(env.minInsyncReplicas),
      'retention.ms': String(retention.value),
    }),
    domain: cluster.domain,
    kind: 'connect-dead-letter',
    minInsyncReplicas: env.minInsyncReplicas,
    name: connectorDeadLetterTopicName(env.topicPrefix, cluster.domain, c.name),
    partitions,
    protect: env.production,
    replicationFactor: env.replicationFactor,
    retentionMs: retention,
    source: c.source,
  };
}
