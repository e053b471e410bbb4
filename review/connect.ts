/**
 * What review knows about Kafka Connect: which removed topic was a Connect cluster's storage topic or a sink connector's
 * dead-letter topic, and the ACLs a principal's Connect declarations need. Read from topology.json's `connect` part,
 * which older outputs lack (then nothing here applies).
 */
import type { ResolvedConnect, ResolvedConnector, Topology } from '../model/topology';
import { formatMs } from '../model/duration';
import type { Text } from './messages';

export type ConnectTopicRole =
  | { readonly kind: 'storage'; readonly storage: string; readonly clusterGroupId: string }
  | { readonly kind: 'dead-letter'; readonly connector: string; readonly clusterGroupId: string };

function connectOf(topology: Topology | undefined): ResolvedConnect | undefined {
  const c = topology?.connect;
  return c !== undefined && Array.isArray(c.clusters) && Array.isArray(c.connectors) ? c : undefined;
}

/** What `name` was for Kafka Connect in `topology`, if anything. */
export function connectTopicRole(topology: Topology | undefined, name: string): ConnectTopicRole | undefined {
  const connect = connectOf(topology);
  if (connect === undefined) return undefined;
  for (const c of connect.clusters) {
    for (const t of [c.storage.config, c.storage.offset, c.storage.status]) {
      if (t.name === name) return { kind: 'storage', storage: t.kind.slice('connect-'.length), clusterGroupId: c.groupId };
    }
  }
  for (const k of connect.connectors) {
    if (k.deadLetter?.name === name) return { kind: 'dead-letter', connector: k.name, clusterGroupId: k.cluster.groupId };
  }
  return undefined;
}

/** The sink connector `name` of cluster `clusterGroupId` in `topologies`, when it is still declared there. */
export function findConnector(topologies: readonly Topology[], clusterGroupId: string, name: string): ResolvedConnector | undefined {
  for (const t of topologies) {
    const found = connectOf(t)?.connectors.find((k) => k.cluster.groupId === clusterGroupId && k.name === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Calls `need` for every ACL `principal`'s Connect declarations in `topologies` need (model/connect/acl.ts, Literal rows). */
export function connectNeeds(
  topologies: readonly Topology[],
  principal: string,
  need: (operation: string, resourceType: string, resourceName: string, why: string, patternType?: string) => void,
): void {
  for (const t of topologies) {
    const connect = connectOf(t);
    if (connect === undefined) continue;
    for (const c of connect.clusters) {
      if (c.principal !== principal) continue;
      const who = `connect cluster ${c.groupId}`;
      need('Read', 'Group', c.groupId, `${who} workers join their group`);
      for (const s of [c.storage.config, c.storage.offset, c.storage.status]) {
        need('Read', 'Topic', s.name, `${who} reads its storage topic ${s.name}`);
        need('Write', 'Topic', s.name, `${who} writes its storage topic ${s.name}`);
      }
    }
    for (const k of connect.connectors) {
      if (k.principal !== principal) continue;
      const who = `${k.type} connector ${k.cluster.groupId}/${k.name}`;
      if (k.type === 'source') {
        for (const topic of k.topics) need('Write', 'Topic', topic.topicName, `${who} writes ${topic.topicName}`);
        if (k.transactionalIdPrefix !== null) need('Write', 'TransactionalID', k.transactionalIdPrefix, `${who} tasks use transactional ids`, 'Prefixed');
        continue;
      }
      if (k.groupId !== null) need('Read', 'Group', k.groupId, `${who} joins its group`);
      for (const topic of k.topics) need('Read', 'Topic', topic.topicName, `${who} reads ${topic.topicName}`);
      if (k.deadLetter !== null) need('Write', 'Topic', k.deadLetter.name, `${who} dead-letters to ${k.deadLetter.name}`);
    }
  }
}

const ackHint = 'if this is intended, acknowledge the finding in review-acknowledgements.yaml with the reason';

export const connectStorageRemoved = (name: string, storage: string, clusterGroupId: string): Text => ({
  title: `${storage} storage topic ${name} of Connect cluster ${clusterGroupId} deleted`,
  reason: `the Connect workers keep their connector configurations, source offsets and task statuses there: deleted, connectors vanish or re-read their sources from the start; stop the Connect cluster and remove it first; ${ackHint}`,
  fix: 'keep the storage topic while the Connect cluster runs',
});

export const connectDlqRemoved = (name: string, connector: string, clusterGroupId: string): Text => ({
  title: `dead-letter topic ${name} of sink connector ${connector} removed`,
  reason: `sink connector ${connector} on ${clusterGroupId} still runs, but its dead-letter topic is deleted with the dead letters waiting in it; the connector then fails on its next bad record; keep the DLQ`,
  fix: 'keep the DLQ',
});

/**
 * Who still reads any of `topics` in `topologies`, sorted: consumer groups, Kafka Streams applications and sink
 * connectors (older topology.json files lack the last two; then only groups count).
 */
export function readersIn(topologies: readonly Topology[], topics: readonly string[]): string[] {
  const wanted = new Set(topics);
  const found = new Set<string>();
  for (const t of topologies) {
    for (const g of t.consumerGroups) if (g.subscriptions.some((s) => wanted.has(s.topicName))) found.add(`consumer group ${g.groupId}`);
    for (const a of t.streamsApplications ?? []) if (a.inputs.some((i) => wanted.has(i.topicName))) found.add(`streams application ${a.applicationId}`);
    for (const k of connectOf(t)?.connectors ?? []) {
      if (k.type === 'sink' && k.topics.some((x) => wanted.has(x.topicName))) found.add(`sink connector ${k.cluster.groupId}/${k.name}`);
    }
  }
  return [...found].sort();
}

export const sinkConnectorRemoved = (
  name: string,
  clusterGroupId: string,
  groupId: string,
  dlq: string | null,
  offsetsRetentionMs: number,
  production: boolean,
): Text => ({
  title: `sink connector ${name} on ${clusterGroupId} removed`,
  reason:
    `its ACLs go once terraform applies; the offsets of its group ${groupId} stay on the cluster until they expire (offsets.retention.minutes, Kafka's default ${formatMs(offsetsRetentionMs)} after the group is empty): ` +
    `a sink re-created with the same name within that time resumes from them, later it starts again from auto.offset.reset (earliest for Connect's sink consumers), writing every retained record to the external system again` +
    (dlq === null
      ? '; it has no DLQ'
      : `; dead letters still waiting in ${dlq} are lost: re-drive or export them first${production ? ' (production: blocks until acknowledged, since review cannot see whether the DLQ is empty)' : ''}`) +
    `; delete the connector from the Connect cluster (DELETE /connectors/${name}) before applying`,
  fix: dlq === null ? `delete the connector from the Connect cluster, then apply` : `re-drive or export ${dlq}${production ? ', then acknowledge' : ' first'}`,
});

export const sourceConnectorRemoved = (
  name: string,
  clusterGroupId: string,
  topics: readonly string[],
  readers: readonly string[],
  production: boolean,
): Text => ({
  title: `source connector ${name} on ${clusterGroupId} removed`,
  reason:
    `${topics.join(', ')} ${topics.length === 1 ? 'gets' : 'get'} no more events from it` +
    (readers.length === 0
      ? '; nothing declared reads them'
      : `, while ${readers.join(', ')} still ${readers.length === 1 ? 'reads' : 'read'} them and will wait for events that no longer come${production ? ' (production: blocks until acknowledged)' : ''}`) +
    `; delete the connector from the Connect cluster (DELETE /connectors/${name}) before applying, or keep it until its readers have moved`,
  fix:
    readers.length === 0
      ? 'delete the connector from the Connect cluster, then apply'
      : `move or remove ${readers.join(', ')} first, or ${production ? 'acknowledge' : 'accept'} that they stop receiving events`,
});
