/**
 * The generated KafkaJS modules type-check against KafkaJS's own declarations (v2.2.4, vendored in
 * test/fixtures/kafkajs) under strict settings, and their values match the declarations when imported.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE } from '../../artifacts/limits';
import { edgeCaseTopology, exampleTopologies, exampleTopology, groupOf } from './fixtures';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'topicform-kafkajs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes every kafkajs.ts of `files` into a folder with KafkaJS's types installed as node_modules/kafkajs. */
function install(files: ReadonlyMap<string, string>, name: string): Map<string, string> {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules', 'kafkajs'), { recursive: true });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'kafkajs', 'index.d.ts'), join(dir, 'node_modules', 'kafkajs', 'index.d.ts'));
  writeFileSync(join(dir, 'node_modules', 'kafkajs', 'package.json'), JSON.stringify({ name: 'kafkajs', version: '2.2.4', types: 'index.d.ts' }));
  const written = new Map<string, string>();
  for (const [path, content] of files) {
    if (!path.endsWith('/kafkajs.ts')) continue;
    const target = join(dir, path.replace(/\//g, '__'));
    writeFileSync(target, content);
    written.set(path, target);
  }
  return written;
}

/** Type errors per file, from one program over all `paths`. */
function typeErrors(paths: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram([...paths], {
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
  });
  const errors = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '';
    const line = d.file === undefined ? 0 : d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    errors.set(file, [...(errors.get(file) ?? []), `${file}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
  }
  return errors;
}

interface KafkajsModule {
  clientId: string;
  producers: Record<
    string,
    {
      topics: string[];
      config: { idempotent: boolean; maxInFlightRequests: number; retry: { initialRetryTime: number; maxRetryTime: number; retries: number } };
      send: { acks: number };
      deliveryTimeoutMs: number;
      transactionalIdPrefix?: string;
    }
  >;
  consumers: Record<
    string,
    {
      subscribe: { topics: string[]; fromBeginning: boolean };
      config: { groupId: string; readUncommitted?: boolean };
      run: { autoCommit: boolean };
      deadLetterTopics: Record<string, string>;
      retryTopics: Record<string, Array<{ tier: number; topic: string; delayMs: number }>>;
    }
  >;
}

describe('KafkaJS modules', () => {
  const examples = install(generateArtifacts(exampleTopologies()), 'examples');
  const edge = install(generateArtifacts([edgeCaseTopology()]), 'edge');

  it('type-check against KafkaJS 2.2.4 declarations under strict settings, and a misspelt option fails (the check is real)', () => {
    const sample = examples.get('clients/dev/order-service/kafkajs.ts');
    if (sample === undefined) throw new Error('no order-service module');
    const broken = join(work, 'examples', 'broken.ts');
    writeFileSync(broken, readFileSync(sample, 'utf8').replace('idempotent: true', 'idempotence: true'));
    // A consumer entry is checked through the one type the whole object satisfies.
    const brokenConsumer = join(work, 'examples', 'broken-consumer.ts');
    const consumerSample = readFileSync(examples.get('clients/dev/payment-service/kafkajs.ts') ?? '', 'utf8');
    expect(consumerSample).toContain('run: { autoCommit: false },');
    writeFileSync(brokenConsumer, consumerSample.replace('run: { autoCommit: false },', 'run: { autoComit: false },'));

    // A service uses them as KafkaJS's README shows: spread into kafka.producer/consumer, subscribe, run and send.
    const usage = join(work, 'examples', 'usage.ts');
    const moduleOf = (path: string): string => `./${(examples.get(path) ?? '').split('/').pop()?.replace(/\.ts$/, '') ?? ''}`;
    writeFileSync(
      usage,
      [
        "import { Kafka } from 'kafkajs';",
        `import * as payment from '${moduleOf('clients/dev/payment-service/kafkajs.ts')}';`,
        `import * as order from '${moduleOf('clients/dev/order-service/kafkajs.ts')}';`,
        "const kafka = new Kafka({ clientId: payment.clientId, brokers: ['localhost:9092'] });",
        "const group = payment.consumers['orders.payment'];",
        'const consumer = kafka.consumer(group.config);',
        'void consumer.subscribe(group.subscribe);',
        'void consumer.run({ ...group.run, eachMessage: async () => {} });',
        'const declared = order.producers.producer;',
        'const producer = kafka.producer(declared.config);',
        "void producer.send({ ...declared.send, topic: declared.topics[0], messages: [{ key: 'k', value: 'v' }] });",
      ].join('\n'),
    );

    const errors = typeErrors([...examples.values(), ...edge.values(), usage, broken, brokenConsumer]);
    expect(examples.size).toBeGreaterThan(0);
    expect([...errors.entries()].filter(([file]) => file !== broken && file !== brokenConsumer)).toEqual([]);
    expect(errors.get(broken)?.join('\n')).toMatch(/idempotence/);
    expect(errors.get(brokenConsumer)?.join('\n')).toMatch(/'autoComit' does not exist in type 'ConsumerRunConfig'/);
  });

  it("carry the producer's declared backoff, unlimited retries, acks -1 and the delivery bound", async () => {
    const topology = exampleTopology('dev');
    const path = examples.get('clients/dev/order-service/kafkajs.ts');
    if (path === undefined) throw new Error('no order-service module');
    const module = (await import(path)) as KafkajsModule;
    const declared = topology.producers.find((p) => p.service === 'order-service');
    const producer = module.producers['producer'];
    expect(module.clientId).toBe('order-service');
    expect(producer?.topics).toEqual([declared?.topicName]);
    expect(producer?.config.idempotent).toBe(true);
    expect(producer?.config.maxInFlightRequests).toBe(KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE);
    expect(producer?.config.retry.initialRetryTime).toBe(declared?.delivery.backoffMs);
    expect(producer?.config.retry.maxRetryTime).toBe(declared?.delivery.backoffMaxMs);
    expect(producer?.config.retry.retries).toBe(Number.MAX_SAFE_INTEGER);
    expect(producer?.send.acks).toBe(-1);
    expect(producer?.deliveryTimeoutMs).toBe(declared?.delivery.timeoutMs);
  });

  it("carry the group id, autoCommit false on run(), and the group's retry and DLQ topics", async () => {
    const topology = exampleTopology('dev');
    const group = groupOf(topology, 'orders.payment');
    const path = examples.get('clients/dev/payment-service/kafkajs.ts');
    if (path === undefined) throw new Error('no payment-service module');
    const module = (await import(path)) as KafkajsModule;
    const consumer = module.consumers['orders.payment'];
    const subscription = group.subscriptions[0];
    expect(consumer?.config.groupId).toBe(group.groupId);
    expect(consumer?.run.autoCommit).toBe(false);
    expect(consumer?.subscribe.fromBeginning).toBe(true);
    expect(consumer?.subscribe.topics).toEqual([subscription?.topicName, ...(subscription?.retryTopics ?? [])].sort());
    expect(consumer?.deadLetterTopics[subscription?.topicName ?? '']).toBe(subscription?.deadLetterTopic);
    expect(consumer?.retryTopics[subscription?.topicName ?? '']?.map((r) => [r.topic, r.delayMs])).toEqual(
      subscription?.retryTopics.map((t, i) => [t, group.retryDelaysMs[i]]),
    );
  });

  it("explain a consumer's fields once per module, and keep at each group what is its own", () => {
    const topology = exampleTopology('prod');
    const path = examples.get('clients/prod/search-indexer/kafkajs.ts');
    if (path === undefined) throw new Error('no search-indexer module');
    const source = readFileSync(path, 'utf8');
    const groups = topology.consumerGroups.filter((g) => g.service === 'search-indexer');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const explanation of ['auto commit can commit a message never processed', 'poison pills go to the dead-letter topic', 'auto.offset.reset=earliest']) {
      expect(source.split(explanation).length - 1, explanation).toBe(1);
    }
    // topics/search.ts declares both groups: the file is said once, each group's processing time at the group.
    expect(groups.map((g) => g.source.file)).toEqual(['topics/search.ts', 'topics/search.ts']);
    expect(source).toContain(' * One entry per consumer group of the service, by group id, all declared in topics/search.ts:');
    expect(source).not.toContain('Consumer group search.');
    expect(source).toContain("  /** 20ms per message. */\n  'search.indexer': {");
    expect(source).toContain("  /** 2ms per message. */\n  'search.order-indexer': {");
  });

  it('type their consumer entries once, through a named type the whole object satisfies', () => {
    const source = readFileSync(examples.get('clients/prod/search-indexer/kafkajs.ts') ?? '', 'utf8');
    expect(source).toContain('} as const satisfies Record<string, ConsumerEntry>;');
    expect(source.split('satisfies').length - 1).toBe(1);
    expect(source).toContain('  readonly config: ConsumerConfig;');
  });

  it('name the declaring file at each group where the groups of a module come from different files', () => {
    const prod = exampleTopology('prod');
    const moved = {
      ...prod,
      consumerGroups: prod.consumerGroups.map((g) => (g.groupId === 'search.order-indexer' ? { ...g, source: { ...g.source, file: 'topics/other.ts' } } : g)),
    };
    const source = generateArtifacts([moved]).get('clients/prod/search-indexer/kafkajs.ts') ?? '';
    expect(source).toContain(' * One entry per consumer group of the service, by group id, each saying the file that declares it:');
    // search.indexer: 20 ms per message; search.order-indexer: 2 ms (topics/search.ts).
    expect(source).toContain("  /** declared in topics/search.ts; 20ms per message. */\n  'search.indexer': {");
    expect(source).toContain("  /** declared in topics/other.ts; 2ms per message. */\n  'search.order-indexer': {");
  });

  it('reads committed data behind a transactional producer, and keeps a declared retries cap with a warning', async () => {
    const topology = edgeCaseTopology();
    const env = topology.environment.name;
    const consumerPath = edge.get(`clients/${env}/billing-service.user-billing-a/kafkajs.ts`);
    const producerPath = edge.get(`clients/${env}/order-service/kafkajs.ts`);
    if (consumerPath === undefined || producerPath === undefined) throw new Error('edge modules missing');
    const consumer = ((await import(consumerPath)) as KafkajsModule).consumers['billing.invoicer'];
    expect(consumer?.config.readUncommitted).toBe(false);
    expect(consumer?.run.autoCommit).toBe(true);
    expect(readFileSync(consumerPath, 'utf8')).toMatch(/\/\/ The group opted into auto commit: ".+"\.\n\s+autoCommit: true,/);
    const source = readFileSync(producerPath, 'utf8');
    expect(source).toMatch(/limiting retries for the idempotent producer may\s*\n?\s*\/\/ invalidate its guarantees/);
    const producers = ((await import(producerPath)) as KafkajsModule).producers;
    const transactional = Object.values(producers).find((p) => p.transactionalIdPrefix !== undefined);
    expect(transactional?.config.retry.retries).toBe(3);
    expect(transactional?.transactionalIdPrefix).toBe('order-service-tx-');
  });
});
