/**
 * `topicform import`: adopt an existing cluster. Reads the output of standard tools (kafka-topics --describe, kcat -L
 * -J, kafka-configs --describe [--all], kafka-acls --list), writes topics/<domain>.ts declarations, topics/imported.ts
 * and adopted/<env>.json (the topics and ACLs to import), and prints what it found and what it could not map.
 *
 * Everything is read and planned before anything is written; existing files are never overwritten without --force;
 * each file is written atomically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../load-app';
import { writeFileAtomic } from '../write';
import { DEFAULT_DOMAIN_PATTERN, runImport, type InputFile } from '../../importer';

interface ImportOptions {
  readonly topicsDescribe: string[];
  readonly kcat: string[];
  readonly configs: string[];
  readonly acls: string[];
  readonly env: string;
  readonly environments: string;
  readonly outDir: string;
  readonly domainPattern: string;
  readonly owner: string;
  readonly force: boolean;
  readonly dryRun: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Reads one input file; an unreadable one is a usage error that names it. */
function readInput(path: string, cwd: string): InputFile {
  try {
    return { file: path, text: readFileSync(resolve(cwd, path), 'utf8') };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new UsageError(`cannot read input file ${path} (${reason})`);
  }
}

/** The named environment from a module exporting `environments` (environments.ts by default). */
function loadEnvironment(file: string, name: string, cwd: string): unknown {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`environments file ${file} not found in ${cwd} (use --environments <file>)`);
  // The bin registers tsx's require hook, so a TypeScript module loads like any other. A dynamic path needs require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as { environments?: unknown };
  const list = Array.isArray(loaded.environments) ? (loaded.environments as Array<{ name?: unknown }>) : undefined;
  if (list === undefined) throw new UsageError(`${file} does not export environments (an array of environments)`);
  const found = list.find((e) => e.name === name);
  if (found === undefined) throw new UsageError(`unknown environment "${name}"; ${file} has ${list.map((e) => String(e.name)).join(', ')}`);
  return found;
}

export function registerImportCommand(program: Command, setExitCode: (code: number) => void, cwd: () => string = () => process.cwd()): void {
  program
    .command('import')
    .description('adopt an existing cluster: write declarations and import blocks from kafka-topics / kcat / kafka-configs / kafka-acls output')
    .option('--topics-describe <file>', 'kafka-topics.sh --describe output (repeatable)', collect, [])
    .option('--kcat <file>', 'kcat -L -J output (repeatable)', collect, [])
    .option('--configs <file>', 'kafka-configs.sh --describe [--all] --entity-type topics output (repeatable); tells topic overrides from broker settings', collect, [])
    .option('--acls <file>', 'kafka-acls.sh --list output (repeatable)', collect, [])
    .option('-e, --env <name>', 'the environment the cluster is (replication defaults, topic prefix, ACL options)', 'dev')
    .option('--environments <file>', 'module exporting environments', 'environments.ts')
    .option('-o, --out-dir <dir>', 'where topics/ and adopted/ are written', '.')
    .option('--domain-pattern <regex>', 'regular expression with named groups domain and event, applied to topic names', DEFAULT_DOMAIN_PATTERN)
    .option('--owner <handle>', 'CODEOWNERS handle written as the owner of every imported domain', '@platform-team')
    .option('--force', 'overwrite files that exist', false)
    .option('--dry-run', 'print the summary and the files it would write; write nothing', false)
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  kafka-topics.sh --bootstrap-server $B --describe > topics.txt',
        '  kafka-configs.sh --bootstrap-server $B --describe --all --entity-type topics > configs.txt',
        '  kafka-acls.sh --bootstrap-server $B --list > acls.txt',
        '  topicform import --env prod --topics-describe topics.txt --configs configs.txt --acls acls.txt --dry-run',
      ].join('\n'),
    )
    .action((options: ImportOptions) => {
      const dir = cwd();
      const inputs = {
        topicsDescribe: options.topicsDescribe.map((f) => readInput(f, dir)),
        kcat: options.kcat.map((f) => readInput(f, dir)),
        configs: options.configs.map((f) => readInput(f, dir)),
        acls: options.acls.map((f) => readInput(f, dir)),
      };
      if (inputs.topicsDescribe.length + inputs.kcat.length === 0) {
        throw new UsageError('give the topics: --topics-describe <file> (kafka-topics --describe) or --kcat <file> (kcat -L -J)');
      }
      const environment = loadEnvironment(options.environments, options.env, dir);
      const result = runImport({ inputs, environment, domainPattern: options.domainPattern, owner: options.owner });
      if ('error' in result) throw new UsageError(result.error);
      process.stdout.write(result.summary);

      const outDir = resolve(dir, options.outDir);
      const targets = result.files.map((f) => ({ ...f, target: join(outDir, f.path) }));
      const existing = targets.filter((t) => existsSync(t.target));
      if (options.dryRun) {
        process.stdout.write(`\ndry run: would write ${targets.map((t) => `${t.path}${existsSync(t.target) ? ' (exists)' : ''}`).join(', ')}\n`);
        return;
      }
      if (existing.length > 0 && !options.force) {
        throw new UsageError(`${existing.map((t) => t.path).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite)`);
      }
      const written = targets.filter((t) => writeFileAtomic(t.target, t.content)).map((t) => t.path);
      process.stdout.write(`\nwrote ${written.length === 0 ? 'nothing (every file was up to date)' : written.join(', ')}\n`);
      process.stdout.write(`next: review the files, add importedDomains to topics/index.ts, pass adopted/${result.plan.environment}.json as KafkaStackProps.adopt, then terraform plan: it must show only imports\n`);
      // Errors in the summary name what stays on the cluster unmanaged; the import itself succeeded.
      setExitCode(0);
    });
}
