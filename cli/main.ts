/**
 * `topicform`: the command-line entry. Commands stay thin: parse arguments, call the model, constructs or pipeline,
 * print. Exit codes: 0 success, 1 errors in the declarations or a usage / input error.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from './load-app';
import { registerAccessCommand } from './commands/access';
import { registerAtlantisCommand } from './commands/atlantis';
import { registerCheckCommand } from './commands/check';
import { registerCiCommand } from './commands/ci';
import { registerCodeownersCommand } from './commands/codeowners';
import { registerGraphCommand } from './commands/graph';
import { registerGuardCommand } from './commands/guard';
import { registerImportCommand } from './commands/import';
import { registerInitCommand } from './commands/init';
import { registerLintCommand } from './commands/lint';
import { registerPlanCommand } from './commands/plan';
import { registerReviewCommand } from './commands/review';
import { registerStacksCommand } from './commands/stacks';
import { registerSynthCommand, VERBOSE_HELP } from './commands/synth';

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
  registerSynthCommand(program, setExitCode);
  registerLintCommand(program, setExitCode);
  registerCheckCommand(program, setExitCode);
  registerStacksCommand(program, setExitCode);
  registerGraphCommand(program, setExitCode);
  registerImportCommand(program, setExitCode);
  registerAccessCommand(program, setExitCode);
  registerCodeownersCommand(program, setExitCode);
  registerReviewCommand(program, setExitCode);
  registerGuardCommand(program, setExitCode);
  registerPlanCommand(program, setExitCode);
  registerCiCommand(program, setExitCode);
  registerAtlantisCommand(program, setExitCode);
  registerInitCommand(program, setExitCode);

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
