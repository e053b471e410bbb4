// tsx's require hook is registered when the first user module is loaded (cli/typescript-loader.ts), not when the CLI
// starts: everything loaded before it skips tsx and Node's source-map parsing. Checked in a plain node process, where
// nothing handles .ts until registerTypeScript() runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'topicform-ts-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module compiled to CommonJS, as the package ships it (no loader needed to require it). */
const loader = join(dir, 'typescript-loader.js');
writeFileSync(
  loader,
  ts.transpileModule(readFileSync(join(ROOT, 'cli', 'typescript-loader.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText,
);

/** Runs `script` in a node process without any loader (tsx resolved from the repository); it prints one JSON line. */
function plainNode(script: string): Record<string, unknown> {
  const env = { ...process.env, NODE_OPTIONS: '', NODE_PATH: join(ROOT, 'node_modules') };
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('registerTypeScript', () => {
  it('makes a TypeScript module loadable, turning tsx and source maps on only then, once', () => {
    const app = join(dir, 'app.ts');
    writeFileSync(app, 'const kind: string = "typed";\nexport const answer = `${kind} ${6 * 7}`;\n');
    const out = plainNode(`
      const Module = require('node:module');
      const { registerTypeScript } = require(${JSON.stringify(loader)});
      const before = { ts: Module._extensions['.ts'] !== undefined, maps: process.sourceMapsEnabled };
      registerTypeScript();
      const hook = Module._extensions['.ts'];
      const answer = require(${JSON.stringify(app)}).answer;
      registerTypeScript();
      process.stdout.write(JSON.stringify({ before, answer, maps: process.sourceMapsEnabled, sameHook: Module._extensions['.ts'] === hook }));
    `);
    expect(out.before).toEqual({ ts: false, maps: false });
    expect(out.answer).toBe('typed 42');
    expect(out.maps).toBe(true);
    expect(out.sameHook).toBe(true);
  });

  it('adds no second hook where .ts already loads (the repository bin registers tsx itself)', () => {
    const out = plainNode(`
      require('tsx/cjs');
      const Module = require('node:module');
      const hook = Module._extensions['.ts'];
      const { registerTypeScript } = require(${JSON.stringify(loader)});
      registerTypeScript();
      process.stdout.write(JSON.stringify({ sameHook: Module._extensions['.ts'] === hook }));
    `);
    expect(out.sameHook).toBe(true);
  });
});
