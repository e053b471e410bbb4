// The README cannot drift from the code: its review section lists every review rule, every workflow and every reason
// code of topicform guard, its acknowledgement example is a valid file, and it names every command of the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { GUARD_CODES } from '../../guard/codes';
import { parseAcknowledgements } from '../../review/acknowledge';
import { renderMarkdown } from '../../review/render/markdown';
import { renderText } from '../../review/render/text';
import { REVIEW_RULES } from '../../review/rules';
import { corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

/** The README section on review, from its heading to the next one. */
const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const DOC = README.slice(README.indexOf('## Review:'), README.indexOf('\n## ', README.indexOf('## Review:') + 1));
/** docs/review-comment.md: the comment's sections and the rules it added (the README links it). */
const COMMENT_DOC = fs.readFileSync(path.resolve(__dirname, '../../docs/review-comment.md'), 'utf8');

describe('the README section on review', () => {
  it('exists', () => {
    expect(DOC.startsWith('## Review:')).toBe(true);
  });

  it.each(Object.keys(REVIEW_RULES))('lists the rule %s (here or in docs/review-comment.md)', (rule) => {
    expect(`${DOC}\n${COMMENT_DOC}`).toContain(`\`${rule}\``);
  });

  it('shows an acknowledgement file that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    expect(parseAcknowledgements({ file: 'docs example', text: example ?? '' })).toHaveLength(1);
  });

  /** The output block of a `$ topicform review` example in a subsection, without the command line. */
  const example = (heading: string): string[] => {
    const section = DOC.slice(DOC.indexOf(`### ${heading}\n`), DOC.indexOf('\n### ', DOC.indexOf(`### ${heading}\n`) + 1));
    const block = /```\n\$ topicform review[^\n]*\n([\s\S]*?)```/.exec(section)?.[1];
    if (block === undefined) throw new Error(`no example output under ### ${heading}`);
    return block.trimEnd().split('\n');
  };

  it('shows the real output of the contract-field-removed case under Contract changes', () => {
    expect(example('Contract changes').join('\n')).toBe(renderText(runCase(corpusCase('contract-field-removed'))).trimEnd());
  });

  it('shows the real output of the cross-domain-grant case under Access changes, abridged only where marked', () => {
    const real = renderText(runCase(corpusCase('cross-domain-grant'))).trimEnd().split('\n');
    const shown = example('Access changes');
    let at = 0;
    for (const line of shown) {
      if (line.startsWith('…')) continue;
      const found = real.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(shown.filter((l) => !l.startsWith('…')).length).toBeGreaterThan(10);
    // The comment's row is shown in docs/review-comment.md, which the README links.
    const row = /```markdown\n(\| ⚠️&nbsp;WARN [^\n]*)\n```/.exec(COMMENT_DOC)?.[1];
    expect(row).toBeDefined();
    expect(renderMarkdown(runCase(corpusCase('cross-domain-without-reason')))).toContain(row ?? 'missing');
  });

  it('names every workflow that exists', () => {
    for (const file of fs.readdirSync(path.resolve(__dirname, '../../.github/workflows'))) expect(DOC).toContain(`\`${file}\``);
  });

  it('lists every reason code of topicform guard', () => {
    const guard = DOC.slice(DOC.indexOf('### `topicform guard`'), DOC.indexOf('\n### ', DOC.indexOf('### `topicform guard`') + 1));
    for (const code of Object.keys(GUARD_CODES)) expect(guard, code).toContain(`| \`${code}\` |`);
  });
});

/** `topicform [command] --help`, as the CLI prints it. */
async function help(...command: string[]): Promise<string> {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await main(['node', 'topicform', ...command, '--help']);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

/** The names under "Commands:" in a help text (without commander's own `help`). */
const commandsIn = (text: string): string[] =>
  text.includes('Commands:')
    ? text
        .slice(text.indexOf('Commands:'))
        .split('\n')
        .slice(1)
        .map((line) => /^ {2}([a-z][\w-]*)/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined && name !== 'help')
    : [];

describe('the README', () => {
  it('documents every command and subcommand of the CLI as `topicform <command>`', async () => {
    const commands = commandsIn(await help());
    expect(commands).toEqual(expect.arrayContaining(['synth', 'review', 'guard', 'plan', 'ci', 'codeowners', 'init']));
    for (const command of commands) {
      const subcommands = commandsIn(await help(command));
      if (subcommands.length === 0) expect(README, command).toContain(`topicform ${command}`);
      for (const sub of subcommands) expect(README, `${command} ${sub}`).toContain(`topicform ${command} ${sub}`);
    }
  });
});
