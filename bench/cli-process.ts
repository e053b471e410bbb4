/**
 * The synth comparison as a user runs it (issue 26: "process start included"): `topicform synth` as a whole process,
 * the way `npx topicform synth` starts it (node running the package's bin, which registers tsx and loads the user's
 * TypeScript app), beside plain cdktf's whole process (`node --import tsx` on an app that builds the same resources and
 * calls `app.synth()`). Both are measured from the outside by `measureCommand`: wall time from spawn to exit, CPU time
 * of the process (user + system, as the kernel charges it to its parent on exit), and peak RSS of its tree.
 *
 * `npx` itself is left out on purpose: it is npm's start-up (~0.3 s), the same for any command a user runs through it,
 * and plain cdktf's `cdktf synth` would add a CLI of its own in front of the app too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureCommand, NODE_FLAGS, REPO_ROOT, type CommandMeasurement, type RunOptions } from './measure';

/** The app module a benchmark user's repository holds: `buildApp(outdir)` over the spec, as `topicform synth --app` loads it. */
export const CLI_APP_FILE = 'bench-app.ts';

/**
 * Writes `dir/bench-app.ts`: the spec's declarations (bench/apps/topicform-app.ts), with the constructs from the built
 * package in `packageDir` (as an installed topicform's) or, without one, from the repository's sources.
 */
export function writeCliApp(dir: string, specFile: string, packageDir?: string): string {
  const file = join(dir, CLI_APP_FILE);
  const json = JSON.stringify;
  const library =
    packageDir === undefined
      ? `import { SOURCE_LIBRARY as lib } from ${json(join(REPO_ROOT, 'bench', 'apps', 'source-library'))};`
      : [
          `import * as constructs from ${json(join(packageDir, 'constructs', 'index.js'))};`,
          `import { App } from ${json(join(packageDir, 'constructs', 'cdktf.js'))};`,
          `const lib = { ...constructs, App } as unknown as TopicformLibrary;`,
        ].join('\n');
  writeFileSync(
    file,
    [
      `// Written by bench/cli-process.ts: the benchmark's declarations, loaded by \`topicform synth --app ${CLI_APP_FILE}\`.`,
      `import { readFileSync } from 'node:fs';`,
      `import { topicformApp } from ${json(join(REPO_ROOT, 'bench', 'apps', 'topicform-app'))};`,
      `import type { TopicformLibrary } from ${json(join(REPO_ROOT, 'bench', 'apps', 'source-library'))};`,
      library,
      `export const buildApp = topicformApp(JSON.parse(readFileSync(${json(specFile)}, 'utf8')), lib);`,
      '',
    ].join('\n'),
  );
  return file;
}

/** The `topicform` command of the built package (its package.json `bin`), or of the repository (bin/topicform.js). */
export function topicformBin(packageDir?: string): string {
  return packageDir === undefined ? join(REPO_ROOT, 'bin', 'topicform.js') : join(packageDir, 'cli', 'bin.js');
}

/**
 * `topicform synth --app bench-app.ts --out <out>` in `appDir`, measured as a whole process; `synthFlags` are added to
 * the command (e.g. `--no-artifacts`).
 */
export function measureCliSynth(
  appDir: string,
  out: string,
  packageDir: string | undefined,
  options: RunOptions = {},
  synthFlags: readonly string[] = [],
): Promise<CommandMeasurement> {
  return measureCommand(
    [...(options.extraNodeFlags ?? []), topicformBin(packageDir), 'synth', '--app', CLI_APP_FILE, '--out', out, ...synthFlags],
    appDir,
    options,
  );
}

/** Plain cdktf's whole process: `node --import tsx bench/child.ts baseline` (the generated bindings, `app.synth()`). */
export function measureBaselineSynth(baselineFile: string, out: string, resultFile: string, options: RunOptions = {}): Promise<CommandMeasurement> {
  return measureCommand(
    [...NODE_FLAGS, ...(options.extraNodeFlags ?? []), join(REPO_ROOT, 'bench', 'child.ts'), 'baseline', '--result', resultFile, baselineFile, out],
    REPO_ROOT,
    options,
  );
}
