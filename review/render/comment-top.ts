/**
 * The top of the review comment, what a busy reviewer reads in five seconds: "What blocks this PR" (one line per
 * cause, production first, with the declaration's file:line, the consequence and the fix), a ready-to-paste
 * review-acknowledgements.yaml with every blocking id, the warnings the same way, the services to redeploy, and the
 * safe changes as counts per stack, folded.
 */
import { appendTo } from '../../model/group-by';
import { ACKNOWLEDGEMENTS_FILE } from '../acknowledge';
import { describeSetting } from '../client-changes';
import { MARKDOWN_ID_MAX } from '../limits';
import type { Finding, ReviewResult } from '../types';
import { causesOf, ruleWords, stacksOf } from './causes';
import type { Cause } from './causes';

/** The escaping of the Markdown renderer (markdown.ts), passed in so this module does not import it back. */
export interface Escaper {
  cell(text: string, max?: number): string;
}

const CAUSE_MARK = { BLOCK: '⛔', WARN: '⚠️' } as const;

/** `- ⛔ **orders.order-created**: partitions 24 → 12 in prod-orders and staging (and its 3 retry tiers) — topics/orders.ts:37 — …; keep 24` */
export function causeLine(c: Cause, e: Escaper): string {
  const companions = c.companions === '' ? '' : ` (and ${e.cell(c.companions)})`;
  const where = c.declaredAt === null ? '' : ` — <code>${e.cell(c.declaredAt)}</code>`;
  const fix = c.fix === null ? '' : `; **${e.cell(c.fix)}**`;
  const because = c.because === null ? '' : ` (${e.cell(c.because)})`;
  return `- ${CAUSE_MARK[c.verdict]} **${e.cell(c.label)}**: ${e.cell(c.what)}${companions}${where} — ${e.cell(c.consequence)}${fix}${because}`;
}

/** "What blocks this PR" and its acknowledgement block; empty when nothing blocks. */
export function blockingSection(result: ReviewResult, e: Escaper, withAcknowledgements: boolean): string[] {
  const causes = causesOf(result, 'BLOCK');
  if (causes.length === 0 && result.failedPlans.length === 0) return [];
  const out = ['### ⛔ What blocks this PR', ''];
  if (result.failedPlans.length > 0) {
    out.push(
      `- ⛔ **terraform plan failed** for ${result.failedPlans.map((x) => e.cell(x)).join(', ')}: the review cannot say what terraform would do there; fix the plan (its log is in the run)`,
    );
  }
  out.push(...causes.map((c) => causeLine(c, e)), '');
  if (withAcknowledgements) out.push(...acknowledgementBlock(causes.flatMap((c) => c.ids)));
  return out;
}

/** Every warning cause; empty when none. */
export function warningSection(result: ReviewResult, e: Escaper): string[] {
  const causes = causesOf(result, 'WARN');
  if (causes.length === 0) return [];
  return ['### ⚠️ Warnings', '', ...causes.map((c) => causeLine(c, e)), ''];
}

/**
 * A ready-to-paste review-acknowledgements.yaml with every unacknowledged blocking id. The reason is left empty on
 * purpose: the file refuses a reason shorter than MIN_REASON_LENGTH, so nothing is accepted until someone writes why.
 * Ids are JSON strings (valid YAML), and the fence is longer than any backtick run in them.
 */
export function acknowledgementBlock(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const shown = ids.filter((id) => id.length <= MARKDOWN_ID_MAX);
  const longest = Math.max(0, ...shown.map((id) => Math.max(0, ...(id.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = [
    'acknowledgements:',
    ...shown.flatMap((id) => [`  - finding: ${JSON.stringify(id)}`, '    reason: ""  # required: why this is intended (at least 10 characters)']),
  ];
  const skipped = ids.length - shown.length;
  return [
    `<details><summary>Acknowledge instead: ${ids.length} blocking finding${ids.length === 1 ? '' : 's'} for ${ACKNOWLEDGEMENTS_FILE}</summary>`,
    '',
    `Paste into ${ACKNOWLEDGEMENTS_FILE} and write each reason; a reviewer of this pull request must agree with it.${skipped > 0 ? ` ${skipped} id${skipped === 1 ? ' is' : 's are'} too long to show here: take them from the JSON report.` : ''}`,
    '',
    `${fence}yaml`,
    ...lines,
    fence,
    '',
    '</details>',
    '',
  ];
}

/** "Client config changes — redeploy": each service, then its profiles' settings key by key. */
export function clientSection(result: ReviewResult, e: Escaper): string[] {
  if (result.clients.length === 0) return [];
  const byService = new Map<string, (typeof result.clients)[number][]>();
  for (const c of result.clients) appendTo(byService, c.service, c);
  const out = [
    '### Client config changes — redeploy',
    '',
    'Terraform does not deploy these: each service runs with its old settings until it is redeployed with its generated config.',
    '',
  ];
  for (const [service, changes] of [...byService].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const bySettings = new Map<string, typeof changes>();
    for (const c of changes) {
      const what =
        c.status === 'changed'
          ? c.settings.map(describeSetting).join('; ')
          : c.status === 'added'
            ? `new, ${c.settings.length} settings: deploy ${c.service} with it`
            : 'removed: stop the consumer, or drop it from the service';
      const key = `${c.profile}\u0000${what}`;
      appendTo(bySettings, key, c);
    }
    out.push(`- **${e.cell(service)}**`);
    for (const [key, list] of bySettings) {
      const [profile, settings] = key.split('\u0000');
      out.push(`  - ${e.cell(profile ?? '')} in ${e.cell(stacksOf(list))}: ${e.cell(settings ?? '')}`);
    }
  }
  return [...out, ''];
}

/** Plural nouns and verbs of the common safe rules: `1 topic, 1 group, 6 ACLs added`. */
const SAFE_KINDS: Readonly<Record<string, readonly [string, string, string]>> = {
  'topic-added': ['topic', 'topics', 'added'],
  'group-added': ['group', 'groups', 'added'],
  'acl-added': ['ACL', 'ACLs', 'added'],
  imported: ['resource', 'resources', 'imported'],
  'declaration-changed': ['declaration', 'declarations', 'changed'],
  'config-changed': ['topic config', 'topic configs', 'changed'],
};

/** `1 topic, 1 group, 6 ACLs added; 1 declaration changed` for some findings. */
export function safeCounts(findings: readonly Finding[]): string {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const byVerb = new Map<string, string[]>();
  const other: string[] = [];
  const order = Object.keys(SAFE_KINDS);
  const rank = (rule: string): number => (order.includes(rule) ? order.indexOf(rule) : order.length);
  for (const [rule, n] of [...byRule].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))) {
    const kind = SAFE_KINDS[rule];
    if (kind === undefined) other.push(`${n}× ${ruleWords(rule)}`);
    else byVerb.set(kind[2], [...(byVerb.get(kind[2]) ?? []), `${n} ${n === 1 ? kind[0] : kind[1]}`]);
  }
  return [...[...byVerb].map(([verb, items]) => `${items.join(', ')} ${verb}`), ...other].join('; ');
}

/** The SAFE and MOVE findings as counts per stack, folded. */
export function safeSection(result: ReviewResult, e: Escaper): string[] {
  const safe = result.findings.filter((f) => f.verdict === 'SAFE' || f.verdict === 'MOVE');
  if (safe.length === 0) return [];
  const byStack = new Map<string, Finding[]>();
  for (const f of safe) appendTo(byStack, f.stack, f);
  const rows = [...byStack]
    .sort((a, b) => Number(b[1][0]?.production) - Number(a[1][0]?.production) || (a[0] < b[0] ? -1 : 1))
    .map(([stack, list]) => `| ${e.cell(stack)} | ${e.cell(safeCounts(list))} |`);
  return [
    `<details><summary>✅ ${safe.length} safe change${safe.length === 1 ? '' : 's'}: ${e.cell(safeCounts(safe))}</summary>`,
    '',
    '| Stack | Safe changes |',
    '| --- | --- |',
    ...rows,
    '',
    '</details>',
    '',
  ];
}
