/** resolve() per environment: protection, replication overrides, topic prefixes, and an invalid environment. */
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import {
  DEV,
  PROD,
  DOCUMENT_CHANGED,
  PAYMENT,
  NOTIFICATION,
  INDEXER,
  SEED,
  withDeclarations,
  resolved,
  eventTopic,
  companion,
  expectIssue,
  ORDER_CREATED,
} from './helpers';

describe('resolve: environments', () => {
  it('protects topics and sets min.insync.replicas only in production', () => {
    const dev = resolved(SEED, DEV);
    const prod = resolved(SEED, PROD);
    expect(dev.topics.every((t) => !t.protect)).toBe(true);
    expect(prod.topics.every((t) => t.protect)).toBe(true);
    expect(prod.topics.every((t) => t.replicationFactor === 3 && t.minInsyncReplicas === 2 && t.config['min.insync.replicas'] === '2')).toBe(true);
    expect(dev.topics.every((t) => t.replicationFactor === 1 && t.config['min.insync.replicas'] === '1')).toBe(true);
  });

  it('lets a topic override replication; its companions follow it', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, replication: { factor: 5, minInsyncReplicas: 3 } }, DOCUMENT_CHANGED] }), PROD);
    expect(eventTopic(topology, 'orders.order-created')).toMatchObject({ replicationFactor: 5, minInsyncReplicas: 3 });
    expect(companion(topology, 'orders.order-created.payment.dlq')).toMatchObject({
      replicationFactor: 5,
      minInsyncReplicas: 3,
      config: { 'min.insync.replicas': '3' },
    });
  });

  it('prefixes every topic name, companion, producer and ACL with the topic prefix', () => {
    const topology = resolved(SEED, { ...DEV, topicPrefix: 'staging.' });
    expect(topology.topics.every((t) => t.name.startsWith('staging.'))).toBe(true);
    expect(topology.producers[0]?.topicName).toBe('staging.orders.order-created');
    expect(topology.acls.filter((a) => a.resourceType === 'Topic').every((a) => a.resourceName.startsWith('staging.'))).toBe(true);
    expect(companion(topology, 'staging.orders.order-created.payment.retry-1').parent).toEqual({ domain: 'orders', event: 'order-created' });
  });

  it("warns, but resolves, when the prefix mixes '_' with the '.' of topic names", () => {
    const result = resolve(SEED, { ...DEV, topicPrefix: 'staging_' });
    expect(result.topology).not.toBeNull();
    const warning = expectIssue(result, {
      source: 'dev/orders/order-created',
      path: 'name',
      code: 'mixed-topic-name-separators',
      message: 'mixes "." and "_"',
    });
    expect(warning.severity).toBe('warning');
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(result.issues).toHaveLength(result.topology?.topics.length ?? -1);
  });

  it('fails when the environment itself is invalid, with the field path', () => {
    const result = resolve(SEED, { ...DEV, name: 'Dev Cluster', replicationFactor: 0 });
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'environment', path: 'name', code: 'schema-invalid_format', message: 'must be lower-case letters' });
    expectIssue(result, { source: 'environment', path: 'replicationFactor', code: 'schema-too_small' });
  });

  it('goes on checking the declarations when the environment is invalid, so that every problem is reported at once', () => {
    const broken = { ...PAYMENT, idempotency: 'short' };
    const result = resolve(
      withDeclarations({ consumerGroups: [broken, NOTIFICATION, INDEXER] }),
      { ...DEV, replicationFactor: 0, bootstrapServer: 'kafka:9092' },
      { path: 'dev', file: 'environments.ts', line: 3 },
    );
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => [i.source.path, i.source.file, i.path, i.code])).toEqual([
      ['dev', 'environments.ts', 'bootstrapServer', 'schema-unrecognized_keys'],
      ['dev', 'environments.ts', 'replicationFactor', 'schema-too_small'],
      [PAYMENT.source.path, undefined, 'idempotency', 'schema-too_small'],
    ]);
  });

  it('accepts replication factor 1 with min.insync.replicas 1 outside production', () => {
    expect(resolve(SEED, DEV).issues).toEqual([]);
  });
});
