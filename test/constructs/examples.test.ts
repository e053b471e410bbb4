import { describe, expect, it } from 'vitest';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { aclSet, DEV, PROD, synthStack, topicByName } from '../helpers/synth';
import { schemaProblems } from '../helpers/provider-schema';
import { DEAD_LETTER_RETENTION_MS, RETENTION_MARGIN_MS, TIME_MS, TOMBSTONE_RETENTION_MARGIN_MS } from '../../model/limits';

describe('the orders example', () => {
  const { json } = synthStack((stack) => orders(stack));

  it('grants each principal exactly the ACLs its role needs', () => {
    expect(aclSet(json, 'User:order-service')).toEqual(['Topic:orders.order-created:Write']);
    expect(aclSet(json, 'User:payment-service')).toEqual([
      'Group:orders.payment:Read',
      'Topic:orders.order-created.payment.dlq:Read',
      'Topic:orders.order-created.payment.dlq:Write',
      'Topic:orders.order-created.payment.retry-1:Read',
      'Topic:orders.order-created.payment.retry-1:Write',
      'Topic:orders.order-created.payment.retry-2:Read',
      'Topic:orders.order-created.payment.retry-2:Write',
      'Topic:orders.order-created.payment.retry-3:Read',
      'Topic:orders.order-created.payment.retry-3:Write',
      'Topic:orders.order-created:Read',
    ]);
    expect(aclSet(json, 'User:notification-service')).toEqual([
      'Group:orders.notification:Read',
      'Topic:orders.order-created.notification.dlq:Read',
      'Topic:orders.order-created.notification.dlq:Write',
      'Topic:orders.order-created:Read',
    ]);
  });

  it('never grants a wildcard principal, host other than "*", or resource', () => {
    for (const acl of Object.values(json.resource.kafka_acl)) {
      expect(acl.acl_principal).not.toContain('*');
      expect(acl.resource_name).not.toContain('*');
      expect(acl.acl_host).toBe('*');
      expect(acl.acl_permission_type).toBe('Allow');
    }
  });

  it('gives every consumer group its own dead-letter topic with long retention and few partitions', () => {
    for (const group of ['payment', 'notification']) {
      const dlq = topicByName(json, `orders.order-created.${group}.dlq`);
      expect(dlq.partitions).toBe(3);
      expect(dlq.config?.['retention.ms']).toBe(String(DEAD_LETTER_RETENTION_MS));
      expect(dlq.config?.['cleanup.policy']).toBe('delete');
    }
  });

  it('sizes retention as replay window + largest tolerated lag of its readers + margin', () => {
    const topic = topicByName(json, 'orders.order-created');
    const expected = 7 * TIME_MS.day + 30 * TIME_MS.minute + RETENTION_MARGIN_MS;
    expect(topic.config?.['retention.ms']).toBe(String(expected));
    expect(topic.config?.['cleanup.policy']).toBe('delete');
  });

  it('names retry tiers <topic>.<group>.retry-<n> with retention above their delay', () => {
    const delays = [1, 2, 4].map((s) => s * TIME_MS.second);
    delays.forEach((delay, i) => {
      const retry = topicByName(json, `orders.order-created.payment.retry-${i + 1}`);
      expect(Number(retry.config?.['retention.ms'])).toBeGreaterThan(delay);
    });
  });

  it('uses the environment replication defaults', () => {
    const topic = topicByName(json, 'orders.order-created');
    expect(topic.replication_factor).toBe(DEV.replicationFactor);
    expect(topic.config?.['min.insync.replicas']).toBe(String(DEV.minInsyncReplicas));
  });

  it('does not protect dev topics from destruction', () => {
    for (const topic of Object.values(json.resource.kafka_topic)) expect(topic.lifecycle).toBeUndefined();
  });
});

describe('the search example', () => {
  // The search domain's order-indexer reads orders' events, so orders is declared too.
  const { json, topology } = synthStack((stack) => {
    orders(stack);
    search(stack);
  });

  it('compacts the document topic so a full reindex from the beginning is possible', () => {
    const topic = topicByName(json, 'search.document-changed');
    expect(topic.config?.['cleanup.policy']).toBe('compact');
    expect(topic.config?.['retention.ms']).toBeUndefined();
  });

  it('keeps tombstones longer than the longest reindex', () => {
    const topic = topicByName(json, 'search.document-changed');
    expect(Number(topic.config?.['delete.retention.ms'])).toBe(12 * TIME_MS.hour + TOMBSTONE_RETENTION_MARGIN_MS);
    expect(Number(topic.config?.['delete.retention.ms'])).toBeGreaterThan(12 * TIME_MS.hour);
  });

  it('records the key and the indexer idempotency strategy in the topology', () => {
    const topic = topology.topics.find((t) => t.name === 'search.document-changed');
    expect(topic?.kind === 'event' ? topic.key?.field : undefined).toBe('documentId');
    const indexer = topology.consumerGroups.find((g) => g.groupId === 'search.indexer');
    expect(indexer?.idempotency).toContain('version timestamp');
  });
});

describe('production', () => {
  const { json } = synthStack((stack) => {
    orders(stack);
    search(stack);
  }, PROD);

  it('protects every topic with prevent_destroy', () => {
    const topics = Object.values(json.resource.kafka_topic);
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) expect(topic.lifecycle?.prevent_destroy).toBe(true);
  });

  it('uses replication factor 3 and min.insync.replicas 2', () => {
    for (const topic of Object.values(json.resource.kafka_topic)) {
      expect(topic.replication_factor).toBe(3);
      expect(topic.config?.['min.insync.replicas']).toBe('2');
    }
  });
});

describe('conformance with the vendored provider schema', () => {
  it.each([
    ['dev', DEV],
    ['prod', PROD],
  ])('%s stack of the examples conforms', (_name, environment) => {
    const { json } = synthStack((stack) => {
      orders(stack);
      search(stack);
    }, environment);
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('detects an attribute the schema does not have (the checker can fail)', () => {
    const { json } = synthStack((stack) => orders(stack));
    const broken = structuredClone(json) as unknown as { resource: { kafka_topic: Record<string, Record<string, unknown>> } };
    const first = Object.values(broken.resource.kafka_topic)[0];
    if (first === undefined) throw new Error('no topic');
    first.partition_count = 3;
    first.partitions = '3';
    delete first.name;
    expect(schemaProblems(broken as unknown as Record<string, unknown>)).toEqual([
      expect.stringMatching(/\.partitions: expected number, got "3"$/),
      expect.stringMatching(/\.partition_count: not an attribute of the schema$/),
      expect.stringMatching(/\.name: required attribute missing$/),
    ]);
  });
});
