import type { Construct, IConstruct } from './cdktf';
import { ConnectCluster, type ConnectClusterProps } from './connect-cluster';
import { ConsumerGroup, type ConsumerGroupOptions } from './consumer-group';
import { DeclarationConstruct } from './declaration';
import { EventTopic, type EventTopicProps } from './event-topic';
import { LegacyAcl, type LegacyAclProps } from './legacy-acl';
import { StreamsApplication, type StreamsApplicationProps } from './streams-application';
import type { Suppression } from '../model/schema';

export interface DomainProps {
  /**
   * The team that owns the domain's topics and approves access to them, as a CODEOWNERS handle.
   *
   * @example '@acme/orders-team'
   */
  readonly owner: string;

  /** What the domain is responsible for, in one sentence. */
  readonly description: string;

  /**
   * Where the recovery / replay procedure for this domain's consumers is written down (runbook path or URL).
   *
   * @default - none; lint reports a domain without one
   */
  readonly recoveryProcedure?: string;
  /**
   * Lint rules switched off here, each with a written reason (at least 10 characters). Suppressed findings are still
   * listed by `topicform lint`.
   *
   * @default []
   */
  readonly suppressions?: readonly Suppression[];
}

/**
 * A domain: a team's responsibility boundary. Every topic belongs to exactly one domain, whose name starts the
 * topic's name (`<domain>.<event>`).
 */
export class Domain extends DeclarationConstruct {
  /**
   * The Domain that contains `construct` (the nearest one, or `construct` itself when it is a Domain). This is the one
   * way a construct finds its domain.
   *
   * @param hint what to tell the user to write instead, appended to the error, e.g. `domain.addEventTopic`
   * @throws when `construct` is not inside a Domain
   */
  static of(construct: IConstruct, hint?: string): Domain {
    const found = Domain.tryOf(construct);
    if (found === undefined) throw new Error(`${construct.node.path} is not inside a Domain${hint === undefined ? '' : ` (${hint})`}`);
    return found;
  }

  /**
   * The Domain that contains `construct`, or undefined outside any: for declarations whose missing domain the model
   * reports as a declaration error (with file and line) rather than a thrown one.
   */
  static tryOf(construct: IConstruct): Domain | undefined {
    return [...construct.node.scopes].reverse().find((c): c is Domain => c instanceof Domain);
  }

  readonly declarationKind = 'domain' as const;
  readonly domainName: string;
  readonly props: DomainProps;

  /**
   * @param scope the environment stack (or any construct inside it)
   * @param name lower-case kebab name, e.g. `orders`; starts every topic name of the domain
   */
  constructor(scope: Construct, name: string, props: DomainProps) {
    super(scope, name);
    this.domainName = name;
    this.props = { ...props };
  }

  /** Declares an event topic of this domain, named `<domain>.<name>`. */
  addEventTopic(name: string, props: EventTopicProps): EventTopic {
    return new EventTopic(this, name, props);
  }

  /**
   * Declares a consumer group owned by this domain (group id `<domain>.<name>` by default). Subscribe it to topics
   * with `group.subscribe(topic)`; reading another domain's topic needs a stated reason.
   */
  addConsumerGroup(name: string, options: ConsumerGroupOptions): ConsumerGroup {
    return new ConsumerGroup(this, name, options);
  }

  /**
   * Declares a Kafka Connect cluster owned by this domain (worker group id `<domain>.<name>` by default) with its
   * storage topics; add connectors with `cluster.addSinkConnector` / `cluster.addSourceConnector`.
   */
  addConnectCluster(name: string, props: ConnectClusterProps): ConnectCluster {
    return new ConnectCluster(this, name, props);
  }

  /**
   * Declares a Kafka Streams application owned by this domain (application id `<domain>.<name>` by default). Reading or
   * writing another domain's topic needs a stated reason.
   */
  addStreamsApplication(name: string, props: StreamsApplicationProps): StreamsApplication {
    return new StreamsApplication(this, name, props);
  }

  /**
   * Keeps an ACL that no declaration derives (imported wildcards, extra operations, DENY rules), with the reason it is
   * kept. Lint lists every legacy ACL (TF-ACL-002).
   */
  addLegacyAcl(id: string, props: LegacyAclProps): LegacyAcl {
    return new LegacyAcl(this, id, props);
  }

  toDeclaration(): Record<string, unknown> {
    return { name: this.domainName, ...this.props, source: this.source };
  }
}
