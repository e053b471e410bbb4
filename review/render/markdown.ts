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
    const safe = result.findings.filter((f) => f.verdict === 'SAFE');
    const listed = [...result.findings.filter((f) => f.verdict !== 'SAFE'), ...safe.slice(0, MARKDOWN_SAFE_ROWS)];
    for (const f of listed) head.push(summaryRow(f));
    if (safe.length > MARKDOWN_SAFE_ROWS) head.push(`| ✅ SAFE | … and ${safe.length - MARKDOWN_SAFE_ROWS} more safe findings (see the JSON report) | | | |`);
    head.push('');
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
    const block = 'rows' in f ? detail(f) : contractDetail(f);
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
  const mark = f.acknowledgement === undefined ? MARK[f.verdict] : '☑️';
  const lines = [`<details><summary>${mark} ${f.verdict} ${code(f.id)}</summary>`, '', `**${escape(f.title)}**: ${escape(f.reason)}`, ''];
  lines.push(...table(f.rows));
  for (const p of f.plan) lines.push(`**terraform plan** ${code(p.address)}: ${escape(describePlan(p))}`, '');
  if (f.acknowledgement !== undefined) {
    lines.push(`**Acknowledged**${f.acknowledgement.by === undefined ? '' : ` by ${escape(f.acknowledgement.by)}`}: ${escape(f.acknowledgement.reason)}`, '');
  }
  lines.push('</details>', '');
  return lines.join('\n');
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
  const safe = contracts.filter((c) => c.verdict === 'SAFE');
  for (const c of [...contracts.filter((x) => x.verdict !== 'SAFE'), ...safe.slice(0, MARKDOWN_SAFE_ROWS)]) {
    const verdict = c.acknowledgement === undefined ? `${MARK[c.verdict]} ${c.verdict}` : `☑️ ${c.verdict} (acknowledged)`;
    lines.push(`| ${verdict} | ${escape(c.title)}<br>${code(c.id)} | ${code(c.topic)} · ${escape(c.schema)} · ${code(c.path)} | ${escape(c.mode)}, ${escape(contractBreaks(c))} | ${escape(c.environment)}${c.production ? ' (production)' : ''} | ${escape(c.stack)} |`);
  }
  if (safe.length > MARKDOWN_SAFE_ROWS) lines.push(`| ✅ SAFE | … and ${safe.length - MARKDOWN_SAFE_ROWS} more safe contract changes (see the JSON report) | | | | |`);
  lines.push('');
  return lines;
}

function accessSection(result: ReviewResult): string[] {
  const { changes, requiredReviewers } = result.access;
  if (changes.length === 0) return [];
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
  const safe = changes.filter((c) => c.verdict === 'SAFE');
  for (const c of [...changes.filter((x) => x.verdict !== 'SAFE'), ...safe.slice(0, MARKDOWN_SAFE_ROWS)]) lines.push(accessRow(c));
  if (safe.length > MARKDOWN_SAFE_ROWS) lines.push(`| ✅ SAFE | … and ${safe.length - MARKDOWN_SAFE_ROWS} more safe access changes (see the JSON report) | | | |`);
  lines.push('');
  return lines;
}

function accessRow(c: ReviewAccessChange): string {
  const why = c.why.length === 0 ? '' : `<br>why: ${escape(c.why.join('; '))}`;
  return `| ${MARK[c.verdict]} ${c.verdict} | ${escape(c.message)}${why} | ${escape(approver(c))} | ${escape(c.environment)} | ${escape(c.stack)} |`;
}

function contractDetail(c: ContractChange): string {
  const mark = c.acknowledgement === undefined ? MARK[c.verdict] : '☑️';
  const lines = [`<details><summary>${mark} ${c.verdict} ${code(c.id)}</summary>`, '', `**${escape(c.title)}**: ${escape(c.reason)}`, ''];
  if (c.acknowledgement !== undefined) {
    lines.push(`**Acknowledged**${c.acknowledgement.by === undefined ? '' : ` by ${escape(c.acknowledgement.by)}`}: ${escape(c.acknowledgement.reason)}`, '');
  }
  lines.push('</details>', '');
  return lines.join('\n');
}

function table(rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  return ['| Key | Current | New |', '| --- | --- | --- |', ...rows.map((r) => `| ${escape(r.key)} | ${escape(r.current)} | ${escape(r.new)} |`), ''];
}
