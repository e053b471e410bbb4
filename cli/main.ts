/**
 * `topicform`: the command-line entry. Commands stay thin: parse arguments, call the model, constructs or pipeline,
 * print. Exit codes: 0 success, 1 errors in the declarations or a usage / input error.
 */
import { Command, CommanderError } from 'commander';
import { loadAppBuilder, UsageError } from './load-app';
import { registerAccessCommand } from './commands/access';
import { registerAtlantisCommand } from './commands/atlantis';
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
import { runSynth } from './synth';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('topicform')
    .description('Kafka event flows as code: synthesize typed domain topics to Terraform for the Mongey Kafka provider')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('synth')
    .description('validate every declaration, then write cdktf.out/ atomically (nothing is written when anything fails)')
    .option('-o, --out <dir>', 'output directory', 'cdktf.out')
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .option('-e, --env <name...>', 'only the stacks of these environments (everything is still validated)', [])
    .option('-d, --domain <name...>', 'only the stacks holding these domains (a whole-environment stack holds them all)', [])
    .option('--parallel-artifacts', 'render client configs, docs and schemas in a worker thread beside cdktf: faster on 2+ cores for thousands of topics, but holds a second copy of every topology (~+250 MiB at 10,000 topics)')
    .action((options: { out: string; app: string; env: string[]; domain: string[]; parallelArtifacts?: boolean }) => {
      const artifacts = options.parallelArtifacts === true ? 'worker' : 'inline';
      exitCode = runSynth(loadAppBuilder(options.app), { outdir: options.out, environments: options.env, domains: options.domain, artifacts });
    });

  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerLintCommand(program, setExitCode);
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
