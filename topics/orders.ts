import type { Construct } from 'constructs';
import { Domain, Duration, KafkaPrincipal, Replay, Retries } from '../constructs';

/** Orders: the order lifecycle, owned by the orders team. */
export function orders(scope: Construct): Domain {
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
    replay: Replay.window(Duration.days(7)),
    contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' },
  });

  created.grantProduce(KafkaPrincipal.user('order-service'), { service: 'order-service' });

  created.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: KafkaPrincipal.user('payment-service'),
    idempotency: 'payment id is unique per order; a duplicate OrderCreated finds the payment and is ignored',
    processingTimePerMessage: Duration.millis(5),
    maxProcessingLag: Duration.minutes(5),
    retries: Retries.exponential({ attempts: 3, first: Duration.seconds(1) }),
  });

  created.addConsumerGroup('notification', {
    service: 'notification-service',
    principal: KafkaPrincipal.user('notification-service'),
    idempotency: 'notifications are keyed by event id; a resend of the same event id is dropped by the mail gateway',
    processingTimePerMessage: Duration.millis(3),
    maxProcessingLag: Duration.minutes(30),
  });

  return domain;
}
