import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_RULES } from '../../contracts/review';
import { CHANGE_RULES, RULE_DOCS } from '../../contracts/rules';

/** The page on event contracts. */
const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'contracts.md'), 'utf8');

describe('docs/contracts.md', () => {
  it('is the event contracts page', () => {
    expect(DOC.startsWith('# Event contracts:')).toBe(true);
  });

  it('documents every compatibility rule and every contract review rule', () => {
    for (const rule of [...CHANGE_RULES, ...CONTRACT_RULES]) expect(DOC, rule).toContain(`\`${rule}\``);
    for (const bound of ['minimum', 'maximum', 'min-length', 'max-length', 'min-items', 'max-items', 'min-properties', 'max-properties']) {
      expect(DOC, bound).toContain(`\`${bound}\``);
    }
  });

  it('states the same verdicts as the rule table of the checker', () => {
    const symbol = { compatible: '✓', breaking: '✗', checked: 'depends', undecided: 'undecided' } as const;
    for (const rule of CHANGE_RULES) {
      const row = DOC.split('\n').find((line) => line.startsWith(`| \`${rule}\` |`));
      if (row === undefined) continue; // documented in a grouped row (bounds, multipleOf, pattern, format, uniqueItems)
      const [, , backward, forward] = row.split('|').map((c) => c.trim());
      expect([rule, backward, forward]).toEqual([rule, symbol[RULE_DOCS[rule].backward], symbol[RULE_DOCS[rule].forward]]);
    }
  });

  it('shows the schema file, the subject mapping and the registry calls', () => {
    expect(DOC).toContain('cdktf.out/schemas/<environment>/<topic>.json');
    expect(DOC).toContain('`<topic>-value`');
    expect(DOC).toContain('/config/$subject');
    expect(DOC).toContain('/subjects/$subject/versions');
  });
});
