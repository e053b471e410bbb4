/** What nobody declared: grouping by likely owner, internal topics apart, and `--only` adopting exactly what is listed. */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../importer';
import { compileDomainPattern, DEFAULT_DOMAIN_PATTERN } from '../../importer/naming';
import { buildSnapshot } from '../../importer/snapshot';
import { claimsOf, findUndeclared, selectedByOnly } from '../../importer/undeclared';
import { environmentSchema } from '../../model/schema';
import { orders } from '../../topics/orders';
import { PROD, synthStack } from '../helpers/synth';
import { own } from './helpers/fixtures';

const env = environmentSchema.parse(PROD);
const pattern = compileDomainPattern(DEFAULT_DOMAIN_PATTERN) as RegExp;
const inputs = {
  topicsDescribe: [{ file: 'topics.txt', text: own('handmade/topics-describe.txt') }],
  acls: [{ file: 'acls.txt', text: own('handmade/acls-list.txt') }],
};
const cluster = buildSnapshot(inputs);
const declared = synthStack((s) => void orders(s), PROD).topology;

describe('findUndeclared', () => {
  const report = findUndeclared(cluster, claimsOf([declared]), { env, pattern });

  it('lists every cluster topic and ACL no declaration claims, and nothing a declaration claims', () => {
    const listedTopics = report.owners.flatMap((o) => o.topics.map((t) => t.name));
    const listedAcls = report.owners.flatMap((o) => o.acls.map((a) => a.id));
    const claimedTopics = new Set(declared.topics.map((t) => t.name));
    const claimedAcls = new Set(declared.acls.map((a) => a.id));
    expect(listedTopics.filter((t) => claimedTopics.has(t))).toEqual([]);
    expect(listedAcls.filter((a) => claimedAcls.has(a))).toEqual([]);
    expect(listedTopics.length + report.counts.claimedTopics + report.counts.internalTopics).toBe(cluster.topics.length);
    expect(listedAcls.length + report.counts.claimedAcls).toBe(cluster.acls.length);
    expect(report.internal).toEqual(['__consumer_offsets', '_schemas']);
  });

  it("groups by the domain the name says, else the name's first segment, else (cluster and * ACLs) the principal", () => {
    expect(report.owners.map((o) => o.owner)).toEqual([
      'Payments',
      'analytics',
      'audit',
      'inventory',
      'legacy',
      'order',
      'orders',
      'principal User:CN=Ops Team,O=Acme',
      'principal User:admin',
      'principal User:intern',
      'shipping',
      'syslog',
    ]);
  });

  it('gives each owner an --only pattern that selects exactly its topics and ACLs', () => {
    for (const o of report.owners) {
      const only = new RegExp(o.only);
      const topics = cluster.topics.filter((t) => !claimsOf([declared]).topics.has(t.name) && selectedByOnly(only, t)).map((t) => t.name);
      expect(topics, o.owner).toEqual(o.topics.map((t) => t.name));
      for (const a of o.acls) expect(selectedByOnly(only, a.binding), `${o.owner} ${a.id}`).toBe(true);
    }
  });

  it('counts topics under a prefix the source does not manage apart', () => {
    const r = findUndeclared(cluster, claimsOf([declared]), { env, pattern, ignoredTopicPrefixes: ['inventory.'] });
    expect(r.ignored).toEqual(['inventory.reservations', 'inventory.sku-catalog', 'inventory.stock-adjusted.v2', 'inventory.stock-level']);
    expect(r.owners.flatMap((o) => o.topics.map((t) => t.name)).some((t) => t.startsWith('inventory.'))).toBe(false);
  });
});

describe('topicform import --only', () => {
  it('adopts only what the pattern selects', () => {
    const result = runImport({ inputs, environment: PROD, only: '^(?:inventory\\.stock-level|inventory\\.sku-catalog)$' });
    if ('error' in result) throw new Error(result.error);
    expect(result.plan.adopt.topics).toEqual(['inventory.sku-catalog', 'inventory.stock-level']);
    expect(result.plan.adopt.acls.every((id) => id.includes('|inventory.stock-level|') || id.includes('|inventory.sku-catalog|'))).toBe(true);
  });

  it('refuses a pattern that selects nothing, or is not a regular expression', () => {
    expect(runImport({ inputs, environment: PROD, only: '^nothing$' })).toEqual({
      error: '--only ^nothing$ selects none of the 15 topics and 26 ACLs the inputs show',
    });
    expect(runImport({ inputs, environment: PROD, only: '(' })).toMatchObject({
      error: expect.stringMatching(/^--only: invalid regular expression "\("/) as unknown,
    });
  });
});
