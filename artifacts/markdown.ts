/** Markdown building blocks for the generated documents: escaped cells, tables, code spans. */
import { oneLine } from './format';
import { GENERATED_NOTICE } from './marker';

/** The first line of every generated Markdown document. */
export const GENERATED_MARKDOWN = `<!-- ${GENERATED_NOTICE} -->`;

/** Text that is safe inside a table cell: one line, pipes escaped, HTML-ish brackets neutralized. */
export function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code, with a fence long enough for backticks inside the text. */
export function code(text: string): string {
  const value = oneLine(text);
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Inline code that may sit inside a table cell. */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A link; the target is a relative path without spaces. */
export function link(text: string, target: string): string {
  return `[${text.replace(/[[\]]/g, '\\$&')}](${target})`;
}

/** A GitHub-flavoured table; cells must already be escaped (use `cell` / `codeCell`). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: ReadonlyArray<'left' | 'right'>): string[] {
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/**
 * Joins lines into a document ending with exactly one newline, with at most one blank line in a row. A document
 * without three newlines in a row (most) skips the regular expression's scan of the whole page.
 */
export function document(lines: readonly string[]): string {
  const text = lines.join('\n');
  return `${(text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text).trimEnd()}\n`;
}

/**
 * The anchor GitHub gives a heading: its text lowercased, every character but letters, digits, spaces, `-` and `_`
 * dropped, spaces turned into `-` (a code span's backticks are not part of the text). Links into a page
 * (`runbooks/orders.md#orderspayment`) use it; the output's link test checks each one against the page's headings.
 */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
