/**
 * Parsing, from text passed in (review does no I/O): a stack's `cdk.tf.json` and `topology.json` → StackSnapshot,
 * indexed by address, topic name and ACL id; `terraform show -json <planfile>` → PlanSnapshot.
 *
 * Every problem is a ReviewInputError naming the file and the JSON path. Of Terraform's JSON only the fields review
 * reads are checked; topology.json is read whole with the model's schema of the Topology (model/topology-schema.ts),
 * and all its problems are listed.
 */
import { appendTo } from '../model/group-by';
import { TOPOLOGY_FORMAT_VERSION } from '../model/topology';
import type { AclBinding, ResolvedConsumerGroup, ResolvedDomain, ResolvedEnvironment, ResolvedProducer, ResolvedTopic, Topology } from '../model/topology';
import { topologySchema } from '../model/topology-schema';
import { stackSettings } from '../guard/settings';
import { readConfluentAcls, readConfluentTopic, readRoleBindings } from './confluent';
import { ReviewInputError } from './errors';
import { TOPOLOGY_PROBLEMS_SHOWN } from './limits';
import { schemaProblems } from './schema-problems';
import { asArray, asBoolean, asNumber, asObject, asString, isObject, parseJsonText, ShapeError, stringArray, stringOrNull } from './json-reader';
import type { JsonObject, Path } from './json-reader';
import { PLAN_ACTIONS, PLAN_RESOURCE_TYPES } from './types';
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
    // Each problem on its own line, naming the file, so that every line can be read (or grepped) alone.
    if (error instanceof ShapeError) throw new ReviewInputError(source.file, error.problems.join(`\n${source.file}: `));
    throw error;
  }
}

/** An output already parsed, with the files it was parsed from: the other side of a review reuses its stacks. */
export interface ParsedOutput {
  readonly files: readonly StackFiles[];
  readonly snapshot: Snapshot;
}

/**
 * A whole output: every stack's files. Stack names must be unique. With `parsed` (the base, for the head), a stack
 * whose two files are the same texts as the base's stack of that name is the base's StackSnapshot itself, not a second
 * parse of the same text: parsing is a function of the text alone (no file name or label enters a StackSnapshot), so
 * the result is the same, and in a pull request most stacks are byte-identical (66 of 67 for one topic changed in a
 * 10,000-topic repository). The base's own parse has already reported any problem such a text holds.
 */
export function parseOutput(label: string, stacks: readonly StackFiles[], parsed?: ParsedOutput): Snapshot {
  const known = new Map((parsed?.files ?? []).map((f) => [f.stack, f]));
  const byName = new Map<string, StackSnapshot>();
  for (const files of stacks) {
    if (byName.has(files.stack)) throw new ReviewInputError(files.terraform.file, `stack "${files.stack}" appears twice in ${label}`);
    const same = known.get(files.stack);
    const reused =
      same !== undefined && same.terraform.text === files.terraform.text && same.topology.text === files.topology.text
        ? parsed?.snapshot.stacks.get(files.stack)
        : undefined;
    byName.set(files.stack, reused ?? parseStack(files));
  }
  return { label, stacks: byName };
}

export function parseStack(files: StackFiles): StackSnapshot {
  const declared = withFile(files.topology, readTopology);
  const terraform = withFile(files.terraform, (json) => readTerraform(json, declared.topology));
  return { stack: files.stack, environment: declared.environment, declared: declared.slice, topology: declared.topology, ...terraform };
}

// ---------------------------------------------------------------------------------------------------------------
// cdk.tf.json

type TerraformPart = Omit<StackSnapshot, 'stack' | 'environment' | 'declared' | 'topology'>;

function readTerraform(json: unknown, topology?: Topology): TerraformPart {
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
  // Platform confluent-cloud (review/confluent.ts): the Confluent provider's topics, ACLs and role bindings.
  if (resource.confluent_kafka_topic !== undefined) {
    const confluentTopics = asObject(resource.confluent_kafka_topic, ['resource', 'confluent_kafka_topic']);
    for (const key of Object.keys(confluentTopics)) {
      const topic = readConfluentTopic(key, confluentTopics[key]);
      topicsByName.set(topic.name, topic);
    }
  }
  const confluent = topology?.confluentCloud;
  if (resource.confluent_kafka_acl !== undefined) {
    for (const acl of readConfluentAcls(asObject(resource.confluent_kafka_acl, ['resource', 'confluent_kafka_acl']), confluent)) aclsById.set(acl.id, acl);
  }
  if (resource.confluent_role_binding !== undefined) {
    for (const acl of readRoleBindings(asObject(resource.confluent_role_binding, ['resource', 'confluent_role_binding']), confluent)) aclsById.set(acl.id, acl);
  }
  return {
    topicsByName,
    aclsById,
    // By address only for plans: indexed on first use (most reviews have no plan), for every platform's types.
    topicAt: lazyIndex(topicsByName.values(), (t) => t.address),
    // A role binding's grants share its address: a list per address.
    aclsAt: lazyGroups(aclsById.values(), (a) => a.address),
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
    // aclId(binding), spelt out. join() makes one flat string; a template literal makes a rope (a V8 cons string), which
    // every Map lookup by this id walks piece by piece: ~7× slower lookups over the ~180,000 ACLs of two 10,000-topic
    // outputs (both sides are indexed by id and compared id by id).
    this.id = [this.principal, this.host, this.operation, this.permission, this.resourceType, this.resourceName, pattern].join('|');
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

/** Reads topology.json with the model's Topology schema; every problem is reported, each with its JSON path. */
function readTopology(json: unknown): TopologyPart {
  const version = isObject(json) ? json.formatVersion : undefined;
  if (version !== TOPOLOGY_FORMAT_VERSION) {
    throw new ShapeError(
      'formatVersion',
      `this review reads Topology format ${TOPOLOGY_FORMAT_VERSION}, got ${JSON.stringify(version) ?? 'none'}: synthesize both sides with the same topicform version`,
    );
  }
  const parsed = topologySchema.safeParse(json);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error.issues, json);
    const shown = problems.slice(0, TOPOLOGY_PROBLEMS_SHOWN);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more problems of the same file`);
    throw new ShapeError('', shown[0] ?? 'not a Topology', shown);
  }
  const topology: Topology = parsed.data;

  const domains = new Map<string, ResolvedDomain>();
  for (const domain of topology.domains) domains.set(domain.name, domain);
  const topics = new Map<string, ResolvedTopic>();
  for (const topic of topology.topics) topics.set(topic.name, topic);
  const groups = new Map<string, ResolvedConsumerGroup>();
  for (const group of topology.consumerGroups) groups.set(group.groupId, group);
  const producers = new Map<string, ResolvedProducer>();
  for (const producer of topology.producers) producers.set(producerKey(producer.service, producer.topicName), producer);
  const acl = lazyIndex(topology.acls, (a) => a.id);
  return { environment: topology.environment, slice: { domains, topics, groups, producers, acl }, topology };
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

/** lazyIndex for keys several items share: every item under its key, in order. */
function lazyGroups<T>(items: Iterable<T>, keyOf: (item: T) => string): (key: string) => readonly T[] {
  let index: Map<string, T[]> | undefined;
  return (key) => {
    if (index === undefined) {
      index = new Map();
      for (const item of items) appendTo(index, keyOf(item), item);
    }
    return index.get(key) ?? [];
  };
}

/** A producer's identity in a Topology: the service and the topic it writes. A flat string, as ParsedAcl's id is. */
export function producerKey(service: string, topic: string): string {
  return [service, topic].join('@');
}

// ---------------------------------------------------------------------------------------------------------------
// terraform show -json <planfile>

const REVIEWED_TYPES: ReadonlySet<string> = new Set(PLAN_RESOURCE_TYPES);

/**
 * The attributes of a kafka_user_scram_credential review keeps from a plan: never `password` or `password_wo`. A
 * write-only `password_wo` is null in a plan, but a credential written with the deprecated `password` has its value in
 * `before`/`after` (terraform only marks it in `after_sensitive`), and every attribute review keeps may reach a row of
 * the report; so the credential is read through this allow-list, not by removing the names known today.
 */
const SCRAM_PLAN_ATTRIBUTES = ['id', 'username', 'scram_mechanism', 'scram_iterations', 'password_wo_version'] as const;

function withoutSecrets(type: string, values: Readonly<Record<string, unknown>> | null): Readonly<Record<string, unknown>> | null {
  if (values === null || type !== 'kafka_user_scram_credential') return values;
  return Object.fromEntries(SCRAM_PLAN_ATTRIBUTES.filter((k) => k in values).map((k) => [k, values[k]]));
}

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
      before: withoutSecrets(type, change.before === undefined || change.before === null ? null : asObject(change.before, [...path, 'change', 'before'])),
      after: withoutSecrets(type, change.after === undefined || change.after === null ? null : asObject(change.after, [...path, 'change', 'after'])),
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
