/** Markdown building blocks for the generated documents: escaped cells, tables, code spans. */
import { oneLine } from './format';
import { GENERATED_NOTICE } from './marker';

/** The first line of every generated Markdown document. */
export const GENERATED_MARKDOWN = `<!-- ${GENERATED_NOTICE} -->`;

/** The characters `cell` rewrites. */
const CELL_SPECIAL = /[\\|<>]/;

/**
 * Text that is safe inside a table cell: one line, pipes escaped, HTML-ish brackets neutralized. Most cells hold none
 * of those characters: one scan for them, not four replacements of every cell of every table (issue 26).
 */
export function cell(text: string): string {
  const line = oneLine(text);
  if (!CELL_SPECIAL.test(line)) return line;
  return line.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code, with a fence long enough for backticks inside the text. */
export function code(text: string): string {
  const value = oneLine(text);
  // Without a backtick the fence is one backtick and no padding: skips collecting the runs of backticks.
  if (!value.includes('`')) return `\`${value}\``;
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Inline code that may sit inside a table cell. */
export function codeCell(text: string): string {
  const span = code(text);
  return span.includes('|') ? span.replace(/\|/g, '\\|') : span;
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
 * without three newlines in a row (most) skips the regular expression's scan of the whole page, and one that already
 * ends with a single newline after a non-blank character (most: the last line is an empty one) is returned as joined,
 * not trimmed and appended to: that made a second copy of the page when it was written (issue 26).
 */
export function document(lines: readonly string[]): string {
  const joined = lines.join('\n');
  const text = joined.includes('\n\n\n') ? joined.replace(/\n{3,}/g, '\n\n') : joined;
  if (text.endsWith('\n') && text.length >= 2 && !/\s/.test(text.charAt(text.length - 2))) return text;
  return `${text.trimEnd()}\n`;
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
