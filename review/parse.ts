/**
 * Parsing, from text passed in (review does no I/O): a stack's `cdk.tf.json` and `topology.json` → StackSnapshot,
 * indexed by address, topic name and ACL id; `terraform show -json <planfile>` → PlanSnapshot.
 *
 * Every problem is a ReviewInputError naming the file and the JSON path. Only the fields review reads are checked.
 */
import { SUBJECT_NAMING_STRATEGIES } from '../model/schema';
import { TOPOLOGY_FORMAT_VERSION } from '../model/topology';
import type {
  AclBinding,
  ResolvedAcl,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEnvironment,
  ResolvedProducer,
  ResolvedTopic,
  Topology,
} from '../model/topology';
import { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_PERMISSIONS, ACL_RESOURCE_TYPES, COMPATIBILITY_MODES, TOPIC_KINDS } from '../model/vocabulary';
import { stackSettings } from '../guard/settings';
import { ReviewInputError } from './errors';
import { asArray, asBoolean, asNumber, asObject, asString, at, isObject, parseJsonText, ShapeError, stringArray, stringOrNull } from './json-reader';
import type { JsonObject, Path } from './json-reader';
import { PLAN_ACTIONS } from './types';
import type {
  AclResource,
  DeclaredSlice,
  ImportBlock,
  MovedBlock,
  PlanAction,
  PlanResourceChange,
  PlanSnapshot,
  RemovedBlock,
  Snapshot,
  StackSnapshot,
  TopicResource,
} from './types';

/** A file's name (for messages) and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** The two files synth writes for one stack. */
export interface StackFiles {
  readonly stack: string;
  readonly terraform: SourceFile;
  readonly topology: SourceFile;
}

/** Runs `read` over one file's parsed JSON; shape problems become ReviewInputErrors naming the file. */
function withFile<T>(source: SourceFile, read: (json: unknown) => T): T {
  try {
    return read(parseJsonText(source.text));
  } catch (error) {
    if (error instanceof ShapeError) throw new ReviewInputError(source.file, error.message);
    throw error;
  }
}

/** A whole output: every stack's files. Stack names must be unique. */
export function parseOutput(label: string, stacks: readonly StackFiles[]): Snapshot {
  const byName = new Map<string, StackSnapshot>();
  for (const files of stacks) {
    if (byName.has(files.stack)) throw new ReviewInputError(files.terraform.file, `stack "${files.stack}" appears twice in ${label}`);
    byName.set(files.stack, parseStack(files));
  }
  return { label, stacks: byName };
}

export function parseStack(files: StackFiles): StackSnapshot {
  const declared = withFile(files.topology, readTopology);
  const terraform = withFile(files.terraform, readTerraform);
  return { stack: files.stack, environment: declared.environment, declared: declared.slice, topology: declared.topology, ...terraform };
}

// ---------------------------------------------------------------------------------------------------------------
// cdk.tf.json

type TerraformPart = Omit<StackSnapshot, 'stack' | 'environment' | 'declared' | 'topology'>;

function readTerraform(json: unknown): TerraformPart {
  const root = asObject(json, []);
  const resource = root.resource === undefined ? {} : asObject(root.resource, ['resource']);
  const topicsByName = new Map<string, TopicResource>();
  const aclsById = new Map<string, AclResource>();

  const topics = resource.kafka_topic === undefined ? {} : asObject(resource.kafka_topic, ['resource', 'kafka_topic']);
  for (const key of Object.keys(topics)) {
    const topic = readTopic(key, topics[key]);
    topicsByName.set(topic.name, topic);
  }
  const acls = resource.kafka_acl === undefined ? {} : asObject(resource.kafka_acl, ['resource', 'kafka_acl']);
  for (const key of Object.keys(acls)) {
    const acl = readAcl(key, acls[key]);
    aclsById.set(acl.id, acl);
  }
  return {
    topicsByName,
    aclsById,
    // By address only for plans: indexed on first use, by the name in the JSON (no new string per resource).
    topicAt: prefixed(
      TOPIC_PREFIX,
      lazyIndex(topicsByName.values(), (t) => t.key),
    ),
    aclAt: prefixed(
      ACL_PREFIX,
      lazyIndex(aclsById.values(), (a) => a.key),
    ),
    moved: blocks(root.moved, 'moved', readMoved),
    removed: blocks(root.removed, 'removed', readRemoved),
    imports: blocks(root.import, 'import', readImport),
    backend: readBackend(root.terraform),
    settings: stackSettings(root),
  };
}

function readTopic(key: string, value: unknown): TopicResource {
  const path: Path = ['resource', 'kafka_topic', key];
  const body = asObject(value, path);
  const name = typeof body.name === 'string' ? body.name : asString(body.name, [...path, 'name']);
  const partitions = typeof body.partitions === 'number' ? body.partitions : asNumber(body.partitions, [...path, 'partitions']);
  const replicationFactor =
    typeof body.replication_factor === 'number' ? body.replication_factor : asNumber(body.replication_factor, [...path, 'replication_factor']);
  let config: Record<string, string> = {};
  if (body.config !== undefined && body.config !== null) {
    const raw = asObject(body.config, [...path, 'config']);
    let allStrings = true;
    for (const k in raw) {
      if (typeof raw[k] !== 'string') {
        allStrings = false;
        break;
      }
    }
    if (allStrings) {
      config = raw as Record<string, string>;
    } else {
      for (const k in raw) {
        const v = raw[k];
        if (typeof v === 'number' || typeof v === 'boolean') config[k] = String(v);
        else config[k] = asString(v, [...path, 'config', k]);
      }
    }
  }
  let preventDestroy = false;
  if (body.lifecycle !== undefined) {
    const lifecycle = asObject(body.lifecycle, [...path, 'lifecycle']);
    if (lifecycle.prevent_destroy !== undefined) preventDestroy = asBoolean(lifecycle.prevent_destroy, [...path, 'lifecycle', 'prevent_destroy']);
  }
  return { address: `${TOPIC_PREFIX}${key}`, key, name, partitions, replicationFactor, config, preventDestroy };
}

const TOPIC_PREFIX = 'kafka_topic.';
const ACL_PREFIX = 'kafka_acl.';
const ACL_FIELDS = ['acl_principal', 'acl_host', 'acl_operation', 'acl_permission_type', 'resource_type', 'resource_name'] as const;

function readAcl(key: string, value: unknown): AclResource {
  const body = isObject(value) ? value : asObject(value, ['resource', 'kafka_acl', key]);
  for (const field of ACL_FIELDS) {
    if (typeof body[field] !== 'string') asString(body[field], ['resource', 'kafka_acl', key, field]);
  }
  const pattern =
    body.resource_pattern_type_filter === undefined
      ? 'Literal'
      : asString(body.resource_pattern_type_filter, ['resource', 'kafka_acl', key, 'resource_pattern_type_filter']);
  return new ParsedAcl(key, body as AclBody, pattern);
}

type AclBody = Readonly<Record<(typeof ACL_FIELDS)[number], string>>;

/**
 * An ACL as read: its id is built once (every ACL of both outputs is indexed by it), its binding only when asked. It
 * keeps the seven strings, not the JSON object, so the rest of the parsed resource (its `//` metadata) can be freed.
 */
class ParsedAcl implements AclResource {
  readonly id: string;
  private readonly principal: string;
  private readonly host: string;
  private readonly operation: string;
  private readonly permission: string;
  private readonly resourceType: string;
  private readonly resourceName: string;

  constructor(
    readonly key: string,
    body: AclBody,
    private readonly pattern: string,
  ) {
    this.principal = body.acl_principal;
    this.host = body.acl_host;
    this.operation = body.acl_operation;
    this.permission = body.acl_permission_type;
    this.resourceType = body.resource_type;
    this.resourceName = body.resource_name;
    // aclId(binding), spelt out.
    this.id = `${this.principal}|${this.host}|${this.operation}|${this.permission}|${this.resourceType}|${this.resourceName}|${pattern}`;
  }

  get address(): string {
    return `${ACL_PREFIX}${this.key}`;
  }

  get binding(): AclBinding {
    return {
      principal: this.principal,
      host: this.host,
      operation: this.operation,
      permission: this.permission,
      resourceType: this.resourceType,
      resourceName: this.resourceName,
      patternType: this.pattern,
    } as AclBinding;
  }
}

/** Terraform JSON takes a block as one object or an array of them. */
function blocks<T>(value: unknown, name: string, read: (block: JsonObject, path: Path) => T): T[] {
  if (value === undefined || value === null) return [];
  if (isObject(value)) return [read(value, [name])];
  return asArray(value, [name]).map((block, i) => read(asObject(block, [name, i]), [name, i]));
}

const readMoved = (block: JsonObject, path: Path): MovedBlock => ({
  from: asString(block.from, [...path, 'from']),
  to: asString(block.to, [...path, 'to']),
});

const readImport = (block: JsonObject, path: Path): ImportBlock => ({
  to: asString(block.to, [...path, 'to']),
  id: asString(block.id, [...path, 'id']),
});

function readRemoved(block: JsonObject, path: Path): RemovedBlock {
  const from = asString(block.from, [...path, 'from']);
  // `lifecycle { destroy = false }`; without it terraform destroys the resource (the default).
  const lifecycles = blocks(block.lifecycle, 'lifecycle', (l, p) => (l.destroy === undefined ? true : asBoolean(l.destroy, [...path, ...p, 'destroy'])));
  return { from, destroy: lifecycles.every((destroy) => destroy) };
}

function readBackend(value: unknown): string | null {
  if (value === undefined) return null;
  const terraform = asObject(value, ['terraform']);
  if (terraform.cloud !== undefined) return 'cloud';
  if (terraform.backend === undefined) return null;
  const backend = asObject(terraform.backend, ['terraform', 'backend']);
  return Object.keys(backend)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// topology.json

interface TopologyPart {
  readonly environment: ResolvedEnvironment;
  readonly slice: DeclaredSlice;
  readonly topology: Topology;
}

function readTopology(json: unknown): TopologyPart {
  const root = asObject(json, []);
  if (root.formatVersion !== TOPOLOGY_FORMAT_VERSION) {
    throw new ShapeError(
      'formatVersion',
      `this review reads Topology format ${TOPOLOGY_FORMAT_VERSION}, got ${JSON.stringify(root.formatVersion) ?? 'none'}: synthesize both sides with the same topicform version`,
    );
  }
  const env = asObject(root.environment, ['environment']);
  asString(env.name, ['environment', 'name']);
  asBoolean(env.production, ['environment', 'production']);

  const domains = new Map<string, ResolvedDomain>();
  asArray(root.domains, ['domains']).forEach((value, i) => {
    const domain = asObject(value, ['domains', i]);
    asString(domain.owner, ['domains', i, 'owner']);
    suppressions(domain.suppressions, ['domains', i, 'suppressions']);
    domains.set(asString(domain.name, ['domains', i, 'name']), domain as unknown as ResolvedDomain);
  });

  const topics = new Map<string, ResolvedTopic>();
  const topicList = asArray(root.topics, ['topics']);
  for (let i = 0; i < topicList.length; i++) {
    const topic = isObject(topicList[i]) ? (topicList[i] as JsonObject) : asObject(topicList[i], ['topics', i]);
    const name = typeof topic.name === 'string' ? topic.name : asString(topic.name, ['topics', i, 'name']);
    if (!(TOPIC_KINDS as readonly unknown[]).includes(topic.kind)) {
      throw new ShapeError(`topics[${i}].kind`, `expected one of ${TOPIC_KINDS.join(', ')}, got ${JSON.stringify(topic.kind) ?? 'nothing'}`);
    }
    if (typeof topic.domain !== 'string') asString(topic.domain, ['topics', i, 'domain']);
    if (topic.kind === 'event') {
      if (!isObject(topic.ref)) asObject(topic.ref, ['topics', i, 'ref']);
      contract(topic.contract, ['topics', i, 'contract']);
      if (!isObject(topic.replay) || typeof topic.replay.kind !== 'string') {
        asString(asObject(topic.replay, ['topics', i, 'replay']).kind, ['topics', i, 'replay', 'kind']);
      }
      if (!(Array.isArray(topic.suppressions) && topic.suppressions.length === 0)) suppressions(topic.suppressions, ['topics', i, 'suppressions']);
    } else {
      if (!isObject(topic.parent)) asObject(topic.parent, ['topics', i, 'parent']);
      if (typeof topic.groupId !== 'string') asString(topic.groupId, ['topics', i, 'groupId']);
    }
    topics.set(name, topic as unknown as ResolvedTopic);
  }

  // The checks below run once per declaration of a 10,000-topic output: a path is only built when a check fails.
  const groups = new Map<string, ResolvedConsumerGroup>();
  const groupList = asArray(root.consumerGroups, ['consumerGroups']);
  for (let i = 0; i < groupList.length; i++) {
    const group = asObject(groupList[i], ['consumerGroups', i]);
    if (typeof group.principal !== 'string') asString(group.principal, ['consumerGroups', i, 'principal']);
    if (typeof group.domain !== 'string') asString(group.domain, ['consumerGroups', i, 'domain']);
    if (group.suppressions !== undefined) suppressions(group.suppressions, ['consumerGroups', i, 'suppressions']);
    const subscriptions = Array.isArray(group.subscriptions)
      ? (group.subscriptions as unknown[])
      : asArray(group.subscriptions, ['consumerGroups', i, 'subscriptions']);
    for (let j = 0; j < subscriptions.length; j++) {
      const sub = subscriptions[j];
      const ok =
        isObject(sub) &&
        typeof sub.topicName === 'string' &&
        (sub.deadLetterTopic === null || typeof sub.deadLetterTopic === 'string') &&
        (sub.reason === undefined || typeof sub.reason === 'string') &&
        Array.isArray(sub.retryTopics) &&
        (sub.retryTopics as unknown[]).every((t) => typeof t === 'string');
      if (!ok) {
        const path: Path = ['consumerGroups', i, 'subscriptions', j];
        const subscription = asObject(sub, path);
        asString(subscription.topicName, [...path, 'topicName']);
        stringOrNull(subscription.deadLetterTopic, [...path, 'deadLetterTopic']);
        stringArray(subscription.retryTopics, [...path, 'retryTopics']);
        if (subscription.reason !== undefined) asString(subscription.reason, [...path, 'reason']);
      }
    }
    const groupId = typeof group.groupId === 'string' ? group.groupId : asString(group.groupId, ['consumerGroups', i, 'groupId']);
    groups.set(groupId, group as unknown as ResolvedConsumerGroup);
  }

  const producers = new Map<string, ResolvedProducer>();
  const producerList = asArray(root.producers, ['producers']);
  for (let i = 0; i < producerList.length; i++) {
    const producer = asObject(producerList[i], ['producers', i]);
    if (typeof producer.principal !== 'string') asString(producer.principal, ['producers', i, 'principal']);
    if (!isObject(producer.topic) || typeof producer.topic.domain !== 'string') {
      asString(asObject(producer.topic, ['producers', i, 'topic']).domain, ['producers', i, 'topic', 'domain']);
    }
    if (producer.transactionalIdPrefix !== null) stringOrNull(producer.transactionalIdPrefix, ['producers', i, 'transactionalIdPrefix']);
    if (producer.suppressions !== undefined) suppressions(producer.suppressions, ['producers', i, 'suppressions']);
    const service = typeof producer.service === 'string' ? producer.service : asString(producer.service, ['producers', i, 'service']);
    const topicName = typeof producer.topicName === 'string' ? producer.topicName : asString(producer.topicName, ['producers', i, 'topicName']);
    producers.set(producerKey(service, topicName), producer as unknown as ResolvedProducer);
  }

  const aclList = asArray(root.acls, ['acls']);
  for (let i = 0; i < aclList.length; i++) {
    const acl = isObject(aclList[i]) ? (aclList[i] as JsonObject) : asObject(aclList[i], ['acls', i]);
    if (typeof acl.id !== 'string') asString(acl.id, ['acls', i, 'id']);
    if (!Array.isArray(acl.neededBy) || !(acl.neededBy as unknown[]).every((n) => typeof n === 'string')) stringArray(acl.neededBy, ['acls', i, 'neededBy']);
    aclBinding(acl, i);
  }
  // Kafka Streams applications (absent in topologies without any): the fields review derives their ACL needs from.
  if (root.streamsApplications !== undefined) {
    const apps = asArray(root.streamsApplications, ['streamsApplications']);
    for (let i = 0; i < apps.length; i++) {
      const app = asObject(apps[i], ['streamsApplications', i]);
      for (const field of ['applicationId', 'internalPrefix', 'principal', 'service', 'domain', 'processingGuarantee'] as const) {
        if (typeof app[field] !== 'string') asString(app[field], ['streamsApplications', i, field]);
      }
      for (const list of ['inputs', 'outputs'] as const) {
        const entries = asArray(app[list], ['streamsApplications', i, list]);
        for (let j = 0; j < entries.length; j++) {
          asString(asObject(entries[j], ['streamsApplications', i, list, j]).topicName, ['streamsApplications', i, list, j, 'topicName']);
        }
      }
    }
  }
  const acl = lazyIndex(aclList as readonly ResolvedAcl[], (a) => a.id);
  const topology = root as unknown as Topology;
  return { environment: env as unknown as ResolvedEnvironment, slice: { domains, topics, groups, producers, acl }, topology };
}

/** The fields of a declared ACL the access section reads: its binding, its domain and a legacy ACL's reason. */
function aclBinding(acl: JsonObject, i: number): void {
  const ok =
    typeof acl.principal === 'string' &&
    typeof acl.host === 'string' &&
    typeof acl.resourceName === 'string' &&
    typeof acl.domain === 'string' &&
    (ACL_OPERATIONS as readonly unknown[]).includes(acl.operation) &&
    (ACL_PERMISSIONS as readonly unknown[]).includes(acl.permission) &&
    (ACL_RESOURCE_TYPES as readonly unknown[]).includes(acl.resourceType) &&
    (ACL_PATTERN_TYPES as readonly unknown[]).includes(acl.patternType) &&
    (acl.legacy === undefined || (isObject(acl.legacy) && typeof acl.legacy.reason === 'string'));
  if (ok) return;
  for (const field of ['principal', 'host', 'resourceName', 'domain'] as const) asString(acl[field], ['acls', i, field]);
  oneOf(acl.operation, ACL_OPERATIONS, `acls[${i}].operation`);
  oneOf(acl.permission, ACL_PERMISSIONS, `acls[${i}].permission`);
  oneOf(acl.resourceType, ACL_RESOURCE_TYPES, `acls[${i}].resourceType`);
  oneOf(acl.patternType, ACL_PATTERN_TYPES, `acls[${i}].patternType`);
  asString(asObject(acl.legacy, ['acls', i, 'legacy']).reason, ['acls', i, 'legacy', 'reason']);
}

/** An event topic's contract as the contract section reads it: the mode, the schema(s) as JSON objects, the naming. */
function contract(value: unknown, path: Path): void {
  const c = asObject(value, path);
  oneOf(c.compatibility, COMPATIBILITY_MODES, `${at(path)}.compatibility`);
  if (c.schema !== undefined) asObject(c.schema, [...path, 'schema']);
  if (c.schemas !== undefined) {
    const schemas = asObject(c.schemas, [...path, 'schemas']);
    for (const type of Object.keys(schemas)) asObject(schemas[type], [...path, 'schemas', type]);
  }
  if (c.subjectNaming !== undefined) oneOf(c.subjectNaming, SUBJECT_NAMING_STRATEGIES, `${at(path)}.subjectNaming`);
}

function oneOf(value: unknown, allowed: readonly string[], where: string): void {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new ShapeError(where, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
}

function suppressions(value: unknown, path: Path): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
  asArray(value, path).forEach((s, i) => {
    const suppression = asObject(s, [...path, i]);
    asString(suppression.ruleId, [...path, i, 'ruleId']);
    asString(suppression.reason, [...path, i, 'reason']);
  });
}

function prefixed<T>(prefix: string, byKey: (key: string) => T | undefined): (address: string) => T | undefined {
  return (address) => (address.startsWith(prefix) ? byKey(address.slice(prefix.length)) : undefined);
}

/** A lookup that builds its Map on the first call: most reviews never look anything up by these keys. */
function lazyIndex<T>(items: Iterable<T>, keyOf: (item: T) => string): (key: string) => T | undefined {
  let index: Map<string, T> | undefined;
  return (key) => {
    if (index === undefined) {
      index = new Map();
      for (const item of items) index.set(keyOf(item), item);
    }
    return index.get(key);
  };
}

/** A producer's identity in a Topology: the service and the topic it writes. */
export function producerKey(service: string, topic: string): string {
  return `${service}@${topic}`;
}

// ---------------------------------------------------------------------------------------------------------------
// terraform show -json <planfile>

const REVIEWED_TYPES = new Set(['kafka_topic', 'kafka_acl']);

/** A plan of one stack. */
export function parsePlan(stack: string, source: SourceFile): PlanSnapshot {
  if (/^\s*\{[^\n]*"@level"/.test(source.text)) {
    throw new ReviewInputError(source.file, 'this is the log of `terraform plan -json`, not a plan: give the output of `terraform show -json <planfile>`');
  }
  return withFile(source, (json) => {
    const root = asObject(json, []);
    const version = asString(root.format_version, ['format_version']);
    if (!/^1\./.test(version)) throw new ShapeError('format_version', `this review reads plan JSON format 1.x, got "${version}"`);
    if (root.resource_changes === undefined && root.planned_values === undefined && root.values !== undefined) {
      throw new ShapeError('', 'this is state JSON (`terraform show -json` without a plan file), not a plan: give `terraform show -json <planfile>`');
    }
    if (root.errored === true) throw new ShapeError('errored', 'terraform could not finish this plan; fix the plan errors and plan again');
    return {
      stack,
      file: source.file,
      terraformVersion: root.terraform_version === undefined ? null : asString(root.terraform_version, ['terraform_version']),
      changes: readChanges(root.resource_changes, 'resource_changes').filter(
        (c) => c.actions.some((a) => a !== 'no-op') || c.importingId !== null || c.previousAddress !== null,
      ),
      drift: readChanges(root.resource_drift, 'resource_drift'),
    };
  });
}

function readChanges(value: unknown, name: string): PlanResourceChange[] {
  if (value === undefined || value === null) return [];
  const out: PlanResourceChange[] = [];
  asArray(value, [name]).forEach((entry, i) => {
    const path: Path = [name, i];
    const rc = asObject(entry, path);
    if (rc.mode !== undefined && rc.mode !== 'managed') return;
    const type = asString(rc.type, [...path, 'type']);
    if (!REVIEWED_TYPES.has(type)) return;
    const change = asObject(rc.change, [...path, 'change']);
    const actions = stringArray(change.actions, [...path, 'change', 'actions']);
    actions.forEach((action, j) => {
      if (!(PLAN_ACTIONS as readonly string[]).includes(action)) {
        throw new ShapeError(`${name}[${i}].change.actions[${j}]`, `unknown action "${action}" (expected one of ${PLAN_ACTIONS.join(', ')})`);
      }
    });
    const importing = change.importing === undefined || change.importing === null ? null : asObject(change.importing, [...path, 'change', 'importing']);
    out.push({
      address: asString(rc.address, [...path, 'address']),
      previousAddress: rc.previous_address === undefined ? null : asString(rc.previous_address, [...path, 'previous_address']),
      type,
      actions: actions as readonly PlanAction[],
      before: change.before === undefined || change.before === null ? null : asObject(change.before, [...path, 'change', 'before']),
      after: change.after === undefined || change.after === null ? null : asObject(change.after, [...path, 'change', 'after']),
      replacePaths: change.replace_paths === undefined ? [] : replacePaths(change.replace_paths, [...path, 'change', 'replace_paths']),
      importingId: importing === null ? null : (stringOrNull(importing.id, [...path, 'change', 'importing', 'id']) ?? ''),
      actionReason: rc.action_reason === undefined ? null : asString(rc.action_reason, [...path, 'action_reason']),
    });
  });
  return out;
}

/** `[["partitions"], ["config", "retention.ms"]]` → `partitions`, `config["retention.ms"]`. */
function replacePaths(value: unknown, path: Path): string[] {
  return asArray(value, path).map((p, i) =>
    asArray(p, [...path, i])
      .map((step, j) => {
        if (typeof step === 'number') return `[${step}]`;
        const key = asString(step, [...path, i, j]);
        return j === 0 ? key : /^[A-Za-z_][\w]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      })
      .join(''),
  );
}
