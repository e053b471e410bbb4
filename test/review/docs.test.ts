// The review and CI docs cannot drift from the code: docs/review.md lists every review rule, shows real review output
// and an acknowledgement file that validates; docs/ci.md names every workflow and lists every reason code of
// topicform guard. (That the README names every command: test/docs/readme.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUARD_CODES } from '../../guard/codes';
import { parseAcknowledgements } from '../../review/acknowledge';
import { renderMarkdown } from '../../review/render/markdown';
import { renderText } from '../../review/render/text';
import { REVIEW_RULES } from '../../review/rules';
import { corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

const read = (page: string): string => fs.readFileSync(path.resolve(__dirname, '../../docs', page), 'utf8');
const DOC = read('review.md');
const CI = read('ci.md');
/** docs/review-comment.md: the comment's sections and the rules it added (docs/review.md links it). */
const COMMENT_DOC = read('review-comment.md');

/** A `## heading` section of a page, up to the next `## ` heading. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "## ${heading}"`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

describe('docs/review.md', () => {
  it('is the review page', () => {
    expect(DOC.startsWith('# Review:')).toBe(true);
  });

  it.each(Object.keys(REVIEW_RULES))('lists the rule %s (here or in docs/review-comment.md)', (rule) => {
    expect(`${DOC}\n${COMMENT_DOC}`).toContain(`\`${rule}\``);
  });

  it('shows an acknowledgement file that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    expect(parseAcknowledgements({ file: 'docs example', text: example ?? '' })).toHaveLength(1);
  });

  /** The output block of a `$ topicform review` example in a section, without the command line. */
  const example = (heading: string): string[] => {
    const block = /```\n\$ topicform review[^\n]*\n([\s\S]*?)```/.exec(section(DOC, heading))?.[1];
    if (block === undefined) throw new Error(`no example output under ### ${heading}`);
    return block.trimEnd().split('\n');
  };

  it('shows the real output of the contract-field-removed case under Contract changes', () => {
    expect(example('Contract changes').join('\n')).toBe(renderText(runCase(corpusCase('contract-field-removed'))).trimEnd());
  });

  it('shows the real output of the cross-domain-grant case under Access changes, abridged only where marked', () => {
    const real = renderText(runCase(corpusCase('cross-domain-grant')))
      .trimEnd()
      .split('\n');
    const shown = example('Access changes');
    let at = 0;
    for (const line of shown) {
      if (line.startsWith('…')) continue;
      const found = real.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(shown.filter((l) => !l.startsWith('…')).length).toBeGreaterThan(10);
    // The comment's row is shown in docs/review-comment.md, which docs/review.md links.
    const row = /```markdown\n(\| ⚠️&nbsp;WARN [^\n]*)\n```/.exec(COMMENT_DOC)?.[1];
    expect(row).toBeDefined();
    expect(renderMarkdown(runCase(corpusCase('cross-domain-without-reason')))).toContain(row ?? 'missing');
  });
});

describe('docs/ci.md', () => {
  it('names every workflow that exists', () => {
    const workflows = section(CI, 'The workflows');
    for (const file of fs.readdirSync(path.resolve(__dirname, '../../.github/workflows'))) expect(workflows).toContain(`\`${file}\``);
  });

  it('lists every reason code of topicform guard', () => {
    const guard = section(CI, '`topicform guard`');
    for (const code of Object.keys(GUARD_CODES)) expect(guard, code).toContain(`| \`${code}\` |`);
  });
});
