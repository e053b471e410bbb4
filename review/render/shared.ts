/** Pieces the three renderers share: verdict marks, plan evidence in words, the summary line. */
import type { Finding, PlanEvidence, ReviewResult } from '../types';

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

export function countLine(result: ReviewResult): string {
  const s = result.summary;
  const ack = s.acknowledged > 0 ? ` (${s.acknowledged} acknowledged)` : '';
  return `BLOCK ${s.BLOCK}${ack} · WARN ${s.WARN} · MOVE ${s.MOVE} · SAFE ${s.SAFE}`;
}

export function verdictLine(result: ReviewResult): string {
  const n = result.summary.blocking;
  if (n > 0) return `${n} unacknowledged blocking finding${n === 1 ? '' : 's'}`;
  if (result.findings.length === 0) return 'no changes';
  return 'nothing blocking';
}

export const isAcknowledged = (f: Finding): boolean => f.acknowledgement !== undefined;
