import type { Construct } from './cdktf';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import type { IEventTopic } from './event-topic';
import type { ReplaySafetyInput, Suppression, TopicRef } from '../model/schema';
import type { ProcessingGuarantee } from '../model/vocabulary';

/** A topic a Streams application reads or writes: the topic (construct or declared identity) and, for another domain's, why. */
export interface StreamsTopic {
  /** The topic, e.g. `created` (an EventTopic) or `{ domain: 'billing', event: 'invoice-paid' }`. */
  readonly topic: IEventTopic | TopicRef;
  /**
   * Why it reads or writes another domain's topic: access to an event stream is its owner's decision.
   *
   * @default - none; required when the topic belongs to another domain
   */
  readonly reason?: string;
}

export interface StreamsApplicationProps {
  /** The application (deployable) it is. */
  readonly service: string;

  /** The principal its instances authenticate as, e.g. `KafkaPrincipal.user('order-totals')`. */
  readonly principal: string;

  /**
   * Kafka Streams' `application.id`: its consumer group id, the prefix of its internal topics and of its transactional
   * ids. Global to the cluster, like a group id.
   *
   * @default `<domain>.<name>`
   */
  readonly applicationId?: string;

  /**
   * The topics it reads (source topics). Each gets Topic READ; another domain's needs `reason`.
   */
  readonly inputs: readonly StreamsTopic[];

  /**
   * The topics it writes (sink topics). Each gets Topic WRITE; another domain's needs `reason`.
   *
   * @default []
   */
  readonly outputs?: readonly StreamsTopic[];

  /**
   * Kafka Streams' `processing.guarantee`. `exactly_once_v2` reads, updates state and writes in one transaction (needs
   * brokers ≥ 2.5) and adds the TransactionalID ACLs; readers of its outputs must then read committed records only.
   *
   * @default 'at_least_once' (Kafka Streams' default)
   */
  readonly processingGuarantee?: ProcessingGuarantee;

  /**
   * Its state stores. A store with a changelog (the default) is restored from `<application.id>-<store>-changelog`;
   * one without loses its state with its instance.
   *
   * @default []
   */
  readonly stateStores?: ReadonlyArray<{ readonly name: string; readonly changelog?: boolean }>;

  /**
   * How many stream threads it runs at peak: `instances` × `threadsPerInstance` (`num.stream.threads`). Kafka Streams
   * runs one task per input partition, so its input topics are sized with at least one partition per thread (× the
   * partition headroom) — a thread beyond the partition count sits idle.
   *
   * @default - not declared: its input topics are sized without it; `threadsPerInstance` defaults to 1 (Kafka Streams' default)
   */
  readonly parallelism?: { readonly instances: number; readonly threadsPerInstance?: number };

  /**
   * Whether it re-keys records (selectKey, groupBy, a join on another key) and so writes repartition topics. With
   * state, it makes co-partitioning of its inputs matter (TF-STREAMS-001).
   *
   * @default false
   */
  readonly repartitions?: boolean;

  /**
   * The handler classes for records it cannot deserialize (`deserialization.exception.handler`) or produce
   * (`production.exception.handler`): its dead-letter strategy, e.g. a handler that writes the record to a DLQ topic
   * (KIP-1034) and continues.
   *
   * @default - none: Kafka Streams' defaults stop the application on the first such record; lint reports it (TF-STREAMS-003)
   */
  readonly exceptionHandlers?: { readonly deserialization: string; readonly production: string };

  /**
   * How duplicates are made harmless where the processing guarantee does not cover them (at_least_once; effects outside
   * Kafka).
   *
   * @default - none
   */
  readonly idempotency?: string;

  /**
   * Whether processing is deterministic and how external side effects are controlled on replay (an application reset).
   *
   * @default - none; lint warns on a reader of a replayable topic without one (TF-REPLAY-004)
   */
  readonly replaySafety?: ReplaySafetyInput;

  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

/**
 * A Kafka Streams application owned by a domain.
 *
 * Grants: Topic READ on its inputs and WRITE on its outputs (Literal); CREATE, DELETE, DESCRIBE, READ and WRITE on its
 * internal topics, Prefixed on `<application.id>-`; Group READ on its application id; with `exactly_once_v2`,
 * TransactionalID WRITE and DESCRIBE Prefixed on `<application.id>-`; Cluster IdempotentWrite only with the
 * environment's `legacyIdempotentWrite` (brokers older than 2.8). See model/acl-streams.ts.
 */
export class StreamsApplication extends DeclarationConstruct {
  readonly declarationKind = 'streamsApplication' as const;
  readonly applicationName: string;
  readonly props: StreamsApplicationProps;

  constructor(scope: Construct, name: string, props: StreamsApplicationProps) {
    super(scope, name);
    this.applicationName = name;
    this.props = { ...props };
  }

  toDeclaration(): Record<string, unknown> {
    const { inputs, outputs, stateStores, exceptionHandlers, replaySafety, suppressions, parallelism, ...rest } = this.props;
    const topics = (list: readonly StreamsTopic[]): Array<Record<string, unknown>> =>
      list.map((t) => ({ topic: refOf(t.topic), ...(t.reason === undefined ? {} : { reason: t.reason }) }));
    return {
      // Outside a Domain the empty name is reported by the model, located, like any other bad declaration.
      domain: Domain.tryOf(this)?.domainName ?? '',
      name: this.applicationName,
      ...rest,
      inputs: topics(inputs),
      ...(outputs === undefined ? {} : { outputs: topics(outputs) }),
      ...(stateStores === undefined ? {} : { stateStores: stateStores.map((s) => ({ ...s })) }),
      ...(exceptionHandlers === undefined ? {} : { exceptionHandlers: { ...exceptionHandlers } }),
      ...(parallelism === undefined ? {} : { parallelism: { ...parallelism } }),
      ...(replaySafety === undefined ? {} : { replaySafety: { ...replaySafety, sideEffects: { ...replaySafety.sideEffects } } }),
      ...(suppressions === undefined ? {} : { suppressions: suppressions.map((s) => ({ ...s })) }),
      source: this.source,
    };
  }
}

function refOf(topic: IEventTopic | TopicRef): TopicRef {
  const ref = 'topicRef' in topic ? topic.topicRef : topic;
  return { domain: ref.domain, event: ref.event };
}
