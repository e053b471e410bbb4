import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { deriveClients } from '../../artifacts/client-config';
import { EXCEPTION_HANDLER_KEYS, streamsSettings } from '../../artifacts/streams-config';
import type { StreamsApplicationInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { topologySchema } from '../../model/topology-schema';
import { eventTopic, resolved, withDeclarations } from '../model/resolve/helpers';
import { exampleTopology, parseProperties } from './fixtures';

describe('Kafka Streams client config (clients/<env>/<service>/streams.<application-id>.properties)', () => {
  it.each(['dev', 'staging', 'prod'])(
    '%s: the order-totals config carries application.id, the guarantee, the environment’s replication and the handlers',
    (env) => {
      const topology = exampleTopology(env);
      const files = generateArtifacts([topology]);
      const text = files.get(`clients/${env}/order-totals/streams.orders.order-totals.properties`);
      expect(text, [...files.keys()].filter((k) => k.startsWith(`clients/${env}/`)).join('\n')).toBeDefined();
      const { values, comments } = parseProperties(text ?? '');
      expect(Object.fromEntries(values)).toMatchObject({
        'application.id': 'orders.order-totals',
        'processing.guarantee': 'exactly_once_v2',
        'replication.factor': String(topology.environment.replicationFactor),
        'topic.min.insync.replicas': String(topology.environment.minInsyncReplicas),
        'deserialization.exception.handler': 'com.acme.orders.totals.DeadLetterDeserializationHandler',
        'production.exception.handler': 'com.acme.orders.totals.DeadLetterProductionHandler',
        'topicform.inputs': `${topology.environment.topicPrefix}orders.order-created`,
        'topicform.store.totals-by-customer.changelog': 'orders.order-totals-totals-by-customer-changelog',
      });
      // Every setting says why it has its value.
      for (const key of values.keys()) expect(comments.get(key), key).toBeTruthy();
    },
  );

  it('reads committed records in consumer groups that read an exactly-once application’s output', () => {
    const topology = exampleTopology('dev');
    const [app] = topology.streamsApplications ?? [];
    if (app === undefined) throw new Error('the example has no Streams application');
    const output = { topic: { domain: 'orders', event: 'order-created' }, topicName: 'orders.order-created' };
    const writing = { ...topology, streamsApplications: [{ ...app, outputs: [output] }] };
    const payment = (t: typeof topology) =>
      deriveClients(t)
        .flatMap((c) => c.consumers)
        .find((c) => c.groupId === 'orders.payment');
    expect(payment(topology)?.readCommitted).toBe(false);
    expect(payment(writing)?.readCommitted).toBe(true);
    expect(payment(writing)?.settings.find((s) => s.key === 'isolation.level')?.reason).toContain('order-totals');
  });
});

describe('Kafka Streams exception-handler keys (KIP-1056)', () => {
  it('writes both spellings with the declared classes: the 4.0+ names and the deprecated default.* names older clients read', () => {
    const text = generateArtifacts([exampleTopology('dev')]).get('clients/dev/order-totals/streams.orders.order-totals.properties') ?? '';
    const { values, comments } = parseProperties(text);
    expect(EXCEPTION_HANDLER_KEYS).toEqual({
      deserialization: { since40: 'deserialization.exception.handler', before40: 'default.deserialization.exception.handler' },
      production: { since40: 'production.exception.handler', before40: 'default.production.exception.handler' },
    });
    const [app] = exampleTopology('dev').streamsApplications ?? [];
    const handlers = app?.exceptionHandlers;
    if (handlers === null || handlers === undefined) throw new Error('the example application declares no exception handlers');
    for (const kind of ['deserialization', 'production'] as const) {
      const { since40, before40 } = EXCEPTION_HANDLER_KEYS[kind];
      expect(values.get(since40)).toBe(handlers[kind]);
      expect(values.get(before40)).toBe(handlers[kind]);
      expect(comments.get(since40)).toContain('Kafka 4.0+');
      expect(comments.get(before40)).toContain('before Kafka 4.0');
    }
  });

  it('writes no handler keys for an application that declares none (lint TF-STREAMS-003 reports it instead)', () => {
    const topology = exampleTopology('dev');
    const apps = (topology.streamsApplications ?? []).map((a) => ({ ...a, exceptionHandlers: null }));
    const text = generateArtifacts([{ ...topology, streamsApplications: apps }]).get('clients/dev/order-totals/streams.orders.order-totals.properties');
    const keys = [...parseProperties(text ?? '').values.keys()];
    expect(keys.filter((k) => k.includes('exception.handler'))).toEqual([]);
    expect(keys).toContain('application.id');
  });
});

describe('num.stream.threads from the declared parallelism', () => {
  const app = (parallelism?: StreamsApplicationInput['parallelism']): StreamsApplicationInput => ({
    domain: 'orders',
    name: 'order-totals',
    service: 'order-totals',
    principal: 'User:order-totals',
    inputs: [{ topic: { domain: 'orders', event: 'order-created' } }],
    ...(parallelism === undefined ? {} : { parallelism }),
    source: { path: 'dev/orders/order-totals' },
  });
  const topologyOf = (a: StreamsApplicationInput): Topology => resolved(withDeclarations({ streamsApplications: [a] }));
  const threads = (t: Topology) => {
    const [resolvedApp] = t.streamsApplications ?? [];
    if (resolvedApp === undefined) throw new Error('no Streams application resolved');
    return streamsSettings(resolvedApp, t).find((s) => s.key === 'num.stream.threads');
  };

  it('sets the threads per instance that sized the input topic: 8 instances × 4 threads → num.stream.threads=4, 32 threads, 64 partitions', () => {
    const topology = topologyOf(app({ instances: 8, threadsPerInstance: 4 }));
    expect(topology.streamsApplications?.[0]?.parallelism).toEqual({ instances: 8, threadsPerInstance: 4 });
    const setting = threads(topology);
    expect(setting?.value).toBe('4');
    expect(setting?.reason).toContain('4 threads per instance × 8 instances = 32 at peak');
    // 32 threads × headroom 2 = 64: the partitions the same declaration sized, so every thread has a task.
    expect(eventTopic(topology, 'orders.order-created').partitions.value).toBe(64);
  });

  it('writes the default of one thread when parallelism is declared without threadsPerInstance (3 instances → 1, 3 in all)', () => {
    const topology = topologyOf(app({ instances: 3 }));
    expect(topology.streamsApplications?.[0]?.parallelism).toEqual({ instances: 3, threadsPerInstance: 1 });
    expect(threads(topology)?.value).toBe('1');
    expect(threads(topology)?.reason).toContain('1 thread per instance × 3 instances = 3 at peak');
  });

  it('writes no num.stream.threads, and no parallelism in the topology, when none is declared', () => {
    const topology = topologyOf(app());
    expect(topology.streamsApplications?.[0]).not.toHaveProperty('parallelism');
    expect(threads(topology)).toBeUndefined();
  });

  it('keeps parallelism through topology.json (the review and subset synth read it back)', () => {
    const topology = topologyOf(app({ instances: 2, threadsPerInstance: 6 }));
    const read = topologySchema.parse(JSON.parse(JSON.stringify(topology)));
    expect(read.streamsApplications?.[0]?.parallelism).toEqual({ instances: 2, threadsPerInstance: 6 });
    const text = generateArtifacts([topology]).get('clients/dev/order-totals/streams.orders.order-totals.properties') ?? '';
    expect(parseProperties(text).values.get('num.stream.threads')).toBe('6');
  });
});
