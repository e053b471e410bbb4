/**
 * The README is the first page: it names every command of the CLI (its command table), and every page of docs/ is
 * reachable from its "Where to go next" list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readMarkdown } from './markdown';

const ROOT = resolve(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

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
      if (subcommands.length === 0) expect(README, command).toContain(`\`topicform ${command}\``);
      for (const sub of subcommands) expect(README, `${command} ${sub}`).toContain(`\`topicform ${command} ${sub}\``);
    }
  });

  it('links every page of docs/ and ARCHITECTURE.md', () => {
    const links = new Set(readMarkdown(join(ROOT, 'README.md')).links.map((href) => href.split('#')[0]));
    const pages = readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`);
    for (const page of [...pages, 'ARCHITECTURE.md', 'bench/RESULTS.md', 'RULES.md']) expect(links.has(page), page).toBe(true);
  });
});
