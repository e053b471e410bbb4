/**
 * Topic config values at the edges of Kafka's own validators (model/topic-config-keys.ts), and the number and duration
 * formatting the explanations use: ratios, throttled-replica lists, versions, integer type bounds, the near-miss hints
 * (`7d` for a millisecond key, `+7`), Kafka 4's raised minimums, broker-config names, compaction lag order.
 */
import { describe, expect, it } from 'vitest';
import { formatMs, toDurationString } from '../../model/duration';
import { formatNumber } from '../../model/format-number';
import { validateTopicConfig } from '../../model/topic-config-keys';

/** `code: message (hint)` of each issue for one key and value. */
function check(key: string, value: string): string[] {
  return validateTopicConfig({ [key]: value })
    .filter((i) => i.code !== 'deprecated-config-key')
    .map((i) => `${i.code}: ${i.message}${i.hint === undefined ? '' : ` (${i.hint})`}`);
}

describe('config values Kafka would reject', () => {
  it.each(['0', '0.5', '1', '1.0', '0.25'])('min.cleanable.dirty.ratio %s is a ratio from 0 to 1', (value) => {
    expect(check('min.cleanable.dirty.ratio', value)).toEqual([]);
  });

  it.each(['1.5', '0.5x', 'x0.5', '2'])('min.cleanable.dirty.ratio %s is not', (value) => {
    expect(check('min.cleanable.dirty.ratio', value)).toEqual([
      `invalid-config-value: invalid value "${value}" for "min.cleanable.dirty.ratio": must be a decimal number from 0 to 1 (0.5 = half the log)`,
    ]);
  });

  it.each(['', '*', '0:101', '10:101,11:102'])('throttled replicas %j is "*", empty or partition:broker pairs', (value) => {
    expect(check('leader.replication.throttled.replicas', value)).toEqual([]);
  });

  it.each(['0:1,', 'x0:1', '0:1x', '0:1,2', '10:x'])('throttled replicas %j is not', (value) => {
    expect(check('leader.replication.throttled.replicas', value)).toEqual([
      `invalid-config-value: invalid value "${value}" for "leader.replication.throttled.replicas": must be "*" or a comma-separated list of partition:broker pairs, e.g. "0:101,1:102"`,
    ]);
  });

  it.each(['2.8', '0.10.2', '3.0-IV1', '10.20.30-IV12'])('message.format.version %s is a Kafka version', (value) => {
    expect(check('message.format.version', value)).toEqual([]);
  });

  it.each(['v2.8', '2.8x', '2.8.x', '3.0-IVx', '3', '3.0-IV', '2.8.1.2'])('message.format.version %s is not', (value) => {
    expect(check('message.format.version', value)).toEqual([
      `invalid-config-value: invalid value "${value}" for "message.format.version": must be a Kafka version such as "2.8" or "3.0-IV1"`,
    ]);
  });

  it('names the type’s bounds only when a value breaks them', () => {
    expect(check('min.insync.replicas', '0')).toEqual(['invalid-config-value: invalid value "0" for "min.insync.replicas": must be an integer ≥ 1 (replicas)']);
    expect(check('min.insync.replicas', '2147483648')).toEqual([
      'invalid-config-value: invalid value "2147483648" for "min.insync.replicas": must be an integer from 1 to 2147483647 (replicas)',
    ]);
    expect(check('min.insync.replicas', '2147483647')).toEqual([]);
    expect(check('min.insync.replicas', '-2147483649')).toEqual([
      'invalid-config-value: invalid value "-2147483649" for "min.insync.replicas": must be an integer from 1 to 2147483647 (replicas)',
    ]);
    expect(check('retention.ms', '-2')).toEqual([
      'invalid-config-value: invalid value "-2" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
    ]);
    expect(check('retention.ms', '9223372036854775807')).toEqual([]);
    expect(check('retention.ms', '9223372036854775808')).toEqual([
      'invalid-config-value: invalid value "9223372036854775808" for "retention.ms": must be an integer from -1 to 9223372036854775807 (milliseconds; -1 = unlimited)',
    ]);
  });

  it.each([
    ['7d', '604800000', '7d'],
    [' 7 d ', '604800000', '7 d'],
    ['2w', '1209600000', '2w'],
    ['90min', '5400000', '90min'],
    ['36h', '129600000', '36h'],
    ['30s', '30000', '30s'],
    ['250ms', '250', '250ms'],
  ])('suggests the milliseconds for a duration %j on a millisecond key', (value, millis, shown) => {
    expect(check('retention.ms', value)).toEqual([
      `invalid-config-value: invalid value "${value}" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited) (write "${millis}" for ${shown} in milliseconds)`,
    ]);
  });

  it('suggests nothing for a duration on a key that is not a duration, or one with other text around it', () => {
    expect(check('segment.index.bytes', '7d')).toEqual(['invalid-config-value: invalid value "7d" for "segment.index.bytes": must be an integer ≥ 4 (bytes)']);
    expect(check('retention.ms', 'x7d')).toEqual([
      'invalid-config-value: invalid value "x7d" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
    ]);
    expect(check('retention.ms', '7dx')).toEqual([
      'invalid-config-value: invalid value "7dx" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
    ]);
  });

  it.each([
    ['+7', '7'],
    ['007', '7'],
    [' 7 ', '7'],
    ['-0', '0'],
    ['-00', '0'],
    ['-01', '-1'],
  ])('suggests the canonical spelling of %j', (value, canonical) => {
    expect(check('retention.ms', value)).toEqual([
      `invalid-config-value: invalid value "${value}" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited) (write "${canonical}")`,
    ]);
  });

  it('suggests no spelling that would still be out of range', () => {
    expect(check('retention.ms', '-02')).toEqual([
      'invalid-config-value: invalid value "-02" for "retention.ms": must be an integer ≥ -1 (milliseconds; -1 = unlimited)',
    ]);
  });

  it('warns below a minimum Kafka 4 raised, not at it', () => {
    expect(check('segment.bytes', '1048575')).toEqual([
      'config-value-below-kafka-4-minimum: value "1048575" for "segment.bytes" is below 1048576, the minimum from Kafka 4.0 on (Kafka 4.0+ rejects it; use at least "1048576" if the cluster runs Kafka 4)',
    ]);
    expect(check('segment.bytes', '1048576')).toEqual([]);
  });

  it('points a broker config name at the topic-level key, in milliseconds where the broker counts hours or minutes', () => {
    expect(check('log.retention.hours', '1')).toEqual([
      'unknown-config-key: unknown topic config key "log.retention.hours" (that is a broker config; the topic-level key is "retention.ms" (in milliseconds))',
    ]);
    expect(check('log.retention.minutes', '1')).toEqual([
      'unknown-config-key: unknown topic config key "log.retention.minutes" (that is a broker config; the topic-level key is "retention.ms" (in milliseconds))',
    ]);
    expect(check('log.segment.bytes', '1')).toEqual([
      'unknown-config-key: unknown topic config key "log.segment.bytes" (that is a broker config; the topic-level key is "segment.bytes")',
    ]);
    expect(check('log.cleaner.min.cleanable.ratio', '0.5')).toEqual([
      'unknown-config-key: unknown topic config key "log.cleaner.min.cleanable.ratio" (that is a broker config; the topic-level key is "min.cleanable.dirty.ratio")',
    ]);
    expect(check('log.hours.foo', '1')[0]).toMatch(/not a topic-level config of Apache Kafka/);
  });

  it('refuses a minimum compaction lag above the maximum, and only when both are valid', () => {
    const lags = (min: string, max: string) =>
      validateTopicConfig({ 'min.compaction.lag.ms': min, 'max.compaction.lag.ms': max }).map((i) => `${i.path} ${i.code}`);
    expect(lags('10', '5')).toEqual(['config["min.compaction.lag.ms"] conflicting-config-values']);
    expect(lags('5', '5')).toEqual([]);
    expect(lags('x', '5')).toEqual(['config["min.compaction.lag.ms"] invalid-config-value']);
    expect(lags('10', '0')).toEqual(['config["max.compaction.lag.ms"] invalid-config-value']);
  });

  it('accepts a vendor key only when listed', () => {
    expect(validateTopicConfig({ 'confluent.placement.constraints': '{}' }).map((i) => i.code)).toEqual(['vendor-config-key-not-allowed']);
    expect(validateTopicConfig({ 'confluent.placement.constraints': '{}' }, { vendorKeys: ['confluent.placement.constraints'] })).toEqual([]);
  });
});

describe('formatMs and toDurationString', () => {
  it.each([
    [-1, 'unlimited (-1)'],
    [-5, '-5ms'],
    [0, '0ms'],
    [1, '1ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [61_000, '1m 1s'],
    [86_400_001, '1d 1ms'],
    [90_061_001, '1d 1h 1m 1s 1ms'],
  ])('formatMs(%d) = %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it.each([
    [604_800_000, '7d'],
    [129_600_000, '36h'],
    [5_400_000, '90m'],
    [90_000, '90s'],
    [1_500, '1500ms'],
    [1, '1ms'],
    [0, '0ms'],
    [-86_400_000, '-1d'],
  ])('toDurationString(%d) = %s, the largest exact unit', (ms, text) => {
    expect(toDurationString(ms)).toBe(text);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [0.001, '0'],
    [0.0049, '0'],
    [0.005, '0.01'],
    [1.005, '1.01'],
    [999.995, '1,000'],
    [123_456.789, '123,456.79'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [1e-7, '0'],
    [2.5e-3, '0'],
  ])('formatNumber(%d) = %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('refuses negative and non-finite numbers, naming them', () => {
    expect(() => formatNumber(-1)).toThrow('formatNumber takes a finite number ≥ 0, got -1');
    expect(() => formatNumber(Number.NaN)).toThrow('formatNumber takes a finite number ≥ 0, got NaN');
  });
});
