/** Small builders for cluster snapshots in planning tests. */
import type { ClusterSnapshot, SnapshotAcl, SnapshotTopic } from '../../../importer/snapshot';
import { aclId } from '../../../model/acl';
import type { AclBinding } from '../../../model/topology';

export function topic(
  name: string,
  partitions: number,
  replicationFactor: number,
  overrides: Record<string, string> = {},
  extra: Partial<SnapshotTopic> = {},
): SnapshotTopic {
  return {
    name,
    partitions,
    replicationFactor,
    overrides,
    revertTo: {},
    brokerValues: {},
    configSource: 'kafka-configs',
    mayBeBrokerLevel: [],
    hiddenKeys: [],
    origin: { file: 'test', line: 1 },
    ...extra,
  };
}

export function acl(
  principal: string,
  operation: AclBinding['operation'],
  resourceType: AclBinding['resourceType'],
  resourceName: string,
  extra: Partial<AclBinding> = {},
): SnapshotAcl {
  const binding: AclBinding = { principal, host: '*', operation, permission: 'Allow', resourceType, resourceName, patternType: 'Literal', ...extra };
  return { ...binding, id: aclId(binding), origin: { file: 'test', line: 1 } };
}

export function snapshot(topics: readonly SnapshotTopic[], acls: readonly SnapshotAcl[] = []): ClusterSnapshot {
  return { topics, acls, findings: [], unusableInputs: [] };
}

/** What a consumer group's principal holds on the cluster: Group READ, Topic READ, and READ + WRITE on its companions. */
export function consumerAcls(principal: string, groupId: string, topicName: string, companions: readonly string[] = []): SnapshotAcl[] {
  return [
    acl(principal, 'Read', 'Group', groupId),
    acl(principal, 'Read', 'Topic', topicName),
    ...companions.flatMap((c) => [acl(principal, 'Read', 'Topic', c), acl(principal, 'Write', 'Topic', c)]),
  ];
}

/** The configs topicform derives for a DLQ / retry tier (what a cluster topicform created would have). */
export const dlqConfig = (minIsr = '1'): Record<string, string> => ({
  'cleanup.policy': 'delete',
  'min.insync.replicas': minIsr,
  'retention.ms': '2419200000',
});
export const retryConfig = (delayMs: number, minIsr = '1'): Record<string, string> => ({
  'cleanup.policy': 'delete',
  'min.insync.replicas': minIsr,
  'retention.ms': String(delayMs + 7 * 86_400_000),
});
