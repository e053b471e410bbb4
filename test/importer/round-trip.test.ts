/**
 * Round trip: declarations → synth → the cluster as the Kafka tools print it → import → generated TypeScript → synth.
 * The kafka_topic and kafka_acl resources must come out identical (addresses and attributes), and the generated adopt
 * list must cover every one of them, so the first plan on that cluster imports everything and creates nothing.
 */
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type { Domain } from '../../constructs';
import { runImport, type ImportInputs } from '../../importer';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { environments } from '../../environments';
import { DEV, PROD } from '../helpers/synth';
import { billing } from './helpers/billing-domain';
import { CONSTRUCTS_MODULE, kafkaResources, loadGenerated, synthDomains } from './helpers/load-generated';
import { aclsOf, renderAclsList, renderConfigsDescribe, renderKcat, renderTopicsDescribe, topicsOf, type StackResources } from './helpers/render-cluster';

type Declarer = (scope: Construct) => Domain;

const cases: ReadonlyArray<{ readonly title: string; readonly declarers: readonly Declarer[] }> = [
  { title: 'the seed examples (orders, search)', declarers: [orders, search] },
  { title: 'the seed examples and a hand-built domain with every awkward case', declarers: [orders, search, billing] },
];

const inputVariants: ReadonlyArray<{ readonly title: string; readonly inputs: (stack: StackResources) => ImportInputs }> = [
  {
    title: 'kafka-topics --describe and kafka-acls --list',
    inputs: (stack) => ({
      topicsDescribe: [{ file: 'describe.txt', text: renderTopicsDescribe(topicsOf(stack)) }],
      acls: [{ file: 'acls.txt', text: renderAclsList(aclsOf(stack)) }],
    }),
  },
  {
    title: 'kcat -L -J, kafka-configs --describe and kafka-acls --list',
    inputs: (stack) => ({
      kcat: [{ file: 'kcat.json', text: renderKcat(topicsOf(stack)) }],
      configs: [{ file: 'configs.txt', text: renderConfigsDescribe(topicsOf(stack)) }],
      acls: [{ file: 'acls.txt', text: renderAclsList(aclsOf(stack)) }],
    }),
  },
];

describe('round trip: declarations → synth → tool output → import → synth', () => {
  // The test environments, and the repository's own (dev scales replay windows, staging prefixes topic names).
  // Not an aws-iam environment: its access is IAM policies, which no Kafka tool lists and import does not adopt
  // (docs/msk-iam.md); its clients cannot be recovered from ACLs it does not have. Not a confluent-cloud environment
  // either: it renders confluent_kafka_* resources, and import writes only the Mongey provider's (docs/confluent-cloud.md).
  for (const environment of [
    DEV,
    PROD,
    ...environments.filter((e) => e.auth?.mechanism !== 'aws-iam' && e.platform !== 'confluent-cloud').map((e) => ({ ...e, name: `${e.name}-repo` })),
  ]) {
    for (const c of cases) {
      for (const variant of inputVariants) {
        it(`gives the same topics and ACLs for ${c.title}, from ${variant.title} (${environment.name})`, async () => {
          const original = synthDomains(c.declarers, environment);
          const result = runImport({ inputs: variant.inputs(original), environment, generate: { constructsModule: CONSTRUCTS_MODULE } });
          if ('error' in result) throw new Error(result.error);
          expect(result.plan.findings.filter((f) => f.level === 'error')).toEqual([]);
          expect(result.plan.unmanagedTopics).toEqual([]);
          expect(result.plan.firstPlan.creates).toEqual([]);
          // Every value a tool shows is kept (kafka-topics alone cannot tell an override from an inherited broker
          // setting, so it keeps both), so the first plan changes nothing.
          expect(result.plan.firstPlan.updates).toEqual([]);

          const loaded = await loadGenerated(result.files, environment.name);
          try {
            const imported = synthDomains(Object.values(loaded.domains), environment, loaded.adopt);
            const before = kafkaResources(original);
            const after = kafkaResources(imported);
            expect(Object.keys(after.topics)).toEqual(Object.keys(before.topics));
            expect(after.topics).toEqual(before.topics);
            expect(Object.keys(after.acls)).toEqual(Object.keys(before.acls));
            expect(after.acls).toEqual(before.acls);
            // Every resource is adopted: one import block each.
            const imports = (imported.import ?? []) as Array<{ to: string; id: string }>;
            expect(imports).toHaveLength(Object.keys(before.topics).length + Object.keys(before.acls).length);
          } finally {
            loaded.dispose();
          }
        });
      }
    }
  }
});
