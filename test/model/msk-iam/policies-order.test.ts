/**
 * The MSK IAM policies' order, the environment's topic prefix in a prefix ARN, and who goes without
 * WriteDataIdempotently (model/msk-iam/policies.ts). Policies written by hand from:
 * - [USE-CASES] "Common use cases for client authorization policy" ("Consume data": Connect, DescribeTopic + ReadData
 *   on the topic, DescribeGroup + AlterGroup on the group; "Produce data idempotently": WriteDataIdempotently on the
 *   cluster), https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * - [EXAMPLE] "Create authorization policies for the IAM role" (a trailing `*` is a prefix wildcard),
 *   https://docs.aws.amazon.com/msk/latest/developerguide/create-iam-access-control-policies.html
 * Synthesized inside each test (not at module load), so a mutation run sees every call under its mutant.
 */
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { Domain, Duration, KafkaPrincipal, Replay } from '../../../constructs';
import { mskIamPolicies, nonIdempotentWriters, type MskIamGrants } from '../../../model/msk-iam/policies';
import type { MskIamResource, ResolvedConnect, ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication } from '../../../model/topology';
import { synthStack } from '../../helpers/synth';
import { MSK_IAM, shop } from './fixture';

const topic = (name: string, prefix = false): MskIamResource => ({ type: 'topic', name, prefix });
const group = (name: string): MskIamResource => ({ type: 'group', name, prefix: false });
const CLUSTER: MskIamResource = { type: 'cluster', name: '', prefix: false };

/**
 * Names where one is a prefix of the other followed by `-`: in an ACL id (`principal|host|operation|…|name|pattern`)
 * `-` (0x2D) sorts before the `|` (0x7C) that ends the shorter name, so the ACLs come longer name first, while the
 * policies order principals and resources by the names themselves, shorter first.
 */
function prefixNames(stack: Construct): void {
  const domain = new Domain(stack, 'shop', { owner: '@acme/shop', description: 'Shop', recoveryProcedure: 'docs/runbooks/shop.md' });
  const event = (name: string) =>
    domain.addEventTopic(name, {
      eventTypes: ['OrderCreated'],
      key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent' },
      partitions: 6,
      replay: Replay.window(Duration.days(7)),
    });
  const order = event('order');
  const created = event('order-created');
  order.addConsumerGroup('audit', { service: 'audit', principal: KafkaPrincipal.user('audit'), idempotency: 'audit rows are keyed by event id' });
  created.addConsumerGroup('audit-log', { service: 'audit', principal: KafkaPrincipal.user('audit'), idempotency: 'audit rows are keyed by event id' });
  order.grantProduce(KafkaPrincipal.user('audit-log'), { service: 'audit-log' });
}

describe('the order of MSK IAM policies', () => {
  it('sorts principals and the resources of a statement by name, shorter first, not in ACL id order', () => {
    const policies = synthStack(prefixNames, MSK_IAM).topology.mskIam?.policies;
    expect(policies?.map((p) => [p.principal, p.statements])).toEqual([
      [
        'User:audit',
        [
          { actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], resources: [group('shop.audit'), group('shop.audit-log')] },
          { actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], resources: [CLUSTER] },
          { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [topic('shop.order'), topic('shop.order-created')] },
          {
            actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData'],
            // "shop.order-" before "shop.order.": '-' (0x2D) sorts before '.' (0x2E).
            resources: [topic('shop.order-created.audit-log.dlq'), topic('shop.order.audit.dlq')],
          },
        ],
      ],
      [
        'User:audit-log',
        [
          { actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], resources: [CLUSTER] },
          { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], resources: [topic('shop.order')] },
        ],
      ],
    ]);
  });
});

describe('the environment topic prefix', () => {
  it('is part of a domain prefix ARN ([EXAMPLE]): stage.shop.*, not shop.*', () => {
    const { topology } = synthStack((s) => shop(s), { ...MSK_IAM, topicPrefix: 'stage.', acl: { patterns: 'prefixed' } });
    const order = topology.mskIam?.policies.find((p) => p.principal === 'User:order-service');
    expect(order?.statements).toEqual([
      { actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], resources: [CLUSTER] },
      { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], resources: [topic('stage.shop.', true)] },
    ]);
  });
});

// Only the fields nonIdempotentWriters reads (a client's principal, a producer's `idempotent`); the rest is unused.
const producer = (principal: string, idempotent: boolean): ResolvedProducer => ({ principal, idempotent }) as unknown as ResolvedProducer;
const client = <T>(principal: string): T => ({ principal }) as unknown as T;
const grants = (over: Partial<MskIamGrants>): MskIamGrants => ({
  consumerGroups: [],
  producers: [],
  streamsApplications: [],
  connect: undefined,
  owners: new Map(),
  ...over,
});

describe('nonIdempotentWriters ([USE-CASES] "Produce data" without WriteDataIdempotently)', () => {
  it('is a principal whose every write is a producer declared idempotent: false', () => {
    expect(nonIdempotentWriters(grants({ producers: [producer('User:off', false), producer('User:on', true)] }))).toEqual(new Set(['User:off']));
  });

  it('is not a principal that is also an idempotent producer, a consumer group, a Streams application, a Connect worker or a connector', () => {
    const connect: ResolvedConnect = { clusters: [client('User:worker')], connectors: [client('User:connector')] };
    const result = nonIdempotentWriters(
      grants({
        producers: ['User:off', 'User:both', 'User:group', 'User:app', 'User:worker', 'User:connector']
          .map((p) => producer(p, false))
          .concat(producer('User:both', true)),
        consumerGroups: [client<ResolvedConsumerGroup>('User:group')],
        streamsApplications: [client<ResolvedStreamsApplication>('User:app')],
        connect,
      }),
    );
    expect(result).toEqual(new Set(['User:off']));
  });

  it('is nobody without producers declared idempotent: false', () => {
    expect(nonIdempotentWriters(grants({ producers: [producer('User:on', true)], consumerGroups: [client('User:g')] }))).toEqual(new Set());
  });
});

describe('a name that is no Kafka name', () => {
  it('is refused rather than written into an ARN, where * would be a wildcard ([EXAMPLE])', () => {
    // Resolve never gives one (the schemas allow [A-Za-z0-9._-] only); mskIamPolicies checks again, so a hand-built input
    // with `*` in a topic name is the only way to reach the check. Only the fields the ACL derivation reads are given.
    const writer = { service: 'writer', principal: 'User:writer', topicName: 'shop.a*', transactionalIdPrefix: null, idempotent: true };
    const input = grants({ producers: [writer as unknown as ResolvedProducer], owners: new Map([['shop.a*', 'shop']]) });
    expect(() => mskIamPolicies(input)).toThrow('topic name "shop.a*" of User:writer cannot be written into an ARN without becoming a wildcard');
    const safe = grants({ producers: [{ ...writer, topicName: 'shop.a' } as unknown as ResolvedProducer], owners: new Map([['shop.a', 'shop']]) });
    expect(mskIamPolicies(safe).map((p) => p.statements)).toEqual([
      [
        { actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], resources: [CLUSTER] },
        { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], resources: [topic('shop.a')] },
      ],
    ]);
  });

  it('takes the domain prefix without an environment topic prefix when none is given: shop.*', () => {
    const writer = { service: 'writer', principal: 'User:writer', topicName: 'shop.a', transactionalIdPrefix: null, idempotent: true };
    const input = grants({ producers: [writer as unknown as ResolvedProducer], owners: new Map([['shop.a', 'shop']]), patterns: 'prefixed' });
    expect(mskIamPolicies(input).map((p) => p.statements)).toEqual([
      [
        { actions: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'], resources: [CLUSTER] },
        { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'], resources: [topic('shop.', true)] },
      ],
    ]);
  });
});

describe('what each policy is for', () => {
  it('lists the declarations that need it, sorted: "User:…" (the idempotent producer) before "producer …"', () => {
    const order = synthStack((s) => shop(s), MSK_IAM).topology.mskIam?.policies.find((p) => p.principal === 'User:order-service');
    expect(order?.neededBy).toEqual([
      'User:order-service writes with an idempotent producer (the Kafka client default since 3.0)',
      'producer order-service writes shop.order-created',
    ]);
  });
});
