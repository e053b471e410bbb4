import { describe, expect, it } from 'vitest';
import { buildSnapshot, type InputFile } from '../../importer/snapshot';
import { aclId } from '../../model/acl';
import type { ClusterFile } from '../../scripts/terraform/cluster-file';
import { own } from './helpers/fixtures';

const input = (path: string): InputFile => ({ file: path, text: own(path) });
const cluster = JSON.parse(own('handmade/cluster.json')) as ClusterFile;

describe('buildSnapshot: what the cluster has, from the tool outputs', () => {
  it('reproduces the hand-made cluster exactly from kafka-topics, kafka-configs --all and kafka-acls', () => {
    const snapshot = buildSnapshot({
      topicsDescribe: [input('handmade/topics-describe.txt')],
      configs: [input('handmade/configs-describe-all.txt')],
      acls: [input('handmade/acls-list.txt')],
    });
    expect(
      Object.fromEntries(snapshot.topics.map((t) => [t.name, { partitions: t.partitions, replication_factor: t.replicationFactor, config: t.overrides }])),
    ).toEqual(cluster.topics);
    expect(snapshot.acls.map((a) => a.id)).toEqual(
      cluster.acls
        .map((a) =>
          aclId({
            principal: a.acl_principal,
            host: a.acl_host,
            operation: a.acl_operation,
            permission: a.acl_permission_type,
            resourceType: a.resource_type,
            resourceName: a.resource_name,
            patternType: a.resource_pattern_type_filter,
          } as never),
        )
        .sort(),
    );
    expect(snapshot.topics.every((t) => t.configSource === 'kafka-configs' && t.mayBeBrokerLevel.length === 0)).toBe(true);
    // What a removed override falls back to, and what the broker applies where there is no override.
    const shipped = snapshot.topics.find((t) => t.name === 'orders.order-shipped');
    expect(shipped?.brokerValues['min.insync.replicas']).toBe('2');
    expect(shipped?.revertTo['retention.ms']).toBe('168');
    expect(snapshot.findings.filter((f) => f.level !== 'info')).toEqual([]);
  });

  it('keeps every value kafka-topics Configs lists when nothing else is given, and flags each as possibly broker-level', () => {
    const snapshot = buildSnapshot({ topicsDescribe: [input('handmade/topics-describe.txt')] });
    const shipped = snapshot.topics.find((t) => t.name === 'orders.order-shipped');
    expect(shipped?.overrides).toEqual({ 'retention.ms': '1209600000', 'min.insync.replicas': '2', 'segment.bytes': '1073741824' });
    expect(shipped?.configSource).toBe('kafka-topics');
    expect(shipped?.mayBeBrokerLevel).toEqual(['min.insync.replicas', 'retention.ms', 'segment.bytes']);
    // Whether a topic is adopted decides whether that is worth a warning: the plan says so, not the snapshot.
    expect(snapshot.findings.filter((f) => f.code === 'maybe-broker-level')).toEqual([]);
  });

  it('prefers kafka-configs: what kafka-topics lists beyond the overrides is broker-level, and not imported', () => {
    const snapshot = buildSnapshot({ topicsDescribe: [input('handmade/topics-describe.txt')], configs: [input('handmade/configs-describe-all.txt')] });
    const shipped = snapshot.topics.find((t) => t.name === 'orders.order-shipped');
    expect(shipped?.overrides).toEqual({ 'retention.ms': '1209600000' });
    expect(snapshot.findings.filter((f) => f.subject === 'orders.order-shipped' && f.code === 'broker-level-config').map((f) => f.message)).toEqual([
      'min.insync.replicas=2 (listed by kafka-topics) is not a topic override according to kafka-configs: not imported',
      'segment.bytes=1073741824 (listed by kafka-topics) is not a topic override according to kafka-configs: not imported',
    ]);
  });

  it('knows no configs from kcat alone', () => {
    const snapshot = buildSnapshot({ kcat: [input('handmade/kcat.json')] });
    expect(snapshot.topics).toHaveLength(Object.keys(cluster.topics).length);
    expect(snapshot.topics.every((t) => t.configSource === 'none')).toBe(true);
    expect(snapshot.topics.every((t) => Object.keys(t.overrides).length === 0)).toBe(true);
  });

  it('reports every unknown line and unsupported ACL with its file and line, and merges duplicate ACLs', () => {
    const snapshot = buildSnapshot({
      topicsDescribe: [input('formats/topics-describe-kafka-3.9.txt')],
      configs: [input('formats/configs-describe-dynamic-kafka-3.txt')],
      acls: [input('formats/acls-list-kafka-3.txt')],
    });
    const at = (code: string): string[] => snapshot.findings.filter((f) => f.code === code).map((f) => `${f.at?.file ?? ''}:${f.at?.line ?? 0}`);
    expect(at('unknown-line')).toEqual([
      'formats/topics-describe-kafka-3.9.txt:9',
      'formats/configs-describe-dynamic-kafka-3.txt:10',
      'formats/acls-list-kafka-3.txt:29',
    ]);
    expect(at('unsupported-acl')).toEqual(['formats/acls-list-kafka-3.txt:23']);
    expect(at('unknown-field')).toEqual(['formats/topics-describe-kafka-3.9.txt:7']);
    expect(at('topic-being-deleted')).toEqual(['formats/topics-describe-kafka-3.9.txt:5']);
    expect(at('reassignment-in-progress')).toEqual(['formats/topics-describe-kafka-3.9.txt:1']);
    expect(at('hidden-config')).toEqual(['formats/configs-describe-dynamic-kafka-3.txt:4']);
    expect(at('configs-of-unknown-topic')).toEqual(['formats/configs-describe-dynamic-kafka-3.txt:1', 'formats/configs-describe-dynamic-kafka-3.txt:7']);
    // The Adding and the Current listing of the same ACL are one ACL.
    expect(snapshot.acls.filter((a) => a.principal === 'User:order-service' && a.resourceType === 'Topic')).toHaveLength(1);
    expect(snapshot.acls.map((a) => `${a.principal} ${a.operation} ${a.resourceType} ${a.patternType}`)).toContain(
      'User:analytics DescribeConfigs Topic Prefixed',
    );
  });

  it('says when kcat and kafka-topics disagree, and trusts kafka-topics', () => {
    const snapshot = buildSnapshot({
      topicsDescribe: [{ file: 'd.txt', text: 'Topic: a.b\tPartitionCount: 6\tReplicationFactor: 3\tConfigs: \n' }],
      kcat: [{ file: 'k.json', text: '{"topics":[{"topic":"a.b","partitions":[{"partition":0,"leader":1,"replicas":[{"id":1}],"isrs":[{"id":1}]}]}]}' }],
    });
    expect(snapshot.topics.map((t) => [t.name, t.partitions, t.replicationFactor])).toEqual([['a.b', 6, 3]]);
    expect(snapshot.findings.find((f) => f.code === 'inputs-disagree')?.message).toBe(
      'kafka-topics says 6 partitions × 3 replicas, kcat 1 × 1: kafka-topics wins',
    );
  });
});

describe('buildSnapshot: the same topic in two listings', () => {
  it('keeps the later description and says so', () => {
    const snapshot = buildSnapshot({
      topicsDescribe: [
        { file: 'before.txt', text: 'Topic:test12\tPartitionCount:3\tReplicationFactor:1\tConfigs:\n' },
        { file: 'after.txt', text: 'Topic:test12\tPartitionCount:6\tReplicationFactor:1\tConfigs:\n' },
      ],
    });
    expect(snapshot.topics.map((t) => [t.name, t.partitions])).toEqual([['test12', 6]]);
    expect(snapshot.findings.find((f) => f.code === 'inputs-disagree')?.message).toBe(
      'described twice (also at before.txt:1, with 3 partitions × 1 replicas): the later description wins',
    );
  });
});
