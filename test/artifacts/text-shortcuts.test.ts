// oneLine and document skip their regular expressions where they could not match (artifacts/format.ts,
// artifacts/markdown.ts): the result must be what the expressions alone give, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../artifacts/format';
import { document } from '../../artifacts/markdown';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '|'), maxLength: 40 });

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
});
