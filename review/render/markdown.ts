/**
 * The review as a pull-request comment: the verdict and the summary table first, then the "Contract changes" and
 * "Access changes" sections (with the required reviewers), every finding's and contract change's details folded
 * (`<details>`), drift in its own section, stale acknowledgements last. Text from the outputs (names, declared
 * descriptions) is escaped, so a declaration cannot inject HTML, break a table or mention people. The comment stays
 * under GitHub's size limit: past MARKDOWN_COMMENT_BUDGET the remaining details are counted, not shown.
 */
import { ACKNOWLEDGEMENTS_FILE } from '../acknowledge';
import { MARKDOWN_COMMENT_BUDGET, MARKDOWN_SAFE_ROWS } from '../limits';
import type { ContractChange, Finding, ReviewAccessChange, ReviewResult, Row, Verdict } from '../types';
import { approver, contractBreaks, describePlan, hasWarnings, verdictLine } from './shared';

/** The first line of every comment; the comment workflow finds its earlier comment by it. */
export const COMMENT_MARKER = '<!-- topicform-review -->';

const MARK: Record<Verdict, string> = { BLOCK: '⛔', WARN: '⚠️', MOVE: '🚚', SAFE: '✅' };

/** Escapes text for Markdown table cells and HTML: no tags, no pipes, no line breaks, no @mentions. */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\*/g, '&#42;')
    .replace(/_/g, '&#95;')
    .replace(/\[/g, '&#91;')
    .replace(/@/g, '@&#8203;')
    .replace(/\r?\n/g, ' ');
}

const code = (text: string): string => `<code>${escape(text)}</code>`;

export function renderMarkdown(result: ReviewResult): string {
  const s = result.summary;
  const head: string[] = [COMMENT_MARKER];
  const icon = s.blocking > 0 ? '⛔' : hasWarnings(result) ? '⚠️' : '✅';
  head.push(`## topicform review: ${icon} ${verdictLine(result)}`, '');
  head.push(
    `Base ${code(result.base)} → head ${code(result.head)} · stacks: ${result.stacks.map(escape).join(', ') || 'none'}` +
      (result.plans.length > 0 ? ` · terraform plan: ${result.plans.map(escape).join(', ')}` : ' · no terraform plan'),
    '',
  );
  head.push('| ⛔ BLOCK | ⚠️ WARN | 🚚 MOVE | ✅ SAFE | acknowledged |', '| ---: | ---: | ---: | ---: | ---: |', `| ${s.BLOCK} | ${s.WARN} | ${s.MOVE} | ${s.SAFE} | ${s.acknowledged} |`, '');

  if (result.findings.length > 0) {
    head.push('| Verdict | Finding | Environment | Stack | Before → After |', '| --- | --- | --- | --- | --- |');
    head.push(...cappedRows(result.findings, summaryRow, 'findings', 5), '');
  }
  head.push(...contractSection(result.contracts), ...accessSection(result));

  const tail: string[] = [];
  if (result.drift.length > 0) {
    tail.push("### Drift: the cluster differs from Terraform's state", '', 'Found by `terraform plan` (refresh), independent of this change.', '');
    tail.push('| Stack | Resource | Key | State | Cluster |', '| --- | --- | --- | --- | --- |');
    for (const d of result.drift) {
      const rows = d.rows.length > 0 ? d.rows : [{ key: d.actions.join(', '), current: '', new: '' }];
      for (const r of rows) tail.push(`| ${escape(d.stack)} | ${code(d.address)} | ${escape(r.key)} | ${escape(r.current)} | ${escape(r.new)} |`);
    }
    tail.push('');
  }
  if (result.unmatchedAcknowledgements.length > 0) {
    tail.push(`### Acknowledgements that match no finding`, '', `Stale or misspelt entries in ${code(ACKNOWLEDGEMENTS_FILE)}; remove or fix them:`, '');
    for (const a of result.unmatchedAcknowledgements) tail.push(`- ${code(a.finding)}: ${escape(a.reason)}`);
    tail.push('');
  }
  tail.push(
    `<sub>A blocking finding is accepted only when ${code(ACKNOWLEDGEMENTS_FILE)} names its id with a reason ` +
      '(`acknowledgements: [{ finding: <id>, reason: <why>, by: <reviewer> }]`), reviewed in this pull request.</sub>',
    '',
  );

  const details: string[] = [];
  let size = head.join('\n').length + tail.join('\n').length + 200;
  let omitted = 0;
  for (const f of [...result.findings, ...result.contracts]) {
    const block = 'rows' in f ? detail(f) : detailsBlock(f, []);
    if (size + block.length > MARKDOWN_COMMENT_BUDGET) {
      omitted++;
      continue;
    }
    size += block.length + 1;
    details.push(block);
  }
  const body = details.length > 0 ? ['### Details', '', ...details] : [];
  if (omitted > 0) body.push(`_${omitted} more finding${omitted === 1 ? '' : 's'} not shown here (comment size limit): see the JSON report._`, '');
  return `${[...head, ...body, ...tail].join('\n')}`;
}

function summaryRow(f: Finding): string {
  const verdict = f.acknowledgement === undefined ? `${MARK[f.verdict]} ${f.verdict}` : `☑️ ${f.verdict} (acknowledged)`;
  return `| ${verdict} | ${escape(f.title)}<br>${code(f.id)} | ${escape(f.environment)}${f.production ? ' (production)' : ''} | ${escape(f.stack)} | ${escape(f.before)} → ${escape(f.after)} |`;
}

function detail(f: Finding): string {
  return detailsBlock(f, [...table(f.rows), ...f.plan.flatMap((p) => [`**terraform plan** ${code(p.address)}: ${escape(describePlan(p))}`, ''])]);
}

function contractSection(contracts: readonly ContractChange[]): string[] {
  if (contracts.length === 0) return [];
  const lines = [
    '### Contract changes',
    '',
    "Each event schema compared with the base under the topic's compatibility mode (BACKWARD: new readers read old events; FORWARD: old readers read new events; FULL: both).",
    '',
    '| Verdict | Change | Topic · schema · field | Mode | Environment | Stack |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  lines.push(...cappedRows(contracts, contractRow, 'contract changes', 6), '');
  return lines;
}

function contractRow(c: ContractChange): string {
  const verdict = c.acknowledgement === undefined ? `${MARK[c.verdict]} ${c.verdict}` : `☑️ ${c.verdict} (acknowledged)`;
  return `| ${verdict} | ${escape(c.title)}<br>${code(c.id)} | ${code(c.topic)} · ${escape(c.schema)} · ${code(c.path)} | ${escape(c.mode)}, ${escape(contractBreaks(c))} | ${escape(c.environment)}${c.production ? ' (production)' : ''} | ${escape(c.stack)} |`;
}

function accessSection(result: ReviewResult): string[] {
  const { changes, requiredReviewers } = result.access;
  if (changes.length === 0) return requiredReviewers.length === 0 ? [] : ['### Required reviewers', '', `${requiredReviewers.map(escape).join(', ')} (a domain's owner changes: the old and the new owner approve)`, ''];
  const lines = [
    '### Access changes',
    '',
    'Who can read or write what, after this change; the team that owns each resource approves it.',
    '',
    `**Required reviewers:** ${requiredReviewers.map(escape).join(', ') || 'none (no owner declared)'}`,
    '',
    '| Verdict | Change | Approves | Environment | Stack |',
    '| --- | --- | --- | --- | --- |',
  ];
  lines.push(...cappedRows(changes, accessRow, 'access changes', 5), '');
  return lines;
}

/**
 * A table's rows: every item that is not SAFE, then at most MARKDOWN_SAFE_ROWS SAFE ones and a row counting the rest
 * (all of them are in the JSON report), so a large change stays within one comment and nothing needing a look is cut.
 */
function cappedRows<T extends { readonly verdict: string }>(items: readonly T[], row: (item: T) => string, what: string, columns: number): string[] {
  const safe = items.filter((i) => i.verdict === 'SAFE');
  const rows = [...items.filter((i) => i.verdict !== 'SAFE'), ...safe.slice(0, MARKDOWN_SAFE_ROWS)].map(row);
  if (safe.length > MARKDOWN_SAFE_ROWS) rows.push(`| ✅ SAFE | … and ${safe.length - MARKDOWN_SAFE_ROWS} more safe ${what} (see the JSON report) |${' |'.repeat(columns - 2)}`);
  return rows;
}

function accessRow(c: ReviewAccessChange): string {
  const why = c.why.length === 0 ? '' : `<br>why: ${escape(c.why.join('; '))}`;
  return `| ${MARK[c.verdict]} ${c.verdict} | ${escape(c.message)}${why} | ${escape(approver(c))} | ${escape(c.environment)} | ${escape(c.stack)} |`;
}

/** A collapsed block for one finding or contract change: its title and reason, `body`, and its acknowledgement. */
function detailsBlock(item: Pick<Finding, 'verdict' | 'id' | 'title' | 'reason' | 'acknowledgement'>, body: readonly string[]): string {
  const mark = item.acknowledgement === undefined ? MARK[item.verdict] : '☑️';
  const lines = [`<details><summary>${mark} ${item.verdict} ${code(item.id)}</summary>`, '', `**${escape(item.title)}**: ${escape(item.reason)}`, '', ...body];
  const ack = item.acknowledgement;
  if (ack !== undefined) lines.push(`**Acknowledged**${ack.by === undefined ? '' : ` by ${escape(ack.by)}`}: ${escape(ack.reason)}`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}

function table(rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  return ['| Key | Current | New |', '| --- | --- | --- |', ...rows.map((r) => `| ${escape(r.key)} | ${escape(r.current)} | ${escape(r.new)} |`), ''];
}
