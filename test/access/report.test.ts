/**
 * The access report on the example declarations (topics/, environments.ts): everything a principal can do, everyone
 * who can read or write a topic — including the cross-domain grant of topics/search.ts — and how wildcard and prefixed
 * ACLs are matched.
 */
import { describe, expect, it } from 'vitest';
import { formatPrincipalReport, formatTopicReport } from '../../access/format';
import { knownPrincipals, principalReport, topicReport } from '../../access/report';
import { loadAccessSource } from '../../cli/commands/access';
import { QUOTA_CONSUME_HEADROOM } from '../../model/limits';
import { buildApp } from '../../main';
import { fixture, topologyOf } from './fixtures';

const { source, errors } = loadAccessSource(buildApp);
const REASON = 'customer service searches orders by customer and status';

describe('the access report on the examples', () => {
  it('loads every environment whole, with the stacks that hold each domain', () => {
    expect(errors).toEqual([]);
    expect(source.topologies.map((t) => t.environment.name)).toEqual(['confluent', 'dev', 'msk', 'prod', 'staging']);
    expect(source.stacks).toEqual([
      { stack: 'confluent', environment: 'confluent', domains: null },
      { stack: 'dev', environment: 'dev', domains: null },
      { stack: 'msk', environment: 'msk', domains: null },
      { stack: 'prod-orders', environment: 'prod', domains: ['orders'] },
      { stack: 'prod-search', environment: 'prod', domains: ['search'] },
      { stack: 'staging', environment: 'staging', domains: null },
    ]);
  });

  describe('--principal User:search-indexer', () => {
    const report = principalReport(source, 'User:search-indexer', ['prod']);

    it('lists the declarations that use it, with the reason of the cross-domain grant', () => {
      expect(report.uses).toEqual([
        { environment: 'prod', kind: 'consumer-group', service: 'search-indexer', name: 'search.indexer', domain: 'search', reasons: [] },
        {
          environment: 'prod',
          kind: 'consumer-group',
          service: 'search-indexer',
          name: 'search.order-indexer',
          domain: 'search',
          reasons: [{ topic: 'orders.order-created', reason: REASON }],
        },
      ]);
    });

    it('lists every ACL with its stack, owner and why: the orders topic READ lands in the orders stack, the DLQ in its own', () => {
      const rows = report.grants.map((g) => `${g.operation} ${g.resourceType}:${g.resourceName} ${g.stack} ${g.owner.team}`);
      expect(rows).toEqual([
        'Read Group:search.indexer prod-search @acme/search-team',
        'Read Group:search.order-indexer prod-search @acme/search-team',
        'Read Topic:orders.order-created prod-orders @acme/orders-team',
        'Read Topic:orders.order-created.search.order-indexer.dlq prod-search @acme/search-team',
        'Write Topic:orders.order-created.search.order-indexer.dlq prod-search @acme/search-team',
        'Read Topic:search.document-changed prod-search @acme/search-team',
        'Read Topic:search.document-changed.indexer.dlq prod-search @acme/search-team',
        'Write Topic:search.document-changed.indexer.dlq prod-search @acme/search-team',
      ]);
      expect(report.grants.find((g) => g.resourceName === 'orders.order-created')?.why).toEqual([
        'consumer group search.order-indexer (search-indexer) reads orders.order-created',
      ]);
    });

    it('sums up what it can read and write, and its quota', () => {
      expect(report.topics).toEqual([
        {
          environment: 'prod',
          read: ['orders.order-created', 'orders.order-created.search.order-indexer.dlq', 'search.document-changed', 'search.document-changed.indexer.dlq'],
          write: ['orders.order-created.search.order-indexer.dlq', 'search.document-changed.indexer.dlq'],
        },
      ]);
      // topics/search.ts: document-changed 500 msg/s × 4,096 B; topics/orders.ts: order-created 2,000 msg/s × 1,024 B.
      expect(report.quotas.map((q) => [q.stack, q.consumerByteRate?.value, q.producerByteRate])).toEqual([
        ['prod-search', (500 * 4_096 + 2_000 * 1_024) * QUOTA_CONSUME_HEADROOM, null],
      ]);
    });

    it('prints text, Markdown and JSON', () => {
      const text = formatPrincipalReport(report, 'text');
      expect(text).toContain('== prod');
      expect(text).toContain(`reads orders.order-created because "${REASON}"`);
      expect(text).toContain('Read       Topic orders.order-created  — owner orders (@acme/orders-team), stack prod-orders');
      const markdown = formatPrincipalReport(report, 'markdown');
      expect(markdown).toContain(
        '| Read | Topic orders.order-created | orders (@acme/orders-team) | prod-orders | consumer group search.order-indexer (search-indexer) reads orders.order-created |',
      );
      expect(JSON.parse(formatPrincipalReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
    });
  });

  it('covers every environment by default; names with the environment prefix come back as they are in Kafka', () => {
    const report = principalReport(source, 'User:order-service');
    expect(report.environments).toEqual(['confluent', 'dev', 'msk', 'prod', 'staging']);
    expect(report.topics.map((t) => [t.environment, t.write])).toEqual([
      ['confluent', ['orders.order-created']],
      // msk has no Kafka ACLs: the same write comes from its MSK IAM policy (docs/msk-iam.md).
      ['dev', ['orders.order-created']],
      ['msk', ['orders.order-created']],
      ['prod', ['orders.order-created']],
      ['staging', ['staging.orders.order-created']],
    ]);
  });

  it('says so for a principal nothing names', () => {
    expect(principalReport(source, 'User:nobody').unknown).toBe(true);
    expect(knownPrincipals(source)).toContain('User:search-indexer');
  });

  describe('--topic orders.order-created', () => {
    const report = topicReport(source, 'orders.order-created');

    it('lists everyone who can read or write it, per environment, with the owner and why', () => {
      expect(report.entries.map((e) => [e.environment, e.topic, e.owner.team, e.stack])).toEqual([
        ['confluent', 'orders.order-created', '@acme/orders-team', 'confluent'],
        ['dev', 'orders.order-created', '@acme/orders-team', 'dev'],
        ['msk', 'orders.order-created', '@acme/orders-team', 'msk'],
        ['prod', 'orders.order-created', '@acme/orders-team', 'prod-orders'],
        ['staging', 'staging.orders.order-created', '@acme/orders-team', 'staging'],
      ]);
      const prod = report.entries.find((e) => e.environment === 'prod');
      expect(prod?.principals.map((p) => [p.principal, p.read, p.write, p.services.join(',')])).toEqual([
        ['User:notification-service', true, false, 'notification-service'],
        ['User:order-service', false, true, 'order-service'],
        // The Streams application reads the topic as a consumer group does.
        ['User:order-totals', true, false, 'order-totals'],
        ['User:payment-service', true, false, 'payment-service'],
        ['User:search-indexer', true, false, 'search-indexer'],
      ]);
      expect(prod?.principals.find((p) => p.principal === 'User:search-indexer')?.why).toEqual([
        'consumer group search.order-indexer (search-indexer) reads orders.order-created',
      ]);
    });

    it('prints text and Markdown', () => {
      const prodOnly = topicReport(source, 'orders.order-created', ['prod']);
      expect(formatTopicReport(prodOnly, 'text')).toBe(
        [
          'topic orders.order-created',
          '',
          '== prod: orders.order-created (event), owner orders (@acme/orders-team), stack prod-orders',
          '  User:notification-service: read [Read] — services notification-service',
          '    why: consumer group orders.notification (notification-service) reads orders.order-created',
          '  User:order-service: write [Write] — services order-service',
          '    why: producer order-service writes orders.order-created',
          '  User:order-totals: read [Read] — services order-totals',
          '    why: streams application orders.order-totals (order-totals) reads orders.order-created',
          '  User:payment-service: read [Read] — services payment-service',
          '    why: consumer group orders.payment (payment-service) reads orders.order-created',
          '  User:search-indexer: read [Read] — services search-indexer',
          '    why: consumer group search.order-indexer (search-indexer) reads orders.order-created',
          '',
        ].join('\n'),
      );
      expect(formatTopicReport(prodOnly, 'markdown')).toContain(
        '| `User:search-indexer` | read | Read | search-indexer | consumer group search.order-indexer (search-indexer) reads orders.order-created |',
      );
    });

    it('finds a dead-letter topic and its owner, the consuming domain', () => {
      const dlq = topicReport(source, 'orders.order-created.search.order-indexer.dlq', ['prod']).entries[0];
      expect([dlq?.kind, dlq?.owner.domain, dlq?.stack]).toEqual(['dead-letter', 'search', 'prod-search']);
      expect(dlq?.principals.map((p) => [p.principal, p.read, p.write])).toEqual([['User:search-indexer', true, true]]);
    });
  });
});

describe('ACL matching in the report', () => {
  const f = fixture();
  const legacy = (principal: string, resourceName: string, extra: Record<string, string> = {}): (typeof f.legacyAcls)[number] => ({
    domain: 'orders',
    principal,
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName,
    reason: 'kept from before the toolkit, see the migration ticket',
    source: { path: 'dev/orders/legacy' },
    ...extra,
  });
  f.legacyAcls.push(
    legacy('User:*', 'orders.', { patternType: 'Prefixed', host: '10.0.0.7' }),
    legacy('User:auditor', '*'),
    legacy('User:payment-service', 'orders.order-created', { permission: 'Deny' }),
  );
  const topologySource = { topologies: [topologyOf(f)] };

  it('lists wildcard principals, prefixed and `*` resources, and lets a Deny win', () => {
    const entry = topicReport(topologySource, 'orders.order-created').entries[0];
    expect(entry?.principals.map((p) => [p.principal, p.read, p.write, p.operations.join(', ')])).toEqual([
      ['User:*', true, false, 'Read from 10.0.0.7'],
      ['User:auditor', true, false, 'Read'],
      ['User:order-service', false, true, 'Write'],
      ['User:payment-service', false, false, 'Deny Read, Read'],
      ['User:search-indexer', true, false, 'Read'],
    ]);
    expect(entry?.principals.find((p) => p.principal === 'User:*')?.why).toEqual(['legacy ACL kept: kept from before the toolkit, see the migration ticket']);
  });

  it('shows a principal the wildcard ACLs that apply to it', () => {
    const report = principalReport(topologySource, 'User:catalog-service');
    expect(report.grants.filter((g) => g.viaWildcard).map((g) => `${g.resourceName} ${g.patternType}`)).toEqual(['orders. Prefixed']);
    expect(report.topics[0]?.read).toContain('orders.order-created');
    expect(report.grants.every((g) => g.stack === null)).toBe(true); // no stack placement given
  });
});
