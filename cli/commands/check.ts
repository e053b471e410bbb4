/**
 * `topicform check`: what CI runs before synth — type-check the repository with its own TypeScript and tsconfig.json,
 * then resolve, validate and lint every declaration as synth does. Writes nothing. Synth itself does not type-check
 * (README "Type-checking"), because a type-check of a large repository takes longer than its synth.
 */
import type { Command } from 'commander';
import { isBlocking } from '../../rules/format/merge';
import { paintFor } from '../colour';
import { formatProblems } from '../../rules/format/text';
import { loadAppBuilder } from '../load-app';
import { loadStacks } from '../stacks';
import { formatTypeError, typeCheck } from '../typecheck';

interface CheckOptions {
  readonly app: string;
  readonly project?: string;
  readonly strict: boolean;
}

export function registerCheckCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('check')
    .description(
      'type-check the repository (its tsconfig.json), then validate and lint every declaration as synth does; writes nothing — run it in CI (synth does not type-check)',
    )
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .option('-p, --project <file>', 'the tsconfig.json to type-check with (default: found from the working directory up)')
    .option('--strict', 'lint warnings fail too', false)
    .action((options: CheckOptions) => {
      const typed = typeCheck(process.cwd(), options.project);
      for (const error of typed.errors) process.stderr.write(`${formatTypeError(error)}\n`);
      const { findings, errors } = loadStacks(loadAppBuilder(options.app));
      for (const error of errors) process.stderr.write(`${error}\n`);
      const problems = formatProblems(findings, paintFor(process.stderr));
      for (const line of problems.lines) process.stderr.write(`${line}\n`);
      const failed = typed.errors.length > 0 || errors.length > 0 || findings.some((f) => isBlocking(f, options.strict));
      process.stdout.write(
        `type-check: ${typed.errors.length} error(s); declarations: ${errors.length} error(s); lint: ${problems.counts}${failed ? ' — failed' : ' — passed'}\n`,
      );
      setExitCode(failed ? 1 : 0);
    });
}
