/**
 * accessChanges(base, head): every change of who can read or write what, with the owner who approves it, WARN for a
 * gain of access to another domain's topic without a stated reason.
 */
import { describe, expect, it } from 'vitest';
import { accessChanges, accessChangesByEnvironment, requiredReviewers, type AccessChange } from '../../access/diff';
import { resolve } from '../../model/resolve';
import { sliceTopology } from '../../model/slice';
import type { ResolvedAcl, Topology } from '../../model/topology';
import { CROSS_DOMAIN_REASON, DEV, fixture, group, producer, topologyOf } from './fixtures';

const base = topologyOf(fixture());
const summary = (changes: readonly AccessChange[]): string[] =>
  changes.map(
    (c) => `${c.verdict} ${c.kind} ${c.principal} ${c.resource.type}:${c.resource.name} [${c.before.join(',')}]→[${c.after.join(',')}] ${c.owner ?? '-'}`,
  );

describe('accessChanges', () => {
  it('finds nothing between a topology and itself, nor when ACLs only move between stacks', () => {
    expect(accessChanges(base, base)).toEqual([]);
    const moved: Topology = { ...base, acls: base.acls.map((a) => ({ ...a, domain: 'elsewhere' })) };
    expect(accessChanges(base, moved)).toEqual([]);
  });

  it('reports a new principal on a topic of its own domain as SAFE, with the owner to approve', () => {
    const f = fixture();
    f.consumerGroups.push(group('orders', 'shipping', 'User:shipping-service', [{ topic: { domain: 'orders', event: 'order-created' } }]));
    const changes = accessChanges(base, topologyOf(f));
    expect(summary(changes)).toEqual([
      'SAFE granted User:shipping-service Group:orders.shipping []→[Read] @acme/orders-team',
      'SAFE granted User:shipping-service Topic:orders.order-created []→[Read] @acme/orders-team',
      'SAFE granted User:shipping-service Topic:orders.order-created.shipping.dlq []→[Read,Write] @acme/orders-team',
    ]);
    const read = changes.find((c) => c.resource.name === 'orders.order-created');
    expect(read?.why).toEqual(['consumer group orders.shipping (shipping-service) reads orders.order-created']);
    expect(read?.added).toEqual(['User:shipping-service|*|Read|Allow|Topic|orders.order-created|Literal']);
    expect(read?.crossDomain).toBeNull();
    expect(read?.message).toBe('User:shipping-service gains Read on topic orders.order-created (owned by orders: @acme/orders-team approves)');
  });

  it('reports a cross-domain read with a stated reason as SAFE, quoting the grant, and the topic owner as the approver', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('billing', 'invoicer', 'User:invoicer', [
        { topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are issued for created orders' },
      ]),
    );
    const read = accessChanges(base, topologyOf(f)).find((c) => c.resource.name === 'orders.order-created');
    expect(read?.verdict).toBe('SAFE');
    expect(read?.owner).toBe('@acme/orders-team');
    expect(read?.domain).toBe('orders');
    expect(read?.crossDomain).toEqual({
      resourceDomain: 'orders',
      principalDomains: ['billing'],
      grants: [{ groupId: 'billing.invoicer', domain: 'billing', reason: 'invoices are issued for created orders' }],
    });
    expect(read?.message).toContain('cross-domain grant: billing.invoicer (billing) reads it because "invoices are issued for created orders"');
  });

  it("flags a principal gaining another domain's topic without a grant reason as WARN (a hand-made or legacy ACL)", () => {
    const f = fixture();
    f.legacyAcls.push({
      domain: 'orders',
      principal: 'User:catalog-service',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Topic',
      resourceName: 'orders.order-created',
      reason: 'the old catalog sync still reads orders',
      source: { path: 'dev/orders/legacy', file: 'topics/orders.ts', line: 40 },
    });
    const [change] = accessChanges(base, topologyOf(f));
    expect(change?.verdict).toBe('WARN');
    expect(change?.crossDomain).toEqual({ resourceDomain: 'orders', principalDomains: ['search'], grants: [] });
    expect(change?.why).toEqual(['legacy ACL kept: the old catalog sync still reads orders']);
    expect(change?.message).toContain("outside its own domain (it belongs to search) with no grant stating why User:catalog-service may use orders's events");
  });

  it('flags a cross-domain subscription whose reason is missing as WARN (a topology not produced by resolve, e.g. edited by hand)', () => {
    const f = fixture();
    const head = topologyOf(f);
    const stripped: Topology = {
      ...head,
      consumerGroups: head.consumerGroups.map((g) => ({ ...g, subscriptions: g.subscriptions.map(({ reason: _reason, ...s }) => s) })),
    };
    const without: Topology = { ...base, acls: base.acls.filter((a) => !(a.principal === 'User:search-indexer' && a.resourceName === 'orders.order-created')) };
    const read = accessChanges(without, stripped).find((c) => c.resource.name === 'orders.order-created');
    expect(read?.verdict).toBe('WARN');
    expect(read?.crossDomain?.grants).toEqual([{ groupId: 'search.order-indexer', domain: 'search', reason: null }]);
    const withReason = accessChanges(without, head).find((c) => c.resource.name === 'orders.order-created');
    expect(withReason?.verdict).toBe('SAFE');
    expect(withReason?.crossDomain?.grants[0]?.reason).toBe(CROSS_DOMAIN_REASON);
  });

  it('reports an operation widened on a resource the principal already had', () => {
    const f = fixture();
    f.producers.push(producer('orders', 'order-created', 'User:payment-service'));
    const changes = accessChanges(base, topologyOf(f));
    expect(summary(changes)).toEqual(['SAFE widened User:payment-service Topic:orders.order-created [Read]→[Read,Write] @acme/orders-team']);
    expect(changes[0]?.message).toBe(
      'User:payment-service widens access on topic orders.order-created: Read → Read, Write (owned by orders: @acme/orders-team approves)',
    );
  });

  it('reports a principal removed, and an operation narrowed, with why it had the access', () => {
    const f = fixture();
    f.consumerGroups = f.consumerGroups.filter((g) => g.name !== 'payment');
    const removed = accessChanges(base, topologyOf(f));
    expect(summary(removed).filter((s) => s.includes('Topic:orders.order-created '))).toEqual([
      'SAFE revoked User:payment-service Topic:orders.order-created [Read]→[] @acme/orders-team',
    ]);
    expect(removed.find((c) => c.resource.name === 'orders.order-created')?.why).toEqual([
      'consumer group orders.payment (payment-service) reads orders.order-created',
    ]);
    const widened = topologyOf({ ...fixture(), producers: [...fixture().producers, producer('orders', 'order-created', 'User:payment-service')] });
    expect(summary(accessChanges(widened, base))).toEqual([
      'SAFE narrowed User:payment-service Topic:orders.order-created [Read,Write]→[Read] @acme/orders-team',
    ]);
  });

  it('treats a Deny added as narrowing and a host swap as a change', () => {
    const acl = base.acls.find((a) => a.principal === 'User:order-service') as ResolvedAcl;
    const deny: ResolvedAcl = { ...acl, permission: 'Deny', id: `${acl.id}-deny` };
    expect(accessChanges(base, { ...base, acls: [...base.acls, deny] }).map((c) => c.kind)).toEqual(['narrowed']);
    const hosted: ResolvedAcl = { ...acl, host: '10.0.0.7', id: acl.id.replace('|*|', '|10.0.0.7|') };
    const changes = accessChanges(base, { ...base, acls: [...base.acls.filter((a) => a !== acl), hosted] });
    expect(changes.map((c) => [c.kind, c.before, c.after])).toEqual([['changed', ['Write'], ['Write from 10.0.0.7']]]);
  });

  it('handles a new and a removed environment', () => {
    expect(accessChanges(null, base).every((c) => c.kind === 'granted')).toBe(true);
    expect(accessChanges(base, null).every((c) => c.kind === 'revoked' && c.owner !== null)).toBe(true);
  });

  it('merges stack slices per environment and reads a base written before quotas existed', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('billing', 'invoicer', 'User:invoicer', [
        { topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are issued for created orders' },
      ]),
    );
    const head = topologyOf(f);
    const slices = (t: Topology): Topology[] => t.domains.map((d) => sliceTopology(t, new Set([d.name])));
    const oldBase: Topology = { ...base, quotas: undefined }; // a topology.json written before quotas existed
    const changes = accessChangesByEnvironment(slices(oldBase), slices(head));
    expect(changes).toEqual(accessChanges(base, head));
    expect(requiredReviewers(changes)).toEqual(['@acme/billing-team', '@acme/orders-team']);
    expect(accessChangesByEnvironment([base], [{ ...base, environment: { ...base.environment, name: 'prod' } }]).map((c) => c.environment)).toContain('prod');
  });

  it('keeps a stable order: environment, owning domain, resource, principal', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('search', 'zeta', 'User:zeta', [{ topic: { domain: 'orders', event: 'order-created' }, reason: 'zeta searches orders by customer' }]),
    );
    f.consumerGroups.push(group('orders', 'alpha', 'User:alpha', [{ topic: { domain: 'orders', event: 'order-created' } }]));
    const changes = accessChanges(base, topologyOf(f, DEV));
    const keys = changes.map((c) => [c.domain, c.resource.type, c.resource.name, c.principal].join(' '));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('accessChanges: Kafka Streams applications and connectors honour their stated cross-domain reason', () => {
  const ORDERS_TOPIC = { domain: 'orders', event: 'order-created' } as const;
  const streamsApp = (reason?: string) => ({
    domain: 'search',
    name: 'order-documents',
    service: 'order-documents',
    principal: 'User:order-documents',
    inputs: [{ topic: ORDERS_TOPIC, ...(reason === undefined ? {} : { reason }) }],
    outputs: [{ topic: { domain: 'search', event: 'document-changed' } }],
    source: { path: 'dev/search/order-documents' },
  });
  const cluster = {
    domain: 'search',
    name: 'indexing',
    service: 'search-connect',
    principal: 'User:search-connect',
    source: { path: 'dev/search/indexing' },
  };
  const sink = (reason?: string) => ({
    type: 'sink' as const,
    cluster: { domain: 'search', name: 'indexing' },
    name: 'order-index',
    connectorClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
    principal: 'User:order-index',
    topics: [{ topic: ORDERS_TOPIC, ...(reason === undefined ? {} : { reason }) }],
    idempotency: 'orders are upserted by id; a replay rewrites the same documents',
    source: { path: 'dev/search/indexing/order-index' },
  });
  const headOf = (extra: Record<string, unknown>): Topology => {
    const result = resolve({ ...fixture(), ...extra }, DEV);
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    return result.topology;
  };
  const readOf = (head: Topology, principal: string) =>
    accessChanges(base, head).find((c) => c.principal === principal && c.resource.type === 'Topic' && c.resource.name === 'orders.order-created');

  it("reports a Streams application's cross-domain input with a stated reason as SAFE, quoting it", () => {
    const read = readOf(headOf({ streamsApplications: [streamsApp(CROSS_DOMAIN_REASON)] }), 'User:order-documents');
    expect(read?.verdict).toBe('SAFE');
    expect(read?.crossDomain?.grants).toEqual([{ groupId: 'search.order-documents', domain: 'search', reason: CROSS_DOMAIN_REASON, client: 'streams-input' }]);
    expect(read?.message).toContain(`cross-domain grant: Streams application search.order-documents (search) reads it because "${CROSS_DOMAIN_REASON}"`);
  });

  it("reports a sink connector's cross-domain topic with a stated reason as SAFE, quoting it", () => {
    const read = readOf(headOf({ connectClusters: [cluster], connectors: [sink(CROSS_DOMAIN_REASON)] }), 'User:order-index');
    expect(read?.verdict).toBe('SAFE');
    expect(read?.crossDomain?.grants).toEqual([{ groupId: 'order-index', domain: 'search', reason: CROSS_DOMAIN_REASON, client: 'sink-connector' }]);
    expect(read?.message).toContain(`cross-domain grant: sink connector order-index (search) reads it because "${CROSS_DOMAIN_REASON}"`);
  });

  it('still warns when the reason is missing (a topology edited by hand: resolve requires it)', () => {
    const head = headOf({ streamsApplications: [streamsApp(CROSS_DOMAIN_REASON)], connectClusters: [cluster], connectors: [sink(CROSS_DOMAIN_REASON)] });
    const stripped: Topology = {
      ...head,
      streamsApplications: (head.streamsApplications ?? []).map((a) => ({ ...a, inputs: a.inputs.map(({ reason: _r, ...i }) => i) })),
      connect:
        head.connect === undefined
          ? undefined
          : { ...head.connect, connectors: head.connect.connectors.map((k) => ({ ...k, topics: k.topics.map(({ reason: _r, ...t }) => t) })) },
    };
    expect(readOf(stripped, 'User:order-documents')?.verdict).toBe('WARN');
    expect(readOf(stripped, 'User:order-documents')?.message).toContain(
      'cross-domain read by Streams application search.order-documents (search) without a stated reason',
    );
    expect(readOf(stripped, 'User:order-index')?.verdict).toBe('WARN');
  });
});
