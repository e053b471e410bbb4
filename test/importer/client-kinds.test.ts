/**
 * Import recognises Kafka Streams internal topics and Kafka Connect storage topics and sink groups: they are left on
 * the cluster with the declaration to write instead, never adopted as loose event topics of `unassigned`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseClientTopics } from '../../importer/plan/client-kinds';
import { planImport } from '../../importer/plan/plan';
import type { ImportPlan } from '../../importer/plan/types';
import { DEV } from '../helpers/synth';
import { acl, consumerAcls, snapshot, topic } from './helpers/snapshot-builders';

const COMPACT = { 'cleanup.policy': 'compact' };

function plan(...args: Parameters<typeof snapshot>): ImportPlan {
  const result = planImport(snapshot(...args), { environment: DEV });
  if ('error' in result) throw new Error(result.error);
  return result;
}
const unmanaged = (p: ImportPlan) => Object.fromEntries(p.unmanagedTopics.map((t) => [t.name, t.reason]));
const adoptedTopics = (p: ImportPlan) => [...p.adopt.topics].sort();
const findings = (p: ImportPlan, code: string) => p.findings.filter((f) => f.code === code);

/** What a Streams application `orders.order-totals` holds, as the Kafka Streams security guide lists it. */
const STREAMS_ACLS = [
  acl('User:order-totals', 'Read', 'Topic', 'orders.order-created'),
  acl('User:order-totals', 'All', 'Topic', 'orders.order-totals', { patternType: 'Prefixed' }),
  acl('User:order-totals', 'Read', 'Group', 'orders.order-totals'),
  acl('User:order-totals', 'Write', 'TransactionalID', 'orders.order-totals', { patternType: 'Prefixed' }),
];
const STREAMS_TOPICS = [
  topic('orders.order-created', 6, 1),
  topic('orders.order-totals-totals-by-customer-changelog', 6, 1, COMPACT),
  topic('orders.order-totals-KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition', 6, 1),
];

describe('import: Kafka Streams applications', () => {
  it('leaves the internal topics on the cluster, naming the application.id its ACLs prove, instead of adopting them as event topics', () => {
    const p = plan(STREAMS_TOPICS, STREAMS_ACLS);
    expect(adoptedTopics(p)).toEqual(['orders.order-created']);
    const reasons = unmanaged(p);
    for (const name of STREAMS_TOPICS.slice(1).map((t) => t.name)) {
      expect(reasons[name]).toContain('an internal topic of Kafka Streams application "orders.order-totals"');
      expect(reasons[name]).toContain("read from User:order-totals's Prefixed Topic ACL and Group READ");
      expect(reasons[name]).toContain('domain.addStreamsApplication');
    }
    const [found] = findings(p, 'streams-application-inferred');
    expect(found).toMatchObject({ level: 'warning', subject: 'orders.order-totals' });
    expect(found?.message).toContain("applicationId: 'orders.order-totals'");
  });

  it('says the id is to be checked when the principal has no Group READ on it, or when no ACL names it at all', () => {
    const noGroup = plan(
      STREAMS_TOPICS,
      STREAMS_ACLS.filter((a) => a.resourceType !== 'Group'),
    );
    expect(findings(noGroup, 'streams-application-inferred')[0]?.message).toContain('has no Group READ on "orders.order-totals": check the id');
    const noAcls = recogniseClientTopics(snapshot(STREAMS_TOPICS));
    // Generated operator names give the id away; a named store is a guess up to its last segment.
    expect(noAcls.findings.map((f) => f.subject).sort()).toEqual(['orders.order-totals', 'orders.order-totals-totals-by']);
    for (const f of noAcls.findings) expect(f.message).toContain('guessed from the topic name');
  });

  it('leaves topics that only look like event topics alone when nothing else fits (no -changelog / -repartition suffix)', () => {
    expect(recogniseClientTopics(snapshot([topic('orders.order-created', 6, 1)], STREAMS_ACLS)).reasons.size).toBe(0);
  });
});

describe('import: Kafka Connect', () => {
  const CONNECT = [
    topic('search.indexing.connect-configs', 1, 1, COMPACT),
    topic('search.indexing.connect-offsets', 25, 1, COMPACT),
    topic('search.indexing.connect-status', 5, 1, COMPACT),
  ];
  const WORKER_ACLS = [
    acl('User:search-connect', 'Read', 'Group', 'search.indexing'),
    ...CONNECT.flatMap((t) => [acl('User:search-connect', 'Read', 'Topic', t.name), acl('User:search-connect', 'Write', 'Topic', t.name)]),
  ];

  it("recognises the three compacted storage topics and the workers' group id; declares the cluster when its ACLs are all there (client-declarations.test.ts)", () => {
    const p = plan([topic('search.document-changed', 12, 1, COMPACT), ...CONNECT], WORKER_ACLS);
    expect(adoptedTopics(p)).toEqual(['search.document-changed', ...CONNECT.map((t) => t.name)].sort());
    expect(p.domains.flatMap((d) => (d.connectClusters ?? []).map((c) => `${c.domain}.${c.name}`))).toEqual(['search.indexing']);
    expect(findings(p, 'connect-cluster-declared')).toMatchObject([{ level: 'info', subject: 'search.indexing' }]);
  });

  it('adopts the storage topics as event topics (round trip) with a comment saying what to declare, when declaring the cluster would create an ACL', () => {
    // The workers may not write the status topic: a declared cluster would grant it, so the cluster is not declared.
    const p = plan([topic('search.document-changed', 12, 1, COMPACT), ...CONNECT], WORKER_ACLS.slice(0, -1));
    expect(adoptedTopics(p)).toEqual(['search.document-changed', ...CONNECT.map((t) => t.name)].sort());
    const notes = new Map(p.domains.flatMap((d) => d.topics.map((t) => [t.name, t.notes.join('\n')] as const)));
    for (const t of CONNECT) {
      expect(notes.get(t.name)).toContain('a storage topic of a Kafka Connect cluster (worker group.id "search.indexing"');
      expect(notes.get(t.name)).toContain('search.indexing.connect-offsets 25 partition(s)');
      expect(notes.get(t.name)).toContain('domain.addConnectCluster');
    }
    expect(notes.get('search.document-changed')).not.toContain('Kafka Connect');
    expect(findings(p, 'connect-cluster-inferred')).toMatchObject([{ subject: 'search.indexing' }]);
  });

  it("reads kafka-gitops' connect-<kind>-<cluster> names, and says when the group id cannot be told", () => {
    const gitops = ['connect-configs-test-connect-cluster', 'connect-offsets-test-connect-cluster', 'connect-status-test-connect-cluster'].map((n) =>
      topic(n, 1, 1, COMPACT),
    );
    const r = recogniseClientTopics(snapshot(gitops));
    expect([...r.notes.keys()].sort()).toEqual(gitops.map((t) => t.name));
    expect(r.findings[0]?.message).toContain('worker group.id unknown (no Group ACL of its principal)');
  });

  it('needs all three, compacted: one compacted "status" topic or deleting storage names are no evidence', () => {
    expect(recogniseClientTopics(snapshot([topic('billing.connect-status', 5, 1, COMPACT)])).notes.size).toBe(0);
    expect(recogniseClientTopics(snapshot(CONNECT.map((t) => ({ ...t, overrides: {} })))).notes.size).toBe(0);
  });

  it('marks a connect-<name> group as a probable sink connector, kept as a consumer group until someone checks', () => {
    const p = plan([topic('search.document-changed', 12, 1, COMPACT)], consumerAcls('User:document-sink', 'connect-document-index', 'search.document-changed'));
    const [found] = findings(p, 'sink-connector-inferred');
    expect(found?.subject).toBe('document-index');
    expect(found?.message).toContain("addSinkConnector('document-index'");
    expect(found?.message).toContain('reads search.document-changed');
  });
});

describe('import: what real users write (../shared/fixtures, read in place)', () => {
  const SHARED = path.resolve(__dirname, '../../../shared/fixtures/kafka-gitops/plans/kafka-connect-service-apply-output.txt');
  const present = fs.existsSync(SHARED);
  it.skipIf(!present)(`recognises the storage topics kafka-gitops names for a Connect service${present ? '' : ' (skipped: ../shared is absent)'}`, () => {
    const text = fs.readFileSync(SHARED, 'utf8');
    // kafka-gitops creates ACLs on connect-<kind>-<cluster> topics; a cluster that ran it has those topics, compacted.
    const names = [...new Set([...text.matchAll(/resource_name: (connect-(?:configs|offsets|status)-\S+)/g)].map((m) => m[1] ?? ''))].sort();
    expect(names).toHaveLength(3);
    const r = recogniseClientTopics(snapshot(names.map((n) => topic(n, 1, 3, COMPACT))));
    expect([...r.notes.keys()].sort()).toEqual(names);
  });
});
