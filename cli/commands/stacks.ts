/** `topicform stacks`: the stacks of the app, for people and for CI matrices. */
import type { Command } from 'commander';
import { loadAppBuilder } from '../load-app';
import { loadStacks } from '../stacks';

interface StacksOptions {
  readonly json: boolean;
  readonly env: string[];
  readonly app: string;
}

export interface StackInfo {
  readonly stack: string;
  readonly environment: string;
  readonly production: boolean;
  /** The domains the stack holds (all of its environment's for the environment layout). */
  readonly domains: readonly string[];
  /** Relative to cdktf.out. */
  readonly directory: string;
  readonly backend: string;
  /** Terraform variables CI must supply (TF_VAR_<name>). */
  readonly requiredVariables: readonly string[];
  /** Environment variables terraform's process must have (the provider's KAFKA_* credentials). */
  readonly requiredEnvironment: readonly string[];
  /** Environment variables needed only in some setups (KAFKA_CA_CERT for a private CA). */
  readonly optionalEnvironment: readonly string[];
}

export function registerStacksCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('stacks')
    .description('list the stacks and what each needs at terraform time (use --json for a CI matrix)')
    .option('--json', 'print JSON: an array of stacks with environment, domains, directory, backend and required variables', false)
    .option('-e, --env <name...>', 'only these environments (default: all)', [])
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .action((options: StacksOptions) => {
      const { stacks, errors } = loadStacks(loadAppBuilder(options.app), options.env);
      if (errors.length > 0) {
        process.stderr.write(`${errors.join('\n')}\n\nthe declarations have errors; fix them first\n`);
        setExitCode(1);
        return;
      }
      const infos: StackInfo[] = stacks.map((s) => ({
        stack: s.node.id,
        environment: s.environmentName,
        production: s.topology?.environment.production ?? false,
        domains: (s.topology?.domains ?? []).map((d) => d.name),
        directory: `stacks/${s.node.id}`,
        backend: s.backendType,
        requiredVariables: [...s.cluster.requiredVariables],
        requiredEnvironment: [...s.cluster.requiredEnvironment],
        optionalEnvironment: [...s.cluster.optionalEnvironment],
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(infos, null, 2)}\n`);
      } else {
        for (const i of infos) {
          process.stdout.write(`${i.stack.padEnd(24)} ${i.environment.padEnd(12)} ${i.backend.padEnd(8)} ${i.domains.join(', ')}\n`);
          process.stdout.write(`${''.padEnd(24)} needs TF_VAR: ${i.requiredVariables.join(', ')}${i.requiredEnvironment.length > 0 ? `; env: ${i.requiredEnvironment.join(', ')}` : ''}\n`);
        }
      }
      setExitCode(0);
    });
}
