/**
 * `kafka-configs.sh --describe` text for topics, which tells topic overrides from broker-level values:
 *
 * - AdminClient path (Kafka 2.x+): `Dynamic configs for topic X are:` (overrides only) or, with `--all`,
 *   `All configs for topic X are:` (every effective value), then one entry per line,
 *   `  name=value sensitive=false synonyms={SOURCE:name=value, …}`. The first synonym is the entry's own source:
 *   `DYNAMIC_TOPIC_CONFIG` is a topic override; `DYNAMIC_BROKER_CONFIG`, `DYNAMIC_DEFAULT_BROKER_CONFIG`,
 *   `STATIC_BROKER_CONFIG` and `DEFAULT_CONFIG` are broker-level. An entry with no synonyms is a Kafka default.
 * - ZooKeeper path (≤ 2.x): `Configs for topic 'x' are k=v,k=v` — ZooKeeper stores only topic overrides.
 *
 * Blocks about other entities (brokers, users, clients, quotas) are recognised and skipped with a reason; lines that
 * fit no form are returned as unknown lines.
 *
 * Source of the format: apache/kafka core/src/main/scala/kafka/admin/ConfigCommand.scala.
 */
import { numberedLines } from './lines';
import { parseConfigList } from './topics-describe';
import type { SkippedLine, UnknownLine } from '../types';

export const CONFIG_SOURCES = [
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'DYNAMIC_CLIENT_METRICS_CONFIG',
  'DYNAMIC_GROUP_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'UNKNOWN',
] as const;

export interface ConfigSynonym {
  readonly source: string;
  readonly key: string;
  readonly value: string;
}

export interface DescribedConfigEntry {
  readonly key: string;
  /** The printed value; `null` when the tool hid it (`sensitive=true`). */
  readonly value: string | null;
  readonly sensitive: boolean;
  /** The entry's own source (its first synonym); undefined when the tool printed no synonyms. */
  readonly source?: string;
  readonly synonyms: readonly ConfigSynonym[];
  readonly line: number;
}

export interface DescribedTopicConfigs {
  readonly topic: string;
  /** `dynamic`: overrides only; `all`: every effective value (`--all`); `zookeeper`: the old overrides-only listing. */
  readonly mode: 'dynamic' | 'all' | 'zookeeper';
  readonly entries: readonly DescribedConfigEntry[];
  readonly line: number;
}

export interface ConfigsDescribeResult {
  readonly topics: readonly DescribedTopicConfigs[];
  readonly skippedLines: readonly SkippedLine[];
  readonly unknownLines: readonly UnknownLine[];
}

const BLOCK_HEADER = /^(All|Dynamic|Default|Static)?\s*configs for (.+?) are:\s*$/i;
const ZOOKEEPER_LINE = /^Configs for (\S+) '(.*)' are ?(.*)$/;
const ENTRY = /^\s+([^\s=]+)=(.*?) sensitive=(true|false) synonyms=\{(.*)\}\s*$/;

function parseSynonyms(text: string): ConfigSynonym[] {
  if (text.trim() === '') return [];
  return text.split(/, (?=[A-Z_]+:)/).flatMap((part) => {
    const m = /^([A-Z_]+):([^=]+)=(.*)$/.exec(part.trim());
    return m === null ? [] : [{ source: m[1] ?? '', key: m[2] ?? '', value: m[3] ?? '' }];
  });
}

interface Block {
  readonly topic: (DescribedTopicConfigs & { entries: DescribedConfigEntry[] }) | undefined;
  /** Why entries of a non-topic block are skipped. */
  readonly skip?: string;
}

export function parseConfigsDescribe(text: string): ConfigsDescribeResult {
  const topics: Array<DescribedTopicConfigs & { entries: DescribedConfigEntry[] }> = [];
  const skippedLines: SkippedLine[] = [];
  const unknownLines: UnknownLine[] = [];
  let block: Block | undefined;
  /** The old one-line form whose list ended with `,` (wrapped output): its next indented line continues it. */
  let continuing: { topic: DescribedTopicConfigs & { entries: DescribedConfigEntry[] }; line: number } | undefined;

  for (const { line, text: raw } of numberedLines(text)) {
    if (raw.trim() === '') {
      continuing = undefined;
      continue;
    }
    if (continuing !== undefined && /^\s/.test(raw)) {
      for (const { key, value } of parseConfigList(raw.trim())) continuing.topic.entries.push({ key, value, sensitive: false, synonyms: [], line });
      if (!raw.trimEnd().endsWith(',')) continuing = undefined;
      continue;
    }
    continuing = undefined;

    const header = BLOCK_HEADER.exec(raw);
    if (header !== null) {
      const entity = header[2] ?? '';
      const topicName = /^topic (\S+)$/.exec(entity)?.[1];
      if (topicName !== undefined) {
        const topic = { topic: topicName, mode: (header[1] ?? '').toLowerCase() === 'all' ? ('all' as const) : ('dynamic' as const), entries: [], line };
        topics.push(topic);
        block = { topic };
      } else {
        block = { topic: undefined, skip: `configs of ${entity}, not of a topic` };
        skippedLines.push({ line, text: raw, reason: block.skip ?? '' });
      }
      continue;
    }
    const zookeeper = ZOOKEEPER_LINE.exec(raw);
    if (zookeeper !== null) {
      block = undefined;
      if (zookeeper[1] === 'topic' || zookeeper[1] === 'topics') {
        const list = zookeeper[3] ?? '';
        const topic = {
          topic: zookeeper[2] ?? '',
          mode: 'zookeeper' as const,
          entries: parseConfigList(list).map(({ key, value }) => ({ key, value, sensitive: false, synonyms: [], line })),
          line,
        };
        topics.push(topic);
        if (list.trimEnd().endsWith(',')) continuing = { topic, line };
      } else {
        skippedLines.push({ line, text: raw, reason: `configs of ${zookeeper[1] ?? ''} '${zookeeper[2] ?? ''}', not of a topic` });
      }
      continue;
    }
    if (/^(Quota configs for|Configs for default )/.test(raw)) {
      block = undefined;
      skippedLines.push({ line, text: raw, reason: 'quota or default-entity configs, not of a topic' });
      continue;
    }
    const entry = ENTRY.exec(raw);
    if (entry !== null && block !== undefined) {
      if (block.topic === undefined) {
        skippedLines.push({ line, text: raw, reason: block.skip ?? 'not a topic config' });
        continue;
      }
      const sensitive = entry[3] === 'true';
      const synonyms = parseSynonyms(entry[4] ?? '');
      const value = entry[2] ?? '';
      block.topic.entries.push({
        key: entry[1] ?? '',
        value: sensitive && value === 'null' ? null : value,
        sensitive,
        synonyms,
        line,
        ...(synonyms[0] === undefined ? {} : { source: synonyms[0].source }),
      });
      continue;
    }
    unknownLines.push({ line, text: raw });
  }
  return { topics, skippedLines, unknownLines };
}
