/** What resolve takes and gives. */
import type { Topology } from '../topology';
import type { LocatedIssue } from './collect';

export type { LocatedIssue } from './collect';

/** The raw declarations of one environment, as the constructs (or an importer) collected them. */
export interface Declarations {
  readonly domains: readonly unknown[];
  readonly topics: readonly unknown[];
  readonly consumerGroups: readonly unknown[];
  readonly producers: readonly unknown[];
  /** Acknowledged legacy ACLs (see LegacyAcl). @default [] */
  readonly legacyAcls?: readonly unknown[];
  /** Kafka Connect clusters (model/schema/connect.ts). @default [] */
  readonly connectClusters?: readonly unknown[];
  /** Kafka Connect connectors, each naming its cluster. @default [] */
  readonly connectors?: readonly unknown[];
  /** Kafka Streams applications (see StreamsApplication). @default [] */
  readonly streamsApplications?: readonly unknown[];
}

export interface ResolveResult {
  /** Null when any error was found. */
  readonly topology: Topology | null;
  /** Errors and warnings, in a stable order. */
  readonly issues: readonly LocatedIssue[];
}
