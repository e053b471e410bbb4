/**
 * One AsyncAPI 3.0 document per domain (`portal/<domain>/asyncapi.yaml`): what the domain's topics carry, in every
 * environment, for API portals and code generators.
 *
 * - servers: one per environment; the host is the variable `{bootstrap}`, the bootstrap servers CI supplies to
 *   terraform (never a value: synth reads none, and no credential or TLS setting is written).
 * - channels: one per topic the domain's stacks hold (event topics and the dead-letter and retry topics of its
 *   consumer groups) and environment, keyed `<env>.<topic>`, with the Kafka binding: partitions, replicas and the
 *   topic configuration that matters to clients (cleanup policy, retention, tombstone retention, min.insync.replicas).
 *   Bindings that dead-letter and retry channels share are written once under `components.channelBindings`, and a
 *   document with one server leaves out the channels' `servers` lists (./shared-bindings.ts).
 * - operations: `send` per producing service, `receive` per consumer group (the group id in the Kafka binding), and a
 *   group's `send` to its dead-letter and retry topics and `receive` from its retry topics; a Kafka Streams application
 *   `receive`s its inputs (its `application.id` is its group id) and `send`s to its outputs (its internal changelog and
 *   repartition topics are its own, not an API, and are only named in the summary); a sink connector `receive`s its
 *   topics (its consumer group in the binding) and `send`s its dead letters to its DLQ, which is a channel of the
 *   Connect cluster's domain; a source connector `send`s to the topics it writes. A producer's or group's operation is
 *   titled by its service alone, and no operation lists messages: it handles all of its channel's (OPERATIONS_READING).
 * - messages: per event type (or per subject when one schema carries several types), the declared contract schema as
 *   the payload where there is one, and the record key's field and why it is the ordering scope.
 *
 * Deterministic: everything is sorted and `info.version` is a hash of the document's content, so it changes exactly
 * when the document does.
 */
import { createHash } from 'node:crypto';
import { subjectNamingOf, subjectsOf } from '../../contracts/subjects';
import { canonicalString } from '../../model/canonical-json';
import type { ResolvedConnectTopic, ResolvedConnector, ResolvedConsumerGroup, ResolvedEventTopic, ResolvedTopic, Topology } from '../../model/topology';
import { BOOTSTRAP_SERVERS_VARIABLE } from '../../model/schema/auth';
import { durationText } from '../catalog/facts';
import { formatMs, oneLine } from '../format';
import { lookup } from '../lookup';
import { asyncApiKey, logicalTopicName } from './names';
import { messagePayload } from './payload';
import { dropSingleServerLists, shareChannelBindings } from './shared-bindings';

/** The AsyncAPI version written (the issue asks for 3.0; the parser also reads it). */
export const ASYNCAPI_VERSION = '3.0.0';
/** Version of the Kafka bindings (channel, operation, message) of AsyncAPI 3.0. */
export const KAFKA_BINDING_VERSION = '0.5.0';
/** Hex digits of SHA-256 in `info.version`. */
const VERSION_HASH_LENGTH = 12;
/** The topic configs a client of the topic cares about, written in the channel's Kafka binding. */
const CLIENT_TOPIC_CONFIGS = ['delete.retention.ms', 'max.message.bytes', 'min.insync.replicas', 'retention.bytes'] as const;

type Json = Record<string, unknown>;

/**
 * How to read an operation, said once per document instead of in every operation: a title that spelt out
 * `<service> reads <topic> in consumer group <group id>` or `<service> writes the dead letters of consumer group <group id>
 * to <dlq>` repeated what the operation's channel and Kafka binding state (at 1,000 bench topics ~0.35 MB), and a list of
 * every message of the channel repeated what an operation without `messages` means (AsyncAPI 3.0: all the channel's
 * messages, as the spec's Operation Object note and @asyncapi/parser's `operation.messages()` read it).
 */
export const OPERATIONS_READING =
  "A producing service's or consumer group's operation is titled by its service: its channel is the topic (a dead-letter or retry channel's description says whose), a receive operation's Kafka binding holds the group id, and every operation handles all the messages of its channel.";

/** The domains the Topologies hold, sorted. */
export function portalDomains(topologies: readonly Topology[]): string[] {
  return [...new Set(topologies.flatMap((t) => t.domains.map((d) => d.name)))].sort();
}

/** The AsyncAPI document of one domain, as a plain object (rendered to YAML by the caller). */
export function asyncApiDocument(domain: string, topologies: readonly Topology[]): Json {
  const present = topologies.filter((t) => lookup(t).domain(domain) !== undefined);
  const first = present[0] === undefined ? undefined : lookup(present[0]).domain(domain);
  const servers: Json = {};
  const channels: Json = {};
  const operations: Json = {};
  const messages = new Map<string, Json>();
  const schemas = new Map<string, Json>();
  /** Dead-letter and retry channels, whose bindings may be shared: channel key → component name prefix. */
  const shareable = new Map<string, string>();
  for (const topology of present) {
    const env = topology.environment.name;
    servers[env] = server(topology);
    const held = [...lookup(topology).ofDomain(domain).topics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const topic of held) {
      const channelKey = asyncApiKey(env, topic.name);
      const carried = messagesOf(topology, topic);
      for (const m of carried) {
        messages.set(m.key, m.message);
        for (const [key, schema] of m.schemas ?? []) schemas.set(key, schema);
      }
      channels[channelKey] = channel(topology, topic, carried);
      if (topic.kind !== 'event') shareable.set(channelKey, `${env}.${topic.kind}`);
      for (const [key, op] of topicOperations(topology, topic, channelKey)) operations[key] = op;
    }
    // The dead-letter topics of the domain's sink connectors: written by the connector, read by whoever re-drives them.
    const sinks = lookup(topology)
      .otherClientsOf(domain)
      .connectors.filter((k) => k.deadLetter !== null);
    for (const k of [...sinks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const dlq = k.deadLetter as ResolvedConnectTopic;
      const channelKey = asyncApiKey(env, dlq.name);
      channels[channelKey] = connectDeadLetterChannel(topology, dlq, k);
      shareable.set(channelKey, `${env}.connector-dead-letter`);
      operations[asyncApiKey(env, 'send', k.name, dlq.name)] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelKey}` },
        title: `sink connector ${k.name} writes the records it cannot convert or write to ${dlq.name}`,
        summary: `errors.tolerance=all with errors.deadletterqueue.topic.name; Connect cluster ${k.cluster.groupId}, authenticates as ${k.principal}.`,
      };
    }
  }
  const channelBindings = shareChannelBindings(channels, shareable);
  dropSingleServerLists(channels, servers);
  const sortedOperations = Object.fromEntries(Object.entries(operations).sort(([a], [b]) => (a < b ? -1 : 1)));
  const body: Json = {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: `${domain} events`,
      version: '',
      description: [
        oneLine(first?.description ?? ''),
        `Owner: ${first?.owner ?? 'unknown'}.`,
        'Generated by topicform from the declarations: one channel per topic and environment, one operation per producing service, consumer group, Kafka Streams application and connector.',
        OPERATIONS_READING,
      ]
        .filter((l) => l !== '')
        .join('\n\n'),
      tags: [{ name: `domain:${domain}` }],
    },
    defaultContentType: 'application/json',
    servers,
    channels,
    operations: sortedOperations,
    ...(messages.size === 0 && Object.keys(channelBindings).length === 0
      ? {}
      : {
          components: {
            ...(schemas.size === 0 ? {} : { schemas: sortedObject(schemas) }),
            ...(messages.size === 0 ? {} : { messages: sortedObject(messages) }),
            ...(Object.keys(channelBindings).length === 0 ? {} : { channelBindings }),
          },
        }),
  };
  const hash = createHash('sha256').update(canonicalString(body)).digest('hex').slice(0, VERSION_HASH_LENGTH);
  (body.info as Json).version = `sha256-${hash}`;
  return body;
}

function sortedObject(entries: ReadonlyMap<string, Json>): Json {
  return Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function server(topology: Topology): Json {
  const env = topology.environment;
  const prefix = env.topicPrefix === '' ? '' : ` Topic names carry the prefix \`${env.topicPrefix}\`.`;
  return {
    host: '{bootstrap}',
    protocol: 'kafka',
    title: env.name,
    description: `Environment ${env.name}${env.production ? ' (production)' : ''}${env.platform === 'confluent-cloud' ? ' on Confluent Cloud' : ''}: replication factor ${env.replicationFactor}, min.insync.replicas ${env.minInsyncReplicas}.${prefix} TLS and SASL settings are the cluster's, not part of the declarations.`,
    variables: {
      bootstrap: {
        description:
          env.platform === 'confluent-cloud'
            ? // Terraform reaches Confluent Cloud through its REST endpoint (docs/confluent-cloud.md): no bootstrap variable.
              `The bootstrap endpoint of environment ${env.name}'s Confluent Cloud cluster, from the cluster's settings; clients connect with SASL_SSL and an API key of their service account. Never written by topicform.`
            : `The bootstrap servers of environment ${env.name}: the value CI gives terraform as TF_VAR_${BOOTSTRAP_SERVERS_VARIABLE} (the environment's KAFKA_BOOTSTRAP_SERVERS). Never written by topicform.`,
      },
    },
    tags: [{ name: `env:${env.name}` }, ...(env.production ? [{ name: 'production' }] : [])],
  };
}

interface CarriedMessage {
  /** The key in components.messages. */
  readonly key: string;
  /** Schemas the payload refers to, for components.schemas. */
  readonly schemas?: ReadonlyArray<readonly [string, Json]>;
  /** The key in the channel's messages. */
  readonly id: string;
  readonly message: Json;
}

/** The messages a topic carries: its own for an event topic, its parent's for a dead-letter or retry topic. */
function messagesOf(topology: Topology, topic: ResolvedTopic): CarriedMessage[] {
  const event = topic.kind === 'event' ? topic : lookup(topology).eventTopicByRef(topic.parent.domain, topic.parent.event);
  if (event === undefined) return [];
  const logical = logicalTopicName(topology, event.name);
  const subjects = subjectsOf(event);
  const naming = subjectNamingOf(event.contract);
  const key = keyBinding(event);
  if (subjects.length === 0) {
    return [...event.eventTypes].sort().map((type) => ({
      key: asyncApiKey(logical, type),
      id: asyncApiKey(type),
      message: {
        name: type,
        title: type,
        summary: `${type} on ${logical}: no schema declared.`,
        bindings: { kafka: { ...key, bindingVersion: KAFKA_BINDING_VERSION } },
      },
    }));
  }
  return subjects.map((s) => {
    const id = s.eventTypes.length === 1 && s.eventTypes[0] !== undefined ? s.eventTypes[0] : 'value';
    const messageKey = asyncApiKey(logical, id);
    const { payload, schemas } = messagePayload(s.schema, messageKey);
    return {
      key: messageKey,
      schemas,
      id: asyncApiKey(id),
      message: {
        name: id,
        title: s.eventTypes.join(', '),
        summary: `${s.eventTypes.join(', ')} on ${logical}, compatibility ${event.contract.compatibility}.`,
        contentType: 'application/json',
        payload,
        bindings: { kafka: { ...key, ...(naming === undefined ? {} : { schemaLookupStrategy: naming }), bindingVersion: KAFKA_BINDING_VERSION } },
      },
    };
  });
}

function keyBinding(topic: ResolvedEventTopic): Json {
  if (topic.key === null) return {};
  const why = oneLine(topic.key.reason);
  return { key: { title: topic.key.field, description: `the ${topic.key.field}${topic.aggregate === null ? '' : ` of the ${topic.aggregate.name}`}: ${why}` } };
}

function channel(topology: Topology, topic: ResolvedTopic, carried: readonly CarriedMessage[]): Json {
  const topicConfiguration: Json = { 'cleanup.policy': topic.cleanupPolicy.split(',') };
  if (topic.retentionMs !== null) topicConfiguration['retention.ms'] = topic.retentionMs.value;
  for (const key of CLIENT_TOPIC_CONFIGS) {
    const value = topic.config[key];
    if (value !== undefined && /^-?\d+$/.test(value)) topicConfiguration[key] = Number(value);
  }
  const sortedConfig = Object.fromEntries(Object.entries(topicConfiguration).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    address: topic.name,
    description: channelDescription(topology, topic),
    servers: [{ $ref: `#/servers/${topology.environment.name}` }],
    ...(carried.length === 0 ? {} : { messages: Object.fromEntries(carried.map((m) => [m.id, { $ref: `#/components/messages/${m.key}` }])) }),
    bindings: {
      kafka: { partitions: topic.partitions.value, replicas: topic.replicationFactor, topicConfiguration: sortedConfig, bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

function channelDescription(topology: Topology, topic: ResolvedTopic): string {
  if (topic.kind === 'event') {
    const key = topic.key === null ? 'No key.' : `Key ${topic.key.field}: ${sentence(topic.key.reason)}`;
    const replay = topic.replay.kind === 'window' ? `Replay window ${durationText(topic.replay.window)}.` : 'Full replay: compacted by key.';
    return [topic.description === undefined ? '' : sentence(topic.description), key, replay].filter((l) => l !== '').join(' ');
  }
  const parent = lookup(topology).eventTopicByRef(topic.parent.domain, topic.parent.event)?.name ?? `${topic.parent.domain}.${topic.parent.event}`;
  return topic.kind === 'dead-letter'
    ? `Dead letters of consumer group ${topic.groupId} reading ${parent}.`
    : `Retry tier ${topic.retry?.tier ?? '?'} of consumer group ${topic.groupId} reading ${parent}, after ${formatMs(topic.retry?.delayMs ?? 0)}.`;
}

/** User text as one sentence: one line, ending with a full stop. */
function sentence(text: string): string {
  const line = oneLine(text);
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/** The operations on one channel, by key. */
function topicOperations(topology: Topology, topic: ResolvedTopic, channelKey: string): Array<[string, Json]> {
  const env = topology.environment.name;
  const channelRef = { $ref: `#/channels/${channelKey}` };
  const ops: Array<[string, Json]> = [];
  if (topic.kind === 'event') {
    const byService = new Map<string, string[]>();
    for (const p of lookup(topology).producersOf(topic.name)) byService.set(p.service, [...(byService.get(p.service) ?? []), p.principal]);
    for (const [service, principals] of [...byService.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      ops.push([
        asyncApiKey(env, 'send', service, topic.name),
        {
          action: 'send',
          channel: channelRef,
          title: service,
          summary: `Authenticates as ${[...new Set(principals)].sort().join(', ')}.`,
        },
      ]);
    }
    for (const group of lookup(topology).readersOf(topic.name)) {
      ops.push(receive(env, group, topic.name, channelRef));
    }
    for (const app of lookup(topology).streamsWritersOf(topic.name)) {
      ops.push([
        asyncApiKey(env, 'send', app.applicationId, topic.name),
        {
          action: 'send',
          channel: channelRef,
          title: `Kafka Streams application ${app.applicationId} (${app.service}) produces to ${topic.name}`,
          summary: `Authenticates as ${app.principal}; processing.guarantee ${app.processingGuarantee}${app.processingGuarantee === 'exactly_once_v2' ? ' (transactional: readers see its records once committed, with isolation.level=read_committed)' : ''}.`,
        },
      ]);
    }
    for (const app of lookup(topology).streamsReadersOf(topic.name)) {
      const internal =
        app.stateStores.some((s) => s.changelogTopic !== null) || app.repartitions ? ` Its internal topics (${app.internalPrefix}*) are its own.` : '';
      ops.push(
        receiveAs(env, app.applicationId, topic.name, channelRef, {
          title: `Kafka Streams application ${app.applicationId} (${app.service}) reads ${topic.name}`,
          summary: `application.id ${app.applicationId} is its consumer group; processing.guarantee ${app.processingGuarantee}.${internal}${app.idempotency === null ? '' : ` Idempotent: ${oneLine(app.idempotency)}.`}`,
        }),
      );
    }
    for (const k of lookup(topology).connectorsOf(topic.name)) ops.push(connectorOperation(env, k, topic.name, channelRef));
    return ops;
  }
  // By id from the index: this runs once per dead-letter and retry topic, and searching the groups from each was
  // quadratic (seconds at 10,000 topics).
  const group = lookup(topology).consumerGroup(topic.groupId);
  if (group === undefined) return ops;
  ops.push([asyncApiKey(env, 'send', group.groupId, topic.name), { action: 'send', channel: channelRef, title: group.service }]);
  if (topic.kind === 'retry') {
    ops.push(receive(env, group, topic.name, channelRef));
  }
  return ops;
}

/** A connector's operation on a topic: a sink `receive`s it in its consumer group, a source `send`s to it. */
function connectorOperation(env: string, k: ResolvedConnector, topicName: string, channelRef: Json): [string, Json] {
  const on = `Connect cluster ${k.cluster.groupId}, ${k.connectorClass}${k.tasksMax === null ? '' : `, tasks.max ${k.tasksMax}`}; authenticates as ${k.principal}.`;
  if (k.type === 'source') {
    return [
      asyncApiKey(env, 'send', k.name, topicName),
      {
        action: 'send',
        channel: channelRef,
        title: `source connector ${k.name} writes ${topicName}`,
        summary: `${on}${k.transactionalIdPrefix === null ? '' : ' Exactly-once: transactional writes.'}`,
      },
    ];
  }
  return receiveAs(env, k.groupId ?? k.name, topicName, channelRef, {
    title: `sink connector ${k.name} reads ${topicName} in consumer group ${k.groupId ?? k.name}`,
    summary: `${on}${k.deadLetter === null ? '' : ` Dead letters go to ${k.deadLetter.name}.`}${k.idempotency === null ? '' : ` Idempotent: ${oneLine(k.idempotency)}.`}`,
  });
}

/** A `receive` operation in consumer group `groupId`; `summary` only when there is one. */
function receiveAs(env: string, groupId: string, topicName: string, channelRef: Json, text: { title: string; summary?: string }): [string, Json] {
  return [
    asyncApiKey(env, 'receive', groupId, topicName),
    {
      action: 'receive',
      channel: channelRef,
      title: text.title,
      ...(text.summary === undefined ? {} : { summary: text.summary }),
      bindings: { kafka: { groupId: { type: 'string', enum: [groupId] }, bindingVersion: KAFKA_BINDING_VERSION } },
    },
  ];
}

function connectDeadLetterChannel(topology: Topology, t: ResolvedConnectTopic, k: ResolvedConnector): Json {
  const topicConfiguration: Json = { 'cleanup.policy': t.cleanupPolicy.split(',') };
  if (t.retentionMs !== null) topicConfiguration['retention.ms'] = t.retentionMs.value;
  return {
    address: t.name,
    description: `Dead letters of sink connector ${k.name} (Connect cluster ${k.cluster.groupId}) reading ${k.topics.map((x) => x.topicName).join(', ')}: the original record, with the error in its headers.`,
    servers: [{ $ref: `#/servers/${topology.environment.name}` }],
    bindings: { kafka: { partitions: t.partitions.value, replicas: t.replicationFactor, topicConfiguration, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function receive(env: string, group: ResolvedConsumerGroup, topicName: string, channelRef: Json): [string, Json] {
  return receiveAs(env, group.groupId, topicName, channelRef, {
    title: group.service,
    ...(group.idempotency === null ? {} : { summary: `Idempotent: ${oneLine(group.idempotency)}.` }),
  });
}
