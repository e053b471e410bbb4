/**
 * Kafka topic-level config keys and a validator per key (topicctl's `keyValidators`).
 *
 * Declarations may set extra topic configs (`config: { 'retention.ms': '604800000' }`) and the importer reads them
 * back from clusters, so every key is checked here: unknown keys are errors with a did-you-mean, vendor keys pass only
 * through an explicit allow-list, and values are checked as strictly as Terraform needs. Values are strings (the
 * provider's `config` is a `map(string)`) and must be written the way Kafka reports them back, or every plan shows a
 * diff: `"7"`, not `"+7"`, `"007"` or `" 7"`.
 *
 * Source of the table: `LogConfig` (`CONFIG.define(…)`, org.apache.kafka.storage.internals.log, Kafka 3.9; before 3.5
 * kafka.log.LogConfig) and `TopicConfig`, plus the changes of Kafka 4.0: KIP-1030 (segment.bytes ≥ 1 MiB) and KIP-724
 * (message.format.version removed). Each minimum below names the `atLeast(…)` it copies.
 */
import { didYouMean } from './did-you-mean';
import { formatPath } from './issues';
import type { Issue } from './issues';
import { CLEANUP_POLICIES } from './vocabulary';

/**
 * `cleanup.policy` values Kafka accepts and echoes in a topic's `config`: a list of `delete`/`compact`, in either
 * order. A declaration's `cleanupPolicy` takes CLEANUP_POLICIES (vocabulary.ts), one spelling per meaning; a raw
 * `config` entry or a cluster read by `import` may also carry the other order of the pair.
 */
export const KAFKA_CLEANUP_POLICY_VALUES = [...CLEANUP_POLICIES, 'delete,compact'] as const;
export type KafkaCleanupPolicyValue = (typeof KAFKA_CLEANUP_POLICY_VALUES)[number];

/** `compression.type` values (BrokerCompressionType): the codecs, `uncompressed`, or `producer` to keep the producer's. */
export const COMPRESSION_TYPES = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;
export type CompressionType = (typeof COMPRESSION_TYPES)[number];

/** `message.timestamp.type` values: the producer's timestamp or the broker's append time. */
export const MESSAGE_TIMESTAMP_TYPES = ['CreateTime', 'LogAppendTime'] as const;
export type MessageTimestampType = (typeof MESSAGE_TIMESTAMP_TYPES)[number];

/**
 * Prefixes of topic config keys that only a vendor's broker understands (Confluent Server/Cloud, Redpanda, AutoMQ,
 * Bufstream, WarpStream). Apache Kafka rejects them, so they need the explicit allow-list.
 */
export const VENDOR_CONFIG_KEY_PREFIXES = ['automq.', 'bufstream.', 'confluent.', 'redpanda.', 'warpstream.'] as const;

/** java.lang.Integer.MIN_VALUE / MAX_VALUE: the range of Kafka's INT config type. */
const INT_MIN = -2_147_483_648n;
const INT_MAX = 2_147_483_647n;
/** java.lang.Long.MIN_VALUE / MAX_VALUE: the range of Kafka's LONG config type. */
const LONG_MIN = -9_223_372_036_854_775_808n;
const LONG_MAX = 9_223_372_036_854_775_807n;

/** segment.bytes minimum in Kafka 3.x: LegacyRecord.RECORD_OVERHEAD_V0 (LogConfig: atLeast(RECORD_OVERHEAD_V0)). */
const SEGMENT_BYTES_MIN = 14n;
/** segment.bytes minimum from Kafka 4.0 on: 1 MiB (KIP-1030; LogConfig: atLeast(1024 * 1024)). */
const SEGMENT_BYTES_MIN_KAFKA_4 = 1_048_576n;
/** Compression level bounds (CompressionType, Kafka 3.8+, KIP-390): java.util.zip.Deflater, lz4-java and zstd-jni. */
const GZIP_LEVEL_MIN = 1n; // Deflater.BEST_SPEED
const GZIP_LEVEL_MAX = 9n; // Deflater.BEST_COMPRESSION
const GZIP_LEVEL_DEFAULT = -1n; // Deflater.DEFAULT_COMPRESSION, the only level allowed outside 1..9
const LZ4_LEVEL_MIN = 1n;
const LZ4_LEVEL_MAX = 17n;
const ZSTD_LEVEL_MIN = -131_072n; // ZSTD_minCLevel()
const ZSTD_LEVEL_MAX = 22n; // ZSTD_MAX_CLEVEL

interface IntegerValue {
  readonly kind: 'integer';
  /** Kafka's config type: INT (32-bit) or LONG (64-bit). */
  readonly type: 'int' | 'long';
  /** @default - the type's minimum (Kafka sets no lower bound) */
  readonly min?: bigint;
  /** @default - the type's maximum */
  readonly max?: bigint;
  /** One more value allowed outside min..max (gzip's -1). */
  readonly orExactly?: bigint;
  /** Milliseconds: lets the message suggest `604800000` for `7d`. */
  readonly isDuration?: boolean;
  /** Units and special values, shown after what is allowed, e.g. `milliseconds; -1 = unlimited`. */
  readonly note: string;
  /** A higher minimum that Kafka 4.0+ enforces; values between `min` and this are a warning. */
  readonly kafka4Min?: bigint;
}

type ConfigValueSpec =
  | IntegerValue
  | { readonly kind: 'ratio'; readonly note: string }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'throttled-replicas' }
  | { readonly kind: 'kafka-version' };

interface TopicConfigKeySpec {
  /** One line: what the key controls. */
  readonly doc: string;
  readonly value: ConfigValueSpec;
  /** Set when Kafka deprecated or removed the key: reported as a warning. */
  readonly deprecation?: { readonly message: string; readonly hint: string };
}

const ms = (min: bigint, note = 'milliseconds'): IntegerValue => ({ kind: 'integer', type: 'long', min, isDuration: true, note });
const BOOLEAN: ConfigValueSpec = { kind: 'boolean' };
const THROTTLED_REPLICAS: ConfigValueSpec = { kind: 'throttled-replicas' };

const TOPIC_CONFIG_KEYS: Readonly<Record<string, TopicConfigKeySpec>> = {
  'cleanup.policy': {
    doc: 'what happens to old segments: "delete" drops them after retention, "compact" keeps the latest record per key, or both',
    value: { kind: 'enum', values: KAFKA_CLEANUP_POLICY_VALUES },
  },
  'compression.gzip.level': {
    doc: 'gzip level used when compression.type is gzip (Kafka 3.8+)',
    value: { kind: 'integer', type: 'int', min: GZIP_LEVEL_MIN, max: GZIP_LEVEL_MAX, orExactly: GZIP_LEVEL_DEFAULT, note: '-1 = codec default' },
  },
  'compression.lz4.level': {
    doc: 'lz4 level used when compression.type is lz4 (Kafka 3.8+)',
    value: { kind: 'integer', type: 'int', min: LZ4_LEVEL_MIN, max: LZ4_LEVEL_MAX, note: 'lz4 level' },
  },
  'compression.type': {
    doc: 'codec the broker stores batches with; "producer" keeps whatever the producer used',
    value: { kind: 'enum', values: COMPRESSION_TYPES },
  },
  'compression.zstd.level': {
    doc: 'zstd level used when compression.type is zstd (Kafka 3.8+)',
    value: { kind: 'integer', type: 'int', min: ZSTD_LEVEL_MIN, max: ZSTD_LEVEL_MAX, note: 'zstd level' },
  },
  'delete.retention.ms': {
    doc: 'how long tombstones stay readable on a compacted topic; consumers replaying from the start must finish within it',
    value: ms(0n), // atLeast(0)
  },
  'file.delete.delay.ms': {
    doc: 'wait before a deleted segment file is removed from disk',
    value: ms(0n), // atLeast(0)
  },
  'flush.messages': {
    doc: 'force an fsync every N messages; leave unset and rely on replication',
    value: { kind: 'integer', type: 'long', min: 1n, note: 'messages' }, // atLeast(1) since 3.3 (atLeast(0) before)
  },
  'flush.ms': {
    doc: 'force an fsync after this long; leave unset and rely on replication',
    value: ms(0n), // atLeast(0)
  },
  'follower.replication.throttled.replicas': {
    doc: 'replicas whose follower-side replication is throttled during reassignment',
    value: THROTTLED_REPLICAS,
  },
  'index.interval.bytes': {
    doc: 'bytes between offset-index entries',
    value: { kind: 'integer', type: 'int', min: 0n, note: 'bytes' }, // atLeast(0)
  },
  'leader.replication.throttled.replicas': {
    doc: 'replicas whose leader-side replication is throttled during reassignment',
    value: THROTTLED_REPLICAS,
  },
  'local.retention.bytes': {
    doc: 'with tiered storage, bytes per partition kept on local disk before segments live only in remote storage',
    // atLeast(-2)
    value: { kind: 'integer', type: 'long', min: -2n, note: 'bytes per partition; -2 = retention.bytes, -1 = unlimited' },
  },
  'local.retention.ms': {
    doc: 'with tiered storage, how long segments stay on local disk before they live only in remote storage',
    value: ms(-2n, 'milliseconds; -2 = retention.ms, -1 = unlimited'), // atLeast(-2)
  },
  'max.compaction.lag.ms': {
    doc: 'longest a record may stay uncompacted on a compacted topic',
    value: ms(1n), // atLeast(1)
  },
  'max.message.bytes': {
    doc: 'largest record batch the topic accepts, after compression',
    value: { kind: 'integer', type: 'int', min: 0n, note: 'bytes' }, // atLeast(0)
  },
  'message.downconversion.enable': {
    doc: 'whether the broker down-converts records for consumers that expect an older message format',
    value: BOOLEAN,
    deprecation: {
      message: '"message.downconversion.enable" has no effect since Kafka 4.0 and is deprecated for removal in Kafka 5.0',
      hint: 'remove it: Kafka 4.0 removed down-conversion',
    },
  },
  'message.format.version': {
    doc: 'message format the broker writes (ignored once inter.broker.protocol.version is 3.0 or later)',
    value: { kind: 'kafka-version' },
    deprecation: {
      message: '"message.format.version" is deprecated since Kafka 3.0 and removed in Kafka 4.0',
      hint: 'remove it: the format follows inter.broker.protocol.version',
    },
  },
  'message.timestamp.after.max.ms': {
    doc: 'how far in the future a CreateTime timestamp may be before the record is rejected (Kafka 3.6+)',
    value: ms(0n), // atLeast(0)
  },
  'message.timestamp.before.max.ms': {
    doc: 'how far in the past a CreateTime timestamp may be before the record is rejected (Kafka 3.6+)',
    value: ms(0n), // atLeast(0)
  },
  'message.timestamp.difference.max.ms': {
    doc: 'largest gap allowed between a CreateTime timestamp and the broker clock',
    value: ms(0n), // atLeast(0)
    deprecation: {
      message: '"message.timestamp.difference.max.ms" is deprecated since Kafka 3.6 and removed in Kafka 4.0',
      hint: 'use message.timestamp.before.max.ms and message.timestamp.after.max.ms (KIP-937)',
    },
  },
  'message.timestamp.type': {
    doc: "whether record timestamps are the producer's (CreateTime) or the broker's append time (LogAppendTime)",
    value: { kind: 'enum', values: MESSAGE_TIMESTAMP_TYPES },
  },
  'min.cleanable.dirty.ratio': {
    doc: 'share of the log that must be uncompacted before the cleaner compacts it',
    value: { kind: 'ratio', note: '0.5 = half the log' }, // between(0, 1)
  },
  'min.compaction.lag.ms': {
    doc: 'shortest time a record stays uncompacted on a compacted topic',
    value: ms(0n), // atLeast(0)
  },
  'min.insync.replicas': {
    doc: 'replicas that must acknowledge an acks=all write for it to succeed',
    value: { kind: 'integer', type: 'int', min: 1n, note: 'replicas' }, // atLeast(1)
  },
  preallocate: {
    doc: 'whether new segment files are preallocated on disk',
    value: BOOLEAN,
  },
  'remote.log.copy.disable': {
    doc: 'with tiered storage, stop copying new segments to remote storage and keep remote data read-only (Kafka 3.9+)',
    value: BOOLEAN,
  },
  'remote.log.delete.on.disable': {
    doc: 'delete remote data when remote.storage.enable is turned off; Kafka requires it to turn tiering off (Kafka 3.9+)',
    value: BOOLEAN,
  },
  'remote.storage.enable': {
    doc: 'whether the topic uses tiered storage (needs tiering enabled on the brokers)',
    value: BOOLEAN,
  },
  'retention.bytes': {
    doc: 'largest a partition may grow before old segments are deleted (cleanup.policy delete); -1 = no size limit',
    value: { kind: 'integer', type: 'long', note: 'bytes per partition; -1 = unlimited' }, // no bound: any negative = unlimited
  },
  'retention.ms': {
    doc: 'how long records are kept before old segments are deleted (cleanup.policy delete); -1 keeps them forever',
    value: ms(-1n, 'milliseconds; -1 = unlimited'), // atLeast(-1)
  },
  'segment.bytes': {
    doc: 'size at which the active segment file is rolled; retention and compaction work a whole segment at a time',
    value: { kind: 'integer', type: 'int', min: SEGMENT_BYTES_MIN, kafka4Min: SEGMENT_BYTES_MIN_KAFKA_4, note: 'bytes' },
  },
  'segment.index.bytes': {
    doc: 'size of the preallocated offset index per segment',
    value: { kind: 'integer', type: 'int', min: 4n, note: 'bytes' }, // atLeast(4) since 3.3 (atLeast(0) before)
  },
  'segment.jitter.ms': {
    doc: 'random jitter subtracted from segment.ms so segments do not all roll at once',
    value: ms(0n), // atLeast(0)
  },
  'segment.ms': {
    doc: 'age at which the active segment is rolled even if not full, so retention and compaction can reach it',
    value: ms(1n), // atLeast(1)
  },
  'unclean.leader.election.enable': {
    doc: 'whether an out-of-sync replica may become leader as a last resort, losing acknowledged writes',
    value: BOOLEAN,
  },
};

const SPECS: ReadonlyMap<string, TopicConfigKeySpec> = new Map(Object.entries(TOPIC_CONFIG_KEYS));

/** Every topic-level config key of Apache Kafka 3.x–4.x, deprecated and removed ones included, sorted. */
export const KNOWN_TOPIC_CONFIG_KEYS: readonly string[] = Object.freeze([...SPECS.keys()].sort());

/** The one-line description of a known topic config key, or `undefined` for any other key. */
export function describeConfigKey(key: string): string | undefined {
  return SPECS.get(key)?.doc;
}

export interface TopicConfigValidationOptions {
  /**
   * Vendor-specific keys to pass through unchecked, each spelt exactly (`confluent.placement.constraints`).
   *
   * @default - none: every vendor key is an error
   */
  readonly vendorKeys?: readonly string[];
}

/**
 * Checks every key and value of a topic's `config` map and returns all problems: per-key issues sorted by key, then
 * conflicts between keys.
 *
 * Paths look like `config["retention.ms"]`. Codes: `unknown-config-key`, `vendor-config-key-not-allowed`,
 * `invalid-config-value`, `conflicting-config-values` (errors); `deprecated-config-key` and
 * `config-value-below-kafka-4-minimum` (warnings).
 */
export function validateTopicConfig(config: Readonly<Record<string, string>>, options: TopicConfigValidationOptions = {}): Issue[] {
  const vendorKeys = options.vendorKeys ?? [];
  const issues: Issue[] = [];
  for (const key of Object.keys(config).sort()) {
    const value = config[key] ?? '';
    const path = formatPath(['config', key]);
    const spec = SPECS.get(key);
    if (spec === undefined) {
      issues.push(...checkUnknownKey(key, path, vendorKeys));
      continue;
    }
    if (spec.deprecation !== undefined) {
      issues.push({ path, code: 'deprecated-config-key', severity: 'warning', ...spec.deprecation });
    }
    issues.push(...checkValue(key, value, spec.value).map((issue) => ({ path, ...issue })));
  }
  issues.push(...checkCompactionLags(config));
  return issues;
}

function checkUnknownKey(key: string, path: string, vendorKeys: readonly string[]): Issue[] {
  if (vendorKeys.includes(key)) return [];
  const suggestion = didYouMean(key, [...KNOWN_TOPIC_CONFIG_KEYS, ...vendorKeys]);
  const hint = suggestion === undefined ? undefined : `did you mean ${JSON.stringify(suggestion)}?`;
  if (VENDOR_CONFIG_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) {
    return [
      {
        path,
        code: 'vendor-config-key-not-allowed',
        message: `vendor topic config key ${JSON.stringify(key)} is not allowed`,
        hint: hint ?? "Apache Kafka rejects it; add it to the environment's vendorConfigKeys to pass it through unchecked",
      },
    ];
  }
  return [
    {
      path,
      code: 'unknown-config-key',
      message: `unknown topic config key ${JSON.stringify(key)}`,
      hint:
        brokerSynonymHint(key) ?? hint ?? "not a topic-level config of Apache Kafka 3.x–4.x; a vendor key must be listed in the environment's vendorConfigKeys",
    },
  ];
}

/**
 * Broker configs whose topic-level key is not just the name without `log.` or `log.cleaner.`
 * (ServerTopicConfigSynonyms.ALL_TOPIC_CONFIG_SYNONYMS): people copy them from server.properties.
 */
const RENAMED_BROKER_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['log.cleaner.min.cleanable.ratio', 'min.cleanable.dirty.ratio'],
  ['log.flush.interval.messages', 'flush.messages'],
  ['log.flush.interval.ms', 'flush.ms'],
  ['log.flush.scheduler.interval.ms', 'flush.ms'],
  ['log.index.size.max.bytes', 'segment.index.bytes'],
  ['log.retention.hours', 'retention.ms'],
  ['log.retention.minutes', 'retention.ms'],
  ['log.roll.hours', 'segment.ms'],
  ['log.roll.jitter.hours', 'segment.jitter.ms'],
  ['log.roll.jitter.ms', 'segment.jitter.ms'],
  ['log.roll.ms', 'segment.ms'],
  ['log.segment.delete.delay.ms', 'file.delete.delay.ms'],
  ['message.max.bytes', 'max.message.bytes'],
]);

/** `that is a broker config; the topic-level key is "retention.ms" (in milliseconds)` for a broker config name. */
function brokerSynonymHint(key: string): string | undefined {
  const prefixed = ['log.cleaner.', 'log.'].find((prefix) => key.startsWith(prefix) && SPECS.has(key.slice(prefix.length)));
  const topicKey = RENAMED_BROKER_SYNONYMS.get(key) ?? (prefixed === undefined ? undefined : key.slice(prefixed.length));
  if (topicKey === undefined) return undefined;
  const unit = /\.(hours|minutes)$/.test(key) ? ' (in milliseconds)' : '';
  return `that is a broker config; the topic-level key is ${JSON.stringify(topicKey)}${unit}`;
}

type PathlessIssue = Omit<Issue, 'path'>;

function checkValue(key: string, value: string, spec: ConfigValueSpec): PathlessIssue[] {
  switch (spec.kind) {
    case 'integer':
      return checkInteger(key, value, spec);
    case 'ratio':
      return /^(0|[1-9]\d*)(\.\d+)?$/.test(value) && Number(value) <= 1 ? [] : [invalidValue(key, value, `a decimal number from 0 to 1 (${spec.note})`)];
    case 'boolean':
      return checkOneOf(key, value, ['true', 'false']);
    case 'enum':
      return checkOneOf(key, value, spec.values);
    case 'throttled-replicas':
      // ThrottledReplicaListValidator: "*" or [partitionId]:[brokerId],…; empty (Kafka's default) means none.
      return /^(\*|(\d+:\d+(,\d+:\d+)*)?)$/.test(value)
        ? []
        : [invalidValue(key, value, '"*" or a comma-separated list of partition:broker pairs, e.g. "0:101,1:102"')];
    case 'kafka-version':
      // MetadataVersionValidator takes versions such as 0.10.2, 2.8 or 3.0-IV1.
      return /^\d+\.\d+(\.\d+)?(-IV\d+)?$/.test(value) ? [] : [invalidValue(key, value, 'a Kafka version such as "2.8" or "3.0-IV1"')];
  }
}

function checkInteger(key: string, value: string, spec: IntegerValue): PathlessIssue[] {
  const parsed = parseCanonicalInteger(value);
  if (parsed === undefined || !isIntegerAllowed(parsed, spec)) {
    const beyondType = parsed !== undefined && (parsed < typeRange(spec).min || parsed > typeRange(spec).max);
    return [invalidValue(key, value, `${describeIntegerRange(spec, beyondType)} (${spec.note})`, integerHint(value, spec))];
  }
  if (spec.kafka4Min !== undefined && parsed < spec.kafka4Min) {
    return [
      {
        code: 'config-value-below-kafka-4-minimum',
        severity: 'warning',
        message: `value ${JSON.stringify(value)} for ${JSON.stringify(key)} is below ${spec.kafka4Min}, the minimum from Kafka 4.0 on`,
        hint: `Kafka 4.0+ rejects it; use at least "${spec.kafka4Min}" if the cluster runs Kafka 4`,
      },
    ];
  }
  return [];
}

/** Decimal integers as Kafka prints them: no sign but `-`, no leading zeros, no spaces, no `-0`. */
function parseCanonicalInteger(value: string | undefined): bigint | undefined {
  return value !== undefined && /^-?(0|[1-9]\d*)$/.test(value) && value !== '-0' ? BigInt(value) : undefined;
}

function typeRange(spec: IntegerValue): { readonly min: bigint; readonly max: bigint } {
  return spec.type === 'int' ? { min: INT_MIN, max: INT_MAX } : { min: LONG_MIN, max: LONG_MAX };
}

function isIntegerAllowed(parsed: bigint, spec: IntegerValue): boolean {
  const type = typeRange(spec);
  return parsed === spec.orExactly || (parsed >= (spec.min ?? type.min) && parsed <= (spec.max ?? type.max));
}

/** `an integer ≥ -1`, `-1 or an integer from 1 to 9`; the type's bounds only when the value broke them. */
function describeIntegerRange(spec: IntegerValue, beyondType: boolean): string {
  const type = typeRange(spec);
  const range =
    spec.max !== undefined || beyondType
      ? `an integer from ${spec.min ?? type.min} to ${spec.max ?? type.max}`
      : spec.min !== undefined
        ? `an integer ≥ ${spec.min}`
        : 'an integer';
  return spec.orExactly === undefined ? range : `${spec.orExactly} or ${range}`;
}

/** Milliseconds per unit for the `7d` → `604800000` hint. */
const DURATION_UNIT_MS: Readonly<Record<string, bigint>> = {
  ms: 1n,
  s: 1_000n,
  m: 60_000n,
  min: 60_000n,
  h: 3_600_000n,
  d: 86_400_000n,
  w: 604_800_000n,
};

/** How to write a near miss, when that spelling would be allowed: `7d` in milliseconds, `+7`/`007`/` 7` as `7`. */
function integerHint(value: string, spec: IntegerValue): string | undefined {
  const duration = /^(\d+)\s*(ms|s|m|min|h|d|w)$/.exec(value.trim());
  if (spec.isDuration === true && duration !== null) {
    const [, amount = '', unit = ''] = duration;
    const millis = BigInt(amount) * (DURATION_UNIT_MS[unit] ?? 1n);
    return isIntegerAllowed(millis, spec) ? `write "${millis}" for ${value.trim()} in milliseconds` : undefined;
  }
  const sloppy = /^\s*([+-]?)0*(\d+)\s*$/.exec(value);
  if (sloppy === null) return undefined;
  const [, sign = '', digits = ''] = sloppy;
  const canonical = sign === '-' && digits !== '0' ? -BigInt(digits) : BigInt(digits);
  return isIntegerAllowed(canonical, spec) ? `write "${canonical}"` : undefined;
}

function checkOneOf(key: string, value: string, allowed: readonly string[]): PathlessIssue[] {
  if (allowed.includes(value)) return [];
  const suggestion = didYouMean(value, allowed);
  const hint = suggestion === undefined ? undefined : `did you mean ${JSON.stringify(suggestion)}?`;
  return [invalidValue(key, value, `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`, hint)];
}

function invalidValue(key: string, value: string, allowed: string, hint?: string): PathlessIssue {
  return {
    code: 'invalid-config-value',
    message: `invalid value ${JSON.stringify(value)} for ${JSON.stringify(key)}: must be ${allowed}`,
    ...(hint === undefined ? {} : { hint }),
  };
}

/** LogConfig.validateValues: Kafka rejects min.compaction.lag.ms above max.compaction.lag.ms. */
function checkCompactionLags(config: Readonly<Record<string, string>>): Issue[] {
  const minLag = validInteger(config, 'min.compaction.lag.ms');
  const maxLag = validInteger(config, 'max.compaction.lag.ms');
  if (minLag === undefined || maxLag === undefined || minLag <= maxLag) return [];
  return [
    {
      path: formatPath(['config', 'min.compaction.lag.ms']),
      code: 'conflicting-config-values',
      message: `min.compaction.lag.ms "${minLag}" is greater than max.compaction.lag.ms "${maxLag}"`,
      hint: 'Kafka rejects a minimum compaction lag above the maximum; lower min.compaction.lag.ms or raise max.compaction.lag.ms',
    },
  ];
}

/** The value of an integer key when it is set and valid on its own (so a conflict is never reported on top of it). */
function validInteger(config: Readonly<Record<string, string>>, key: string): bigint | undefined {
  const spec = SPECS.get(key)?.value;
  const parsed = Object.hasOwn(config, key) ? parseCanonicalInteger(config[key]) : undefined;
  return spec?.kind === 'integer' && parsed !== undefined && isIntegerAllowed(parsed, spec) ? parsed : undefined;
}
