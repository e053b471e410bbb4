import type { Construct } from './cdktf';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import type { IEventTopic } from './event-topic';
import { retryPolicyOf } from '../model/declare';
import type { DurationString } from '../model/duration';
import type { ReplaySafetyInput, Suppression, TopicRef } from '../model/schema';
import type { ProcessingMode } from '../model/vocabulary';

export interface ConsumerGroupOptions {
  /** The application the group belongs to. */
  readonly service: string;

  /** The principal its instances authenticate as, e.g. `KafkaPrincipal.user('payment-service')`. */
  readonly principal: string;

  /**
   * The consumer group id. A group id is global to the cluster.
   *
   * @default `<domain>.<name>`
   */
  readonly groupId?: string;

  /**
   * How duplicates are detected or made harmless (at-least-once delivery redelivers after a rebalance or crash).
   *
   * @default - none; lint reports a group without one
   */
  readonly idempotency?: string;

  /**
   * Whether processing is deterministic and how external side effects are controlled when records are processed again
   * (a replay by offset reset), e.g. `{ deterministic: true, sideEffects: SideEffects.guardedBy('payment id unique') }`.
   * The replay procedure of the domain's runbook quotes it.
   *
   * @default - none; lint warns on a reader of a replayable topic without one (TF-REPLAY-004)
   */
  readonly replaySafety?: ReplaySafetyInput;

  /**
   * A dead-letter topic per subscribed topic (`<topic>.<group>.dlq`), so a poison pill does not block its partition.
   * `true` gives the derived shape (DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS in model/limits.ts); a shape
   * declares its partitions, retention and further configs instead, e.g. for a dead-letter topic adopted as it is:
   * `{ partitions: 6, retention: '14d', config: { 'max.message.bytes': '2097152' } }`.
   *
   * @default true
   */
  readonly deadLetter?: boolean | { readonly partitions?: number; readonly retention?: DurationString; readonly config?: Readonly<Record<string, string>> };

  /**
   * Partitions of every retry tier.
   *
   * @default - the subscribed topic's partitions: retry tiers are read by the same group instances
   */
  readonly retryPartitions?: number;

  /**
   * Retry tiers, each a topic `<topic>.<group>.retry-<n>` read by the same group, e.g.
   * `Retries.exponential({ attempts: 3, first: '1s' })`.
   *
   * @default - no retry tiers
   */
  readonly retries?: readonly DurationString[];

  /**
   * Time to process one message; with the topic's peak rate it sizes partitions (Little's law).
   *
   * @default - not declared; partitions are sized from produce throughput only
   */
  readonly processingTimePerMessage?: DurationString;

  /**
   * How far behind the group may fall before it is an incident; retention covers it on top of the replay window.
   *
   * @default - not declared; lint reports it
   */
  readonly maxProcessingLag?: DurationString;

  /**
   * How offsets are committed. Auto commit commits offsets of earlier polls, so it needs a stated reason.
   *
   * @default { mode: 'manual' }
   */
  readonly offsetCommit?: { readonly mode: 'manual' } | { readonly mode: 'auto'; readonly reason: string };

  /**
   * `sync`: processed inside the poll loop; `async`: handed to other tasks (auto commit would then lose data).
   *
   * @default 'sync'
   */
  readonly processing?: ProcessingMode;
  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

interface Subscription {
  readonly topic: TopicRef;
  readonly reason?: string;
}

/**
 * A consumer group owned by a domain. Each subscription gets Topic READ, a dead-letter topic (unless turned off) and the
 * declared retry tiers; the group gets Group READ on its id.
 */
export class ConsumerGroup extends DeclarationConstruct {
  readonly declarationKind = 'consumerGroup' as const;
  readonly groupName: string;
  readonly options: ConsumerGroupOptions;
  private readonly subscriptions: Subscription[] = [];

  constructor(scope: Construct, name: string, options: ConsumerGroupOptions) {
    super(scope, name);
    this.groupName = name;
    this.options = { ...options };
  }

  /**
   * Subscribes the group to a topic. Reading another domain's topic needs `reason`: access to an event stream is its
   * owner's decision.
   *
   * Grants (Literal): Topic READ on the topic; READ + WRITE on the group's dead-letter and retry topics for it.
   */
  subscribe(topic: IEventTopic | TopicRef, options: { readonly reason?: string } = {}): this {
    const ref = 'topicRef' in topic ? topic.topicRef : topic;
    this.subscriptions.push({ topic: { ...ref }, ...(options.reason === undefined ? {} : { reason: options.reason }) });
    return this;
  }

  toDeclaration(): Record<string, unknown> {
    const { retries, deadLetter, ...rest } = this.options;
    return {
      // Outside a Domain the empty name is reported by the model, located, like any other bad declaration.
      domain: Domain.tryOf(this)?.domainName ?? '',
      name: this.groupName,
      ...rest,
      ...(deadLetter === undefined
        ? {}
        : {
            deadLetter:
              typeof deadLetter === 'boolean'
                ? deadLetter
                : { ...deadLetter, ...(deadLetter.config === undefined ? {} : { config: { ...deadLetter.config } }) },
          }),
      ...(retries === undefined ? {} : { retries: [...retries] }),
      ...(retryPolicyOf(retries) === undefined ? {} : { retryPolicy: { ...retryPolicyOf(retries) } }),
      subscriptions: this.subscriptions.map((s) => ({ ...s, topic: { ...s.topic } })),
      source: this.source,
    };
  }
}
