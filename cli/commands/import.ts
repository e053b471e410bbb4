/**
 * `topicform import`: three jobs on one command, each reading the output of standard tools.
 *
 * - Adopt an existing cluster (kafka-topics --describe, kcat -L -J, kafka-configs --describe [--all], kafka-acls
 *   --list): write topics/<domain>.ts declarations, topics/imported.ts and adopted/<env>.json (the topics and ACLs to
 *   import), and print what was found and what could not be mapped.
 * - Migrate from another tool (`--kafka-gitops`, `--julieops`, `--topicctl`), optionally with the cluster's output
 *   so that what exists is adopted: the same files, and a report per source element and line.
 * - List what nobody declared (`--undeclared`): the cluster's topics and ACLs no declaration of the environment claims,
 *   by likely owner, with the command that adopts each.
 *
 * Everything is read and planned before anything is written; existing files are never overwritten without --force;
 * each file is written atomically.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../load-app';
import { includeReader, loadEnvironment, readInput, shellQuote, writeGenerated } from '../import-io';
import { runUndeclared } from './import-undeclared';
import { DEFAULT_DOMAIN_PATTERN, runImport, type ImportInputs } from '../../importer';
import { runMigration, type MigrationTool } from '../../importer/migrate';

export interface ImportOptions {
  readonly topicsDescribe: string[];
  readonly kcat: string[];
  readonly configs: string[];
  readonly acls: string[];
  readonly kafkaGitops?: string;
  readonly julieops: string[];
  readonly topicctl: string[];
  readonly undeclared: boolean;
  readonly deadLetter: boolean;
  readonly only?: string;
  readonly env: string;
  readonly environments: string;
  readonly app: string;
  readonly format: 'text' | 'json';
  readonly failOnUndeclared: boolean;
  readonly outDir: string;
  readonly domainPattern: string;
  readonly owner: string;
  readonly force: boolean;
  readonly dryRun: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const collectMany = (value: string, previous: string[]): string[] => [...previous, value];

/** The capture options as they were given, to repeat in the commands the undeclared listing suggests. */
export function captureArgs(options: ImportOptions): string {
  const args: string[] = [];
  for (const [flag, files] of [
    ['--topics-describe', options.topicsDescribe],
    ['--kcat', options.kcat],
    ['--configs', options.configs],
    ['--acls', options.acls],
  ] as const) {
    for (const f of files) args.push(flag, shellQuote(f));
  }
  return args.join(' ');
}

export function registerImportCommand(program: Command, setExitCode: (code: number) => void, cwd: () => string = () => process.cwd()): void {
  program
    .command('import')
    .description('adopt an existing cluster, migrate from kafka-gitops / JulieOps / topicctl, or list what nobody declared')
    .option('--topics-describe <file>', 'kafka-topics.sh --describe output (repeatable)', collect, [])
    .option('--kcat <file>', 'kcat -L -J output (repeatable)', collect, [])
    .option(
      '--configs <file>',
      'kafka-configs.sh --describe [--all] --entity-type topics output (repeatable); tells topic overrides from broker settings',
      collect,
      [],
    )
    .option('--acls <file>', 'kafka-acls.sh --list output (repeatable)', collect, [])
    .option('--kafka-gitops <file>', 'migrate a kafka-gitops state file (its settings.files are read too)')
    .option('--julieops <file>', 'migrate a JulieOps topology descriptor, YAML or JSON (repeatable)', collect, [])
    .option('--topicctl <file...>', 'migrate topicctl topic and ACL configs', collectMany, [])
    .option('--dead-letter', 'with a migration: give every consumer group a dead-letter topic (the tools had none; the first apply creates them)', false)
    .option(
      '--undeclared',
      'list the cluster topics and ACLs no declaration of the environment claims, by likely owner, with the command to adopt each; writes nothing',
      false,
    )
    .option(
      '--only <regex>',
      'adopt only the topics, and the ACLs on topics, groups or transactional ids (on the cluster or *: principals), whose name matches',
    )
    .option('-e, --env <name>', 'the environment the cluster is (replication defaults, topic prefix, ACL options)', 'dev')
    .option('--environments <file>', 'module exporting environments', 'environments.ts')
    .option('--app <file>', 'with --undeclared: module exporting buildApp(outdir), whose declarations are checked', 'main.ts')
    .addOption(new Option('-f, --format <format>', 'with --undeclared: output format').choices(['text', 'json']).default('text'))
    .option('--fail-on-undeclared', 'with --undeclared: exit 1 when anything is undeclared (for a scheduled CI check)', false)
    .option('-o, --out-dir <dir>', 'where topics/ and adopted/ are written', '.')
    .option('--domain-pattern <regex>', 'regular expression with named groups domain and event, applied to topic names', DEFAULT_DOMAIN_PATTERN)
    .option('--owner <handle>', 'CODEOWNERS handle written as the owner of every imported domain', '@platform-team')
    .option('--force', 'overwrite files that exist', false)
    .option('--dry-run', 'print the summary and the files it would write; write nothing', false)
    .addHelpText(
      'after',
      [
        '',
        'Adopt a cluster:',
        '  kafka-topics.sh --bootstrap-server $B --describe > topics.txt',
        '  kafka-configs.sh --bootstrap-server $B --describe --all --entity-type topics > configs.txt',
        '  kafka-acls.sh --bootstrap-server $B --list > acls.txt',
        '  topicform import --env prod --topics-describe topics.txt --configs configs.txt --acls acls.txt --dry-run',
        '',
        'Migrate (with the cluster output, what exists is imported rather than created):',
        '  topicform import --env prod --kafka-gitops state.yaml --topics-describe topics.txt --configs configs.txt --acls acls.txt',
        '  topicform import --env prod --julieops topology.yaml',
        '  topicform import --env prod --topicctl topics/*.yaml acls/*.yaml',
        '',
        'What nobody declared:',
        '  topicform import --env prod --undeclared --topics-describe topics.txt --acls acls.txt',
      ].join('\n'),
    )
    .action((options: ImportOptions) => {
      const dir = cwd();
      const tools: Array<[MigrationTool, string[]]> = [
        ['kafka-gitops', options.kafkaGitops === undefined ? [] : [options.kafkaGitops]],
        ['julieops', options.julieops],
        ['topicctl', options.topicctl],
      ];
      const given = tools.filter(([, files]) => files.length > 0);
      if (given.length > 1) throw new UsageError(`migrate from one tool at a time; given ${given.map(([t]) => `--${t}`).join(' and ')}`);
      if (options.undeclared && given.length > 0) {
        throw new UsageError(
          '--undeclared checks the cluster output against the declarations of --app; it does not migrate (leave out --' + (given[0]?.[0] ?? '') + ')',
        );
      }
      const inputs: ImportInputs = {
        topicsDescribe: options.topicsDescribe.map((f) => readInput(f, dir)),
        kcat: options.kcat.map((f) => readInput(f, dir)),
        configs: options.configs.map((f) => readInput(f, dir)),
        acls: options.acls.map((f) => readInput(f, dir)),
      };
      const hasCapture = (inputs.topicsDescribe?.length ?? 0) + (inputs.kcat?.length ?? 0) + (inputs.configs?.length ?? 0) + (inputs.acls?.length ?? 0) > 0;
      const environment = loadEnvironment(options.environments, options.env, dir);
      const adoptCommand = (only: string): string => `topicform import --env ${shellQuote(options.env)} ${captureArgs(options)} --only ${shellQuote(only)}`;

      if (options.undeclared) {
        if ((inputs.topicsDescribe?.length ?? 0) + (inputs.kcat?.length ?? 0) + (inputs.acls?.length ?? 0) === 0) {
          throw new UsageError('--undeclared needs the cluster: --topics-describe (or --kcat) and/or --acls output');
        }
        setExitCode(runUndeclared({ inputs, environment, options, cwd: dir, adoptCommand }));
        return;
      }
      const [migration] = given;
      if (migration !== undefined) {
        if (options.only !== undefined) throw new UsageError('--only selects what to adopt from the cluster output; a migration takes the whole descriptor');
        const [tool, files] = migration;
        const result = runMigration({
          tool,
          files: files.map((f) => readInput(f, dir)),
          include: includeReader(files[0] ?? '.', dir),
          ...(hasCapture ? { cluster: inputs } : {}),
          environment,
          domainPattern: options.domainPattern,
          owner: options.owner,
          deadLetter: options.deadLetter,
          adoptCommand,
        });
        if ('error' in result) throw new UsageError(result.error);
        process.stdout.write(result.summary);
        if (!result.usable) {
          setExitCode(1);
          return;
        }
        process.stdout.write(writeGenerated(result.files, resolve(dir, options.outDir), options));
        if (!options.dryRun) {
          process.stdout.write(
            `next: review the files, add importedDomains to topics/index.ts${hasCapture ? `, pass adopted/${result.plan.environment}.json as KafkaStackProps.adopt` : ''}, then terraform plan\n`,
          );
        }
        setExitCode(0);
        return;
      }

      if ((inputs.topicsDescribe?.length ?? 0) + (inputs.kcat?.length ?? 0) + (inputs.acls?.length ?? 0) === 0) {
        throw new UsageError(
          'give the cluster: --topics-describe <file> (kafka-topics --describe) or --kcat <file> (kcat -L -J), and/or --acls <file>; or migrate with --kafka-gitops, --julieops or --topicctl',
        );
      }
      const result = runImport({
        inputs,
        environment,
        domainPattern: options.domainPattern,
        owner: options.owner,
        ...(options.only === undefined ? {} : { only: options.only }),
      });
      if ('error' in result) throw new UsageError(result.error);
      process.stdout.write(result.summary);
      process.stdout.write(writeGenerated(result.files, resolve(dir, options.outDir), options));
      if (!options.dryRun) {
        process.stdout.write(
          `next: review the files, add importedDomains to topics/index.ts, pass adopted/${result.plan.environment}.json as KafkaStackProps.adopt, then terraform plan: it must show only imports\n`,
        );
      }
      // Errors in the summary name what stays on the cluster unmanaged; the import itself succeeded.
      setExitCode(0);
    });
}
