/**
 * topicctl configs (segmentio/topicctl, pkg/config: TopicConfig, ACLConfig, ClusterConfig) → the migration source.
 * Each file may hold several `---`-separated documents; which kind a document is follows from its `spec`.
 *
 * - A topic (`spec.partitions`, `spec.replicationFactor`): its name is `meta.name`; `spec.retentionMinutes` is
 *   `retention.ms` (minutes × 60,000) and `spec.settings` the other configs (a list value is joined with commas, as
 *   topicctl writes it). `placement` (how replicas are spread over racks and brokers), `migrationThrottleMbs` and
 *   `partitionBatchSize` are how topicctl applies changes: topicform has no form for them, each is reported.
 * - An ACL config (`spec.acls`): each resource × operation is one Kafka ACL, kept as a legacy ACL (topicctl states raw
 *   ACLs, not roles).
 * - A cluster config (`spec.bootstrapAddrs`): connection settings, which topicform keeps in environments.ts.
 *
 * Read strictly, as topicctl reads it: unknown fields, a topic without partitions or replication factor, or a value
 * outside topicctl's vocabularies refuse the migration.
 */
import type { InputFile } from '../snapshot';
import { emptySource, providerEnum, type MigrationSource, type SourceAcl, type SourceNote, type SourceTopic } from './source';
import { Problems } from './strict';
import { readYamlDocuments, scalarString, type YamlNode } from './yaml-source';
import type { AclBinding } from '../../model/topology';

/** Milliseconds per minute: topicctl's retentionMinutes → retention.ms. */
const MS_PER_MINUTE = 60_000;
const META_FIELDS = ['name', 'cluster', 'environment', 'region', 'description', 'labels', 'consumers'] as const;
const TOPIC_SPEC_FIELDS = [
  'partitions',
  'replicationFactor',
  'retentionMinutes',
  'settings',
  'placement',
  'migrationThrottleMbs',
  'partitionBatchSize',
] as const;
const PLACEMENT_STRATEGIES = ['any', 'balanced-leaders', 'in-rack', 'cross-rack', 'static', 'static-in-rack'] as const;
const RESOURCE_TYPES = ['any', 'topic', 'group', 'cluster', 'transactionalid', 'delegationtoken'] as const;
const PATTERN_TYPES = ['any', 'match', 'literal', 'prefixed'] as const;
const PERMISSIONS = ['any', 'deny', 'allow'] as const;
const OPERATIONS = [
  'any',
  'all',
  'read',
  'write',
  'create',
  'delete',
  'alter',
  'describe',
  'clusteraction',
  'describeconfigs',
  'alterconfigs',
  'idempotentwrite',
] as const;
const PROVIDER_TYPES: Readonly<Record<string, string>> = {
  topic: 'Topic',
  group: 'Group',
  cluster: 'Cluster',
  transactionalid: 'TransactionalID',
  delegationtoken: 'DelegationToken',
};
const PROVIDER_OPERATIONS: Readonly<Record<string, string>> = {
  all: 'All',
  read: 'Read',
  write: 'Write',
  create: 'Create',
  delete: 'Delete',
  alter: 'Alter',
  describe: 'Describe',
  clusteraction: 'ClusterAction',
  describeconfigs: 'DescribeConfigs',
  alterconfigs: 'AlterConfigs',
  idempotentwrite: 'IdempotentWrite',
};

export function readTopicctl(inputs: readonly InputFile[]): MigrationSource {
  const topics: SourceTopic[] = [];
  const acls: SourceAcl[] = [];
  const notes: SourceNote[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    const docs = readYamlDocuments(input);
    if (docs.errors.length > 0) {
      errors.push(...docs.errors);
      continue;
    }
    if (docs.documents.length === 0) {
      notes.push({ element: input.file, at: { file: input.file, line: 1 }, message: 'no topicctl config in the file (only comments)' });
    }
    const problems = new Problems();
    for (const doc of docs.documents) readDocument(doc, problems, { topics, acls, notes });
    errors.push(...problems.list);
  }
  return {
    ...emptySource(
      'topicctl',
      inputs.map((i) => i.file),
    ),
    topics,
    acls,
    notes,
    errors,
  };
}

function readDocument(doc: YamlNode, problems: Problems, out: { topics: SourceTopic[]; acls: SourceAcl[]; notes: SourceNote[] }): void {
  if (!problems.fields(doc, ['meta', 'spec'], 'a topicctl config')) return;
  const meta = doc.get('meta');
  const spec = doc.get('spec');
  if (meta === undefined || spec === undefined || !spec.isMap()) return problems.add(doc, 'a topicctl config has meta and spec');
  problems.fields(meta, META_FIELDS, 'meta');
  const name = problems.text(meta.get('name'), 'meta.name');
  if (name === undefined) return problems.add(meta, 'meta.name is not set');
  if (spec.get('bootstrapAddrs') !== undefined || spec.get('zkAddrs') !== undefined) {
    out.notes.push({
      element: `cluster ${name}`,
      at: doc.at,
      message:
        'a cluster config (bootstrap addresses, ZooKeeper, TLS and SASL settings): topicform keeps connection settings in environments.ts and Terraform variables, not in declarations',
    });
    return;
  }
  if (spec.get('acls') !== undefined) return readAcls(name, spec, problems, out);
  readTopic(name, meta, spec, problems, out);
}

function readTopic(name: string, meta: YamlNode, spec: YamlNode, problems: Problems, out: { topics: SourceTopic[]; notes: SourceNote[] }): void {
  problems.fields(spec, TOPIC_SPEC_FIELDS, 'spec');
  const element = `topic ${name}`;
  const partitions = problems.positiveInt(spec.get('partitions'), 'spec.partitions');
  const replicationFactor = problems.positiveInt(spec.get('replicationFactor'), 'spec.replicationFactor');
  if (spec.get('partitions') === undefined) problems.add(spec, 'spec.partitions is not set');
  if (spec.get('replicationFactor') === undefined) problems.add(spec, 'spec.replicationFactor is not set');
  const configs: Record<string, string> = {};
  const settings = spec.get('settings');
  if (settings !== undefined && settings.value !== null) {
    if (!settings.isMap()) problems.add(settings, 'spec.settings must be a mapping of config keys to values');
    for (const entry of settings.entries()) {
      const key = String(entry.path[entry.path.length - 1]);
      const value = entry.isSeq()
        ? entry
            .items()
            .map((i) => scalarString(i) ?? '')
            .join(',')
        : scalarString(entry);
      if (value === undefined) problems.add(entry, `the value of ${key} must be a string, number, boolean or list`);
      else configs[key] = value;
    }
  }
  const retention = spec.get('retentionMinutes');
  if (retention !== undefined) {
    const minutes = problems.positiveInt(retention, 'spec.retentionMinutes');
    if (minutes !== undefined) {
      if (configs['retention.ms'] !== undefined) problems.add(retention, 'retentionMinutes and settings.retention.ms are both set');
      configs['retention.ms'] = String(minutes * MS_PER_MINUTE);
    }
  }
  const placement = spec.get('placement');
  if (placement !== undefined) {
    const strategy = placement.isMap() ? problems.oneOf(placement.get('strategy'), PLACEMENT_STRATEGIES, 'spec.placement.strategy') : undefined;
    if (strategy !== undefined) {
      out.notes.push({
        element: `${element} placement`,
        at: placement.at,
        message: `placement strategy ${strategy}: how replicas are spread over racks and brokers is the broker's (and Cruise Control's) business in topicform; the Mongey provider cannot set replica assignments`,
      });
    }
  }
  for (const key of ['migrationThrottleMbs', 'partitionBatchSize'] as const) {
    const node = spec.get(key);
    if (node !== undefined) {
      out.notes.push({
        element: `${element} ${key}`,
        at: node.at,
        message: `${key}: how topicctl applies a reassignment; terraform and the provider have no such setting`,
      });
    }
  }
  for (const key of ['consumers', 'labels'] as const) {
    const node = meta.get(key);
    if (node !== undefined) {
      out.notes.push({
        element: `${element} meta.${key}`,
        at: node.at,
        message:
          key === 'consumers'
            ? "consumer group names for topicctl's views: declare each group with its principal instead"
            : 'labels: no topicform form (owner and description live on the domain)',
      });
    }
  }
  if (partitions === undefined || replicationFactor === undefined) return;
  out.topics.push({ name, element, at: meta.at, partitions, replicationFactor, configs });
}

function readAcls(name: string, spec: YamlNode, problems: Problems, out: { acls: SourceAcl[]; notes: SourceNote[] }): void {
  problems.fields(spec, ['acls'], 'spec');
  const list = spec.get('acls');
  if (list === undefined || !list.isSeq()) return problems.add(spec, 'spec.acls must be a list');
  for (const [i, entry] of list.items().entries()) {
    const element = `acl ${name} spec.acls[${i}]`;
    if (!problems.fields(entry, ['resource', 'operations'], 'an ACL')) continue;
    const r = entry.get('resource');
    if (r === undefined || !problems.fields(r, ['type', 'name', 'patternType', 'principal', 'host', 'permission'], 'resource')) {
      problems.add(entry, 'resource is not set');
      continue;
    }
    const type = problems.oneOf(lower(r.get('type')), RESOURCE_TYPES, 'resource.type');
    const pattern = problems.oneOf(lower(r.get('patternType')), PATTERN_TYPES, 'resource.patternType');
    const permission = problems.oneOf(lower(r.get('permission')), PERMISSIONS, 'resource.permission');
    const resourceName = problems.text(r.get('name'), 'resource.name');
    const principal = scalarString(r.get('principal'));
    const host = scalarString(r.get('host')) ?? '*';
    const operations = problems.strings(entry.get('operations'), 'operations').flatMap((o) => {
      const op = o.value.toLowerCase();
      if (!(OPERATIONS as readonly string[]).includes(op)) {
        problems.add(o.node, `operation "${o.value}" is not one of ${OPERATIONS.join(', ')}`);
        return [];
      }
      return [op];
    });
    if (type === undefined || pattern === undefined || resourceName === undefined) continue;
    if (principal === undefined || permission === undefined) {
      out.notes.push({ element, at: entry.at, message: `${principal === undefined ? 'no principal' : 'no permission'}: an ACL needs both, not migrated` });
      continue;
    }
    if (type === 'any' || pattern === 'any' || pattern === 'match' || permission === 'any') {
      out.notes.push({ element, at: entry.at, message: '"any" and "match" are filters, not values an ACL can have: not migrated' });
      continue;
    }
    for (const op of operations) {
      if (op === 'any') {
        out.notes.push({ element, at: entry.at, message: 'operation "any" is a filter: not migrated' });
        continue;
      }
      const binding: AclBinding = {
        principal,
        host,
        operation: (PROVIDER_OPERATIONS[op] ?? providerEnum(op)) as AclBinding['operation'],
        permission: permission === 'allow' ? 'Allow' : 'Deny',
        resourceType: (PROVIDER_TYPES[type] ?? providerEnum(type)) as AclBinding['resourceType'],
        resourceName,
        patternType: pattern === 'literal' ? 'Literal' : 'Prefixed',
      };
      out.acls.push({ element, at: entry.at, binding, why: `an ACL of topicctl config ${name}` });
    }
  }
}

/** topicctl's vocabularies are case-insensitive. */
function lower(node: YamlNode | undefined): YamlNode | undefined {
  if (node === undefined) return undefined;
  const s = scalarString(node);
  return s === undefined ? node : { ...node, value: s.toLowerCase(), isScalar: () => true };
}
