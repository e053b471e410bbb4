// The realistic change of issue 27, as declarations: topics/orders.ts and topics/search.ts edited the way a pull
// request would edit them. The payment group's tolerated lag 5m → 1m, `partitions: 12` on order-created, the
// notification group removed, and a new order-shipped topic that the search domain's order indexer reads.
import type { Construct } from 'constructs';
import { Domain, Duration, KafkaPrincipal, Replay, Retries } from '../../../constructs';
import { OrderCreated } from '../../../topics/orders';
import { search } from '../../../topics/search';

export function ordersChanged(scope: Construct): Domain {
  const domain = new Domain(scope, 'orders', {
    owner: '@acme/orders-team',
    description: 'Order lifecycle: orders placed, paid and fulfilled',
    recoveryProcedure: 'docs/runbooks/orders.md',
  });
  const created = domain.addEventTopic('order-created', {
    description: 'An order was placed',
    eventTypes: ['OrderCreated'],
    key: {
      field: 'orderId',
      aggregate: 'order',
      reason: 'per-order ordering; orders are independent of each other, so they spread across partitions',
      cardinality: 5_000_000,
    },
    throughput: { peakMessagesPerSecond: 2_000, averageMessageBytes: 1_024 },
    partitions: 12,
    replay: Replay.window(Duration.days(7)),
    contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type', schema: OrderCreated },
  });
  created.grantProduce(KafkaPrincipal.user('order-service'), { service: 'order-service' });
  created.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: KafkaPrincipal.user('payment-service'),
    idempotency: 'payment id is unique per order; a duplicate OrderCreated finds the payment and is ignored',
    processingTimePerMessage: Duration.millis(5),
    maxProcessingLag: Duration.minutes(1),
    retries: Retries.exponential({ attempts: 3, first: Duration.seconds(1) }),
  });
  const shipped = domain.addEventTopic('order-shipped', {
    description: 'An order left the warehouse',
    eventTypes: ['OrderShipped'],
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering, as order-created', cardinality: 5_000_000 },
    throughput: { peakMessagesPerSecond: 500, averageMessageBytes: 512 },
    replay: Replay.window(Duration.days(7)),
  });
  shipped.grantProduce(KafkaPrincipal.user('shipping-service'), { service: 'shipping-service' });
  return domain;
}

/** The search domain as declared, and its order indexer reading order-shipped as well. */
export function searchChanged(scope: Construct): Domain {
  const domain = search(scope);
  const indexer = domain.node.tryFindChild('order-indexer');
  if (indexer === undefined || !('subscribe' in indexer) || typeof indexer.subscribe !== 'function') {
    throw new Error('topics/search.ts declares no order-indexer group');
  }
  (indexer as { subscribe(ref: { domain: string; event: string }, options: { reason: string }): unknown }).subscribe(
    { domain: 'orders', event: 'order-shipped' },
    { reason: 'customer service searches orders by shipping status' },
  );
  return domain;
}
