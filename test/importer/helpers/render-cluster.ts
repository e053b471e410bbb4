/**
 * Test helpers that play the cluster: they turn synthesized Terraform JSON (what topicform would create) into the text
 * the Kafka tools print for it — `kafka-topics --describe`, `kafka-configs --describe`, `kafka-acls --list`, `kcat -L -J`
 * — and into a seed for the provider double's cluster file.
 */
import type { ClusterAcl, ClusterSeed } from '../../../scripts/terraform/cluster-file';

export interface TopicResource {
  readonly name: string;
  readonly partitions: number;
  readonly replication_factor: number;
  readonly config?: Readonly<Record<string, string>>;
}

export interface AclResource {
  readonly acl_principal: string;
  readonly acl_host: string;
  readonly acl_operation: string;
  readonly acl_permission_type: string;
  readonly resource_type: string;
  readonly resource_name: string;
  readonly resource_pattern_type_filter?: string;
}

export interface StackResources {
  readonly resource?: { readonly kafka_topic?: Readonly<Record<string, TopicResource>>; readonly kafka_acl?: Readonly<Record<string, AclResource>> };
}

const byName = <T extends { readonly name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function topicsOf(stack: StackResources): TopicResource[] {
  return Object.values(stack.resource?.kafka_topic ?? {}).sort(byName);
}

export function aclsOf(stack: StackResources): AclResource[] {
  return Object.values(stack.resource?.kafka_acl ?? {});
}

const replicas = (partition: number, rf: number): string => Array.from({ length: rf }, (_, i) => ((partition + i) % Math.max(rf, 3)) + 1).join(',');

/** `kafka-topics.sh --describe` as Kafka 3.9 prints it: tabs, TopicId, Elr columns, trailing space after an empty Configs. */
export function renderTopicsDescribe(topics: readonly TopicResource[], options: { readonly extraConfigs?: Readonly<Record<string, string>> } = {}): string {
  const lines: string[] = [];
  topics.forEach((t, i) => {
    const configs = Object.entries({ ...(t.config ?? {}), ...(options.extraConfigs ?? {}) })
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    lines.push(
      `Topic: ${t.name}\tTopicId: AAAAAAAAAAAAAAAAAAAA${String(i).padStart(2, '0')}\tPartitionCount: ${t.partitions}\tReplicationFactor: ${t.replication_factor}\tConfigs: ${configs}`,
    );
    for (let p = 0; p < t.partitions; p++) {
      const r = replicas(p, t.replication_factor);
      lines.push(`\tTopic: ${t.name}\tPartition: ${p}\tLeader: ${r.split(',')[0] ?? ''}\tReplicas: ${r}\tIsr: ${r}\tElr: \tLastKnownElr: `);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** `kafka-configs.sh --describe --entity-type topics` (overrides only), as Kafka 3.x prints it. */
export function renderConfigsDescribe(topics: readonly TopicResource[]): string {
  const lines: string[] = [];
  for (const t of topics) {
    lines.push(`Dynamic configs for topic ${t.name} are:`);
    for (const [k, v] of Object.entries(t.config ?? {})) lines.push(`  ${k}=${v} sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:${k}=${v}}`);
  }
  return `${lines.join('\n')}\n`;
}

const KAFKA_ENUM = (provider: string): string => provider.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** `kafka-acls.sh --list` as Kafka 3.x prints it (AclCommand: header ends ": ", first entry " \t", the rest "\t"). */
export function renderAclsList(acls: readonly AclResource[]): string {
  const byResource = new Map<string, AclResource[]>();
  for (const a of acls) {
    const key = `ResourcePattern(resourceType=${KAFKA_ENUM(a.resource_type)}, name=${a.resource_name}, patternType=${KAFKA_ENUM(a.resource_pattern_type_filter ?? 'Literal')})`;
    byResource.set(key, [...(byResource.get(key) ?? []), a]);
  }
  const blocks = [...byResource.entries()].map(([resource, list]) => {
    const entries = list.map(
      (a, i) =>
        `${i === 0 ? ' ' : ''}\t(principal=${a.acl_principal}, host=${a.acl_host}, operation=${KAFKA_ENUM(a.acl_operation)}, permissionType=${KAFKA_ENUM(a.acl_permission_type)})`,
    );
    return `Current ACLs for resource \`${resource}\`: \n${entries.join('\n')} \n`;
  });
  return blocks.join('\n');
}

/** `kcat -L -J` (raw, one line), as kcat 1.7 prints it. */
export function renderKcat(topics: readonly TopicResource[]): string {
  const doc = {
    originating_broker: { id: 1, name: 'broker-1:9092/1' },
    query: { topic: '*' },
    controllerid: 1,
    brokers: [1, 2, 3].map((id) => ({ id, name: `broker-${id}:9092` })),
    topics: topics.map((t) => ({
      topic: t.name,
      partitions: Array.from({ length: t.partitions }, (_, p) => {
        const ids = replicas(p, t.replication_factor)
          .split(',')
          .map((id) => ({ id: Number(id) }));
        return { partition: p, leader: ids[0]?.id ?? 1, replicas: ids, isrs: ids };
      }),
    })),
  };
  return JSON.stringify(doc);
}

/** The provider double's cluster file for these resources: topics with their overrides, ACLs with all seven fields. */
export function clusterSeed(topics: readonly TopicResource[], acls: readonly AclResource[]): ClusterSeed {
  return {
    topics: Object.fromEntries(
      topics.map((t) => [t.name, { partitions: t.partitions, replication_factor: t.replication_factor, config: { ...(t.config ?? {}) } }]),
    ),
    acls: acls.map((a): ClusterAcl => ({
      acl_principal: a.acl_principal,
      acl_host: a.acl_host,
      acl_operation: a.acl_operation,
      acl_permission_type: a.acl_permission_type,
      resource_type: a.resource_type,
      resource_name: a.resource_name,
      resource_pattern_type_filter: a.resource_pattern_type_filter ?? 'Literal',
    })),
  };
}
