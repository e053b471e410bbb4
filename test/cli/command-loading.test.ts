// The CLI loads only the command a run names (cli/main.ts): `topicform synth` must not pay for loading review, the
// importer or the CI generators. Help, an unknown command or none still sees every command.
import { describe, expect, it } from 'vitest';
import { commandsFor, main } from '../../cli/main';

const ALL = ['synth', 'lint', 'check', 'stacks', 'graph', 'import', 'access', 'codeowners', 'review', 'guard', 'changed', 'plan', 'ci', 'atlantis', 'init'];
const names = (argv: string[]): string[] => commandsFor(['node', 'topicform', ...argv]).map(([name]) => name);

async function output(argv: string[]): Promise<string> {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => ((out += String(chunk)), true);
  try {
    await main(['node', 'topicform', ...argv]);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('which commands a run loads', () => {
  it('only the one it names, after the program option --verbose too', () => {
    expect(names(['synth', '--out', 'cdktf.out'])).toEqual(['synth']);
    expect(names(['--verbose', 'review', '--base', 'a'])).toEqual(['review']);
    expect(names(['ci', 'environments'])).toEqual(['ci']);
  });

  it('every command, in help order, for help, an unknown command or none', () => {
    for (const argv of [[], ['--help'], ['help', 'synth'], ['sytnh']]) expect(names(argv)).toEqual(ALL);
  });

  it("a named command's help is its own, and the program's help lists every command", async () => {
    const synth = await output(['synth', '--help']);
    expect(synth).toContain('Usage: topicform synth');
    const program = await output(['--help']);
    for (const name of ALL) expect(program).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'));
  });
});
