import type { Construct } from './cdktf';
import { Connector, type SinkConnectorOptions, type SourceConnectorOptions } from './connector';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import type { DurationString } from '../model/duration';
import type { Suppression } from '../model/schema';

/** A storage topic's shape when Connect's recommended one does not fit (an adopted Connect cluster, say). */
export interface ConnectStorageShape {
  /**
   * Partitions of the topic. The config topic must keep exactly one (lint TF-CONNECT-003).
   *
   * @default - Kafka Connect's defaults: config 1, offset 25, status 5 (model/connect/defaults.ts)
   */
  readonly partitions?: number;
  /**
   * Further topic-level configs, checked like a topic's `config`. `cleanup.policy` must stay `compact` (TF-CONNECT-002).
   *
   * @default {}
   */
  readonly config?: Readonly<Record<string, string>>;
}

export interface ConnectClusterProps {
  /** The application the Connect workers belong to, e.g. `search-connect`. */
  readonly service: string;

  /**
   * The principal the workers authenticate as, e.g. `KafkaPrincipal.user('search-connect')`. It joins the worker group
   * and reads and writes the storage topics; connectors use it too unless they declare their own.
   */
  readonly principal: string;

  /**
   * The workers' `group.id`, global to the Kafka cluster like a consumer group id.
   *
   * @default `<domain>.<name>`
   */
  readonly groupId?: string;

  /**
   * `exactly.once.source.support=enabled` on the workers (KIP-618): the leader writes the config topic transactionally
   * (TransactionalID WRITE on `connect-cluster-<group.id>`) and source connectors may ask for exactly-once delivery.
   *
   * @default false
   */
  readonly exactlyOnceSource?: boolean;

  /**
   * Storage topic shapes that differ from Connect's recommended ones, by kind (`config`, `offset`, `status`).
   *
   * @default {} - every storage topic compacted, with Connect's default partitions and the environment's replication
   */
  readonly storage?: { readonly config?: ConnectStorageShape; readonly offset?: ConnectStorageShape; readonly status?: ConnectStorageShape };

  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

/**
 * A distributed Kafka Connect cluster owned by a domain: its worker group and the config, offset and status storage
 * topics `<domain>.<name>.connect-configs|connect-offsets|connect-status`, created by Terraform (compacted), so the
 * workers never need CREATE. Grants the worker principal Group READ on the group id and READ + WRITE on the storage
 * topics. Connectors run on it: `addSinkConnector`, `addSourceConnector`.
 */
export class ConnectCluster extends DeclarationConstruct {
  readonly declarationKind = 'connectCluster' as const;
  readonly clusterName: string;
  readonly props: ConnectClusterProps;

  constructor(scope: Construct, name: string, props: ConnectClusterProps) {
    super(scope, name);
    this.clusterName = name;
    this.props = { ...props };
  }

  /**
   * A sink connector reading `topics` into an external system. Grants its principal (the workers' by default) Group
   * READ on `connect-<name>`, Topic READ on each topic and WRITE on its dead-letter topic `<domain>.<name>.dlq`.
   */
  addSinkConnector(name: string, options: SinkConnectorOptions): Connector {
    return new Connector(this, name, { type: 'sink', ...options });
  }

  /**
   * A source connector writing `topics` from an external system. Grants its principal Topic WRITE on each topic; with
   * `exactlyOnce`, TransactionalID WRITE (Prefixed) on `<group.id>-<name>-` and DESCRIBE on the offsets topic.
   */
  addSourceConnector(name: string, options: SourceConnectorOptions): Connector {
    return new Connector(this, name, { type: 'source', ...options });
  }

  toDeclaration(): Record<string, unknown> {
    const { storage, ...rest } = this.props;
    return {
      domain: Domain.tryOf(this)?.domainName ?? '',
      name: this.clusterName,
      ...rest,
      ...(storage === undefined
        ? {}
        : {
            storage: Object.fromEntries(
              Object.entries(storage).map(([kind, shape]: [string, ConnectStorageShape]) => [
                kind,
                { ...shape, ...(shape.config === undefined ? {} : { config: { ...shape.config } }) },
              ]),
            ),
          }),
      source: this.source,
    };
  }
}

/** A dead-letter shape, as on consumer groups. */
export type DeadLetterShape = { readonly partitions?: number; readonly retention?: DurationString; readonly config?: Readonly<Record<string, string>> };
