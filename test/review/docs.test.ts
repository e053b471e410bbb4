// The README's review section cannot drift from the code: it lists every rule, and its
// acknowledgement example is a valid file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAcknowledgements } from '../../review/acknowledge';
import { REVIEW_RULES } from '../../review/rules';

/** The README section on review, from its heading to the next one. */
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const DOC = README.slice(README.indexOf('## Review:'), README.indexOf('\n## ', README.indexOf('## Review:') + 1));

describe('the README section on review', () => {
  it('exists', () => {
    expect(DOC.startsWith('## Review:')).toBe(true);
  });

  it.each(Object.keys(REVIEW_RULES))('lists the rule %s', (rule) => {
    expect(DOC).toContain(`\`${rule}\``);
  });

  it('shows an acknowledgement file that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    expect(parseAcknowledgements({ file: 'docs example', text: example ?? '' })).toHaveLength(1);
  });

  it('names every workflow that exists', () => {
    for (const file of fs.readdirSync(path.resolve(__dirname, '../../.github/workflows'))) expect(DOC).toContain(`\`${file}\``);
  });
});
