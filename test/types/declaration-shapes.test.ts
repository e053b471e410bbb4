/**
 * One declaration shape: each construct's props interface (constructs/) is the input type of its zod schema
 * (model/schema/) without the fields the construct fills in itself (domain, name, source, subscriptions). `tsc --noEmit`
 * (the first step of `npm test`) fails naming the differing fields when one side gains, loses or changes a field; the
 * tests below check the same at run time through each construct's toDeclaration().
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaStack, Replay, Retries } from '../../constructs';
import type { ConnectClusterProps, SinkConnectorOptions, SourceConnectorOptions } from '../../constructs';
import type { ConsumerGroupOptions, DomainProps, EventTopicProps, LegacyAclProps, ProducerProps, StreamsApplicationProps } from '../../constructs';
import type { EventContractProps } from '../../constructs/event-topic';
import type { contractSchema } from '../../model/schema';
import type { connectClusterSchema, sinkConnectorSchema, sourceConnectorSchema } from '../../model/schema';
import { consumerGroupSchema, domainSchema, eventTopicSchema, legacyAclSchema, producerSchema, streamsApplicationSchema } from '../../model/schema';
import { SideEffects } from '../../constructs';
import { assertSameShape } from './same-shape';
import { DEV } from '../helpers/synth';

type In<S extends z.ZodType> = z.input<S>;
// An event topic's contract takes zod schemas (or JSON Schema objects) where the model takes JSON Schema: the construct
// converts them (contracts/convert.ts), so `schema` and `schemas` are compared by name only, below.
assertSameShape<DomainProps, Omit<In<typeof domainSchema>, 'name' | 'source'>>(true);
assertSameShape<Omit<EventTopicProps, 'contract'>, Omit<In<typeof eventTopicSchema>, 'domain' | 'name' | 'source' | 'contract'>>(true);
assertSameShape<Omit<EventContractProps, 'schema' | 'schemas'>, Omit<In<typeof contractSchema>, 'schema' | 'schemas'>>(true);
assertSameShape<ConsumerGroupOptions, Omit<In<typeof consumerGroupSchema>, 'domain' | 'name' | 'source' | 'subscriptions' | 'retryPolicy'>>(true);
assertSameShape<ProducerProps, Omit<In<typeof producerSchema>, 'source'>>(true);
assertSameShape<LegacyAclProps, Omit<In<typeof legacyAclSchema>, 'domain' | 'source'>>(true);
assertSameShape<keyof EventContractProps, keyof In<typeof contractSchema>>(true);
assertSameShape<ConnectClusterProps, Omit<In<typeof connectClusterSchema>, 'domain' | 'name' | 'source'>>(true);
// Connectors take topics (or refs) where the model takes `{ topic: ref }` entries, and their cluster from the tree.
assertSameShape<Omit<SinkConnectorOptions, 'topics'>, Omit<In<typeof sinkConnectorSchema>, 'cluster' | 'name' | 'source' | 'type' | 'topics'>>(true);
assertSameShape<Omit<SourceConnectorOptions, 'topics'>, Omit<In<typeof sourceConnectorSchema>, 'cluster' | 'name' | 'source' | 'type' | 'topics'>>(true);
// A Streams application's inputs and outputs take an EventTopic construct or its declared identity; the construct maps
// both to the identity (toDeclaration), so the lists are compared by the fields that are not the topic.
type StreamsLists = 'inputs' | 'outputs';
assertSameShape<Omit<StreamsApplicationProps, StreamsLists>, Omit<In<typeof streamsApplicationSchema>, 'domain' | 'name' | 'source' | StreamsLists>>(true);
assertSameShape<
  Omit<NonNullable<StreamsApplicationProps['outputs']>[number], 'topic'>,
  Omit<NonNullable<In<typeof streamsApplicationSchema>['outputs']>[number], 'topic'>
>(true);

// ---------------------------------------------------------------------------------------------------------------
// At run time: every prop a construct accepts reaches the model under the schema's name. The schemas are strict, so a
// prop the construct forwarded under another name (or forgot to map) is an "unrecognized key" error here.

function parsedDeclarations(): Record<string, ReturnType<z.ZodType['safeParse']>> {
  const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
  const suppressions = [{ ruleId: 'TF-GROUP-003', reason: 'kept on purpose for this test' }];
  const domain = new Domain(stack, 'orders', { owner: '@acme/orders', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md', suppressions });
  const topic = domain.addEventTopic('order-created', {
    description: 'An order was placed',
    topicName: 'orders.created',
    eventTypes: ['OrderCreated'],
    key: { field: 'orderId', aggregate: 'order', reason: 'ordering per order is what consumers need', cardinality: 1000 },
    aggregate: { name: 'order', cardinality: 1000 },
    ordering: 'per-key',
    partitions: 6,
    throughput: { peakMessagesPerSecond: 100, averageMessageBytes: 512, maxConsumerInstances: 3 },
    replay: Replay.window('7d'),
    cleanupPolicy: 'delete',
    replication: { factor: 1, minInsyncReplicas: 1 },
    retentionBytes: 1_000_000,
    config: { 'max.message.bytes': '1048576' },
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive fields only, new topic for breaking changes',
      schema: { type: 'object' },
      subjectNaming: 'TopicNameStrategy',
    },
    suppressions,
  });
  const group = topic.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: 'User:payment-service',
    groupId: 'orders.payment',
    idempotency: 'payment id is unique per order; duplicates are ignored',
    deadLetter: { partitions: 2, retention: '14d', config: { 'max.message.bytes': '2097152' } },
    retryPartitions: 2,
    retries: Retries.exponential({ attempts: 2, first: '1s' }),
    processingTimePerMessage: '10ms',
    maxProcessingLag: '1h',
    offsetCommit: { mode: 'auto', reason: 'processing is idempotent and synchronous in the poll loop' },
    processing: 'sync',
    replaySafety: { deterministic: true, sideEffects: SideEffects.guardedBy('payment id is unique per order') },
    suppressions,
  });
  const streams = domain.addStreamsApplication('order-totals', {
    service: 'order-totals',
    principal: 'User:order-totals',
    applicationId: 'orders.totals',
    inputs: [{ topic }],
    outputs: [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'writes back corrections to the order stream' }],
    processingGuarantee: 'exactly_once_v2',
    stateStores: [{ name: 'totals', changelog: true }],
    repartitions: true,
    exceptionHandlers: { deserialization: 'com.acme.DlqHandler', production: 'com.acme.DlqHandler' },
    idempotency: 'totals are recomputed from the changelog; duplicates are absorbed by exactly-once',
    replaySafety: { deterministic: true, sideEffects: SideEffects.none() },
    suppressions,
  });
  const producer = topic.grantProduce('User:orders-service', {
    service: 'orders-service',
    idempotent: true,
    transactionalIdPrefix: 'orders-tx',
    delivery: { timeout: '2m', backoff: '100ms', backoffMax: '1s', retries: 5 },
    suppressions,
  });
  const acl = domain.addLegacyAcl('legacy', {
    principal: 'User:*',
    host: '*',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'orders.created',
    patternType: 'Literal',
    reason: 'an old reporting job still reads it',
  });
  return {
    domain: domainSchema.safeParse(domain.toDeclaration()),
    topic: eventTopicSchema.safeParse(topic.toDeclaration()),
    group: consumerGroupSchema.safeParse(group.toDeclaration()),
    producer: producerSchema.safeParse(producer.toDeclaration()),
    legacyAcl: legacyAclSchema.safeParse(acl.toDeclaration()),
    streams: streamsApplicationSchema.safeParse(streams.toDeclaration()),
  };
}

describe('declaration shapes', () => {
  it('every prop of every construct reaches its schema, under the schema’s name', () => {
    const issues = Object.entries(parsedDeclarations()).flatMap(([kind, r]) =>
      r.success ? [] : r.error.issues.map((i) => `${kind}: ${i.path.join('.')}: ${i.message}`),
    );
    expect(issues).toEqual([]);
  });

  it('carries a Streams application’s topics by their declared identity, whether given as a construct or a reference', () => {
    const streams = parsedDeclarations().streams;
    expect(streams?.success && streams.data).toMatchObject({
      inputs: [{ topic: { domain: 'orders', event: 'order-created' } }],
      outputs: [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'writes back corrections to the order stream' }],
    });
  });

  it('carries a consumer group’s retries as `retries` and how they were declared as `retryPolicy`', () => {
    const group = parsedDeclarations().group;
    expect(group?.success && group.data).toMatchObject({ retries: ['1s', '2s'], retryPolicy: { kind: 'exponential', attempts: 2, first: '1s' } });
  });
});
