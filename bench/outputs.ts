/**
 * Reading synthesized outputs: the plain-cdktf baseline's input (the resources of a topicform output, as a cdktf user
 * would have written them by hand), the equivalence check between the two sides, and resource counts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_PARTS, type OutputPart, type OutputSize } from './output-size';

/** `[address, name, partitions, replication factor, config, prevent_destroy]` */
export type BaselineTopic = [string, string, number, number, Record<string, string>, boolean];
/** `[address, principal, host, operation, permission, resource type, resource name, pattern type]` */
export type BaselineAcl = [string, string, string, string, string, string, string, string];
/** `[address, entity type, entity name, config]` */
export type BaselineQuota = [string, string, string | null, Record<string, number>];

/** What the baseline knows how to write; anything else in a topicform stack aborts the bench (extend both). */
const KNOWN_BLOCKS = new Set(['//', 'provider', 'resource', 'terraform', 'variable']);
const KNOWN_RESOURCES = new Set(['kafka_topic', 'kafka_acl', 'kafka_quota']);

/** One stack of the baseline app: everything plain cdktf needs to write the same cdk.tf.json. */
export interface BaselineStack {
  readonly name: string;
  readonly statePath: string;
  readonly variable: { readonly name: string; readonly type: string; readonly nullable: boolean; readonly description: string };
  readonly provider: { readonly tlsEnabled: boolean; readonly saslMechanism?: string };
  readonly topics: readonly BaselineTopic[];
  readonly acls: readonly BaselineAcl[];
  readonly quotas: readonly BaselineQuota[];
}

export interface BaselineData {
  readonly stacks: readonly BaselineStack[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, where: string): Json {
  if (!isObject(v)) throw new Error(`${where}: expected an object`);
  return v;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new Error(`${where}: expected a string`);
  return v;
}

function num(v: unknown, where: string): number {
  if (typeof v !== 'number') throw new Error(`${where}: expected a number`);
  return v;
}

/** The baseline's description of one stack, read from the stack's `cdk.tf.json` written by topicform. */
export function baselineStack(name: string, json: unknown): BaselineStack {
  const root = obj(json, name);
  const unknownBlocks = Object.keys(root).filter((k) => !KNOWN_BLOCKS.has(k));
  if (unknownBlocks.length > 0) throw new Error(`${name}: the baseline cannot write top-level ${unknownBlocks.join(', ')} (bench/outputs.ts)`);
  const terraform = obj(root.terraform, `${name}.terraform`);
  const backend = obj(obj(terraform.backend, `${name}.terraform.backend`).local, `${name}.terraform.backend.local`);
  const variables = obj(root.variable, `${name}.variable`);
  const [variableName, variableBody] = Object.entries(variables)[0] ?? [];
  if (variableName === undefined || Object.keys(variables).length !== 1) throw new Error(`${name}: expected exactly one variable`);
  const variable = obj(variableBody, `${name}.variable.${variableName}`);
  const providers = obj(root.provider, `${name}.provider`).kafka;
  if (!Array.isArray(providers) || providers.length !== 1) throw new Error(`${name}: expected one kafka provider block`);
  const provider = obj(providers[0], `${name}.provider.kafka[0]`);
  const resource = obj(root.resource, `${name}.resource`);
  const unknownTypes = Object.keys(resource).filter((k) => !KNOWN_RESOURCES.has(k));
  if (unknownTypes.length > 0) throw new Error(`${name}: the baseline cannot write ${unknownTypes.join(', ')} resources (bench/outputs.ts)`);
  const topics = Object.entries(obj(resource.kafka_topic ?? {}, `${name}.kafka_topic`)).map(([address, body]): BaselineTopic => {
    const t = obj(body, address);
    const config = Object.fromEntries(Object.entries(obj(t.config ?? {}, `${address}.config`)).map(([k, v]) => [k, str(v, `${address}.config.${k}`)]));
    const lifecycle = isObject(t.lifecycle) ? t.lifecycle : {};
    return [address, str(t.name, address), num(t.partitions, address), num(t.replication_factor, address), config, lifecycle.prevent_destroy === true];
  });
  const acls = Object.entries(obj(resource.kafka_acl ?? {}, `${name}.kafka_acl`)).map(([address, body]): BaselineAcl => {
    const a = obj(body, address);
    const field = (k: string): string => str(a[k], `${address}.${k}`);
    return [
      address,
      field('acl_principal'),
      field('acl_host'),
      field('acl_operation'),
      field('acl_permission_type'),
      field('resource_type'),
      field('resource_name'),
      field('resource_pattern_type_filter'),
    ];
  });
  const quotas = Object.entries(obj(resource.kafka_quota ?? {}, `${name}.kafka_quota`)).map(([address, body]): BaselineQuota => {
    const q = obj(body, address);
    const config = Object.fromEntries(Object.entries(obj(q.config ?? {}, `${address}.config`)).map(([k, v]) => [k, num(v, `${address}.config.${k}`)]));
    return [address, str(q.entity_type, `${address}.entity_type`), q.entity_name === undefined ? null : str(q.entity_name, `${address}.entity_name`), config];
  });
  return {
    name,
    statePath: str(backend.path, `${name}.terraform.backend.local.path`),
    variable: {
      name: variableName,
      type: str(variable.type, 'variable.type'),
      nullable: variable.nullable === true,
      description: str(variable.description, 'variable.description'),
    },
    provider: { tlsEnabled: provider.tls_enabled === true, ...(typeof provider.sasl_mechanism === 'string' ? { saslMechanism: provider.sasl_mechanism } : {}) },
    topics,
    acls,
    quotas,
  };
}

/** Stack names of an output directory (`stacks/<name>/cdk.tf.json`), sorted. */
export function stackNames(outdir: string): string[] {
  const dir = join(outdir, 'stacks');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

export function readStack(outdir: string, stack: string): unknown {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as unknown;
}

export function baselineData(topicformOut: string): BaselineData {
  return { stacks: stackNames(topicformOut).map((name) => baselineStack(name, readStack(topicformOut, name))) };
}

/** The document without cdktf's `"//"` metadata, keys sorted at every level: what terraform reads. */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => k !== '//')
        .sort()
        .map((k) => [k, comparable(value[k])]),
    );
  }
  return value;
}

/** Paths (at most `limit`) where two documents differ, after `comparable`. */
export function differences(a: unknown, b: unknown, limit = 5, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (isObject(a) && isObject(b)) {
    const out: string[] = [];
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (out.length >= limit) break;
      out.push(...differences(a[key], b[key], limit - out.length, `${path}.${key}`));
    }
    return out;
  }
  return [`${path === '' ? '(root)' : path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`];
}

export interface Equivalence {
  readonly equal: boolean;
  readonly stacks: number;
  readonly resources: number;
  readonly problems: readonly string[];
}

/** Whether two outputs hold the same stacks with the same Terraform documents (ignoring `"//"` metadata). */
export function compareOutputs(topicformOut: string, baselineOut: string): Equivalence {
  const names = stackNames(topicformOut);
  const other = stackNames(baselineOut);
  const problems: string[] = [];
  if (names.join() !== other.join()) problems.push(`stacks differ: topicform [${names.join(', ')}], baseline [${other.join(', ')}]`);
  let resources = 0;
  for (const name of names.filter((n) => other.includes(n))) {
    const a = comparable(readStack(topicformOut, name));
    const b = comparable(readStack(baselineOut, name));
    resources += countOf(a).total;
    problems.push(...differences(a, b).map((d) => `${name}${d}`));
    if (problems.length >= 10) break;
  }
  return { equal: problems.length === 0, stacks: names.length, resources, problems };
}

export interface ResourceCount {
  readonly topics: number;
  readonly acls: number;
  readonly total: number;
}

function countOf(json: unknown): ResourceCount {
  const resource = isObject(json) && isObject(json.resource) ? json.resource : {};
  let topics = 0;
  let acls = 0;
  let total = 0;
  for (const [type, body] of Object.entries(resource)) {
    const n = isObject(body) ? Object.keys(body).length : 0;
    total += n;
    if (type === 'kafka_topic') topics += n;
    if (type === 'kafka_acl') acls += n;
  }
  return { topics, acls, total };
}

/** Terraform resources of each stack of an output. */
export function countResources(outdir: string): Map<string, ResourceCount> {
  return new Map(stackNames(outdir).map((name) => [name, countOf(readStack(outdir, name))]));
}

export function outputSize(outdir: string): OutputSize {
  const sizes: Record<OutputPart, { bytes: number; files: number }> = {
    stacks: { bytes: 0, files: 0 },
    docs: { bytes: 0, files: 0 },
    clients: { bytes: 0, files: 0 },
    other: { bytes: 0, files: 0 },
  };
  const walk = (dir: string, part: OutputPart | null): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const into = part ?? ((OUTPUT_PARTS as readonly string[]).includes(entry.name) && entry.isDirectory() ? (entry.name as OutputPart) : 'other');
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, into);
      else if (entry.isFile()) {
        sizes[into].bytes += statSync(path).size;
        sizes[into].files += 1;
      }
    }
  };
  walk(outdir, null);
  const total = OUTPUT_PARTS.reduce((t, p) => ({ bytes: t.bytes + sizes[p].bytes, files: t.files + sizes[p].files }), { bytes: 0, files: 0 });
  return { ...sizes, total };
}
