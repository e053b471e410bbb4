import { describe, expect, it } from 'vitest';
import { parseConfigList, parseTopicsDescribe } from '../../../importer/parse/topics-describe';
import { describeWithSharedFixtures, own, shared, sharedFiles } from '../helpers/fixtures';

describe('parseTopicsDescribe: kafka-topics --describe', () => {
  it('reads the ZooKeeper-era header without spaces (Kafka ≤ 2.1), with its partition lines', () => {
    const { topics, unknownLines } = parseTopicsDescribe(own('formats/topics-describe-kafka-2.1-zookeeper.txt'));
    expect(unknownLines).toEqual([]);
    expect(topics.map((t) => [t.name, t.partitionCount, t.replicationFactor, t.partitions.length])).toEqual([
      ['orders.order-created', 3, 2, 3],
      ['Orders_v2.Created', 1, 1, 1],
    ]);
    expect(topics[0]?.configs).toEqual([
      { key: 'retention.ms', value: '604800000' },
      { key: 'cleanup.policy', value: 'delete' },
    ]);
    expect(topics[0]?.partitions[2]).toMatchObject({ partition: 2, leader: '1', replicas: [1, 2], isr: [1], line: 4 });
  });

  it('reads Kafka 3.9 output: TopicId, Elr columns, reassignment, values with commas, deletion, a 249-character name', () => {
    const { topics } = parseTopicsDescribe(own('formats/topics-describe-kafka-3.9.txt'));
    const [stock, deleted, long] = topics;
    expect(stock).toMatchObject({ name: 'inventory.stock-level', topicId: 'q1Xh3wVwT2ayHk9cA0Qm8g', partitionCount: 2, replicationFactor: 3 });
    expect(stock?.configs).toEqual([
      { key: 'cleanup.policy', value: 'compact,delete' },
      { key: 'min.insync.replicas', value: '2' },
      { key: 'follower.replication.throttled.replicas', value: '0:1,1:2' },
    ]);
    expect(stock?.partitions[0]).toMatchObject({ replicas: [1, 2, 3, 4], addingReplicas: [4], removingReplicas: [3] });
    expect(deleted).toMatchObject({ name: 'payments_legacy.settled', markedForDeletion: true, configs: [] });
    expect(deleted?.partitions[0]).toMatchObject({ leader: 'none', isr: [] });
    expect(long?.name).toHaveLength(249);
    expect(long?.configs).toEqual([]);
  });

  it('reports lines and columns it does not know instead of dropping them', () => {
    const { topics, unknownLines } = parseTopicsDescribe(own('formats/topics-describe-kafka-3.9.txt'));
    expect(unknownLines).toEqual([{ line: 9, text: 'Error while executing topic command : Timed out waiting for a node assignment. Call: describeTopics' }]);
    expect(topics[2]?.unknownFields).toEqual(['Preferred']);
  });

  it('reads the Confluent Platform Offline column and a JSON config value with commas', () => {
    const { topics, unknownLines } = parseTopicsDescribe(own('formats/topics-describe-confluent-7.5.txt'));
    expect(unknownLines).toEqual([]);
    expect(topics[0]?.configs.map((c) => c.key)).toEqual(['retention.ms', 'confluent.placement.constraints']);
    expect(topics[0]?.configs[1]?.value).toBe('{"version":1,"replicas":[{"count":2,"constraints":{"rack":"east"}}]}');
    expect(topics[0]?.unknownFields).toEqual([]);
  });

  it('counts partitions of a topic given only by partition lines', () => {
    const { topics } = parseTopicsDescribe(
      '\tTopic: a.b\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\n\tTopic: a.b\tPartition: 1\tLeader: 2\tReplicas: 2,1\tIsr: 2,1\n',
    );
    expect(topics.map((t) => [t.name, t.partitionCount, t.partitions.map((p) => p.partition)])).toEqual([['a.b', undefined, [0, 1]]]);
  });

  it.each([
    [
      'a=1,b=2',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    ['cleanup.policy=compact,delete', [['cleanup.policy', 'compact,delete']]],
    ['x=1:101,0:102,', [['x', '1:101,0:102']]],
    ['', []],
  ])('splits the config list %j', (list, expected) => {
    expect(parseConfigList(list).map((e) => [e.key, e.value])).toEqual(expected);
  });
});

/** What each shared sample holds (../shared/fixtures/kafka-cli/SOURCES.md). */
const SHARED_TOPICS: Readonly<Record<string, ReadonlyArray<readonly [string, number | undefined, number | undefined, string]>>> = {
  'topics-describe-adding-removing-replicas-kafka-pr8332.txt': [['my-replicated-topic', undefined, undefined, '']],
  'topics-describe-compact-no-topicid-vdesabou.txt': [['testtopic', 1, 1, 'cleanup.policy=compact,segment.ms=30000,min.cleanable.dirty.ratio=0.0']],
  'topics-describe-confluent-offline-column-vdesabou.txt': [['demo', 8, 1, 'retention.ms=123456890']],
  'topics-describe-elr-tabs-fvaleri.txt': [['my-topic', 3, 3, 'min.insync.replicas=2,retention.bytes=1073741824']],
  'topics-describe-header-only-tabs-kafka-python-issue2136.txt': [['topicname', 64, 3, 'segment.bytes=1073741824,retention.ms=1209600000']],
  'topics-describe-oldfmt-multi-apache-streams-quickstart.txt': [
    ['streams-wordcount-output', 1, 1, 'cleanup.policy=compact,segment.bytes=1073741824'],
    ['streams-plaintext-input', 1, 1, 'segment.bytes=1073741824'],
  ],
  'topics-describe-oldfmt-nospace-apache-ops.txt': [['foo', 1, 3, '']],
  'topics-describe-tabs-no-topicid-kafka-pr8332.txt': [['my-replicated-topic', 1, 3, 'segment.bytes=1073741824']],
  'topics-describe-topicid-apache-quickstart.txt': [['quickstart-events', 1, 1, '']],
  'topics-describe-topicid-empty-configs-tabs-unidentified-repo.txt': [['kinaction_hw', 3, 3, '']],
  'topics-describe-topicid-empty-configs-tabs-vradnit.txt': [['home', 5, 3, '']],
  'topics-describe-topicid-tabs-after-reassign-fvaleri.txt': [['my-topic', 3, 3, 'min.insync.replicas=2,message.format.version=3.0-IV1']],
  'topics-describe-topicid-tabs-fvaleri.txt': [['my-topic', 3, 3, 'min.insync.replicas=2,message.format.version=3.0-IV1']],
  'topics-describe-zk-oldfmt-configs-packetloop-pr2.txt': [['test12', 3, 1, 'retention.ms=86000,cleanup.policy=compact']],
  'topics-describe-zk-oldfmt-configs-packetloop-pr3.txt': [['test12', 6, 1, 'retention.ms=86000,cleanup.policy=compact']],
  'topics-describe-zk-oldfmt-noconfigs-packetloop-pr1.txt': [['test6', 3, 1, '']],
  'topics-describe-zk-oldfmt-tabs-kcat-issue98.txt': [['topic-name', 5, 2, 'retention.ms=60480000,cleanup.policy=delete']],
};

describeWithSharedFixtures('parseTopicsDescribe on real output (../shared/fixtures/kafka-cli)', () => {
  it('has an expectation for every shared kafka-topics sample', () => {
    expect(sharedFiles('kafka-cli', 'topics-describe-')).toEqual(Object.keys(SHARED_TOPICS).sort());
  });

  it.each(Object.entries(SHARED_TOPICS))('reads %s completely', (file, expected) => {
    const { topics, unknownLines } = parseTopicsDescribe(shared(`kafka-cli/${file}`));
    expect(unknownLines).toEqual([]);
    expect(topics.map((t) => [t.name, t.partitionCount, t.replicationFactor, t.configs.map((c) => `${c.key}=${c.value}`).join(',')])).toEqual(expected);
    for (const t of topics) expect(t.unknownFields).toEqual([]);
  });

  it('counts every partition line of a sample, whatever the separators', () => {
    const { topics } = parseTopicsDescribe(shared('kafka-cli/topics-describe-confluent-offline-column-vdesabou.txt'));
    expect(topics[0]?.partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const reassigning = parseTopicsDescribe(shared('kafka-cli/topics-describe-adding-removing-replicas-kafka-pr8332.txt')).topics[0];
    expect(reassigning?.partitions[0]).toMatchObject({ replicas: [2, 1, 0], addingReplicas: [], removingReplicas: [0] });
  });
});
