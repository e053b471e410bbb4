/**
 * The service account behind each declared principal (docs/confluent-cloud.md "Service accounts"): Confluent Cloud's
 * ACLs and role bindings name the account (`User:sa-abc123`, the provider's examples), so every principal with a grant
 * needs one, declared in `confluent.serviceAccounts` or created by terraform (`createServiceAccounts`).
 *
 * Addresses are `sa_<name with [^A-Za-z0-9_-] as _>_<first 8 hex of sha256(principal)>`; the hashes below were worked
 * with coreutils, e.g. `printf %s 'User:order-service' | sha256sum` → c7ef7d55….
 */
import { describe, expect, it } from 'vitest';
import { allow } from '../../../model/acl';
import { confluentPrincipal, principalName, resolveServiceAccounts, serviceAccountAddress } from '../../../model/confluent/service-accounts';
import { CONFLUENT_CLOUD_DEFAULTS } from '../../../model/schema/confluent';
import type { AclBinding, ResolvedAcl } from '../../../model/topology';

describe('principalName', () => {
  it.each([
    ['User:order-service', 'order-service'],
    ['Group:ops', 'ops'],
    ['User:a:b', 'a:b'],
    ['no-type', 'no-type'],
  ])('%s → %s', (principal, name) => {
    expect(principalName(principal)).toBe(name);
  });
});

describe('serviceAccountAddress', () => {
  it.each([
    ['User:order-service', 'sa_order-service_c7ef7d55'],
    // Two principals whose names sanitize alike keep apart through the hash.
    ['User:a.b', 'sa_a_b_10aa37f7'],
    ['User:a_b', 'sa_a_b_84a0e668'],
  ])('%s → %s', (principal, address) => {
    expect(serviceAccountAddress(principal)).toBe(address);
  });
});

describe('confluentPrincipal', () => {
  it('names a declared account by its id', () => {
    expect(confluentPrincipal({ principal: 'User:order-service', id: 'sa-order1', domain: 'orders' })).toBe('User:sa-order1');
  });

  it("names a created account by a reference to the resource's id, known only after apply", () => {
    expect(confluentPrincipal({ principal: 'User:order-service', id: null, domain: 'orders' })).toBe(
      'User:${confluent_service_account.sa_order-service_c7ef7d55.id}',
    );
  });
});

describe('resolveServiceAccounts', () => {
  const acl = (binding: AclBinding, domain: string, neededBy: readonly string[]): ResolvedAcl => ({
    ...binding,
    id: `${binding.principal}|${binding.operation}|${binding.resourceName}`,
    domain,
    neededBy,
  });
  const declared = { ...CONFLUENT_CLOUD_DEFAULTS, serviceAccounts: { 'User:b': 'sa-b1', 'User:a': 'sa-a1' } };

  it('gives one account per principal, sorted by principal, in the first domain by name that grants it', () => {
    const { serviceAccounts, issues } = resolveServiceAccounts(declared, [
      acl(allow('User:b', 'Write', 'Topic', 't1'), 'payments', ['w']),
      acl(allow('User:a', 'Read', 'Topic', 't2'), 'shipping', ['r']),
      acl(allow('User:a', 'Read', 'Group', 'g'), 'orders', ['g']),
      acl(allow('User:a', 'Describe', 'Topic', 't2'), 'shipping', ['d']),
    ]);
    expect(issues).toEqual([]);
    expect(serviceAccounts).toEqual([
      { principal: 'User:a', id: 'sa-a1', domain: 'orders' },
      { principal: 'User:b', id: 'sa-b1', domain: 'payments' },
    ]);
  });

  it('gives none when nothing is granted', () => {
    expect(resolveServiceAccounts(declared, [])).toEqual({ serviceAccounts: [], issues: [] });
  });

  it('creates the accounts not declared when createServiceAccounts is set, keeping the declared ids', () => {
    const { serviceAccounts, issues } = resolveServiceAccounts({ ...declared, createServiceAccounts: true }, [
      acl(allow('User:c', 'Read', 'Topic', 't'), 'orders', ['r']),
      acl(allow('User:a', 'Read', 'Topic', 't'), 'orders', ['r']),
    ]);
    expect(issues).toEqual([]);
    expect(serviceAccounts).toEqual([
      { principal: 'User:a', id: 'sa-a1', domain: 'orders' },
      { principal: 'User:c', id: null, domain: 'orders' },
    ]);
  });

  it.each([
    [[], 'User:c has no Confluent Cloud service account for its grants'],
    [['one'], 'User:c has no Confluent Cloud service account for its grants (one)'],
    [['two', 'one'], 'User:c has no Confluent Cloud service account for its grants (one; two)'],
    [['c3', 'a1', 'b2'], 'User:c has no Confluent Cloud service account for its grants (a1; b2; and 1 more)'],
    [['e', 'd', 'c', 'b', 'a'], 'User:c has no Confluent Cloud service account for its grants (a; b; and 3 more)'],
  ])('reports a principal without an account, who needs it %j, and leaves it out', (neededBy, message) => {
    const { serviceAccounts, issues } = resolveServiceAccounts(declared, [
      acl(allow('User:c', 'Read', 'Topic', 't'), 'orders', neededBy),
      acl(allow('User:a', 'Read', 'Topic', 't'), 'orders', ['r']),
    ]);
    expect(serviceAccounts).toEqual([{ principal: 'User:a', id: 'sa-a1', domain: 'orders' }]);
    expect(issues).toEqual([
      {
        path: 'confluent.serviceAccounts["User:c"]',
        code: 'confluent-service-account-missing',
        message,
        hint: "add 'User:c': 'sa-…' to confluent.serviceAccounts, or set confluent.createServiceAccounts: true",
      },
    ]);
  });

  it('collects who needs it across every grant of the principal, without repeats', () => {
    const { issues } = resolveServiceAccounts(declared, [
      acl(allow('User:c', 'Read', 'Topic', 't'), 'orders', ['y']),
      acl(allow('User:c', 'Describe', 'Topic', 't'), 'orders', ['x', 'y']),
    ]);
    expect(issues.map((i) => i.message)).toEqual(['User:c has no Confluent Cloud service account for its grants (x; y)']);
  });
});
