/**
 * `topicform synth`, and the same options for an app file run directly (`npm run synth -- --env prod`, `npx tsx
 * main.ts --env prod`): one definition, so both accept the same flags and refuse the same mistakes.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadAppBuilder, type AppBuilder } from '../load-app';
import { artifactsFromEnv, NO_ARTIFACTS_ENV, runSynth } from '../synth';
import { SYNTH_LOCK_WAIT_MS } from '../limits';
import { VERBOSE_HELP } from '../verbose';

interface SynthCommandOptions {
  readonly out: string;
  readonly app?: string;
  readonly env: string[];
  readonly domain: string[];
  readonly wait: number;
  /** false with `--no-artifacts` (commander's negated option). */
  readonly artifacts: boolean;
  readonly verbose?: boolean;
}

/**
 * Declares synth's options on a command. `topicform synth` adds `--app` (the app file) and has `--verbose` from the
 * program; an app run directly declares `--verbose` itself and defaults its output to CDKTF_OUTDIR (set by the cdktf
 * CLI when it runs the app) or cdktf.out.
 */
function synthOptions(command: Command, standalone: boolean): Command {
  command
    .option('-o, --out <dir>', 'output directory', standalone ? (process.env.CDKTF_OUTDIR ?? 'cdktf.out') : 'cdktf.out')
    .option('-e, --env <name...>', 'only the stacks of these environments (everything is still validated)', [])
    .option('-d, --domain <name...>', 'only the stacks holding these domains (a whole-environment stack holds them all)', [])
    .option(
      '--wait <seconds>',
      'how long to wait for another synth writing the same output before giving up (0: refuse at once)',
      seconds,
      SYNTH_LOCK_WAIT_MS / 1000,
    )
    .option(
      '--no-artifacts',
      `write only what terraform, guard and review read (the stacks' cdk.tf.json and topology.json, the manifest), not the client configs, docs and schemas, and remove those an earlier synth wrote; everything is still validated and linted (a pull request's CI; also ${NO_ARTIFACTS_ENV}=1)`,
    );
  if (standalone) command.option('--verbose', VERBOSE_HELP);
  else command.option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts');
  return command;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of seconds, 0 or more');
  return parsed;
}

function run(buildApp: AppBuilder, options: SynthCommandOptions): number {
  const fromEnv = artifactsFromEnv(process.env);
  if (typeof fromEnv === 'string') {
    process.stderr.write(`synth stopped: ${fromEnv}\nnothing was written to ${options.out}\n`);
    return 1;
  }
  // Set in a shell by mistake it would drop the artifacts (and remove earlier ones) without a flag in sight: say why.
  if (!fromEnv && options.artifacts) process.stderr.write(`synth: ${NO_ARTIFACTS_ENV}=1 is set: writing the stacks only, as --no-artifacts\n`);
  return runSynth(buildApp, {
    outdir: options.out,
    environments: options.env,
    domains: options.domain,
    lockWaitMs: options.wait * 1000,
    artifacts: options.artifacts && fromEnv,
    verbose: options.verbose === true,
  });
}

export function registerSynthCommand(program: Command, setExitCode: (code: number) => void): void {
  synthOptions(program.command('synth'), false)
    .description(
      'validate every declaration, then write cdktf.out/ atomically (nothing is written when anything fails); it does not type-check: topicform check does',
    )
    .action((options: SynthCommandOptions) => {
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
      setExitCode(run(loadAppBuilder(options.app ?? 'main.ts'), { ...options, verbose }));
    });
}

/**
 * Runs synth for an app module run directly (`main.ts`'s `if (require.main === module)`), with synth's command-line
 * options from `argv` (process.argv); returns the exit code. `--app` is not accepted: the app is the module itself.
 */
export function synthMain(buildApp: AppBuilder, argv: readonly string[] = process.argv, name = 'synth'): number {
  let exitCode = 0;
  const command = synthOptions(new Command(name), true)
    .description('validate every declaration, then write the output folder atomically (nothing is written when anything fails)')
    .exitOverride()
    .showHelpAfterError()
    .action((options: SynthCommandOptions) => {
      exitCode = run(buildApp, options);
    });
  try {
    command.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    throw error;
  }
  return exitCode;
}
