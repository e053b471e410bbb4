/**
 * Principal validation: `User:` by default (Apache Kafka's authorizer matches only `User:` unless the brokers run a
 * custom principal builder), other types only when the environment lists them, never a wildcard; and one principal
 * shared by two services is a lint warning (TF-ACCESS-001).
 */
import { describe, expect, it } from 'vitest';
import { KafkaPrincipal } from '../../model/declare';
import { environmentSchema } from '../../model/schema';
import { lint } from '../../rules/run';
import { DEV, fixture, group, producer, resolveFixture, topologyOf } from './fixtures';

describe('principal types', () => {
  it('allows only User by default', () => {
    expect(environmentSchema.parse(DEV).principalTypes).toEqual(['User']);
  });

  it.each([
    [
      'a consumer group',
      (f: ReturnType<typeof fixture>) =>
        f.consumerGroups.push(group('orders', 'ops', KafkaPrincipal.of('Group', 'ops'), [{ topic: { domain: 'orders', event: 'order-created' } }])),
    ],
    ['a producer', (f: ReturnType<typeof fixture>) => f.producers.push(producer('orders', 'order-created', KafkaPrincipal.of('ServiceAccount', 'orders')))],
  ])('rejects another type on %s with principal-type-not-allowed and a hint', (_what, add) => {
    const f = fixture();
    add(f);
    const { topology, issues } = resolveFixture(f);
    expect(topology).toBeNull();
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.code).toBe('principal-type-not-allowed');
    expect(issue?.path).toBe('principal');
    expect(issue?.message).toMatch(
      /^principal "(Group:ops|ServiceAccount:orders)" has type "(Group|ServiceAccount)", which environment "dev" does not allow \(allowed: User\)$/,
    );
    expect(issue?.hint).toMatch(/matches only "User:" principals unless the brokers run a custom principal builder/);
    expect(issue?.hint).toMatch(/principalTypes/);
  });

  it('accepts another type when the environment lists it (a cluster with a custom principal builder)', () => {
    const f = fixture();
    f.consumerGroups.push(group('orders', 'ops', 'Group:ops', [{ topic: { domain: 'orders', event: 'order-created' } }]));
    const topology = topologyOf(f, { ...DEV, principalTypes: ['User', 'Group'] });
    expect(topology.acls.filter((a) => a.principal === 'Group:ops').map((a) => `${a.resourceType}:${a.resourceName}:${a.operation}`)).toContain(
      'Topic:orders.order-created:Read',
    );
  });

  it('rejects a principal type that is not a type name in the environment', () => {
    const { issues } = resolveFixture(fixture(), { ...DEV, principalTypes: ['user:'] });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['schema-invalid_format', 'principalTypes[0]']]);
  });

  it.each(['User:*', 'User:a|b', 'User:a\nb', 'payment-service', ':x'])(
    'rejects %j as a principal (no wildcard, no separators, no line breaks)',
    (principal) => {
      const f = fixture();
      f.consumerGroups.push(group('orders', 'ops', principal, [{ topic: { domain: 'orders', event: 'order-created' } }]));
      const { topology, issues } = resolveFixture(f);
      expect(topology).toBeNull();
      expect(issues.some((i) => i.path === 'principal' && i.code.startsWith('schema-'))).toBe(true);
    },
  );

  it('accepts an mTLS distinguished name, spaces and commas included', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('orders', 'ops', 'User:CN=orders ops,OU=payments', [{ topic: { domain: 'orders', event: 'order-created' } }], { service: 'ops-service' }),
    );
    const { topology, issues } = resolveFixture(f);
    expect(issues.filter((i) => i.path === 'principal')).toEqual([]);
    expect(topology?.acls.some((a) => a.principal === 'User:CN=orders ops,OU=payments')).toBe(true);
  });

  it('warns when two services share a principal (TF-ACCESS-001)', () => {
    const f = fixture();
    f.consumerGroups.push(
      group('orders', 'ops', 'User:payment-service', [{ topic: { domain: 'orders', event: 'order-created' } }], { service: 'ops-service' }),
    );
    const findings = lint(topologyOf(f)).filter((x) => x.ruleId === 'TF-ACCESS-001');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((x) => x.level === 'warning' && x.message === 'User:payment-service is used by ops-service, payment-service')).toBe(true);
  });
});
