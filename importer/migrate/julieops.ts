/**
 * A JulieOps topology descriptor (kafka-ops/julie, docs/topologies/descriptor.schema.json; YAML or JSON) → the
 * migration source, with JulieOps's default naming and ACLs (AclsBindingsBuilder, without optimised ACLs):
 *
 * - A topic's name is `<context>.<attributes…>.<project>.<topic>[.<dataType>]`: the top-level attributes between
 *   `context` and `projects` in file order (the default `topology.topic.prefix.format`). `config` holds
 *   `num.partitions`, `replication.factor` and the topic configs.
 * - Project `consumers` (and a topic's own) get Topic DESCRIBE + READ on each topic and Group READ on `group`
 *   (default `*`): with a concrete group that is a topicform consumer group (`deadLetter: false`) plus the DESCRIBE
 *   ACLs as legacy ones; with `*` (every group) all of them stay legacy ACLs.
 * - Project `producers` (and a topic's own) get Topic DESCRIBE + WRITE: a topicform producer plus the DESCRIBE as a
 *   legacy ACL; `transactionId` (TransactionalID DESCRIBE + WRITE) and `idempotence` (Cluster IDEMPOTENT_WRITE) stay
 *   legacy ACLs.
 * - `streams` (READ / WRITE on its topics, ALL on topics and READ on groups prefixed with the application id or the
 *   project prefix, TransactionalID on it with `exactlyOnce`) and `connectors` (READ + WRITE on the storage topics,
 *   READ on the group, READ / WRITE on its topics, Cluster CREATE) become legacy ACLs.
 * - RBAC bindings, schemas, KSQL artefacts and access, connector artefacts, platform instances, topic `plan`s and
 *   `metadata` have no topicform form: each is reported with its line and left out.
 */
import type { InputFile } from '../snapshot';
import { emptySource, providerEnum, type MigrationSource, type SourceBuilder as Builder } from './source';
import { Problems } from './strict';
import { readYaml, scalarString, type YamlNode } from './yaml-source';
import type { AclBinding } from '../../model/topology';

const CLUSTER = 'kafka-cluster';
/** JulieOps's defaults for a connector's storage topics and group (Connector.*String()). */
const CONNECT_DEFAULTS = {
  status_topic: 'connect-status',
  offset_topic: 'connect-offsets',
  configs_topic: 'connect-configs',
  group: 'connect-cluster',
} as const;
const NOT_EXPRESSIBLE: Readonly<Record<string, string>> = {
  rbac: 'Confluent RBAC role bindings are not Kafka ACLs (topicform emits Kafka ACLs only)',
  schemas: 'Schema Registry subjects and their permissions: declare the contract on the topic (`contract`) instead',
  ksql: 'KSQL artefacts and access: no topicform form',
  platform: 'platform component instances (Schema Registry, Control Center, ksqlDB): their ACLs are not migrated',
};

function acl(principal: string, operation: string, type: string, name: string, patternType = 'LITERAL'): AclBinding {
  return {
    principal,
    host: '*',
    operation: providerEnum(operation) as AclBinding['operation'],
    permission: 'Allow',
    resourceType: providerEnum(type) as AclBinding['resourceType'],
    resourceName: name,
    patternType: providerEnum(patternType) as AclBinding['patternType'],
  };
}

/** JulieOps's resource-pattern rule for groups and transactional ids: `x*` is PREFIXED `x`, `*` and others LITERAL. */
function pattern(name: string): { name: string; pattern: string } {
  return name !== '*' && name.endsWith('*') ? { name: name.slice(0, -1), pattern: 'PREFIXED' } : { name, pattern: 'LITERAL' };
}

export function readJulieOps(inputs: readonly InputFile[]): MigrationSource {
  const b: Builder = { topics: [], producers: [], consumers: [], acls: [], notes: [] };
  const errors: string[] = [];
  for (const input of inputs) {
    const source = readYaml(input);
    if (source.errors.length > 0) {
      errors.push(...source.errors);
      continue;
    }
    const problems = new Problems();
    readDescriptor(source.root, problems, b);
    errors.push(...problems.list);
  }
  return {
    ...emptySource(
      'julieops',
      inputs.map((i) => i.file),
    ),
    ...b,
    errors,
  };
}

function readDescriptor(root: YamlNode, problems: Problems, b: Builder): void {
  if (!root.isMap()) return problems.add(root, 'a JulieOps descriptor is a mapping with context and projects');
  const context = problems.text(root.get('context'), 'context');
  if (root.get('context') === undefined) problems.add(root, 'context is not set');
  const projects = root.get('projects');
  if (projects === undefined || !projects.isSeq()) return problems.add(root, 'projects is not a list');
  if (context === undefined) return;
  const attributes: string[] = [];
  for (const entry of root.entries()) {
    const key = String(entry.path[0]);
    if (key === 'context' || key === 'projects') continue;
    if (NOT_EXPRESSIBLE[key] !== undefined) b.notes.push({ element: key, at: entry.at, message: NOT_EXPRESSIBLE[key] ?? '' });
    else {
      const value = scalarString(entry);
      if (value === undefined) b.notes.push({ element: key, at: entry.at, message: 'not a naming attribute (not a string): not read' });
      else attributes.push(value);
    }
  }
  for (const project of projects.items()) readProject(project, [context, ...attributes], problems, b);
}

function readProject(project: YamlNode, prefix: readonly string[], problems: Problems, b: Builder): void {
  const name = problems.text(project.get('name'), 'name');
  if (name === undefined) return problems.add(project, 'the project has no name');
  const projectPrefix = [...prefix, name].join('.');
  const element = `projects[${String(project.path[1])}] ${name}`;
  for (const entry of project.entries()) {
    const key = String(entry.path[entry.path.length - 1]);
    if (NOT_EXPRESSIBLE[key] !== undefined) b.notes.push({ element: `${element}.${key}`, at: entry.at, message: NOT_EXPRESSIBLE[key] ?? '' });
    else if (!['name', 'topics', 'consumers', 'producers', 'streams', 'connectors'].includes(key)) {
      b.notes.push({ element: `${element}.${key}`, at: entry.at, message: 'not a JulieOps project field topicform reads: not migrated' });
    }
  }
  const consumers = (project.get('consumers')?.items() ?? []).map((c) => ({
    node: c,
    principal: problems.text(c.get('principal'), 'principal'),
    group: scalarString(c.get('group')) ?? '*',
  }));
  const producers = (project.get('producers')?.items() ?? []).map((p) => ({
    node: p,
    principal: problems.text(p.get('principal'), 'principal'),
    transactionId: scalarString(p.get('transactionId')),
    idempotence: p.get('idempotence')?.value === true,
  }));
  const topicNames: string[] = [];
  for (const t of project.get('topics')?.items() ?? []) {
    const topic = readTopic(t, projectPrefix, element, problems, b);
    if (topic === undefined) continue;
    topicNames.push(topic);
    const own = (key: 'consumers' | 'producers'): YamlNode[] => t.get(key)?.items() ?? [];
    for (const c of own('consumers')) {
      addConsumer(c, problems.text(c.get('principal'), 'principal'), scalarString(c.get('group')) ?? '*', [topic], `${element} topic ${topic} consumer`, b);
    }
    for (const p of own('producers')) {
      addProducer(p, problems.text(p.get('principal'), 'principal'), undefined, false, [topic], `${element} topic ${topic} producer`, b);
    }
  }
  consumers.forEach((c, i) => addConsumer(c.node, c.principal, c.group, topicNames, `${element}.consumers[${i}]`, b));
  producers.forEach((p, i) => addProducer(p.node, p.principal, p.transactionId, p.idempotence, topicNames, `${element}.producers[${i}]`, b));
  for (const [i, s] of (project.get('streams')?.items() ?? []).entries()) readStreams(s, projectPrefix, `${element}.streams[${i}]`, problems, b);
  const connectors = project.get('connectors');
  const connectorList = connectors?.isSeq() ? connectors.items() : (connectors?.get('access_control')?.items() ?? []);
  if (connectors?.isMap() && connectors.get('artefacts') !== undefined) {
    b.notes.push({
      element: `${element}.connectors.artefacts`,
      at: connectors.get('artefacts')?.at ?? connectors.at,
      message: 'connector artefacts (configs deployed to Connect): no topicform form',
    });
  }
  for (const [i, c] of connectorList.entries()) readConnector(c, `${element}.connectors[${i}]`, problems, b);
}

function readTopic(t: YamlNode, projectPrefix: string, element: string, problems: Problems, b: Builder): string | undefined {
  const short = problems.text(t.get('name'), 'name');
  if (short === undefined) {
    problems.add(t, 'the topic has no name');
    return undefined;
  }
  const dataType = scalarString(t.get('dataType'));
  const name = [projectPrefix, short, ...(dataType === undefined ? [] : [dataType])].join('.');
  const config = problems.configs(t.get('config'), 'config');
  const { 'num.partitions': partitions, 'replication.factor': replication, ...configs } = config;
  const at = t.at;
  const topicElement = `${element} topic ${short}`;
  const plan = scalarString(t.get('plan'));
  if (plan !== undefined) {
    b.notes.push({
      element: topicElement,
      at: t.get('plan')?.at ?? at,
      message: `plan "${plan}" sets configs in a plans file JulieOps reads separately: not read, so they are missing from the declaration`,
    });
  }
  for (const key of ['schemas', 'metadata'] as const) {
    const node = t.get(key);
    if (node !== undefined) {
      b.notes.push({
        element: `${topicElement}.${key}`,
        at: node.at,
        message: key === 'schemas' ? (NOT_EXPRESSIBLE.schemas ?? '') : 'metadata: no topicform form (owner and description live on the domain)',
      });
    }
  }
  const count = (v: string | undefined, what: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) {
      problems.add(t, `${what} must be a positive whole number, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return n;
  };
  const p = count(partitions, 'config.num.partitions');
  const r = count(replication, 'config.replication.factor');
  b.topics.push({
    name,
    element: topicElement,
    at,
    ...(p === undefined ? {} : { partitions: p }),
    ...(r === undefined ? {} : { replicationFactor: r }),
    configs,
  });
  return name;
}

function addConsumer(node: YamlNode, principal: string | undefined, group: string, topics: readonly string[], element: string, b: Builder): void {
  if (principal === undefined || topics.length === 0) return;
  const why = 'JulieOps grants DESCRIBE next to READ; Kafka implies it from READ';
  for (const t of topics) b.acls.push({ element, at: node.at, binding: acl(principal, 'DESCRIBE', 'TOPIC', t), why });
  const g = pattern(group);
  if (g.pattern === 'LITERAL' && g.name !== '*') {
    b.consumers.push({ element, at: node.at, service: group, principal, groupId: g.name, topics });
    return;
  }
  const wildcard = `every group${g.name === '*' ? '' : ` starting with "${g.name}"`} (JulieOps consumer without a concrete group): a topicform consumer group needs its group id`;
  for (const t of topics) b.acls.push({ element, at: node.at, binding: acl(principal, 'READ', 'TOPIC', t), why: wildcard });
  b.acls.push({ element, at: node.at, binding: acl(principal, 'READ', 'GROUP', g.name, g.pattern), why: wildcard });
}

function addProducer(
  node: YamlNode,
  principal: string | undefined,
  transactionId: string | undefined,
  idempotence: boolean,
  topics: readonly string[],
  element: string,
  b: Builder,
): void {
  if (principal === undefined) return;
  const service = principal.slice(principal.indexOf(':') + 1);
  for (const t of topics) {
    b.producers.push({ element, at: node.at, service, principal, topic: t });
    b.acls.push({
      element,
      at: node.at,
      binding: acl(principal, 'DESCRIBE', 'TOPIC', t),
      why: 'JulieOps grants DESCRIBE next to WRITE; Kafka implies it from WRITE',
    });
  }
  if (transactionId !== undefined) {
    const tx = pattern(transactionId);
    for (const op of ['DESCRIBE', 'WRITE']) {
      b.acls.push({
        element,
        at: node.at,
        binding: acl(principal, op, 'TRANSACTIONAL_ID', tx.name, tx.pattern),
        why: 'JulieOps transactional id (topicform derives one Prefixed WRITE from transactionalIdPrefix)',
      });
    }
  }
  if (transactionId !== undefined || idempotence) {
    b.acls.push({
      element,
      at: node.at,
      binding: acl(principal, 'IDEMPOTENT_WRITE', 'CLUSTER', CLUSTER),
      why: "idempotent writes on brokers older than 2.8 (the environment's acl.legacyIdempotentWrite derives it)",
    });
  }
}

function readStreams(s: YamlNode, projectPrefix: string, element: string, problems: Problems, b: Builder): void {
  const principal = problems.text(s.get('principal'), 'principal');
  if (principal === undefined) return;
  const prefix = scalarString(s.get('applicationId')) ?? projectPrefix;
  const why = 'a Kafka Streams application (topicform has no first-class Kafka Streams form yet)';
  const topics = s.get('topics');
  for (const r of problems.strings(topics?.get('read'), 'topics.read')) {
    b.acls.push({ element, at: r.node.at, binding: acl(principal, 'READ', 'TOPIC', r.value), why });
  }
  for (const w of problems.strings(topics?.get('write'), 'topics.write')) {
    b.acls.push({ element, at: w.node.at, binding: acl(principal, 'WRITE', 'TOPIC', w.value), why });
  }
  b.acls.push({ element, at: s.at, binding: acl(principal, 'ALL', 'TOPIC', prefix, 'PREFIXED'), why });
  b.acls.push({ element, at: s.at, binding: acl(principal, 'READ', 'GROUP', prefix, 'PREFIXED'), why });
  if (s.get('exactlyOnce')?.value === true) {
    for (const op of ['WRITE', 'DESCRIBE']) b.acls.push({ element, at: s.at, binding: acl(principal, op, 'TRANSACTIONAL_ID', prefix, 'PREFIXED'), why });
  }
}

function readConnector(c: YamlNode, element: string, problems: Problems, b: Builder): void {
  const principal = problems.text(c.get('principal'), 'principal');
  if (principal === undefined) return;
  const why = 'a Kafka Connect worker (topicform has no first-class Kafka Connect form yet)';
  const value = (key: keyof typeof CONNECT_DEFAULTS): string => scalarString(c.get(key)) ?? CONNECT_DEFAULTS[key];
  for (const topic of [value('status_topic'), value('offset_topic'), value('configs_topic')]) {
    for (const op of ['READ', 'WRITE']) b.acls.push({ element, at: c.at, binding: acl(principal, op, 'TOPIC', topic), why });
  }
  // JulieOps's default topology.connector.allow.topic.create lets a connector create topics.
  b.acls.push({
    element,
    at: c.at,
    binding: acl(principal, 'CREATE', 'CLUSTER', CLUSTER),
    why: `${why}; JulieOps's default topology.connector.allow.topic.create`,
  });
  b.acls.push({ element, at: c.at, binding: acl(principal, 'READ', 'GROUP', value('group')), why });
  const topics = c.get('topics');
  for (const r of problems.strings(topics?.get('read'), 'topics.read')) {
    b.acls.push({ element, at: r.node.at, binding: acl(principal, 'READ', 'TOPIC', r.value), why });
  }
  for (const w of problems.strings(topics?.get('write'), 'topics.write')) {
    b.acls.push({ element, at: w.node.at, binding: acl(principal, 'WRITE', 'TOPIC', w.value), why });
  }
  if (c.get('connectors') !== undefined) {
    b.notes.push({
      element: `${element}.connectors`,
      at: c.get('connectors')?.at ?? c.at,
      message: 'connector names (RBAC on Connect): not Kafka ACLs, not migrated',
    });
  }
}
