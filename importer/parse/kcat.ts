/**
 * `kcat -L -J` (and kafkacat's) JSON metadata, pretty-printed (`| jq .`) or raw on one line, with or without
 * `controllerid` (absent in old kafkacat builds); and, as a fallback, the plain-text `kcat -L` listing.
 *
 * JSON shape (edenhill/kcat json.c, metadata_print_json): `originating_broker{id,name}`, `query{topic}`,
 * `controllerid`, `brokers[{id,name}]`, `topics[{topic, [error], partitions[{partition, [error], leader,
 * replicas[{id}], isrs[{id}]}]}]`. kcat reports no topic configs: partitions and replicas only.
 *
 * Keys the parser does not know are reported as unknown lines (the line where the key first appears), never dropped.
 */
import { numberedLines, parseCount, parseIdList } from './lines';
import type { UnknownLine } from '../types';

export interface KcatPartition {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly error?: string;
}

export interface KcatTopic {
  readonly name: string;
  readonly partitions: readonly KcatPartition[];
  /** A topic-level error kcat reported (e.g. `Broker: Invalid topic`); such a topic carries no usable metadata. */
  readonly error?: string;
  readonly line: number;
}

export interface KcatResult {
  readonly format: 'json' | 'text';
  readonly topics: readonly KcatTopic[];
  readonly unknownLines: readonly UnknownLine[];
}

const TOP_KEYS: ReadonlySet<string> = new Set(['originating_broker', 'query', 'controllerid', 'brokers', 'topics']);
const TOPIC_KEYS: ReadonlySet<string> = new Set(['topic', 'error', 'partitions']);
const PARTITION_KEYS: ReadonlySet<string> = new Set(['partition', 'error', 'leader', 'replicas', 'isrs']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseKcat(text: string): KcatResult {
  return text.trimStart().startsWith('{') ? parseJson(text) : parseText(text);
}

function lineAt(text: string, index: number): number {
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function lineOf(text: string, needle: string): number {
  return lineAt(text, text.indexOf(needle));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseJson(text: string): KcatResult {
  const unknownLines: UnknownLine[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { format: 'json', topics: [], unknownLines: [{ line: 1, text: `not valid JSON: ${message}` }] };
  }
  if (!isObject(doc)) return { format: 'json', topics: [], unknownLines: [{ line: 1, text: 'not a kcat metadata object' }] };
  const unknownKey = (key: string, where: string): void => {
    unknownLines.push({ line: lineOf(text, `"${key}"`), text: `unknown key "${key}" in ${where}` });
  };
  for (const key of Object.keys(doc)) if (!TOP_KEYS.has(key)) unknownKey(key, 'the metadata');

  const topics: KcatTopic[] = [];
  const list = doc.topics;
  if (list !== undefined && !Array.isArray(list)) unknownLines.push({ line: lineOf(text, '"topics"'), text: '"topics" is not a list' });
  let searchFrom = 0;
  for (const [i, raw] of (Array.isArray(list) ? list : []).entries()) {
    if (!isObject(raw) || typeof raw.topic !== 'string') {
      unknownLines.push({ line: lineOf(text, '"topics"'), text: `topics[${i}] has no topic name` });
      continue;
    }
    const at = new RegExp(`"topic"\\s*:\\s*${escapeRegExp(JSON.stringify(raw.topic))}`, 'g');
    at.lastIndex = searchFrom;
    const found = at.exec(text);
    const line = lineAt(text, found?.index ?? -1);
    if (found !== null) searchFrom = found.index + 1;
    for (const key of Object.keys(raw)) if (!TOPIC_KEYS.has(key)) unknownKey(key, `topic ${raw.topic}`);
    const partitions: KcatPartition[] = [];
    for (const p of Array.isArray(raw.partitions) ? raw.partitions : []) {
      if (!isObject(p) || typeof p.partition !== 'number') continue;
      for (const key of Object.keys(p)) if (!PARTITION_KEYS.has(key)) unknownKey(key, `topic ${raw.topic} partition ${String(p.partition)}`);
      const replicas = (Array.isArray(p.replicas) ? p.replicas : []).flatMap((r) => (isObject(r) && typeof r.id === 'number' ? [r.id] : []));
      partitions.push({
        partition: p.partition,
        leader: typeof p.leader === 'number' ? p.leader : -1,
        replicas,
        ...(typeof p.error === 'string' ? { error: p.error } : {}),
      });
    }
    topics.push({ name: raw.topic, partitions, ...(typeof raw.error === 'string' ? { error: raw.error } : {}), line });
  }
  return { format: 'json', topics, unknownLines };
}

/**
 * `kcat -L` text: `Metadata for … (from broker …):`, ` N brokers:` + `  broker 1 at host:port [(controller)]`,
 * ` N topics:` + `  topic "x" with N partitions[: error]` + `    partition 0, leader 1, replicas: 1,2, isrs: 1,2[, error]`.
 */
function parseText(text: string): KcatResult {
  const topics: Array<{ name: string; partitions: KcatPartition[]; error?: string; line: number }> = [];
  const unknownLines: UnknownLine[] = [];
  for (const { line, text: raw } of numberedLines(text)) {
    if (raw.trim() === '') continue;
    if (/^Metadata for .*:\s*$/.test(raw) || /^\s+\d+ (brokers|topics):\s*$/.test(raw) || /^\s+broker -?\d+ at \S+( \(controller\))?\s*$/.test(raw)) continue;
    const topic = /^\s+topic "(.*)" with (\d+) partitions:?(?: (.*))?$/.exec(raw);
    if (topic !== null) {
      const error = topic[3]?.trim();
      topics.push({ name: topic[1] ?? '', partitions: [], line, ...(error ? { error } : {}) });
      continue;
    }
    const partition = /^\s+partition (\d+), leader (-?\d+), replicas: ([\d,]*), isrs: ([\d,]*)(?:, (.*))?$/.exec(raw);
    const owner = topics[topics.length - 1];
    if (partition !== null && owner !== undefined) {
      const error = partition[5]?.trim();
      owner.partitions.push({
        partition: parseCount(partition[1]) ?? 0,
        leader: Number(partition[2]),
        replicas: parseIdList(partition[3]),
        ...(error ? { error } : {}),
      });
      continue;
    }
    unknownLines.push({ line, text: raw });
  }
  return { format: 'text', topics, unknownLines };
}
