import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { aclAddress, aclId, deriveAcls, parseAclId, type AclOptions, type TopicOwners } from '../../model/acl';
import type { AclBinding, ResolvedAcl, ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication, ResolvedSubscription } from '../../model/topology';
import { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_PERMISSIONS, ACL_RESOURCE_TYPES } from '../../model/vocabulary';

const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NO_OPTIONS: AclOptions = { explicitDescribe: false, legacyIdempotentWrite: false };

const ORDER_CREATED = 'orders.order-created';
const PAYMENT_DLQ = 'orders.order-created.payment.dlq';
const PAYMENT_RETRY_1 = 'orders.order-created.payment.retry-1';
const PAYMENT_RETRY_2 = 'orders.order-created.payment.retry-2';

function subscription(topicName: string, companions: { deadLetterTopic?: string | null; retryTopics?: string[] } = {}): ResolvedSubscription {
  const [domain = '', event = ''] = topicName.split('.');
  return { topic: { domain, event }, topicName, deadLetterTopic: companions.deadLetterTopic ?? null, retryTopics: companions.retryTopics ?? [] };
}

function group(overrides: Partial<ResolvedConsumerGroup> & Pick<ResolvedConsumerGroup, 'subscriptions'>): ResolvedConsumerGroup {
  return {
    domain: 'orders',
    name: 'payment',
    groupId: 'orders.payment',
    service: 'payment-service',
    principal: 'User:payment-service',
    deadLetter: true,
    retryDelaysMs: [],
    idempotency: 'payment id unique per order',
    processingTimePerMessageMs: null,
    maxProcessingLagMs: null,
    offsetCommit: { mode: 'manual' },
    processing: 'sync',
    suppressions: [],
    source: { path: 'dev/orders/payment' },
    ...overrides,
  };
}

function producer(overrides: Partial<ResolvedProducer> = {}): ResolvedProducer {
  return {
    topic: { domain: 'orders', event: 'order-created' },
    topicName: ORDER_CREATED,
    service: 'order-service',
    principal: 'User:order-service',
    idempotent: true,
    transactionalIdPrefix: null,
    delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
    suppressions: [],
    source: { path: 'dev/orders/order-created/producer' },
    ...overrides,
  };
}

const OWNERS: TopicOwners = new Map([
  [ORDER_CREATED, 'orders'],
  [PAYMENT_DLQ, 'orders'],
  [PAYMENT_RETRY_1, 'orders'],
  [PAYMENT_RETRY_2, 'orders'],
  ['search.document-changed', 'search'],
  ['orders.order-created.billing.invoicing.dlq', 'billing'],
]);

/** `<type>:<name>:<operation>[:<pattern>]` per ACL, in output order. */
const summary = (acls: readonly ResolvedAcl[]): string[] =>
  acls.map((a) => `${a.principal} ${a.resourceType}:${a.resourceName}:${a.operation}${a.patternType === 'Literal' ? '' : `:${a.patternType}`}`);

const PAYMENT = group({ subscriptions: [subscription(ORDER_CREATED, { deadLetterTopic: PAYMENT_DLQ, retryTopics: [PAYMENT_RETRY_1, PAYMENT_RETRY_2] })] });

const bindingPart = fc.stringMatching(/^[A-Za-z0-9._:*@/ -]{1,20}$/);
const bindingArb: fc.Arbitrary<AclBinding> = fc.record({
  principal: fc.tuple(fc.constantFrom('User', 'Group', 'ServiceAccount'), bindingPart).map(([type, name]) => `${type}:${name}`),
  host: fc.constantFrom('*', '10.0.0.1', 'host.example'),
  operation: fc.constantFrom(...ACL_OPERATIONS),
  permission: fc.constantFrom(...ACL_PERMISSIONS),
  resourceType: fc.constantFrom(...ACL_RESOURCE_TYPES),
  resourceName: bindingPart,
  patternType: fc.constantFrom(...ACL_PATTERN_TYPES),
});

describe('aclId', () => {
  it('joins seven parts in the provider order principal|host|operation|permission|type|name|pattern', () => {
    const binding: AclBinding = {
      principal: 'User:payment-service',
      host: '*',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Topic',
      resourceName: ORDER_CREATED,
      patternType: 'Literal',
    };
    expect(aclId(binding)).toBe('User:payment-service|*|Read|Allow|Topic|orders.order-created|Literal');
  });

  it('round-trips through parseAclId', () => {
    fc.assert(
      fc.property(bindingArb, (binding) => {
        const id = aclId(binding);
        expect(id.split('|')).toHaveLength(7);
        expect(parseAclId(id)).toEqual(binding);
        expect(aclId(parseAclId(id) ?? binding)).toBe(id);
      }),
    );
  });

  it.each(['', 'User:a|*|Read|Allow|Topic|t', 'User:a|*|Read|Allow|Topic|t|Literal|extra', 'no separators'])(
    'parseAclId gives undefined for %j, which has not seven parts',
    (id) => {
      expect(parseAclId(id)).toBeUndefined();
    },
  );
});

describe('aclAddress', () => {
  const binding: AclBinding = {
    principal: 'User:payment-service',
    host: '*',
    operation: 'Read',
    permission: 'Allow',
    resourceType: 'Topic',
    resourceName: ORDER_CREATED,
    patternType: 'Literal',
  };

  it('reads as acl_<principal>_<operation>_<type>_<name>_<hash>', () => {
    expect(aclAddress(binding)).toMatch(/^acl_payment-service_Read_Topic_orders_order-created_[0-9a-f]{8}$/);
  });

  it('is the same for the same content, whatever else is derived', () => {
    expect(aclAddress({ ...binding })).toBe(aclAddress(binding));
    const [derived] = deriveAcls([group({ subscriptions: [subscription(ORDER_CREATED)], deadLetter: false })], [], OWNERS, NO_OPTIONS).filter(
      (a) => a.resourceType === 'Topic',
    );
    expect(derived).toBeDefined();
    // A ResolvedAcl carries id, domain and neededBy too; the address depends on the binding only.
    expect(aclAddress(derived ?? binding)).toBe(aclAddress(binding));
    expect(aclAddress({ ...binding, ...{ domain: 'elsewhere', neededBy: ['x'] } })).toBe(aclAddress(binding));
  });

  it.each([
    ['principal', { principal: 'User:billing-service' }],
    ['host', { host: '10.0.0.1' }],
    ['operation', { operation: 'Write' }],
    ['permission', { permission: 'Deny' }],
    ['resource type', { resourceType: 'Group' }],
    ['resource name', { resourceName: 'orders.order-paid' }],
    ['pattern type', { patternType: 'Prefixed' }],
  ] as const)('changes when the %s changes', (_part, change) => {
    expect(aclAddress({ ...binding, ...change })).not.toBe(aclAddress(binding));
  });

  it('tells apart bindings whose readable parts sanitize alike', () => {
    const dotted = aclAddress({ ...binding, resourceName: 'a.b' });
    const underscored = aclAddress({ ...binding, resourceName: 'a_b' });
    expect(dotted).not.toBe(underscored);
  });

  it('differs for different ids and is a valid Terraform identifier', () => {
    fc.assert(
      fc.property(bindingArb, bindingArb, (a, b) => {
        expect(aclAddress(a)).toMatch(TERRAFORM_IDENTIFIER);
        expect(aclAddress(a) === aclAddress(b)).toBe(aclId(a) === aclId(b));
      }),
    );
  });
});

describe('deriveAcls', () => {
  it('grants a consumer READ on its topic and group, READ + WRITE on its retry topics and its DLQ', () => {
    // Sorted by id: principal|host|operation|permission|type|name|pattern ("|" sorts after ".").
    expect(summary(deriveAcls([PAYMENT], [], OWNERS, NO_OPTIONS))).toEqual([
      'User:payment-service Group:orders.payment:Read',
      'User:payment-service Topic:orders.order-created.payment.dlq:Read',
      'User:payment-service Topic:orders.order-created.payment.retry-1:Read',
      'User:payment-service Topic:orders.order-created.payment.retry-2:Read',
      'User:payment-service Topic:orders.order-created:Read',
      'User:payment-service Topic:orders.order-created.payment.dlq:Write',
      'User:payment-service Topic:orders.order-created.payment.retry-1:Write',
      'User:payment-service Topic:orders.order-created.payment.retry-2:Write',
    ]);
  });

  it('grants a consumer without a DLQ or retries only READ on the topic and its group', () => {
    const noCompanions = group({ subscriptions: [subscription(ORDER_CREATED)], deadLetter: false });
    expect(summary(deriveAcls([noCompanions], [], OWNERS, NO_OPTIONS))).toEqual([
      'User:payment-service Group:orders.payment:Read',
      'User:payment-service Topic:orders.order-created:Read',
    ]);
  });

  it('grants a producer WRITE on its topic and nothing else', () => {
    expect(summary(deriveAcls([], [producer()], OWNERS, NO_OPTIONS))).toEqual(['User:order-service Topic:orders.order-created:Write']);
  });

  it('grants a transactional producer WRITE on its transactional id prefix, Prefixed', () => {
    const acls = deriveAcls([], [producer({ transactionalIdPrefix: 'order-service-tx-' })], OWNERS, NO_OPTIONS);
    expect(summary(acls)).toEqual([
      'User:order-service Topic:orders.order-created:Write',
      'User:order-service TransactionalID:order-service-tx-:Write:Prefixed',
    ]);
    expect(acls.find((a) => a.resourceType === 'TransactionalID')?.neededBy).toEqual(['producer order-service uses transactional ids order-service-tx-*']);
  });

  it('adds DESCRIBE next to every topic operation when explicitDescribe is on', () => {
    const acls = deriveAcls([PAYMENT], [producer({ transactionalIdPrefix: 'tx-' })], OWNERS, { explicitDescribe: true, legacyIdempotentWrite: false });
    const topicNames = [...new Set(acls.filter((a) => a.resourceType === 'Topic').map((a) => `${a.principal} ${a.resourceName}`))];
    expect(topicNames).toHaveLength(5);
    for (const pair of topicNames) {
      const [principal, name] = pair.split(' ');
      expect(acls.filter((a) => a.principal === principal && a.resourceName === name && a.operation === 'Describe')).toHaveLength(1);
    }
    expect(acls.filter((a) => a.resourceType !== 'Topic' && a.operation === 'Describe')).toEqual([]);
    expect(acls).toHaveLength(deriveAcls([PAYMENT], [producer({ transactionalIdPrefix: 'tx-' })], OWNERS, NO_OPTIONS).length + 5);
  });

  it("adds Cluster IdempotentWrite on 'kafka-cluster' for idempotent producers when legacyIdempotentWrite is on", () => {
    const acls = deriveAcls([], [producer()], OWNERS, { explicitDescribe: false, legacyIdempotentWrite: true });
    expect(summary(acls)).toEqual(['User:order-service Cluster:kafka-cluster:IdempotentWrite', 'User:order-service Topic:orders.order-created:Write']);
    expect(acls[0]).toMatchObject({ domain: 'orders', patternType: 'Literal', permission: 'Allow', host: '*' });
  });

  it('adds no Cluster IdempotentWrite for a producer that is not idempotent, nor without the option', () => {
    expect(summary(deriveAcls([], [producer({ idempotent: false })], OWNERS, { explicitDescribe: false, legacyIdempotentWrite: true }))).toEqual([
      'User:order-service Topic:orders.order-created:Write',
    ]);
    expect(deriveAcls([], [producer()], OWNERS, NO_OPTIONS).some((a) => a.resourceType === 'Cluster')).toBe(false);
  });

  it('deduplicates bindings that two groups of one principal both need, keeping both reasons', () => {
    const a = group({ name: 'a', groupId: 'orders.a', subscriptions: [subscription(ORDER_CREATED)], deadLetter: false });
    const b = group({ name: 'b', groupId: 'orders.b', subscriptions: [subscription(ORDER_CREATED)], deadLetter: false });
    const acls = deriveAcls([a, b], [], OWNERS, NO_OPTIONS);
    expect(summary(acls)).toEqual([
      'User:payment-service Group:orders.a:Read',
      'User:payment-service Group:orders.b:Read',
      'User:payment-service Topic:orders.order-created:Read',
    ]);
    expect(acls[2]?.neededBy).toEqual([
      'consumer group orders.a (payment-service) reads orders.order-created',
      'consumer group orders.b (payment-service) reads orders.order-created',
    ]);
  });

  it('places each ACL in the domain that owns its resource', () => {
    const invoicing = group({
      domain: 'billing',
      name: 'invoicing',
      groupId: 'billing.invoicing',
      service: 'invoice-service',
      principal: 'User:invoice-service',
      subscriptions: [subscription(ORDER_CREATED, { deadLetterTopic: 'orders.order-created.billing.invoicing.dlq' })],
    });
    const acls = deriveAcls([invoicing], [producer()], OWNERS, { explicitDescribe: false, legacyIdempotentWrite: true });
    expect(acls.map((a) => `${a.resourceType}:${a.resourceName}:${a.operation} → ${a.domain}`)).toEqual([
      'Cluster:kafka-cluster:IdempotentWrite → billing',
      'Group:billing.invoicing:Read → billing',
      'Topic:orders.order-created.billing.invoicing.dlq:Read → billing',
      'Topic:orders.order-created:Read → orders',
      'Topic:orders.order-created.billing.invoicing.dlq:Write → billing',
      'Cluster:kafka-cluster:IdempotentWrite → orders',
      'Topic:orders.order-created:Write → orders',
    ]);
  });

  it('grants nothing on a topic whose owner is unknown (resolve reports it)', () => {
    const stray = group({ subscriptions: [subscription('nowhere.missing', { deadLetterTopic: 'nowhere.missing.payment.dlq' })] });
    expect(
      summary(
        deriveAcls([stray], [producer({ topicName: 'nowhere.missing', transactionalIdPrefix: 'tx-' })], OWNERS, {
          explicitDescribe: true,
          legacyIdempotentWrite: true,
        }),
      ),
    ).toEqual(['User:payment-service Group:orders.payment:Read']);
  });

  it('says which declaration needs each ACL', () => {
    const acls = deriveAcls([PAYMENT], [producer()], OWNERS, NO_OPTIONS);
    const reasons = Object.fromEntries(acls.map((a) => [`${a.principal} ${a.resourceType}:${a.resourceName}:${a.operation}`, a.neededBy]));
    expect(reasons).toMatchObject({
      'User:payment-service Group:orders.payment:Read': ['consumer group orders.payment (payment-service) joins its group'],
      'User:payment-service Topic:orders.order-created:Read': ['consumer group orders.payment (payment-service) reads orders.order-created'],
      'User:payment-service Topic:orders.order-created.payment.retry-1:Write': [
        'consumer group orders.payment (payment-service) retries through orders.order-created.payment.retry-1',
      ],
      'User:payment-service Topic:orders.order-created.payment.dlq:Write': [
        'consumer group orders.payment (payment-service) dead-letters to and re-drives from orders.order-created.payment.dlq',
      ],
      'User:order-service Topic:orders.order-created:Write': ['producer order-service writes orders.order-created'],
    });
  });

  const principalArb = fc.constantFrom('User:a', 'User:b', 'User:c');
  const topicArb = fc.constantFrom(...OWNERS.keys());
  const groupsArb = fc
    .array(
      fc.record({
        principal: principalArb,
        name: fc.constantFrom('x', 'y', 'z'),
        topics: fc.uniqueArray(topicArb, { minLength: 1, maxLength: 3 }),
        dlq: fc.boolean(),
        retries: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 5 },
    )
    .map((specs) =>
      specs.map((s) =>
        group({
          name: s.name,
          groupId: `orders.${s.name}`,
          principal: s.principal,
          deadLetter: s.dlq,
          subscriptions: s.topics.map((t) =>
            subscription(t, {
              deadLetterTopic: s.dlq ? PAYMENT_DLQ : null,
              retryTopics: [PAYMENT_RETRY_1, PAYMENT_RETRY_2].slice(0, s.retries),
            }),
          ),
        }),
      ),
    );
  const producersArb = fc
    .array(
      fc.record({ principal: principalArb, topicName: topicArb, tx: fc.option(fc.constantFrom('tx-', 'other-'), { nil: null }), idempotent: fc.boolean() }),
      { maxLength: 4 },
    )
    .map((specs) => specs.map((s) => producer({ principal: s.principal, topicName: s.topicName, transactionalIdPrefix: s.tx, idempotent: s.idempotent })));
  const optionsArb = fc.record({ explicitDescribe: fc.boolean(), legacyIdempotentWrite: fc.boolean() });

  it('gives unique, sorted, Allow-only bindings without wildcard principals or resources, whatever the input order', () => {
    fc.assert(
      fc.property(groupsArb, producersArb, optionsArb, (groups, producers, options) => {
        const acls = deriveAcls(groups, producers, OWNERS, options);
        const ids = acls.map((a) => a.id);
        expect(ids).toEqual([...ids].sort());
        expect(new Set(ids).size).toBe(ids.length);
        for (const acl of acls) {
          expect(acl.id).toBe(aclId(acl));
          expect(acl.permission).toBe('Allow');
          expect(acl.principal).not.toContain('*');
          expect(acl.resourceName).not.toContain('*');
          expect(acl.patternType).toBe(acl.resourceType === 'TransactionalID' ? 'Prefixed' : 'Literal');
          expect(acl.neededBy.length).toBeGreaterThan(0);
          expect([...acl.neededBy].sort()).toEqual(acl.neededBy);
          if (acl.resourceType === 'Topic') expect(acl.domain).toBe(OWNERS.get(acl.resourceName));
        }
        const reversed = deriveAcls([...groups].reverse(), [...producers].reverse(), OWNERS, options);
        expect(JSON.stringify(reversed)).toBe(JSON.stringify(acls));
      }),
    );
  });

  it('grants every group READ on its group id and on every subscribed topic', () => {
    fc.assert(
      fc.property(groupsArb, optionsArb, (groups, options) => {
        const ids = new Set(deriveAcls(groups, [], OWNERS, options).map((a) => a.id));
        for (const g of groups) {
          expect(ids.has(`${g.principal}|*|Read|Allow|Group|${g.groupId}|Literal`)).toBe(true);
          for (const s of g.subscriptions) expect(ids.has(`${g.principal}|*|Read|Allow|Topic|${s.topicName}|Literal`)).toBe(true);
        }
      }),
    );
  });
});

describe('deriveAcls: Kafka Streams applications (built inside each test)', () => {
  it('drops the topic ACLs of an undeclared topic and keeps the rest in the application’s domain', () => {
    const app = {
      domain: 'orders',
      name: 'enricher',
      applicationId: 'orders.enricher',
      internalPrefix: 'orders.enricher-',
      service: 'enricher-service',
      principal: 'User:enricher',
      inputs: [{ topic: { domain: 'orders', event: 'order-created' }, topicName: ORDER_CREATED }],
      outputs: [{ topic: { domain: 'billing', event: 'undeclared' }, topicName: 'billing.undeclared' }],
      processingGuarantee: 'at_least_once',
      stateStores: [],
      repartitions: false,
    } as unknown as ResolvedStreamsApplication; // only the fields deriveAcls reads
    const acls = deriveAcls([], [], OWNERS, NO_OPTIONS, [], [], [app]);
    // billing.undeclared is not in OWNERS: its Write ACL has no stack to live in, so it is left to resolve to report.
    // Sorted by id (principal|host|operation|permission|type|name|pattern): by operation, then type, then name.
    expect(acls.map((a) => `${a.operation} ${a.resourceType}:${a.resourceName}:${a.patternType} @${a.domain}`)).toEqual([
      'Create Topic:orders.enricher-:Prefixed @orders',
      'Delete Topic:orders.enricher-:Prefixed @orders',
      'Describe Topic:orders.enricher-:Prefixed @orders',
      'Read Group:orders.enricher:Literal @orders',
      'Read Topic:orders.enricher-:Prefixed @orders',
      'Read Topic:orders.order-created:Literal @orders',
      'Write Topic:orders.enricher-:Prefixed @orders',
    ]);
  });
});
