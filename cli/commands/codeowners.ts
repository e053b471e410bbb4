/**
 * `topicform codeowners [--check] [--output <file>] [--out-dir cdktf.out] [--platform-owner <team>]
 * [--app main.ts]`: writes the CODEOWNERS file the domains' declared owners imply (access/codeowners.ts), atomically;
 * with `--check`, writes nothing and exits 1 when the file is missing or stale. Run it from the repository root:
 * declaration files are recorded relative to the working directory. The platform owner comes from the option, else
 * from `"topicform": { "platformOwner": "@acme/platform-team" }` in the repository's package.json, so that the check
 * in CI and the file agree without repeating it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CODEOWNERS_PATH, generateCodeowners, PLATFORM_PATHS } from '../../access/codeowners';
import { ownerSchema } from '../../model/schema';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { writeFileAtomic } from '../write';
import { loadAccessSource, type CommandIo } from './access';
import { checkGeneratedFile } from './generated-file';

export interface CodeownersOptions {
  readonly check: boolean;
  /** @default - the first of CODEOWNERS_LOCATIONS that exists, else '.github/CODEOWNERS' */
  readonly output?: string;
  /** The synth output directory, relative to the repository root. @default 'cdktf.out' */
  readonly outDir?: string;
  readonly defaultOwner?: string;
  /** The same as defaultOwner (its newer name). */
  readonly platformOwner?: string;
}

/** Where GitHub (.github/, root, docs/) and GitLab (.gitlab/ too) read CODEOWNERS; the first that exists is the file. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', '.gitlab/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** Adds the `codeowners` command; its exit code goes to `setExitCode`. */
export function registerCodeownersCommand(program: Command, setExitCode: (code: number) => void, io: CommandIo = {}): Command {
  return program
    .command('codeowners')
    .description("write the CODEOWNERS file that makes each domain's declarations and outputs reviewable by its owner")
    .option('--check', 'write nothing; exit 1 when the file is missing or stale (for CI)', false)
    .option('-o, --output <file>', `the CODEOWNERS file (default: the first of ${CODEOWNERS_LOCATIONS.join(', ')} that exists, else ${CODEOWNERS_PATH})`)
    .option('--out-dir <dir>', 'the synth output directory whose per-domain files get owners', 'cdktf.out')
    .option(
      '--platform-owner <team>',
      `the platform team: owns every path no domain owns, and ${PLATFORM_PATHS.join(', ')} (default: "topicform.platformOwner" in package.json)`,
    )
    .option('--default-owner <team>', 'the former name of --platform-owner')
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: CodeownersOptions & { app: string }) => {
      setExitCode(runCodeowners(loadAppBuilder(options.app), options, io));
    });
}

/** Builds the app, then writes or checks the file; returns the exit code. */
export function runCodeowners(buildApp: AppBuilder, options: CodeownersOptions, io: CommandIo = {}, cwd = process.cwd()): number {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const output = options.output ?? CODEOWNERS_LOCATIONS.find((p) => existsSync(resolve(cwd, p))) ?? CODEOWNERS_PATH;
  const platformOwner = options.platformOwner ?? options.defaultOwner ?? configuredPlatformOwner(cwd);
  if (platformOwner !== undefined && !ownerSchema.safeParse(platformOwner).success) {
    stderr.write(`topicform codeowners: the platform owner "${platformOwner}" must be a team handle such as "@acme/platform-team"\n`);
    return 1;
  }
  const { source, errors } = loadAccessSource(buildApp);
  if (errors.length > 0) {
    for (const line of errors) stderr.write(`${line}\n`);
    stderr.write(`topicform codeowners: ${errors.length} error(s) in the declarations; fix them first\n`);
    return 1;
  }
  const { content, warnings } = generateCodeowners({
    ...source,
    outdir: options.outDir ?? 'cdktf.out',
    ...(platformOwner === undefined ? {} : { defaultOwner: platformOwner }),
  });
  for (const w of warnings) stderr.write(`warning: ${w}\n`);
  const target = resolve(cwd, output);
  if (options.check) return checkGeneratedFile({ command: 'codeowners', output, target, content, source: 'the owners the domains declare' }, stdout, stderr);
  if (platformOwner === undefined) {
    stderr.write(
      `warning: no platform owner (--platform-owner, or "topicform": { "platformOwner": … } in package.json): ${PLATFORM_PATHS.join(', ')} need no platform approval\n`,
    );
  }
  stdout.write(writeFileAtomic(target, content) ? `wrote ${output}\n` : `${output} is up to date\n`);
  return 0;
}

/** `"topicform": { "platformOwner": "…" }` in the package.json of the working directory, when there is one. */
function configuredPlatformOwner(cwd: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(resolve(cwd, 'package.json'), 'utf8')) as { topicform?: { platformOwner?: unknown } };
    const owner = manifest.topicform?.platformOwner;
    return typeof owner === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}
