/**
 * What terraform's plan adds to the findings: each plan change of a topic, ACL, role binding, SCRAM credential, service
 * account or MSK IAM policy (review/plan-subjects.ts, every platform) is attached to the findings about the same
 * resource in the same stack (as evidence: "replace, because of partitions"). A delete or a
 * replacement that no BLOCK finding explains becomes a finding of its own (plan-delete, plan-replace). The plan's
 * `resource_drift` is reported separately: it is about the cluster, not about the change under review.
 */
import { credentialChangedInPlan } from './credentials';
import { clientsByPrincipal } from './diff';
import { humanize } from './humanize';
import * as m from './messages';
import { planSubjects } from './plan-subjects';
import { aclLabel, subjectKey, subjectLabel } from './subject';
import type { ClassifyContext } from './classify';
import type { DriftEntry, Finding, PlanEvidence, PlanResourceChange, PlanSnapshot, Row, Subject } from './types';

const MOVE_RULES = new Set(['stack-moved', 'move-without-import', 'moved-without-removed']);

export interface PlannedFindings {
  readonly findings: Finding[];
  readonly drift: DriftEntry[];
}

export function applyPlans(findings: readonly Finding[], plans: readonly PlanSnapshot[], context: ClassifyContext): PlannedFindings {
  const out: (Finding & { plan: PlanEvidence[] })[] = findings.map((f) => ({ ...f, plan: [...f.plan] }));
  const index = new Map<string, number[]>();
  const put = (stack: string, key: string, i: number): void => {
    const k = `${stack}\u0000${key}`;
    const list = index.get(k);
    if (list === undefined) index.set(k, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  out.forEach((f, i) => {
    const key = subjectKey(f.subject);
    put(f.stack, key, i);
    // A move is about two stacks: the plan of either may show it.
    if (MOVE_RULES.has(f.rule)) {
      put(f.before, key, i);
      put(f.after, key, i);
    }
  });

  const drift: DriftEntry[] = [];
  for (const plan of plans) {
    for (const change of plan.changes) {
      const { subjects, principalKeepsAccess } = planSubjects(change, plan.stack, context);
      const subject = subjects[0] as Subject;
      const evidence: PlanEvidence = {
        address: change.address,
        actions: change.actions,
        replacePaths: change.replacePaths,
        importingId: change.importingId,
        previousAddress: change.previousAddress,
      };
      const matched = [...new Set(subjects.flatMap((s) => index.get(`${plan.stack}\u0000${subjectKey(s)}`) ?? []))];
      const destructive = change.actions.includes('delete');
      // A topic's delete, and a credential's replacement, are explained only by a finding that blocks for it: a
      // credential's password rotation (WARN) does not explain terraform deleting the credential. A principal's service
      // account, IAM policy or attachment goes away as intended only when the head grants the principal nothing more.
      const needsBlock = subject.kind === 'topic' || (subject.kind === 'credential' && change.actions.includes('create'));
      const explained =
        principalKeepsAccess !== undefined
          ? !principalKeepsAccess && matched.length > 0
          : needsBlock
            ? matched.some((i) => out[i]?.verdict === 'BLOCK')
            : matched.length > 0;
      for (const i of matched) out[i]?.plan.push(evidence);
      if (destructive && !explained) {
        const finding =
          subject.kind === 'credential'
            ? credentialPlanFinding(plan.stack, subject.principal, change, context)
            : planFinding(plan.stack, subject, change, evidence, context);
        out.push({ ...finding, plan: [evidence] });
        put(plan.stack, subjectKey(subject), out.length - 1);
      }
    }
    for (const d of plan.drift) drift.push({ stack: plan.stack, address: d.address, actions: d.actions, rows: driftRows(d) });
  }
  return { findings: out, drift };
}

function planFinding(stack: string, subject: Subject, change: PlanResourceChange, evidence: PlanEvidence, context: ClassifyContext): Finding {
  const replace = change.actions.includes('create');
  const rule = replace ? 'plan-replace' : 'plan-delete';
  const what =
    subject.kind === 'topic' || subject.kind === 'principal-resource'
      ? subjectLabel(subject)
      : subject.kind === 'acl'
        ? aclLabel(subject.id)
        : subjectKey(subject);
  const s = context.head.stacks.get(stack) ?? context.base.stacks.get(stack);
  const production = s?.environment.production ?? false;
  // A principal's service account, IAM policy or attachment: its clients lose access (their API keys belong to the
  // service account; IAM denies every action a detached policy allowed) — as with a SCRAM credential, BLOCK in production.
  const principal = subject.kind === 'principal-resource' ? subject.principal : null;
  const clients = principal === null ? [] : [...(clientsByPrincipal(context.head, s?.environment.name ?? stack).get(principal) ?? [])].sort();
  const rows: Row[] = [{ key: 'actions', current: '—', new: change.actions.join(', ') }];
  for (const path of change.replacePaths) {
    rows.push({ key: path, current: value(path, change.before?.[path]), new: value(path, change.after?.[path]) });
  }
  const text = m.planDelete(what, replace ? 'replace' : 'delete');
  const because = change.replacePaths.length > 0 ? `; terraform replaces it because of ${change.replacePaths.join(', ')}` : '';
  const who = principal !== null && clients.length > 0 ? `; ${m.principalClientsLoseAccess(principal, clients, replace)}` : '';
  return {
    id: `${stack}/${subjectKey(subject)}/${rule}`,
    verdict: subject.kind === 'topic' || (production && clients.length > 0) ? 'BLOCK' : 'WARN',
    rule,
    subject,
    environment: s?.environment.name ?? stack,
    production,
    stack,
    title: text.title,
    reason: `${text.reason}${because}${who}`,
    before: 'exists',
    after: replace ? 'replaced' : '(deleted)',
    rows,
    plan: [evidence],
  };
}

/** A SCRAM credential's replacement or deletion that no finding of the outputs' diff explains (review/credentials.ts). */
function credentialPlanFinding(stack: string, principal: string, change: PlanResourceChange, context: ClassifyContext): Finding {
  const s = context.head.stacks.get(stack) ?? context.base.stacks.get(stack);
  const environment = s?.environment.name ?? stack;
  const declaredIn = (side: 'head' | 'base') =>
    [...context[side].stacks.values()]
      .filter((x) => x.environment.name === environment)
      .flatMap((x) => x.topology.scramCredentials ?? [])
      .find((c) => c.principal === principal);
  const production = s?.environment.production ?? false;
  const draft = credentialChangedInPlan({
    principal,
    actions: change.actions,
    before: change.before,
    after: change.after,
    replacePaths: change.replacePaths,
    clients: [...(clientsByPrincipal(context.head, environment).get(principal) ?? [])].sort(),
    declared: declaredIn('head') ?? declaredIn('base'),
    production,
  });
  const subject: Subject = { kind: 'credential', principal };
  return {
    id: `${stack}/${subjectKey(subject)}/${draft.rule}`,
    verdict: draft.verdict,
    rule: draft.rule,
    subject,
    environment,
    production,
    stack,
    title: draft.text.title,
    reason: draft.text.reason,
    ...(draft.text.fix === undefined ? {} : { fix: draft.text.fix }),
    before: draft.before,
    after: draft.after,
    rows: draft.rows,
    plan: [],
  };
}

function value(key: string, v: unknown): string {
  if (v === undefined) return '—';
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return humanize(key, v);
  return JSON.stringify(v);
}

/** `Key | State | Cluster` rows: what terraform's state says and what it read from the cluster. */
function driftRows(d: PlanResourceChange): Row[] {
  if (d.after === null) return [{ key: 'exists', current: 'yes', new: 'no (deleted outside terraform)' }];
  if (d.before === null) return [{ key: 'exists', current: 'no', new: 'yes' }];
  const rows: Row[] = [];
  const before = d.before;
  const after = d.after;
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (isRecord(b) || isRecord(a)) {
      const bo = isRecord(b) ? b : {};
      const ao = isRecord(a) ? a : {};
      for (const k of [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort()) {
        if (bo[k] !== ao[k]) rows.push({ key: `${key}.${k}`, current: value(k, bo[k]), new: value(k, ao[k]) });
      }
    } else {
      rows.push({ key, current: value(key, b), new: value(key, a) });
    }
  }
  return rows;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
