/** `topicform lint`: the event-design rules over the declared model, as text, JSON or SARIF. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { isBlocking } from '../../rules/format/merge';
import { formatJson } from '../../rules/format/json';
import { formatSarif } from '../../rules/format/sarif';
import { formatText } from '../../rules/format/text';
import { loadAppBuilder } from '../load-app';
import { loadStacks } from '../stacks';
import { writeFileAtomic } from '../write';
import { toolVersion } from '../version';
import { paintFor } from '../colour';

interface LintOptions {
  readonly format: 'text' | 'json' | 'sarif';
  readonly strict: boolean;
  readonly env: string[];
  readonly app: string;
  readonly output?: string;
}

export function registerLintCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('lint')
    .description('check the declarations against the event-design rules (RULES.md); exit 1 on errors')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--strict', 'warnings fail too', false)
    .option('-e, --env <name...>', 'only these environments (default: all)', [])
    .option('--app <file>', 'module exporting buildApp(outdir)', 'main.ts')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action((options: LintOptions) => {
      const { findings, errors } = loadStacks(loadAppBuilder(options.app), options.env);
      if (errors.length > 0) {
        const declarationErrors = !errors.every((e) => e.startsWith('error: unknown '));
        process.stderr.write(`${errors.join('\n')}\n${declarationErrors ? '\nthe declarations have errors; fix them before linting\n' : ''}`);
        setExitCode(1);
        return;
      }
      const report =
        options.format === 'json'
          ? formatJson(findings)
          : options.format === 'sarif'
            ? formatSarif(findings, { toolVersion: toolVersion(), fallbackFile: options.app })
            : formatText(findings, { strict: options.strict, ...(options.output === undefined ? { paint: paintFor(process.stdout) } : {}) });
      if (options.output === undefined) process.stdout.write(report);
      else writeFileAtomic(options.output, report);
      setExitCode(findings.some((f) => isBlocking(f, options.strict)) ? 1 : 0);
    });
}
