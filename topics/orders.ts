import type { Construct } from 'constructs';
import { z } from 'zod';
import { Domain, Duration, KafkaPrincipal, Replay, Retries, SideEffects } from '../constructs';

/** An amount of money in minor units (cents), so that no reader rounds a float. */
const Money = z.object({
  amountMinor: z.number().int().nonnegative().describe('amount in minor units, e.g. cents'),
  currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code'),
});

/** The OrderCreated event: what order-service writes and every reader of orders.order-created parses. */
export const OrderCreated = z.object({
  eventId: z.uuid().describe('unique per event; consumers dedupe by it'),
  orderId: z.uuid().describe('the record key'),
  customerId: z.string().min(1),
  items: z
    .array(
      z.object({
        sku: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPrice: Money,
      }),
    )
    .min(1),
  total: Money,
  createdAt: z.iso.datetime().describe('when the order was placed (UTC)'),
});

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
    contract: {
      compatibility: 'BACKWARD',
      changeStrategy: 'additive optional fields only; a breaking change is a new event type',
      schema: OrderCreated,
    },
  });

  created.grantProduce(KafkaPrincipal.user('order-service'), { service: 'order-service' });

  created.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: KafkaPrincipal.user('payment-service'),
    idempotency: 'payment id is unique per order; a duplicate OrderCreated finds the payment and is ignored',
    replaySafety: {
      deterministic: true,
      sideEffects: SideEffects.guardedBy('the payment provider charges once per payment id; a replayed order finds its payment and charges nothing'),
    },
    processingTimePerMessage: Duration.millis(5),
    maxProcessingLag: Duration.minutes(5),
    retries: Retries.exponential({ attempts: 3, first: Duration.seconds(1) }),
  });

  created.addConsumerGroup('notification', {
    service: 'notification-service',
    principal: KafkaPrincipal.user('notification-service'),
    idempotency: 'notifications are keyed by event id; a resend of the same event id is dropped by the mail gateway',
    replaySafety: {
      deterministic: true,
      sideEffects: SideEffects.guardedBy('the mail gateway drops a second message with the same event id within 30 days'),
    },
    processingTimePerMessage: Duration.millis(3),
    maxProcessingLag: Duration.minutes(30),
  });

  // Order totals per customer: a Kafka Streams aggregation over order-created. Exactly once, so a crash or rebalance
  // never counts an order twice in the store; the store's changelog restores it on another instance.
  domain.addStreamsApplication('order-totals', {
    service: 'order-totals',
    principal: KafkaPrincipal.user('order-totals'),
    inputs: [{ topic: created }],
    processingGuarantee: 'exactly_once_v2',
    stateStores: [{ name: 'totals-by-customer', changelog: true }],
    repartitions: true, // re-keyed from orderId to customerId before aggregating
    exceptionHandlers: {
      deserialization: 'com.acme.orders.totals.DeadLetterDeserializationHandler',
      production: 'com.acme.orders.totals.DeadLetterProductionHandler',
    },
    idempotency: 'exactly_once_v2: reading, the store update and the offset commit are one transaction',
    replaySafety: { deterministic: true, sideEffects: SideEffects.none() },
  });

  return domain;
}
