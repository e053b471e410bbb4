/**
 * The import summary's prediction of the first plan is the comparison the synthesized output produces: for every
 * input, the generated files are loaded and synthesized with the generated adopt list, each kafka_topic is compared
 * with the topic as the tool output shows it (read by the parsers alone: test/double/seed-from-tools.ts, what the
 * provider double is seeded with), and the differences must be exactly `firstPlan.updates` — nothing predicted that
 * synth does not write, nothing written that was not predicted. test/importer/terraform-fixtures.test.ts checks the
 * same through terraform for the real samples.
 */
import { describe, expect, it } from 'vitest';
import { environments } from '../../environments';
import { runImport, type ImportInputs } from '../../importer';
import type { EnvironmentInput } from '../../model/schema';
import { clusterSeedFromToolOutput } from '../double/seed-from-tools';
import { own } from './helpers/fixtures';
import { CONSTRUCTS_MODULE, kafkaResources, loadGenerated, synthDomains } from './helpers/load-generated';

const file = (path: string): { file: string; text: string } => ({ file: path, text: own(path) });

/** A topic whose retention.bytes=-1 override the model cannot declare, and which falls back to the broker's -1. */
const UNLIMITED_BYTES: ImportInputs = {
  topicsDescribe: [
    { file: 'describe.txt', text: 'Topic: orders.order-created\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: retention.bytes=-1,min.insync.replicas=2\n' },
  ],
  configs: [
    {
      file: 'configs.txt',
      text: [
        'All configs for topic orders.order-created are:',
        '  retention.bytes=-1 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.bytes=-1, DEFAULT_CONFIG:log.retention.bytes=-1}',
        '  min.insync.replicas=2 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}',
        '  retention.ms=604800000 sensitive=false synonyms={DEFAULT_CONFIG:log.retention.hours=168}',
        '  cleanup.policy=delete sensitive=false synonyms={DEFAULT_CONFIG:log.cleanup.policy=delete}',
        '',
      ].join('\n'),
    },
  ],
};

const INPUTS: ReadonlyArray<{ readonly title: string; readonly inputs: ImportInputs }> = [
  {
    title: 'the hand-made cluster, kafka-configs --all',
    inputs: {
      topicsDescribe: [file('handmade/topics-describe.txt')],
      configs: [file('handmade/configs-describe-all.txt')],
      acls: [file('handmade/acls-list.txt')],
    },
  },
  {
    title: 'the hand-made cluster, kafka-topics alone',
    inputs: { topicsDescribe: [file('handmade/topics-describe.txt')], acls: [file('handmade/acls-list.txt')] },
  },
  { title: 'the hand-made cluster, kcat alone', inputs: { kcat: [file('handmade/kcat.json')], acls: [file('handmade/acls-list.txt')] } },
  {
    title: 'Kafka 3.9 kafka-topics with kafka-configs (overrides only)',
    inputs: {
      topicsDescribe: [file('formats/topics-describe-kafka-3.9.txt')],
      configs: [file('formats/configs-describe-dynamic-kafka-3.txt')],
      acls: [file('formats/acls-list-kafka-3.txt')],
    },
  },
  {
    title: 'ZooKeeper-era kafka-topics with kafka-configs',
    inputs: { topicsDescribe: [file('formats/topics-describe-kafka-2.1-zookeeper.txt')], configs: [file('formats/configs-describe-zookeeper-kafka-2.0.txt')] },
  },
  { title: 'an override the model cannot declare (retention.bytes=-1)', inputs: UNLIMITED_BYTES },
];

type Change = [topic: string, key: string, before: string | null, after: string | null];

describe('the import summary predicts what synth writes', () => {
  for (const name of ['dev', 'prod']) {
    const environment = environments.find((e) => e.name === name) as EnvironmentInput;
    for (const { title, inputs } of INPUTS) {
      it(`${title} (--env ${name})`, async () => {
        const result = runImport({ inputs, environment, generate: { constructsModule: CONSTRUCTS_MODULE } });
        if ('error' in result) throw new Error(result.error);
        const loaded = await loadGenerated(result.files, environment.name);
        try {
          const { topics } = kafkaResources(synthDomains(Object.values(loaded.domains), environment, loaded.adopt));
          const texts = (files: ImportInputs['acls']): string[] => (files ?? []).map((f) => f.text);
          const seed = clusterSeedFromToolOutput({ topicsDescribe: texts(inputs.topicsDescribe), kcat: texts(inputs.kcat), configs: texts(inputs.configs) });
          const cluster = new Map(Object.entries(seed.topics ?? {}));
          const written: Change[] = [];
          for (const body of Object.values(topics)) {
            const topic = body as { name: string; partitions: number; replication_factor: number; config?: Record<string, string> };
            const found = cluster.get(topic.name);
            expect(found, `${topic.name} is on the cluster`).toBeDefined();
            expect([topic.partitions, topic.replication_factor], topic.name).toEqual([found?.partitions, found?.replication_factor]);
            const before = found?.config ?? {};
            const after = topic.config ?? {};
            for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
              if (before[key] !== after[key]) written.push([topic.name, key, before[key] ?? null, after[key] ?? null]);
            }
          }
          const predicted: Change[] = result.plan.firstPlan.updates.flatMap((u) => u.changes.map((c): Change => [u.topic, c.key, c.before, c.after]));
          expect(written.sort()).toEqual(predicted.sort());
          expect(result.plan.firstPlan.creates).toEqual([]);
          if (inputs === UNLIMITED_BYTES) expect(predicted).toEqual([['orders.order-created', 'retention.bytes', '-1', null]]);
        } finally {
          loaded.dispose();
        }
      });
    }
  }
});
