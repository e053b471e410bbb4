import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/run';
import { fixture, group, PROD, topologyOf } from '../access/fixtures';

const findings = (topology: Parameters<typeof lint>[0]): string[] =>
  lint(topology)
    .filter((f) => f.ruleId === 'TF-ACCESS-002')
    .map((f) => `${f.level} ${f.subject.kind} ${f.subject.name}: ${f.message}`);

const fields = (topology: Parameters<typeof lint>[0]): string[] =>
  lint(topology)
    .filter((f) => f.ruleId === 'TF-ACCESS-002')
    .map((f) => `${f.subject.name} ${f.field}`);

describe('TF-ACCESS-002 quotaDerivable: a client quota needs declared throughput on every topic the principal uses', () => {
  it('fires (info) on a producer of a topic without throughput', () => {
    expect(findings(topologyOf(fixture(), PROD))).toEqual([
      'info producer billing-service → billing.invoice-issued: cannot derive quota: no producer_byte_rate for User:billing-service, because billing.invoice-issued declares no throughput',
    ]);
  });

  it('fires (info) on a consumer group reading a topic without throughput', () => {
    const f = fixture();
    f.consumerGroups.push(group('billing', 'audit', 'User:audit', [{ topic: { domain: 'billing', event: 'invoice-issued' } }]));
    // User:audit sorts before every other principal: each client is judged on its own quota, not the first one.
    expect(findings(topologyOf(f, PROD))).toEqual([
      'info consumer-group billing.audit: cannot derive quota: no consumer_byte_rate for User:audit, because billing.invoice-issued declares no throughput',
      'info producer billing-service → billing.invoice-issued: cannot derive quota: no producer_byte_rate for User:billing-service, because billing.invoice-issued declares no throughput',
    ]);
  });

  it('does not fire when every topic declares throughput, or when an override sets the rate', () => {
    const f = fixture();
    f.producers = f.producers.filter((p) => p.topic.domain !== 'billing');
    expect(findings(topologyOf(f, PROD))).toEqual([]);
    expect(findings(topologyOf(fixture(), { ...PROD, quotas: { overrides: { 'User:billing-service': { producerByteRate: 1_000_000 } } } }))).toEqual([]);
  });

  it('does not apply when the environment turns quotas off', () => {
    expect(findings(topologyOf(fixture(), { ...PROD, quotas: { enabled: false } }))).toEqual([]);
  });

  it('points at the principal, for a producer and for a consumer group', () => {
    const f = fixture();
    f.consumerGroups.push(group('billing', 'audit', 'User:audit', [{ topic: { domain: 'billing', event: 'invoice-issued' } }]));
    expect(fields(topologyOf(f, PROD))).toEqual(['billing.audit principal', 'billing-service → billing.invoice-issued principal']);
  });

  it('does not apply to a topology written before quotas existed (no quotas at all)', () => {
    const { quotas, ...before } = topologyOf(fixture(), PROD);
    expect(quotas?.length).toBeGreaterThan(0);
    expect(findings(before)).toEqual([]);
  });
});
