import { describe, expect, it } from 'vitest';
import { KAFKA_DEFAULT_DELETE_RETENTION_MS, KAFKA_DEFAULT_RETENTION_MS, KAFKA_TOPIC_DEFAULTS, kafkaTopicDefault } from '../../model/kafka-defaults';
import { TIME_MS } from '../../model/limits';
import { KNOWN_TOPIC_CONFIG_KEYS, validateTopicConfig } from '../../model/topic-config-keys';

describe("model/kafka-defaults.ts: Kafka's own topic defaults, the one table review and import read", () => {
  it.each(Object.entries(KAFKA_TOPIC_DEFAULTS))('%s = %s is a known key with a value its validator accepts', (key, value) => {
    expect(KNOWN_TOPIC_CONFIG_KEYS).toContain(key);
    expect(validateTopicConfig({ [key]: value }).filter((i) => (i.severity ?? 'error') === 'error')).toEqual([]);
  });

  it('states the retention defaults in milliseconds of the broker settings they come from', () => {
    // log.retention.hours=168 and log.cleaner.delete.retention.ms=86400000 in the broker's defaults.
    expect(KAFKA_DEFAULT_RETENTION_MS).toBe(168 * TIME_MS.hour);
    expect(KAFKA_DEFAULT_DELETE_RETENTION_MS).toBe(86_400_000);
    expect(KAFKA_TOPIC_DEFAULTS['retention.ms']).toBe('604800000');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'retention.msx', ''])('knows no default for %j (own keys only)', (key) => {
    expect(kafkaTopicDefault(key)).toBeUndefined();
  });

  it('looks a known key up', () => {
    expect(kafkaTopicDefault('cleanup.policy')).toBe('delete');
    expect(kafkaTopicDefault('min.insync.replicas')).toBe('1');
  });
});
