import { describe, expect, it } from 'vitest';
import { parseConfigsDescribe } from '../../../importer/parse/configs-describe';
import { describeWithSharedFixtures, own, shared, sharedFiles } from '../helpers/fixtures';

describe('parseConfigsDescribe: kafka-configs --describe', () => {
  it('reads dynamic topic configs with their sources, keeps a hidden value as null, and skips other entities', () => {
    const result = parseConfigsDescribe(own('formats/configs-describe-dynamic-kafka-3.txt'));
    expect(result.topics.map((t) => [t.topic, t.mode, t.entries.map((e) => `${e.key}=${e.value ?? '<hidden>'} (${e.source ?? '-'})`)])).toEqual([
      ['orders.order-created', 'dynamic', ['retention.ms=604800000 (DYNAMIC_TOPIC_CONFIG)', 'cleanup.policy=delete (DYNAMIC_TOPIC_CONFIG)']],
      ['inventory.stock-level', 'dynamic', ['cleanup.policy=compact,delete (DYNAMIC_TOPIC_CONFIG)', 'vendor.secret=<hidden> (DYNAMIC_TOPIC_CONFIG)']],
      ['shipping.label-printed', 'dynamic', []],
    ]);
    expect(result.skippedLines.map((s) => s.line)).toEqual([8, 9]);
    expect(result.unknownLines).toEqual([{ line: 10, text: 'Some line no kafka-configs version prints' }]);
  });

  it('reads --all output: every effective value, empty values, and the synonym chain below an override', () => {
    const [topic] = parseConfigsDescribe(own('formats/configs-describe-all-kafka-3.txt')).topics;
    expect(topic?.mode).toBe('all');
    const retention = topic?.entries.find((e) => e.key === 'retention.ms');
    expect(retention?.synonyms.map((s) => s.source)).toEqual(['DYNAMIC_TOPIC_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG', 'DEFAULT_CONFIG']);
    expect(topic?.entries.find((e) => e.key === 'leader.replication.throttled.replicas')).toMatchObject({ value: '', synonyms: [] });
    expect(topic?.entries.find((e) => e.key === 'min.insync.replicas')?.source).toBe('STATIC_BROKER_CONFIG');
  });

  it('reads the ZooKeeper-era one-line form (Kafka ≤ 2.0), values with commas included', () => {
    const result = parseConfigsDescribe(own('formats/configs-describe-zookeeper-kafka-2.0.txt'));
    expect(result.topics.map((t) => [t.topic, t.mode, t.entries.map((e) => `${e.key}=${e.value ?? ''}`)])).toEqual([
      ['orders.order-created', 'zookeeper', ['retention.ms=604800000', 'cleanup.policy=delete']],
      ['inventory.stock-level', 'zookeeper', ['cleanup.policy=compact,delete', 'leader.replication.throttled.replicas=0:1,1:2']],
      ['shipping.label-printed', 'zookeeper', []],
    ]);
    expect(result.skippedLines.map((s) => s.line)).toEqual([4, 5]);
    expect(result.unknownLines).toEqual([]);
  });
});

describeWithSharedFixtures('parseConfigsDescribe on real output (../shared/fixtures/kafka-cli)', () => {
  it('has an expectation for every shared kafka-configs sample', () => {
    expect(sharedFiles('kafka-cli', 'configs-describe-')).toEqual([
      'configs-describe-all-topic-dgapitts.txt',
      'configs-describe-brokers-apache-ops.txt',
      'configs-describe-dynamic-topic-multi-vdesabou.txt',
      'configs-describe-dynamic-topic-single-vdesabou.txt',
      'configs-describe-topics-throttle-apache-ops.txt',
      'configs-describe-users-quota-apache-ops.txt',
    ]);
  });

  it('reads --all of Kafka 3.0: 26 entries, none a topic override', () => {
    const result = parseConfigsDescribe(shared('kafka-cli/configs-describe-all-topic-dgapitts.txt'));
    expect(result.unknownLines).toEqual([]);
    const [topic] = result.topics;
    expect(topic?.entries).toHaveLength(26);
    expect(topic?.entries.filter((e) => e.source === 'DYNAMIC_TOPIC_CONFIG')).toEqual([]);
    expect(topic?.entries.find((e) => e.key === 'retention.ms')).toMatchObject({ value: '259200000', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
  });

  it.each([
    ['configs-describe-dynamic-topic-multi-vdesabou.txt', ['compression.type', 'cleanup.policy', 'retention.ms', 'max.message.bytes']],
    ['configs-describe-dynamic-topic-single-vdesabou.txt', ['retention.ms']],
  ])('reads the dynamic overrides of %s', (file, keys) => {
    const result = parseConfigsDescribe(shared(`kafka-cli/${file}`));
    expect(result.unknownLines).toEqual([]);
    expect(result.topics.map((t) => [t.topic, t.entries.map((e) => e.key)])).toEqual([['demo', keys]]);
    expect(result.topics[0]?.entries.every((e) => e.source === 'DYNAMIC_TOPIC_CONFIG')).toBe(true);
  });

  it("reads the old one-line topic form, joining the documentation's wrapped line", () => {
    const result = parseConfigsDescribe(shared('kafka-cli/configs-describe-topics-throttle-apache-ops.txt'));
    expect(result.unknownLines).toEqual([]);
    expect(result.topics[0]?.entries.map((e) => `${e.key}=${e.value ?? ''}`)).toEqual([
      'leader.replication.throttled.replicas=1:102,0:101',
      'follower.replication.throttled.replicas=1:101,0:102',
    ]);
  });

  it.each(['configs-describe-brokers-apache-ops.txt', 'configs-describe-users-quota-apache-ops.txt'])(
    'skips the broker and user entities of %s, saying why',
    (file) => {
      const result = parseConfigsDescribe(shared(`kafka-cli/${file}`));
      expect(result.topics).toEqual([]);
      expect(result.unknownLines).toEqual([]);
      expect(result.skippedLines).toHaveLength(2);
    },
  );
});
