// `npm run mutation`: mutation testing of the pure layers with StrykerJS and its vitest runner, one folder at a time
// and one mutant at a time (stryker.config.mjs), each folder against the in-process tests that exercise it
// (vitest.mutation.config.mts). Never part of `npm test`. Prints the score per folder; docs/testing.md records them.
//
//   npm run mutation                      # every folder, in the order below
//   npm run mutation -- model rules       # only these
//   npm run mutation -- --list            # the folders, what each mutates and which tests it runs
//   npm run mutation -- rules --mutate 'rules/key/*.ts' --tests test/rules/key.test.ts   # part of one folder
//   npm run mutation -- --since origin/main   # only the files a branch changed, each against its folder's tests
//
// Reports: reports/mutation/<folder>/index.html and mutation.json (git-ignored); a scoped run (--mutate) writes to
// reports/mutation/<folder>/scoped/<globs>/ so it neither reuses nor overwrites the whole folder's incremental results.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');

export interface MutationTarget {
  /** Name on the command line and in the report folder. */
  readonly name: string;
  /** Globs of the files mutated. */
  readonly mutate: readonly string[];
  /** Globs of the test files run against them (in process only; see vitest.mutation.config.mts). */
  readonly tests: readonly string[];
}

/**
 * The folders measured, in the order the issue asks for. Each runs against the unit tests of its own layer: the score
 * says how much of the folder its own tests pin down (the layers above catch more, but through construct synth,
 * which would make every mutant of model/ cost seconds).
 */
export const MUTATION_TARGETS: readonly MutationTarget[] = [
  { name: 'model', mutate: ['model/**/*.ts'], tests: ['test/model/**/*.test.ts'] },
  // TF-CONTRACT-003/004 are tested with the contract checks they run (test/contracts/lint.test.ts), not under test/rules.
  { name: 'rules', mutate: ['rules/**/*.ts'], tests: ['test/rules/**/*.test.ts', 'test/contracts/lint.test.ts'] },
  { name: 'review-classify', mutate: ['review/classify.ts'], tests: ['test/review/**/*.test.ts'] },
  { name: 'contracts', mutate: ['contracts/**/*.ts'], tests: ['test/contracts/**/*.test.ts'] },
];

/** What Stryker reports per mutant (the fields this script reads). */
export interface MutantResult {
  readonly status: 'Killed' | 'Survived' | 'NoCoverage' | 'CompileError' | 'RuntimeError' | 'Timeout' | 'Ignored' | 'Pending';
  readonly fileName: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

export interface Score {
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly errors: number;
  readonly ignored: number;
  /** (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's mutation score; null with no mutant. */
  readonly score: number | null;
  /** The same over covered mutants only (no coverage left out). */
  readonly covered: number | null;
}

export function scoreOf(results: readonly Pick<MutantResult, 'status'>[]): Score {
  const count = (...statuses: MutantResult['status'][]): number => results.filter((r) => statuses.includes(r.status)).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  return {
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count('CompileError', 'RuntimeError'),
    ignored: count('Ignored'),
    score: detected + survived + noCoverage === 0 ? null : detected / (detected + survived + noCoverage),
    covered: detected + survived === 0 ? null : detected / (detected + survived),
  };
}

const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);

export function summaryTable(rows: ReadonlyArray<{ readonly target: MutationTarget; readonly score: Score; readonly minutes: number }>): string {
  return [
    '| folder | mutated | score | covered | killed | timeout | survived | no coverage | errors | ignored | minutes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ target, score: s, minutes }) =>
        `| ${target.name} | ${target.mutate.join(', ')} | ${percent(s.score)} | ${percent(s.covered)} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.errors} | ${s.ignored} | ${minutes.toFixed(1)} |`,
    ),
  ].join('\n');
}

/**
 * The surviving and uncovered mutants, one line each, for the review in docs/testing.md of what is left. Positions are
 * as Stryker reports them (its mutation-testing report schema): line and column both count from 1, as an editor does.
 */
export function survivors(results: readonly MutantResult[]): string[] {
  return results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map(
      (r) =>
        `${r.status === 'Survived' ? 'survived' : 'no coverage'} ${path.relative(ROOT, r.fileName)}:${r.location.start.line}:${r.location.start.column} ${r.mutatorName} → ${(r.replacement ?? '').replace(/\s+/g, ' ').slice(0, 120)}`,
    )
    .sort();
}

/** What one invocation runs: the folders (whole, or narrowed by --mutate/--tests) and how many mutants at a time. */
export interface MutationPlan {
  readonly targets: readonly MutationTarget[];
  /** Whether --mutate or --tests narrowed the one folder named (its reports then go to a scoped folder). */
  readonly scoped: boolean;
  readonly concurrency: number | undefined;
}

/** More than two mutants at a time would take both cores of the shared machine this runs on (stryker.config.mjs). */
const MAX_CONCURRENCY = 2;

export const USAGE = `Usage: npm run mutation -- [options] [${MUTATION_TARGETS.map((t) => t.name).join('|')} …]

Mutation testing (StrykerJS) of the pure layers, one folder after another; never part of npm test.

Options:
  --list               the folders, what each mutates and which tests it runs
  --mutate <glob>      mutate only these files of the one folder named (repeatable), e.g. 'model/credentials.ts'
  --tests <glob>       run only these test files against them (repeatable; default: the folder's tests)
  --since <ref>        mutate only the files of each folder that differ from this git ref (committed or not),
                       e.g. origin/main: a branch's change in minutes; a folder with none is skipped
  --concurrency <n>    mutants tested at once, 1 or ${MAX_CONCURRENCY} (default 1: the machine is shared)
  -h, --help           this text

A scoped run (--mutate, --tests or --since) reports to reports/mutation/<folder>/scoped/<globs>/ with its own
incremental file.
`;

/** Whether a repository path is one of a target's mutated files (each glob is one folder's TypeScript files, or one file). */
export function isMutatedBy(target: MutationTarget, file: string): boolean {
  return target.mutate.some((glob) =>
    /[*?{[]/.test(glob) ? file.startsWith(fixedPrefix(glob)) && file.endsWith('.ts') && !file.endsWith('.d.ts') : file === glob,
  );
}

/** The folder part a glob of the target must start with: its first mutate glob up to the first wildcard. */
const fixedPrefix = (glob: string): string => glob.split(/[*?{[]/, 1)[0] ?? '';

/** Reads the command line into a plan, or the errors that make it unusable (all of them, not the first). */
export function planOf(
  argv: readonly string[],
  /** The repository paths that differ from a ref (`--since`); git in the script, a list in tests. */
  changedSince: (ref: string) => readonly string[] = gitChangedSince,
): { plan: MutationPlan } | { errors: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        mutate: { type: 'string', multiple: true },
        tests: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        since: { type: 'string' },
      },
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];
  const unknown = positionals.filter((a) => !MUTATION_TARGETS.some((t) => t.name === a));
  if (unknown.length > 0) errors.push(`unknown folder(s): ${unknown.join(', ')}; choose from ${MUTATION_TARGETS.map((t) => t.name).join(', ')}`);
  const chosen = positionals.length === 0 ? MUTATION_TARGETS : MUTATION_TARGETS.filter((t) => positionals.includes(t.name));
  const mutate = values.mutate ?? [];
  const tests = values.tests ?? [];
  const scoped = mutate.length > 0 || tests.length > 0;
  if (scoped && positionals.length !== 1) errors.push('--mutate and --tests narrow one folder: name exactly one');
  if (scoped && values.since !== undefined) errors.push('--since chooses the files itself: give it without --mutate and --tests');
  const only = chosen.length === 1 ? chosen[0] : undefined;
  if (scoped && only !== undefined && positionals.length === 1) {
    const prefix = fixedPrefix(only.mutate[0] ?? '');
    for (const glob of mutate) if (!glob.startsWith(prefix)) errors.push(`--mutate ${glob} is outside ${only.name} (${only.mutate.join(', ')})`);
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      errors.push(`--concurrency ${values.concurrency}: give 1 or ${MAX_CONCURRENCY} (the machine is shared)`);
    }
  }
  if (errors.length > 0) return { errors };
  if (values.since !== undefined) {
    let changed: readonly string[];
    try {
      changed = changedSince(values.since);
    } catch (error) {
      return { errors: [`--since ${values.since}: ${error instanceof Error ? error.message : String(error)}`] };
    }
    const narrowed = chosen.map((t) => ({ ...t, mutate: changed.filter((f) => isMutatedBy(t, f)).sort() })).filter((t) => t.mutate.length > 0);
    return { plan: { targets: narrowed, scoped: true, concurrency } };
  }
  const targets =
    scoped && only !== undefined
      ? [{ name: only.name, mutate: mutate.length > 0 ? mutate : only.mutate, tests: tests.length > 0 ? tests : only.tests }]
      : chosen;
  return { plan: { targets, scoped, concurrency } };
}

/** Files that differ between `ref` and the working tree (committed, staged, edited or new), deleted ones left out. */
function gitChangedSince(ref: string): string[] {
  const git = (...args: string[]): string[] => {
    const run = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error((run.stderr || `git ${args[0] ?? ''} exited with ${String(run.status)}`).trim());
    return run.stdout.split('\n').filter((line) => line !== '');
  };
  return [...git('diff', '--name-only', '--diff-filter=d', ref, '--'), ...git('ls-files', '--others', '--exclude-standard')];
}

/** The report folder of a run: the folder's own, or for a scoped run one named after its globs. */
export function reportDirOf(target: MutationTarget, scoped: boolean): string {
  const base = path.join('reports', 'mutation', target.name);
  if (!scoped) return base;
  const slug = [...target.mutate, '--', ...target.tests]
    .join('_')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .slice(0, 120);
  return path.join(base, 'scoped', slug);
}

async function runTarget(target: MutationTarget, plan: MutationPlan): Promise<{ score: Score; minutes: number; survivors: string[] }> {
  const reportDir = path.join(ROOT, reportDirOf(target, plan.scoped));
  fs.mkdirSync(reportDir, { recursive: true });
  process.env.TOPICFORM_MUTATION_TESTS = JSON.stringify(target.tests);
  // @stryker-mutator/core is an ES module; loaded by name so this CommonJS script needs no type resolution for it.
  const core = '@stryker-mutator/core';
  const { Stryker } = (await import(core)) as { Stryker: new (options: Record<string, unknown>) => { runMutationTest(): Promise<MutantResult[]> } };
  const started = Date.now();
  const results = await new Stryker({
    configFile: path.join(ROOT, 'stryker.config.mjs'),
    mutate: [...target.mutate],
    ...(plan.concurrency === undefined ? {} : { concurrency: plan.concurrency }),
    htmlReporter: { fileName: path.join(reportDir, 'index.html') },
    // A re-run tests again only the mutants whose code or covering tests changed since the last run of this folder.
    incremental: true,
    incrementalFile: path.join(reportDir, 'stryker-incremental.json'),
    jsonReporter: { fileName: path.join(reportDir, 'mutation.json') },
  }).runMutationTest();
  const left = survivors(results);
  fs.writeFileSync(path.join(reportDir, 'survivors.txt'), left.length === 0 ? '' : `${left.join('\n')}\n`);
  return { score: scoreOf(results), minutes: (Date.now() - started) / 60_000, survivors: left };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.includes('--list')) {
    for (const t of MUTATION_TARGETS) process.stdout.write(`${t.name}: mutates ${t.mutate.join(', ')}; runs ${t.tests.join(', ')}\n`);
    return 0;
  }
  const read = planOf(argv);
  if ('errors' in read) {
    for (const error of read.errors) process.stderr.write(`${error}\n`);
    process.stderr.write('see npm run mutation -- --help\n');
    return 1;
  }
  const { plan } = read;
  if (plan.targets.length === 0) {
    process.stdout.write('nothing to mutate: no file of the folders named differs from that ref\n');
    return 0;
  }
  // Stryker runs the tests in a sandbox copy of the repository, where ../shared is not beside it: point at the real one.
  const shared = path.resolve(ROOT, '..', 'shared');
  if (process.env.TOPICFORM_SHARED_DIR === undefined && fs.existsSync(shared)) process.env.TOPICFORM_SHARED_DIR = shared;
  // A missing sample skips its tests here rather than failing the dry run.
  process.env.TOPICFORM_TEST_STRICT = '0';
  const rows: Array<{ target: MutationTarget; score: Score; minutes: number }> = [];
  for (const target of plan.targets) {
    process.stderr.write(`\n== mutation testing ${target.name}: ${target.mutate.join(', ')} against ${target.tests.join(', ')}\n`);
    const { score, minutes, survivors: left } = await runTarget(target, plan);
    rows.push({ target, score, minutes });
    process.stderr.write(
      `${target.name}: ${percent(score.score)} in ${minutes.toFixed(1)} min; ${left.length} mutant(s) left in ${reportDirOf(target, plan.scoped)}/survivors.txt\n`,
    );
  }
  process.stdout.write(`${summaryTable(rows)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => void (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`mutation testing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
