import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { deriveClients, maxPollInterval, maxPollRecords } from '../../artifacts/client-config';
import { MAX_IN_FLIGHT_WITH_IDEMPOTENCE } from '../../artifacts/limits';
import { KAFKA_DEFAULT_LINGER_MS } from '../../model/limits';
import type { Topology } from '../../model/topology';
import { synthStack } from '../helpers/synth';
import { MSK_IAM, shop } from '../model/msk-iam/fixture';
import { DEV } from '../model/resolve/helpers';
import { everyClientTopology } from './every-client-fixture';
import { edgeCaseTopology, exampleTopologies, exampleTopology, groupOf, parseProperties, producersOf } from './fixtures';

function file(files: ReadonlyMap<string, string>, path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no artifact ${path}; have ${[...files.keys()].filter((k) => k.startsWith('clients/')).join(', ')}`);
  return content;
}

interface ClientJson {
  environment: string;
  service: string;
  principal: string;
  reasons: Record<string, string>;
  rationales?: Record<string, string>;
  producers: Array<{
    name: string;
    topics: string[];
    transactionalIdPrefix: string | null;
    settings: Record<string, string>;
    templates: Record<string, string>;
    reasons: Record<string, string>;
  }>;
  consumers: Array<{
    groupId: string;
    subscribe: string[];
    topics: Array<{ topic: string; deadLetterTopic: string | null; retryTopics: Array<{ tier: number; topic: string; delayMs: number }> }>;
    settings: Record<string, string>;
    reasons: Record<string, string>;
  }>;
}

/**
 * The reason client.json beside a producer's or consumer group's .properties file gives for one of its keys:
 * `profile.reasons[key] ?? document.reasons[key]` (docs/artifacts.md), where the .properties file's reasons are now.
 */
function reasonOf(files: ReadonlyMap<string, string>, propertiesPath: string, key: string): string | undefined {
  const dir = propertiesPath.slice(0, propertiesPath.lastIndexOf('/') + 1);
  const name = propertiesPath.slice(dir.length, -'.properties'.length);
  const json = JSON.parse(file(files, `${dir}client.json`)) as ClientJson;
  const profile = name.startsWith('consumer.') ? json.consumers.find((c) => `consumer.${c.groupId}` === name) : json.producers.find((p) => p.name === name);
  if (profile === undefined) throw new Error(`${dir}client.json has no profile for ${propertiesPath}`);
  return profile.reasons[key] ?? json.reasons[key];
}

/** The reason of a key written out in full, as docs/artifacts.md defines it: `<reason>: <rationales[key]>` where the document has one. */
function wholeReasonOf(files: ReadonlyMap<string, string>, propertiesPath: string, key: string): string | undefined {
  const dir = propertiesPath.slice(0, propertiesPath.lastIndexOf('/') + 1);
  const rationale = (JSON.parse(file(files, `${dir}client.json`)) as ClientJson).rationales?.[key];
  const reason = reasonOf(files, propertiesPath, key);
  return rationale === undefined ? reason : `${reason ?? ''}: ${rationale}`;
}

/**
 * The poll settings of each example group, worked out by hand from the definitions (docs/artifacts.md;
 * artifacts/limits.ts): max.poll.interval.ms = min(Kafka's default 5 min = 300,000, tolerated lag × 0.5), at least
 * 30,000 and at least one record at 10× the declared time per message; max.poll.records = min(500,
 * ⌊max.poll.interval.ms ÷ (time per message × 10)⌋), at least 1. Never recomputed with the generator's constants.
 */
const EXAMPLE_POLL: Readonly<Record<string, { interval: number; records: number }>> = {
  // lag 5m: 300,000 × 0.5 = 150,000 < 300,000; 5 ms × 10 = 50 ms a record: ⌊150,000 ÷ 50⌋ = 3,000 → 500
  'orders.payment': { interval: 150_000, records: 500 },
  // lag 30m: 1,800,000 × 0.5 = 900,000 → Kafka's 300,000; 3 ms × 10: ⌊300,000 ÷ 30⌋ = 10,000 → 500
  'orders.notification': { interval: 300_000, records: 500 },
  // lag 15m: 900,000 × 0.5 = 450,000 → 300,000; 20 ms × 10: ⌊300,000 ÷ 200⌋ = 1,500 → 500
  'search.indexer': { interval: 300_000, records: 500 },
  // lag 15m → 300,000; 2 ms × 10: 15,000 → 500
  'search.order-indexer': { interval: 300_000, records: 500 },
};

describe.each(['dev', 'prod'])('client configs of the examples (%s)', (env) => {
  const topology = exampleTopology(env);
  const files = generateArtifacts(exampleTopologies());

  it('gives payment-service a consumer config with its group id, manual commit, and its DLQ and retry topics', () => {
    const group = groupOf(topology, 'orders.payment');
    const subscription = group.subscriptions[0];
    if (subscription === undefined) throw new Error('orders.payment subscribes to nothing');
    const { values, comments } = parseProperties(file(files, `clients/${env}/payment-service/consumer.orders.payment.properties`));
    expect(values.get('group.id')).toBe(group.groupId);
    expect(values.get('enable.auto.commit')).toBe('false');
    expect(values.get('client.id')).toBe(group.service);
    expect(values.get('isolation.level')).toBeUndefined();
    expect(values.get(`topicform.topic.${subscription.topicName}.dead-letter`)).toBe(subscription.deadLetterTopic);
    subscription.retryTopics.forEach((retry, i) => {
      expect(values.get(`topicform.topic.${subscription.topicName}.retry.${i + 1}`)).toBe(retry);
      expect(values.get(`topicform.topic.${subscription.topicName}.retry.${i + 1}.delay.ms`)).toBe(String(group.retryDelaysMs[i]));
    });
    expect(values.get('topicform.subscribe')?.split(',')).toEqual([subscription.topicName, ...subscription.retryTopics].sort());
    // The topic names come after one comment saying they are not Kafka client settings and what the keys mean; the
    // keys themselves carry none.
    expect(comments.get('topicform.subscribe')).toMatch(/^Topic names for the service's code, not Kafka client settings/);
    expect(comments.get('topicform.subscribe')).toContain('retry.<n>.delay.ms');
    expect(comments.get('topicform.subscribe')).toContain('dead-letter');
    for (const key of [...values.keys()].filter((k) => k.startsWith('topicform.topic.'))) expect(comments.get(key), key).toBe('');
  });

  it('says what retry tier keys mean only to a group that has retry tiers', () => {
    const indexer = groupOf(topology, 'search.indexer');
    expect(indexer.subscriptions.every((s) => s.retryTopics.length === 0)).toBe(true);
    const { values, comments } = parseProperties(file(files, `clients/${env}/${indexer.service}/consumer.${indexer.groupId}.properties`));
    expect([...values.keys()].some((key) => key.includes('.retry.'))).toBe(false);
    expect(comments.get('topicform.subscribe')).not.toContain('retry');
    expect(comments.get('topicform.subscribe')).toContain('dead-letter');
  });

  it('derives max.poll.interval.ms and max.poll.records from the declared processing time and lag tolerance', () => {
    expect(topology.consumerGroups.map((g) => g.groupId).sort()).toEqual(Object.keys(EXAMPLE_POLL).sort());
    for (const group of topology.consumerGroups) {
      const path = `clients/${env}/${group.service}/consumer.${group.groupId}.properties`;
      const { values } = parseProperties(file(files, path));
      const expected = EXAMPLE_POLL[group.groupId];
      expect(values.get('max.poll.interval.ms'), group.groupId).toBe(String(expected?.interval));
      expect(values.get('max.poll.records'), group.groupId).toBe(String(expected?.records));
      expect(reasonOf(files, path, 'max.poll.records')).toContain('× safety 10');
      expect(reasonOf(files, path, 'max.poll.interval.ms')).toContain('tolerated lag');
    }
    const payment = `clients/${env}/payment-service/consumer.orders.payment.properties`;
    expect(wholeReasonOf(files, payment, 'max.poll.interval.ms')).toBe(
      "min(Kafka's default 5m, tolerated lag 5m × 0.5) = 2m 30s: a stuck consumer is evicted and its partitions reassigned with half the tolerated lag left to catch up",
    );
    expect(wholeReasonOf(files, payment, 'max.poll.records')).toBe(
      "min(Kafka's default 500, max.poll.interval.ms 150,000 ÷ (5ms per message × safety 10) = 3,000) = 500: a whole batch finishes before max.poll.interval.ms even at 10× the declared processing time",
    );
  });

  it("says a derived value's rationale once per client.json, in its top-level rationales, and each group's derivation in its reasons", () => {
    const json = JSON.parse(file(files, `clients/${env}/payment-service/client.json`)) as ClientJson & {
      consumers: Array<{ groupId: string; reasons: Record<string, string> }>;
    };
    expect(json.rationales).toEqual({
      'max.poll.interval.ms': 'a stuck consumer is evicted and its partitions reassigned with half the tolerated lag left to catch up',
      'max.poll.records': 'a whole batch finishes before max.poll.interval.ms even at 10× the declared processing time',
    });
    const payment = json.consumers.find((c) => c.groupId === 'orders.payment');
    expect(payment?.reasons['max.poll.interval.ms']).toBe("min(Kafka's default 5m, tolerated lag 5m × 0.5) = 2m 30s");
    expect(payment?.reasons['max.poll.records']).toBe("min(Kafka's default 500, max.poll.interval.ms 150,000 ÷ (5ms per message × safety 10) = 3,000) = 500");
    // Said once: the rationale is in no profile's reasons.
    expect(JSON.stringify(json.consumers)).not.toContain('a stuck consumer is evicted');
    expect(JSON.stringify(json.consumers)).not.toContain('a whole batch finishes');
  });

  it('gives every producer idempotence, acks=all, at most 5 in flight and the declared delivery bound', () => {
    for (const producer of topology.producers) {
      const { values } = parseProperties(file(files, `clients/${env}/${producer.service}/producer.properties`));
      expect(values.get('enable.idempotence')).toBe('true');
      expect(values.get('acks')).toBe('all');
      expect(Number(values.get('max.in.flight.requests.per.connection'))).toBeLessThanOrEqual(MAX_IN_FLIGHT_WITH_IDEMPOTENCE);
      expect(values.get('delivery.timeout.ms')).toBe(String(producer.delivery.timeoutMs));
      expect(values.get('retry.backoff.ms')).toBe(String(producer.delivery.backoffMs));
      expect(values.get('retry.backoff.max.ms')).toBe(String(producer.delivery.backoffMaxMs));
      expect(values.has('retries')).toBe(false);
      expect(values.get('topicform.produce')?.split(',')).toContain(producer.topicName);
    }
  });

  it('writes the same settings to JSON, with a reason for every key', () => {
    const json = JSON.parse(file(files, `clients/${env}/payment-service/client.json`)) as ClientJson;
    const properties = parseProperties(file(files, `clients/${env}/payment-service/consumer.orders.payment.properties`));
    const consumer = json.consumers[0];
    expect(json.principal).toBe('User:payment-service');
    expect(consumer?.groupId).toBe('orders.payment');
    const settings = [...properties.values].filter(([key]) => !key.startsWith('topicform.'));
    expect(Object.fromEntries(settings)).toEqual(consumer?.settings);
    for (const [key] of settings) expect(consumer?.reasons[key] ?? json.reasons[key], key).toMatch(/\w{3,}/);
    const dlq = groupOf(topology, 'orders.payment').subscriptions[0]?.deadLetterTopic;
    expect(consumer?.topics[0]?.deadLetterTopic).toBe(dlq);
  });
});

describe('client.json: every reason of every profile, each said once', () => {
  // The example app (its msk environment is on aws-iam, its confluent one on Confluent Cloud), the edge cases, the
  // fixture with every client kind, and the MSK IAM fixture's transactional producers: each in its own environment.
  const all = new Map<string, string>();
  for (const files of [
    generateArtifacts(exampleTopologies()),
    generateArtifacts([edgeCaseTopology()]),
    generateArtifacts([everyClientTopology({ ...DEV, name: 'every-client' })]),
    generateArtifacts([synthStack((s) => shop(s), { ...MSK_IAM, name: 'msk-shop' }).topology]),
  ]) {
    for (const [path, text] of files) {
      if (!path.startsWith('clients/')) continue;
      if (all.has(path)) throw new Error(`two fixtures write ${path}`);
      all.set(path, text);
    }
  }
  const documents = [...all].filter(([path]) => path.endsWith('/client.json'));

  it('covers the example app, the edge cases, the every-client fixture and an MSK IAM environment', () => {
    const environments = new Set(documents.map(([path]) => path.split('/')[1]));
    expect([...environments].sort()).toEqual(['confluent', 'dev', 'edge', 'every-client', 'msk', 'msk-shop', 'prod', 'staging']);
    const profiles = documents.map(([, text]) => JSON.parse(text) as ClientJson);
    // The cases that matter here: a template written commented out, and MSK IAM settings beside the derived ones.
    expect(profiles.some((json) => json.producers.some((p) => 'transactional.id' in p.templates))).toBe(true);
    expect(profiles.some((json) => json.consumers.some((c) => c.settings['sasl.mechanism'] === 'AWS_MSK_IAM'))).toBe(true);
  });

  it.each(documents.map(([path]) => [path]))(
    "%s: the reason of every key a profile's .properties file sets, inline only for a template the user must fill in",
    (path) => {
      const json = JSON.parse(file(all, path)) as ClientJson;
      const dir = path.slice(0, -'client.json'.length);
      const profiles = [
        ...json.producers.map((p) => ({ file: `${dir}${p.name}.properties`, settings: p.settings, templates: p.templates, reasons: p.reasons })),
        ...json.consumers.map((c) => ({ file: `${dir}consumer.${c.groupId}.properties`, settings: c.settings, templates: {}, reasons: c.reasons })),
      ];
      for (const profile of profiles) {
        const properties = parseProperties(file(all, profile.file));
        // Every key the file sets, Kafka's or written commented out as a template, has its reason in client.json.
        const kafkaKeys = [...properties.values.keys()].filter((key) => !key.startsWith('topicform.'));
        expect(kafkaKeys, profile.file).toEqual(Object.keys(profile.settings));
        expect([...properties.commentedOut.keys()], profile.file).toEqual(Object.keys(profile.templates));
        for (const key of [...kafkaKeys, ...properties.commentedOut.keys()]) {
          expect(profile.reasons[key] ?? json.reasons[key], `${profile.file} ${key}`).toMatch(/\w{3,}/);
          // A reason is said once: a profile repeats no reason the document already gives for the same key.
          expect(profile.reasons[key] !== undefined && profile.reasons[key] === json.reasons[key]).toBe(false);
        }
        // Settings are one block without their reasons; a template keeps its reason right above it.
        for (const key of kafkaKeys) expect(properties.comments.get(key), `${profile.file} ${key}`).toBe('');
        for (const key of properties.commentedOut.keys()) expect(properties.comments.get(key), `${profile.file} ${key}`).toBe(profile.reasons[key]);
        expect(Object.keys(profile.reasons).every((key) => key in profile.settings || key in profile.templates)).toBe(true);
      }
    },
  );

  it.each(documents.map(([path]) => [path]))("%s is where each of its profiles' .properties files says the reasons are", (path) => {
    const text = file(all, path);
    const json = JSON.parse(text) as ClientJson;
    const dir = path.slice(0, -'client.json'.length);
    const profiles = [
      ...json.producers.map((p) => ({ file: `${dir}${p.name}.properties`, entry: `"name": "${p.name}"`, what: 'producer' })),
      ...json.consumers.map((c) => ({ file: `${dir}consumer.${c.groupId}.properties`, entry: `"groupId": "${c.groupId}"`, what: 'consumer' })),
    ];
    for (const profile of profiles) {
      const header = file(all, profile.file)
        .split('\n')
        .filter((line) => line.startsWith('# Why each value'));
      expect(header, profile.file).toEqual([
        `# Why each value: "reasons" in client.json beside this file, under the ${profile.what} with ${profile.entry}, else at its top level.`,
      ]);
      // The entry as the header quotes it is found in client.json by a plain text search, exactly once.
      expect(text.split(profile.entry).length - 1, `${path}: ${profile.entry}`).toBe(1);
    }
  });

  it('states a reason shared by two groups of one service once, and keeps a reason that differs at its group', () => {
    const json = JSON.parse(file(all, 'clients/prod/search-indexer/client.json')) as ClientJson;
    expect(json.consumers.length).toBeGreaterThanOrEqual(2);
    expect(json.reasons['enable.auto.commit']).toMatch(/commit offsets manually after processing/);
    for (const c of json.consumers) {
      expect(c.reasons['enable.auto.commit']).toBeUndefined();
      // Each group's id is its own, so is the reason for it.
      expect(c.reasons['group.id']).toContain(c.groupId);
    }
    expect(json.reasons['group.id']).toBeUndefined();
  });
});

describe('client configs of edge cases', () => {
  const topology: Topology = edgeCaseTopology();
  const files = generateArtifacts([topology]);
  const env = topology.environment.name;

  const invoicerPath = `clients/${env}/billing-service.user-billing-a/consumer.billing.invoicer.properties`;

  it('reads committed transactions when any producer of a subscribed topic is transactional', () => {
    const invoicer = parseProperties(file(files, invoicerPath));
    expect(invoicer.values.get('isolation.level')).toBe('read_committed');
    expect(reasonOf(files, invoicerPath, 'isolation.level')).toContain('order-service');
    const audit = parseProperties(file(files, `clients/${env}/billing-service.user-billing-b/consumer.billing.audit.properties`));
    expect(audit.values.has('isolation.level')).toBe(false);
  });

  it('enables auto commit only for a group that opted in, quoting its reason', () => {
    const group = groupOf(topology, 'billing.invoicer');
    const { values } = parseProperties(file(files, invoicerPath));
    expect(values.get('enable.auto.commit')).toBe('true');
    expect(reasonOf(files, invoicerPath, 'enable.auto.commit')).toContain(`"${group.offsetCommit.reason ?? '?'}"`);
  });

  it("uses Kafka's defaults where processing time and lag are not declared, and says so", () => {
    const { values } = parseProperties(file(files, invoicerPath));
    expect(values.get('max.poll.records')).toBe('500');
    expect(values.get('max.poll.interval.ms')).toBe('300000');
    expect(reasonOf(files, invoicerPath, 'max.poll.records')).toMatch(/no processingTimePerMessage declared/);
    expect(reasonOf(files, invoicerPath, 'max.poll.interval.ms')).toMatch(/no maxProcessingLag declared/);
  });

  it('raises max.poll.interval.ms so that one slow record fits, and polls one record at a time', () => {
    // lag 1m: 60,000 × 0.5 = 30,000 (at the floor, not below it); one record at 20s × 10 = 200,000 > 30,000 → 200,000;
    // ⌊200,000 ÷ 200,000⌋ = 1 record a poll.
    const audit = groupOf(topology, 'billing.audit');
    expect(maxPollInterval(audit)).toEqual({
      value: 200_000,
      explanation: "min(Kafka's default 5m, tolerated lag 1m × 0.5) = 30s; raised to one record at 10× the declared 20s per message = 3m 20s",
      rationale: 'a stuck consumer is evicted and its partitions reassigned with half the tolerated lag left to catch up',
    });
    expect(maxPollRecords(audit, 200_000).value).toBe(1);
  });

  it('separates the configs of a service that authenticates as two principals', () => {
    const dirs = deriveClients(topology)
      .filter((c) => c.service === 'billing-service')
      .map((c) => [c.dirName, c.principal]);
    expect(dirs).toEqual([
      ['billing-service.user-billing-a', 'User:billing-a'],
      ['billing-service.user-billing-b', 'User:billing-b'],
    ]);
  });

  it('gives a transactional producer its transactional.id prefix as a template, and keeps differently configured producers apart', () => {
    const [transactional, plain] = [...producersOf(topology, 'order-service')].sort((a, b) => (a.topicName < b.topicName ? -1 : 1));
    if (transactional === undefined || plain === undefined) throw new Error('fixture has two order-service producers');
    const tx = parseProperties(file(files, `clients/${env}/order-service/producer.${transactional.topicName}.properties`));
    expect(tx.values.has('transactional.id')).toBe(false);
    expect(tx.commentedOut.get('transactional.id')).toBe(`${transactional.transactionalIdPrefix ?? '?'}<instance>`);
    expect(tx.comments.get('transactional.id')).toContain('Prefixed');
    const json = JSON.parse(file(files, `clients/${env}/order-service/client.json`)) as ClientJson;
    const txJson = json.producers.find((p) => p.transactionalIdPrefix !== null);
    expect(txJson?.templates['transactional.id']).toBe(`${transactional.transactionalIdPrefix ?? '?'}<instance>`);
    expect(txJson?.settings['transactional.id']).toBeUndefined();

    const other = parseProperties(file(files, `clients/${env}/order-service/producer.${plain.topicName}.properties`));
    expect(other.values.get('enable.idempotence')).toBe('false');
    expect(other.values.get('acks')).toBe('all');
  });

  it('lowers request.timeout.ms under a tight delivery bound and warns about a declared retries cap', () => {
    const producer = producersOf(topology, 'order-service').find((p) => p.transactionalIdPrefix !== null);
    if (producer === undefined) throw new Error('fixture has a transactional producer');
    const path = `clients/${env}/order-service/producer.${producer.topicName}.properties`;
    const { values } = parseProperties(file(files, path));
    expect(values.get('delivery.timeout.ms')).toBe(String(producer.delivery.timeoutMs));
    expect(Number(values.get('request.timeout.ms')) + KAFKA_DEFAULT_LINGER_MS).toBeLessThanOrEqual(producer.delivery.timeoutMs);
    expect(values.get('retries')).toBe(String(producer.delivery.retries));
    expect(reasonOf(files, path, 'retries')).toMatch(/can break its guarantees/);
  });
});

/** Hand-worked poll settings at every branch of the definitions (inputs in ms; see EXAMPLE_POLL for the rules). */
describe('max.poll.interval.ms and max.poll.records from the declared lag and processing time', () => {
  const group = (processingTimePerMessageMs: number | null, maxProcessingLagMs: number | null) => ({ processingTimePerMessageMs, maxProcessingLagMs });

  it.each([
    ['no lag declared: Kafka default 300,000', group(null, null), 300_000],
    ['lag 5m: 300,000 × 0.5 = 150,000', group(null, 300_000), 150_000],
    ['lag 10m: 600,000 × 0.5 = 300,000, equal to the default', group(null, 600_000), 300_000],
    ['lag 11m: 330,000 capped at the default 300,000', group(null, 660_000), 300_000],
    ['lag 40s: 20,000 raised to the floor 30,000', group(null, 40_000), 30_000],
    ['lag 1m: 30,000 exactly at the floor', group(null, 60_000), 30_000],
    ['lag 1m 0.001s: 30,000.5 rounds to 30,001', group(null, 60_001), 30_001],
    ['lag 2m, 5s a message: one record at 50,000 fits in 60,000, which stays', group(5_000, 120_000), 60_000],
    ['lag 2m, 7s a message: one record takes 70,000 > 60,000 → 70,000', group(7_000, 120_000), 70_000],
    ['lag 2m, 6.05s a message: one record takes 60,500 > 60,000 → 60,500', group(6_050, 120_000), 60_500],
    ['lag 40s, 4s a message: floor 30,000, then one record 40,000 → 40,000', group(4_000, 40_000), 40_000],
  ])('max.poll.interval.ms: %s', (_name, g, expected) => {
    expect(maxPollInterval(g).value).toBe(expected);
  });

  it.each([
    ['no processing time declared: Kafka default 500', null, 300_000, 500],
    ['5 ms a message at 150,000: ⌊150,000 ÷ 50⌋ = 3,000 → 500', 5, 150_000, 500],
    ['100 ms a message at 300,000: ⌊300,000 ÷ 1,000⌋ = 300', 100, 300_000, 300],
    ['30 ms a message at 100,000: ⌊100,000 ÷ 300⌋ = 333', 30, 100_000, 333],
    ['100 ms a message at 500: ⌊500 ÷ 1,000⌋ = 0 → at least 1', 100, 500, 1],
  ])('max.poll.records: %s', (_name, processing, interval, expected) => {
    expect(maxPollRecords({ processingTimePerMessageMs: processing }, interval).value).toBe(expected);
  });

  it('says when the batch size was raised to 1', () => {
    expect(maxPollRecords({ processingTimePerMessageMs: 100 }, 500).explanation).toMatch(/= 0\), at least 1 = 1$/);
    expect(maxPollRecords({ processingTimePerMessageMs: 100 }, 300_000).explanation).not.toContain('at least 1');
  });

  it('raises the interval for one slow record only when it does not fit already', () => {
    expect(maxPollInterval(group(6_000, 120_000))).toMatchObject({ value: 60_000 });
    expect(maxPollInterval(group(6_000, 120_000)).explanation).not.toContain('raised');
    expect(maxPollInterval(group(6_001, 120_000)).explanation).toMatch(/\) = 1m; raised to one record at 10× the declared 6s 1ms per message = 1m 10ms$/);
  });

  it('says when the interval was raised to the floor', () => {
    expect(maxPollInterval(group(null, 40_000)).explanation).toMatch(/= 20s; raised to the floor 30s \(below it GC pauses evict healthy consumers\)$/);
    expect(maxPollInterval(group(null, 60_000)).explanation).not.toContain('floor');
  });
});
