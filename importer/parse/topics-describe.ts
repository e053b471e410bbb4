/**
 * `kafka-topics.sh --describe` text, in the variants real tools print:
 *
 * - ZooKeeper-era (≤ 2.1): `Topic:x\tPartitionCount:3\tReplicationFactor:1\tConfigs:k=v,…` (no space after the colon);
 * - 2.2+: `Topic: x\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: k=v,…`;
 * - 2.8+: `TopicId:` after the name; 3.7+: `Elr:` / `LastKnownElr:` on partition lines; during a reassignment
 *   `Adding Replicas:` / `Removing Replicas:`; Confluent Platform: a trailing `Offline:` column; `MarkedForDeletion: true`
 *   on a topic being deleted.
 *
 * Fields are tab-separated when the tool prints them; documentation and pasted terminal output often turned tabs into
 * spaces, so fields are found by their names, not by position. Lines that are neither a topic header nor a partition
 * line are returned as unknown lines, never dropped.
 *
 * Source of the format: apache/kafka tools/src/main/java/org/apache/kafka/tools/TopicCommand.java (printDescription).
 */
import { numberedLines, parseCount, parseIdList } from './lines';
import type { UnknownLine } from '../types';

export interface DescribedPartition {
  readonly partition: number;
  readonly leader: string;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly addingReplicas: readonly number[];
  readonly removingReplicas: readonly number[];
  readonly line: number;
}

export interface DescribedTopic {
  readonly name: string;
  readonly topicId?: string;
  /** From the header line; undefined when only partition lines were given. */
  readonly partitionCount?: number;
  /** From the header line; undefined when only partition lines were given. */
  readonly replicationFactor?: number;
  /**
   * The `Configs:` list in printed order. kafka-topics prints every non-default entry, which mixes topic overrides
   * with static and dynamic broker settings: which is which only kafka-configs can tell.
   */
  readonly configs: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly markedForDeletion: boolean;
  readonly partitions: readonly DescribedPartition[];
  /** Field names on this topic's lines that the parser does not know (a newer tool version), e.g. `Foo`. */
  readonly unknownFields: readonly string[];
  /** The header line, or the first partition line when there is no header. */
  readonly line: number;
}

export interface TopicsDescribeResult {
  readonly topics: readonly DescribedTopic[];
  readonly unknownLines: readonly UnknownLine[];
}

const HEADER_KEYS = ['Topic', 'TopicId', 'PartitionCount', 'ReplicationFactor', 'Configs', 'MarkedForDeletion'] as const;
const PARTITION_KEYS = ['Topic', 'Partition', 'Leader', 'Replicas', 'Isr', 'Adding Replicas', 'Removing Replicas', 'Elr', 'LastKnownElr', 'Offline'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set<string>([...HEADER_KEYS, ...PARTITION_KEYS]);
/** Longest first, so `PartitionCount` is not read as `Partition`. */
const KEY_PATTERN = new RegExp(`(?:^|[\\t ])(${[...KNOWN_KEYS].sort((a, b) => b.length - a.length).join('|')}):`, 'g');

interface MutableTopic {
  name: string;
  topicId?: string;
  partitionCount?: number;
  replicationFactor?: number;
  configs: Array<{ key: string; value: string }>;
  markedForDeletion: boolean;
  partitions: DescribedPartition[];
  unknownFields: string[];
  line: number;
}

/** Splits a line into `key → value` by the known field names (values are trimmed). */
function fieldsOf(text: string): Map<string, string> {
  const matches = [...text.matchAll(KEY_PATTERN)];
  const fields = new Map<string, string>();
  matches.forEach((m, i) => {
    const key = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    if (!fields.has(key)) fields.set(key, text.slice(start, end).trim());
  });
  return fields;
}

/** Tab-separated segments that look like `Name: value` with a name the parser does not know. */
function unknownFieldsOf(text: string): string[] {
  if (!text.includes('\t')) return [];
  return text
    .split('\t')
    .map((s) => s.trim())
    .flatMap((segment) => {
      const key = /^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?):/.exec(segment)?.[1];
      return key !== undefined && !KNOWN_KEYS.has(key) ? [key] : [];
    });
}

/**
 * `k=v,k=v` → entries. Values may contain commas (`cleanup.policy=compact,delete`, throttled replica lists
 * `1:101,0:102`), so a part without `=` continues the previous value.
 */
export function parseConfigList(list: string): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = [];
  for (const part of list.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const last = entries[entries.length - 1];
    if (eq <= 0) {
      if (last !== undefined) last.value = `${last.value},${part}`;
      continue;
    }
    entries.push({ key: part.slice(0, eq).trim(), value: part.slice(eq + 1) });
  }
  return entries;
}

export function parseTopicsDescribe(text: string): TopicsDescribeResult {
  const topics: MutableTopic[] = [];
  const unknownLines: UnknownLine[] = [];
  let current: MutableTopic | undefined;

  for (const { line, text: raw } of numberedLines(text)) {
    if (raw.trim() === '') continue;
    const fields = fieldsOf(raw);
    const name = fields.get('Topic');
    if (name === undefined || name === '' || /\s/.test(name)) {
      unknownLines.push({ line, text: raw });
      continue;
    }
    if (fields.has('PartitionCount')) {
      const partitionCount = parseCount(fields.get('PartitionCount'));
      const replicationFactor = parseCount(fields.get('ReplicationFactor'));
      if (partitionCount === undefined || replicationFactor === undefined) {
        unknownLines.push({ line, text: raw });
        continue;
      }
      current = {
        name,
        partitionCount,
        replicationFactor,
        configs: parseConfigList(fields.get('Configs') ?? ''),
        markedForDeletion: fields.get('MarkedForDeletion') === 'true',
        partitions: [],
        unknownFields: unknownFieldsOf(raw),
        line,
        ...(fields.get('TopicId') ? { topicId: fields.get('TopicId') } : {}),
      };
      topics.push(current);
      continue;
    }
    const partition = parseCount(fields.get('Partition'));
    if (partition === undefined) {
      unknownLines.push({ line, text: raw });
      continue;
    }
    if (current === undefined || current.name !== name) {
      // Partition lines without their header (e.g. a pasted excerpt): the topic is known only from them.
      current = topics.find((t) => t.name === name);
      if (current === undefined) {
        current = { name, configs: [], markedForDeletion: false, partitions: [], unknownFields: [], line };
        topics.push(current);
      }
    }
    current.partitions.push({
      partition,
      leader: fields.get('Leader') ?? '',
      replicas: parseIdList(fields.get('Replicas')),
      isr: parseIdList(fields.get('Isr')),
      addingReplicas: parseIdList(fields.get('Adding Replicas')),
      removingReplicas: parseIdList(fields.get('Removing Replicas')),
      line,
    });
    for (const f of unknownFieldsOf(raw)) if (!current.unknownFields.includes(f)) current.unknownFields.push(f);
  }
  return { topics, unknownLines };
}
