/** The descriptor readers: what each tool's file says, with the file and line of every element; invalid files refused. */
import { describe, expect, it } from 'vitest';
import { readJulieOps } from '../../../importer/migrate/julieops';
import { readKafkaGitops } from '../../../importer/migrate/kafka-gitops';
import { intendedAcls } from '../../../importer/migrate/plan';
import type { MigrationSource } from '../../../importer/migrate/source';
import { readTopicctl } from '../../../importer/migrate/topicctl';

const file = (name: string, text: string) => ({ file: name, text });
const gitops = (text: string, files: Record<string, string> = {}): MigrationSource =>
  readKafkaGitops(file('state.yaml', text), (path) => (files[path] === undefined ? 'ENOENT' : file(path, files[path] ?? '')));
/** `principal operation type name pattern`, sorted: an ACL set to compare. */
const aclSet = (s: MigrationSource): string[] =>
  [...intendedAcls(s).values()].map((a) => `${a.principal} ${a.operation} ${a.resourceType} ${a.resourceName} ${a.patternType}`).sort();

describe('kafka-gitops state files', () => {
  it('reads topics with their line, the default replication, and configs as strings', () => {
    const s = gitops(
      [
        'settings:',
        '  topics:',
        '    defaults:',
        '      replication: 3',
        'topics:',
        '  orders.created:',
        '    partitions: 6',
        '    configs:',
        '      retention.ms: 86400000',
        '      cleanup.policy: delete',
        '',
      ].join('\n'),
    );
    expect(s.errors).toEqual([]);
    expect(s.topics).toEqual([
      {
        name: 'orders.created',
        element: 'topics.orders.created',
        at: { file: 'state.yaml', line: 6 },
        partitions: 6,
        replicationFactor: 3,
        configs: { 'retention.ms': '86400000', 'cleanup.policy': 'delete' },
      },
    ]);
  });

  it('turns an application into producers and one consumer with its group id (the service name by default)', () => {
    const s = gitops(
      [
        'services:',
        '  billing:',
        '    type: application',
        '    principal: User:billing',
        '    produces:',
        '      - invoices',
        '    consumes:',
        '      - orders',
        '      - payments',
        '',
      ].join('\n'),
    );
    expect(s.producers).toEqual([
      { element: 'services.billing (application)', at: { file: 'state.yaml', line: 6 }, service: 'billing', principal: 'User:billing', topic: 'invoices' },
    ]);
    expect(s.consumers).toEqual([
      {
        element: 'services.billing (application)',
        at: { file: 'state.yaml', line: 2 },
        service: 'billing',
        principal: 'User:billing',
        groupId: 'billing',
        topics: ['orders', 'payments'],
      },
    ]);
    expect(aclSet(s)).toEqual([
      'User:billing Read Group billing Literal',
      'User:billing Read Topic orders Literal',
      'User:billing Read Topic payments Literal',
      'User:billing Write Topic invoices Literal',
    ]);
  });

  it('gives Kafka Streams and Kafka Connect the ACLs kafka-gitops generates for them', () => {
    const s = gitops(
      [
        'services:',
        '  wc:',
        '    type: kafka-streams',
        '    principal: User:wc',
        '    application-id: wc-app',
        '    consumes: [in]',
        '  sink:',
        '    type: kafka-connect',
        '    principal: User:c',
        '    storage-topics:',
        '      config: cfg',
        '    connectors:',
        '      jdbc:',
        '        consumes: [rows]',
        '',
      ].join('\n'),
    );
    expect(s.errors).toEqual([]);
    expect(aclSet(s)).toEqual(
      [
        ...['Alter', 'AlterConfigs', 'Create', 'Delete', 'Describe', 'DescribeConfigs', 'Read', 'Write'].map((op) => `User:wc ${op} Topic wc-app Prefixed`),
        'User:wc Describe Group wc-app Literal',
        'User:wc Delete Group wc-app Literal',
        'User:wc Read Group wc-app Literal',
        'User:wc Read Topic in Literal',
        'User:wc DescribeConfigs Cluster kafka-cluster Literal',
        ...['cfg', 'connect-offsets-sink', 'connect-status-sink'].flatMap((t) => [`User:c Read Topic ${t} Literal`, `User:c Write Topic ${t} Literal`]),
        'User:c Read Group sink Literal',
        'User:c Read Group connect-jdbc Literal',
        'User:c Read Topic rows Literal',
      ].sort(),
    );
    expect(s.consumers.map((c) => [c.service, c.groupId])).toEqual([
      ['wc', 'wc-app'],
      ['sink-jdbc', 'connect-jdbc'],
    ]);
  });

  it("turns user roles and custom ACLs into raw ACLs, a custom user ACL inheriting the user's principal", () => {
    const s = gitops(
      [
        'users:',
        '  ops:',
        '    principal: User:ops',
        '    roles: [writer]',
        'customUserAcls:',
        '  ops:',
        '    alter:',
        '      name: kafka-cluster',
        '      type: CLUSTER',
        '      pattern: LITERAL',
        '      host: "*"',
        '      operation: ALTER',
        '      permission: ALLOW',
        '',
      ].join('\n'),
    );
    expect(
      s.acls.map((a) => [a.element, a.at.line, `${a.binding.principal} ${a.binding.operation} ${a.binding.resourceType} ${a.binding.resourceName}`]),
    ).toEqual([
      ['users.ops role writer', 4, 'User:ops Write Topic *'],
      ['customUserAcls.ops.alter', 7, 'User:ops Alter Cluster kafka-cluster'],
    ]);
  });

  it('reads the files settings.files names, with their own file names and lines', () => {
    const s = gitops(['settings:', '  files:', '    topics: topics.yaml', ''].join('\n'), {
      'topics.yaml': 'topics:\n  t:\n    partitions: 1\n    replication: 1\n',
    });
    expect(s.files).toEqual(['state.yaml', 'topics.yaml']);
    expect(s.topics.map((t) => [t.name, t.at])).toEqual([['t', { file: 'topics.yaml', line: 2 }]]);
    expect(gitops('settings:\n  files:\n    users: missing.yaml\n').errors).toEqual(['state.yaml:3 settings.files.users: cannot read missing.yaml: ENOENT']);
  });

  it.each([
    [
      'topics:\n  t:\n    partitions: 1\n    replication: 1\n    colour: red\n',
      'state.yaml:5 topics.t.colour: unrecognized field "colour" (allowed: partitions, replication, configs)',
    ],
    ['topics:\n  t:\n    replication: 1\n', 'state.yaml:2 topics.t: partitions is not set (every topic needs it)'],
    ['topics:\n  t:\n    partitions: six\n    replication: 1\n', 'state.yaml:3 topics.t.partitions: partitions must be a positive whole number, got "six"'],
    ['services:\n  s:\n    type: application\n    produces: [t]\n', 'state.yaml:2 services.s: principal is not set'],
    [
      'services:\n  s:\n    type: batch\n    principal: User:s\n',
      'state.yaml:3 services.s.type: type "batch" is not one of application, kafka-connect, kafka-streams',
    ],
    ['topics:\n  t: 1\n  t: 2\n', 'state.yaml:3: Map keys must be unique'],
  ])('refuses %j, saying where', (text, error) => {
    expect(gitops(text).errors).toContain(error);
  });

  it('notes what Confluent Cloud leaves out instead of refusing it', () => {
    const s = gitops('settings:\n  ccloud:\n    enabled: true\nservices:\n  s:\n    type: application\n    produces: [t]\n');
    expect(s.errors).toEqual([]);
    expect(s.notes.map((n) => n.element)).toEqual(['settings.ccloud', 'services.s (application)']);
  });
});

describe('JulieOps descriptors', () => {
  const descriptor = [
    'context: "ctx"',
    'source: "src"',
    'projects:',
    '  - name: "orders"',
    '    consumers:',
    '      - principal: "User:reader"',
    '        group: "orders-readers"',
    '      - principal: "User:anyone"',
    '    producers:',
    '      - principal: "User:writer"',
    '        transactionId: "tx-*"',
    '    topics:',
    '      - name: "created"',
    '        dataType: "avro"',
    '        config:',
    '          num.partitions: "6"',
    '          replication.factor: "3"',
    '          retention.ms: "86400000"',
    '    rbac:',
    '      - ResourceOwner:',
    '        - principal: "User:Foo"',
    '',
  ].join('\n');

  it('names topics <context>.<attributes>.<project>.<topic>[.<dataType>] and reads partitions, replication and configs', () => {
    const s = readJulieOps([file('topology.yaml', descriptor)]);
    expect(s.errors).toEqual([]);
    expect(s.topics).toEqual([
      {
        name: 'ctx.src.orders.created.avro',
        element: 'projects[0] orders topic created',
        at: { file: 'topology.yaml', line: 13 },
        partitions: 6,
        replicationFactor: 3,
        configs: { 'retention.ms': '86400000' },
      },
    ]);
  });

  it('gives consumers with a group a consumer group, keeps DESCRIBE and wildcard groups as raw ACLs, and notes RBAC', () => {
    const s = readJulieOps([file('topology.yaml', descriptor)]);
    const topic = 'ctx.src.orders.created.avro';
    expect(s.consumers.map((c) => [c.principal, c.groupId, c.topics])).toEqual([['User:reader', 'orders-readers', [topic]]]);
    expect(aclSet(s)).toEqual(
      [
        `User:anyone Describe Topic ${topic} Literal`,
        `User:anyone Read Topic ${topic} Literal`,
        'User:anyone Read Group * Literal',
        `User:reader Describe Topic ${topic} Literal`,
        `User:reader Read Topic ${topic} Literal`,
        'User:reader Read Group orders-readers Literal',
        `User:writer Describe Topic ${topic} Literal`,
        `User:writer Write Topic ${topic} Literal`,
        'User:writer Describe TransactionalID tx- Prefixed',
        'User:writer Write TransactionalID tx- Prefixed',
        'User:writer IdempotentWrite Cluster kafka-cluster Literal',
      ].sort(),
    );
    expect(s.notes.map((n) => [n.element, n.at.line])).toEqual([['projects[0] orders.rbac', 19]]);
  });
});

describe('topicctl configs', () => {
  it('reads every document of a file: topics (retentionMinutes, list settings), ACLs per operation, and notes placement and clusters', () => {
    const topics = [
      '# empty',
      '---',
      'meta:',
      '  name: payments',
      'spec:',
      '  partitions: 12',
      '  replicationFactor: 3',
      '  retentionMinutes: 1440',
      '  placement:',
      '    strategy: in-rack',
      '  settings:',
      '    follower.replication.throttled.replicas:',
      '      - "1:3"',
      '      - "4:5"',
      '---',
      '# end',
      '',
    ].join('\n');
    const acls = [
      'meta:',
      '  name: readers',
      'spec:',
      '  acls:',
      '    - resource:',
      '        type: topic',
      '        name: payments',
      '        patternType: literal',
      "        principal: 'User:alice'",
      '        host: "*"',
      '        permission: allow',
      '      operations: [read, describe]',
      '',
    ].join('\n');
    const cluster = 'meta:\n  name: prod\nspec:\n  bootstrapAddrs: [b:9092]\n';
    const s = readTopicctl([file('topics.yaml', topics), file('acls.yaml', acls), file('cluster.yaml', cluster)]);
    expect(s.errors).toEqual([]);
    expect(s.topics).toEqual([
      {
        name: 'payments',
        element: 'topic payments',
        at: { file: 'topics.yaml', line: 3 },
        partitions: 12,
        replicationFactor: 3,
        configs: { 'follower.replication.throttled.replicas': '1:3,4:5', 'retention.ms': '86400000' },
      },
    ]);
    expect(aclSet(s)).toEqual(['User:alice Describe Topic payments Literal', 'User:alice Read Topic payments Literal']);
    expect(s.notes.map((n) => `${n.at.file}:${n.at.line} ${n.element}`)).toEqual(['topics.yaml:9 topic payments placement', 'cluster.yaml:1 cluster prod']);
  });

  it('refuses what topicctl refuses, with file and line', () => {
    const s = readTopicctl([file('t.yaml', 'meta:\n  name: t\nspec:\n  partitions: 3\n  placement:\n    strategy: nowhere\n')]);
    expect(s.errors).toEqual([
      't.yaml:3 spec: spec.replicationFactor is not set',
      't.yaml:6 spec.placement.strategy: spec.placement.strategy "nowhere" is not one of any, balanced-leaders, in-rack, cross-rack, static, static-in-rack',
    ]);
  });
});
