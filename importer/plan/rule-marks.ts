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

/** Reasons for rules whose subject a cluster does not record: the suppression says what the owning team must add. */
const NOT_RECORDED: Readonly<Record<string, string>> = {
  'TF-KEY-001': 'imported: a cluster does not record the record key; declare key { field, aggregate, reason } (or ordering: \'none\') and remove this suppression',
  'TF-KEY-005': 'imported: a cluster does not record the key a compacted topic is keyed by; declare the key and remove this suppression',
  'TF-GROUP-001': 'imported: a cluster does not record how the group survives duplicates; state idempotency and remove this suppression',
  'TF-GROUP-003': 'imported: the group has no dead-letter topic on the cluster; add one (deadLetter: true) and remove this suppression',
  'TF-DOMAIN-002': 'imported under its name on the cluster (topicName), which does not say its domain; renaming it is a delete and a create, so keep it until consumers move',
};

const RATIONALE = new Map(RULES.map((r) => [r.id, r.rationale]));

/** Whether the finding is about a value adoption declared as found (rather than something a cluster does not record). */
export function isFoundValue(finding: Finding): boolean {
  return NOT_RECORDED[finding.ruleId] === undefined;
}

/**
 * The suppression reason for a lint error on an imported declaration. `listed` is false when no input listed the
 * topic's configs (kcat alone): its values are then Kafka's defaults, assumed, and the reason says so.
 */
export function adoptionSuppressionReason(finding: Finding, listed: boolean): string {
  const notRecorded = NOT_RECORDED[finding.ruleId];
  if (notRecorded !== undefined) return notRecorded;
  return `${foundAs(listed)}: ${finding.message}. ${wanted(finding)} Adopting keeps the cluster as it is; change it in a reviewed pull request (review shows the change) and remove this suppression`;
}

/** The import report's finding for a value declared as found against the rules; undefined for the other kind. */
export function adoptionFinding(finding: Finding, listed: boolean): ImportFinding | undefined {
  if (!isFoundValue(finding)) return undefined;
  return {
    level: 'warning',
    code: 'adopted-against-rules',
    subject: finding.subject.name,
    message: `[${finding.ruleId}] ${foundAs(listed)}: ${finding.message}. ${wanted(finding)}`,
  };
}

function foundAs(listed: boolean): string {
  return listed ? 'declared as found on the cluster' : "declared as the inputs show it (no input listed the topic's configs, so Kafka's defaults are assumed)";
}

function wanted(finding: Finding): string {
  const why = RATIONALE.get(finding.ruleId);
  return `The rules want: ${finding.fix}${why === undefined ? '.' : ` — ${why}`}`;
}
