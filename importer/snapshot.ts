/**
 * What the cluster has, merged from the tool outputs a user gave: topics (name, partitions, replication factor, topic
 * overrides and what is known about broker-level values) and ACLs as the provider's seven-field bindings.
 *
 * Every source is merged and no value one of them showed is lost: kafka-configs tells topic overrides from broker-level
 * values, so for the topics it describes its overrides are the topic's configs and whatever else kafka-topics listed
 * is kept as a broker-level value (what the topic inherits); without kafka-configs every value kafka-topics listed is
 * kept as a topic config. kafka-topics' header wins over kcat for partition counts. Every line no parser understood,
 * and every value that cannot be expressed for the provider, becomes a finding.
 */
import { parseAclsList, type ListedAcl } from './parse/acls-list';
import { parseConfigsDescribe, type DescribedTopicConfigs } from './parse/configs-describe';
import { parseKcat } from './parse/kcat';
import { parseTopicsDescribe } from './parse/topics-describe';
import { sniff, unusableInput } from './input-check';
import type { ImportFinding, SkippedLine, SourceRef, UnknownLine } from './types';
import { aclId } from '../model/acl';
import type { AclBinding } from '../model/topology';
import type { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_PERMISSIONS, ACL_RESOURCE_TYPES } from '../model/vocabulary';

/** One input file: its name (for messages) and its text. */
export interface InputFile {
  readonly file: string;
  readonly text: string;
}

/** The tool outputs a user can give; each kind may come from several files. */
export interface ImportInputs {
  /** `kafka-topics.sh --describe` output. */
  readonly topicsDescribe?: readonly InputFile[];
  /** `kcat -L -J` (or `kcat -L`) output. */
  readonly kcat?: readonly InputFile[];
  /** `kafka-configs.sh --describe [--all] --entity-type topics` output. */
  readonly configs?: readonly InputFile[];
  /** `kafka-acls.sh --list` output. */
  readonly acls?: readonly InputFile[];
}

export type ConfigSourceKind = 'kafka-configs' | 'kafka-topics' | 'none';

export interface SnapshotTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /**
   * The topic's configs as the inputs show them: with kafka-configs, its topic overrides exactly; with kafka-topics
   * alone, every value its `Configs:` column lists (overrides and inherited broker settings look the same there, see
   * mayBeBrokerLevel); with kcat alone, none (configSource `none`).
   */
  readonly overrides: Readonly<Record<string, string>>;
  /** For an override: the value the topic falls back to when it is removed, when kafka-configs printed it. */
  readonly revertTo: Readonly<Record<string, string>>;
  /** Effective values of keys that are not overrides (broker-level or Kafka defaults), from `kafka-configs --all`. */
  readonly brokerValues: Readonly<Record<string, string>>;
  /**
   * `kafka-configs`: overrides are exact. `kafka-topics`: the `Configs:` column, which may include broker-level values.
   * `none`: nothing said (kcat only).
   */
  readonly configSource: ConfigSourceKind;
  /** Keys of `overrides` that may be inherited broker settings rather than overrides (only kafka-topics listed them). */
  readonly mayBeBrokerLevel: readonly string[];
  /** Override keys whose value the tool hid (`sensitive=true`). */
  readonly hiddenKeys: readonly string[];
  readonly origin: SourceRef;
}

export interface SnapshotAcl extends AclBinding {
  /** The provider's 7-part id. */
  readonly id: string;
  readonly origin: SourceRef;
}

export interface ClusterSnapshot {
  readonly topics: readonly SnapshotTopic[];
  readonly acls: readonly SnapshotAcl[];
  readonly findings: readonly ImportFinding[];
  /** One message per input file that is empty, binary or another tool's output (input-check.ts): nothing is imported. */
  readonly unusableInputs: readonly string[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Kafka's enum spellings → the provider's. */
const RESOURCE_TYPES: Readonly<Record<string, (typeof ACL_RESOURCE_TYPES)[number]>> = {
  TOPIC: 'Topic',
  GROUP: 'Group',
  CLUSTER: 'Cluster',
  TRANSACTIONAL_ID: 'TransactionalID',
  DELEGATION_TOKEN: 'DelegationToken',
};
const OPERATIONS: Readonly<Record<string, (typeof ACL_OPERATIONS)[number]>> = {
  READ: 'Read',
  WRITE: 'Write',
  CREATE: 'Create',
  DELETE: 'Delete',
  ALTER: 'Alter',
  DESCRIBE: 'Describe',
  CLUSTER_ACTION: 'ClusterAction',
  DESCRIBE_CONFIGS: 'DescribeConfigs',
  ALTER_CONFIGS: 'AlterConfigs',
  IDEMPOTENT_WRITE: 'IdempotentWrite',
  ALL: 'All',
};
const PERMISSIONS: Readonly<Record<string, (typeof ACL_PERMISSIONS)[number]>> = { ALLOW: 'Allow', DENY: 'Deny' };
const PATTERN_TYPES: Readonly<Record<string, (typeof ACL_PATTERN_TYPES)[number]>> = { LITERAL: 'Literal', PREFIXED: 'Prefixed' };

interface TopicFacts {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  describeConfigs?: ReadonlyArray<{ key: string; value: string }>;
  origin: SourceRef;
  /** Facts from kcat, kept to cross-check kafka-topics. */
  kcat?: { partitions: number; replicationFactor: number; origin: SourceRef };
}

export function buildSnapshot(inputs: ImportInputs): ClusterSnapshot {
  const findings: ImportFinding[] = [];
  const report = (file: string, unknown: readonly UnknownLine[], skipped: readonly SkippedLine[] = []): void => {
    for (const u of unknown) {
      findings.push({
        level: 'warning',
        code: 'unknown-line',
        subject: `${file}:${u.line}`,
        message: `line not understood, not used: ${JSON.stringify(u.text)}`,
        at: { file, line: u.line },
      });
    }
    for (const s of skipped) {
      findings.push({
        level: 'info',
        code: 'skipped-line',
        subject: `${file}:${s.line}`,
        message: `${s.reason}: ${JSON.stringify(s.text)}`,
        at: { file, line: s.line },
      });
    }
  };

  const unusableInputs: string[] = [];
  const check = (kind: Parameters<typeof unusableInput>[0], input: InputFile, recognised: number): void => {
    const problem = unusableInput(kind, input.file, input.text, recognised);
    if (problem !== undefined) unusableInputs.push(problem);
  };

  const facts = new Map<string, TopicFacts>();
  for (const input of inputs.topicsDescribe ?? []) {
    const parsed = parseTopicsDescribe(input.text);
    check('topicsDescribe', input, parsed.topics.length);
    report(input.file, parsed.unknownLines);
    for (const t of parsed.topics) {
      const origin = { file: input.file, line: t.line };
      if (t.unknownFields.length > 0) {
        findings.push({
          level: 'warning',
          code: 'unknown-field',
          subject: t.name,
          message: `fields not understood (a newer kafka-topics?), not used: ${t.unknownFields.join(', ')}`,
          at: origin,
        });
      }
      if (t.markedForDeletion) {
        findings.push({ level: 'info', code: 'topic-being-deleted', subject: t.name, message: 'the topic is marked for deletion: not imported', at: origin });
        continue;
      }
      if (t.partitions.some((p) => p.addingReplicas.length > 0 || p.removingReplicas.length > 0)) {
        findings.push({
          level: 'warning',
          code: 'reassignment-in-progress',
          subject: t.name,
          message: 'a partition reassignment is in progress: import again when it has finished, or the replication factor may be wrong',
          at: origin,
        });
      }
      const first = t.partitions[0];
      const inferredRf = first === undefined ? undefined : first.replicas.length - first.addingReplicas.length;
      const partitions = t.partitionCount ?? (t.partitions.length > 0 ? t.partitions.length : undefined);
      const replicationFactor = t.replicationFactor ?? inferredRf;
      if (t.partitionCount === undefined) {
        findings.push({
          level: 'warning',
          code: 'no-topic-header',
          subject: t.name,
          message: `no header line: ${t.partitions.length} partition line(s) were counted and no configs are known`,
          at: origin,
        });
      }
      if (partitions === undefined || replicationFactor === undefined || replicationFactor < 1) continue;
      const earlier = facts.get(t.name);
      if (earlier !== undefined) {
        findings.push({
          level: 'warning',
          code: 'inputs-disagree',
          subject: t.name,
          message: `described twice (also at ${earlier.origin.file}:${earlier.origin.line}${earlier.partitions === partitions && earlier.replicationFactor === replicationFactor ? '' : `, with ${earlier.partitions ?? '?'} partitions × ${earlier.replicationFactor ?? '?'} replicas`}): the later description wins`,
          at: origin,
        });
      }
      facts.set(t.name, { name: t.name, partitions, replicationFactor, origin, ...(t.partitionCount === undefined ? {} : { describeConfigs: t.configs }) });
    }
  }

  for (const input of inputs.kcat ?? []) {
    const parsed = parseKcat(input.text);
    // An empty cluster's metadata (no topics) is still kcat's output.
    check('kcat', input, parsed.topics.length + (sniff(input.text)?.kind === 'kcat' ? 1 : 0));
    report(input.file, parsed.unknownLines);
    for (const t of parsed.topics) {
      const origin = { file: input.file, line: t.line };
      if (t.error !== undefined) {
        findings.push({
          level: 'warning',
          code: 'topic-error',
          subject: t.name,
          message: `kcat reports an error for the topic ("${t.error}"): not imported`,
          at: origin,
        });
        continue;
      }
      const replicationFactor = Math.max(0, ...t.partitions.map((p) => p.replicas.length));
      if (t.partitions.length === 0 || replicationFactor < 1) continue;
      const kcat = { partitions: t.partitions.length, replicationFactor, origin };
      const known = facts.get(t.name);
      if (known === undefined) {
        facts.set(t.name, { name: t.name, partitions: kcat.partitions, replicationFactor, origin, kcat });
      } else {
        known.kcat = kcat;
        if (known.partitions !== kcat.partitions || known.replicationFactor !== kcat.replicationFactor) {
          findings.push({
            level: 'warning',
            code: 'inputs-disagree',
            subject: t.name,
            message: `kafka-topics says ${known.partitions ?? '?'} partitions × ${known.replicationFactor ?? '?'} replicas, kcat ${kcat.partitions} × ${kcat.replicationFactor}: kafka-topics wins`,
            at: origin,
          });
        }
      }
    }
  }

  const configsByTopic = new Map<string, { configs: DescribedTopicConfigs; file: string }>();
  for (const input of inputs.configs ?? []) {
    const parsed = parseConfigsDescribe(input.text);
    check('configs', input, parsed.topics.length + parsed.skippedLines.length);
    report(input.file, parsed.unknownLines, parsed.skippedLines);
    for (const c of parsed.topics) {
      if (!facts.has(c.topic)) {
        findings.push({
          level: 'warning',
          code: 'configs-of-unknown-topic',
          subject: c.topic,
          message: 'kafka-configs describes a topic that no topic listing (kafka-topics, kcat) has: not imported',
          at: { file: input.file, line: c.line },
        });
        continue;
      }
      configsByTopic.set(c.topic, { configs: c, file: input.file });
    }
  }

  const topics: SnapshotTopic[] = [];
  for (const known of [...facts.values()].sort((a, b) => compare(a.name, b.name))) {
    const { partitions, replicationFactor } = known;
    if (partitions === undefined || replicationFactor === undefined) continue;
    const f = { ...known, partitions, replicationFactor };
    const described = configsByTopic.get(f.name);
    topics.push(
      described === undefined ? topicFromDescribe(f) : topicFromConfigs(f, described.configs, { file: described.file, line: described.configs.line }, findings),
    );
  }

  const acls = new Map<string, SnapshotAcl>();
  for (const input of inputs.acls ?? []) {
    const parsed = parseAclsList(input.text);
    check('acls', input, parsed.acls.length + parsed.skippedLines.length);
    report(input.file, parsed.unknownLines, parsed.skippedLines);
    for (const listed of parsed.acls) {
      const origin = { file: input.file, line: listed.line };
      const binding = toBinding(listed);
      if (typeof binding === 'string') {
        findings.push({
          level: 'error',
          code: 'unsupported-acl',
          subject: describeListed(listed),
          message: `cannot be expressed for the Mongey provider (${binding}): it stays on the cluster, unmanaged`,
          at: origin,
        });
        continue;
      }
      const id = aclId(binding);
      if (!acls.has(id)) acls.set(id, { ...binding, id, origin });
    }
  }

  return { topics, acls: [...acls.values()].sort((a, b) => compare(a.id, b.id)), findings, unusableInputs };
}

function topicFromDescribe(f: TopicFacts & { partitions: number; replicationFactor: number }): SnapshotTopic {
  const base = {
    name: f.name,
    partitions: f.partitions,
    replicationFactor: f.replicationFactor,
    revertTo: {},
    brokerValues: {},
    hiddenKeys: [],
    origin: f.origin,
  };
  // No configs listed (kcat, or partition lines without their header): nothing is known. The plan says so for the topics
  // it adopts (an internal topic left alone needs no such warning).
  if (f.describeConfigs === undefined) return { ...base, overrides: {}, configSource: 'none', mayBeBrokerLevel: [] };
  // kafka-topics lists every value that is not Kafka's own default: topic overrides, and broker settings the topic
  // inherits. Which is which only kafka-configs can tell, so every listed value is kept (adopting it changes nothing
  // the broker applies), and each is flagged as possibly broker-level.
  const overrides = Object.fromEntries(f.describeConfigs.map(({ key, value }) => [key, value] as const));
  return { ...base, overrides, configSource: 'kafka-topics', mayBeBrokerLevel: Object.keys(overrides).sort() };
}

function topicFromConfigs(
  f: TopicFacts & { partitions: number; replicationFactor: number },
  described: DescribedTopicConfigs,
  origin: SourceRef,
  findings: ImportFinding[],
): SnapshotTopic {
  const overrides: Record<string, string> = {};
  const revertTo: Record<string, string> = {};
  const brokerValues: Record<string, string> = {};
  const hiddenKeys: string[] = [];
  const notImported: string[] = [];
  for (const e of described.entries) {
    const isOverride = described.mode === 'zookeeper' || e.source === 'DYNAMIC_TOPIC_CONFIG' || (described.mode === 'dynamic' && e.source === undefined);
    if (!isOverride) {
      if (e.value !== null) brokerValues[e.key] = e.value;
      if (described.mode === 'dynamic') notImported.push(`${e.key} (${e.source ?? 'no source'})`);
      continue;
    }
    if (e.value === null) {
      hiddenKeys.push(e.key);
      continue;
    }
    overrides[e.key] = e.value;
    const below = e.synonyms[1];
    if (below !== undefined) revertTo[e.key] = below.value;
  }
  if (notImported.length > 0) {
    findings.push({
      level: 'info',
      code: 'broker-level-config',
      subject: f.name,
      message: `broker-level values not imported as topic configs: ${notImported.join(', ')}`,
      at: origin,
    });
  }
  for (const { key, value } of f.describeConfigs ?? []) {
    if (overrides[key] === undefined) {
      // kafka-topics lists non-default values only, so a non-override it lists is a broker-level value the topic gets.
      brokerValues[key] ??= value;
      findings.push({
        level: 'info',
        code: 'broker-level-config',
        subject: f.name,
        message: `${key}=${value} (listed by kafka-topics) is not a topic override according to kafka-configs: not imported`,
        at: f.origin,
      });
    } else if (overrides[key] !== value) {
      findings.push({
        level: 'warning',
        code: 'inputs-disagree',
        subject: f.name,
        message: `${key} is ${value} in kafka-topics but ${overrides[key]} in kafka-configs: kafka-configs wins`,
        at: origin,
      });
    }
  }
  if (hiddenKeys.length > 0) {
    findings.push({
      level: 'error',
      code: 'hidden-config',
      subject: f.name,
      message: `kafka-configs hid the value of ${hiddenKeys.join(', ')} (sensitive): the override cannot be kept, so the topic is not adopted`,
      at: origin,
    });
  }
  return {
    name: f.name,
    partitions: f.partitions,
    replicationFactor: f.replicationFactor,
    overrides,
    revertTo,
    brokerValues,
    configSource: 'kafka-configs',
    mayBeBrokerLevel: [],
    hiddenKeys,
    origin: f.origin,
  };
}

function describeListed(a: ListedAcl): string {
  return `${a.principal} ${a.permissionType} ${a.operation} on ${a.resourceType} ${a.resourceName} (${a.patternType}, host ${a.host})`;
}

/** The provider's binding, or why there is none. */
function toBinding(a: ListedAcl): AclBinding | string {
  const resourceType = RESOURCE_TYPES[a.resourceType];
  const operation = OPERATIONS[a.operation];
  const permission = PERMISSIONS[a.permissionType];
  const patternType = PATTERN_TYPES[a.patternType];
  if (resourceType === undefined) return `resource type ${a.resourceType} is not one of ${Object.keys(RESOURCE_TYPES).join(', ')}`;
  if (operation === undefined) return `operation ${a.operation} is not one of ${Object.keys(OPERATIONS).join(', ')}`;
  if (permission === undefined) return `permission ${a.permissionType}`;
  if (patternType === undefined) return `pattern type ${a.patternType}`;
  if ([a.principal, a.host, a.resourceName].some((v) => v.includes('|'))) return 'a "|" would break the provider\'s 7-part id';
  return { principal: a.principal, host: a.host, operation, permission, resourceType, resourceName: a.resourceName, patternType };
}
