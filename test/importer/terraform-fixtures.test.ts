/**
 * Adoption of the real tool outputs in ../shared/fixtures (kafka-cli, kcat), through the real terraform and the
 * provider double: every `topics-describe-*`, `kcat*` / `kafkacat*` and `acls-*` sample, the describe/configs pairs
 * that belong together, and all of them at once, imported under the repository's `dev` and `prod` environments. The
 * double's cluster is seeded with exactly what the sample shows (test/double/seed-from-tools.ts, read from the parsers,
 * independently of the importer's merging), the generated files are loaded and synthesized with the generated adopt
 * list, and terraform's first plan must be imports only: every non-internal topic and every ACL imported, 0 to add,
 * 0 to change, 0 to destroy — and the import summary must have predicted exactly that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments } from '../../environments';
import { runImport, type ImportInputs, type InputFile } from '../../importer';
import { isInternalTopic } from '../../model/naming';
import type { EnvironmentInput } from '../../model/schema';
import { clusterSeedFromToolOutput } from '../double/seed-from-tools';
import { describeWithTerraform } from '../double/terraform-suite';
import { createTerraformWorkspace, type TerraformWorkspace } from '../../scripts/terraform/workspace';
import { describeWithSharedFixtures, shared, sharedFiles } from './helpers/fixtures';
import { sharedRequirement } from '../helpers/requirements';
import { CONSTRUCTS_MODULE, loadGenerated, synthDomains } from './helpers/load-generated';

const VARS = { kafka_bootstrap_servers: ['broker-1.example.com:9092'] };
const input = (folder: string, file: string): InputFile => ({ file: `${folder}/${file}`, text: shared(`${folder}/${file}`) });
const all = (folder: string, ...prefixes: string[]): InputFile[] => prefixes.flatMap((p) => sharedFiles(folder, p)).map((f) => input(folder, f));

interface Case {
  readonly title: string;
  readonly inputs: ImportInputs;
}

function cases(): Case[] {
  const describes = all('kafka-cli', 'topics-describe-');
  const kcats = all('kcat', 'kcat', 'kafkacat');
  const acls = all('kafka-cli', 'acls-');
  const demo = input('kafka-cli', 'topics-describe-confluent-offline-column-vdesabou.txt');
  return [
    ...describes.map((f) => ({ title: f.file, inputs: { topicsDescribe: [f] } })),
    ...kcats.map((f) => ({ title: f.file, inputs: { kcat: [f] } })),
    ...acls.map((f) => ({ title: f.file, inputs: { acls: [f] } })),
    // The same topic `demo` described by kafka-topics and by kafka-configs (vdesabou's cluster-linking write-up).
    {
      title: 'kafka-topics + kafka-configs (overrides only) of topic demo',
      inputs: { topicsDescribe: [demo], configs: [input('kafka-cli', 'configs-describe-dynamic-topic-single-vdesabou.txt')] },
    },
    {
      title: 'kafka-topics + kafka-configs of the mirror topic demo (kafka-configs knows four overrides)',
      inputs: { topicsDescribe: [demo], configs: [input('kafka-cli', 'configs-describe-dynamic-topic-multi-vdesabou.txt')] },
    },
    // vradnit's homework: the topic `home` and the ACLs set on it.
    {
      title: 'kafka-topics and kafka-acls of topic home',
      inputs: {
        topicsDescribe: [input('kafka-cli', 'topics-describe-topicid-empty-configs-tabs-vradnit.txt')],
        acls: acls.filter((a) => a.file.includes('vradnit')),
      },
    },
    { title: 'every sample at once', inputs: { topicsDescribe: describes, kcat: kcats, acls, configs: all('kafka-cli', 'configs-describe-') } },
  ];
}

const texts = (files: readonly InputFile[] | undefined): string[] => (files ?? []).map((f) => f.text);
const SHARED_PRESENT = sharedRequirement('fixtures').missing === undefined;

describeWithSharedFixtures('adopting the real tool outputs of ../shared/fixtures', () => {
  describeWithTerraform("terraform's first plan against the double seeded with what the output shows", () => {
    for (const name of ['dev', 'prod']) {
      const environment = environments.find((e) => e.name === name) as EnvironmentInput;
      describe(`--env ${name}`, () => {
        // One double and one initialised workspace per environment: each case writes its stack and cluster and plans;
        // nothing is applied, so the cases cannot see each other.
        let workspace: TerraformWorkspace | undefined;
        beforeAll(async () => {
          workspace = await createTerraformWorkspace({ route: 'reattach', json: synthDomains([], environment), vars: VARS });
          await workspace.init();
        });
        afterAll(() => workspace?.dispose());

        // Vitest collects a skipped group's body too; without ../shared there are no cases to list (the group skips).
        for (const c of SHARED_PRESENT ? cases() : []) {
          it(`imports only: ${c.title}`, async () => {
            if (workspace === undefined) throw new Error('the terraform workspace did not start');
            const result = runImport({ inputs: c.inputs, environment, generate: { constructsModule: CONSTRUCTS_MODULE } });
            if ('error' in result) throw new Error(result.error);
            const seed = clusterSeedFromToolOutput({
              topicsDescribe: texts(c.inputs.topicsDescribe),
              kcat: texts(c.inputs.kcat),
              configs: texts(c.inputs.configs),
              acls: texts(c.inputs.acls),
            });
            // Everything the output shows is adopted, except Kafka's and platform components' internal topics.
            expect(result.plan.adopt.topics).toEqual(
              Object.keys(seed.topics ?? {})
                .filter((t) => !isInternalTopic(t))
                .sort(),
            );
            expect(result.plan.adopt.acls).toHaveLength(seed.acls?.length ?? 0);
            // The summary predicts imports only.
            expect(result.plan.firstPlan.updates).toEqual([]);
            expect(result.plan.firstPlan.creates).toEqual([]);
            expect(result.summary).toMatch(/^first terraform plan: .*nothing created, changed, replaced or deleted$/m);

            const loaded = await loadGenerated(result.files, environment.name);
            try {
              workspace.writeStack(synthDomains(Object.values(loaded.domains), environment, loaded.adopt));
            } finally {
              loaded.dispose();
            }
            workspace.writeCluster(seed);
            // terraform's own count says it all: an import that also updates counts as "to change" too.
            const planned = await workspace.plan({ out: null });
            const imports = result.plan.adopt.topics.length + result.plan.adopt.acls.length;
            expect(/^(Plan: .*|No changes\. .*)$/m.exec(planned.stdout)?.[0] ?? planned.stdout.trim()).toBe(
              imports === 0 ? 'No changes. Your infrastructure matches the configuration.' : `Plan: ${imports} to import, 0 to add, 0 to change, 0 to destroy.`,
            );
          });
        }
      });
    }
  });
});
