/**
 * The grant → MSK IAM policy mapping (model/msk-iam/), per client kind, against policies written by hand from AWS's
 * documentation:
 * - [USE-CASES] "Common use cases for client authorization policy",
 *   https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * - [SEMANTICS] "Semantics of IAM authorization policy actions and resources" (actions, required actions, resource ARNs),
 *   https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 * - [EXAMPLE] "Create authorization policies for the IAM role" (a `*` in the resource part is a wildcard),
 *   https://docs.aws.amazon.com/msk/latest/developerguide/create-iam-access-control-policies.html
 */
import { describe, expect, it } from 'vitest';
import { CLUSTER_ARN_PLACEHOLDERS, parseClusterArn, policyDocument, resourceArn, type IamPolicyDocument } from '../../../model/msk-iam/arn';
import { ACL_TO_IAM } from '../../../model/msk-iam/actions';
import { ACL_OPERATIONS, ACL_RESOURCE_TYPES } from '../../../model/vocabulary';
import type { Topology } from '../../../model/topology';
import { synthStack } from '../../helpers/synth';
import { CLUSTER_ARN, MSK_IAM, shop } from './fixture';

// Hand-written ARN prefixes of the fixture's cluster ([SEMANTICS], "Authorization policy resources").
const ACCOUNT = 'arn:aws:kafka:eu-west-1:123456789012';
const CLUSTER = `${ACCOUNT}:cluster/shop/abcd-1234-ef`;
const topic = (name: string): string => `${ACCOUNT}:topic/shop/abcd-1234-ef/${name}`;
const group = (name: string): string => `${ACCOUNT}:group/shop/abcd-1234-ef/${name}`;
const txn = (name: string): string => `${ACCOUNT}:transactional-id/shop/abcd-1234-ef/${name}`;
const allow = (Action: string[], Resource: string[]) => ({ Effect: 'Allow', Action, Resource });
const doc = (...Statement: ReturnType<typeof allow>[]) => ({ Version: '2012-10-17', Statement });

// Synthesized inside each test, not once at module load: a mutation run activates its mutant only while a test runs.
const shopTopology = (): Topology => synthStack((s) => shop(s), MSK_IAM).topology;
const cluster = parseClusterArn(CLUSTER_ARN);
if (cluster === undefined) throw new Error('the fixture cluster ARN does not parse');

function policyOf(t: Topology, principal: string): IamPolicyDocument {
  const policy = t.mskIam?.policies.find((p) => p.principal === principal);
  if (policy === undefined || cluster === undefined) throw new Error(`no MSK IAM policy for ${principal}`);
  return policyDocument(policy.statements, cluster);
}

describe('MSK IAM policies per client kind', () => {
  it('a producer: Connect, DescribeTopic + WriteData, and WriteDataIdempotently for its idempotent producer ([USE-CASES] "Produce data idempotently")', () => {
    expect(policyOf(shopTopology(), 'User:order-service')).toEqual(
      doc(
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.order-created')]),
      ),
    );
  });

  it('a producer declared idempotent: false gets no WriteDataIdempotently ([USE-CASES] "Produce data")', () => {
    expect(policyOf(shopTopology(), 'User:audit-service')).toEqual(
      doc(allow(['kafka-cluster:Connect'], [CLUSTER]), allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.order-created')])),
    );
  });

  it('a transactional producer: DescribeTransactionalId + AlterTransactionalId on its prefix ([USE-CASES] "Produce data transactionally", [EXAMPLE] wildcard)', () => {
    expect(policyOf(shopTopology(), 'User:ledger-service')).toEqual(
      doc(
        allow(['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId'], [txn('ledger-tx-*')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.order-created')]),
      ),
    );
  });

  it('a consumer group with retries: its group, ReadData on the topic, ReadData + WriteData on its retry and DLQ topics ([USE-CASES] "Consume data")', () => {
    expect(policyOf(shopTopology(), 'User:payment-service')).toEqual(
      doc(
        allow(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], [group('shop.payment')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], [topic('shop.order-created')]),
        allow(
          ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData'],
          [topic('shop.order-created.payment.dlq'), topic('shop.order-created.payment.retry-1')],
        ),
      ),
    );
  });

  it('a consumer group with a DLQ only writes (and re-drives) just its DLQ ([USE-CASES] "Consume data" + "Produce data idempotently")', () => {
    expect(policyOf(shopTopology(), 'User:notification-service')).toEqual(
      doc(
        allow(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], [group('shop.notification')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], [topic('shop.order-created')]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData'], [topic('shop.order-created.notification.dlq')]),
      ),
    );
  });

  it('an exactly-once Streams application: CreateTopic/DeleteTopic and data on its internal-topic prefix, its transactional-id prefix ([SEMANTICS] CreateTopic, DeleteTopic)', () => {
    expect(policyOf(shopTopology(), 'User:order-totals')).toEqual(
      doc(
        allow(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], [group('shop.totals')]),
        allow(['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId'], [txn('shop.totals-*')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(
          ['kafka-cluster:CreateTopic', 'kafka-cluster:DeleteTopic', 'kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData'],
          [topic('shop.totals-*')],
        ),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], [topic('shop.order-created')]),
      ),
    );
  });

  it("Connect workers: their group, the storage topics, the leader's transactional id ([USE-CASES] consume, produce transactionally)", () => {
    expect(policyOf(shopTopology(), 'User:shop-connect')).toEqual(
      doc(
        allow(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], [group('shop.indexing')]),
        allow(['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId'], [txn('connect-cluster-shop.indexing')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(
          ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData'],
          [topic('shop.indexing.connect-configs'), topic('shop.indexing.connect-offsets'), topic('shop.indexing.connect-status')],
        ),
      ),
    );
  });

  it('a sink connector: its group, ReadData on what it reads, WriteData on its DLQ ([USE-CASES] "Consume data", "Produce data idempotently")', () => {
    expect(policyOf(shopTopology(), 'User:shop-sink')).toEqual(
      doc(
        allow(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], [group('connect-index')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], [topic('shop.order-created')]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.index.dlq')]),
      ),
    );
  });

  it('an exactly-once source connector: WriteData, its tasks\' transactional-id prefix, DescribeTopic on the offsets topic ([USE-CASES] "Produce data transactionally")', () => {
    expect(policyOf(shopTopology(), 'User:shop-cdc')).toEqual(
      doc(
        allow(['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId'], [txn('shop.indexing-cdc-*')]),
        allow(['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], [CLUSTER]),
        allow(['kafka-cluster:DescribeTopic'], [topic('shop.indexing.connect-offsets')]),
        allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.order-created')]),
      ),
    );
  });

  it('gives every declared principal a policy, and nothing to anyone else', () => {
    expect(shopTopology().mskIam?.policies.map((p) => p.principal)).toEqual([
      'User:audit-service',
      'User:ledger-service',
      'User:notification-service',
      'User:order-service',
      'User:order-totals',
      'User:payment-service',
      'User:shop-cdc',
      'User:shop-connect',
      'User:shop-sink',
    ]);
  });

  it('says which declaration needs each policy', () => {
    const payment = shopTopology().mskIam?.policies.find((p) => p.principal === 'User:payment-service');
    expect(payment?.neededBy).toContain('consumer group shop.payment (payment-service) reads shop.order-created');
    expect(payment?.neededBy).toContain('User:payment-service writes with an idempotent producer (the Kafka client default since 3.0)');
  });
});

describe('MSK IAM policies and the environment', () => {
  it('turns a domain prefix (acl.patterns prefixed) into the documented prefix ARN, never a bare wildcard ([EXAMPLE])', () => {
    const prefixed = synthStack((s) => shop(s), { ...MSK_IAM, acl: { patterns: 'prefixed' } }).topology;
    const order = policyOf(prefixed, 'User:order-service');
    expect(order.Statement).toContainEqual(allow(['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], [topic('shop.*')]));
  });

  it('emits no Kafka ACLs on an aws-iam environment by default: MSK IAM ignores them for IAM identities', () => {
    const { json } = synthStack((s) => shop(s), MSK_IAM);
    expect(shopTopology().acls).toEqual([]);
    expect(json.resource.kafka_acl).toBeUndefined();
    expect(shopTopology().mskIam?.kafkaAcls).toBe(false);
  });

  it('emits Kafka ACLs as well with auth.aws.kafkaAcls, the same as on a SCRAM cluster', () => {
    const both = synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'aws-iam', aws: { kafkaAcls: true } } });
    const scram = synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'scram-sha512' } });
    expect(both.topology.acls).toEqual(scram.topology.acls);
    expect(Object.keys(both.json.resource.kafka_acl).sort()).toEqual(Object.keys(scram.json.resource.kafka_acl).sort());
    expect(both.topology.mskIam?.policies).toEqual(shopTopology().mskIam?.policies);
  });

  it('leaves every other environment without mskIam, so its topology.json is unchanged', () => {
    expect(synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'scram-sha512' } }).topology.mskIam).toBeUndefined();
  });

  it('is the same whatever the declaration order', () => {
    const reversed = synthStack((s) => shop(s, true), MSK_IAM).topology;
    expect(JSON.stringify(reversed.mskIam)).toBe(JSON.stringify(shopTopology().mskIam));
  });
});

describe('ARNs ([SEMANTICS] "Authorization policy resources")', () => {
  it('parses a cluster ARN and builds topic, group and transactional-id ARNs from its parts', () => {
    expect(cluster).toEqual({ partition: 'aws', region: 'eu-west-1', account: '123456789012', clusterName: 'shop', clusterUuid: 'abcd-1234-ef' });
    const parts = parseClusterArn('arn:aws-cn:kafka:cn-north-1:123456789012:cluster/c/u-1');
    if (parts === undefined) throw new Error('aws-cn ARN did not parse');
    expect(resourceArn(parts, { type: 'topic', name: 't', prefix: false })).toBe('arn:aws-cn:kafka:cn-north-1:123456789012:topic/c/u-1/t');
    expect(resourceArn(parts, { type: 'group', name: 'g.', prefix: true })).toBe('arn:aws-cn:kafka:cn-north-1:123456789012:group/c/u-1/g.*');
    expect(resourceArn(parts, { type: 'transactional-id', name: 'x', prefix: false })).toBe(
      'arn:aws-cn:kafka:cn-north-1:123456789012:transactional-id/c/u-1/x',
    );
    expect(resourceArn(parts, { type: 'cluster', name: '', prefix: false })).toBe('arn:aws-cn:kafka:cn-north-1:123456789012:cluster/c/u-1');
  });

  it.each([
    'arn:aws:kafka:eu-west-1:123456789012:topic/shop/abcd/t',
    'arn:aws:kafka:eu-west-1:12345:cluster/shop/abcd',
    'arn:aws:kafka:eu-west-1:123456789012:cluster/shop',
    'arn:aws:kafka:eu-west-1:123456789012:cluster/*/abcd',
  ])('refuses %s as a cluster ARN', (arn) => {
    expect(parseClusterArn(arn)).toBeUndefined();
  });

  it('writes placeholders when the cluster ARN is not declared', () => {
    expect(resourceArn(CLUSTER_ARN_PLACEHOLDERS, { type: 'topic', name: 'shop.order-created', prefix: false })).toBe(
      'arn:${partition}:kafka:${region}:${account}:topic/${cluster_name}/${cluster_uuid}/shop.order-created',
    );
  });

  it('never writes a wildcard except a prefix grant: every `*` ends the ARN of a Prefixed grant', () => {
    for (const p of shopTopology().mskIam?.policies ?? []) {
      for (const s of p.statements) {
        for (const r of s.resources) {
          const arn = resourceArn(cluster, r);
          expect(arn.includes('?'), arn).toBe(false);
          expect(arn.indexOf('*'), arn).toBe(r.prefix ? arn.length - 1 : -1);
          if (r.prefix) expect(r.name.length, arn).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('the ACL → MSK IAM table', () => {
  it('maps every ACL topicform can derive and names only documented kafka-cluster actions', () => {
    for (const [key, row] of Object.entries(ACL_TO_IAM)) {
      const [type, op] = key.split(':');
      expect(ACL_RESOURCE_TYPES).toContain(type);
      expect(ACL_OPERATIONS).toContain(op);
      for (const a of row.actions) expect(a).toMatch(/^kafka-cluster:[A-Z][A-Za-z]+$/);
    }
  });
});
