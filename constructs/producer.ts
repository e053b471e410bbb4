import type { Construct } from './cdktf';
import { DeclarationConstruct } from './declaration';
import type { DurationString } from '../model/duration';
import type { Suppression, TopicRef } from '../model/schema';

export interface GrantProduceOptions {
  /** The application that produces (one principal may serve one service only). */
  readonly service: string;

  /**
   * Idempotent producer (`enable.idempotence=true`): retries never duplicate or reorder within a partition.
   *
   * @default true
   */
  readonly idempotent?: boolean;

  /**
   * The `transactional.id` prefix of a transactional producer. Instances add their own suffix, so the ACL is Prefixed.
   *
   * @default - not transactional
   */
  readonly transactionalIdPrefix?: string;

  /**
   * Delivery bounds: Kafka's guidance is to bound delivery time and back off exponentially, leaving `retries` at its
   * default.
   *
   * @default { timeout: '2m', backoff: '100ms', backoffMax: '1s' }
   */
  readonly delivery?: {
    readonly timeout?: DurationString;
    readonly backoff?: DurationString;
    readonly backoffMax?: DurationString;
    readonly retries?: number;
  };
  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

/** What a Producer declares: the topic, the principal that writes to it, and the grant's options. */
export interface ProducerProps extends GrantProduceOptions {
  /** The topic produced to, by its declared identity. */
  readonly topic: TopicRef;
  /** The principal the service authenticates as, e.g. `KafkaPrincipal.user('orders-service')`. */
  readonly principal: string;
}

/** A service producing to one topic with one principal; created by `EventTopic.grantProduce`. */
export class Producer extends DeclarationConstruct {
  readonly declarationKind = 'producer' as const;
  readonly props: ProducerProps;
  readonly topicRef: TopicRef;
  readonly principal: string;
  /** The grant's options: `props` without the topic and principal. */
  readonly options: GrantProduceOptions;

  /** @deprecated Use `new Producer(scope, id, { topic, principal, ...options })`, the `(scope, id, props)` shape of every construct. */
  constructor(scope: Construct, id: string, topicRef: TopicRef, principal: string, options: GrantProduceOptions);
  constructor(scope: Construct, id: string, props: ProducerProps);
  constructor(scope: Construct, id: string, propsOrTopic: ProducerProps | TopicRef, principal?: string, options?: GrantProduceOptions) {
    super(scope, id);
    this.props =
      principal === undefined ? { ...(propsOrTopic as ProducerProps) } : { topic: propsOrTopic as TopicRef, principal, ...(options as GrantProduceOptions) };
    const { topic, principal: declaredPrincipal, ...grant } = this.props;
    this.topicRef = topic;
    this.principal = declaredPrincipal;
    this.options = grant;
  }

  toDeclaration(): Record<string, unknown> {
    const { delivery, ...rest } = this.options;
    return {
      topic: { ...this.topicRef },
      principal: this.principal,
      ...rest,
      ...(delivery === undefined ? {} : { delivery: { ...delivery } }),
      source: this.source,
    };
  }
}
