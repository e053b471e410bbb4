/**
 * What one stack's terraform plan means, for people (Markdown for a CI run summary, a merge-request note or an issue)
 * and for the pipeline (JSON): the counts, every resource change, and the verdict. A production plan that deletes or
 * replaces a topic is refused unless the reviewed acknowledgement file names a finding of that topic in that stack;
 * a failed plan is reported as failed, never as "no changes". Pure and CI-agnostic: the caller passes the plan JSON
 * (`terraform show -json <planfile>`), the exit code of `terraform plan -detailed-exitcode`, and what it has of
 * the rest.
 */
import { isObject } from '../model/json-object';

/** Review rules whose acknowledgement accepts the deletion or replacement of a topic (review/rules.ts). */
export const DESTRUCTIVE_RULES = ['topic-deleted', 'topic-renamed', 'dlq-removed', 'partitions-decreased', 'plan-delete', 'plan-replace'] as const;

/** Characters of `terraform show` output put in the summary (GitHub keeps 1 MiB of a step's summary). */
export const SHOW_TEXT_MAX = 200_000;

/** Lines of a failed plan's log shown. */
export const FAILED_LOG_LINES = 60;

export interface PlanSummaryInput {
  readonly stack: string;
  readonly production: boolean;
  /** Exit code of `terraform plan -detailed-exitcode`: 0 no changes, 2 changes, anything else failed. */
  readonly exitCode: number;
  /** `terraform show -json <planfile>`, parsed; absent when the plan failed. */
  readonly plan?: unknown;
  /** `terraform show -no-color <planfile>` or the failed plan's log. */
  readonly text?: string;
  /** Finding ids acknowledged in the reviewed review-acknowledgements.yaml. */
  readonly acknowledged?: readonly string[];
  /** SHA-256 of the saved plan file, when there is one. */
  readonly sha256?: string;
}

export type PlanAction = 'create' | 'update' | 'replace' | 'delete' | 'import' | 'forget' | 'move';

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  /** The topic's name, the ACL's principal…, whatever names the resource for a person. */
  readonly name: string | null;
  readonly action: PlanAction;
}

export interface Refusal {
  readonly address: string;
  readonly topic: string;
  readonly action: 'delete' | 'replace';
  /** The ids an acknowledgement may name to accept it. */
  readonly acknowledgeAs: readonly string[];
}

export interface PlanSummary {
  readonly stack: string;
  readonly production: boolean;
  readonly status: 'no-changes' | 'changes' | 'refused' | 'failed';
  readonly counts: Readonly<Record<PlanAction, number>>;
  readonly changes: readonly PlannedChange[];
  readonly refusals: readonly Refusal[];
  readonly sha256: string | null;
  /** Why it failed, when it did. */
  readonly failure: string | null;
}

type Json = Readonly<Record<string, unknown>>;

export function summarizePlan(input: PlanSummaryInput): PlanSummary {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, delete: 0, import: 0, forget: 0, move: 0 };
  const base = { stack: input.stack, production: input.production, sha256: input.sha256 ?? null };
  if (input.exitCode !== 0 && input.exitCode !== 2) {
    return { ...base, status: 'failed', counts, changes: [], refusals: [], failure: `terraform plan exited with ${input.exitCode}` };
  }
  const plan = isObject(input.plan) ? input.plan : undefined;
  if (plan === undefined) return { ...base, status: 'failed', counts, changes: [], refusals: [], failure: 'no plan JSON (terraform show -json) to read' };
  if (plan.errored === true) {
    return { ...base, status: 'failed', counts, changes: [], refusals: [], failure: 'terraform marked the plan as errored: it is incomplete' };
  }

  const changes: PlannedChange[] = [];
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (!isObject(rc) || (rc.mode !== undefined && rc.mode !== 'managed') || !isObject(rc.change)) continue;
    const action = actionOf(rc.change, typeof rc.previous_address === 'string');
    if (action === null) continue;
    const type = typeof rc.type === 'string' ? rc.type : '';
    const values = isObject(rc.change.before) ? rc.change.before : isObject(rc.change.after) ? rc.change.after : {};
    changes.push({ address: String(rc.address), type, name: nameOf(type, values), action });
    counts[action]++;
  }
  changes.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));

  const acknowledged = new Set(input.acknowledged ?? []);
  const refusals: Refusal[] = [];
  if (input.production) {
    for (const c of changes) {
      if (c.type !== 'kafka_topic' || (c.action !== 'delete' && c.action !== 'replace') || c.name === null) continue;
      const acknowledgeAs = DESTRUCTIVE_RULES.map((rule) => `${input.stack}/${c.name ?? ''}/${rule}`);
      if (!acknowledgeAs.some((id) => acknowledged.has(id))) refusals.push({ address: c.address, topic: c.name, action: c.action, acknowledgeAs });
    }
  }
  // -detailed-exitcode 2 means changes; 0 with changes listed cannot happen, but the plan JSON is what counts.
  const status = refusals.length > 0 ? 'refused' : changes.length > 0 || input.exitCode === 2 ? 'changes' : 'no-changes';
  return { ...base, status, counts, changes, refusals, failure: null };
}

function actionOf(change: Json, moved: boolean): PlanAction | null {
  const actions = Array.isArray(change.actions) ? change.actions.map(String) : [];
  const key = actions.join(',');
  if (key === 'delete,create' || key === 'create,delete') return 'replace';
  if (key === 'delete') return 'delete';
  if (key === 'create') return 'create';
  if (key === 'update') return 'update';
  if (key === 'forget') return 'forget';
  if (isObject(change.importing)) return 'import';
  return moved ? 'move' : null;
}

function nameOf(type: string, values: Json): string | null {
  const s = (k: string): string | null => (typeof values[k] === 'string' ? values[k] : null);
  if (type === 'kafka_topic') return s('name');
  if (type === 'kafka_quota') return s('entity_name');
  if (type === 'kafka_acl') {
    const principal = s('acl_principal');
    return principal === null ? null : `${principal} ${s('acl_operation') ?? ''} ${s('resource_type') ?? ''} ${s('resource_name') ?? ''}`.trim();
  }
  return null;
}

const VERBS: Readonly<Record<PlanAction, string>> = {
  create: 'to add',
  update: 'to change',
  replace: 'to replace',
  delete: 'to destroy',
  import: 'to import',
  forget: 'to forget',
  move: 'to move',
};

/** `2 to add, 1 to replace`, or `no changes`. */
export function countsLine(summary: PlanSummary): string {
  const parts = (Object.keys(VERBS) as PlanAction[]).filter((a) => summary.counts[a] > 0).map((a) => `${summary.counts[a]} ${VERBS[a]}`);
  return parts.length === 0 ? 'no changes' : parts.join(', ');
}

/** Markdown for a run summary or a note. `text` is the `terraform show` output or the failed plan's log. */
export function renderPlanSummary(summary: PlanSummary, text?: string): string {
  const where = `\`${summary.stack}\`${summary.production ? ' (production)' : ''}`;
  const out: string[] = [];
  switch (summary.status) {
    case 'failed':
      out.push(
        `### ⛔ terraform plan ${where} failed`,
        '',
        `${summary.failure ?? 'the plan failed'}: nothing can be applied from it, and the review cannot say what terraform would do.`,
        '',
      );
      if (text !== undefined && text.trim() !== '') out.push(...fenced(text.trimEnd().split('\n').slice(-FAILED_LOG_LINES).join('\n'), 'the end of the log'));
      return `${out.join('\n')}\n`;
    case 'no-changes':
      out.push(`### ✅ terraform plan ${where}: no changes`, '', 'Nothing to apply: this stack is skipped.', '');
      break;
    case 'refused':
      out.push(`### ⛔ terraform plan ${where}: ${countsLine(summary)} — refused`, '');
      out.push(
        'This production plan deletes or replaces topics, and their records with them. Nothing is applied until `review-acknowledgements.yaml` on the default branch acknowledges a finding of each (reviewed like any change):',
        '',
      );
      for (const r of summary.refusals) {
        out.push(
          `- \`${r.address}\` (topic \`${r.topic}\`) would be ${r.action === 'delete' ? 'deleted' : 'replaced (deleted, then created empty)'}: acknowledge \`${r.acknowledgeAs[0] ?? ''}\` or the review finding of this topic (\`${summary.stack}/${r.topic}/<rule>\`)`,
        );
      }
      out.push('');
      break;
    case 'changes':
      out.push(`### terraform plan ${where}: ${countsLine(summary)}`, '');
      break;
  }
  if (summary.changes.length > 0) {
    out.push('| Action | Resource | What |', '| --- | --- | --- |');
    for (const c of summary.changes) out.push(`| ${c.action} | \`${c.address}\` | ${c.name === null ? '' : cellText(c.name)} |`);
    out.push('');
  }
  if (summary.sha256 !== null) out.push(`Saved plan SHA-256: \`${summary.sha256}\` — the apply job applies exactly this file, after checking this sum.`, '');
  if (text !== undefined && text.trim() !== '' && summary.status !== 'no-changes') {
    out.push(
      ...fenced(text.length > SHOW_TEXT_MAX ? `${text.slice(0, SHOW_TEXT_MAX)}\n… (cut at ${SHOW_TEXT_MAX} characters)` : text.trimEnd(), 'terraform show'),
    );
  }
  return `${out.join('\n')}\n`;
}

/** A folded code block whose fence is longer than any backtick run inside, so the text cannot close it. */
function fenced(text: string, title: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`<details><summary>${title}</summary>`, '', fence, text.replace(/<\/details>/gi, '&lt;/details>'), fence, '', '</details>', ''];
}

function cellText(text: string): string {
  return text.replace(/[|`<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r\n|[\n\r\u2028\u2029]/g, ' ');
}

/** Plans of a pipeline run, for the apply stage: which stacks have something to apply, and each saved plan's sum. */
export interface PlanList {
  readonly nonproduction: readonly string[];
  readonly production: readonly string[];
  readonly sha256: Readonly<Record<string, string>>;
  readonly refused: readonly string[];
  readonly failed: readonly string[];
}

export function listPlans(summaries: readonly PlanSummary[]): PlanList {
  const sorted = [...summaries].sort((a, b) => (a.stack < b.stack ? -1 : 1));
  const apply = sorted.filter((s) => s.status === 'changes' && s.sha256 !== null);
  return {
    nonproduction: apply.filter((s) => !s.production).map((s) => s.stack),
    production: apply.filter((s) => s.production).map((s) => s.stack),
    sha256: Object.fromEntries(apply.map((s) => [s.stack, s.sha256 ?? ''])),
    refused: sorted.filter((s) => s.status === 'refused').map((s) => s.stack),
    failed: sorted.filter((s) => s.status === 'failed').map((s) => s.stack),
  };
}
