/** Runs `topicform import …` in-process, in a given working directory, capturing its output and exit code. */
import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';
import { registerImportCommand } from '../../../cli/commands/import';
import { UsageError } from '../../../cli/load-app';

export async function runImportCommand(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  let code = 0;
  const program = new Command()
    .name('topicform')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  registerImportCommand(
    program,
    (c) => (code = c),
    () => cwd,
  );
  try {
    await program.parseAsync(['node', 'topicform', 'import', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 1;
    else if (error instanceof UsageError) {
      stderr += `topicform: ${error.message}\n`;
      code = 1;
    } else throw error;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}
