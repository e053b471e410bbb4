import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { didYouMean, editDistance } from '../../model/did-you-mean';
import { formatPath } from '../../model/issues';
import {
  KAFKA_CLEANUP_POLICY_VALUES,
  COMPRESSION_TYPES,
  describeConfigKey,
  KNOWN_TOPIC_CONFIG_KEYS,
  MESSAGE_TIMESTAMP_TYPES,
  validateTopicConfig,
} from '../../model/topic-config-keys';

const LONG_MIN = -9_223_372_036_854_775_808n;
const LONG_MAX = 9_223_372_036_854_775_807n;
const INT_MAX = 2_147_483_647n;

/** Issues for a config with one key. */
const check = (key: string, value: string, vendorKeys?: readonly string[]) =>
  validateTopicConfig({ [key]: value }, vendorKeys === undefined ? undefined : { vendorKeys });

describe('KNOWN_TOPIC_CONFIG_KEYS', () => {
  it('lists every Apache Kafka 3.x–4.x topic-level key', () => {
    expect(KNOWN_TOPIC_CONFIG_KEYS).toEqual([
      'cleanup.policy',
      'compression.gzip.level',
      'compression.lz4.level',
      'compression.type',
      'compression.zstd.level',
      'delete.retention.ms',
      'file.delete.delay.ms',
      'flush.messages',
      'flush.ms',
      'follower.replication.throttled.replicas',
      'index.interval.bytes',
      'leader.replication.throttled.replicas',
      'local.retention.bytes',
      'local.retention.ms',
      'max.compaction.lag.ms',
      'max.message.bytes',
      'message.downconversion.enable',
      'message.format.version',
      'message.timestamp.after.max.ms',
      'message.timestamp.before.max.ms',
      'message.timestamp.difference.max.ms',
      'message.timestamp.type',
      'min.cleanable.dirty.ratio',
      'min.compaction.lag.ms',
      'min.insync.replicas',
      'preallocate',
      'remote.log.copy.disable',
      'remote.log.delete.on.disable',
      'remote.storage.enable',
      'retention.bytes',
      'retention.ms',
      'segment.bytes',
      'segment.index.bytes',
      'segment.jitter.ms',
      'segment.ms',
      'unclean.leader.election.enable',
    ]);
  });

  it('is sorted and cannot be changed', () => {
    expect([...KNOWN_TOPIC_CONFIG_KEYS].sort()).toEqual(KNOWN_TOPIC_CONFIG_KEYS);
    expect(Object.isFrozen(KNOWN_TOPIC_CONFIG_KEYS)).toBe(true);
  });
});

describe('describeConfigKey', () => {
  it.each(KNOWN_TOPIC_CONFIG_KEYS.map((key) => [key]))('gives %s a one-line, lowercase doc without a trailing period', (key) => {
    const doc = describeConfigKey(key);
    expect(doc).toMatch(/^[a-z"]/);
    expect(doc).not.toMatch(/[.\n]$/);
    expect(doc).not.toContain('\n');
  });

  it.each(['retention.msx', 'confluent.placement.constraints', 'constructor', '__proto__', ''])('knows nothing about %j', (key) => {
    expect(describeConfigKey(key)).toBeUndefined();
  });

  it('says what retention.ms controls', () => {
    expect(describeConfigKey('retention.ms')).toContain('how long records are kept');
  });
});

describe('validateTopicConfig: valid values', () => {
  it.each([
    ['retention.ms', '604800000'],
    ['retention.ms', '-1'],
    ['retention.ms', '0'],
    ['retention.ms', '9223372036854775807'],
    ['retention.bytes', '-1'],
    ['retention.bytes', '1073741824'],
    ['retention.bytes', '-9223372036854775808'],
    ['local.retention.ms', '-2'],
    ['local.retention.bytes', '-2'],
    ['segment.bytes', '1073741824'],
    ['segment.bytes', '2147483647'],
    ['segment.bytes', '1048576'],
    ['segment.ms', '1'],
    ['segment.index.bytes', '4'],
    ['flush.messages', '1'],
    ['flush.ms', '9223372036854775807'],
    ['max.message.bytes', '0'],
    ['min.insync.replicas', '2'],
    ['max.compaction.lag.ms', '1'],
    ['message.timestamp.before.max.ms', '0'],
    ['compression.gzip.level', '-1'],
    ['compression.gzip.level', '1'],
    ['compression.gzip.level', '9'],
    ['compression.lz4.level', '17'],
    ['compression.zstd.level', '-131072'],
    ['compression.zstd.level', '22'],
    ['min.cleanable.dirty.ratio', '0'],
    ['min.cleanable.dirty.ratio', '0.5'],
    ['min.cleanable.dirty.ratio', '0.05'],
    ['min.cleanable.dirty.ratio', '1'],
    ['min.cleanable.dirty.ratio', '1.0'],
    ...KAFKA_CLEANUP_POLICY_VALUES.map((policy) => ['cleanup.policy', policy]),
    ...COMPRESSION_TYPES.map((type) => ['compression.type', type]),
    ...MESSAGE_TIMESTAMP_TYPES.map((type) => ['message.timestamp.type', type]),
    ['preallocate', 'true'],
    ['unclean.leader.election.enable', 'false'],
    ['remote.storage.enable', 'true'],
    ['remote.log.copy.disable', 'false'],
    ['remote.log.delete.on.disable', 'true'],
    ['leader.replication.throttled.replicas', ''],
    ['leader.replication.throttled.replicas', '*'],
    ['follower.replication.throttled.replicas', '0:101'],
    ['follower.replication.throttled.replicas', '0:101,1:102,2:103'],
  ])('accepts %s = %j', (key, value) => {
    expect(check(key, value)).toEqual([]);
  });

  it('accepts an empty config', () => {
    expect(validateTopicConfig({})).toEqual([]);
  });

  it('accepts every integer from -1 up to Long.MAX_VALUE for retention.ms', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -1n, max: LONG_MAX }), (n) => {
        expect(check('retention.ms', String(n))).toEqual([]);
      }),
    );
  });

  it('accepts every 32-bit integer ≥ 0 for max.message.bytes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: INT_MAX }), (n) => {
        expect(check('max.message.bytes', String(n))).toEqual([]);
      }),
    );
  });

  it('accepts every decimal between 0 and 1 for min.cleanable.dirty.ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 3 }), (thousandths, digits) => {
        const value = `0.${String(thousandths).padStart(3, '0').slice(0, digits)}`;
        expect(check('min.cleanable.dirty.ratio', value)).toEqual([]);
      }),
    );
  });
});

describe('validateTopicConfig: invalid values', () => {
  it.each([
    // [scenario, key, value, message, hint]
    ['a word for a long', 'retention.ms', 'abc', 'invalid value "abc" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', undefined],
    [
      'a duration with a unit',
      'retention.ms',
      '7d',
      'invalid value "7d" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
      'write "604800000" for 7d in milliseconds',
    ],
    [
      'a duration in hours',
      'segment.ms',
      '1h',
      'invalid value "1h" for "segment.ms": must be an integer ≥ 1 (milliseconds)',
      'write "3600000" for 1h in milliseconds',
    ],
    ['a float for a long', 'retention.ms', '1.5', 'invalid value "1.5" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', undefined],
    ['an exponent', 'retention.ms', '1e3', 'invalid value "1e3" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', undefined],
    ['a leading plus', 'retention.ms', '+5', 'invalid value "+5" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', 'write "5"'],
    [
      'leading zeros',
      'retention.bytes',
      '007',
      'invalid value "007" for "retention.bytes": must be an integer (bytes per partition; -1 = unlimited)',
      'write "7"',
    ],
    ['surrounding spaces', 'min.insync.replicas', ' 2 ', 'invalid value " 2 " for "min.insync.replicas": must be an integer ≥ 1 (replicas)', 'write "2"'],
    ['negative zero', 'retention.ms', '-0', 'invalid value "-0" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', 'write "0"'],
    ['an empty string', 'retention.ms', '', 'invalid value "" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)', undefined],
    [
      'a value below the minimum',
      'retention.ms',
      '-2',
      'invalid value "-2" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
      undefined,
    ],
    [
      'a sloppy value whose fix is still too small',
      'segment.ms',
      '+0',
      'invalid value "+0" for "segment.ms": must be an integer ≥ 1 (milliseconds)',
      undefined,
    ],
    [
      'a long beyond Long.MAX_VALUE',
      'retention.ms',
      '9223372036854775808',
      'invalid value "9223372036854775808" for "retention.ms": must be an integer from -1 to 9223372036854775807 (milliseconds; -1 = unlimited)',
      undefined,
    ],
    [
      'an int beyond Integer.MAX_VALUE',
      'segment.bytes',
      '2147483648',
      'invalid value "2147483648" for "segment.bytes": must be an integer from 14 to 2147483647 (bytes)',
      undefined,
    ],
    ['a segment smaller than a record header', 'segment.bytes', '13', 'invalid value "13" for "segment.bytes": must be an integer ≥ 14 (bytes)', undefined],
    ['zero in-sync replicas', 'min.insync.replicas', '0', 'invalid value "0" for "min.insync.replicas": must be an integer ≥ 1 (replicas)', undefined],
    [
      'gzip level 0',
      'compression.gzip.level',
      '0',
      'invalid value "0" for "compression.gzip.level": must be -1 or an integer from 1 to 9 (-1 = codec default)',
      undefined,
    ],
    [
      'gzip level 10',
      'compression.gzip.level',
      '10',
      'invalid value "10" for "compression.gzip.level": must be -1 or an integer from 1 to 9 (-1 = codec default)',
      undefined,
    ],
    [
      'zstd level 23',
      'compression.zstd.level',
      '23',
      'invalid value "23" for "compression.zstd.level": must be an integer from -131072 to 22 (zstd level)',
      undefined,
    ],
    [
      'a ratio above 1',
      'min.cleanable.dirty.ratio',
      '1.5',
      'invalid value "1.5" for "min.cleanable.dirty.ratio": must be a decimal number from 0 to 1 (0.5 = half the log)',
      undefined,
    ],
    [
      'a ratio as a percentage',
      'min.cleanable.dirty.ratio',
      '50%',
      'invalid value "50%" for "min.cleanable.dirty.ratio": must be a decimal number from 0 to 1 (0.5 = half the log)',
      undefined,
    ],
    [
      'a ratio without its leading zero',
      'min.cleanable.dirty.ratio',
      '.5',
      'invalid value ".5" for "min.cleanable.dirty.ratio": must be a decimal number from 0 to 1 (0.5 = half the log)',
      undefined,
    ],
    [
      'a cleanup policy with a space',
      'cleanup.policy',
      'compact, delete',
      'invalid value "compact, delete" for "cleanup.policy": must be one of "delete", "compact", "compact,delete", "delete,compact"',
      'did you mean "compact,delete"?',
    ],
    [
      'a capitalised cleanup policy',
      'cleanup.policy',
      'Delete',
      'invalid value "Delete" for "cleanup.policy": must be one of "delete", "compact", "compact,delete", "delete,compact"',
      'did you mean "delete"?',
    ],
    [
      'an empty cleanup policy',
      'cleanup.policy',
      '',
      'invalid value "" for "cleanup.policy": must be one of "delete", "compact", "compact,delete", "delete,compact"',
      undefined,
    ],
    [
      'a misspelt codec',
      'compression.type',
      'gzipp',
      'invalid value "gzipp" for "compression.type": must be one of "uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"',
      'did you mean "gzip"?',
    ],
    [
      'a codec Kafka does not know',
      'compression.type',
      'brotli',
      'invalid value "brotli" for "compression.type": must be one of "uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"',
      undefined,
    ],
    [
      'a lowercase timestamp type',
      'message.timestamp.type',
      'createtime',
      'invalid value "createtime" for "message.timestamp.type": must be one of "CreateTime", "LogAppendTime"',
      'did you mean "CreateTime"?',
    ],
    [
      'an uppercase boolean',
      'unclean.leader.election.enable',
      'TRUE',
      'invalid value "TRUE" for "unclean.leader.election.enable": must be one of "true", "false"',
      'did you mean "true"?',
    ],
    ['a yes for a boolean', 'remote.storage.enable', 'yes', 'invalid value "yes" for "remote.storage.enable": must be one of "true", "false"', undefined],
    [
      'a throttle list with spaces',
      'leader.replication.throttled.replicas',
      '0:101, 1:102',
      'invalid value "0:101, 1:102" for "leader.replication.throttled.replicas": must be "*" or a comma-separated list of partition:broker pairs, e.g. "0:101,1:102"',
      undefined,
    ],
    [
      'a throttle word',
      'follower.replication.throttled.replicas',
      'all',
      'invalid value "all" for "follower.replication.throttled.replicas": must be "*" or a comma-separated list of partition:broker pairs, e.g. "0:101,1:102"',
      undefined,
    ],
  ])('fails on %s', (_scenario, key, value, message, hint) => {
    const issues = check(key, value);
    expect(issues).toEqual([{ path: formatPath(['config', key]), code: 'invalid-config-value', message, ...(hint === undefined ? {} : { hint }) }]);
  });

  it('fails with the path config["retention.ms"] and the value in the message', () => {
    expect(check('retention.ms', 'abc')).toEqual([
      {
        path: 'config["retention.ms"]',
        code: 'invalid-config-value',
        message: 'invalid value "abc" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
      },
    ]);
  });

  it('fails with a dotted path for a key that is a plain identifier', () => {
    expect(check('preallocate', 'yes')[0]?.path).toBe('config.preallocate');
  });

  it('fails on every integer below -1 for retention.ms', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: LONG_MIN, max: -2n }), (n) => {
        const issues = check('retention.ms', String(n));
        expect(issues).toHaveLength(1);
        expect(issues[0]?.message).toBe(`invalid value "${n}" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)`);
      }),
    );
  });

  it('fails on any number followed by a unit for retention.ms', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w', 'days', 'MB'), (n, unit) => {
        const issues = check('retention.ms', `${n}${unit}`);
        expect(issues.map((issue) => issue.code)).toEqual(['invalid-config-value']);
      }),
    );
  });

  it('fails on any integer key given a float', () => {
    const integerKeys = ['retention.ms', 'segment.bytes', 'min.insync.replicas', 'compression.zstd.level', 'flush.messages'];
    fc.assert(
      fc.property(fc.constantFrom(...integerKeys), fc.nat(), fc.integer({ min: 1, max: 999 }), (key, whole, fraction) => {
        expect(check(key, `${whole}.${fraction}`).map((issue) => issue.code)).toEqual(['invalid-config-value']);
      }),
    );
  });
});

describe('validateTopicConfig: deprecated keys and Kafka 4 limits', () => {
  it.each([
    [
      'message.format.version',
      '3.0-IV1',
      '"message.format.version" is deprecated since Kafka 3.0 and removed in Kafka 4.0',
      'remove it: the format follows inter.broker.protocol.version',
    ],
    [
      'message.timestamp.difference.max.ms',
      '60000',
      '"message.timestamp.difference.max.ms" is deprecated since Kafka 3.6 and removed in Kafka 4.0',
      'use message.timestamp.before.max.ms and message.timestamp.after.max.ms (KIP-937)',
    ],
    [
      'message.downconversion.enable',
      'true',
      '"message.downconversion.enable" has no effect since Kafka 4.0 and is deprecated for removal in Kafka 5.0',
      'remove it: Kafka 4.0 removed down-conversion',
    ],
  ])('warns that %s is deprecated', (key, value, message, hint) => {
    expect(check(key, value)).toEqual([{ path: `config["${key}"]`, code: 'deprecated-config-key', severity: 'warning', message, hint }]);
  });

  it('warns about a deprecated key and still fails on its invalid value', () => {
    expect(check('message.format.version', 'latest').map((issue) => [issue.code, issue.severity ?? 'error'])).toEqual([
      ['deprecated-config-key', 'warning'],
      ['invalid-config-value', 'error'],
    ]);
    expect(check('message.format.version', 'latest')[1]?.message).toBe(
      'invalid value "latest" for "message.format.version": must be a Kafka version such as "2.8" or "3.0-IV1"',
    );
  });

  it.each(['14', '100000', '1048575'])('warns that segment.bytes %s is below the Kafka 4.0 minimum', (value) => {
    expect(check('segment.bytes', value)).toEqual([
      {
        path: 'config["segment.bytes"]',
        code: 'config-value-below-kafka-4-minimum',
        severity: 'warning',
        message: `value "${value}" for "segment.bytes" is below 1048576, the minimum from Kafka 4.0 on`,
        hint: 'Kafka 4.0+ rejects it; use at least "1048576" if the cluster runs Kafka 4',
      },
    ]);
  });
});

describe('validateTopicConfig: unknown keys', () => {
  it.each([
    ['a typo of a known key', 'retention.msx', 'did you mean "retention.ms"?'],
    ['swapped letters', 'retnetion.ms', 'did you mean "retention.ms"?'],
    ['wrong case', 'Cleanup.Policy', 'did you mean "cleanup.policy"?'],
    ['a broker config with the log. prefix', 'log.cleanup.policy', 'that is a broker config; the topic-level key is "cleanup.policy"'],
    [
      'a broker config with the log.cleaner. prefix',
      'log.cleaner.delete.retention.ms',
      'that is a broker config; the topic-level key is "delete.retention.ms"',
    ],
    ['a broker retention in hours', 'log.retention.hours', 'that is a broker config; the topic-level key is "retention.ms" (in milliseconds)'],
    ['the broker name of max.message.bytes', 'message.max.bytes', 'that is a broker config; the topic-level key is "max.message.bytes"'],
    [
      'a client config',
      'bootstrap.servers',
      "not a topic-level config of Apache Kafka 3.x–4.x; a vendor key must be listed in the environment's vendorConfigKeys",
    ],
    [
      'an unprefixed Redpanda key',
      'write.caching',
      "not a topic-level config of Apache Kafka 3.x–4.x; a vendor key must be listed in the environment's vendorConfigKeys",
    ],
    [
      'a prototype property name',
      'constructor',
      "not a topic-level config of Apache Kafka 3.x–4.x; a vendor key must be listed in the environment's vendorConfigKeys",
    ],
    ['__proto__', '__proto__', "not a topic-level config of Apache Kafka 3.x–4.x; a vendor key must be listed in the environment's vendorConfigKeys"],
  ])('fails on %s', (_scenario, key, hint) => {
    expect(check(key, '1')).toEqual([
      { path: formatPath(['config', key]), code: 'unknown-config-key', message: `unknown topic config key ${JSON.stringify(key)}`, hint },
    ]);
  });

  it('fails with the path config["retention.msx"] and a did-you-mean', () => {
    expect(check('retention.msx', '604800000')).toEqual([
      {
        path: 'config["retention.msx"]',
        code: 'unknown-config-key',
        message: 'unknown topic config key "retention.msx"',
        hint: 'did you mean "retention.ms"?',
      },
    ]);
  });

  it('yields exactly one error for any key that is neither known nor allow-listed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('confluent.', 'redpanda.', 'log.').chain((prefix) => fc.string().map((rest) => prefix + rest)),
        ),
        fc.string(),
        (key, value) => {
          fc.pre(!KNOWN_TOPIC_CONFIG_KEYS.includes(key));
          const issues = check(key, value);
          expect(issues).toHaveLength(1);
          expect(issues[0]?.severity ?? 'error').toBe('error');
          expect(['unknown-config-key', 'vendor-config-key-not-allowed']).toContain(issues[0]?.code);
          expect(issues[0]?.path).toBe(formatPath(['config', key]));
        },
      ),
    );
  });

  it('suggests the original key for a one-character typo of any known key', () => {
    const typo = fc
      .tuple(
        fc.constantFrom(...KNOWN_TOPIC_CONFIG_KEYS),
        fc.nat(),
        fc.constantFrom('insert', 'delete', 'substitute', 'transpose'),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz.0123456789_-'),
      )
      .map(([key, position, edit, char]) => {
        const i = position % key.length;
        const typed =
          edit === 'insert'
            ? key.slice(0, i) + char + key.slice(i)
            : edit === 'delete'
              ? key.slice(0, i) + key.slice(i + 1)
              : edit === 'substitute'
                ? key.slice(0, i) + char + key.slice(i + 1)
                : key.slice(0, i) + key.slice(i + 1, i + 2) + key.slice(i, i + 1) + key.slice(i + 2);
        return { key, typed };
      });
    fc.assert(
      fc.property(typo, ({ key, typed }) => {
        const distanceToKey = editDistance(typed, key);
        // Another key exactly as close (min./max.compaction.lag.ms are 2 apart) makes the tie alphabetical.
        const asClose = KNOWN_TOPIC_CONFIG_KEYS.filter((other) => other !== key && editDistance(typed, other) <= distanceToKey);
        const suggestion = didYouMean(typed, KNOWN_TOPIC_CONFIG_KEYS);
        if (asClose.length === 0) expect(suggestion).toBe(key);
        else expect([key, ...asClose]).toContain(suggestion);
      }),
    );
  });

  it('breaks a tie between two equally close keys alphabetically', () => {
    expect(check('man.compaction.lag.ms', '1')[0]?.hint).toBe('did you mean "max.compaction.lag.ms"?');
  });
});

describe('validateTopicConfig: vendor keys', () => {
  it.each([
    ['Confluent', 'confluent.placement.constraints'],
    ['Confluent schema validation', 'confluent.value.schema.validation'],
    ['Redpanda', 'redpanda.remote.read'],
    ['AutoMQ', 'automq.table.topic.enable'],
  ])('fails on a %s key that is not allow-listed', (_vendor, key) => {
    expect(check(key, 'true')).toEqual([
      {
        path: `config["${key}"]`,
        code: 'vendor-config-key-not-allowed',
        message: `vendor topic config key "${key}" is not allowed`,
        hint: "Apache Kafka rejects it; add it to the environment's vendorConfigKeys to pass it through unchecked",
      },
    ]);
  });

  it('accepts an allow-listed vendor key with any value, unchecked', () => {
    const constraints = '{"version": 1, "replicas": [{"count": 1, "constraints": {"rack": "rack-1"}}]}';
    expect(check('confluent.placement.constraints', constraints, ['confluent.placement.constraints'])).toEqual([]);
  });

  it('accepts an allow-listed key without a vendor prefix', () => {
    expect(check('write.caching', 'true', ['write.caching'])).toEqual([]);
  });

  it('fails on a vendor key that only matches the allow-list by pattern, not exactly', () => {
    expect(check('confluent.placement.constraints', '{}', ['confluent.*'])[0]?.code).toBe('vendor-config-key-not-allowed');
  });

  it('suggests the allow-listed spelling for a misspelt vendor key', () => {
    expect(check('confluent.placement.constraint', '{}', ['confluent.placement.constraints'])).toEqual([
      {
        path: 'config["confluent.placement.constraint"]',
        code: 'vendor-config-key-not-allowed',
        message: 'vendor topic config key "confluent.placement.constraint" is not allowed',
        hint: 'did you mean "confluent.placement.constraints"?',
      },
    ]);
  });

  it('still checks a Kafka key that is also on the allow-list', () => {
    expect(check('retention.ms', 'abc', ['retention.ms']).map((issue) => issue.code)).toEqual(['invalid-config-value']);
  });

  it('accepts any allow-listed vendor key with any value', () => {
    fc.assert(
      fc.property(fc.constantFrom('confluent.', 'redpanda.'), fc.string(), fc.string(), (prefix, rest, value) => {
        expect(check(prefix + rest, value, [prefix + rest])).toEqual([]);
      }),
    );
  });
});

describe('validateTopicConfig: several keys', () => {
  it('reports every problem at once, sorted by key', () => {
    const issues = validateTopicConfig({
      'segment.ms': '1h',
      'confluent.tier.enable': 'true',
      'retention.msx': '1',
      'cleanup.policy': 'compact',
      'message.format.version': '2.8',
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['config["confluent.tier.enable"]', 'vendor-config-key-not-allowed'],
      ['config["message.format.version"]', 'deprecated-config-key'],
      ['config["retention.msx"]', 'unknown-config-key'],
      ['config["segment.ms"]', 'invalid-config-value'],
    ]);
  });

  it('reports the same issues whatever the order of the keys', () => {
    const entry = fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_TOPIC_CONFIG_KEYS), fc.string()), fc.string());
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([key]) => key, maxLength: 6 }), (entries) => {
        const forward = validateTopicConfig(Object.fromEntries(entries));
        const backward = validateTopicConfig(Object.fromEntries([...entries].reverse()));
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('writes every message lowercase-first or quoted, without a trailing period, with a config path', () => {
    const entry = fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_TOPIC_CONFIG_KEYS), fc.string()), fc.string());
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([key]) => key, maxLength: 6 }), (entries) => {
        for (const issue of validateTopicConfig(Object.fromEntries(entries))) {
          expect(issue.message).toMatch(/^[a-z"]/);
          expect(issue.message.endsWith('.')).toBe(false);
          expect(issue.path.startsWith('config')).toBe(true);
        }
      }),
    );
  });

  it('fails when min.compaction.lag.ms is above max.compaction.lag.ms', () => {
    expect(validateTopicConfig({ 'min.compaction.lag.ms': '7200000', 'max.compaction.lag.ms': '3600000' })).toEqual([
      {
        path: 'config["min.compaction.lag.ms"]',
        code: 'conflicting-config-values',
        message: 'min.compaction.lag.ms "7200000" is greater than max.compaction.lag.ms "3600000"',
        hint: 'Kafka rejects a minimum compaction lag above the maximum; lower min.compaction.lag.ms or raise max.compaction.lag.ms',
      },
    ]);
  });

  it.each([
    ['equal lags', { 'min.compaction.lag.ms': '3600000', 'max.compaction.lag.ms': '3600000' }, []],
    ['only a minimum', { 'min.compaction.lag.ms': '3600000' }, []],
    ['an invalid maximum', { 'min.compaction.lag.ms': '3600000', 'max.compaction.lag.ms': '0' }, ['invalid-config-value']],
  ])('does not report a lag conflict for %s', (_scenario, config, codes) => {
    expect(validateTopicConfig(config).map((issue) => issue.code)).toEqual(codes);
  });
});

describe('validateTopicConfig: edges worked by hand, each called inside its own test', () => {
  it('rejects a ratio with a trailing space, though Number() would read it as 1', () => {
    expect(check('min.cleanable.dirty.ratio', '1 ')).toStrictEqual([
      {
        path: 'config["min.cleanable.dirty.ratio"]',
        code: 'invalid-config-value',
        message: 'invalid value "1 " for "min.cleanable.dirty.ratio": must be a decimal number from 0 to 1 (0.5 = half the log)',
      },
    ]);
  });

  it('rejects a ratio followed by anything, though Number() would read "0.5 " as 0.5', () => {
    expect(check('min.cleanable.dirty.ratio', '0.5 ').map((issue) => issue.code)).toEqual(['invalid-config-value']);
  });

  it('names only the key’s own bound for an int exactly at Integer.MIN_VALUE, which is inside the int type', () => {
    // -2147483648 = Integer.MIN_VALUE: a valid int, below min.insync.replicas' minimum of 1. No hint: no spelling of it is allowed.
    expect(check('min.insync.replicas', '-2147483648')).toStrictEqual([
      {
        path: 'config["min.insync.replicas"]',
        code: 'invalid-config-value',
        message: 'invalid value "-2147483648" for "min.insync.replicas": must be an integer ≥ 1 (replicas)',
      },
    ]);
  });

  it('hints the canonical spelling of a signed number of several digits', () => {
    expect(check('retention.ms', '+42')).toStrictEqual([
      {
        path: 'config["retention.ms"]',
        code: 'invalid-config-value',
        message: 'invalid value "+42" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
        hint: 'write "42"',
      },
    ]);
  });

  it('keeps a leading plus positive and leading zeros positive in the hint', () => {
    expect(check('retention.ms', '+5')[0]?.hint).toBe('write "5"');
    expect(check('retention.bytes', '007')[0]?.hint).toBe('write "7"');
    expect(check('retention.bytes', '-007')[0]?.hint).toBe('write "-7"');
  });

  it('accepts a valid value of a key with no Kafka 4 minimum without any warning', () => {
    expect(validateTopicConfig({ 'retention.ms': '604800000', 'min.insync.replicas': '1' })).toStrictEqual([]);
  });

  it('reports no lag conflict on top of a minimum lag that is itself invalid (beyond Long.MAX_VALUE)', () => {
    const issues = validateTopicConfig({ 'min.compaction.lag.ms': '99999999999999999999', 'max.compaction.lag.ms': '1000' });
    expect(issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['config["min.compaction.lag.ms"] invalid-config-value']);
  });
});
