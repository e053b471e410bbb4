import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaPrincipal, KafkaStack, Replay, SideEffects, StreamsApplication, type StreamsApplicationProps } from '../../constructs';
import { aclSet, DEV, synthStack } from '../helpers/synth';

const PROPS: StreamsApplicationProps = {
  service: 'order-totals',
  principal: KafkaPrincipal.user('order-totals'),
  inputs: [{ topic: { domain: 'orders', event: 'order-created' } }],
  processingGuarantee: 'exactly_once_v2',
  stateStores: [{ name: 'totals' }],
  exceptionHandlers: { deserialization: 'com.acme.DlqHandler', production: 'com.acme.DlqHandler' },
  replaySafety: { deterministic: true, sideEffects: SideEffects.none() },
};

function declareOrders(stack: KafkaStack): Domain {
  const domain = new Domain(stack, 'orders', { owner: '@acme/orders-team', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md' });
  domain.addEventTopic('order-created', {
    eventTypes: ['OrderCreated'],
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent', cardinality: 1_000_000 },
    partitions: 6,
    replay: Replay.window('7d'),
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only',
      schema: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
    },
  });
  return domain;
}

describe('StreamsApplication construct', () => {
  it('renders the Kafka Streams ACL set as kafka_acl resources (Testing.synth with validations)', () => {
    const { json } = synthStack((stack) => void declareOrders(stack).addStreamsApplication('order-totals', PROPS));
    expect(aclSet(json, 'User:order-totals')).toEqual([
      'Group:orders.order-totals:Read',
      'Topic:orders.order-created:Read',
      'Topic:orders.order-totals-:Create:Prefixed',
      'Topic:orders.order-totals-:Delete:Prefixed',
      'Topic:orders.order-totals-:Describe:Prefixed',
      'Topic:orders.order-totals-:Read:Prefixed',
      'Topic:orders.order-totals-:Write:Prefixed',
      'TransactionalID:orders.order-totals-:Describe:Prefixed',
      'TransactionalID:orders.order-totals-:Write:Prefixed',
    ]);
    // Kafka Streams creates its internal topics itself (under the prefixed grant): topicform renders none of them.
    expect(Object.values(json.resource.kafka_topic).map((t) => t.name)).toEqual(['orders.order-created']);
  });

  it('fails synth naming the construct path and field when it reads an undeclared topic', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    new StreamsApplication(declareOrders(stack), 'order-totals', { ...PROPS, inputs: [{ topic: { domain: 'orders', event: 'order-creatd' } }] });
    stack.render();
    expect(() => Testing.synth(stack, true)).toThrow(/dev\/orders\/order-totals[\s\S]*inputs\[0\]\.topic[\s\S]*order-creatd/);
  });

  it('fails synth on a lint error (no dead-letter strategy) with the rule id', () => {
    const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
    const { exceptionHandlers: _none, ...withoutHandlers } = PROPS;
    void _none;
    declareOrders(stack).addStreamsApplication('order-totals', withoutHandlers);
    stack.render();
    expect(() => Testing.synth(stack, true)).toThrow(/\[TF-STREAMS-003\] streams application orders\.order-totals declares no deserialization/);
  });
});
