/**
 * `topicform`: the command-line entry. Commands stay thin: parse arguments, call the model, constructs or pipeline,
 * print. Exit codes: 0 success, 1 errors in the declarations or a usage / input error.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from './load-app';
import { VERBOSE_HELP } from './verbose';

type Register = (program: Command, setExitCode: (code: number) => void) => void;

/**
 * Every command, in the order `topicform --help` lists them, with its module loaded on demand. A run that names one
 * command (`topicform synth …`) registers only that one, so it does not load the other commands' code: review,
 * import, guard, plan and CI loaded ~200 modules (yaml, jsonc-parser, the importer, review) that synth never uses,
 * ~0.1 s of CPU at every start (docs/performance.md). Help, an unknown command or none registers them all.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['synth', async () => (await import('./commands/synth')).registerSynthCommand],
  ['lint', async () => (await import('./commands/lint')).registerLintCommand],
  ['check', async () => (await import('./commands/check')).registerCheckCommand],
  ['stacks', async () => (await import('./commands/stacks')).registerStacksCommand],
  ['graph', async () => (await import('./commands/graph')).registerGraphCommand],
  ['import', async () => (await import('./commands/import')).registerImportCommand],
  ['access', async () => (await import('./commands/access')).registerAccessCommand],
  ['codeowners', async () => (await import('./commands/codeowners')).registerCodeownersCommand],
  ['review', async () => (await import('./commands/review')).registerReviewCommand],
  ['guard', async () => (await import('./commands/guard')).registerGuardCommand],
  ['changed', async () => (await import('./commands/changed')).registerChangedCommand],
  ['plan', async () => (await import('./commands/plan')).registerPlanCommand],
  ['ci', async () => (await import('./commands/ci')).registerCiCommand],
  ['atlantis', async () => (await import('./commands/atlantis')).registerAtlantisCommand],
  ['init', async () => (await import('./commands/init')).registerInitCommand],
];

/**
 * The commands a run needs: the one it names, or all of them (help, an unknown name, none). The first argument that
 * is not an option names the command: the program's only option, `--verbose`, takes no value.
 */
export function commandsFor(argv: readonly string[]): ReadonlyArray<readonly [string, () => Promise<Register>]> {
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const named = COMMANDS.filter(([command]) => command === name);
  return named.length === 1 ? named : COMMANDS;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('topicform')
    .description('Kafka event flows as code: synthesize typed domain topics to Terraform for the Mongey Kafka provider')
    .option('--verbose', VERBOSE_HELP)
    .exitOverride()
    .showHelpAfterError();

  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  for (const [, load] of commandsFor(argv)) (await load())(program, setExitCode);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UsageError) {
      process.stderr.write(`topicform: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return exitCode;
}
