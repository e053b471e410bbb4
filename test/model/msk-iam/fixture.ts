/**
 * One domain with every kind of client topicform grants access to, for the MSK IAM mapping tests: an idempotent, a
 * non-idempotent and a transactional producer, two consumer groups (retries and a DLQ; a DLQ only), an exactly-once
 * Kafka Streams application, an exactly-once Connect cluster with a sink and an exactly-once source connector.
 */
import type { Construct } from 'constructs';
import { Domain, Duration, KafkaPrincipal, Replay, Retries, type EventTopic } from '../../../constructs';
import type { EnvironmentInput } from '../../../model/schema';

export const CLUSTER_ARN = 'arn:aws:kafka:eu-west-1:123456789012:cluster/shop/abcd-1234-ef';

export const MSK_IAM: EnvironmentInput = {
  name: 'msk',
  production: false,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  auth: { mechanism: 'aws-iam', aws: { clusterArn: CLUSTER_ARN } },
};

/**
 * `reversed` declares the producers and consumer groups in the opposite order: the output must not change. `without`
 * leaves out the named consumer groups (review tests: a group removed with its grants).
 */
/** The shop domain and its one event topic, `shop.order-created`. */
export function shopDomain(stack: Construct): { domain: Domain; created: EventTopic } {
  const domain = new Domain(stack, 'shop', { owner: '@acme/shop', description: 'Shop', recoveryProcedure: 'docs/runbooks/shop.md' });
  const created = domain.addEventTopic('order-created', {
    eventTypes: ['OrderCreated'],
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent' },
    partitions: 6,
    replay: Replay.window(Duration.days(7)),
  });
  return { domain, created };
}

/** The exactly-once Streams application `order-totals` reading the topic, with a changelogged store. */
export function addTotals(domain: Domain, created: EventTopic): void {
  domain.addStreamsApplication('totals', {
    service: 'order-totals',
    principal: KafkaPrincipal.user('order-totals'),
    inputs: [{ topic: created }],
    processingGuarantee: 'exactly_once_v2',
    stateStores: [{ name: 'by-customer', changelog: true }],
    idempotency: 'exactly_once_v2: one transaction per update',
    exceptionHandlers: { deserialization: 'com.acme.DeadLetterDeserializationHandler', production: 'com.acme.DeadLetterProductionHandler' },
  });
}

export function shop(stack: Construct, reversed = false, without: readonly string[] = []): void {
  const { domain, created } = shopDomain(stack);
  const clients: Array<() => unknown> = [
    () => created.grantProduce(KafkaPrincipal.user('order-service'), { service: 'order-service' }),
    () => created.grantProduce(KafkaPrincipal.user('audit-service'), { service: 'audit-service', idempotent: false }),
    () => created.grantProduce(KafkaPrincipal.user('ledger-service'), { service: 'ledger-service', transactionalIdPrefix: 'ledger-tx-' }),
    ...(without.includes('payment') ? [] : [() => payment()]),
    ...(without.includes('notification') ? [] : [() => notification()]),
  ];
  const payment = (): unknown =>
    created.addConsumerGroup('payment', {
      service: 'payment-service',
      principal: KafkaPrincipal.user('payment-service'),
      idempotency: 'payment id is unique per order; duplicates are ignored',
      retries: Retries.exponential({ attempts: 1, first: Duration.seconds(1) }),
    });
  const notification = (): unknown =>
    created.addConsumerGroup('notification', {
      service: 'notification-service',
      principal: KafkaPrincipal.user('notification-service'),
      idempotency: 'notifications are keyed by event id',
    });
  for (const declare of reversed ? [...clients].reverse() : clients) declare();
  addTotals(domain, created);
  const connect = domain.addConnectCluster('indexing', { service: 'shop-connect', principal: KafkaPrincipal.user('shop-connect'), exactlyOnceSource: true });
  connect.addSinkConnector('index', {
    connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
    principal: KafkaPrincipal.user('shop-sink'),
    topics: [created],
    idempotency: 'documents are written by id',
  });
  connect.addSourceConnector('cdc', {
    connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
    principal: KafkaPrincipal.user('shop-cdc'),
    topics: [created],
    exactlyOnce: true,
  });
}
