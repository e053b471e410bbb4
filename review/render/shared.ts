/** Pieces the three renderers share: verdict marks, plan evidence in words, the summary line. */
import type { ContractChange, Finding, PlanEvidence, ReviewAccessChange, ReviewResult } from '../types';

/** `replace (delete, then create), forced by partitions` */
export function describePlan(e: PlanEvidence): string {
  const a = e.actions.join(',');
  const words: Record<string, string> = {
    'delete,create': 'replace (delete, then create)',
    'create,delete': 'replace (create, then delete)',
    delete: 'delete',
    create: 'create',
    update: 'update in place',
    'no-op': 'no change',
    read: 'read',
    forget: 'forget (out of the state, left on the cluster)',
  };
  const parts = [words[a] ?? a];
  if (e.replacePaths.length > 0) parts.push(`forced by ${e.replacePaths.join(', ')}`);
  if (e.importingId !== null) parts.push(`importing id ${e.importingId}`);
  if (e.previousAddress !== null) parts.push(`moved from ${e.previousAddress}`);
  return parts.join(', ');
}

/** `BLOCK 1 · WARN 0 · MOVE 0 · SAFE 2`, findings and contract changes together; then the access changes, if any. */
export function countLine(result: ReviewResult): string {
  const s = result.summary;
  const ack = s.acknowledged > 0 ? ` (${s.acknowledged} acknowledged)` : '';
  const access = result.access.changes.length > 0 ? ` · access changes: WARN ${s.access.WARN}, SAFE ${s.access.SAFE}` : '';
  return `BLOCK ${s.BLOCK}${ack} · WARN ${s.WARN} · MOVE ${s.MOVE} · SAFE ${s.SAFE}${access}`;
}

export function verdictLine(result: ReviewResult): string {
  const n = result.summary.blocking;
  const failed = result.failedPlans.length;
  const plans = failed > 0 ? `terraform plan failed for ${result.failedPlans.join(', ')}` : '';
  if (n > 0) return `${n} unacknowledged blocking finding${n === 1 ? '' : 's'}${failed > 0 ? `; ${plans}` : ''}`;
  if (failed > 0) return plans;
  if (result.findings.length === 0 && result.contracts.length === 0 && result.access.changes.length === 0) return 'no changes';
  return 'nothing blocking';
}

/** Whether anything deserves a look: a WARN among the findings, contract changes or access changes. */
export function hasWarnings(result: ReviewResult): boolean {
  return result.summary.WARN > 0 || result.summary.access.WARN > 0;
}

/** `orders.order-created` · `value` · `customerId`: where in the event a contract change is. */
export function contractWhere(c: ContractChange): string {
  return `${c.topic} ${c.schema} ${c.path}`;
}

/** Which directions a contract change breaks readers in, in words. */
export function contractBreaks(c: ContractChange): string {
  if (c.breaks.length === 0) return 'compatible both ways';
  return `breaks ${c.breaks.map((d) => (d === 'backward' ? 'BACKWARD' : 'FORWARD')).join(' and ')}`;
}

/** The team that approves an access change, or why there is none. */
export function approver(a: ReviewAccessChange): string {
  return a.owner ?? `no owner declared for domain ${a.domain}`;
}

export const isAcknowledged = (f: Finding): boolean => f.acknowledgement !== undefined;
