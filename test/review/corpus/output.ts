// A synthesized output that a corpus case edits: the committed seed (a real synth of the app, written by
// `test/review/corpus/generate.ts --seed`) loaded into plain JSON, with helpers that change the Terraform JSON and the
// Topology together, the way a change to the declarations would.
import fs from 'node:fs';
import path from 'node:path';
import { aclAddress, aclId } from '../../../model/acl';
import type { AclBinding, Topology } from '../../../model/topology';
import type { StackFiles } from '../../../review/parse';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/review');
export const SEED_DIR = path.join(FIXTURES, 'seed');

export type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
export type TopologyJson = DeepMutable<Topology>;

export interface TfTopic {
  name: string;
  partitions: number;
  replication_factor: number;
  config?: Record<string, string>;
  lifecycle?: { prevent_destroy?: boolean };
  [key: string]: unknown;
}

export interface TfAcl {
  acl_principal: string;
  acl_host: string;
  acl_operation: string;
  acl_permission_type: string;
  resource_type: string;
  resource_name: string;
  resource_pattern_type_filter: string;
  [key: string]: unknown;
}

export interface TfJson {
  resource: { kafka_topic?: Record<string, TfTopic>; kafka_acl?: Record<string, TfAcl>; [type: string]: unknown };
  moved?: { from: string; to: string }[];
  removed?: { from: string; lifecycle: { destroy: boolean } }[];
  import?: { to: string; id: string }[];
  [key: string]: unknown;
}

const clone = <T>(value: T): T => structuredClone(value);

export function bindingOf(acl: TfAcl): AclBinding {
  return {
    principal: acl.acl_principal,
    host: acl.acl_host,
    operation: acl.acl_operation,
    permission: acl.acl_permission_type,
    resourceType: acl.resource_type,
    resourceName: acl.resource_name,
    patternType: acl.resource_pattern_type_filter,
  } as AclBinding;
}

function tfAcl(b: AclBinding): TfAcl {
  return {
    acl_principal: b.principal,
    acl_host: b.host,
    acl_operation: b.operation,
    acl_permission_type: b.permission,
    resource_type: b.resourceType,
    resource_name: b.resourceName,
    resource_pattern_type_filter: b.patternType,
  };
}

/** `User:p|*|Read|Allow|Topic|t|Literal` for the common case. */
export function allow(
  principal: string,
  operation: AclBinding['operation'],
  resourceType: AclBinding['resourceType'],
  resourceName: string,
  patternType: AclBinding['patternType'] = 'Literal',
): AclBinding {
  return { principal, host: '*', operation, permission: 'Allow', resourceType, resourceName, patternType };
}

export class MutableStack {
  constructor(
    readonly name: string,
    readonly tf: TfJson,
    readonly topology: TopologyJson,
  ) {}

  private get topics(): Record<string, TfTopic> {
    return (this.tf.resource.kafka_topic ??= {});
  }

  private get acls(): Record<string, TfAcl> {
    return (this.tf.resource.kafka_acl ??= {});
  }

  /** The address key of the topic named `name`. */
  topicKey(name: string): string {
    const key = Object.keys(this.topics).find((k) => this.topics[k]?.name === name);
    if (key === undefined) throw new Error(`stack ${this.name} has no topic ${name}`);
    return key;
  }

  tfTopic(name: string): TfTopic {
    return this.topics[this.topicKey(name)] as TfTopic;
  }

  declaredTopic(name: string): TopologyJson['topics'][number] {
    const t = this.topology.topics.find((x) => x.name === name);
    if (t === undefined) throw new Error(`stack ${this.name} declares no topic ${name}`);
    return t;
  }

  setPartitions(name: string, partitions: number): this {
    this.tfTopic(name).partitions = partitions;
    this.declaredTopic(name).partitions = { value: partitions, explanation: 'declared' };
    return this;
  }

  setReplication(name: string, factor: number): this {
    this.tfTopic(name).replication_factor = factor;
    this.declaredTopic(name).replicationFactor = factor;
    return this;
  }

  /** Sets (or, with undefined, removes) one topic config in both files. */
  setConfig(name: string, key: string, value: string | undefined): this {
    const tf = this.tfTopic(name);
    const declared = this.declaredTopic(name);
    tf.config ??= {};
    if (value === undefined) {
      delete tf.config[key];
      delete declared.config[key];
    } else {
      tf.config[key] = value;
      declared.config[key] = value;
    }
    return this;
  }

  setProtect(name: string, protect: boolean): this {
    const tf = this.tfTopic(name);
    if (protect) tf.lifecycle = { prevent_destroy: true };
    else delete tf.lifecycle;
    this.declaredTopic(name).protect = protect;
    return this;
  }

  /** Removes a topic's Terraform resource only: for Kafka Connect's topics, which topology.json keeps in its `connect` part. */
  removeTopicResource(name: string): this {
    delete this.topics[this.topicKey(name)];
    return this;
  }

  /** Removes the topic from both files and hands back what it was, for takeover by another stack. */
  removeTopic(name: string): { key: string; tf: TfTopic; declared: TopologyJson['topics'][number] } {
    const key = this.topicKey(name);
    const tf = this.topics[key] as TfTopic;
    const declared = this.declaredTopic(name);
    delete this.topics[key];
    this.topology.topics = this.topology.topics.filter((t) => t.name !== name);
    return { key, tf, declared };
  }

  putTopic(taken: { key: string; tf: TfTopic; declared: TopologyJson['topics'][number] }): this {
    this.topics[taken.key] = taken.tf;
    this.topology.topics.push(taken.declared);
    return this;
  }

  /** A new topic shaped like `template`, under a name and address of its own. */
  addTopicLike(template: string, name: string, change: (tf: TfTopic, declared: TopologyJson['topics'][number]) => void = () => {}): this {
    const tf = clone(this.tfTopic(template));
    const declared = clone(this.declaredTopic(template));
    tf.name = name;
    declared.name = name;
    change(tf, declared);
    this.topics[name.replace(/\./g, '_')] = tf;
    this.topology.topics.push(declared);
    return this;
  }

  renameTopic(from: string, to: string): this {
    const taken = this.removeTopic(from);
    taken.tf.name = to;
    taken.declared.name = to;
    return this.putTopic({ ...taken, key: to.replace(/\./g, '_') });
  }

  aclKey(id: string): string {
    const key = Object.keys(this.acls).find((k) => aclId(bindingOf(this.acls[k] as TfAcl)) === id);
    if (key === undefined) throw new Error(`stack ${this.name} has no ACL ${id}`);
    return key;
  }

  /** Adds an ACL at its content-derived address; `neededBy` puts it in the Topology too (a derived ACL). */
  addAcl(binding: AclBinding, neededBy?: string[], domain = 'orders'): this {
    this.acls[aclAddress(binding)] = tfAcl(binding);
    if (neededBy !== undefined) this.topology.acls.push({ ...binding, id: aclId(binding), domain, neededBy });
    return this;
  }

  removeAcl(id: string): { key: string; tf: TfAcl; declared: TopologyJson['acls'][number] | undefined } {
    const key = this.aclKey(id);
    const tf = this.acls[key] as TfAcl;
    delete this.acls[key];
    const declared = this.topology.acls.find((a) => a.id === id);
    this.topology.acls = this.topology.acls.filter((a) => a.id !== id);
    return { key, tf, declared };
  }

  putAcl(taken: { key: string; tf: TfAcl; declared: TopologyJson['acls'][number] | undefined }): this {
    this.acls[taken.key] = taken.tf;
    if (taken.declared !== undefined) this.topology.acls.push(taken.declared);
    return this;
  }

  /** Moves a topic (by name) or an ACL (by id) to another address of this stack, with or without a moved block. */
  readdress(kind: 'topic' | 'acl', key: string, newKey: string, movedBlock: boolean): this {
    const type = kind === 'topic' ? 'kafka_topic' : 'kafka_acl';
    const map = kind === 'topic' ? this.topics : this.acls;
    const old = kind === 'topic' ? this.topicKey(key) : this.aclKey(key);
    map[newKey] = map[old] as never;
    delete map[old];
    if (movedBlock) (this.tf.moved ??= []).push({ from: `${type}.${old}`, to: `${type}.${newKey}` });
    return this;
  }

  addRemoved(address: string, destroy: boolean): this {
    (this.tf.removed ??= []).push({ from: address, lifecycle: { destroy } });
    return this;
  }

  addImport(address: string, id: string): this {
    (this.tf.import ??= []).push({ to: address, id });
    return this;
  }

  group(groupId: string): TopologyJson['consumerGroups'][number] {
    const g = this.topology.consumerGroups.find((x) => x.groupId === groupId);
    if (g === undefined) throw new Error(`stack ${this.name} has no consumer group ${groupId}`);
    return g;
  }

  producer(service: string, topic: string): TopologyJson['producers'][number] {
    const p = this.topology.producers.find((x) => x.service === service && x.topicName === topic);
    if (p === undefined) throw new Error(`stack ${this.name} has no producer ${service} of ${topic}`);
    return p;
  }
}

export class MutableOutput {
  constructor(readonly stacks: Map<string, MutableStack>) {}

  /** The committed seed, or the given stacks of it. */
  static seed(only?: readonly string[]): MutableOutput {
    const dir = path.join(SEED_DIR, 'stacks');
    const names = fs
      .readdirSync(dir)
      .filter((n) => only === undefined || only.includes(n))
      .sort();
    const read = (stack: string, file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, stack, file), 'utf8'));
    return new MutableOutput(new Map(names.map((n) => [n, new MutableStack(n, read(n, 'cdk.tf.json') as TfJson, read(n, 'topology.json') as TopologyJson)])));
  }

  stack(name: string): MutableStack {
    const s = this.stacks.get(name);
    if (s === undefined) throw new Error(`no stack ${name} (there are ${[...this.stacks.keys()].join(', ')})`);
    return s;
  }

  clone(): MutableOutput {
    return new MutableOutput(new Map([...this.stacks].map(([n, s]) => [n, new MutableStack(n, clone(s.tf), clone(s.topology))])));
  }

  /** The files review reads, as if written to `<label>/stacks/<stack>/`. */
  files(label: string): StackFiles[] {
    return [...this.stacks.values()].map((s) => ({
      stack: s.name,
      terraform: { file: `${label}/stacks/${s.name}/cdk.tf.json`, text: `${JSON.stringify(s.tf, null, 2)}\n` },
      topology: { file: `${label}/stacks/${s.name}/topology.json`, text: `${JSON.stringify(s.topology, null, 2)}\n` },
    }));
  }

  /** Writes the output as a cdktf.out directory. */
  writeTo(dir: string): void {
    for (const f of this.files(dir)) {
      fs.mkdirSync(path.dirname(f.terraform.file), { recursive: true });
      fs.writeFileSync(f.terraform.file, f.terraform.text);
      fs.writeFileSync(f.topology.file, f.topology.text);
    }
  }
}
