import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { deriveClients } from '../../artifacts/client-config';
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
