// The double's cluster file from what the Kafka tools printed: a test can seed the cluster with exactly what a
// `kafka-topics --describe`, `kcat -L -J`, `kafka-configs --describe` or `kafka-acls --list` output shows, and then
// check that adopting it changes nothing.
//
// This is read straight from the parsers (importer/parse/), not from the importer's merged snapshot, so a test that
// seeds from here and imports the same files checks the importer's merging, planning and synthesis against an
// independent reading of the output. The rules are the tools' own:
// - a topic's partitions and replication factor are its kafka-topics header (Kafka computes the header's replication
//   factor as replicas minus adding replicas during a reassignment; without a header the partition lines say it), or
//   kcat's partition list when kafka-topics does not describe the topic;
// - its config is what the output shows: the `Configs:` column of kafka-topics, replaced by the topic overrides
//   (DYNAMIC_TOPIC_CONFIG entries) when kafka-configs describes the topic — the values the provider reads back;
// - every ACL listed (removal prompts excluded, as the parser excludes them), in the provider's spelling.
import { parseAclsList } from '../../importer/parse/acls-list';
import { parseConfigsDescribe } from '../../importer/parse/configs-describe';
import { parseKcat } from '../../importer/parse/kcat';
import { parseTopicsDescribe } from '../../importer/parse/topics-describe';
import type { ClusterAcl, ClusterSeed, ClusterTopic } from '../../scripts/terraform/cluster-file';

/** Tool outputs, as text; each kind may come from several files (later files win for the same topic). */
export interface ToolOutputs {
  readonly topicsDescribe?: readonly string[];
  readonly kcat?: readonly string[];
  readonly configs?: readonly string[];
  readonly acls?: readonly string[];
}

/** `TRANSACTIONAL_ID` → `TransactionalID`, `IDEMPOTENT_WRITE` → `IdempotentWrite`: Kafka's enum in the provider's spelling. */
export function providerSpelling(kafkaEnum: string): string {
  const pascal = kafkaEnum
    .toLowerCase()
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return pascal === 'TransactionalId' ? 'TransactionalID' : pascal;
}

/** The resource types the provider's kafka_acl accepts; an ACL on another type (e.g. USER) cannot be seeded. */
const PROVIDER_RESOURCE_TYPES = new Set(['Topic', 'Group', 'Cluster', 'TransactionalID', 'DelegationToken']);

export function clusterSeedFromToolOutput(outputs: ToolOutputs): ClusterSeed {
  const topics: Record<string, ClusterTopic> = {};
  const described = new Set<string>();
  for (const text of outputs.topicsDescribe ?? []) {
    for (const t of parseTopicsDescribe(text).topics) {
      if (t.markedForDeletion) continue;
      const first = t.partitions[0];
      const partitions = t.partitionCount ?? t.partitions.length;
      const replicationFactor = t.replicationFactor ?? (first === undefined ? 0 : first.replicas.length - first.addingReplicas.length);
      if (partitions < 1 || replicationFactor < 1) continue;
      topics[t.name] = { partitions, replication_factor: replicationFactor, config: Object.fromEntries(t.configs.map((c) => [c.key, c.value])) };
      described.add(t.name);
    }
  }
  for (const text of outputs.kcat ?? []) {
    for (const t of parseKcat(text).topics) {
      if (described.has(t.name) || t.error !== undefined || t.partitions.length === 0) continue;
      const replicationFactor = Math.max(...t.partitions.map((p) => p.replicas.length));
      if (replicationFactor < 1) continue;
      topics[t.name] = { partitions: t.partitions.length, replication_factor: replicationFactor, config: {} };
    }
  }
  for (const text of outputs.configs ?? []) {
    for (const c of parseConfigsDescribe(text).topics) {
      const topic = topics[c.topic];
      if (topic === undefined) continue;
      const overrides = c.entries.filter(
        (e) => e.value !== null && (c.mode === 'zookeeper' || e.source === 'DYNAMIC_TOPIC_CONFIG' || (c.mode === 'dynamic' && e.source === undefined)),
      );
      topic.config = Object.fromEntries(overrides.map((e) => [e.key, e.value as string]));
    }
  }
  const acls = new Map<string, ClusterAcl>();
  for (const text of outputs.acls ?? []) {
    for (const a of parseAclsList(text).acls) {
      const acl: ClusterAcl = {
        acl_principal: a.principal,
        acl_host: a.host,
        acl_operation: providerSpelling(a.operation),
        acl_permission_type: providerSpelling(a.permissionType),
        resource_type: providerSpelling(a.resourceType),
        resource_name: a.resourceName,
        resource_pattern_type_filter: providerSpelling(a.patternType),
      };
      if (!PROVIDER_RESOURCE_TYPES.has(acl.resource_type)) continue;
      acls.set(Object.values(acl).join('|'), acl);
    }
  }
  return { topics, acls: [...acls.values()] };
}
