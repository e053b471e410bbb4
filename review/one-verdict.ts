/**
 * One verdict per change across sections: an ACL added or removed is both a finding (classify) and part of an access
 * change (access/diff.ts), judged by different rules — a removal no declaration needs is WARN as a finding, a
 * cross-domain read without a stated reason is WARN as an access change. A reviewer must not read the same change as
 * WARN in one section and SAFE in the other, so both take the more severe of the two verdicts.
 */
import type { AccessSection, Finding, ReviewAccessChange, Verdict } from './types';

type AccessChangeVerdict = ReviewAccessChange['verdict'];

const SEVERITY: Readonly<Record<Verdict, number>> = { BLOCK: 3, WARN: 2, MOVE: 1, SAFE: 0 };

export function unifyVerdicts(findings: readonly Finding[], access: AccessSection): { findings: Finding[]; access: AccessSection } {
  const byAcl = new Map<string, number[]>();
  findings.forEach((f, i) => {
    // An access change lists ACL ids or, on an aws-iam environment, MSK IAM grant ids: both kinds of finding share its verdict.
    if (f.subject.kind !== 'acl' && f.subject.kind !== 'iam-grant') return;
    const key = `${f.environment}\u0000${f.subject.id}`;
    byAcl.set(key, [...(byAcl.get(key) ?? []), i]);
  });
  const out = [...findings];
  const changes = access.changes.map((c): ReviewAccessChange => {
    const related = [...c.added, ...c.removed].flatMap((id) => byAcl.get(`${c.environment}\u0000${id}`) ?? []);
    let verdict: AccessChangeVerdict = c.verdict;
    for (const i of related) {
      const v = out[i]?.verdict;
      if (v !== undefined && v !== 'MOVE' && SEVERITY[v] > SEVERITY[verdict]) verdict = v;
    }
    for (const i of related) {
      const f = out[i];
      if (f !== undefined && SEVERITY[f.verdict] < SEVERITY[verdict]) {
        out[i] = { ...f, verdict, reason: `${f.reason}; ${verdict} as its access change (Access changes): ${c.message}` };
      }
    }
    return verdict === c.verdict ? c : { ...c, verdict };
  });
  return { findings: out, access: { ...access, changes } };
}
