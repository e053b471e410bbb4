/**
 * The small pure modules of model/ that the layers above use everywhere but whose own behaviour no unit test pinned
 * (mutation testing found them uncovered from test/model): canonical JSON, vocabulary rendering, issue paths, the
 * provider secrets of each authentication mechanism, a stack's slice of a Topology and its resource counts.
 */
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../model/canonical-json';
import { compare, sortByKey } from '../../model/compare';
import { isObject } from '../../model/json-object';
import { formatIssue, formatPath, fromZod, hasErrors, joinPath, prefixIssues } from '../../model/issues';
import { authSchema, providerSecrets } from '../../model/schema/auth';
import { domainPart, sliceTopology, stackName } from '../../model/slice';
import { stackResources } from '../../model/stack-resources';
import type { Topology } from '../../model/topology';
import { oneOf } from '../../model/vocabulary';
import { z } from 'zod';

describe('canonicalString', () => {
  it('sorts keys at every level, keeps array order, and copies only unsorted objects', () => {
    expect(canonicalString({ b: 1, a: { d: 1, c: [{ z: 1, y: 2 }, 3] } })).toBe('{"a":{"c":[{"y":2,"z":1},3],"d":1},"b":1}');
    const sorted = { a: 1, b: 2, c: 3 };
    expect(canonicalString(sorted)).toBe('{"a":1,"b":2,"c":3}');
    expect(canonicalString({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalString({ a: 1, c: 2, b: 3 })).toBe('{"a":1,"b":3,"c":2}');
  });

  it('indents when asked, and passes null, strings and numbers through', () => {
    expect(canonicalString({ b: null, a: 'x' }, 2)).toBe('{\n  "a": "x",\n  "b": null\n}');
    expect(canonicalString([2, 1])).toBe('[2,1]');
    expect(canonicalString('s')).toBe('"s"');
    expect(canonicalString(null)).toBe('null');
  });

  it('passes a string of more than ten characters through whole (its index keys "9" and "10" are out of order)', () => {
    expect(canonicalString('abcdefghijk')).toBe('"abcdefghijk"');
  });
});

describe('oneOf', () => {
  it('quotes and joins a vocabulary for messages', () => {
    expect(oneOf([])).toBe('');
    expect(oneOf(['a'])).toBe('"a"');
    expect(oneOf(['a', 'b'])).toBe('"a" or "b"');
    expect(oneOf(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});

describe('issue paths and formatting', () => {
  it('formats property names, indexes and keys that are not identifiers', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['consumerGroups', 1, 'deadLetter', 'partitions'])).toBe('consumerGroups[1].deadLetter.partitions');
    expect(formatPath(['config', 'retention.ms'])).toBe('config["retention.ms"]');
    expect(formatPath([0, 'name'])).toBe('[0].name');
    expect(formatPath(['$ref', '_x', 'a1'])).toBe('$ref._x.a1');
    expect(formatPath(['1a'])).toBe('["1a"]');
  });

  it('joins a parent and a child path', () => {
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('a', '')).toBe('a');
    expect(joinPath('a', 'b')).toBe('a.b');
    expect(joinPath('a', '[0]')).toBe('a[0]');
    expect(
      prefixIssues('topics[2]', [
        { path: 'key.reason', code: 'c', message: 'm' },
        { path: '', code: 'c', message: 'm' },
      ]).map((i) => i.path),
    ).toEqual(['topics[2].key.reason', 'topics[2]']);
  });

  it("turns zod's issues into ours, under a parent path", () => {
    const result = z.strictObject({ a: z.array(z.number()) }).safeParse({ a: [1, 'x'] });
    if (result.success) throw new Error('expected a failure');
    expect(fromZod(result.error, 'topics[0]')).toEqual([
      { path: 'topics[0].a[1]', code: 'schema-invalid_type', message: 'Invalid input: expected number, received string' },
    ]);
    expect(fromZod(result.error)[0]?.path).toBe('a[1]');
  });

  it('prints an issue with its path and hint, and counts only errors as errors', () => {
    expect(formatIssue({ path: 'key.reason', code: 'c', message: 'is empty', hint: 'say why' })).toBe('key.reason: is empty (say why)');
    expect(formatIssue({ path: '', code: 'c', message: 'is empty' })).toBe('is empty');
    expect(hasErrors([{ path: '', code: 'c', message: 'm', severity: 'warning' }])).toBe(false);
    expect(
      hasErrors([
        { path: '', code: 'c', message: 'm', severity: 'warning' },
        { path: '', code: 'c', message: 'm' },
      ]),
    ).toBe(true);
    expect(hasErrors([{ path: '', code: 'c', message: 'm', severity: 'error' }])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});

describe('providerSecrets', () => {
  const names = (auth: Parameters<typeof authSchema.parse>[0]): string[] =>
    providerSecrets(authSchema.parse(auth)).map(
      (s) => `${s.attribute} ${s.environmentVariable} ${s.variable}${s.sensitive ? ' sensitive' : ''}${s.optional ? ' optional' : ''}`,
    );

  it('defaults to SCRAM-SHA-512 over TLS with secrets from the environment', () => {
    expect(authSchema.parse({})).toEqual({ mechanism: 'scram-sha512', tls: true, secrets: 'environment' });
  });

  it.each([
    [{ mechanism: 'none', tls: false }, []],
    [{ mechanism: 'none', tls: true }, []],
    [
      { mechanism: 'scram-sha256', tls: false },
      ['sasl_username KAFKA_SASL_USERNAME kafka_sasl_username', 'sasl_password KAFKA_SASL_PASSWORD kafka_sasl_password sensitive'],
    ],
    [
      { mechanism: 'scram-sha512' },
      [
        'sasl_username KAFKA_SASL_USERNAME kafka_sasl_username',
        'sasl_password KAFKA_SASL_PASSWORD kafka_sasl_password sensitive',
        'ca_cert KAFKA_CA_CERT kafka_ca_cert optional',
      ],
    ],
    [
      { mechanism: 'oauthbearer' },
      [
        'sasl_username KAFKA_SASL_USERNAME kafka_sasl_username',
        'sasl_password KAFKA_SASL_PASSWORD kafka_sasl_password sensitive',
        'sasl_token_url KAFKA_SASL_TOKEN_URL kafka_sasl_token_url',
        'ca_cert KAFKA_CA_CERT kafka_ca_cert optional',
      ],
    ],
    [
      { mechanism: 'mtls' },
      [
        'ca_cert KAFKA_CA_CERT kafka_ca_cert optional',
        'client_cert KAFKA_CLIENT_CERT kafka_client_cert',
        'client_key KAFKA_CLIENT_KEY kafka_client_key sensitive',
      ],
    ],
  ] as const)('%j needs %j', (auth, expected) => {
    expect(names(auth)).toEqual(expected);
  });
});

/** A Topology with two domains' worth of each list; only the fields slicing and counting read. */
function topology(quotas = true): Topology {
  const acl = (domain: string, id: string) => ({ domain, id });
  return {
    environment: { name: 'prod' },
    domains: [{ name: 'orders' }, { name: 'search' }, { name: 'billing' }],
    topics: [
      { name: 'orders.a', domain: 'orders' },
      { name: 'search.a', domain: 'search' },
      { name: 'orders.b', domain: 'orders' },
    ],
    consumerGroups: [
      { groupId: 'search.g', domain: 'search' },
      { groupId: 'orders.g', domain: 'orders' },
    ],
    producers: [
      { service: 'p1', topic: { domain: 'orders', event: 'a' } },
      { service: 'p2', topic: { domain: 'search', event: 'a' } },
    ],
    acls: [acl('orders', '1'), acl('search', '2'), acl('orders', '3'), acl('billing', '4')],
    ...(quotas
      ? {
          quotas: [
            { principal: 'User:a', domain: 'orders', producerByteRate: { value: 1, explanation: '' }, consumerByteRate: null },
            { principal: 'User:b', domain: 'search', producerByteRate: null, consumerByteRate: null },
            { principal: 'User:c', domain: 'search', producerByteRate: null, consumerByteRate: { value: 1, explanation: '' } },
          ],
        }
      : {}),
  } as unknown as Topology;
}

const names = (t: Topology): Record<string, string[]> => ({
  domains: t.domains.map((d) => d.name),
  topics: t.topics.map((x) => x.name),
  groups: t.consumerGroups.map((g) => g.groupId),
  producers: t.producers.map((p) => p.service),
  acls: t.acls.map((a) => a.id),
  quotas: (t.quotas ?? []).map((q) => q.principal),
});

describe('sliceTopology', () => {
  it('returns the Topology itself without a domain set', () => {
    const t = topology();
    expect(sliceTopology(t, undefined)).toBe(t);
  });

  it('cuts one domain (a producer belongs to its topic’s domain), lists in Topology order', () => {
    expect(names(sliceTopology(topology(), new Set(['orders'])))).toEqual({
      domains: ['orders'],
      topics: ['orders.a', 'orders.b'],
      groups: ['orders.g'],
      producers: ['p1'],
      acls: ['1', '3'],
      quotas: ['User:a'],
    });
    expect(names(sliceTopology(topology(), new Set(['search'])))).toEqual({
      domains: ['search'],
      topics: ['search.a'],
      groups: ['search.g'],
      producers: ['p2'],
      acls: ['2'],
      quotas: ['User:b', 'User:c'],
    });
  });

  it('gives empty lists for a domain the Topology lacks, and no quotas where it has none', () => {
    expect(names(sliceTopology(topology(), new Set(['nope'])))).toEqual({ domains: [], topics: [], groups: [], producers: [], acls: [], quotas: [] });
    const sliced = sliceTopology(topology(false), new Set(['orders']));
    expect('quotas' in sliced).toBe(false);
    expect('quotas' in sliceTopology(topology(false), new Set(['orders', 'search']))).toBe(false);
  });

  it('cuts several domains by filtering, the same way', () => {
    expect(names(sliceTopology(topology(), new Set(['orders', 'billing'])))).toEqual({
      domains: ['orders', 'billing'],
      topics: ['orders.a', 'orders.b'],
      groups: ['orders.g'],
      producers: ['p1'],
      acls: ['1', '3', '4'],
      quotas: ['User:a'],
    });
    expect(sliceTopology(topology(), new Set(['orders', 'billing'])).environment).toEqual({ name: 'prod' });
  });

  it('answers domainPart from the same index, and nothing for an unknown domain', () => {
    const t = topology();
    expect(domainPart(t, 'search').acls.map((a) => a.id)).toEqual(['2']);
    expect(domainPart(t, 'search')).toBe(domainPart(t, 'search'));
    expect(domainPart(t, 'nope')).toEqual({ domains: [], topics: [], consumerGroups: [], producers: [], acls: [], quotas: [], scramCredentials: [] });
  });

  it('names stacks <env> or <env>-<domain>', () => {
    expect(stackName('prod', 'environment', 'orders')).toBe('prod');
    expect(stackName('prod', 'domain', 'orders')).toBe('prod-orders');
    expect(stackName('prod', 'domain')).toBe('prod');
  });
});

describe('stackResources', () => {
  it('counts topics, ACLs and quotas with a rate per stack of the domain layout, sorted by stack', () => {
    expect(stackResources(topology(), 'domain')).toEqual([
      { stack: 'prod-billing', domains: ['billing'], topics: 0, acls: 1, quotas: 0, credentials: 0, total: 1 },
      { stack: 'prod-orders', domains: ['orders'], topics: 2, acls: 2, quotas: 1, credentials: 0, total: 5 },
      { stack: 'prod-search', domains: ['search'], topics: 1, acls: 1, quotas: 1, credentials: 0, total: 3 },
    ]);
  });

  it('puts every domain in one stack for the environment layout', () => {
    expect(stackResources(topology(), 'environment')).toEqual([
      { stack: 'prod', domains: ['billing', 'orders', 'search'], topics: 3, acls: 4, quotas: 2, credentials: 0, total: 9 },
    ]);
    expect(stackResources(topology(false), 'environment')[0]?.quotas).toBe(0);
  });

  it('counts a SCRAM credential in its domain’s stack and in the total', () => {
    const withCredential = { ...topology(), scramCredentials: [{ domain: 'billing' }] } as unknown as Topology;
    expect(stackResources(withCredential, 'domain')[0]).toEqual({
      stack: 'prod-billing',
      domains: ['billing'],
      topics: 0,
      acls: 1,
      quotas: 0,
      credentials: 1,
      total: 2,
    });
  });
});

describe('isObject', () => {
  it('accepts a parsed JSON object and refuses null, arrays and scalars, which readers of outputs and plans must not index', () => {
    expect(isObject({})).toBe(true);
    expect(isObject(JSON.parse('{"a":1}'))).toBe(true);
    for (const value of [null, undefined, [], [1], 'x', 1, true]) expect(isObject(value)).toBe(false);
  });
});

describe('compare', () => {
  it('orders names by code unit whatever the locale (capitals before lower case, a prefix first), and equal names as equal', () => {
    expect(compare('a', 'b')).toBe(-1);
    expect(compare('b', 'a')).toBe(1);
    expect(compare('orders', 'orders')).toBe(0);
    expect(['b', 'a1', 'B', 'a', 'é', 'z'].sort(compare)).toEqual(['B', 'a', 'a1', 'b', 'z', 'é']);
  });

  it('sortByKey orders items by their key in the same order, keeps items with equal keys as given, and leaves the input alone', () => {
    const items = [
      { key: 'b', n: 1 },
      { key: 'B', n: 2 },
      { key: 'a', n: 3 },
      { key: 'b', n: 4 },
      { key: 'é', n: 5 },
      { key: 'a', n: 6 },
    ];
    expect(sortByKey(items, (i) => i.key).map((i) => i.n)).toEqual([2, 3, 6, 1, 4, 5]);
    expect(items.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
