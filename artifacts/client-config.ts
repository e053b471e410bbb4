/**
 * What each service's Kafka clients need, derived once from the Topology as data: every setting with the reason it has
 * that value. The renderers (clients/properties.ts, clients/json.ts, clients/kafkajs.ts) only format this.
 *
 * Clients are grouped per (service, principal): a service may produce and consume. A service gets one producer profile
 * per distinct set of producer settings (usually one) and one consumer profile per consumer group.
 */
import { MSK_IAM_CLIENT_SETTINGS } from './clients/msk-iam';
import { formatMs } from '../model/duration';
import {
  DEFAULT_DELIVERY_TIMEOUT_MS,
  DEFAULT_RETRY_BACKOFF_MAX_MS,
  DEFAULT_RETRY_BACKOFF_MS,
  KAFKA_DEFAULT_LINGER_MS,
  KAFKA_DEFAULT_REQUEST_TIMEOUT_MS,
} from '../model/limits';
import type { ResolvedConsumerGroup, ResolvedEventTopic, ResolvedProducer, ResolvedServiceAccount, Topology } from '../model/topology';
import { serviceAccountOf } from './clients/confluent';
import { compareStrings, formatCount, oneLine } from './format';
import { lookup } from './lookup';
import {
  KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS,
  KAFKA_DEFAULT_MAX_POLL_RECORDS,
  MAX_IN_FLIGHT_WITH_IDEMPOTENCE,
  MIN_MAX_POLL_INTERVAL_MS,
  POLL_INTERVAL_SHARE_OF_LAG,
  POLL_PROCESSING_SAFETY_FACTOR,
} from './limits';
import { groupBy } from '../model/group-by';

/** One Kafka client setting (Java / librdkafka key spelling), its value as Kafka's config string, and why. */
export interface Setting {
  readonly key: string;
  readonly value: string;
  readonly reason: string;
  /**
   * Why the rule `reason` shows the derivation of is what it is: fixed text, the same for every profile whose value is
   * derived by that rule, so client.json says it once (its `rationales`) instead of after every group's derivation.
   * A reason written out in full reads `<reason>: <rationale>`.
   */
  readonly rationale?: string;
  /** The value has a placeholder to fill per instance (`<instance>`): a template, not a setting to pass through. */
  readonly template?: boolean;
}

/** A setting's reason written out in full, its rationale included: for a file that has no client.json to point to. */
export function fullReason(s: Pick<Setting, 'reason' | 'rationale'>): string {
  return s.rationale === undefined ? s.reason : `${s.reason}: ${s.rationale}`;
}

export interface ProducerProfile {
  /** `producer`, or `producer.<first topic>` when the service needs several differently configured producers. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly idempotent: boolean;
  readonly transactionalIdPrefix: string | null;
  readonly delivery: ResolvedProducer['delivery'];
  /** Whether any topic written needs per-key ordering. */
  readonly orderedTopics: boolean;
  readonly maxInFlight: number;
  /** Where the producers are declared (files, no line numbers: those churn). */
  readonly sources: readonly string[];
  readonly settings: readonly Setting[];
}

export interface ConsumerSubscription {
  readonly topic: string;
  readonly deadLetterTopic: string | null;
  readonly retryTopics: ReadonlyArray<{ readonly tier: number; readonly name: string; readonly delayMs: number }>;
  /** Transactional producers of the topic, by service. */
  readonly transactionalProducers: readonly string[];
}

export interface ConsumerProfile {
  readonly groupId: string;
  readonly group: ResolvedConsumerGroup;
  readonly subscriptions: readonly ConsumerSubscription[];
  /** Everything the group reads with its group id: its topics and their retry tiers. */
  readonly subscribe: readonly string[];
  readonly readCommitted: boolean;
  readonly autoCommit: boolean;
  readonly autoOffsetReset: 'earliest';
  readonly maxPollRecords: number;
  readonly maxPollIntervalMs: number;
  readonly settings: readonly Setting[];
}

export interface ServiceClients {
  readonly environment: string;
  readonly service: string;
  readonly principal: string;
  /** The folder name under clients/<env>/: the service, or `<service>.<principal>` when it uses several principals. */
  readonly dirName: string;
  readonly producers: readonly ProducerProfile[];
  readonly consumers: readonly ConsumerProfile[];
  /**
   * The environment uses Amazon MSK IAM access control (auth `aws-iam`): every profile carries the MSK IAM client
   * settings (clients/msk-iam.ts). Absent otherwise.
   */
  readonly mskIam?: true;
  /**
   * On platform confluent-cloud, the service account the principal authenticates as, whose API key the client needs
   * (clients/confluent.ts). Absent elsewhere.
   */
  readonly serviceAccount?: ResolvedServiceAccount;
}

/** What is deliberately left out of every generated client config. */
export const NOT_INCLUDED = 'bootstrap.servers and credentials (security.protocol, sasl.*, ssl.*) are deployment settings and never synthesized';

/** Every (service, principal) of the topology with its producer and consumer profiles, sorted. */
export function deriveClients(topology: Topology): ServiceClients[] {
  // join() makes a flat string, quicker to hash than a template literal's rope: review derives this for whole
  // 10,000-topic environments on both sides (review/client-changes.ts).
  const keyOf = (service: string, principal: string): string => [service, principal].join('\u0000');
  const keys = new Map<string, { service: string; principal: string }>();
  for (const p of topology.producers) keys.set(keyOf(p.service, p.principal), { service: p.service, principal: p.principal });
  for (const g of topology.consumerGroups) keys.set(keyOf(g.service, g.principal), { service: g.service, principal: g.principal });
  const principalsPerService = new Map<string, number>();
  for (const { service } of keys.values()) principalsPerService.set(service, (principalsPerService.get(service) ?? 0) + 1);

  const eventTopics = new Map(topology.topics.filter((t): t is ResolvedEventTopic => t.kind === 'event').map((t) => [t.name, t]));
  const producersOf = groupBy(topology.producers, (p) => keyOf(p.service, p.principal));
  const groupsOf = groupBy(topology.consumerGroups, (g) => keyOf(g.service, g.principal));
  // On an aws-iam environment every profile ends with the MSK IAM client settings (no credential among them).
  const mskIam = topology.mskIam !== undefined;
  const withMskIam = <P extends { readonly settings: readonly Setting[] }>(profile: P): P =>
    mskIam ? { ...profile, settings: [...profile.settings, ...MSK_IAM_CLIENT_SETTINGS] } : profile;
  const clients = [...keys.values()].map(({ service, principal }): ServiceClients => {
    const producers = producersOf.get(keyOf(service, principal)) ?? [];
    const groups = groupsOf.get(keyOf(service, principal)) ?? [];
    return {
      environment: topology.environment.name,
      service,
      principal,
      dirName: (principalsPerService.get(service) ?? 1) > 1 ? `${service}.${principalPart(principal)}` : service,
      producers: producerProfiles(producers, eventTopics, service).map(withMskIam),
      consumers: groups
        .map((g) => consumerProfile(g, topology))
        .map(withMskIam)
        .sort((a, b) => compareStrings(a.groupId, b.groupId)),
      ...(mskIam ? { mskIam: true as const } : {}),
      ...serviceAccountField(topology, principal),
    };
  });
  return clients.sort((a, b) => compareStrings(a.dirName, b.dirName));
}

function serviceAccountField(topology: Topology, principal: string): { serviceAccount?: ResolvedServiceAccount } {
  const serviceAccount = serviceAccountOf(topology, principal);
  return serviceAccount === undefined ? {} : { serviceAccount };
}

/** `User:payment-service` → `user-payment-service`: safe in a file name, distinct per principal. */
function principalPart(principal: string): string {
  return principal
    .replace(/:/, '-')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .toLowerCase();
}

function producerProfiles(producers: readonly ResolvedProducer[], eventTopics: ReadonlyMap<string, ResolvedEventTopic>, service: string): ProducerProfile[] {
  const bySettings = groupBy(producers, (p) =>
    JSON.stringify([p.idempotent, p.transactionalIdPrefix, p.delivery.timeoutMs, p.delivery.backoffMs, p.delivery.backoffMaxMs, p.delivery.retries]),
  );
  const groups = [...bySettings.values()].map((list) => [...list].sort((a, b) => compareStrings(a.topicName, b.topicName)));
  groups.sort((a, b) => compareStrings(a[0]?.topicName ?? '', b[0]?.topicName ?? ''));
  return groups.flatMap((list) => {
    const first = list[0];
    if (first === undefined) return [];
    const topics = [...new Set(list.map((p) => p.topicName))];
    const orderedTopics = topics.some((t) => eventTopics.get(t)?.ordering !== 'none');
    const name = groups.length === 1 ? 'producer' : `producer.${first.topicName}`;
    const sources = [...new Set(list.map((p) => p.source.file ?? p.source.path))].sort(compareStrings);
    const maxInFlight = first.idempotent ? MAX_IN_FLIGHT_WITH_IDEMPOTENCE : orderedTopics ? 1 : MAX_IN_FLIGHT_WITH_IDEMPOTENCE;
    return [
      {
        name,
        topics,
        idempotent: first.idempotent,
        transactionalIdPrefix: first.transactionalIdPrefix,
        delivery: first.delivery,
        orderedTopics,
        maxInFlight,
        sources,
        settings: producerSettings(first, service, orderedTopics, maxInFlight),
      },
    ];
  });
}

function producerSettings(p: ResolvedProducer, service: string, orderedTopics: boolean, maxInFlight: number): Setting[] {
  const origin = (value: number, fallback: number, field: string): string =>
    value === fallback ? `${formatMs(value)}, the default (declare delivery.${field} to change it)` : `${formatMs(value)}, declared as delivery.${field}`;
  const settings: Setting[] = [
    { key: 'client.id', value: service, reason: 'names the service in broker logs, metrics and quotas' },
    p.idempotent
      ? {
          key: 'enable.idempotence',
          value: 'true',
          reason:
            'the idempotent producer: the broker drops duplicates a retry would write (per producer id and sequence number), and order holds within a partition',
        }
      : {
          key: 'enable.idempotence',
          value: 'false',
          reason: 'declared idempotent: false; a retry may write a duplicate, which every consumer must absorb (the design requires idempotent producers)',
        },
    { key: 'acks', value: 'all', reason: `a write counts only once every in-sync replica has it (min.insync.replicas); required by idempotence` },
    {
      key: 'delivery.timeout.ms',
      value: String(p.delivery.timeoutMs),
      reason: `bounds the time to report a send as failed, retries included: ${origin(p.delivery.timeoutMs, DEFAULT_DELIVERY_TIMEOUT_MS, 'timeout')}; bound the time, not the number of retries`,
    },
    {
      key: 'retry.backoff.ms',
      value: String(p.delivery.backoffMs),
      reason: `first wait before a retry, ${origin(p.delivery.backoffMs, DEFAULT_RETRY_BACKOFF_MS, 'backoff')}: an immediate retry amplifies an outage`,
    },
    {
      key: 'retry.backoff.max.ms',
      value: String(p.delivery.backoffMaxMs),
      reason: `ceiling of the exponential backoff (KIP-580: doubling, with jitter), ${origin(p.delivery.backoffMaxMs, DEFAULT_RETRY_BACKOFF_MAX_MS, 'backoffMax')}`,
    },
    {
      key: 'max.in.flight.requests.per.connection',
      value: String(maxInFlight),
      reason: p.idempotent
        ? `at most ${MAX_IN_FLIGHT_WITH_IDEMPOTENCE}: with idempotence, up to ${MAX_IN_FLIGHT_WITH_IDEMPOTENCE} in-flight batches keep their order on retry (Kafka rejects more)`
        : orderedTopics
          ? 'without idempotence a retried batch can overtake a later one: 1 keeps per-key order'
          : `no per-key ordering needed; at most ${MAX_IN_FLIGHT_WITH_IDEMPOTENCE} as for idempotent producers`,
    },
  ];
  const minimumDelivery = KAFKA_DEFAULT_REQUEST_TIMEOUT_MS + KAFKA_DEFAULT_LINGER_MS;
  if (p.delivery.timeoutMs < minimumDelivery) {
    settings.push({
      key: 'request.timeout.ms',
      value: String(Math.max(1, p.delivery.timeoutMs - KAFKA_DEFAULT_LINGER_MS)),
      reason: `Kafka requires delivery.timeout.ms ≥ linger.ms (${KAFKA_DEFAULT_LINGER_MS}) + request.timeout.ms (default ${formatCount(KAFKA_DEFAULT_REQUEST_TIMEOUT_MS)}); lowered to fit the declared bound`,
    });
  }
  if (p.delivery.retries !== null) {
    settings.push({
      key: 'retries',
      value: String(p.delivery.retries),
      reason:
        'declared explicitly (delivery.retries); Kafka advises leaving retries at its default and bounding delivery.timeout.ms instead, and capping retries on an idempotent producer can break its guarantees',
    });
  }
  if (p.transactionalIdPrefix !== null) {
    settings.push({
      key: 'transactional.id',
      value: `${p.transactionalIdPrefix}<instance>`,
      template: true,
      reason: `one transactional.id per producer instance, starting with the declared prefix "${p.transactionalIdPrefix}" (the ACL is TransactionalID WRITE, Prefixed on it); replace <instance> with a stable instance id, e.g. a StatefulSet ordinal`,
    });
  }
  return settings;
}

function consumerProfile(g: ResolvedConsumerGroup, topology: Topology): ConsumerProfile {
  const index = lookup(topology);
  const transactionalProducersOf = (topic: string): string[] =>
    [
      ...new Set([
        ...index
          .producersOf(topic)
          .filter((p) => p.transactionalIdPrefix !== null)
          .map((p) => p.service),
        // An exactly_once_v2 Streams application writes its outputs in transactions too (TF-STREAMS-002 relies on this).
        ...index
          .streamsWritersOf(topic)
          .filter((a) => a.processingGuarantee === 'exactly_once_v2')
          .map((a) => a.service),
      ]),
    ].sort(compareStrings);
  const subscriptions: ConsumerSubscription[] = g.subscriptions.map((s) => ({
    topic: s.topicName,
    deadLetterTopic: s.deadLetterTopic,
    retryTopics: s.retryTopics.map((name, i) => ({
      name,
      tier: index.retryTier(name)?.tier ?? i + 1,
      delayMs: index.retryTier(name)?.delayMs ?? g.retryDelaysMs[i] ?? 0,
    })),
    transactionalProducers: transactionalProducersOf(s.topicName),
  }));
  const subscribe = subscriptions.flatMap((s) => [s.topic, ...s.retryTopics.map((r) => r.name)]).sort(compareStrings);
  const transactional = subscriptions.filter((s) => s.transactionalProducers.length > 0);
  const autoCommit = g.offsetCommit.mode === 'auto';
  const interval = maxPollInterval(g);
  const records = maxPollRecords(g, interval.value);

  const settings: Setting[] = [
    { key: 'client.id', value: g.service, reason: 'names the service in broker logs, metrics and quotas' },
    { key: 'group.id', value: g.groupId, reason: `the declared consumer group ${g.domain}.${g.name}; its principal has Group READ on exactly this id` },
    autoCommit
      ? {
          key: 'enable.auto.commit',
          value: 'true',
          reason: `the group opted into auto commit: "${oneLine(g.offsetCommit.reason ?? '')}" (auto commit commits offsets of earlier polls; safe only when processing is synchronous inside the poll loop)`,
        }
      : {
          key: 'enable.auto.commit',
          value: 'false',
          reason: 'commit offsets manually after processing: auto commit can commit a message that was never processed (at-least-once)',
        },
    {
      key: 'auto.offset.reset',
      value: 'earliest',
      reason:
        'a new group, or one whose committed offsets expired, starts at the oldest retained event instead of skipping everything before its first poll (at-least-once; consumers are idempotent)',
    },
    { key: 'max.poll.records', value: String(records.value), reason: records.explanation, ...rationaleOf(records) },
    { key: 'max.poll.interval.ms', value: String(interval.value), reason: interval.explanation, ...rationaleOf(interval) },
  ];
  if (transactional.length > 0) {
    const who = transactional.map((s) => `${s.topic} (${s.transactionalProducers.join(', ')})`).join('; ');
    settings.push({
      key: 'isolation.level',
      value: 'read_committed',
      reason: `transactional producers write ${who}: read only committed transactions, never aborted ones`,
    });
  }
  return {
    groupId: g.groupId,
    group: g,
    subscriptions,
    subscribe,
    readCommitted: transactional.length > 0,
    autoCommit,
    autoOffsetReset: 'earliest',
    maxPollRecords: records.value,
    maxPollIntervalMs: interval.value,
    settings,
  };
}

interface Derived {
  readonly value: number;
  /** How the value was worked out from the declarations. */
  readonly explanation: string;
  /** Why the rule is what it is (fixed text); absent when nothing was declared to derive from. */
  readonly rationale?: string;
}

/** `{ rationale }` for a Setting, or nothing (exactOptionalPropertyTypes: never `rationale: undefined`). */
const rationaleOf = (d: Derived): { rationale?: string } => (d.rationale === undefined ? {} : { rationale: d.rationale });

/** Why max.poll.interval.ms is derived from the tolerated lag (POLL_INTERVAL_SHARE_OF_LAG). */
export const MAX_POLL_INTERVAL_RATIONALE = 'a stuck consumer is evicted and its partitions reassigned with half the tolerated lag left to catch up';

/** Why max.poll.records is derived from max.poll.interval.ms and the declared processing time (POLL_PROCESSING_SAFETY_FACTOR). */
export const MAX_POLL_RECORDS_RATIONALE = `a whole batch finishes before max.poll.interval.ms even at ${POLL_PROCESSING_SAFETY_FACTOR}× the declared processing time`;

/**
 * max(floor, one slow record, min(Kafka's default, lag tolerance × share)): a stuck consumer is evicted within half the
 * tolerated lag, never below a floor that GC pauses would trip, and always long enough for one record at the slow rate.
 */
export function maxPollInterval(g: Pick<ResolvedConsumerGroup, 'processingTimePerMessageMs' | 'maxProcessingLagMs'>): Derived {
  let value: number;
  let text: string;
  let rationale: string | undefined;
  if (g.maxProcessingLagMs === null) {
    value = KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS;
    text = `no maxProcessingLag declared: Kafka's default ${formatMs(value)}`;
  } else {
    value = Math.min(KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS, Math.round(g.maxProcessingLagMs * POLL_INTERVAL_SHARE_OF_LAG));
    text = `min(Kafka's default ${formatMs(KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS)}, tolerated lag ${formatMs(g.maxProcessingLagMs)} × ${POLL_INTERVAL_SHARE_OF_LAG}) = ${formatMs(value)}`;
    rationale = MAX_POLL_INTERVAL_RATIONALE;
  }
  if (value < MIN_MAX_POLL_INTERVAL_MS) {
    value = MIN_MAX_POLL_INTERVAL_MS;
    text += `; raised to the floor ${formatMs(MIN_MAX_POLL_INTERVAL_MS)} (below it GC pauses evict healthy consumers)`;
  }
  if (g.processingTimePerMessageMs !== null) {
    const oneSlowRecord = g.processingTimePerMessageMs * POLL_PROCESSING_SAFETY_FACTOR;
    if (value < oneSlowRecord) {
      value = oneSlowRecord;
      text += `; raised to one record at ${POLL_PROCESSING_SAFETY_FACTOR}× the declared ${formatMs(g.processingTimePerMessageMs)} per message = ${formatMs(oneSlowRecord)}`;
    }
  }
  return rationale === undefined ? { value, explanation: text } : { value, explanation: text, rationale };
}

/** min(Kafka's default, max.poll.interval.ms ÷ (declared time per message × safety)), at least 1. */
export function maxPollRecords(g: Pick<ResolvedConsumerGroup, 'processingTimePerMessageMs'>, maxPollIntervalMs: number): Derived {
  if (g.processingTimePerMessageMs === null) {
    return {
      value: KAFKA_DEFAULT_MAX_POLL_RECORDS,
      explanation: `no processingTimePerMessage declared: Kafka's default ${KAFKA_DEFAULT_MAX_POLL_RECORDS}; declare it to size the batch`,
    };
  }
  const slow = g.processingTimePerMessageMs * POLL_PROCESSING_SAFETY_FACTOR;
  const fits = Math.floor(maxPollIntervalMs / slow);
  const value = Math.max(1, Math.min(KAFKA_DEFAULT_MAX_POLL_RECORDS, fits));
  return {
    value,
    explanation:
      `min(Kafka's default ${KAFKA_DEFAULT_MAX_POLL_RECORDS}, max.poll.interval.ms ${formatCount(maxPollIntervalMs)} ÷ (${formatMs(g.processingTimePerMessageMs)} per message × safety ${POLL_PROCESSING_SAFETY_FACTOR}) = ${formatCount(fits)})` +
      `${value !== Math.min(KAFKA_DEFAULT_MAX_POLL_RECORDS, fits) ? ', at least 1' : ''} = ${value}`,
    rationale: MAX_POLL_RECORDS_RATIONALE,
  };
}
