/**
 * A hand-built domain for the round-trip tests: everything the importer has to reconstruct that the seed examples do
 * not show — explicit replication, explicit retention.ms below the derived margin, retention.bytes, extra configs, a
 * compacted topic with its own configs, a 249-character topic name, a transactional producer, a group with a group id
 * outside the convention (with DLQ and retries), a group without DLQ, a cross-domain subscription and legacy ACLs
 * (wildcards, DENY, Prefixed, host-bound, operation All, Describe, cluster-wide).
 */
import type { Construct } from 'constructs';
import { Domain, Duration, KafkaPrincipal, KafkaStack, Replay, Retries } from '../../../constructs';
import { MAX_TOPIC_NAME_LENGTH } from '../../../model/limits';

/** An event name that makes `<prefix>billing.<event>` exactly 249 characters long, Kafka's longest topic name. */
export function longestEvent(prefix: string): string {
  return `statement-${'x'.repeat(MAX_TOPIC_NAME_LENGTH - prefix.length - 'billing.'.length - 'statement-'.length)}`;
}

export function billing(scope: Construct): Domain {
  const domain = new Domain(scope, 'billing', { owner: '@acme/billing-team', description: 'Invoices and ledgers' });

  const issued = domain.addEventTopic('invoice-issued', {
    eventTypes: ['InvoiceIssued'],
    key: { field: 'invoiceId', aggregate: 'invoice', reason: 'per-invoice ordering; invoices are independent', cardinality: 10_000_000 },
    partitions: 12,
    replay: Replay.window(Duration.minutes(30)),
    replication: { factor: 4, minInsyncReplicas: 3 },
    retentionBytes: 1_073_741_824,
    config: { 'retention.ms': '3600000', 'max.message.bytes': '2097152', 'segment.ms': '600000' },
  });
  issued.grantProduce(KafkaPrincipal.user('billing-service'), { service: 'billing-service', transactionalIdPrefix: 'billing-tx-' });
  issued.addConsumerGroup('ledger', {
    service: 'ledger-service',
    principal: KafkaPrincipal.user('ledger-service'),
    groupId: 'ledger-consumer-v2',
    idempotency: 'ledger entries are keyed by invoice id and version',
    retries: Retries.tiers(Duration.seconds(30), Duration.minutes(5)),
  });
  issued.addConsumerGroup('mailer', {
    service: 'mailer',
    principal: KafkaPrincipal.user('mailer'),
    deadLetter: false,
    idempotency: 'mails carry the invoice id; the gateway drops repeats',
    suppressions: [{ ruleId: 'TF-GROUP-003', reason: 'a failed mail is logged and retried by the gateway' }],
  });

  const snapshot = domain.addEventTopic('customer-snapshot', {
    eventTypes: ['CustomerSnapshot'],
    key: { field: 'customerId', aggregate: 'customer', reason: 'compaction keeps the latest snapshot per customer' },
    partitions: 6,
    replay: Replay.full({ longestReindex: Duration.hours(6) }),
    config: { 'min.compaction.lag.ms': '60000', 'segment.bytes': '104857600' },
  });
  snapshot.grantProduce(KafkaPrincipal.user('billing-service'), { service: 'billing-service', transactionalIdPrefix: 'billing-tx-' });

  const statement = domain.addEventTopic(longestEvent(KafkaStack.of(domain).environment.topicPrefix ?? ''), {
    eventTypes: ['StatementGenerated'],
    ordering: 'none',
    partitions: 3,
    replay: Replay.window(Duration.days(90)),
  });
  statement.grantProduce(KafkaPrincipal.user('statement-job'), { service: 'statement-job' });

  domain
    .addConsumerGroup('order-biller', {
      service: 'order-biller',
      principal: KafkaPrincipal.user('order-biller'),
      idempotency: 'one invoice per order id; a repeat finds the invoice',
    })
    .subscribe({ domain: 'orders', event: 'order-created' }, { reason: 'every order is invoiced' });

  const legacy = (id: string, acl: Omit<Parameters<Domain['addLegacyAcl']>[1], 'reason'>): void =>
    void domain.addLegacyAcl(id, { ...acl, reason: 'kept from the old cluster set-up until its owner replaces it' });
  legacy('AuditorEverything', { principal: 'User:auditor', operation: 'Read', permission: 'Allow', resourceType: 'Topic', resourceName: '*' });
  legacy('InternDenied', { principal: 'User:intern', operation: 'Write', permission: 'Deny', resourceType: 'Topic', resourceName: 'billing.invoice-issued' });
  legacy('AnalyticsPrefix', {
    principal: 'User:analytics',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'billing.',
    patternType: 'Prefixed',
  });
  legacy('AnyoneFromBastion', {
    principal: 'User:*',
    host: '10.0.0.7',
    operation: 'Describe',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'billing.invoice-issued',
  });
  legacy('OpsAllGroups', {
    principal: 'User:ops',
    operation: 'All',
    permission: 'Allow',
    resourceType: 'Group',
    resourceName: 'billing.',
    patternType: 'Prefixed',
  });
  legacy('LegacyIdempotence', {
    principal: 'User:billing-service',
    operation: 'IdempotentWrite',
    permission: 'Allow',
    resourceType: 'Cluster',
    resourceName: 'kafka-cluster',
  });
  return domain;
}
