/**
 * Prefixed ACL mode (environment `acl.patterns`): a domain's own clients get one Prefixed ACL per principal, operation
 * and domain prefix instead of one Literal ACL per topic and group; cross-domain readers and names outside the prefix
 * keep theirs; no declared access is lost in any mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveAcls, type AclOptions, type TopicOwners } from '../../model/acl';
import { covers, domainGroupPrefix, domainTopicPrefix, prefixedBinding } from '../../model/acl-patterns';
import type { AclBinding, ResolvedAcl, ResolvedConsumerGroup, ResolvedProducer, ResolvedSubscription } from '../../model/topology';
import { ACL_PATTERN_MODES, type AclPatternMode } from '../../model/vocabulary';

const options = (patterns: AclPatternMode, topicPrefix = ''): AclOptions => ({ explicitDescribe: false, legacyIdempotentWrite: false, patterns, topicPrefix });

function subscription(topicName: string, deadLetterTopic: string | null = null, retryTopics: string[] = []): ResolvedSubscription {
  return { topic: { domain: topicName.split('.')[0] ?? '', event: 'e' }, topicName, deadLetterTopic, retryTopics };
}

function group(domain: string, name: string, principal: string, subscriptions: ResolvedSubscription[], groupId = `${domain}.${name}`): ResolvedConsumerGroup {
  return {
    domain,
    name,
    groupId,
    service: `${name}-service`,
    principal,
    subscriptions,
    deadLetter: subscriptions.some((s) => s.deadLetterTopic !== null),
    retryDelaysMs: [],
    idempotency: 'keyed by event id',
    processingTimePerMessageMs: null,
    maxProcessingLagMs: null,
    offsetCommit: { mode: 'manual' },
    processing: 'sync',
    suppressions: [],
    source: { path: `dev/${domain}/${name}` },
  };
}

function producer(topicName: string, principal: string, transactionalIdPrefix: string | null = null): ResolvedProducer {
  return {
    topic: { domain: topicName.split('.')[0] ?? '', event: 'e' },
    topicName,
    service: principal.slice(5),
    principal,
    idempotent: true,
    transactionalIdPrefix,
    delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
    suppressions: [],
    source: { path: `dev/${topicName}/producer` },
  };
}

const OWNERS: TopicOwners = new Map([
  ['orders.order-created', 'orders'],
  ['orders.order-paid', 'orders'],
  ['orders.order-created.payment.dlq', 'orders'],
  ['orders.order-paid.payment.dlq', 'orders'],
  ['legacy-orders', 'orders'], // an explicit topicName outside the domain's prefix
  ['search.document-changed', 'search'],
  ['orders.order-created.search.indexer.dlq', 'search'], // a companion of another domain's topic
]);

const PAYMENT = group('orders', 'payment', 'User:payment-service', [
  subscription('orders.order-created', 'orders.order-created.payment.dlq'),
  subscription('orders.order-paid', 'orders.order-paid.payment.dlq'),
]);
const INDEXER = group('search', 'indexer', 'User:indexer', [
  subscription('orders.order-created', 'orders.order-created.search.indexer.dlq'),
  subscription('search.document-changed'),
]);
const PRODUCERS = [producer('orders.order-created', 'User:order-service'), producer('orders.order-paid', 'User:order-service', 'order-tx-')];

const summary = (acls: readonly ResolvedAcl[]): string[] =>
  acls.map((a) => `${a.principal} ${a.resourceType}:${a.resourceName}:${a.operation}:${a.patternType} @${a.domain}`);

describe('domain prefixes', () => {
  it('end with the separator, so orders. never matches orders-archive', () => {
    expect(domainTopicPrefix('', 'orders')).toBe('orders.');
    expect(domainTopicPrefix('staging.', 'orders')).toBe('staging.orders.');
    expect(domainGroupPrefix('orders')).toBe('orders.');
  });
});

describe('prefixedBinding', () => {
  const literal: AclBinding = {
    principal: 'User:a',
    host: '*',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'staging.orders.order-created',
    patternType: 'Literal',
  };

  it.each([
    ['a topic of the client’s own domain', literal, 'orders', 'orders', 'staging.', 'staging.orders.'],
    ['a group id of the client’s own domain', { ...literal, resourceType: 'Group', resourceName: 'orders.payment' }, 'orders', 'orders', 'staging.', 'orders.'],
  ] as const)('replaces %s by the domain prefix', (_, binding, owner, requester, topicPrefix, expected) => {
    expect(prefixedBinding(binding, owner, requester, topicPrefix)).toEqual({ ...binding, resourceName: expected, patternType: 'Prefixed' });
  });

  it.each([
    ['a cross-domain reader', literal, 'orders', 'search', 'staging.'],
    ['a name outside the prefix', { ...literal, resourceName: 'orders.order-created' }, 'orders', 'orders', 'staging.'],
    ['a name that only starts like the domain', { ...literal, resourceName: 'orders-archive.x' }, 'orders', 'orders', ''],
    ['a transactional id', { ...literal, resourceType: 'TransactionalID', resourceName: 'orders.tx' }, 'orders', 'orders', ''],
    ['a Cluster binding', { ...literal, resourceType: 'Cluster', resourceName: 'kafka-cluster' }, 'orders', 'orders', ''],
    ['a Prefixed binding', { ...literal, patternType: 'Prefixed' }, 'orders', 'orders', 'staging.'],
  ] as const)('keeps %s as it is', (_, binding, owner, requester, topicPrefix) => {
    expect(prefixedBinding(binding, owner, requester, topicPrefix)).toBeUndefined();
  });

  it('keeps a group id that is the domain prefix itself, which a Prefixed ACL on it would widen to the whole domain', () => {
    const binding: AclBinding = { ...literal, resourceType: 'Group', resourceName: 'orders.' };
    expect(prefixedBinding(binding, 'orders', 'orders', '')).toBeUndefined();
  });

  it('keeps a transactional id whatever its name, even one spelled like the word undefined', () => {
    const binding: AclBinding = { ...literal, resourceType: 'TransactionalID', resourceName: 'undefined-tx' };
    expect(prefixedBinding(binding, 'orders', 'orders', '')).toBeUndefined();
  });
});

describe('covers', () => {
  const base: AclBinding = {
    principal: 'User:a',
    host: '*',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: 'orders.x',
    patternType: 'Literal',
  };

  it('holds for the same binding and for a Prefixed binding of a prefix of the name', () => {
    expect(covers(base, base)).toBe(true);
    expect(covers({ ...base, resourceName: 'orders.', patternType: 'Prefixed' }, base)).toBe(true);
    expect(covers({ ...base, resourceName: 'orders.', patternType: 'Prefixed' }, { ...base, resourceName: 'orders.x.', patternType: 'Prefixed' })).toBe(true);
  });

  it.each([
    ['another principal', { principal: 'User:b' }],
    ['another operation', { operation: 'Write' }],
    ['another resource type', { resourceType: 'Group' }],
    ['another permission', { permission: 'Deny' }],
    ['another host', { host: '10.0.0.1' }],
    ['a prefix the name does not start with', { resourceName: 'search.', patternType: 'Prefixed' }],
    ['a Literal of another name', { resourceName: 'orders.y', patternType: 'Literal' }],
  ] as const)('fails for %s', (_, change) => {
    expect(covers({ ...base, resourceName: 'orders.', patternType: 'Prefixed', ...change }, base)).toBe(false);
  });

  it('never lets a Literal binding cover a Prefixed one', () => {
    expect(covers({ ...base, resourceName: 'orders.' }, { ...base, resourceName: 'orders.', patternType: 'Prefixed' })).toBe(false);
  });
});

describe('deriveAcls in each ACL pattern mode', () => {
  const derive = (mode: AclPatternMode, prefix = ''): ResolvedAcl[] => deriveAcls([PAYMENT, INDEXER], PRODUCERS, OWNERS, options(mode, prefix));

  it('keeps literal mode exactly as without the option', () => {
    expect(derive('literal')).toEqual(deriveAcls([PAYMENT, INDEXER], PRODUCERS, OWNERS, { explicitDescribe: false, legacyIdempotentWrite: false }));
  });

  it('gives a domain’s own clients one Prefixed ACL per principal, operation and prefix, and cross-domain readers their Literal ACLs', () => {
    expect(summary(derive('prefixed'))).toEqual([
      'User:indexer Group:search.:Read:Prefixed @search',
      'User:indexer Topic:orders.order-created.search.indexer.dlq:Read:Literal @search',
      'User:indexer Topic:orders.order-created:Read:Literal @orders',
      'User:indexer Topic:search.:Read:Prefixed @search',
      'User:indexer Topic:orders.order-created.search.indexer.dlq:Write:Literal @search',
      'User:order-service Topic:orders.:Write:Prefixed @orders',
      'User:order-service TransactionalID:order-tx-:Write:Prefixed @orders',
      'User:payment-service Group:orders.:Read:Prefixed @orders',
      'User:payment-service Topic:orders.:Read:Prefixed @orders',
      'User:payment-service Topic:orders.:Write:Prefixed @orders',
    ]);
  });

  it('says in neededBy every declaration a Prefixed ACL stands for', () => {
    const read = derive('prefixed').find((a) => a.id === 'User:payment-service|*|Read|Allow|Topic|orders.|Prefixed');
    expect(read?.neededBy).toEqual([
      'consumer group orders.payment (payment-service) dead-letters to and re-drives from orders.order-created.payment.dlq',
      'consumer group orders.payment (payment-service) dead-letters to and re-drives from orders.order-paid.payment.dlq',
      'consumer group orders.payment (payment-service) reads orders.order-created',
      'consumer group orders.payment (payment-service) reads orders.order-paid',
    ]);
  });

  it('folds a cross-domain Literal ACL into the principal’s own Prefixed ACL of that domain', () => {
    const reader = group('orders', 'audit', 'User:order-service', [subscription('search.document-changed')]);
    const writer = producer('search.document-changed', 'User:order-service');
    const acls = deriveAcls(
      [reader, group('search', 'own', 'User:order-service', [subscription('search.document-changed')])],
      [writer],
      OWNERS,
      options('prefixed'),
    );
    expect(summary(acls).filter((a) => a.includes('Topic:search'))).toEqual([
      'User:order-service Topic:search.:Read:Prefixed @search',
      'User:order-service Topic:search.:Write:Prefixed @search',
    ]);
  });

  it('keeps a Literal ACL for a topic named outside the domain’s prefix', () => {
    const acls = deriveAcls([], [producer('legacy-orders', 'User:order-service')], OWNERS, options('prefixed'));
    expect(summary(acls)).toEqual(['User:order-service Topic:legacy-orders:Write:Literal @orders']);
  });

  it('puts the environment’s topic prefix in front of the domain for topics, not for group ids', () => {
    const owners: TopicOwners = new Map([['staging.orders.order-created', 'orders']]);
    const g = group('orders', 'payment', 'User:p', [subscription('staging.orders.order-created')]);
    expect(summary(deriveAcls([g], [], owners, options('prefixed', 'staging.')))).toEqual([
      'User:p Group:orders.:Read:Prefixed @orders',
      'User:p Topic:staging.orders.:Read:Prefixed @orders',
    ]);
  });

  it('emits both sets in literal-and-prefixed, the first step of a switch', () => {
    const both = new Set(derive('literal-and-prefixed').map((a) => a.id));
    expect([...derive('literal'), ...derive('prefixed')].map((a) => a.id).every((id) => both.has(id))).toBe(true);
    expect(both.size).toBe(new Set([...derive('literal'), ...derive('prefixed')].map((a) => a.id)).size);
  });

  const principalArb = fc.constantFrom('User:a', 'User:b');
  const topicArb = fc.constantFrom(...OWNERS.keys());
  const domainArb = fc.constantFrom('orders', 'search');
  const groupsArb = fc.array(
    fc
      .record({ domain: domainArb, name: fc.constantFrom('x', 'y'), principal: principalArb, topics: fc.uniqueArray(topicArb, { minLength: 1, maxLength: 3 }) })
      .map((s) =>
        group(
          s.domain,
          s.name,
          s.principal,
          s.topics.map((t) => subscription(t)),
        ),
      ),
    { maxLength: 4 },
  );
  const producersArb = fc.array(
    fc.record({ topic: topicArb, principal: principalArb }).map((s) => producer(s.topic, s.principal)),
    { maxLength: 4 },
  );

  it('never loses a declared access and never adds ACLs: every Literal ACL is covered in each mode, and prefixed has no more', () => {
    fc.assert(
      fc.property(groupsArb, producersArb, fc.constantFrom(...ACL_PATTERN_MODES), (groups, producers, mode) => {
        const literal = deriveAcls(groups, producers, OWNERS, options('literal'));
        const other = deriveAcls(groups, producers, OWNERS, options(mode));
        for (const need of literal) expect(other.some((acl) => covers(acl, need) && acl.domain === need.domain)).toBe(true);
        if (mode === 'prefixed') expect(other.length).toBeLessThanOrEqual(literal.length);
        const ids = other.map((a) => a.id);
        expect(ids).toEqual([...ids].sort());
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe('deriveAcls in a prefixed mode: what each step keeps (built inside each test)', () => {
  it('takes the domain alone as the topic prefix when the environment sets no topic prefix', () => {
    const owners: TopicOwners = new Map([['orders.order-created', 'orders']]);
    const g = group('orders', 'payment', 'User:p', [subscription('orders.order-created')]);
    const acls = deriveAcls([g], [], owners, { explicitDescribe: false, legacyIdempotentWrite: false, patterns: 'prefixed' });
    expect(summary(acls)).toEqual(['User:p Group:orders.:Read:Prefixed @orders', 'User:p Topic:orders.:Read:Prefixed @orders']);
  });

  it('keeps a cross-domain Literal ACL beside the principal’s own Prefixed ACL in literal-and-prefixed (folding is for prefixed only)', () => {
    const owners: TopicOwners = new Map([
      ['search.document-changed', 'search'],
      ['search.other', 'search'],
    ]);
    // The same principal reads search.document-changed cross-domain (from orders) and search.other as search's own client.
    const crossDomain = group('orders', 'audit', 'User:order-service', [subscription('search.document-changed')]);
    const own = group('search', 'own', 'User:order-service', [subscription('search.other')]);
    const acls = deriveAcls([crossDomain, own], [], owners, options('literal-and-prefixed'));
    // Sorted by id: after `search.` the Literal names go on with `d` and `o`, the Prefixed one with `|`, which sorts last.
    expect(summary(acls).filter((a) => a.includes('Topic:'))).toEqual([
      'User:order-service Topic:search.document-changed:Read:Literal @search',
      'User:order-service Topic:search.other:Read:Literal @search',
      'User:order-service Topic:search.:Read:Prefixed @search',
    ]);
  });
});
