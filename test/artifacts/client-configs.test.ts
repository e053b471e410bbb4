import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { deriveClients, maxPollInterval, maxPollRecords } from '../../artifacts/client-config';
import {
  KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS,
  KAFKA_DEFAULT_MAX_POLL_RECORDS,
  MAX_IN_FLIGHT_WITH_IDEMPOTENCE,
  MIN_MAX_POLL_INTERVAL_MS,
  POLL_INTERVAL_SHARE_OF_LAG,
  POLL_PROCESSING_SAFETY_FACTOR,
} from '../../artifacts/limits';
import { KAFKA_DEFAULT_LINGER_MS } from '../../model/limits';
import type { Topology } from '../../model/topology';
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
  producers: Array<{ name: string; topics: string[]; transactionalIdPrefix: string | null; settings: Record<string, string>; templates: Record<string, string>; reasons: Record<string, string> }>;
  consumers: Array<{
    groupId: string;
    subscribe: string[];
    topics: Array<{ topic: string; deadLetterTopic: string | null; retryTopics: Array<{ tier: number; topic: string; delayMs: number }> }>;
    settings: Record<string, string>;
    reasons: Record<string, string>;
  }>;
}

/** The poll settings the design asks for, computed here independently of the generator. */
function expectedPoll(processingMs: number | null, lagMs: number | null): { interval: number; records: number } {
  let interval = lagMs === null ? KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS : Math.min(KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS, lagMs * POLL_INTERVAL_SHARE_OF_LAG);
  interval = Math.max(interval, MIN_MAX_POLL_INTERVAL_MS, processingMs === null ? 0 : processingMs * POLL_PROCESSING_SAFETY_FACTOR);
  const records = processingMs === null ? KAFKA_DEFAULT_MAX_POLL_RECORDS : Math.max(1, Math.min(KAFKA_DEFAULT_MAX_POLL_RECORDS, Math.floor(interval / (processingMs * POLL_PROCESSING_SAFETY_FACTOR))));
  return { interval, records };
}

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
    for (const [key, value] of values) {
      expect(comments.get(key), `${key}=${value} has no reason`).toMatch(/\w{3,}/);
    }
  });

  it('derives max.poll.interval.ms and max.poll.records from the declared processing time and lag tolerance', () => {
    for (const group of topology.consumerGroups) {
      const dir = group.service;
      const { values, comments } = parseProperties(file(files, `clients/${env}/${dir}/consumer.${group.groupId}.properties`));
      const expected = expectedPoll(group.processingTimePerMessageMs, group.maxProcessingLagMs);
      expect(values.get('max.poll.interval.ms'), group.groupId).toBe(String(expected.interval));
      expect(values.get('max.poll.records'), group.groupId).toBe(String(expected.records));
      expect(comments.get('max.poll.records')).toContain(`× safety ${POLL_PROCESSING_SAFETY_FACTOR}`);
      expect(comments.get('max.poll.interval.ms')).toContain('tolerated lag');
    }
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
    expect(Object.keys(consumer?.reasons ?? {})).toEqual(Object.keys(consumer?.settings ?? {}));
    for (const [key, value] of Object.entries(consumer?.settings ?? {})) {
      expect(properties.values.get(key)).toBe(value);
      expect(properties.comments.get(key)).toBe(consumer?.reasons[key]);
    }
    const dlq = groupOf(topology, 'orders.payment').subscriptions[0]?.deadLetterTopic;
    expect(consumer?.topics[0]?.deadLetterTopic).toBe(dlq);
  });
});

describe('client configs of edge cases', () => {
  const topology: Topology = edgeCaseTopology();
  const files = generateArtifacts([topology]);
  const env = topology.environment.name;

  it('reads committed transactions when any producer of a subscribed topic is transactional', () => {
    const invoicer = parseProperties(file(files, `clients/${env}/billing-service.user-billing-a/consumer.billing.invoicer.properties`));
    expect(invoicer.values.get('isolation.level')).toBe('read_committed');
    expect(invoicer.comments.get('isolation.level')).toContain('order-service');
    const audit = parseProperties(file(files, `clients/${env}/billing-service.user-billing-b/consumer.billing.audit.properties`));
    expect(audit.values.has('isolation.level')).toBe(false);
  });

  it('enables auto commit only for a group that opted in, quoting its reason', () => {
    const group = groupOf(topology, 'billing.invoicer');
    const { values, comments } = parseProperties(file(files, `clients/${env}/billing-service.user-billing-a/consumer.billing.invoicer.properties`));
    expect(values.get('enable.auto.commit')).toBe('true');
    expect(comments.get('enable.auto.commit')).toContain(`"${group.offsetCommit.reason ?? '?'}"`);
  });

  it("uses Kafka's defaults where processing time and lag are not declared, and says so", () => {
    const { values, comments } = parseProperties(file(files, `clients/${env}/billing-service.user-billing-a/consumer.billing.invoicer.properties`));
    expect(values.get('max.poll.records')).toBe(String(KAFKA_DEFAULT_MAX_POLL_RECORDS));
    expect(values.get('max.poll.interval.ms')).toBe(String(KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS));
    expect(comments.get('max.poll.records')).toMatch(/no processingTimePerMessage declared/);
    expect(comments.get('max.poll.interval.ms')).toMatch(/no maxProcessingLag declared/);
  });

  it('raises max.poll.interval.ms so that one slow record fits, and polls one record at a time', () => {
    const audit = groupOf(topology, 'billing.audit');
    const expected = expectedPoll(audit.processingTimePerMessageMs, audit.maxProcessingLagMs);
    expect(maxPollInterval(audit).value).toBe(expected.interval);
    expect(maxPollRecords(audit, expected.interval).value).toBe(1);
  });

  it('separates the configs of a service that authenticates as two principals', () => {
    const dirs = deriveClients(topology).filter((c) => c.service === 'billing-service').map((c) => [c.dirName, c.principal]);
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
    const { values, comments } = parseProperties(file(files, `clients/${env}/order-service/producer.${producer.topicName}.properties`));
    expect(values.get('delivery.timeout.ms')).toBe(String(producer.delivery.timeoutMs));
    expect(Number(values.get('request.timeout.ms')) + KAFKA_DEFAULT_LINGER_MS).toBeLessThanOrEqual(producer.delivery.timeoutMs);
    expect(values.get('retries')).toBe(String(producer.delivery.retries));
    expect(comments.get('retries')).toMatch(/can break its guarantees/);
  });
});
