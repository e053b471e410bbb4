/**
 * A kafka-gitops desired-state file (devshawn/kafka-gitops, spec 1.0.3: docs/specification.md, services.md) → the
 * migration source: its topics, and the ACLs its service and user definitions generate, as kafka-gitops generates them
 * (checked against its own test suite's plans):
 *
 * - `application`: `produces` → Topic WRITE; `consumes` → Topic READ, and Group READ on `group-id` (default: the
 *   service name) when it consumes anything. These are topicform producers and consumer groups (`deadLetter: false`).
 * - `kafka-streams`: Topic WRITE / READ as an application, with `application-id` (default: the service name) as its
 *   group; plus PREFIXED Topic READ, WRITE, DESCRIBE, DELETE, CREATE, ALTER, ALTER_CONFIGS, DESCRIBE_CONFIGS on the
 *   application id (its internal topics), Group DESCRIBE and DELETE, Cluster DESCRIBE_CONFIGS: legacy ACLs.
 * - `kafka-connect`: READ + WRITE on its storage topics (`storage-topics`, default `connect-configs|offsets|status-
 *   <service>`) and Group READ on `group-id` (the worker group): legacy ACLs; the service's and each source
 *   connector's `produces` → producers; each sink connector's `consumes` → a consumer group `connect-<connector>`.
 * - `settings.services.acls.describeTopicEnabled`: Topic DESCRIBE next to every READ and WRITE (legacy ACLs; topicform
 *   derives them only with the environment's `acl.explicitDescribe`).
 * - `users` roles: writer (WRITE on every topic), reader (READ on every topic and group), operator (DESCRIBE on the
 *   cluster, every topic and group, DESCRIBE_CONFIGS on every topic, READ on every group): wildcard legacy ACLs.
 * - `customServiceAcls` / `customUserAcls`: legacy ACLs as written (principal inherited from the service or user).
 *
 * The file is read strictly, as kafka-gitops reads it: an unknown field, a topic without partitions or replication, a
 * value of the wrong type, a service without principal (outside Confluent Cloud) or an ACL field outside its
 * vocabulary refuses the migration. `settings.files` names the files the topics, services and users are in.
 */
import type { InputFile } from '../snapshot';
import { emptySource, providerEnum, type MigrationSource, type SourceBuilder as Builder } from './source';
import { Problems } from './strict';
import { readYaml, type YamlNode } from './yaml-source';
import type { AclBinding } from '../../model/topology';

/** Reads a file a state file names (settings.files), relative to it; a string is why it cannot be read. */
export type IncludeReader = (relativePath: string) => InputFile | string;

const ROOT_FIELDS = ['settings', 'topics', 'services', 'users', 'customServiceAcls', 'customUserAcls'] as const;
const SERVICE_TYPES = ['application', 'kafka-connect', 'kafka-streams'] as const;
const ROLES = ['writer', 'reader', 'operator'] as const;
/** kafka-gitops's ACL vocabularies (its validate output lists them). */
const ACL_PATTERNS = ['MATCH', 'LITERAL', 'PREFIXED'] as const;
const ACL_OPERATIONS = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
] as const;
const ACL_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN'] as const;
const ACL_PERMISSIONS = ['DENY', 'ALLOW'] as const;
/** The cluster resource's name in every Kafka ACL. */
const CLUSTER = 'kafka-cluster';

/** Operations kafka-gitops grants a Kafka Streams application on topics prefixed with its application id. */
const STREAMS_INTERNAL_TOPIC_OPERATIONS = ['READ', 'WRITE', 'DESCRIBE', 'DELETE', 'CREATE', 'ALTER', 'ALTER_CONFIGS', 'DESCRIBE_CONFIGS'] as const;

function acl(principal: string, operation: string, type: string, name: string, pattern = 'LITERAL', host = '*', permission = 'ALLOW'): AclBinding {
  return {
    principal,
    host,
    operation: providerEnum(operation) as AclBinding['operation'],
    permission: providerEnum(permission) as AclBinding['permission'],
    resourceType: providerEnum(type) as AclBinding['resourceType'],
    resourceName: name,
    patternType: providerEnum(pattern) as AclBinding['patternType'],
  };
}

export function readKafkaGitops(main: InputFile, include: IncludeReader): MigrationSource {
  const files = [main.file];
  const problems = new Problems();
  const source = readYaml(main);
  if (source.errors.length > 0) return { ...emptySource('kafka-gitops', files), errors: source.errors };
  const root = source.root;
  if (!root.isMap()) {
    return { ...emptySource('kafka-gitops', files), errors: [`${main.file}:1: a kafka-gitops state file is a YAML mapping with ${ROOT_FIELDS.join(', ')}`] };
  }
  problems.fields(root, ROOT_FIELDS, 'the state file');

  // settings
  const settings = root.get('settings');
  let ccloud = false;
  let defaultReplication: number | undefined;
  let describeTopics = false;
  const ignoredTopicPrefixes: string[] = [];
  const sections = new Map<string, YamlNode | undefined>(ROOT_FIELDS.map((f) => [f, root.get(f)]));
  if (settings !== undefined && problems.fields(settings, ['ccloud', 'topics', 'services', 'files'], 'settings')) {
    const cc = settings.get('ccloud');
    if (cc !== undefined && problems.fields(cc, ['enabled'], 'settings.ccloud')) ccloud = cc.get('enabled')?.value === true;
    const topics = settings.get('topics');
    if (topics !== undefined && problems.fields(topics, ['defaults', 'blacklist'], 'settings.topics')) {
      const defaults = topics.get('defaults');
      if (defaults !== undefined && problems.fields(defaults, ['replication'], 'settings.topics.defaults')) {
        const r = defaults.get('replication');
        defaultReplication = problems.positiveInt(r, 'the default replication factor');
      }
      const blacklist = topics.get('blacklist');
      if (blacklist !== undefined && problems.fields(blacklist, ['prefixed'], 'settings.topics.blacklist')) {
        ignoredTopicPrefixes.push(...problems.strings(blacklist.get('prefixed'), 'settings.topics.blacklist.prefixed').map((p) => p.value));
      }
    }
    const services = settings.get('services');
    if (services !== undefined && problems.fields(services, ['acls'], 'settings.services')) {
      const acls = services.get('acls');
      if (acls !== undefined && problems.fields(acls, ['describeTopicEnabled'], 'settings.services.acls')) {
        describeTopics = acls.get('describeTopicEnabled')?.value === true;
      }
    }
    const fileSettings = settings.get('files');
    if (fileSettings !== undefined && problems.fields(fileSettings, ['topics', 'services', 'users'], 'settings.files')) {
      for (const entry of fileSettings.entries()) {
        const section = String(entry.path[entry.path.length - 1]);
        const name = problems.text(entry, `settings.files.${section}`);
        if (name === undefined) continue;
        const included = include(name);
        if (typeof included === 'string') {
          problems.add(entry, `cannot read ${name}: ${included}`);
          continue;
        }
        files.push(included.file);
        const other = readYaml(included);
        if (other.errors.length > 0) {
          problems.list.push(...other.errors);
          continue;
        }
        if (!other.root.isMap() || other.root.get(section) === undefined) {
          problems.add(entry, `${name} has no top-level "${section}" mapping`);
          continue;
        }
        problems.fields(other.root, [section], name);
        sections.set(section, other.root.get(section));
      }
    }
  }
  const b: Builder = { topics: [], producers: [], consumers: [], acls: [], notes: [] };
  if (ccloud) {
    b.notes.push({
      element: 'settings.ccloud',
      at: settings?.get('ccloud')?.at ?? root.at,
      message:
        'Confluent Cloud: kafka-gitops looks principals up from service account names when it applies; a topicform grant needs the principal (User:sa-…), so services and users without one are not migrated, and Confluent Cloud RBAC is not governed by Kafka ACLs',
    });
  }

  readTopics(sections.get('topics'), defaultReplication, problems, b);
  const servicePrincipals = readServices(sections.get('services'), { ccloud, describeTopics }, problems, b);
  const userPrincipals = readUsers(sections.get('users'), ccloud, problems, b);
  readCustomAcls(sections.get('customServiceAcls'), 'service', servicePrincipals, problems, b);
  readCustomAcls(sections.get('customUserAcls'), 'user', userPrincipals, problems, b);

  return { tool: 'kafka-gitops', files, ...b, ignoredTopicPrefixes, errors: problems.list };
}

function readTopics(section: YamlNode | undefined, defaultReplication: number | undefined, problems: Problems, b: Builder): void {
  if (section === undefined || section.value === null) return;
  if (!section.isMap()) return problems.add(section, 'topics must be a mapping of topic names to definitions');
  for (const t of section.entries()) {
    const name = String(t.path[t.path.length - 1]);
    if (!problems.fields(t, ['partitions', 'replication', 'configs'], `topic ${name}`)) continue;
    const partitionsNode = t.get('partitions');
    const partitions = problems.positiveInt(partitionsNode, 'partitions');
    if (partitionsNode === undefined) problems.add(t, 'partitions is not set (every topic needs it)');
    const replicationNode = t.get('replication');
    const replication = problems.positiveInt(replicationNode, 'replication') ?? (replicationNode === undefined ? defaultReplication : undefined);
    if (replicationNode === undefined && defaultReplication === undefined) {
      problems.add(t, 'replication is not set, and settings.topics.defaults.replication gives no default');
    }
    const configs = problems.configs(t.get('configs'), 'configs');
    if (partitions === undefined || replication === undefined) continue;
    b.topics.push({ name, element: `topics.${name}`, at: t.at, partitions, replicationFactor: replication, configs });
  }
}

function readServices(
  section: YamlNode | undefined,
  options: { ccloud: boolean; describeTopics: boolean },
  problems: Problems,
  b: Builder,
): Map<string, string> {
  const principals = new Map<string, string>();
  if (section === undefined || section.value === null) return principals;
  if (!section.isMap()) {
    problems.add(section, 'services must be a mapping of service names to definitions');
    return principals;
  }
  for (const s of section.entries()) {
    const service = String(s.path[s.path.length - 1]);
    const type = problems.oneOf(s.get('type'), SERVICE_TYPES, 'type');
    if (s.get('type') === undefined) problems.add(s, `type is not set (one of ${SERVICE_TYPES.join(', ')})`);
    const allowed =
      type === 'kafka-connect'
        ? ['type', 'principal', 'group-id', 'storage-topics', 'connectors', 'produces']
        : type === 'kafka-streams'
          ? ['type', 'principal', 'application-id', 'produces', 'consumes']
          : ['type', 'principal', 'group-id', 'produces', 'consumes'];
    if (!problems.fields(s, allowed, `service ${service}`) || type === undefined) continue;
    const principal = problems.text(s.get('principal'), 'principal');
    const element = `services.${service} (${type})`;
    if (principal === undefined) {
      if (options.ccloud) b.notes.push({ element, at: s.at, message: 'no principal (Confluent Cloud): not migrated; give the service account as principal' });
      else problems.add(s, 'principal is not set');
      continue;
    }
    principals.set(service, principal);
    const describe = (topic: string, at: YamlNode): void => {
      if (options.describeTopics) {
        b.acls.push({
          element,
          at: at.at,
          binding: acl(principal, 'DESCRIBE', 'TOPIC', topic),
          why: 'kafka-gitops grants DESCRIBE next to READ and WRITE (describeTopicEnabled); Kafka implies it from READ and WRITE',
        });
      }
    };
    const produces = problems.strings(s.get('produces'), 'produces');
    for (const p of produces) {
      b.producers.push({ element, at: p.node.at, service, principal, topic: p.value });
      describe(p.value, p.node);
    }
    if (type === 'kafka-connect') {
      readConnect(s, service, principal, element, describe, problems, b);
      continue;
    }
    const consumes = problems.strings(s.get('consumes'), 'consumes');
    const groupId =
      problems.text(s.get(type === 'kafka-streams' ? 'application-id' : 'group-id'), type === 'kafka-streams' ? 'application-id' : 'group-id') ?? service;
    if (consumes.length > 0) b.consumers.push({ element, at: s.at, service, principal, groupId, topics: consumes.map((c) => c.value) });
    for (const c of consumes) describe(c.value, c.node);
    if (type === 'kafka-streams') {
      const why = "a Kafka Streams application's internal topics and group (topicform has no first-class Kafka Streams form yet)";
      for (const op of STREAMS_INTERNAL_TOPIC_OPERATIONS) b.acls.push({ element, at: s.at, binding: acl(principal, op, 'TOPIC', groupId, 'PREFIXED'), why });
      for (const op of [...(consumes.length === 0 ? ['READ'] : []), 'DESCRIBE', 'DELETE']) {
        b.acls.push({ element, at: s.at, binding: acl(principal, op, 'GROUP', groupId), why });
      }
      b.acls.push({ element, at: s.at, binding: acl(principal, 'DESCRIBE_CONFIGS', 'CLUSTER', CLUSTER), why });
    }
  }
  return principals;
}

function readConnect(
  s: YamlNode,
  service: string,
  principal: string,
  element: string,
  describe: (topic: string, at: YamlNode) => void,
  problems: Problems,
  b: Builder,
): void {
  const storage = s.get('storage-topics');
  const names = { config: `connect-configs-${service}`, offset: `connect-offsets-${service}`, status: `connect-status-${service}` };
  if (storage !== undefined && problems.fields(storage, ['config', 'offset', 'status'], 'storage-topics')) {
    for (const key of ['config', 'offset', 'status'] as const) names[key] = problems.text(storage.get(key), `storage-topics.${key}`) ?? names[key];
  }
  const why = "a Kafka Connect worker's storage topics and group (topicform has no first-class Kafka Connect form yet)";
  for (const op of ['READ', 'WRITE']) {
    for (const topic of [names.config, names.offset, names.status]) {
      b.acls.push({ element, at: (storage ?? s).at, binding: acl(principal, op, 'TOPIC', topic), why });
    }
  }
  const groupId = problems.text(s.get('group-id'), 'group-id') ?? service;
  b.acls.push({ element, at: s.at, binding: acl(principal, 'READ', 'GROUP', groupId), why });
  const connectors = s.get('connectors');
  if (connectors === undefined || connectors.value === null) return;
  if (!connectors.isMap()) return problems.add(connectors, 'connectors must be a mapping of connector names to definitions');
  for (const c of connectors.entries()) {
    const connector = String(c.path[c.path.length - 1]);
    if (!problems.fields(c, ['produces', 'consumes'], `connector ${connector}`)) continue;
    const connectorElement = `services.${service}.connectors.${connector}`;
    const connectorService = `${service}-${connector}`;
    for (const p of problems.strings(c.get('produces'), 'produces')) {
      b.producers.push({ element: connectorElement, at: p.node.at, service: connectorService, principal, topic: p.value });
      describe(p.value, p.node);
    }
    const consumes = problems.strings(c.get('consumes'), 'consumes');
    // A sink connector consumes with the group id `connect-<connector>` (Kafka Connect's default).
    if (consumes.length > 0) {
      b.consumers.push({
        element: connectorElement,
        at: c.at,
        service: connectorService,
        principal,
        groupId: `connect-${connector}`,
        topics: consumes.map((x) => x.value),
      });
    }
    for (const x of consumes) describe(x.value, x.node);
  }
}

function readUsers(section: YamlNode | undefined, ccloud: boolean, problems: Problems, b: Builder): Map<string, string> {
  const principals = new Map<string, string>();
  if (section === undefined || section.value === null) return principals;
  if (!section.isMap()) {
    problems.add(section, 'users must be a mapping of user names to definitions');
    return principals;
  }
  for (const u of section.entries()) {
    const user = String(u.path[u.path.length - 1]);
    if (!problems.fields(u, ['principal', 'roles'], `user ${user}`)) continue;
    const principal = problems.text(u.get('principal'), 'principal');
    const element = `users.${user}`;
    if (principal === undefined) {
      if (ccloud) b.notes.push({ element, at: u.at, message: 'no principal (Confluent Cloud): not migrated; give the service account as principal' });
      else problems.add(u, 'principal is not set');
      continue;
    }
    principals.set(user, principal);
    for (const r of problems.strings(u.get('roles'), 'roles')) {
      if (!(ROLES as readonly string[]).includes(r.value)) {
        problems.add(r.node, `role "${r.value}" is not one of ${ROLES.join(', ')}`);
        continue;
      }
      const why = `kafka-gitops role ${r.value} (topicform has no wildcard roles: replace it with declared grants)`;
      const grants: Array<[string, string, string]> =
        r.value === 'writer'
          ? [['WRITE', 'TOPIC', '*']]
          : r.value === 'reader'
            ? [
                ['READ', 'TOPIC', '*'],
                ['READ', 'GROUP', '*'],
              ]
            : [
                ['DESCRIBE', 'CLUSTER', CLUSTER],
                ['DESCRIBE', 'TOPIC', '*'],
                ['DESCRIBE_CONFIGS', 'TOPIC', '*'],
                ['READ', 'GROUP', '*'],
                ['DESCRIBE', 'GROUP', '*'],
              ];
      for (const [op, type, name] of grants) {
        b.acls.push({ element: `${element} role ${r.value}`, at: r.node.at, binding: acl(principal, op, type, name), why });
      }
    }
  }
  return principals;
}

function readCustomAcls(
  section: YamlNode | undefined,
  kind: 'service' | 'user',
  principals: ReadonlyMap<string, string>,
  problems: Problems,
  b: Builder,
): void {
  if (section === undefined || section.value === null) return;
  const sectionName = kind === 'service' ? 'customServiceAcls' : 'customUserAcls';
  if (!section.isMap()) return problems.add(section, `${sectionName} must be a mapping of ${kind} names to ACLs`);
  for (const owner of section.entries()) {
    const ownerName = String(owner.path[owner.path.length - 1]);
    if (!owner.isMap()) {
      problems.add(owner, `the custom ACLs of ${kind} ${ownerName} must be a mapping of ACL names to definitions`);
      continue;
    }
    for (const a of owner.entries()) {
      const aclName = String(a.path[a.path.length - 1]);
      const what = `the custom ACL definition for ${kind} '${ownerName}'`;
      if (!problems.fields(a, ['name', 'type', 'pattern', 'host', 'principal', 'operation', 'permission'], what)) continue;
      const type = problems.oneOf(a.get('type'), ACL_TYPES, `${what}: type`);
      const pattern = problems.oneOf(a.get('pattern'), ACL_PATTERNS, `${what}: pattern`);
      const operation = problems.oneOf(a.get('operation'), ACL_OPERATIONS, `${what}: operation`);
      const permission = problems.oneOf(a.get('permission'), ACL_PERMISSIONS, `${what}: permission`);
      const name = problems.text(a.get('name'), `${what}: name`);
      const host = problems.text(a.get('host'), `${what}: host`) ?? '*';
      const principal = problems.text(a.get('principal'), `${what}: principal`) ?? principals.get(ownerName);
      for (const field of ['name', 'type', 'pattern', 'operation', 'permission'] as const) {
        if (a.get(field) === undefined) problems.add(a, `${what}: ${field} is not set`);
      }
      if (principal === undefined) problems.add(a, `${what}: principal is not set, and ${kind} ${ownerName} defines none`);
      if (type === undefined || pattern === undefined || operation === undefined || permission === undefined || name === undefined || principal === undefined) {
        continue;
      }
      const element = `${sectionName}.${ownerName}.${aclName}`;
      if (pattern === 'MATCH') {
        b.notes.push({
          element,
          at: a.at,
          message: 'pattern MATCH is a filter, not a pattern an ACL can have (Kafka creates LITERAL or PREFIXED ACLs): not migrated',
        });
        continue;
      }
      b.acls.push({
        element,
        at: a.at,
        binding: acl(principal, operation, type, name, pattern, host, permission),
        why: `a custom ACL of kafka-gitops (${element})`,
      });
    }
  }
}
