// oneLine, document, cell, code and codeCell skip their regular expressions where they could not match
// (artifacts/format.ts, artifacts/markdown.ts): the result must be what the expressions alone give, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../artifacts/format';
import { cell, code, codeCell, document } from '../../artifacts/markdown';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '|'), maxLength: 40 });
/** Text with the characters table cells and code spans escape or fence. */
const markdownText = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '|', '\\', '<', '>', '`', '&'), maxLength: 20 });

/** The general forms, written out from their definitions: a cell escapes `\`, `|`, `<` and `>`, in that order. */
const cellByExpressions = (value: string): string => oneLine(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A code span's fence is one backtick longer than the longest run inside, padded with a space next to a backtick. */
function codeByExpressions(value: string): string {
  const line = oneLine(value);
  const fence = '`'.repeat(Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

describe('regular-expression shortcuts', () => {
  it('oneLine equals the line-break expression and trim', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(oneLine(value)).toBe(value.replace(/\s*[\r\n]+\s*/g, ' ').trim());
      }),
      { numRuns: 3_000 },
    );
    expect(oneLine('  a \r\n  b ')).toBe('a b');
    expect(oneLine(' a\tb ')).toBe('a\tb');
  });

  it('document equals joining, collapsing blank lines and one final newline', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (lines) => {
        expect(document(lines)).toBe(
          `${lines
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trimEnd()}\n`,
        );
      }),
      { numRuns: 3_000 },
    );
    expect(document(['# a', '', '', '', 'b', ''])).toBe('# a\n\nb\n');
  });

  it('cell, code and codeCell equal their escaping expressions', () => {
    fc.assert(
      fc.property(markdownText, (value) => {
        expect(cell(value)).toBe(cellByExpressions(value));
        expect(code(value)).toBe(codeByExpressions(value));
        expect(codeCell(value)).toBe(codeByExpressions(value).replace(/\|/g, '\\|'));
      }),
      { numRuns: 3_000 },
    );
    expect(cell('a|b <c> \\')).toBe('a\\|b &lt;c&gt; \\\\');
    expect(code('a')).toBe('`a`');
    expect(code('a`b')).toBe('``a`b``');
    expect(codeCell('a|b')).toBe('`a\\|b`');
  });
});
