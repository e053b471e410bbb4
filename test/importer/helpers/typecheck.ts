/** Type-checks generated files with the project's strict tsc settings against the real constructs; returns tsc's output. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { GeneratedFile } from '../../../importer';

const ROOT = resolve(__dirname, '../../..');

export function typecheckGenerated(files: readonly GeneratedFile[], folders: readonly string[]): { readonly status: number | null; readonly output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-import-tsc-'));
  try {
    for (const f of files.filter((x) => x.path.endsWith('.ts'))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')], paths: { constructs: [join(ROOT, 'node_modules/constructs')] } },
        include: folders,
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    return { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
