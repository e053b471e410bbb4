/**
 * Round trip for the example's Kafka Streams application (orders.order-totals), Connect cluster (search.indexing) and
 * sink connector (document-index): declarations → synth → the cluster as the Kafka tools print it → import → generated
 * TypeScript → synth. Import must write the three declarations themselves (not consumer groups, producers, legacy
 * ACLs or loose topics), the ACLs those declarations derive must be exactly the ones the cluster holds for their
 * principals, and every import block must point at a resource synth writes, with the provider's id of that resource.
 * Under terraform and the provider double, the first plan imports them and creates or destroys nothing.
 */
import { describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../importer';
import { environments } from '../../environments';
import type { EnvironmentInput } from '../../model/schema';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { describeWithTerraform, withWorkspace } from '../double/terraform-suite';
import { DEV, PROD } from '../helpers/synth';
import { CONSTRUCTS_MODULE, kafkaResources, loadGenerated, synthDomains } from './helpers/load-generated';
import { aclsOf, clusterSeed, renderAclsList, renderConfigsDescribe, renderTopicsDescribe, topicsOf, type StackResources } from './helpers/render-cluster';

/** The principals of the example's Streams application, Connect workers and sink connector (topics/orders.ts, search.ts). */
const CLIENT_PRINCIPALS = ['User:order-totals', 'User:search-connect', 'User:search-document-sink'];
const VARS = { kafka_bootstrap_servers: ['broker-1.example.com:9092'] };

type Body = Record<string, unknown>;
const principalOf = (body: Body): string => String(body.acl_principal);
const aclImportId = (b: Body): string =>
  [b.acl_principal, b.acl_host, b.acl_operation, b.acl_permission_type, b.resource_type, b.resource_name, b.resource_pattern_type_filter].join('|');

function importCluster(environment: EnvironmentInput): { original: StackResources; result: ImportResult } {
  const original = synthDomains([orders, search], environment) as StackResources;
  const topics = topicsOf(original);
  const result = runImport({
    inputs: {
      topicsDescribe: [{ file: 'describe.txt', text: renderTopicsDescribe(topics) }],
      configs: [{ file: 'configs.txt', text: renderConfigsDescribe(topics) }],
      acls: [{ file: 'acls.txt', text: renderAclsList(aclsOf(original)) }],
    },
    environment,
    generate: { constructsModule: CONSTRUCTS_MODULE },
  });
  if ('error' in result) throw new Error(result.error);
  return { original, result };
}

describe('round trip of Kafka Streams, Connect and a sink connector: synth → tool output → import → synth', () => {
  // Not an aws-iam environment: its access is IAM policies, which no Kafka tool lists and import does not adopt
  // (docs/msk-iam.md); its clients cannot be recovered from ACLs it does not have. Not a confluent-cloud environment
  // either: it renders confluent_kafka_* resources, and import writes only the Mongey provider's (docs/confluent-cloud.md).
  for (const environment of [
    DEV,
    PROD,
    ...environments.filter((e) => e.auth?.mechanism !== 'aws-iam' && e.platform !== 'confluent-cloud').map((e) => ({ ...e, name: `${e.name}-repo` })),
  ]) {
    it(`declares them, with exactly the cluster's ACLs and import blocks at the synthesized addresses (${environment.name})`, async () => {
      const { original, result } = importCluster(environment);
      const { plan } = result;
      const prefix = (environment as { topicPrefix?: string }).topicPrefix ?? '';
      expect(plan.findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(plan.domains.flatMap((d) => (d.streamsApplications ?? []).map((a) => `${a.domain}/${a.name}/${a.processingGuarantee}`))).toEqual([
        'orders/order-totals/exactly_once_v2',
      ]);
      expect(plan.domains.flatMap((d) => (d.connectClusters ?? []).map((c) => `${c.domain}/${c.name}:${c.sinks.map((k) => k.name).join()}`))).toEqual([
        'search/indexing:document-index',
      ]);
      // Nothing of theirs is read as something else.
      const others = plan.domains.flatMap((d) => [
        ...d.groups.map((g) => g.principal),
        ...d.producers.map((p) => p.principal),
        ...d.legacyAcls.map((l) => l.binding.principal),
      ]);
      expect(others.filter((p) => CLIENT_PRINCIPALS.includes(p))).toEqual([]);
      expect(plan.domains.flatMap((d) => d.topics.map((t) => t.name)).filter((n) => n.includes('connect-') || n.endsWith('document-index.dlq'))).toEqual([]);
      expect(plan.firstPlan.creates).toEqual([]);

      const loaded = await loadGenerated(result.files, environment.name);
      try {
        const imported = synthDomains(Object.values(loaded.domains), environment, loaded.adopt);
        const before = kafkaResources(original as Record<string, unknown>);
        const after = kafkaResources(imported);
        // The ACLs the three declarations derive are the cluster's ACLs of their principals: same addresses, same bodies.
        const clientAcls = (acls: Record<string, Body>): Record<string, Body> =>
          Object.fromEntries(Object.entries(acls).filter(([, body]) => CLIENT_PRINCIPALS.includes(principalOf(body))));
        expect(Object.keys(clientAcls(before.acls)).length).toBeGreaterThan(10);
        expect(clientAcls(after.acls)).toEqual(clientAcls(before.acls));
        // Their topics: the storage topics and the sink's dead-letter topic, as the cluster has them.
        const clientTopicNames = [
          'search.indexing.connect-configs',
          'search.indexing.connect-offsets',
          'search.indexing.connect-status',
          'search.document-index.dlq',
        ].map((n) => `${prefix}${n}`);
        const byName = (topics: Record<string, Body>): Record<string, Body> =>
          Object.fromEntries(
            Object.values(topics)
              .filter((t) => clientTopicNames.includes(String(t.name)))
              .map((t) => [String(t.name), t]),
          );
        expect(Object.keys(byName(after.topics)).sort()).toEqual([...clientTopicNames].sort());
        expect(byName(after.topics)).toEqual(byName(before.topics));

        // Every import block points at a resource synth writes, with that resource's provider id; every resource has one.
        const imports = (imported.import ?? []) as Array<{ to: string; id: string }>;
        const resolved = imports.map(({ to, id }) => {
          const [type, address] = to.split('.') as [string, string];
          const body = (type === 'kafka_acl' ? after.acls : after.topics)[address];
          return { to, id, expected: body === undefined ? undefined : type === 'kafka_acl' ? aclImportId(body) : String(body.name) };
        });
        expect(resolved.filter((r) => r.expected !== r.id)).toEqual([]);
        const targets = new Set(imports.map((i) => i.to));
        const clientAddresses = [
          ...Object.keys(clientAcls(after.acls)).map((a) => `kafka_acl.${a}`),
          ...Object.entries(after.topics)
            .filter(([, t]) => clientTopicNames.includes(String(t.name)))
            .map(([a]) => `kafka_topic.${a}`),
        ];
        expect(clientAddresses.filter((a) => !targets.has(a))).toEqual([]);
        expect(imports).toHaveLength(Object.keys(before.topics).length + Object.keys(before.acls).length);
      } finally {
        loaded.dispose();
      }
    });
  }
});

describeWithTerraform('adopting the example Streams application, Connect cluster and sink under terraform and the provider double', () => {
  it('plans only imports for them: no create, update or destroy', async () => {
    const { original, result } = importCluster(PROD);
    const loaded = await loadGenerated(result.files, PROD.name);
    try {
      const json = synthDomains(Object.values(loaded.domains), PROD, loaded.adopt);
      const cluster = clusterSeed(topicsOf(original), aclsOf(original));
      const { plan, summary } = await withWorkspace({ json, cluster, vars: VARS }, async (workspace) => {
        await workspace.init();
        const planned = await workspace.plan();
        return { plan: await workspace.showJson(), summary: /^Plan: .*$/m.exec(planned.stdout)?.[0] ?? planned.stdout };
      });
      const changes = plan.resource_changes ?? [];
      const count = topicsOf(original).length + aclsOf(original).length;
      expect(summary).toBe(`Plan: ${count} to import, 0 to add, 0 to change, 0 to destroy.`);
      const clientChanges = changes.filter((rc) => {
        const after = (rc.change.after ?? {}) as Body;
        return CLIENT_PRINCIPALS.includes(principalOf(after)) || /connect-|document-index\.dlq/.test(String(after.name));
      });
      expect(clientChanges.length).toBeGreaterThan(10);
      expect(clientChanges.filter((rc) => rc.change.importing === undefined || rc.change.actions.join() !== 'no-op').map((rc) => rc.address)).toEqual([]);
    } finally {
      loaded.dispose();
    }
  });
});
