/**
 * The review as a pull-request comment (docs/review-comment.md): the verdict; what blocks, one line per cause, with a
 * ready-to-paste acknowledgement block; the warnings; the client configs to redeploy; the safe changes counted per
 * stack (comment-top.ts); then the findings, contract and access tables in three columns that fit GitHub's comment
 * column, every finding's and contract change's details folded, drift, stale acknowledgements.
 *
 * The comment is shaped by its input, so it is hardened against it: text from the outputs (names, declared
 * descriptions, acknowledgement and suppression reasons) is escaped — no HTML, no table break, no line break of any
 * kind (CR, LF, U+2028, U+2029, …), no mention — and every user-controlled value is cut at MARKDOWN_CELL_MAX. The whole
 * comment stays under MARKDOWN_COMMENT_BUDGET: when it would not, the details go first, then drift and stale
 * acknowledgements, then the SAFE and MOVE rows, then the acknowledgement block, then the BLOCK and WARN rows are
 * shortened — the verdict and every BLOCK and WARN line stay — and the comment says what it left out and where.
 */
import { ACKNOWLEDGEMENTS_FILE } from '../acknowledge';
import { MARKDOWN_CELL_MAX, MARKDOWN_CELL_PADDING_CHARS, MARKDOWN_COLUMN_CHARS, MARKDOWN_COMMENT_BUDGET, MARKDOWN_ID_MAX, MARKDOWN_SAFE_ROWS } from '../limits';
import type { ContractChange, Finding, ReviewAccessChange, ReviewResult, Row, Verdict } from '../types';
import { accessParts } from '../../access/diff';
import { blockingSection, clientSection, safeSection, warningSection } from './comment-top';
import { approver, contractBreaks, describePlan, hasWarnings, verdictLine } from './shared';

/** The first line of every comment; the comment workflow finds its earlier comment by it. */
export const COMMENT_MARKER = '<!-- topicform-review -->';

export interface MarkdownOptions {
  /** Where the full review is (the CI run with the JSON and text reports), named when the comment leaves something out. */
  readonly fullReviewUrl?: string;
  /** @default MARKDOWN_COMMENT_BUDGET */
  readonly budget?: number;
}

const MARK: Record<Verdict, string> = { BLOCK: '⛔', WARN: '⚠️', MOVE: '🚚', SAFE: '✅' };

/** Every character that ends a line somewhere: LF, CR, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * U+2060 WORD JOINER, as an entity: zero width, and no line break on either side of it (UAX #14 class WJ). After the
 * `@` of a handle it stops GitHub's mention (a mention needs a letter or digit right after `@`); unlike a zero-width
 * space, which is a break opportunity, it cannot let the handle wrap as "@" / "acme/orders-team".
 */
const WORD_JOINER = '&#8288;';

/** A GitHub user or team handle: `@alice`, `@acme/orders-team`. */
const HANDLE = /@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9-]*)?/g;

/**
 * No mention, and a handle that stays whole: a word joiner after its `@` (no mention), and after every `/` and `-` in
 * it (where a browser may otherwise wrap it); any other `@` gets one too.
 */
function guardMentions(text: string): string {
  return text.replace(HANDLE, (handle) => handle.replace(/[@/-]/g, (c) => `${c}${WORD_JOINER}`)).replace(/@(?!&#8288;)/g, `@${WORD_JOINER}`);
}

/** Escapes text for Markdown table cells and HTML: no tags, no pipes, no line breaks, no @mentions. */
export function escape(text: string): string {
  return guardMentions(escapeMarkup(text));
}

function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\*/g, '&#42;')
    .replace(/_/g, '&#95;')
    .replace(/\[/g, '&#91;')
    .replace(LINE_BREAKS, ' ');
}

/** A user-controlled value, cut at `max` characters (before escaping, so an entity is never cut in half), escaped. */
export function cell(text: string, max = MARKDOWN_CELL_MAX): string {
  if (text.length <= max) return escape(text);
  // Cut by UTF-16 unit, never inside a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return escape(`${text.slice(0, end)}…`);
}

const code = (text: string, max = MARKDOWN_ID_MAX): string => `<code>${cell(text, max)}</code>`;

/** One row of a table, with its verdict (what the budget may never cut: BLOCK and WARN). */
interface Line {
  readonly verdict: Verdict;
  readonly full: string;
  /** The same row, short: verdict, id and title cut hard. */
  readonly compact: string;
}

/** How much the comment leaves out, from nothing (0) to the bare summary with every BLOCK and WARN line (4). */
type Level = 0 | 1 | 2 | 3 | 4;

export function renderMarkdown(result: ReviewResult, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? MARKDOWN_COMMENT_BUDGET;
  for (const level of [0, 1, 2, 3, 4] as const) {
    const md = compose(result, level, options, budget);
    if (md.length <= budget || level === 4) return md.length <= budget ? md : lastResort(result, md, options, budget);
  }
  return '';
}

function compose(result: ReviewResult, level: Level, options: MarkdownOptions, budget: number): string {
  const s = result.summary;
  const cut: string[] = [];
  const head: string[] = [COMMENT_MARKER];
  const icon = s.blocking > 0 || s.failedPlans > 0 ? '⛔' : hasWarnings(result) ? '⚠️' : '✅';
  head.push(`## topicform review: ${icon} ${verdictLine(result)}`, '');
  head.push(
    `Base ${code(result.base)} → head ${code(result.head)} · stacks: ${result.stacks.map((x) => cell(x)).join(', ') || 'none'}` +
      (result.plans.length > 0 ? ` · terraform plan: ${result.plans.map((x) => cell(x)).join(', ')}` : ' · no terraform plan'),
    '',
  );
  // What a reviewer reads first: why it blocks, then what to watch, then who redeploys, then the safe rest, folded.
  const escaper = { cell };
  const acknowledgements = level < 3;
  if (!acknowledgements && s.blocking > 0) cut.push(`the ${ACKNOWLEDGEMENTS_FILE} block (the blocking ids are in the JSON report)`);
  head.push(
    ...blockingSection(result, escaper, acknowledgements),
    ...warningSection(result, escaper),
    ...clientSection(result, escaper),
    ...safeSection(result, escaper),
  );

  const rows = (lines: readonly Line[], what: string, columns: number): string[] => table(lines, what, columns, level, cut);
  if (result.findings.length > 0) {
    head.push('### All findings', '');
    head.push(
      '| ⛔&nbsp;BLOCK | ⚠️&nbsp;WARN | 🚚&nbsp;MOVE | ✅&nbsp;SAFE | acknowledged |',
      '| ---: | ---: | ---: | ---: | ---: |',
      `| ${s.BLOCK} | ${s.WARN} | ${s.MOVE} | ${s.SAFE} | ${s.acknowledged} |`,
      '',
    );
    head.push('| Verdict | Finding | Stack |', '| --- | --- | --- |');
    head.push(...rows(result.findings.map(summaryRow), 'findings', 3), '');
  }
  if (result.contracts.length > 0) head.push(...contractIntro(), ...rows(result.contracts.map(contractRow), 'contract changes', 3), '');
  const { changes, requiredReviewers } = result.access;
  if (changes.length > 0) head.push(...accessIntro(requiredReviewers), ...rows(changes.map(accessRow), 'access changes', 3), '');
  else if (requiredReviewers.length > 0) {
    head.push(
      '### Required reviewers',
      '',
      `${requiredReviewers.map((r) => cell(r)).join(', ')} (a domain's owner changes: the old and the new owner approve)`,
      '',
    );
  }

  const tail: string[] = [];
  if (level < 2) tail.push(...driftSection(result), ...unmatchedSection(result));
  else {
    if (result.drift.length > 0) cut.push(`the drift table (${result.drift.length} resource${result.drift.length === 1 ? '' : 's'})`);
    if (result.unmatchedAcknowledgements.length > 0) {
      cut.push(`${result.unmatchedAcknowledgements.length} stale acknowledgement${result.unmatchedAcknowledgements.length === 1 ? '' : 's'}`);
    }
  }
  tail.push(
    `<sub>A blocking finding is accepted only when ${code(ACKNOWLEDGEMENTS_FILE)} names its id with a reason ` +
      '(`acknowledgements: [{ finding: <id>, reason: <why>, by: <reviewer> }]`), reviewed in this pull request.</sub>',
    '',
  );

  // Details take what room is left at level 0; every later level leaves them out.
  const items = [...result.findings, ...result.contracts];
  const details: string[] = [];
  if (level === 0) {
    let size = head.join('\n').length + tail.join('\n').length + 600;
    for (const f of items) {
      const block = 'rows' in f ? detail(f) : detailsBlock(f, []);
      if (size + block.length + 1 > budget) continue;
      size += block.length + 1;
      details.push(block);
    }
  }
  const omitted = items.length - details.length;
  if (omitted > 0 && items.length > 0) cut.unshift(`the details of ${omitted} finding${omitted === 1 ? '' : 's'}`);
  const body = details.length > 0 ? ['### Details', '', ...details] : [];
  return [...head, ...body, ...cutNote(cut, options), ...tail].join('\n');
}

/** Where whatever a comment leaves out can be read: the full review's address when given, else `otherwise`. */
export function fullReportAt(options: MarkdownOptions, otherwise = 'in the JSON and text reports of this review (`topicform review --format json`)'): string {
  return options.fullReviewUrl === undefined ? otherwise : `in the full review: ${cell(options.fullReviewUrl, MARKDOWN_ID_MAX)}`;
}

/** What the comment left out and where to read it. */
function cutNote(cut: readonly string[], options: MarkdownOptions): string[] {
  if (cut.length === 0) return [];
  return [`_Not shown here (comment size limit): ${cut.join('; ')}. Everything is ${fullReportAt(options)}._`, ''];
}

/**
 * A table's rows by level: every BLOCK and WARN row always; SAFE rows up to MARKDOWN_SAFE_ROWS and MOVE rows until
 * level 2, then counted; from level 3 on, BLOCK and WARN rows in their compact form.
 */
function table(lines: readonly Line[], what: string, columns: number, level: Level, cut: string[]): string[] {
  const needed = lines.filter((l) => l.verdict === 'BLOCK' || l.verdict === 'WARN');
  const moves = lines.filter((l) => l.verdict === 'MOVE');
  const safe = lines.filter((l) => l.verdict === 'SAFE');
  const out = needed.map((l) => (level >= 3 ? l.compact : l.full));
  const filler = ' |'.repeat(columns - 2);
  if (level < 2) {
    out.push(...moves.map((l) => l.full), ...safe.slice(0, MARKDOWN_SAFE_ROWS).map((l) => l.full));
    if (safe.length > MARKDOWN_SAFE_ROWS) out.push(`| ✅ SAFE | … and ${safe.length - MARKDOWN_SAFE_ROWS} more safe ${what} (see the JSON report) |${filler}`);
  } else if (moves.length + safe.length > 0) {
    out.push(`| 🚚 MOVE, ✅ SAFE | ${moves.length + safe.length} ${what} not shown (size limit) |${filler}`);
    cut.push(`${moves.length + safe.length} MOVE and SAFE ${what}`);
  }
  if (level >= 3 && needed.length > 0) cut.push(`the full text of ${needed.length} BLOCK and WARN ${what} (shortened)`);
  return out;
}

/** The verdict on one line whatever the column width: a no-break space between the mark and the word. */
function verdictCell(item: { readonly verdict: Verdict; readonly acknowledgement?: unknown }): string {
  return `${item.acknowledgement === undefined ? MARK[item.verdict] : '☑️'}&nbsp;${item.verdict}`;
}

/** ` (acknowledged)` after a finding's text, when it is. */
const acknowledged = (item: { readonly acknowledgement?: unknown }): string => (item.acknowledgement === undefined ? '' : ' (acknowledged)');

/** `: 693000000 (8d 30m) → 692100000 (8d 15m)` after a topic attribute's title that does not already say it. */
function transition(f: Finding): string {
  const [row] = f.rows;
  if (f.subject.kind !== 'topic' || f.rows.length !== 1 || row === undefined) return '';
  if (f.title.includes(String(row.new)) && f.title.includes(String(row.current))) return '';
  return `: ${cell(row.current)} → ${cell(row.new)}`;
}

/** Cells of a compact row: the title cut short, the id whole. */
const SHORT = 80;

/** A finding's row: verdict, what changed (before → after inside it, and why a derived value changed), stack. */
function summaryRow(f: Finding): Line {
  const because = f.cause === undefined ? '' : `<br>${cell(f.cause)}`;
  return {
    verdict: f.verdict,
    full: `| ${verdictCell(f)} | ${cell(f.title)}${transition(f)}${acknowledged(f)}${because} | ${cell(f.stack)} |`,
    compact: `| ${verdictCell(f)} | ${cell(f.title, SHORT)}${acknowledged(f)} | ${cell(f.stack)} |`,
  };
}

function contractIntro(): string[] {
  return [
    '### Contract changes',
    '',
    "Each event schema compared with the base under the topic's compatibility mode (BACKWARD: new readers read old events; FORWARD: old readers read new events; FULL: both).",
    '',
    '| Verdict | Change | Stack |',
    '| --- | --- | --- |',
  ];
}

function contractRow(c: ContractChange): Line {
  const where = `<br>${cell(c.topic)} · ${cell(c.schema)} · ${cell(c.path)} · ${cell(c.mode)}, ${cell(contractBreaks(c))}`;
  return {
    verdict: c.verdict,
    full: `| ${verdictCell(c)} | ${cell(c.title)}${acknowledged(c)}${where} | ${cell(c.stack)} |`,
    compact: `| ${verdictCell(c)} | ${cell(c.title, SHORT)}${acknowledged(c)}${where} | ${cell(c.stack)} |`,
  };
}

function accessIntro(requiredReviewers: readonly string[]): string[] {
  return [
    '### Access changes',
    '',
    'Who can read or write what, after this change; the team that owns each resource approves it.',
    '',
    `**Required reviewers:** ${requiredReviewers.map((r) => cell(r)).join(', ') || 'none (no owner declared)'}`,
    '',
    '| Verdict | Change | Stack |',
    '| --- | --- | --- |',
  ];
}

/** An access change: what changes, the team that approves it (once), the cross-domain grant, why. */
function accessRow(c: ReviewAccessChange): Line {
  const { change, cross } = accessParts(c);
  const why = c.why.length === 0 ? '' : `<br>why: ${cell(c.why.join('; '))}`;
  const approves = `<br>approves: ${cell(approver(c))}`;
  const crossText = cross === '' ? '' : `; ${cell(cross)}`;
  return {
    verdict: c.verdict,
    full: `| ${verdictCell(c)} | ${cell(change)}${crossText}${approves}${why} | ${cell(c.stack)} |`,
    compact: `| ${verdictCell(c)} | ${cell(change, SHORT)}${approves} | ${cell(c.stack)} |`,
  };
}

function driftSection(result: ReviewResult): string[] {
  if (result.drift.length === 0) return [];
  const out = [
    "### Drift: the cluster differs from Terraform's state",
    '',
    'Found by `terraform plan` (refresh), independent of this change.',
    '',
    '| Stack | Resource | Key | State | Cluster |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const d of result.drift) {
    const rows = d.rows.length > 0 ? d.rows : [{ key: d.actions.join(', '), current: '', new: '' }];
    for (const r of rows) out.push(`| ${cell(d.stack)} | ${code(d.address)} | ${cell(r.key)} | ${cell(r.current)} | ${cell(r.new)} |`);
  }
  return [...out, ''];
}

function unmatchedSection(result: ReviewResult): string[] {
  if (result.unmatchedAcknowledgements.length === 0) return [];
  const out = [`### Acknowledgements that match no finding`, '', `Stale or misspelt entries in ${code(ACKNOWLEDGEMENTS_FILE)}; remove or fix them:`, ''];
  for (const a of result.unmatchedAcknowledgements) out.push(`- ${code(a.finding)}: ${cell(a.reason)}`);
  return [...out, ''];
}

function detail(f: Finding): string {
  return detailsBlock(f, [...rowsTable(f.rows), ...f.plan.flatMap((p) => [`**terraform plan** ${code(p.address)}: ${cell(describePlan(p))}`, ''])]);
}

/** A collapsed block for one finding or contract change: its title and reason, `body`, and its acknowledgement. */
function detailsBlock(item: Pick<Finding, 'verdict' | 'id' | 'stack' | 'title' | 'reason' | 'acknowledgement'>, body: readonly string[]): string {
  const mark = item.acknowledgement === undefined ? MARK[item.verdict] : '☑️';
  // The summary in plain words (where and what); the id, which an acknowledgement names, inside.
  const lines = [
    `<details><summary>${mark} ${item.verdict} in ${cell(item.stack)}: ${cell(item.title, SHORT)}</summary>`,
    '',
    `**${cell(item.title)}**: ${cell(item.reason, MARKDOWN_CELL_MAX * 3)}`,
    '',
    `id: ${code(item.id)}`,
    '',
    ...body,
  ];
  const ack = item.acknowledgement;
  if (ack !== undefined) lines.push(`**Acknowledged**${ack.by === undefined ? '' : ` by ${cell(ack.by)}`}: ${cell(ack.reason)}`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}

/** The longest run of a value that cannot wrap (spaces, and the commas `breakable` marks, are where it can). */
const longestRun = (text: string): number => Math.max(0, ...text.split(/[ ,]+/).map((run) => run.length));

/** Whether a Key | Current | New row fits the comment column (MARKDOWN_COLUMN_CHARS). */
const fitsColumn = (r: Row): boolean =>
  [r.key, r.current, r.new].reduce((sum, v) => sum + longestRun(v) + MARKDOWN_CELL_PADDING_CHARS, 0) <= MARKDOWN_COLUMN_CHARS;

/**
 * A zero-width space after every comma of an escaped value: a declared list or object shown as JSON has no space to
 * wrap at, and would push the table past the comment column.
 */
const breakable = (escaped: string): string => escaped.replace(/,/g, ',&#8203;');

function rowsTable(rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  // A row whose unbreakable runs would push the table past the comment column is written below it instead.
  const fits = rows.filter(fitsColumn);
  const wide = rows.filter((r) => !fitsColumn(r));
  const rowsOfTable =
    fits.length === 0
      ? []
      : [
          '| Key | Current | New |',
          '| --- | --- | --- |',
          ...fits.map((r) => `| ${cell(r.key)} | ${breakable(cell(r.current))} | ${breakable(cell(r.new))} |`),
          '',
        ];
  const list = wide.map((r) => `- **${cell(r.key)}**: ${breakable(cell(r.current))} → ${breakable(cell(r.new))}`);
  return [...rowsOfTable, ...list, ...(list.length > 0 ? [''] : [])];
}

/**
 * Thousands of BLOCK and WARN lines do not fit in one comment even when short: the summary stays, as many of them as
 * fit are listed, and the comment says how many are not and where they are.
 */
function lastResort(result: ReviewResult, md: string, options: MarkdownOptions, budget: number): string {
  const lines = md.split('\n');
  const note = (n: number): string =>
    `_Not shown here (comment size limit): ${n} more BLOCK and WARN lines, and every MOVE and SAFE line and detail. Everything is ${fullReportAt(options)}._`;
  const kept: string[] = [];
  let size = note(result.findings.length + result.contracts.length + result.access.changes.length).length + 2;
  let dropped = 0;
  for (const line of lines) {
    if (line.startsWith('_Not shown here')) continue;
    const isRow = /^(\| |- )(⛔|⚠️|☑️)/.test(line);
    if (isRow && size + line.length + 1 > budget) {
      dropped++;
      continue;
    }
    if (!isRow && size + line.length + 1 > budget) continue;
    kept.push(line);
    size += line.length + 1;
  }
  return [...kept, note(dropped), ''].join('\n');
}
