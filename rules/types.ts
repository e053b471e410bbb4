/**
 * Policy rules in the style of cdk-nag: one small pure function per rule, its metadata bound in the registry.
 * A check returns a three-state result — compliant, not applicable, or violations — plus `unknown` when it cannot
 * decide from the declarations, which is reported rather than treated as a pass.
 */
import type { SourceLocation, StackLayout, Suppression } from '../model/schema';
import type { StackResources } from '../model/stack-resources';
import type {
  ResolvedAcl,
  ResolvedConnectCluster,
  ResolvedConnector,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEnvironment,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedQuota,
  ResolvedStreamsApplication,
  ResolvedTopic,
  Topology,
} from '../model/topology';

export const RULE_LEVELS = ['error', 'warning', 'info'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** What reads event topics and may be replayed (a sink connector is passed only with `type: 'sink'`). */
export type Reader = ResolvedConsumerGroup | ResolvedStreamsApplication | ResolvedConnector;

export interface Violation {
  /** The declared field the finding is about, e.g. `key.cardinality`. */
  readonly field: string;
  readonly message: string;
  /** Overrides the rule's level for this finding (e.g. an error in production, a warning elsewhere). */
  readonly level?: RuleLevel;
}

export type RuleResult =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'unknown'; readonly reason: string; readonly field: string }
  | { readonly status: 'violations'; readonly violations: readonly Violation[] };

export const COMPLIANT: RuleResult = { status: 'compliant' };
export const NOT_APPLICABLE: RuleResult = { status: 'not-applicable' };
export const unknown = (field: string, reason: string): RuleResult => ({ status: 'unknown', field, reason });
/** Violations, or compliant when there are none. */
export const violations = (...found: Violation[]): RuleResult => (found.length === 0 ? COMPLIANT : { status: 'violations', violations: found });

/** Indexes a rule may need, built once per run. */
export interface LintContext {
  readonly topology: Topology;
  readonly readersOf: (topicName: string) => readonly ResolvedConsumerGroup[];
  /** The Kafka Streams applications that read a topic. */
  readonly streamsReadersOf: (topicName: string) => readonly ResolvedStreamsApplication[];
  readonly producersOf: (topicName: string) => readonly ResolvedProducer[];
  readonly eventTopic: (topicName: string) => ResolvedEventTopic | undefined;
  /** The client quota of a principal, if the Topology derives one (the first, as the quotas list has at most one). */
  readonly quotaOf: (principal: string) => ResolvedQuota | undefined;
  /** The services that use a principal, sorted. */
  readonly servicesOf: (principal: string) => readonly string[];
  /** The stack that holds a domain under the run's layout, with its resource counts. */
  readonly stackOf: (domain: string) => StackResources | undefined;
  /** What the command running lint knows about the repository; undefined outside one (a unit test's synth). */
  readonly repository: RepositoryFacts | undefined;
}

/**
 * Facts about the repository the declarations live in, handed in by the CLI (cli/repository.ts): rules are pure and
 * never read the file system themselves.
 */
export interface RepositoryFacts {
  /** Whether a path relative to the repository root (POSIX separators, normalized, inside the root) exists. */
  readonly exists: (path: string) => boolean;
}

interface SubjectTypes {
  /** The environment's own settings (its defaults), as declared in environments.ts. */
  readonly environment: ResolvedEnvironment;
  readonly domain: ResolvedDomain;
  readonly topic: ResolvedTopic;
  readonly 'consumer-group': ResolvedConsumerGroup;
  readonly producer: ResolvedProducer;
  readonly acl: ResolvedAcl;
  /** A Kafka Connect cluster (its workers and storage topics). */
  readonly 'connect-cluster': ResolvedConnectCluster;
  /** A Kafka Connect connector (sink or source). */
  readonly connector: ResolvedConnector;
  /** A consumer group or a producer: something a service runs with a principal. */
  readonly client: ResolvedConsumerGroup | ResolvedProducer;
  readonly 'streams-application': ResolvedStreamsApplication;
  /** Anything that reads event topics and may be replayed: a consumer group, a Kafka Streams application or a sink connector. */
  readonly reader: Reader;
}
export type SubjectKind = keyof SubjectTypes;

export interface RuleBase<K extends SubjectKind> {
  /** `TF-<AREA>-<NNN>`; never reused. */
  readonly id: string;
  readonly level: RuleLevel;
  /** What is wrong, in one line. */
  readonly title: string;
  /** Why it matters. */
  readonly rationale: string;
  /** How to fix it. */
  readonly fix: string;
  readonly appliesTo: K;
  readonly check: (subject: SubjectTypes[K], context: LintContext) => RuleResult;
  /**
   * The same rule judged on the environment's own settings, when they can break it (its replication defaults): a
   * default is reported once, where it is declared, not on every topic that inherits it.
   */
  readonly environmentCheck?: (environment: ResolvedEnvironment, context: LintContext) => RuleResult;
}

export type RuleDefinition = { [K in SubjectKind]: RuleBase<K> }[SubjectKind];

/** Defines a rule with its subject type checked. */
export function defineRule<K extends SubjectKind>(rule: RuleBase<K>): RuleBase<K> {
  return rule;
}

/** What lint needs to know beyond the Topology. */
export interface LintOptions {
  /** How the environment is split into stacks; the default, one stack per environment, is what a self-contained KafkaStack is. */
  readonly layout?: StackLayout;
  /** Where the environment was declared: findings on its own settings point there. @default { path: <environment name> } */
  readonly environmentSource?: SourceLocation;
  /** What the command knows about the repository, for the rules that check paths in it. @default - those rules do not apply */
  readonly repository?: RepositoryFacts;
}

export interface FindingSubject {
  readonly kind: SubjectKind;
  /** Topic name, group id, `<service> → <topic>`, domain name, ACL id or environment name. */
  readonly name: string;
  /**
   * What the subject is whatever the environment (a topic's declared identity rather than its prefixed name): findings
   * on the same declaration in several environments are merged by it. @default the name
   */
  readonly key?: string;
  readonly domain: string;
  readonly source: SourceLocation;
}

export interface Finding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly title: string;
  readonly environment: string;
  readonly subject: FindingSubject;
  readonly field: string;
  readonly message: string;
  /**
   * The message with the environment's topic prefix taken out of quoted topic names, when that changes it: what the
   * finding says in every environment, so that reports show it once. @default the message
   */
  readonly sharedMessage?: string;
  readonly fix: string;
  /** True when the rule could not decide (reported, never a pass). */
  readonly undecided: boolean;
  /** Present when a suppression with a reason covers the finding; still reported. */
  readonly suppressed?: { readonly reason: string; readonly by: string };
}

export interface LintReport {
  readonly findings: readonly Finding[];
}

export type { Suppression };
