/**
 * The README is the first page: its one declaration is real code that lints as the README says, it names every
 * command of the CLI (its command table), and every page of docs/ is reachable from its "Where to go next" list.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { runTopicform } from '../helpers/cli';
import { readMarkdown } from './markdown';

const ROOT = resolve(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'topicform-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `topicform [command] --help`, as the CLI prints it. */
async function help(...command: string[]): Promise<string> {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => ((out += String(chunk)), true);
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

  it('shows a declaration that resolves and lints with exactly the warnings it names', () => {
    const declaration = /```ts\n(export function orders\([\s\S]*?)```/.exec(README)?.[1];
    expect(declaration, 'the README has no `export function orders(` block').toBeDefined();
    expect(README).toContain('(TF-CONTRACT-002 and 004, warnings;');
    const from = (path: string): string => JSON.stringify(join(ROOT, path));
    writeFileSync(
      join(work, 'app.ts'),
      [
        `import type { Construct } from ${JSON.stringify(require.resolve('constructs'))};`,
        `import { App } from ${from('constructs/cdktf')};`,
        `import { Domain, Duration, KafkaEnvironment, KafkaPrincipal, Replay, Retries, SideEffects } from ${from('constructs')};`,
        `import { environments } from ${from('environments')};`,
        declaration ?? '',
        'export function buildApp(outdir: string): App {',
        '  const app = new App({ outdir, stackTraces: false });',
        '  for (const environment of environments) orders(new KafkaEnvironment(app, environment.name, { environment }));',
        '  return app;',
        '}',
        '',
      ].join('\n'),
    );
    // The repository the declaration lives in has the runbook its recoveryProcedure names (TF-DOMAIN-004 checks it).
    mkdirSync(join(work, 'docs', 'runbooks'), { recursive: true });
    writeFileSync(join(work, 'docs', 'runbooks', 'orders.md'), '# Orders: recovery\n');
    const run = runTopicform(['lint', '--app', join(work, 'app.ts'), '--format', 'json'], { cwd: work });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: ReadonlyArray<{ ruleId: string; level: string }> };
    expect([...new Set(report.findings.map((f) => `${f.ruleId} ${f.level}`))].sort()).toEqual(['TF-CONTRACT-002 warning', 'TF-CONTRACT-004 warning']);
  }, 120_000);
});
