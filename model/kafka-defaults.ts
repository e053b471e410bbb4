/**
 * Apache Kafka's own defaults for topic-level configs (Kafka 3.x–4.x): the value a topic has when it sets no override
 * and the broker's matching setting was left alone. The one home of these facts: review reads them when a key is absent
 * on one side of a change (the broker's value then applies, which review assumes to be Kafka's default), and import
 * reads them when cluster output shows no override and no broker setting for a key the declarations derive — never
 * the environment's values, which say what new topics get, not what an existing cluster has.
 *
 * Source: the "Topic-Level Configs" table of the Apache Kafka documentation (3.9 and 4.0), i.e. the defaults of the
 * matching broker settings (`log.retention.hours=168` → `retention.ms=604800000`, …). Topicform's own sizing numbers
 * are in limits.ts; these are Kafka's, and change only when Kafka changes them.
 */
import { TIME_MS } from './limits';

/** `retention.ms` when a topic sets none: the broker's `log.retention.hours=168`, 7 days. */
export const KAFKA_DEFAULT_RETENTION_MS = 7 * TIME_MS.day;

/** `delete.retention.ms` (how long tombstones stay readable) when a topic sets none: `log.cleaner.delete.retention.ms`, 1 day. */
export const KAFKA_DEFAULT_DELETE_RETENTION_MS = TIME_MS.day;

/**
 * Kafka's broker default for offsets.retention.minutes (10080, since Kafka 2.0, KIP-186): how long the committed
 * offsets of a group stay after it becomes empty. What review says happens to a removed group's offsets.
 */
export const KAFKA_DEFAULT_OFFSETS_RETENTION_MS = 7 * TIME_MS.day;

/** `segment.ms` when a topic sets none: the broker's `log.roll.hours=168`, 7 days. */
const KAFKA_DEFAULT_SEGMENT_MS = 7 * TIME_MS.day;

/** Java's `Long.MAX_VALUE`, which Kafka uses for "never" (`flush.messages`, `flush.ms`, `max.compaction.lag.ms`). */
const JAVA_LONG_MAX = '9223372036854775807';

/** Every topic-level default topicform reads, as the strings `kafka-configs --describe --all` prints. */
export const KAFKA_TOPIC_DEFAULTS = {
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
  'delete.retention.ms': String(KAFKA_DEFAULT_DELETE_RETENTION_MS),
  'file.delete.delay.ms': '60000',
  'flush.messages': JAVA_LONG_MAX,
  'flush.ms': JAVA_LONG_MAX,
  'index.interval.bytes': '4096',
  'max.compaction.lag.ms': JAVA_LONG_MAX,
  'max.message.bytes': '1048588',
  'message.downconversion.enable': 'true',
  'message.timestamp.type': 'CreateTime',
  'min.cleanable.dirty.ratio': '0.5',
  'min.compaction.lag.ms': '0',
  'min.insync.replicas': '1',
  preallocate: 'false',
  'retention.bytes': '-1',
  'retention.ms': String(KAFKA_DEFAULT_RETENTION_MS),
  'segment.bytes': '1073741824',
  'segment.index.bytes': '10485760',
  'segment.jitter.ms': '0',
  'segment.ms': String(KAFKA_DEFAULT_SEGMENT_MS),
  'unclean.leader.election.enable': 'false',
} as const satisfies Readonly<Record<string, string>>;

/** Kafka's default for a topic config key, or undefined for a key this table does not know. */
export function kafkaTopicDefault(key: string): string | undefined {
  return Object.hasOwn(KAFKA_TOPIC_DEFAULTS, key) ? KAFKA_TOPIC_DEFAULTS[key as keyof typeof KAFKA_TOPIC_DEFAULTS] : undefined;
}
