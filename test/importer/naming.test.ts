import { describe, expect, it } from 'vitest';
import { isInternalTopic } from '../../model/naming';
import { DEFAULT_DOMAIN_PATTERN, camelIdentifier, classifyName, compileDomainPattern, kebab, parseCompanionName, pascalCase } from '../../importer/naming';

const pattern = compileDomainPattern(DEFAULT_DOMAIN_PATTERN) as RegExp;

describe('classifyName: which domain and event a topic name stands for', () => {
  it.each([
    ['orders.order-created', '', { kind: 'event', domain: 'orders', event: 'order-created' }],
    ['staging.orders.order-created', 'staging.', { kind: 'event', domain: 'orders', event: 'order-created' }],
    ['prod.orders.order-created', 'staging.', { kind: 'outside-prefix', prefix: 'staging.' }],
    ['__consumer_offsets', '', { kind: 'internal' }],
    ['_schemas', '', { kind: 'internal' }],
  ])('%s (prefix %j)', (name, prefix, expected) => {
    expect(classifyName(name, prefix, pattern, isInternalTopic)).toEqual(expected);
  });

  it.each([
    ['syslog', 'unassigned', /does not match the domain pattern/],
    ['orders.v1.created', 'unassigned', /does not match the domain pattern/],
    ['orders.order_created', 'unassigned', /does not match/],
  ])('leaves %s %s', (name, kind, reason) => {
    const c = classifyName(name, '', pattern, isInternalTopic);
    expect(c.kind).toBe(kind);
    expect('reason' in c ? c.reason : '').toMatch(reason);
  });

  it('groups by a custom pattern but says when the name is not <domain>.<event>', () => {
    const custom = compileDomainPattern('^(?<domain>[A-Za-z]+)_(?<event>.+)$') as RegExp;
    expect(classifyName('Orders_v2.Created', '', custom, isInternalTopic)).toEqual({
      kind: 'grouped',
      domain: 'orders',
      event: 'v2-created',
      reason: 'domain "Orders" is not lower-case kebab-case ([a-z][a-z0-9-]*), which topicform\'s names must be',
    });
    const kebabParts = compileDomainPattern('^(?<domain>[a-z]+)_(?<event>[a-z-]+)$') as RegExp;
    expect(classifyName('billing_invoice-issued', '', kebabParts, isInternalTopic)).toMatchObject({
      kind: 'grouped',
      domain: 'billing',
      event: 'invoice-issued',
      reason: expect.stringMatching(/topicform names every topic <domain>\.<event>/) as unknown,
    });
  });

  it('refuses a pattern that is not a regular expression, or has no domain group', () => {
    expect(compileDomainPattern('([a-z')).toMatch(/^invalid regular expression/);
    expect(compileDomainPattern('^(?<team>[a-z]+)$')).toMatch(/no named group \(\?<domain>…\)/);
  });
});

describe('parseCompanionName: DLQ and retry topics by the naming convention', () => {
  const events = new Map([
    ['orders.order-created', 'orders'],
    ['orders.order-created.payment', 'orders'],
  ]);
  it.each([
    ['orders.order-created.payment.dlq', { kind: 'dead-letter', parent: 'orders.order-created', groupDomain: 'orders', group: 'payment', part: 'payment' }],
    [
      'orders.order-created.payment.retry-2',
      { kind: 'retry', parent: 'orders.order-created', groupDomain: 'orders', group: 'payment', part: 'payment', tier: 2 },
    ],
    [
      'orders.order-created.search.order-indexer.dlq',
      { kind: 'dead-letter', parent: 'orders.order-created', groupDomain: 'search', group: 'order-indexer', part: 'search.order-indexer' },
    ],
    // The same-domain reading wins when both fit.
    [
      'orders.order-created.payment.audit.dlq',
      { kind: 'dead-letter', parent: 'orders.order-created.payment', groupDomain: 'orders', group: 'audit', part: 'audit' },
    ],
  ])('%s', (name, expected) => {
    expect(parseCompanionName(name, events)).toEqual(expected);
  });

  it.each([
    'orders.order-shipped.payment.dlq',
    'orders.order-created.payment.retry-0',
    'orders.order-created.Payment.dlq',
    'orders.order-created.orders.payment.dlq',
    'orders.order-created.dlq',
  ])('is not a companion: %s', (name) => {
    expect(parseCompanionName(name, events)).toBeUndefined();
  });
});

describe('names for declarations', () => {
  it.each([
    ['Orders_v2', 'orders-v2'],
    ['OrderService', 'order-service'],
    ['CN=reporting,OU=BI', 'cn-reporting-ou-bi'],
    ['123', 'svc-123'],
    ['', 'svc'],
  ])('kebab(%j) = %j', (text, expected) => {
    expect(kebab(text, 'svc')).toBe(expected);
  });

  it.each([
    ['order-created', 'orderCreated'],
    ['delete', 'deleteTopic'],
    ['domain', 'domainTopic'],
    ['v2', 'v2'],
  ])('camelIdentifier(%j) = %j', (name, expected) => {
    expect(camelIdentifier(name, 'Topic')).toBe(expected);
  });

  it('guesses event types in PascalCase', () => {
    expect(pascalCase('order-created')).toBe('OrderCreated');
  });
});
