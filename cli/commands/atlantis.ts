/**
 * `topicform atlantis [--check] [--output atlantis.yaml] [--out-dir cdktf.out] [--app main.ts]`: writes the Atlantis
 * repo config the app's stacks imply (pipeline/atlantis.ts), atomically; with `--check`, writes nothing and exits 1 when
 * the file is missing or stale, so CI (and the test suite) notice a stack added without the file. `--server-config
 * <repo id>` prints the server-side repos.yaml the file relies on (the synth hook, the workflow, the requirements).
 *
 * `--base-ref <ref>` is the pre-workflow hook's step for one pull request: it synthesizes the base once into
 * `--base-out` (every project's review reads it) and rewrites the file so that only the stacks whose Terraform differs
 * from the base's autoplan (guard/stack-changes.ts, the comparison `topicform changed` and the guard make too) — all
 * of them when package-lock.json differs, because the base is synthesized with this checkout's topicform and would
 * not show what an upgrade changes.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ATLANTIS_FILE, ATLANTIS_HEADER, atlantisConfig, atlantisServerConfig, BASE_OUTPUT_DIR, type AtlantisStack } from '../../pipeline/atlantis';
import { compareStacks, type StackChanges } from '../../guard/stack-changes';
import { ReviewInputError } from '../../review/errors';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { InputError } from '../read-output';
import { lockfileReason, readStackTexts } from '../stack-changes';
import { loadStacks } from '../stacks';
import { RefWorkspace } from '../synth-ref';
import { writeFileAtomic } from '../write';
import type { CommandIo } from './access';
import { checkGeneratedFile } from './generated-file';

export interface AtlantisOptions {
  readonly check: boolean;
  /** @default 'atlantis.yaml' */
  readonly output?: string;
  /** The synth output directory, relative to the repository root. @default 'cdktf.out' */
  readonly outDir?: string;
  /** Print the server-side repos.yaml for this repository id instead (e.g. github.com/acme/kafka-topics). */
  readonly serverConfig?: string;
  /** For one pull request: synthesize this git ref as the base and autoplan only the stacks that differ from it. */
  readonly baseRef?: string;
  /** Where `--base-ref` writes the base output. @default BASE_OUTPUT_DIR */
  readonly baseOut?: string;
  /** The app `--base-ref` synthesizes at the ref. @default 'main.ts' */
  readonly app?: string;
}

/** The file's content for these stacks: the header, then the YAML 1.2 document; `plan`: the stacks that autoplan. */
export function renderAtlantis(stacks: readonly AtlantisStack[], outDir = 'cdktf.out', plan?: ReadonlySet<string>): string {
  return `${ATLANTIS_HEADER.join('\n')}\n${stringify(atlantisConfig(stacks, { outDir, ...(plan === undefined ? {} : { plan }) }), { version: '1.2', lineWidth: 0 })}`;
}

export function registerAtlantisCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  return program
    .command('atlantis')
    .description('write the Atlantis repo config (atlantis.yaml) the stacks imply: a project per stack and the topicform workflow (guard, plan, review)')
    .option('--check', 'write nothing; exit 1 when the file is missing or stale (for CI)', false)
    .option('-o, --output <file>', 'the repo config file', ATLANTIS_FILE)
    .option('--out-dir <dir>', 'the synth output directory the projects live in', 'cdktf.out')
    .option(
      '--server-config <repo-id>',
      'print the server-side repos.yaml for this repository (e.g. github.com/acme/kafka-topics): the synth hook, the workflow and the apply requirements',
    )
    .option(
      '--base-ref <ref>',
      "for one pull request (the server's pre-workflow hook): synthesize the base from this git ref into --base-out, and autoplan only the stacks of --out-dir whose Terraform differs from it",
    )
    .option('--base-out <dir>', 'where --base-ref writes the base output, which every project reviews against', BASE_OUTPUT_DIR)
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .addHelpText(
      'after',
      '\nExit codes: 0 written or up to date, 1 stale or missing (--check), the declarations have errors, or --base-ref could not synthesize the base.',
    )
    .action((options: AtlantisOptions & { app: string }) => {
      setExitCode(runAtlantis(loadAppBuilder(options.app), options, io));
    });
}

export function runAtlantis(buildApp: AppBuilder, options: AtlantisOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const outDir = options.outDir ?? 'cdktf.out';
  if (options.serverConfig !== undefined) {
    stdout.write(stringify(atlantisServerConfig(options.serverConfig, { outDir }), { version: '1.2', lineWidth: 0 }));
    return 0;
  }
  const { stacks, errors } = loadStacks(buildApp);
  if (errors.length > 0) {
    for (const line of errors) stderr.write(`${line}\n`);
    stderr.write(`topicform atlantis: ${errors.length} error(s) in the declarations; fix them first\n`);
    return 1;
  }
  const projects = stacks.map((s) => ({ stack: s.node.id, production: s.topology?.environment.production ?? true }));
  const output = options.output ?? ATLANTIS_FILE;
  const target = resolve(cwd, output);
  if (options.baseRef !== undefined) {
    return writeForPullRequest(projects, { ...options, baseRef: options.baseRef, outDir, output, target }, cwd, stdout, stderr);
  }
  const content = renderAtlantis(projects, outDir);
  if (options.check) return checkGeneratedFile({ command: 'atlantis', output, target, content, source: 'the stacks' }, stdout, stderr);
  stdout.write(writeFileAtomic(target, content) ? `wrote ${output}\n` : `${output} is up to date\n`);
  return 0;
}

/** `--base-ref`: the base synthesized once, and the file rewritten so that only the changed stacks autoplan. */
function writeForPullRequest(
  projects: readonly AtlantisStack[],
  options: AtlantisOptions & { baseRef: string; outDir: string; output: string; target: string },
  cwd: string,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): number {
  if (options.check) {
    stderr.write('topicform atlantis: --check compares the committed file; --base-ref writes one for a pull request: give one of them\n');
    return 1;
  }
  const head = resolve(cwd, options.outDir);
  if (!existsSync(join(head, 'stacks'))) {
    stderr.write(`topicform atlantis: ${options.outDir} holds no synthesized stacks: run topicform synth --out ${options.outDir} first\n`);
    return 1;
  }
  const baseOut = options.baseOut ?? BASE_OUTPUT_DIR;
  const workspace = new RefWorkspace(cwd, (line) => stderr.write(`${line}\n`), 'atlantis');
  try {
    workspace.synthesizeRef('base', options.baseRef, options.app ?? 'main.ts', resolve(cwd, baseOut));
  } catch (error) {
    if (!(error instanceof ReviewInputError)) throw error;
    stderr.write(`topicform atlantis: ${error.message}\n`);
    return 1;
  } finally {
    workspace.dispose();
  }
  // The same comparison as the guard and `topicform changed` (guard/stack-changes.ts): a stack whose Terraform is the
  // base's does not autoplan; every stack does when the lockfile differs, since the base was synthesized with this
  // checkout's dependencies.
  const upgrade = lockfileReason(options.baseRef, cwd);
  let changes: StackChanges;
  try {
    changes = compareStacks(
      readStackTexts(resolve(cwd, baseOut), baseOut),
      readStackTexts(head, options.outDir),
      upgrade === undefined ? {} : { everyStack: upgrade },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    stderr.write(`topicform atlantis: ${error.message}\n`);
    return 1;
  }
  const plan = new Set(changes.plan);
  writeFileAtomic(options.target, renderAtlantis(projects, options.outDir, plan));
  const names = (keep: boolean): string => {
    const list = projects.filter((p) => plan.has(p.stack) === keep).map((p) => p.stack);
    return list.length === 0 ? 'none' : list.join(', ');
  };
  stdout.write(
    `wrote ${options.output} for this pull request: ${String(plan.size)} of ${String(projects.length)} stack(s) autoplan (${
      upgrade ?? `their Terraform differs from ${options.baseRef}`
    }): ${names(true)}; unchanged, not autoplanned (atlantis plan -p <stack> still plans one): ${names(false)}\n`,
  );
  return 0;
}
