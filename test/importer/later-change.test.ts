/**
 * After adoption, moving a value declared as found to what the rules want is an ordinary reviewed change: the topic
 * imported with replication factor 1 and the broker's min.insync.replicas 1 in production, then declared with 3 and 2,
 * shows in `topicform review` as a replication increase and a min.insync.replicas raise, and in the Terraform JSON as
 * the topic override that is now rendered (the key was left to the broker while the declaration matched it).
 */
import type { Construct } from 'constructs';
import { expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack, type AdoptedResources, type Domain } from '../../constructs';
import { canonicalJson } from '../../cli/write';
import { environments } from '../../environments';
import { runImport } from '../../importer';
import type { EnvironmentInput } from '../../model/schema';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import { CONSTRUCTS_MODULE, loadGenerated } from './helpers/load-generated';

const PROD = environments.find((e) => e.name === 'prod') as EnvironmentInput;
const DESCRIBE =
  'Topic: orders.t1\tTopicId: AAAAAAAAAAAAAAAAAAAAAA\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n\tTopic: orders.t1\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n';

function synthesize(declare: (scope: Construct) => Domain, adopt: AdoptedResources): { terraform: Record<string, unknown>; topologyText: string } {
  const stack = new KafkaStack(Testing.app(), 'prod', { environment: PROD, adopt });
  declare(stack);
  const terraform = JSON.parse(Testing.synth(stack, true)) as Record<string, unknown>;
  if (stack.topology === null) throw new Error('no topology');
  return { terraform, topologyText: canonicalJson(stack.topology) };
}

it("shows the move from the values declared as found to the rules' values in review and in the synthesized config", async () => {
  const result = runImport({
    inputs: { topicsDescribe: [{ file: 'topics.txt', text: DESCRIBE }] },
    environment: PROD,
    generate: { constructsModule: CONSTRUCTS_MODULE },
  });
  if ('error' in result) throw new Error(result.error);
  const generated = result.files.find((f) => f.path === 'topics/orders.ts');
  expect(generated?.content).toContain('replication: { factor: 1, minInsyncReplicas: 1 },');
  // The owning team's change: the rules' values, and the suppressions that marked the old ones removed.
  const raised = result.files.map((f) =>
    f === generated
      ? {
          path: f.path,
          content: f.content
            .replace('replication: { factor: 1, minInsyncReplicas: 1 },', 'replication: { factor: 3 },')
            .replace(/^ *\{ ruleId: 'TF-REPL-00[12]'.*\n/gm, ''),
        }
      : f,
  );
  const before = await loadGenerated(result.files, 'prod');
  const after = await loadGenerated(raised, 'prod');
  try {
    const base = synthesize(before.domains.orders as (scope: Construct) => Domain, before.adopt);
    const head = synthesize(after.domains.orders as (scope: Construct) => Domain, after.adopt);
    const topicOf = (json: Record<string, unknown>) =>
      Object.values(
        (json.resource as { kafka_topic: Record<string, { name: string; replication_factor: number; config?: Record<string, string> }> }).kafka_topic,
      )[0];
    // Adopted as found: nothing rendered that the topic does not have. Changed: the override appears.
    expect(topicOf(base.terraform)).toMatchObject({ name: 'orders.t1', replication_factor: 1 });
    expect(topicOf(base.terraform)?.config).toBeUndefined();
    expect(topicOf(head.terraform)).toMatchObject({ replication_factor: 3, config: { 'min.insync.replicas': '2' } });

    const files = (label: string, s: typeof base) => [
      {
        stack: 'prod',
        terraform: { file: `${label}/cdk.tf.json`, text: canonicalJson(s.terraform) },
        topology: { file: `${label}/topology.json`, text: s.topologyText },
      },
    ];
    const reviewed = review({ base: parseOutput('base', files('base', base)), head: parseOutput('head', files('head', head)) });
    // The key was left to the broker, so review shows the broker's default giving way to the declared value.
    expect(reviewed.findings.map((f) => [f.rule, f.before, f.after]).sort()).toEqual([
      ['min-insync-raised', '— (broker default)', '2'],
      ['replication-increased', '1', '3'],
    ]);
  } finally {
    before.dispose();
    after.dispose();
  }
});
