/**
 * What another tool's descriptor says, in one vocabulary for every tool (kafka-gitops, JulieOps, topicctl): the
 * topics it manages, the producers and consumer groups its service definitions stand for, every other ACL it creates,
 * and what it says that topicform cannot express. Each item keeps the source element and line it came from.
 *
 * `acls` plus the ACLs of `producers` and `consumers` are exactly the ACLs the tool itself would create: the planner
 * checks that the migrated declarations derive no fewer and no more.
 */
import type { AclBinding } from '../../model/topology';
import type { SourceRef } from '../types';

export const MIGRATION_TOOLS = ['kafka-gitops', 'julieops', 'topicctl'] as const;
export type MigrationTool = (typeof MIGRATION_TOOLS)[number];

/** One element of the source as a reader names it: `services.test-service (application)`, `projects[0].topics[1]`. */
export interface SourceElement {
  readonly element: string;
  readonly at: SourceRef;
}

export interface SourceTopic extends SourceElement {
  readonly name: string;
  /** Undefined when the source does not say (JulieOps without num.partitions): taken from the cluster output, if given. */
  readonly partitions?: number;
  /** Undefined when the source leaves it to the broker's default (the environment's is declared then). */
  readonly replicationFactor?: number;
  /** Topic configs exactly as the source sets them (values as strings). */
  readonly configs: Readonly<Record<string, string>>;
}

/** A service that writes a topic: Topic WRITE, as topicform's `grantProduce` derives it. */
export interface SourceProducer extends SourceElement {
  readonly service: string;
  readonly principal: string;
  readonly topic: string;
}

/** A service that reads topics with one group id: Topic READ on each, Group READ on the id. */
export interface SourceConsumer extends SourceElement {
  readonly service: string;
  readonly principal: string;
  readonly groupId: string;
  readonly topics: readonly string[];
}

/** An ACL the source creates that no first-class grant stands for. */
export interface SourceAcl extends SourceElement {
  readonly binding: AclBinding;
  /** Why it has no first-class form (the generated legacy ACL's reason starts with it). */
  readonly why: string;
}

/** Something the source says that topicform cannot express, or deliberately leaves alone. */
export interface SourceNote extends SourceElement {
  readonly message: string;
}

export interface MigrationSource {
  readonly tool: MigrationTool;
  readonly files: readonly string[];
  readonly topics: readonly SourceTopic[];
  readonly producers: readonly SourceProducer[];
  readonly consumers: readonly SourceConsumer[];
  readonly acls: readonly SourceAcl[];
  readonly notes: readonly SourceNote[];
  /**
   * Topic name prefixes the source says it does not manage (kafka-gitops `settings.topics.blacklist.prefixed`): such
   * cluster topics are not reported as undeclared.
   */
  readonly ignoredTopicPrefixes: readonly string[];
  /** Why the descriptor is invalid (each with file and line): the migration is refused, nothing is written. */
  readonly errors: readonly string[];
}

/** What a reader collects from a descriptor before it becomes a MigrationSource. */
export interface SourceBuilder {
  topics: SourceTopic[];
  producers: SourceProducer[];
  consumers: SourceConsumer[];
  acls: SourceAcl[];
  notes: SourceNote[];
}

/** An empty source of one tool, to build on. */
export function emptySource(tool: MigrationTool, files: readonly string[]): MigrationSource {
  return { tool, files, topics: [], producers: [], consumers: [], acls: [], notes: [], ignoredTopicPrefixes: [], errors: [] };
}

/** `READ` → `Read`, `TRANSACTIONAL_ID` → `TransactionalID`: Kafka's enum spelling in the provider's. */
export function providerEnum(kafka: string): string {
  const pascal = kafka
    .toLowerCase()
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return pascal === 'TransactionalId' ? 'TransactionalID' : pascal;
}
