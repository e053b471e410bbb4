/**
 * Every construct is `(scope, id, props)`. Producer's former `(scope, id, topicRef, principal, options)` still works,
 * deprecated, and declares the same thing; a KafkaEnvironment's slice stacks go through the same props.
 */
import { describe, expect, it } from 'vitest';
import { Testing, type Construct } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, KafkaStack, Producer, Replay } from '../../constructs';
import type {
  ConsumerGroupOptions,
  DomainProps,
  EventTopicProps,
  KafkaEnvironmentProps,
  KafkaStackProps,
  LegacyAclProps,
  ProducerProps,
  ConsumerGroup,
  EventTopic,
  KafkaCluster,
  LegacyAcl,
} from '../../constructs';
import type { KafkaSliceStackProps } from '../../constructs/kafka-stack';
import type { AuthDeclaration } from '../../model/schema';
import { assertSameShape } from '../types/same-shape';
import { DEV } from '../helpers/synth';

// The constructor each construct offers (for Producer, the last overload: the current one).
assertSameShape<ConstructorParameters<typeof Domain>, [Construct, string, DomainProps]>(true);
assertSameShape<ConstructorParameters<typeof EventTopic>, [Construct, string, EventTopicProps]>(true);
assertSameShape<ConstructorParameters<typeof ConsumerGroup>, [Construct, string, ConsumerGroupOptions]>(true);
assertSameShape<ConstructorParameters<typeof Producer>, [Construct, string, ProducerProps]>(true);
assertSameShape<ConstructorParameters<typeof LegacyAcl>, [Construct, string, LegacyAclProps]>(true);
assertSameShape<ConstructorParameters<typeof KafkaStack>, [Construct, string, KafkaStackProps | KafkaSliceStackProps]>(true);
assertSameShape<ConstructorParameters<typeof KafkaEnvironment>, [Construct, string, KafkaEnvironmentProps]>(true);
assertSameShape<ConstructorParameters<typeof KafkaCluster>, [Construct, string, AuthDeclaration?]>(true);

describe('(scope, id, props)', () => {
  it('declares the same producer through props and through the deprecated positional shape', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    const domain = new Domain(stack, 'orders', { owner: '@acme/orders', description: 'Orders' });
    const topic = domain.addEventTopic('order-created', { eventTypes: ['OrderCreated'], ordering: 'none', partitions: 3, replay: Replay.window('7d') });
    const options = { service: 'orders-service', transactionalIdPrefix: 'orders-tx', delivery: { timeout: '1m' } } as const;
    const viaProps = new Producer(topic, 'a', { ...options, topic: topic.topicRef, principal: 'User:orders-service' });
    const positional = new Producer(topic, 'b', topic.topicRef, 'User:orders-service', options);
    const strip = (d: Record<string, unknown>): Record<string, unknown> => ({ ...d, source: undefined });
    expect(strip(positional.toDeclaration())).toEqual(strip(viaProps.toDeclaration()));
    expect([positional.topicRef, positional.principal, positional.options]).toEqual([viaProps.topicRef, viaProps.principal, viaProps.options]);
    expect(viaProps.props).toEqual({ ...options, topic: { domain: 'orders', event: 'order-created' }, principal: 'User:orders-service' });
    expect(topic.grantProduce('User:orders-service', options).toDeclaration()).toMatchObject({
      topic: topic.topicRef,
      principal: 'User:orders-service',
      service: 'orders-service',
    });
  });

  it('gives a KafkaEnvironment slice stacks that render their slice', () => {
    const app = Testing.app();
    const env = new KafkaEnvironment(app, 'dev', { environment: { ...DEV, layout: 'domain' } });
    new Domain(env, 'orders', { owner: '@acme/orders', description: 'Orders' }).addEventTopic('order-created', {
      eventTypes: ['OrderCreated'],
      ordering: 'none',
      partitions: 3,
      replay: Replay.window('7d'),
    });
    const [stack] = env.render().stacks;
    expect(stack?.node.id).toBe('dev-orders');
    expect(stack?.environmentName).toBe('dev');
    expect(stack?.domains).toEqual(new Set(['orders']));
    expect(stack?.topology?.topics.map((t) => t.name)).toEqual(['orders.order-created']);
  });
});
