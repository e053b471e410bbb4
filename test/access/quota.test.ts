/**
 * Client quotas (model/quota.ts): derived from declared peak throughput with the named headrooms, only when every
 * topic involved declares throughput, scaled with the environment, overridable per environment, placed in the domain
 * of the principal's first declaration by name.
 */
import { describe, expect, it } from 'vitest';
import { QUOTA_CONSUME_HEADROOM, QUOTA_PRODUCE_HEADROOM } from '../../model/limits';
import { hasRates, quotaAddress, quotaConfig, wholeBytes } from '../../model/quota';
import { sliceTopology } from '../../model/slice';
import type { ResolvedQuota, Topology } from '../../model/topology';
import { lint } from '../../rules/run';
import { CROSS_DOMAIN_REASON, DEV, DOCUMENTS_PEAK, fixture, group, ORDERS_PEAK, PROD, resolveFixture, topologyOf } from './fixtures';

const bytesPerSecond = (t: { peakMessagesPerSecond: number; averageMessageBytes: number }): number => t.peakMessagesPerSecond * t.averageMessageBytes;

function quotaOf(topology: Topology, principal: string): ResolvedQuota {
  const quota = topology.quotas?.find((q) => q.principal === principal);
  if (quota === undefined) throw new Error(`no quota for ${principal}; have ${(topology.quotas ?? []).map((q) => q.principal).join(', ')}`);
  return quota;
}

describe('quota derivation', () => {
  const prod = topologyOf(fixture(), PROD);

  it('gives a producer Σ peak bytes/s of the topics it produces × the produce headroom', () => {
    const quota = quotaOf(prod, 'User:order-service');
    expect(quota.producerByteRate?.value).toBe(bytesPerSecond(ORDERS_PEAK) * QUOTA_PRODUCE_HEADROOM);
    expect(quota.consumerByteRate).toBeNull();
    expect(quota.producerByteRate?.explanation).toBe(
      `orders.order-created 2,000 msg/s × 1,024 B = 2,048,000 B/s; × produce headroom ${QUOTA_PRODUCE_HEADROOM} → 4,096,000 B/s per broker`,
    );
    expect(quotaConfig(quota)).toEqual({ producer_byte_rate: bytesPerSecond(ORDERS_PEAK) * QUOTA_PRODUCE_HEADROOM });
  });

  it('gives a consumer Σ peak bytes/s of every topic each of its groups reads × the consume headroom (cross-domain reads included)', () => {
    const quota = quotaOf(prod, 'User:search-indexer');
    const expected = (bytesPerSecond(DOCUMENTS_PEAK) + bytesPerSecond(ORDERS_PEAK)) * QUOTA_CONSUME_HEADROOM;
    expect(quota.consumerByteRate?.value).toBe(expected);
    expect(quota.consumerByteRate?.explanation).toContain('search.order-indexer reads orders.order-created 2,000 msg/s × 1,024 B');
    expect(quota.producerByteRate).toBeNull();
    expect(quota.services).toEqual(['search-indexer']);
    expect(quota.domain).toBe('search');
  });

  it('counts a topic once per consumer group: two groups of one principal each read all of it', () => {
    const f = fixture();
    f.consumerGroups.push(group('orders', 'audit', 'User:payment-service', [{ topic: { domain: 'orders', event: 'order-created' } }]));
    const quota = quotaOf(topologyOf(f, PROD), 'User:payment-service');
    expect(quota.consumerByteRate?.value).toBe(2 * bytesPerSecond(ORDERS_PEAK) * QUOTA_CONSUME_HEADROOM);
  });

  it('derives no rate when a topic involved declares no throughput, and says which', () => {
    const quota = quotaOf(prod, 'User:billing-service');
    expect(quota.producerByteRate).toBeNull();
    expect(quota.undeclaredThroughput).toEqual({ produce: ['billing.invoice-issued'], consume: [] });
    expect(hasRates(quota)).toBe(false);
    const f = fixture();
    f.consumerGroups.push(
      group('billing', 'invoicer', 'User:invoicer', [
        { topic: { domain: 'billing', event: 'invoice-issued' } },
        { topic: { domain: 'orders', event: 'order-created' }, reason: 'invoices are issued for created orders' },
      ]),
    );
    const invoicer = quotaOf(topologyOf(f, PROD), 'User:invoicer');
    expect(invoicer.consumerByteRate).toBeNull(); // not a partial sum: one unknown topic makes the total unknown
    expect(invoicer.undeclaredThroughput.consume).toEqual(['billing.invoice-issued']);
  });

  it('scales with the environment throughput scaling, as partitions do', () => {
    const dev = topologyOf(fixture(), { ...DEV, scaling: { throughput: 0.1 } });
    expect(quotaOf(dev, 'User:order-service').producerByteRate?.value).toBe(
      wholeBytes(ORDERS_PEAK.peakMessagesPerSecond * 0.1 * ORDERS_PEAK.averageMessageBytes * QUOTA_PRODUCE_HEADROOM),
    );
    expect(quotaOf(dev, 'User:order-service').producerByteRate?.explanation).toContain('throughput scaled ×0.1');
  });

  it('explains the same way whatever the declaration order', () => {
    const f = fixture();
    const reversed = { ...f, consumerGroups: [...f.consumerGroups].reverse(), producers: [...f.producers].reverse(), topics: [...f.topics].reverse() };
    expect(topologyOf(reversed, PROD).quotas).toEqual(prod.quotas);
  });

  it('rounds up to whole bytes without adding a byte for floating-point noise', () => {
    expect(wholeBytes(3 * 0.1 * 1_000)).toBe(300);
    expect(wholeBytes(300.4)).toBe(301);
  });

  it('lets an environment replace a rate per principal, and says what it replaced', () => {
    const topology = topologyOf(fixture(), {
      ...PROD,
      quotas: { overrides: { 'User:order-service': { producerByteRate: 1_000_000 }, 'User:billing-service': { producerByteRate: 500_000 } } },
    });
    expect(quotaOf(topology, 'User:order-service').producerByteRate).toEqual({
      value: 1_000_000,
      explanation: '1,000,000 B/s set in environment prod (derived would be 4,096,000 B/s)',
    });
    const billing = quotaOf(topology, 'User:billing-service');
    expect(billing.producerByteRate?.value).toBe(500_000);
    expect(billing.undeclaredThroughput.produce).toEqual([]);
  });

  it('derives nothing when the environment turns quotas off', () => {
    expect(topologyOf(fixture(), { ...PROD, quotas: { enabled: false } }).quotas).toEqual([]);
  });

  it('reports an override for a principal no declaration uses, and one that is not a User', () => {
    const { topology, issues } = resolveFixture(fixture(), {
      ...PROD,
      principalTypes: ['User', 'Group'],
      quotas: { overrides: { 'User:order-servce': { producerByteRate: 1 }, 'Group:ops': { consumerByteRate: 1 } } },
    });
    expect(topology).toBeNull();
    expect(issues.map((i) => [i.code, i.path, i.hint])).toEqual([
      ['quota-override-not-user', 'quotas.overrides["Group:ops"]', undefined],
      ['quota-override-unknown-principal', 'quotas.overrides["User:order-servce"]', 'did you mean "User:order-service"?'],
    ]);
  });

  it('places a principal used in several domains in the first by name, and a stack slice keeps only its own quotas', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('billing', 'reader', 'User:search-indexer', [{ topic: { domain: 'orders', event: 'order-created' }, reason: CROSS_DOMAIN_REASON }]),
    );
    const topology = topologyOf(f, PROD);
    expect(quotaOf(topology, 'User:search-indexer').domain).toBe('billing');
    expect(sliceTopology(topology, new Set(['billing'])).quotas?.map((q) => q.principal)).toEqual(['User:billing-service', 'User:search-indexer']);
    expect(sliceTopology(topology, new Set(['search'])).quotas?.map((q) => q.principal)).toEqual(['User:catalog-service']);
  });

  it('gives no quota to a principal type user quotas do not key on', () => {
    const f = fixture();
    f.consumerGroups.push(group('orders', 'ops', 'Group:ops', [{ topic: { domain: 'orders', event: 'order-created' } }]));
    const topology = topologyOf(f, { ...PROD, principalTypes: ['User', 'Group'] });
    expect(topology.quotas?.map((q) => q.principal)).not.toContain('Group:ops');
  });

  it('addresses a quota by its entity only, so a rate change is a replace at the same address', () => {
    const quota = quotaOf(prod, 'User:order-service');
    expect(quotaAddress(quota)).toMatch(/^quota_user_order-service_[0-9a-f]{8}$/);
    const changed: ResolvedQuota = { ...quota, producerByteRate: { value: 1, explanation: 'x' } };
    expect(quotaAddress(changed)).toBe(quotaAddress(quota));
    expect(quotaAddress({ entityName: 'a.b' })).not.toBe(quotaAddress({ entityName: 'a_b' }));
  });

  it('lint says, as info, that a quota cannot be derived (TF-ACCESS-002)', () => {
    const findings = lint(prod).filter((f) => f.ruleId === 'TF-ACCESS-002');
    expect(findings.map((f) => [f.level, f.subject.name, f.message])).toEqual([
      [
        'info',
        'billing-service → billing.invoice-issued',
        'cannot derive quota: no producer_byte_rate for User:billing-service, because billing.invoice-issued declares no throughput',
      ],
    ]);
  });
});
