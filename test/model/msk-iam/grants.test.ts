/**
 * MSK IAM grants one by one (model/msk-iam/grants.ts): ids, labels, coverage of a resource by a granted pattern, and
 * the grants one Kafka ACL stands for. Expected values are written by hand from the definitions:
 * - [SEMANTICS] "Semantics of IAM authorization policy actions and resources" (each action and the Kafka ACL it is
 *   equivalent to, its resource type), https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 * - [USE-CASES] "Common use cases for client authorization policy",
 *   https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * - [EXAMPLE] "Create authorization policies for the IAM role": a `*` at the end of the resource part is a wildcard
 *   (`topic/MyTestCluster/*`), https://docs.aws.amazon.com/msk/latest/developerguide/create-iam-access-control-policies.html
 * - [EVALUATION] IAM "Policy evaluation logic": an action is allowed when some Allow statement lists it with a matching
 *   resource, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * Everything is computed inside the tests (not at module load), so a mutation run sees each call under its mutant.
 */
import { describe, expect, it } from 'vitest';
import {
  allows,
  CLUSTER_RESOURCE,
  iamGrantId,
  iamGrantLabel,
  iamGrantsForAcl,
  iamGrantsOf,
  iamResourceLabel,
  parseIamGrantId,
  principalWide,
  resourceCovers,
  type IamGrant,
} from '../../../model/msk-iam/grants';
import type { MskIamResource, ResolvedMskIam } from '../../../model/topology';

const topic = (name: string, prefix = false): MskIamResource => ({ type: 'topic', name, prefix });
const group = (name: string, prefix = false): MskIamResource => ({ type: 'group', name, prefix });
const txn = (name: string, prefix = false): MskIamResource => ({ type: 'transactional-id', name, prefix });

const READ_CREATED: IamGrant = { principal: 'User:payment-service', action: 'kafka-cluster:ReadData', resource: topic('shop.order-created') };
const LEDGER_TXN: IamGrant = { principal: 'User:ledger-service', action: 'kafka-cluster:AlterTransactionalId', resource: txn('ledger-tx-', true) };
const CONNECT_GRANT: IamGrant = { principal: 'User:shop-cdc', action: 'kafka-cluster:Connect', resource: { type: 'cluster', name: '', prefix: false } };

describe('grant ids', () => {
  it('joins principal, action, resource type, name and pattern with |', () => {
    expect(iamGrantId(READ_CREATED)).toBe('User:payment-service|kafka-cluster:ReadData|topic|shop.order-created|Literal');
    expect(iamGrantId(LEDGER_TXN)).toBe('User:ledger-service|kafka-cluster:AlterTransactionalId|transactional-id|ledger-tx-|Prefixed');
    expect(iamGrantId(CONNECT_GRANT)).toBe('User:shop-cdc|kafka-cluster:Connect|cluster||Literal');
  });

  it('reads back the grant an id names, literal, prefixed and the cluster', () => {
    expect(parseIamGrantId('User:payment-service|kafka-cluster:ReadData|topic|shop.order-created|Literal')).toEqual(READ_CREATED);
    expect(parseIamGrantId('User:ledger-service|kafka-cluster:AlterTransactionalId|transactional-id|ledger-tx-|Prefixed')).toEqual(LEDGER_TXN);
    expect(parseIamGrantId('User:shop-cdc|kafka-cluster:Connect|cluster||Literal')).toEqual(CONNECT_GRANT);
    expect(parseIamGrantId('User:a|kafka-cluster:DescribeGroup|group|shop.payment|Literal')).toEqual({
      principal: 'User:a',
      action: 'kafka-cluster:DescribeGroup',
      resource: group('shop.payment'),
    });
  });

  it.each([
    ['four parts', 'User:a|kafka-cluster:ReadData|topic|t'],
    ['six parts', 'User:a|kafka-cluster:ReadData|topic|t|Literal|x'],
    ['one part', 'User:a'],
    ['an action without the kafka-cluster: service prefix', 'User:a|ReadData|topic|t|Literal'],
    ['an action naming another service', 'User:a|kafka:ReadData|topic|t|Literal'],
    ['a resource type MSK IAM does not have', 'User:a|kafka-cluster:ReadData|delegation-token|t|Literal'],
    ['a Kafka ACL resource type, not an IAM one', 'User:a|kafka-cluster:ReadData|Topic|t|Literal'],
    ['a pattern neither Literal nor Prefixed', 'User:a|kafka-cluster:ReadData|topic|t|Match'],
    ['a pattern in lower case', 'User:a|kafka-cluster:ReadData|topic|t|prefixed'],
  ])('refuses %s', (_what, id) => {
    expect(parseIamGrantId(id)).toBeUndefined();
  });
});

describe('labels', () => {
  it('names the cluster, a literal name and a prefix with its wildcard ([EXAMPLE])', () => {
    expect(iamResourceLabel(CLUSTER_RESOURCE)).toBe('cluster');
    expect(iamResourceLabel(topic('shop.order-created'))).toBe('topic shop.order-created');
    expect(iamResourceLabel(txn('ledger-tx-', true))).toBe('transactional-id ledger-tx-*');
    expect(iamResourceLabel(group('shop.', true))).toBe('group shop.*');
  });

  it('says who may do what on which resource', () => {
    expect(iamGrantLabel(READ_CREATED)).toBe('IAM User:payment-service kafka-cluster:ReadData on topic shop.order-created');
    expect(iamGrantLabel(CONNECT_GRANT)).toBe('IAM User:shop-cdc kafka-cluster:Connect on cluster');
  });
});

describe('iamGrantsOf', () => {
  it('has no grant without MSK IAM, or without policies', () => {
    expect(iamGrantsOf(undefined)).toEqual([]);
    expect(iamGrantsOf({ clusterArn: null, kafkaAcls: false, policies: [] })).toEqual([]);
  });

  it('gives every action on every resource of every statement once, sorted by id', () => {
    const mskIam: ResolvedMskIam = {
      clusterArn: null,
      kafkaAcls: false,
      policies: [
        // Given out of order, with one grant in two statements.
        {
          principal: 'User:b',
          statements: [
            { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [topic('t2'), topic('t1')] },
            { actions: ['kafka-cluster:DescribeTopic'], resources: [topic('t1')] },
          ],
          neededBy: [],
        },
        { principal: 'User:a', statements: [{ actions: ['kafka-cluster:Connect'], resources: [CLUSTER_RESOURCE] }], neededBy: [] },
      ],
    };
    // Ids by hand: "User:a|…" sorts first; for User:b, DescribeTopic before ReadData, then t1 before t2.
    expect(iamGrantsOf(mskIam).map(iamGrantId)).toEqual([
      'User:a|kafka-cluster:Connect|cluster||Literal',
      'User:b|kafka-cluster:DescribeTopic|topic|t1|Literal',
      'User:b|kafka-cluster:DescribeTopic|topic|t2|Literal',
      'User:b|kafka-cluster:ReadData|topic|t1|Literal',
      'User:b|kafka-cluster:ReadData|topic|t2|Literal',
    ]);
    expect(iamGrantsOf(mskIam)[0]).toEqual({ principal: 'User:a', action: 'kafka-cluster:Connect', resource: CLUSTER_RESOURCE });
  });
});

describe('resourceCovers ([EXAMPLE] a trailing * is a prefix wildcard)', () => {
  it.each([
    ['a literal name itself', topic('orders'), topic('orders'), true],
    ['not a longer name', topic('orders'), topic('orders.x'), false],
    ['not the same name as a prefix', topic('orders'), topic('orders', true), false],
    ['not the same name of another type', topic('orders'), group('orders'), false],
    ['a prefix: a name it starts', topic('orders.', true), topic('orders.created'), true],
    ['a prefix: the prefix itself', topic('orders.', true), topic('orders.'), true],
    ['a prefix: a longer prefix', topic('orders.', true), topic('orders.x', true), true],
    ['a prefix: not a name it ends', topic('orders.', true), topic('x.orders.'), false],
    ['a prefix: not a shorter name', topic('orders.', true), topic('orders'), false],
    ['a prefix: not a name of another type', topic('orders.', true), group('orders.created'), false],
    ['the cluster', CLUSTER_RESOURCE, CLUSTER_RESOURCE, true],
    ['not the cluster by a topic', topic(''), CLUSTER_RESOURCE, false],
  ])('%s', (_what, granted, wanted, covers) => {
    expect(resourceCovers(granted, wanted)).toBe(covers);
  });
});

describe('allows ([EVALUATION] some grant lists the action on a matching resource)', () => {
  const grants: IamGrant[] = [
    { principal: 'User:a', action: 'kafka-cluster:Connect', resource: CLUSTER_RESOURCE },
    { principal: 'User:a', action: 'kafka-cluster:ReadData', resource: topic('orders.', true) },
  ];

  it('allows an action some grant lists on a resource it covers', () => {
    expect(allows(grants, 'kafka-cluster:ReadData', topic('orders.created'))).toBe(true);
    expect(allows(grants, 'kafka-cluster:Connect', CLUSTER_RESOURCE)).toBe(true);
  });

  it('not the action on a resource no grant of it covers, nor another action on a covered resource', () => {
    expect(allows(grants, 'kafka-cluster:ReadData', topic('payments.created'))).toBe(false);
    expect(allows(grants, 'kafka-cluster:WriteData', topic('orders.created'))).toBe(false);
    expect(allows([], 'kafka-cluster:Connect', CLUSTER_RESOURCE)).toBe(false);
  });
});

describe('iamGrantsForAcl ([SEMANTICS], [USE-CASES])', () => {
  const acl = { principal: 'User:x', resourceName: 'shop.', patternType: 'Literal' as const };

  it('a Read on a topic prefix: DescribeTopic and ReadData on that prefix', () => {
    expect(iamGrantsForAcl({ ...acl, resourceType: 'Topic', operation: 'Read', patternType: 'Prefixed' })).toEqual([
      { principal: 'User:x', action: 'kafka-cluster:DescribeTopic', resource: topic('shop.', true) },
      { principal: 'User:x', action: 'kafka-cluster:ReadData', resource: topic('shop.', true) },
    ]);
  });

  it('a Read on a literal group: AlterGroup and DescribeGroup on that group', () => {
    expect(iamGrantsForAcl({ ...acl, resourceType: 'Group', operation: 'Read', resourceName: 'shop.payment' })).toEqual([
      { principal: 'User:x', action: 'kafka-cluster:AlterGroup', resource: group('shop.payment') },
      { principal: 'User:x', action: 'kafka-cluster:DescribeGroup', resource: group('shop.payment') },
    ]);
  });

  it('a Cluster IdempotentWrite: WriteDataIdempotently on the cluster itself, whatever the ACL names it', () => {
    expect(iamGrantsForAcl({ ...acl, resourceType: 'Cluster', operation: 'IdempotentWrite', resourceName: 'kafka-cluster' })).toEqual([
      { principal: 'User:x', action: 'kafka-cluster:WriteDataIdempotently', resource: { type: 'cluster', name: '', prefix: false } },
    ]);
  });

  it('nothing for an ACL the table has no row for (topicform derives no Group Describe, no Cluster Alter)', () => {
    expect(iamGrantsForAcl({ ...acl, resourceType: 'Group', operation: 'Describe' })).toEqual([]);
    expect(iamGrantsForAcl({ ...acl, resourceType: 'Cluster', operation: 'Alter' })).toEqual([]);
  });
});

describe('principalWide', () => {
  it('Connect on the cluster for every principal ([USE-CASES] first in every row), WriteDataIdempotently for an idempotent writer', () => {
    const connect = { principal: 'User:x', action: 'kafka-cluster:Connect', resource: { type: 'cluster', name: '', prefix: false } };
    expect(principalWide('User:x', false)).toEqual([connect]);
    expect(principalWide('User:x', true)).toEqual([
      connect,
      { principal: 'User:x', action: 'kafka-cluster:WriteDataIdempotently', resource: { type: 'cluster', name: '', prefix: false } },
    ]);
  });
});
