// The README's review section (docs/review-section.md) cannot drift from the code: it lists every rule, and its
// acknowledgement example is a valid file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAcknowledgements } from '../../review/acknowledge';
import { REVIEW_RULES } from '../../review/rules';

const DOC = fs.readFileSync(path.resolve(__dirname, '../../docs/review-section.md'), 'utf8');

describe('docs/review-section.md', () => {
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
