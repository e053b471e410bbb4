/**
 * review(base, head, plans, acknowledgements) → ReviewResult: diff, classify, attach the plans' evidence; compare the
 * event contracts and the access of both outputs (review/sections.ts); apply the acknowledgements to findings and
 * contract changes alike, sort. Pure; the renderers turn the result into Markdown, text or JSON.
 */
import { applyAcknowledgements } from './acknowledge';
import { clientConfigChanges, withClientFindings } from './client-changes';
import { classify } from './classify';
import { diff } from './diff';
import { iamChanges } from './iam';
import { ReviewInputError } from './errors';
import { REVIEW_FORMAT_VERSION } from './limits';
import { unifyVerdicts } from './one-verdict';
import { applyPlans } from './plan-evidence';
import { accessSection, contractChanges, environmentsOf } from './sections';
import { VERDICTS } from './types';
import type { AccessSection, Acknowledgement, ContractChange, Finding, PlanSnapshot, ReviewResult, ReviewSummary, Snapshot } from './types';

export interface ReviewInput {
  readonly base: Snapshot;
  readonly head: Snapshot;
  /** At most one plan per head stack. */
  readonly plans?: readonly PlanSnapshot[];
  readonly acknowledgements?: readonly Acknowledgement[];
  /** Head stacks whose terraform plan failed. */
  readonly failedPlans?: readonly string[];
}

export function review(input: ReviewInput): ReviewResult {
  const plans = input.plans ?? [];
  checkPlans(plans, input.head);
  const failedPlans = [...new Set(input.failedPlans ?? [])].sort(compare);
  for (const stack of failedPlans) {
    if (!input.head.stacks.has(stack)) {
      throw new ReviewInputError(
        `--plan-failed ${stack}`,
        `unknown stack "${stack}": the head output has ${[...input.head.stacks.keys()].sort().join(', ') || 'no stacks'}`,
      );
    }
  }
  const context = { base: input.base, head: input.head };
  const classified = classify([...diff(input.base, input.head), ...iamChanges(input.base, input.head)], context);
  const planned = applyPlans(classified, plans, context);
  const environments = { base: environmentsOf(input.base), head: environmentsOf(input.head) };
  const clients = clientConfigChanges(environments.base, environments.head);
  const acknowledged = applyAcknowledgements(
    withClientFindings(planned.findings, clients, context),
    input.acknowledgements ?? [],
    contractChanges(environments.base, environments.head),
  );
  const unified = unifyVerdicts(acknowledged.findings, withOwnerChanges(accessSection(environments.base, environments.head), acknowledged.findings));
  const { access } = unified;
  const findings = unified.findings.sort(compareFindings);
  const stacks = [...new Set([...input.base.stacks.keys(), ...input.head.stacks.keys()])].sort();
  return {
    formatVersion: REVIEW_FORMAT_VERSION,
    base: input.base.label,
    head: input.head.label,
    stacks,
    plans: plans.map((p) => p.stack).sort(),
    failedPlans,
    summary: summarize(findings, acknowledged.contracts, access, failedPlans.length),
    findings,
    contracts: acknowledged.contracts,
    access,
    clients,
    drift: planned.drift.sort((a, b) => (a.stack === b.stack ? compare(a.address, b.address) : compare(a.stack, b.stack))),
    unmatchedAcknowledgements: acknowledged.unmatched,
  };
}

function checkPlans(plans: readonly PlanSnapshot[], head: Snapshot): void {
  const seen = new Map<string, string>();
  for (const plan of plans) {
    if (!head.stacks.has(plan.stack)) {
      throw new ReviewInputError(
        plan.file,
        `the plan is given for stack "${plan.stack}", which the head output does not have (it has ${[...head.stacks.keys()].sort().join(', ') || 'no stacks'})`,
      );
    }
    const other = seen.get(plan.stack);
    if (other !== undefined) throw new ReviewInputError(plan.file, `stack "${plan.stack}" already has a plan (${other}); give one plan per stack`);
    seen.set(plan.stack, plan.file);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A domain whose owner changes is approved by the old owner and the new one: both join the required reviewers. */
function withOwnerChanges(access: AccessSection, findings: readonly Finding[]): AccessSection {
  const owners = findings.filter((f) => f.rule === 'owner-changed').flatMap((f) => [f.before, f.after]);
  if (owners.length === 0) return access;
  return { ...access, requiredReviewers: [...new Set([...access.requiredReviewers, ...owners])].sort(compare) };
}

function compareFindings(a: Finding, b: Finding): number {
  const verdict = VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict);
  if (verdict !== 0) return verdict;
  return compare(a.stack, b.stack) || compare(a.id, b.id);
}

function summarize(findings: readonly Finding[], contracts: readonly ContractChange[], access: AccessSection, failedPlans: number): ReviewSummary {
  const counts = { BLOCK: 0, WARN: 0, MOVE: 0, SAFE: 0 };
  let acknowledged = 0;
  let blocking = 0;
  for (const f of [...findings, ...contracts]) {
    counts[f.verdict]++;
    if (f.acknowledgement !== undefined) acknowledged++;
    else if (f.verdict === 'BLOCK') blocking++;
  }
  const accessCounts = { BLOCK: 0, WARN: 0, SAFE: 0 };
  for (const c of access.changes) accessCounts[c.verdict]++;
  return { ...counts, acknowledged, blocking, access: accessCounts, failedPlans };
}
