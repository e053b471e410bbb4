/**
 * `topicform atlantis [--check] [--output atlantis.yaml] [--out-dir cdktf.out] [--app main.ts]`: writes the Atlantis
 * repo config the app's stacks imply (pipeline/atlantis.ts), atomically; with `--check`, writes nothing and exits 1 when
 * the file is missing or stale, so CI (and the test suite) notice a stack added without the file. `--server-config
 * <repo id>` prints the server-side repos.yaml the file relies on (the synth hook, the workflow, the requirements).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ATLANTIS_FILE, ATLANTIS_HEADER, atlantisConfig, atlantisServerConfig, type AtlantisStack } from '../../pipeline/atlantis';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { loadStacks } from '../stacks';
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
}

/** The file's content for these stacks: the header, then the YAML 1.2 document. */
export function renderAtlantis(stacks: readonly AtlantisStack[], outDir = 'cdktf.out'): string {
  return `${ATLANTIS_HEADER.join('\n')}\n${stringify(atlantisConfig(stacks, { outDir }), { version: '1.2', lineWidth: 0 })}`;
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
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .addHelpText('after', '\nExit codes: 0 written or up to date, 1 stale or missing (--check), or the declarations have errors.')
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
  const content = renderAtlantis(
    stacks.map((s) => ({ stack: s.node.id, production: s.topology?.environment.production ?? true })),
    outDir,
  );
  const output = options.output ?? ATLANTIS_FILE;
  const target = resolve(cwd, output);
  if (options.check) return checkGeneratedFile({ command: 'atlantis', output, target, content, source: 'the stacks' }, stdout, stderr);
  stdout.write(writeFileAtomic(target, content) ? `wrote ${output}\n` : `${output} is up to date\n`);
  return 0;
}
