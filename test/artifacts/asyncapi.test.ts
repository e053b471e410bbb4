// The AsyncAPI documents synth writes (portal/<domain>/asyncapi.yaml) parse with the official AsyncAPI parser
// (@asyncapi/parser: the 3.0.0 JSON Schema of @asyncapi/specs plus the AsyncAPI Spectral ruleset) without an error or a
// warning, and say what the Topology says: bindings, operations, messages and servers without a secret.
import { Parser } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateArtifacts } from '../../artifacts';
import { asyncApiDocument } from '../../artifacts/portal/asyncapi';
import { messagePayload, PAYLOAD_SCHEMA_FORMAT } from '../../artifacts/portal/payload';
import { subjectsOf } from '../../contracts/subjects';
import type { ResolvedEventTopic, Topology } from '../../model/topology';
import { everyClientTopology } from './every-client-fixture';
import { edgeCaseTopology, exampleTopologies, exampleTopology } from './fixtures';

/** Diagnostics of severity error (0) or warning (1); information and hints (e.g. "3.1.0 exists") are not failures. */
async function problems(document: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(document);
  return diagnostics.filter((d) => Number(d.severity) <= 1).map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`);
}

type Doc = {
  servers: Record<string, { host: string; variables: Record<string, unknown> }>;
  channels: Record<string, Channel>;
  operations: Record<string, Operation>;
  components?: { messages: Record<string, Message>; schemas?: Record<string, unknown> };
  info: { version: string };
};
type Channel = {
  address: string;
  messages?: Record<string, unknown>;
  bindings: { kafka: { partitions: number; replicas: number; topicConfiguration: Record<string, unknown> } };
};
type Operation = { action: string; channel: { $ref: string }; bindings?: { kafka: { groupId: { enum: string[] } } } };
type Message = { payload?: { schemaFormat: string; schema: unknown }; bindings: { kafka: { key?: { title: string } } } };

const portalFiles = (topologies: readonly Topology[]): Array<[string, string]> =>
  [...generateArtifacts(topologies)].filter(([f]) => f.endsWith('/asyncapi.yaml'));

describe.each<[string, () => readonly Topology[]]>([
  ['the examples', exampleTopologies],
  ['one environment (channels without servers lists)', () => [exampleTopology('prod')]],
  ['the edge cases', () => [edgeCaseTopology()]],
  ['every client kind (Kafka Streams, Connect)', () => [everyClientTopology()]],
])('AsyncAPI documents of %s', (_, topologies) => {
  const files = portalFiles(topologies());

  it('one per domain', () => {
    const domains = new Set(topologies().flatMap((t) => t.domains.map((d) => d.name)));
    expect(files.map(([f]) => f)).toEqual([...domains].sort().map((d) => `portal/${d}/asyncapi.yaml`));
  });

  it.each(files)(
    '%s parses with @asyncapi/parser, no error or warning',
    async (_file, content) => {
      expect(await problems(content)).toEqual([]);
    },
    60_000,
  );
});

describe('what an AsyncAPI document says', () => {
  const docs = new Map(portalFiles(exampleTopologies()).map(([f, c]) => [f, parse(c, { version: '1.2' }) as Doc]));
  const orders = docs.get('portal/orders/asyncapi.yaml') as Doc;
  const prod = exampleTopology('prod');
  const created = prod.topics.find((t) => t.name === 'orders.order-created') as ResolvedEventTopic;

  it('has a server per environment whose host is the bootstrap variable, and no secret', () => {
    expect(Object.keys(orders.servers)).toEqual(exampleTopologies().map((t) => t.environment.name));
    for (const server of Object.values(orders.servers)) {
      expect(server.host).toBe('{bootstrap}');
      expect(Object.keys(server.variables)).toEqual(['bootstrap']);
    }
    for (const content of docs.values()) expect(JSON.stringify(content)).not.toMatch(/password|secret_key|BEGIN [A-Z ]*KEY|sasl_username/i);
  });

  it("says where a Confluent Cloud environment's bootstrap comes from: the cluster's settings, not a terraform variable", () => {
    type Described = { description: string; variables: { bootstrap: { description: string } } };
    const servers = orders.servers as unknown as Record<string, Described>;
    expect(servers.confluent?.description).toMatch(/^Environment confluent \(production\) on Confluent Cloud: /);
    expect(servers.confluent?.variables.bootstrap.description).toContain("confluent's Confluent Cloud cluster, from the cluster's settings");
    expect(servers.confluent?.variables.bootstrap.description).not.toContain('TF_VAR_');
    expect(servers.prod?.variables.bootstrap.description).toContain('TF_VAR_kafka_bootstrap_servers');
  });

  it('binds each channel to its topic as declared and derived: partitions, replicas, cleanup policy, retention', () => {
    const channel = orders.channels['prod.orders.order-created'];
    expect(channel?.address).toBe('orders.order-created');
    expect(channel?.bindings.kafka).toMatchObject({
      partitions: created.partitions.value,
      replicas: created.replicationFactor,
      topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': created.retentionMs?.value },
    });
    const search = docs.get('portal/search/asyncapi.yaml') as Doc;
    expect(search.channels['prod.search.document-changed']?.bindings.kafka.topicConfiguration['cleanup.policy']).toEqual(['compact']);
    expect(orders.channels['staging.staging.orders.order-created']?.address).toBe('staging.orders.order-created');
  });

  it('has a send operation per producing service and a receive operation per consumer group and Streams application, with its group id', () => {
    const ops = Object.entries(orders.operations).filter(([, op]) => op.channel.$ref === '#/channels/prod.orders.order-created');
    const sends = ops.filter(([, op]) => op.action === 'send').map(([k]) => k);
    const groups = ops.filter(([, op]) => op.action === 'receive').map(([, op]) => op.bindings?.kafka.groupId.enum[0]);
    expect(sends).toEqual(['prod.send.order-service.orders.order-created']);
    expect(groups.sort()).toEqual(
      [
        ...prod.consumerGroups.filter((g) => g.subscriptions.some((s) => s.topicName === created.name)).map((g) => g.groupId),
        // A Kafka Streams application reads in its application.id; a sink connector in its consumer group.
        ...(prod.streamsApplications ?? []).filter((a) => a.inputs.some((i) => i.topicName === created.name)).map((a) => a.applicationId),
        ...(prod.connect?.connectors ?? []).filter((k) => k.type === 'sink' && k.topics.some((t) => t.topicName === created.name)).map((k) => k.groupId),
      ].sort(),
    );
  });

  it("titles a producer's and a consumer group's operations by the service alone, the rest said by the channel and binding", () => {
    // topics/orders.ts: order-service produces orders.order-created; payment-service reads it in group orders.payment,
    // whose dead letters go to orders.order-created.payment.dlq.
    type Titled = Operation & { title?: string; messages?: unknown };
    const ops = orders.operations as Record<string, Titled>;
    expect(ops['prod.send.order-service.orders.order-created']?.title).toBe('order-service');
    const receive = ops['prod.receive.orders.payment.orders.order-created'];
    expect(receive?.title).toBe('payment-service');
    expect(receive?.bindings?.kafka.groupId.enum).toEqual(['orders.payment']);
    const dlqSend = ops['prod.send.orders.payment.orders.order-created.payment.dlq'];
    expect(dlqSend?.title).toBe('payment-service');
    expect(dlqSend?.channel.$ref).toBe('#/channels/prod.orders.order-created.payment.dlq');
    const dlq = orders.channels['prod.orders.order-created.payment.dlq'] as Channel & { description: string };
    expect(dlq.description).toBe('Dead letters of consumer group orders.payment reading orders.order-created.');
    for (const [key, op] of Object.entries(ops)) expect(op.messages, key).toBeUndefined();
    expect((orders as unknown as { info: { description: string } }).info.description).toContain('every operation handles all the messages of its channel');
  });

  it('leaves each operation every message of its channel, as the AsyncAPI parser reads an operation without a list', async () => {
    const file = portalFiles(exampleTopologies()).find(([f]) => f === 'portal/orders/asyncapi.yaml');
    const { document } = await new Parser().parse(file?.[1] ?? '');
    const messagesOf = (id: string): Array<string | undefined> | undefined =>
      document
        ?.operations()
        .get(id)
        ?.messages()
        .all()
        .map((m) => m.name());
    expect(messagesOf('prod.receive.orders.payment.orders.order-created')).toEqual(['OrderCreated']);
    expect(messagesOf('prod.send.orders.payment.orders.order-created.payment.dlq')).toEqual(['OrderCreated']);
  }, 60_000);

  it('carries the contract schema as the message payload, with the key', () => {
    const messages = orders.components?.messages ?? {};
    const [subject] = subjectsOf(created);
    const declared: Record<string, unknown> = { ...subject?.schema };
    delete declared.$schema;
    const message = messages['orders.order-created.OrderCreated'];
    expect(message?.payload?.schemaFormat).toBe(PAYLOAD_SCHEMA_FORMAT);
    expect(message?.payload?.schema).toEqual(declared);
    expect(message?.bindings.kafka.key?.title).toBe('orderId');
  });

  it('changes its version exactly when its content changes', () => {
    const again = asyncApiDocument('orders', exampleTopologies()) as unknown as Doc;
    expect(again.info.version).toBe(orders.info.version);
    const fewer = asyncApiDocument(
      'orders',
      exampleTopologies().filter((t) => t.environment.name !== 'dev'),
    ) as unknown as Doc;
    expect(fewer.info.version).not.toBe(orders.info.version);
  });
});

describe('bindings said once', () => {
  const resolve = (doc: Doc & { components?: { channelBindings?: Record<string, unknown> } }, channel: { bindings: unknown }): Channel['bindings'] => {
    const ref = (channel.bindings as { $ref?: string }).$ref;
    if (ref === undefined) return channel.bindings as Channel['bindings'];
    return doc.components?.channelBindings?.[ref.replace('#/components/channelBindings/', '')] as Channel['bindings'];
  };

  it.each([
    ['every environment', exampleTopologies()],
    ['one environment', [exampleTopology('prod')]],
  ])('%s: each channel, shared bindings resolved, binds its topic as declared and derived', (_, topologies) => {
    const docs = portalFiles(topologies).map(([, c]) => parse(c, { version: '1.2' }) as Doc);
    let shared = 0;
    for (const doc of docs) {
      for (const [key, channel] of Object.entries(doc.channels)) {
        const topology = topologies.find((t) => key.startsWith(`${t.environment.name}.`) && t.topics.some((x) => x.name === channel.address));
        const topic = topology?.topics.find((x) => x.name === channel.address);
        if (topic === undefined) continue; // a connector's dead-letter topic: checked by the parser and elsewhere
        if ('$ref' in (channel.bindings as object)) shared++;
        expect(resolve(doc, channel)?.kafka).toMatchObject({
          partitions: topic.partitions.value,
          replicas: topic.replicationFactor,
          topicConfiguration: {
            'cleanup.policy': topic.cleanupPolicy.split(','),
            ...(topic.retentionMs === null ? {} : { 'retention.ms': topic.retentionMs.value }),
          },
        });
        // Event topics keep their bindings in place: a reader of the channel sees its partitions and retention.
        if (topic.kind === 'event') expect('$ref' in (channel.bindings as object)).toBe(false);
        const servers = (channel as { servers?: unknown[] }).servers;
        expect(servers?.length).toBe(topologies.length === 1 ? undefined : 1);
      }
    }
    expect(shared).toBeGreaterThan(0);
  });
});

describe('recursive contract schemas', () => {
  const recursive = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { id: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } }, owner: { $ref: '#/$defs/Person' } },
    required: ['id'],
    $defs: { Person: { type: 'object', properties: { name: { type: 'string' }, manager: { $ref: '#/$defs/Person' } } } },
  };

  it('moves $defs to components and points every reference inside the document', () => {
    const { payload, schemas } = messagePayload(recursive, 'orders.order-created.OrderCreated');
    expect(JSON.stringify(payload)).not.toContain('$defs');
    expect(JSON.stringify(payload)).toContain('"#/components/messages/orders.order-created.OrderCreated/payload/schema"');
    expect(schemas.map(([k]) => k)).toEqual(['orders.order-created.OrderCreated.Person']);
    expect(JSON.stringify(schemas)).toContain('"#/components/schemas/orders.order-created.OrderCreated.Person/schema"');
  });

  let document = '';
  beforeAll(() => {
    const withRecursion = exampleTopologies().map((t) => ({
      ...t,
      topics: t.topics.map((x) => (x.kind === 'event' && x.ref.event === 'order-created' ? { ...x, contract: { ...x.contract, schema: recursive } } : x)),
    })) as Topology[];
    document = portalFiles(withRecursion).find(([f]) => f === 'portal/orders/asyncapi.yaml')?.[1] ?? '';
  });

  it('still parse with @asyncapi/parser', async () => {
    expect(document).toContain('orders.order-created.OrderCreated.Person');
    expect(await problems(document)).toEqual([]);
  }, 60_000);
});

describe('the parser is live', () => {
  it('rejects a document whose operation points at a channel that does not exist', async () => {
    const [, content] = portalFiles(exampleTopologies())[0] ?? ['', ''];
    const broken = content.replace('$ref: "#/channels/prod.orders.order-created"', '$ref: "#/channels/prod.orders.no-such-topic"');
    expect(broken).not.toBe(content);
    expect((await problems(broken)).length).toBeGreaterThan(0);
  }, 60_000);
});
