/**
 * How an imported declaration carries a lint error it has because adoption declares what was found.
 *
 * Two kinds, each with a reason that is true:
 * - what a cluster does not record (the record key, how a group survives duplicates, …): the declaration cannot state
 *   it, so the suppression says what to add;
 * - a value found on the cluster that the rules want otherwise (replication factor 1 in production, min.insync.replicas
 *   at the broker's default 1, …): the declaration states the value found, so adopting changes nothing, and the
 *   suppression says what was found, what the rule wants and why. Raising the value later is an ordinary reviewed
 *   change, and review shows it. The import report lists each such finding as well (code `adopted-against-rules`).
 */
import type { ImportFinding } from '../types';
import { RULES } from '../../rules/registry';
import type { Finding } from '../../rules/types';

/**
 * Where imported declarations come from, in the words their suppressions use: a cluster (`topicform import` of tool
 * output) or another tool's descriptor (`topicform import --kafka-gitops …`).
 */
export interface MarkOrigin {
  /** How a "not recorded" reason starts: `imported`, `migrated from kafka-gitops`. */
  readonly verb: string;
  /** What does not record it: `a cluster`, `the kafka-gitops state file`. */
  readonly recorder: string;
  /** Where something is (or is not): `on the cluster`, `in kafka-gitops`. */
  readonly where: string;
  /** How a value declared as found is described: `declared as found on the cluster`. */
  readonly found: string;
}

export const CLUSTER_ORIGIN: MarkOrigin = { verb: 'imported', recorder: 'a cluster', where: 'on the cluster', found: 'declared as found on the cluster' };

/** Reasons for rules whose subject the origin does not record: the suppression says what the owning team must add. */
function notRecorded(ruleId: string, o: MarkOrigin): string | undefined {
  switch (ruleId) {
    case 'TF-KEY-001':
      return `${o.verb}: ${o.recorder} does not record the record key; declare key { field, aggregate, reason } (or ordering: 'none') and remove this suppression`;
    case 'TF-KEY-005':
      return `${o.verb}: ${o.recorder} does not record the key a compacted topic is keyed by; declare the key and remove this suppression`;
    case 'TF-GROUP-001':
      return `${o.verb}: ${o.recorder} does not record how the group survives duplicates; state idempotency and remove this suppression`;
    case 'TF-GROUP-003':
      return `${o.verb}: the group has no dead-letter topic ${o.where}; add one (deadLetter: true) and remove this suppression`;
    case 'TF-STREAMS-003':
      return `${o.verb}: ${o.recorder} does not record the application's deserialization and production exception handlers; declare exceptionHandlers and remove this suppression`;
    case 'TF-STREAMS-002':
      return `${o.verb}: ${o.recorder} does not record the readers' isolation.level; make them read_committed (or exactly_once_v2) and remove this suppression`;
    case 'TF-CONNECT-001':
      return `${o.verb}: the sink connector has no dead-letter topic ${o.where}; add one (deadLetter: true) and remove this suppression`;
    case 'TF-CONNECT-002':
      return `${o.verb}: ${o.recorder} does not record how the sink connector survives duplicates; state idempotency and remove this suppression`;
    case 'TF-CONNECT-006':
      return `${o.verb}: ${o.recorder} does not record the sink connector's connector.class (its Connect cluster's config topic does); set connectorClass to the running connector's class before its JSON is deployed, and remove this suppression`;
    case 'TF-DOMAIN-002':
      return `${o.verb} under its name ${o.where} (topicName), which does not say its domain; renaming it is a delete and a create, so keep it until consumers move`;
    default:
      return undefined;
  }
}

const RATIONALE = new Map(RULES.map((r) => [r.id, r.rationale]));

/** Whether the finding is about a value adoption declared as found (rather than something the origin does not record). */
export function isFoundValue(finding: Finding): boolean {
  return notRecorded(finding.ruleId, CLUSTER_ORIGIN) === undefined;
}

/**
 * The suppression reason for a lint error on an imported declaration. `listed` is false when no input listed the
 * topic's configs (kcat alone): its values are then Kafka's defaults, assumed, and the reason says so.
 */
export function adoptionSuppressionReason(finding: Finding, listed: boolean, origin: MarkOrigin = CLUSTER_ORIGIN): string {
  const reason = notRecorded(finding.ruleId, origin);
  if (reason !== undefined) return reason;
  return `${foundAs(listed, origin)}: ${finding.message}. ${wanted(finding)} Adopting keeps the cluster as it is; change it in a reviewed pull request (review shows the change) and remove this suppression`;
}

/** The import report's finding for a value declared as found against the rules; undefined for the other kind. */
export function adoptionFinding(finding: Finding, listed: boolean, origin: MarkOrigin = CLUSTER_ORIGIN): ImportFinding | undefined {
  if (!isFoundValue(finding)) return undefined;
  return {
    level: 'warning',
    code: 'adopted-against-rules',
    subject: finding.subject.name,
    message: `[${finding.ruleId}] ${foundAs(listed, origin)}: ${finding.message}. ${wanted(finding)}`,
  };
}

function foundAs(listed: boolean, origin: MarkOrigin): string {
  return listed ? origin.found : "declared as the inputs show it (no input listed the topic's configs, so Kafka's defaults are assumed)";
}

function wanted(finding: Finding): string {
  const why = RATIONALE.get(finding.ruleId);
  return `The rules want: ${finding.fix}${why === undefined ? '.' : ` — ${why}`}`;
}
