import type { Construct } from './cdktf';
import type { ConsumerGroup, ConsumerGroupOptions } from './consumer-group';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import { Producer, type GrantProduceOptions } from './producer';
import type { CleanupPolicy, CompatibilityMode, OrderingNeed } from '../model/vocabulary';
import type { DurationString } from '../model/duration';
import type { KeyDeclaration, ReplayDeclaration, SubjectNamingStrategy, Suppression, ThroughputDeclaration, TopicRef } from '../model/schema';
import { convertContractSchemas, type SchemaInput } from '../contracts/convert';
import { attachIssues } from './validation';

/** A topic that can be subscribed to: declared here, or owned by another domain, file or stack. */
export interface IEventTopic {
  /** The topic's declared identity, independent of environment prefixes. */
  readonly topicRef: TopicRef;
}

export interface EventTopicProps {
  /**
   * What the topic carries, in one sentence.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * The Kafka topic name, when it cannot be `<domain>.<name>`: a topic adopted from a cluster under its own name. It is
   * checked against Kafka's rules and against every other topic's name; the environment's `topicPrefix` is prepended.
   * Dead-letter and retry topics are named after it.
   *
   * @default `<domain>.<name>`
   */
  readonly topicName?: string;

  /** The event types the topic carries: one or more, all of the same aggregate (e.g. `OrderCreated`, `OrderPaid`). */
  readonly eventTypes: readonly string[];

  /**
   * The record key: its field, the aggregate it identifies, why it is the ordering scope, and its estimated cardinality.
   *
   * Ordering holds only within one partition, so the key decides ordering, hot partitions and the blast radius of a bad
   * event.
   *
   * @default - no key; allowed only with `ordering: 'none'`
   */
  readonly key?: KeyDeclaration;

  /**
   * The aggregate the events belong to, and how many instances it has. Lint compares it with what the key identifies:
   * a narrower key collapses per-aggregate ordering, a broader one widens the blast radius of a bad event.
   *
   * @default - the aggregate the key identifies
   */
  readonly aggregate?: { readonly name: string; readonly cardinality?: number };

  /**
   * Whether consumers need the events of one key in order.
   *
   * @default 'per-key'
   */
  readonly ordering?: OrderingNeed;

  /**
   * Partition count. Partitions cap consumer parallelism and cannot be reduced later.
   *
   * @default - sized from `throughput` and the readers' processing time, × DEFAULT_PARTITION_HEADROOM (model/limits.ts)
   */
  readonly partitions?: number;

  /**
   * Peak traffic, from which partitions are sized. Either this or `partitions` is required.
   *
   * @default - none
   */
  readonly throughput?: ThroughputDeclaration;

  /**
   * How far back consumers must be able to replay: `Replay.window('7d')` (retention derived),
   * `Replay.full({ longestReindex })` (compaction keyed by the record key) or
   * `Replay.full({ longestReindex, expireAfter })` (compaction, and keys expire: `compact,delete`).
   */
  readonly replay: ReplayDeclaration;

  /**
   * `cleanup.policy`. It follows from `replay`; an explicit value that contradicts it is an error.
   *
   * @default - 'delete' for a replay window, 'compact' for a full replay, 'compact,delete' for one with `expireAfter`
   */
  readonly cleanupPolicy?: CleanupPolicy;

  /**
   * Replication factor and `min.insync.replicas` for this topic.
   *
   * @default - the environment's defaults
   */
  readonly replication?: { readonly factor?: number; readonly minInsyncReplicas?: number };

  /**
   * `retention.bytes` per partition, only as an explicit capacity guard: a byte cap that traffic or key skew can exceed
   * cuts the replay window.
   *
   * @default - no byte cap
   */
  readonly retentionBytes?: number;

  /**
   * Further topic-level configs, checked against Kafka's known keys (unknown keys are errors). Values win over derived
   * ones (e.g. an explicit `retention.ms`).
   *
   * @default {}
   */
  readonly config?: Readonly<Record<string, string>>;

  /**
   * The event contract: the event schema, its compatibility mode and how the schema changes.
   *
   * @default { compatibility: 'BACKWARD' }, no schema (lint TF-CONTRACT-004 warns)
   */
  readonly contract?: EventContractProps;
  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

/** The event contract of a topic: what its events look like and how that may change. */
export interface EventContractProps {
  /**
   * Schema compatibility, as Confluent Schema Registry names it: BACKWARD (new readers read old events: consumers
   * upgrade first), FORWARD (old readers read new events: producers upgrade first), FULL (both), their `_TRANSITIVE`
   * forms (against every earlier version), or NONE (lint TF-CONTRACT-001: an error in production).
   *
   * @default 'BACKWARD'
   */
  readonly compatibility?: CompatibilityMode;

  /**
   * How the schema may change without breaking readers of the log, in words.
   *
   * @default - none (lint TF-CONTRACT-002 warns)
   */
  readonly changeStrategy?: string;

  /**
   * The schema of every event on the topic, as a zod schema (or a JSON Schema object). Converted at declaration time
   * with `z.toJSONSchema` (draft 2020-12, output mode: `z.object` is closed, `additionalProperties: false`) and
   * registered under the subject `<topic>-value` (TopicNameStrategy). A topic with several event types gives a union,
   * e.g. `z.discriminatedUnion('type', [...])`. The key field must be a required property (lint TF-CONTRACT-003).
   *
   * @default - none; give this or `schemas`
   */
  readonly schema?: SchemaInput;

  /**
   * One schema per event type (keys: exactly `eventTypes`), each registered under `<topic>-<EventType>`
   * (TopicRecordNameStrategy; the schema's `title` is set to the event type, the record name the registry uses).
   *
   * @default - none; give this or `schema`
   */
  readonly schemas?: Readonly<Record<string, SchemaInput>>;

  /**
   * The subject naming strategy, stated for the reader of the declaration. It follows from `schema`
   * (TopicNameStrategy) or `schemas` (TopicRecordNameStrategy); a contradicting value is an error.
   *
   * @default - implied by `schema` / `schemas`
   */
  readonly subjectNaming?: SubjectNamingStrategy;
}

/**
 * An event topic of a domain, named `<domain>.<name>` (or its `topicName`), with derived partitions, retention and replication. Its consumer
 * groups get a dead-letter companion each and least-privilege ACLs.
 */
export class EventTopic extends DeclarationConstruct implements IEventTopic {
  /** A reference to an event topic declared elsewhere (another domain's file or stack). */
  static fromRef(ref: TopicRef): IEventTopic {
    return { topicRef: { domain: ref.domain, event: ref.event } };
  }

  readonly declarationKind = 'topic' as const;
  readonly topicRef: TopicRef;
  readonly props: EventTopicProps;

  /** The contract as plain data: declared zod schemas converted to JSON Schema once, here. */
  private readonly contract: Record<string, unknown> | undefined;

  constructor(scope: Construct, name: string, props: EventTopicProps) {
    super(scope, name);
    this.props = { ...props };
    this.topicRef = { domain: Domain.of(this, 'declare event topics with domain.addEventTopic').domainName, event: name };
    this.contract = this.convertContract(props.contract);
  }

  /**
   * Allows `principal` to produce to this topic.
   *
   * Grants (Literal): Topic WRITE on this topic; with `transactionalIdPrefix`, TransactionalID WRITE (Prefixed) on the
   * prefix; with the environment's `legacyIdempotentWrite`, Cluster IdempotentWrite. DESCRIBE is implied by WRITE and is
   * emitted only with the environment's `explicitDescribe`.
   */
  grantProduce(principal: string, options: GrantProduceOptions): Producer {
    return new Producer(this, `Producer-${options.service}`, { ...options, topic: this.topicRef, principal });
  }

  /**
   * Declares a consumer group of this topic's domain and subscribes it to this topic.
   *
   * Grants (Literal): Topic READ on this topic; READ + WRITE on the group's dead-letter topic (on by default) and retry
   * topics; Group READ on the group id.
   */
  addConsumerGroup(name: string, options: ConsumerGroupOptions): ConsumerGroup {
    return Domain.of(this).addConsumerGroup(name, options).subscribe(this);
  }

  toDeclaration(): Record<string, unknown> {
    const { config, contract: declared, ...rest } = this.props;
    return {
      domain: this.topicRef.domain,
      name: this.topicRef.event,
      ...rest,
      eventTypes: [...this.props.eventTypes],
      ...(config === undefined ? {} : { config: { ...config } }),
      ...(declared === undefined || this.contract === undefined ? {} : { contract: { ...this.contract } }),
      source: this.source,
    };
  }

  /** Converts the declared schemas; a schema JSON cannot carry is an error on this construct, with its field. */
  private convertContract(contract: EventContractProps | undefined): Record<string, unknown> | undefined {
    if (contract === undefined) return undefined;
    const { schema, schemas, ...plain } = contract;
    const converted = convertContractSchemas({ ...(schema === undefined ? {} : { schema }), ...(schemas === undefined ? {} : { schemas }) });
    const at = this.source.file === undefined ? '' : `${this.source.file}${this.source.line === undefined ? '' : `:${this.source.line}`} › `;
    attachIssues(
      this,
      converted.errors.map((e) => ({
        path: `${at}${e.path}`,
        code: 'schema-not-representable',
        message: e.message,
        hint: 'use types JSON can carry (strings for dates and big numbers), and no transforms',
      })),
    );
    return {
      ...plain,
      ...(converted.schema === undefined ? {} : { schema: converted.schema }),
      ...(converted.schemas === undefined ? {} : { schemas: converted.schemas }),
    };
  }
}

/** Durations accepted in props. */
export type { DurationString };
