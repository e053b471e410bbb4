import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import type { StreamsApplicationInput } from '../../../model/schema';
import { canonicalString } from '../../../model/canonical-json';
import { DEV, ORDER_TOTALS, PROD, SEED, expectFailure, resolved, withDeclarations } from './helpers';

const TOTALS: StreamsApplicationInput = {
  ...ORDER_TOTALS,
  processingGuarantee: 'exactly_once_v2',
  stateStores: [{ name: 'totals-by-customer' }, { name: 'scratch', changelog: false }],
};

const withApps = (...apps: StreamsApplicationInput[]) => withDeclarations({ streamsApplications: apps });

/** `User:x Topic:name:Read (Literal)` for every ACL of a principal, sorted. */
function aclsOf(topology: ReturnType<typeof resolved>, principal: string): string[] {
  return topology.acls
    .filter((a) => a.principal === principal)
    .map((a) => `${a.resourceType}:${a.resourceName}:${a.operation}:${a.patternType}@${a.domain}`)
    .sort();
}

describe('resolve: Kafka Streams applications', () => {
  it('derives application.id <domain>.<name>, the internal prefix and changelog topic names', () => {
    const [app] = resolved(withApps(TOTALS)).streamsApplications ?? [];
    expect(app).toMatchObject({
      applicationId: 'orders.order-totals',
      internalPrefix: 'orders.order-totals-',
      processingGuarantee: 'exactly_once_v2',
      inputs: [{ topicName: 'orders.order-created' }],
      outputs: [],
      repartitions: false,
      exceptionHandlers: null,
      stateStores: [
        { name: 'scratch', changelogTopic: null },
        { name: 'totals-by-customer', changelogTopic: 'orders.order-totals-totals-by-customer-changelog' },
      ],
    });
    expect(app).not.toHaveProperty('replaySafety');
  });

  it('defaults to at_least_once and keeps a declared applicationId', () => {
    const { processingGuarantee: _pg, ...rest } = TOTALS;
    void _pg;
    const [app] = resolved(withApps({ ...rest, applicationId: 'totals-v2' })).streamsApplications ?? [];
    expect(app).toMatchObject({ applicationId: 'totals-v2', internalPrefix: 'totals-v2-', processingGuarantee: 'at_least_once' });
  });

  it('grants the ACL set of the Kafka Streams security documentation, exactly_once_v2 included', () => {
    const topology = resolved(
      withApps({ ...TOTALS, outputs: [{ topic: { domain: 'search', event: 'document-changed' }, reason: 'totals are searchable documents' }] }),
    );
    expect(aclsOf(topology, 'User:order-totals')).toEqual([
      'Group:orders.order-totals:Read:Literal@orders',
      'Topic:orders.order-created:Read:Literal@orders',
      'Topic:orders.order-totals-:Create:Prefixed@orders',
      'Topic:orders.order-totals-:Delete:Prefixed@orders',
      'Topic:orders.order-totals-:Describe:Prefixed@orders',
      'Topic:orders.order-totals-:Read:Prefixed@orders',
      'Topic:orders.order-totals-:Write:Prefixed@orders',
      // The output belongs to search: its WRITE lands in search's stack, as a producer's would.
      'Topic:search.document-changed:Write:Literal@search',
      'TransactionalID:orders.order-totals-:Describe:Prefixed@orders',
      'TransactionalID:orders.order-totals-:Write:Prefixed@orders',
    ]);
  });

  it('grants no TransactionalID rights at_least_once, and Cluster IdempotentWrite only for brokers older than 2.8', () => {
    const alo = { ...TOTALS, processingGuarantee: 'at_least_once' as const };
    expect(aclsOf(resolved(withApps(alo)), 'User:order-totals').filter((a) => /TransactionalID|Cluster/.test(a))).toEqual([]);
    const legacy = resolved(withApps(alo), { ...DEV, acl: { legacyIdempotentWrite: true } });
    expect(aclsOf(legacy, 'User:order-totals').filter((a) => a.startsWith('Cluster'))).toEqual(['Cluster:kafka-cluster:IdempotentWrite:Literal@orders']);
  });

  it('says why each ACL exists', () => {
    const topology = resolved(withApps(TOTALS));
    const group = topology.acls.find((a) => a.principal === 'User:order-totals' && a.resourceType === 'Group');
    expect(group?.neededBy).toEqual(['streams application orders.order-totals (order-totals) joins its group']);
  });

  it('leaves the key out of a topology without applications, so its JSON is what it was', () => {
    expect(resolved(SEED)).not.toHaveProperty('streamsApplications');
  });

  it('fails when it reads another domain’s topic without a reason, names an undeclared topic, or lists one twice', () => {
    expectFailure(
      withApps({
        ...TOTALS,
        inputs: [{ topic: { domain: 'search', event: 'document-changed' } }, { topic: { domain: 'orders', event: 'order-creatd' } }],
        outputs: [{ topic: { domain: 'orders', event: 'order-created' } }, { topic: { domain: 'orders', event: 'order-created' } }],
      }),
      DEV,
      {
        source: 'dev/orders/order-totals',
        path: 'inputs[0].reason',
        code: 'cross-domain-read-without-reason',
        message: 'reads "search/document-changed" of domain "search"',
      },
      { source: 'dev/orders/order-totals', path: 'inputs[1].topic', code: 'unknown-topic', hint: 'did you mean "orders/order-created"?' },
      { source: 'dev/orders/order-totals', path: 'outputs[1].topic', code: 'duplicate-streams-topic' },
    );
  });

  it('fails when its application.id is a consumer group’s id or another application’s', () => {
    expectFailure(withApps({ ...TOTALS, applicationId: 'orders.payment' }), DEV, {
      source: 'dev/orders/order-totals',
      path: 'applicationId',
      code: 'duplicate-application-id',
      message: 'also used by consumer group orders.payment',
    });
    expectFailure(withApps(TOTALS, { ...TOTALS, name: 'other', applicationId: 'orders.order-totals', source: { path: 'dev/orders/other' } }), DEV, {
      source: 'dev/orders/other',
      path: 'applicationId',
      code: 'duplicate-application-id',
    });
  });

  it('fails on a schema error with the field: no inputs, an unknown guarantee, a bad handler class', () => {
    const result = resolve(
      withApps({
        ...TOTALS,
        inputs: [],
        processingGuarantee: 'exactly_once' as never,
        exceptionHandlers: { deserialization: 'not a class', production: 'a.B' },
      }),
      PROD,
    );
    expect(result.topology).toBeNull();
    const paths = result.issues.filter((i) => i.source.path === 'dev/orders/order-totals').map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['inputs', 'processingGuarantee', 'exceptionHandlers.deserialization']));
  });

  it('resolves to the same JSON whatever the order of applications, inputs and stores (property)', () => {
    // Names other than the seed's consumer groups (whose ids would clash) and its domains.
    const appName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).filter((n) => !['payment', 'notification', 'indexer', 'invoicing'].includes(n));
    const names = fc.uniqueArray(appName, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(names, fc.boolean(), fc.boolean(), (apps, eos, reverse) => {
        const declared = apps.map((name): StreamsApplicationInput => ({
          ...TOTALS,
          name,
          principal: `User:${name}`,
          processingGuarantee: eos ? 'exactly_once_v2' : 'at_least_once',
          source: { path: `dev/orders/${name}` },
        }));
        const order = reverse ? [...declared].reverse() : declared;
        const a = resolved(withApps(...declared));
        const b = resolved(withApps(...order.map((d) => ({ ...d, stateStores: [...(d.stateStores ?? [])].reverse() }))));
        expect(canonicalString(b)).toBe(canonicalString(a));
        // Every application has exactly one Group READ, on its own id, and no wildcard grant.
        for (const app of a.streamsApplications ?? []) {
          expect(a.acls.filter((acl) => acl.principal === app.principal && acl.resourceType === 'Group').map((acl) => acl.resourceName)).toEqual([
            app.applicationId,
          ]);
        }
        expect(a.acls.some((acl) => acl.resourceName === '*' || acl.resourceName === '')).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
