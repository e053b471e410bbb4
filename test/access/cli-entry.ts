/**
 * A `topicform` with only the access commands, registered exactly as cli/main.ts registers them, for the end-to-end
 * tests to spawn (`node -r tsx/cjs test/access/cli-entry.ts access …`) before cli/main.ts wires them.
 */
import { Command, CommanderError } from 'commander';
import { registerAccessCommand } from '../../cli/commands/access';
import { registerCodeownersCommand } from '../../cli/commands/codeowners';
import { UsageError } from '../../cli/load-app';

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command().name('topicform').exitOverride().showHelpAfterError();
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerAccessCommand(program, setExitCode);
  registerCodeownersCommand(program, setExitCode);
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

void main(process.argv).then((code) => {
  process.exitCode = code;
});
