import type { Construct } from './cdktf';
import type { ConnectCluster, DeadLetterShape } from './connect-cluster';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import type { IEventTopic } from './event-topic';
import type { ReplaySafetyInput, Suppression, TopicRef } from '../model/schema';

/** A topic a connector reads or writes; another domain's topic needs `reason` (its owner's decision). */
export type ConnectorTopic = IEventTopic | TopicRef | { readonly topic: IEventTopic | TopicRef; readonly reason?: string };

interface ConnectorOptionsBase {
  /** `connector.class`, e.g. `io.confluent.connect.elasticsearch.ElasticsearchSinkConnector`. */
  readonly connectorClass: string;

  /**
   * The application the connector belongs to, for the access report.
   *
   * @default - the Connect cluster's service
   */
  readonly service?: string;

  /**
   * The principal the connector's Kafka clients authenticate as. A principal other than the workers' needs the
   * workers' `connector.client.config.override.policy` to allow the connector's `*.override.sasl.jaas.config` (kept
   * out of topicform's output: it is a secret).
   *
   * @default - the Connect cluster's worker principal
   */
  readonly principal?: string;

  /**
   * `tasks.max`.
   *
   * @default - not rendered: the connector's own default
   */
  readonly tasksMax?: number;

  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters).
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

export interface SinkConnectorOptions extends ConnectorOptionsBase {
  /** The topics it reads (`topics` in its config). */
  readonly topics: readonly ConnectorTopic[];

  /**
   * Its consumer group, rendered as `consumer.override.group.id` when not Connect's default.
   *
   * @default `connect-<name>`
   */
  readonly groupId?: string;

  /**
   * A dead-letter topic `<domain>.<name>.dlq`, wired through `errors.deadletterqueue.topic.name` with
   * `errors.tolerance=all`, so a record the connector cannot convert or write does not stop its task. `true` gives the
   * derived shape (as a consumer group's DLQ); a shape declares partitions, retention and further configs.
   *
   * @default true
   */
  readonly deadLetter?: boolean | DeadLetterShape;

  /**
   * How duplicates are made harmless: a sink connector delivers at least once, like any consumer.
   *
   * @default - none; lint reports a sink without one
   */
  readonly idempotency?: string;

  /**
   * Whether its conversion is deterministic and how its writes to the external system are controlled when records
   * are delivered again (a replay by resetting `connect-<name>`'s offsets), e.g.
   * `{ deterministic: true, sideEffects: SideEffects.guardedBy('documents upserted by id') }`. The replay procedure of
   * the domain's runbook quotes it.
   *
   * @default - none; lint warns on a sink that reads a replayable topic without one (TF-REPLAY-004)
   */
  readonly replaySafety?: ReplaySafetyInput;
}

export interface SourceConnectorOptions extends ConnectorOptionsBase {
  /** The topics it writes. */
  readonly topics: readonly ConnectorTopic[];

  /**
   * `exactly.once.support=required`: the connector's tasks write transactionally. Needs `exactlyOnceSource` on the
   * cluster.
   *
   * @default false
   */
  readonly exactlyOnce?: boolean;
}

export type ConnectorProps = ({ readonly type: 'sink' } & SinkConnectorOptions) | ({ readonly type: 'source' } & SourceConnectorOptions);

/** A connector on a Connect cluster; created by `ConnectCluster.addSinkConnector` / `addSourceConnector`. */
export class Connector extends DeclarationConstruct {
  readonly declarationKind = 'connector' as const;
  readonly connectorName: string;
  readonly props: ConnectorProps;

  constructor(scope: ConnectCluster | Construct, name: string, props: ConnectorProps) {
    super(scope, name);
    this.connectorName = name;
    this.props = { ...props };
  }

  toDeclaration(): Record<string, unknown> {
    const { topics, ...rest } = this.props;
    const cluster = this.node.scope;
    const clusterName = cluster !== undefined && 'clusterName' in cluster && typeof cluster.clusterName === 'string' ? cluster.clusterName : '';
    const deadLetter = 'deadLetter' in rest ? rest.deadLetter : undefined;
    const replaySafety = 'replaySafety' in rest ? rest.replaySafety : undefined;
    return {
      ...rest,
      // Copied, so that a statement object shared between declarations is not aliased into the Topology.
      ...(replaySafety === undefined ? {} : { replaySafety: { ...replaySafety, sideEffects: { ...replaySafety.sideEffects } } }),
      ...(typeof deadLetter === 'object'
        ? { deadLetter: { ...deadLetter, ...(deadLetter.config === undefined ? {} : { config: { ...deadLetter.config } }) } }
        : {}),
      cluster: { domain: Domain.tryOf(this)?.domainName ?? '', name: clusterName },
      name: this.connectorName,
      topics: topics.map(topicEntry),
      source: this.source,
    };
  }
}

function refOf(topic: IEventTopic | TopicRef): TopicRef {
  return 'topicRef' in topic ? { ...topic.topicRef } : { domain: topic.domain, event: topic.event };
}

function topicEntry(t: ConnectorTopic): { topic: TopicRef; reason?: string } {
  if ('topic' in t && typeof t.topic === 'object') return { topic: refOf(t.topic), ...(t.reason === undefined ? {} : { reason: t.reason }) };
  return { topic: refOf(t as IEventTopic | TopicRef) };
}
