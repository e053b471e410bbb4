/**
 * The pull-request comment when `topicform guard` refused the pull request's output: which stack, file and JSON path
 * hold what, and why (the reason code). Nothing was planned or reviewed, so this is all the comment can say; it says
 * it as carefully as the review does (review/render/markdown.ts): every value that comes from the output (stack and
 * file names, JSON paths, and the guard's messages, which quote the output) is escaped and cut at MARKDOWN_CELL_MAX,
 * and the comment stays under MARKDOWN_COMMENT_BUDGET, listing as many violations as fit and saying how many it left
 * out and where the full report is.
 */
import type { GuardResult, GuardViolation } from '../../guard/types';
import { MARKDOWN_COMMENT_BUDGET, MARKDOWN_ID_MAX, MARKDOWN_NAMED_STACKS } from '../limits';
import { cell, COMMENT_MARKER, fullReportAt } from './markdown';
import type { MarkdownOptions } from './markdown';

export function renderGuardComment(result: GuardResult, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? MARKDOWN_COMMENT_BUDGET;
  const stacks = [...new Set(result.violations.map((v) => v.stack).filter((s) => s !== ''))].sort();
  const n = result.stacks.length;
  const counted = `${result.violations.length} violation${result.violations.length === 1 ? '' : 's'} in ${stacks.length} of ${n} stack${n === 1 ? '' : 's'}`;
  const base = result.base === null ? 'no base' : `base <code>${cell(result.base, MARKDOWN_ID_MAX)}</code>`;
  const head = [COMMENT_MARKER];
  if (result.ok) {
    head.push('## topicform guard: ✅ the output holds only what topicform writes', '', `${n} stack${n === 1 ? '' : 's'} (${base}).`, '');
  } else if (result.reviewable) {
    head.push(
      '## topicform guard: ⚠️ settings differ from the base',
      '',
      `**${counted}** (${base}). The output holds only what topicform writes, but the backend, provider settings, variables or required providers of ` +
        `${named(stacks)} differ from the base: terraform does not run on ${stacks.length === 1 ? 'it' : 'them'} before the change is merged, and the review blocks each difference until it is acknowledged.`,
      '',
    );
  } else {
    head.push(
      "## topicform review: ⛔ topicform guard refused the pull request's output",
      '',
      `**${counted}** (${base}). Terraform did not run on this output and nothing was reviewed: it holds something topicform does not write. ` +
        'Synthesize with topicform and push again; a file or block added by hand, or by a changed build, is refused whatever it holds.',
      '',
    );
  }
  const table = result.violations.length === 0 ? [] : ['| Stack | File · JSON path | Reason | What |', '| --- | --- | --- | --- |'];
  const tail = ['', '<sub>Each reason code is explained by `topicform guard --help`.</sub>', ''];
  const rows = result.violations.map(row);
  const note = (left: number): string[] =>
    left === 0
      ? []
      : [
          '',
          `_Not shown here (comment size limit): ${left} more violation${left === 1 ? '' : 's'}. Every one is ${fullReportAt(options, 'in the JSON and text reports of topicform guard (`topicform guard --format json`)')}._`,
        ];
  // Room for the note with the largest count it could show, so adding it never breaks the budget.
  let size = [...head, ...table, ...tail].join('\n').length + note(rows.length).join('\n').length + 1;
  const shown: string[] = [];
  for (const r of rows) {
    if (size + r.length + 1 > budget) break;
    shown.push(r);
    size += r.length + 1;
  }
  return [...head, ...table, ...shown, ...note(rows.length - shown.length), ...tail].join('\n');
}

function row(v: GuardViolation): string {
  const file = v.file.slice(v.file.lastIndexOf('/') + 1);
  const where = v.path === '' ? `<code>${cell(file)}</code>` : `<code>${cell(file)}</code> · <code>${cell(v.path)}</code>`;
  return `| ${v.stack === '' ? '—' : `<code>${cell(v.stack)}</code>`} | ${where} | \`${v.code}\` | ${cell(v.message)} |`;
}

/** The first MARKDOWN_NAMED_STACKS stacks by name, and how many more. */
function named(stacks: readonly string[]): string {
  const shown = stacks.slice(0, MARKDOWN_NAMED_STACKS).map((s) => `<code>${cell(s)}</code>`);
  return stacks.length > shown.length ? `${shown.join(', ')} and ${stacks.length - shown.length} more` : shown.join(', ');
}
