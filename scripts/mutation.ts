// `npm run mutation`: mutation testing of the pure layers with StrykerJS and its vitest runner, one folder at a time
// and one mutant at a time (stryker.config.mjs), each folder against the in-process tests that exercise it
// (vitest.mutation.config.mts). Never part of `npm test`. Prints the score per folder; docs/mutation.md records them.
//
//   npm run mutation                      # every folder, in the order below
//   npm run mutation -- model rules       # only these
//   npm run mutation -- --list            # the folders, what each mutates and which tests it runs
//
// Reports: reports/mutation/<folder>/index.html and mutation.json (git-ignored).
import fs from 'node:fs';
import path from 'node:path';

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
  { name: 'rules', mutate: ['rules/**/*.ts'], tests: ['test/rules/**/*.test.ts'] },
  { name: 'review-classify', mutate: ['review/classify.ts'], tests: ['test/review/**/*.test.ts'] },
  { name: 'contracts', mutate: ['contracts/**/*.ts'], tests: ['test/contracts/**/*.test.ts'] },
];

/** What Stryker reports per mutant (the fields this script reads). */
interface MutantResult {
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

/** The surviving and uncovered mutants, one line each, for docs/mutation.md's review of what is left. */
function survivors(results: readonly MutantResult[]): string[] {
  return results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map(
      (r) =>
        `${r.status === 'Survived' ? 'survived' : 'no coverage'} ${path.relative(ROOT, r.fileName)}:${r.location.start.line}:${r.location.start.column + 1} ${r.mutatorName} → ${(r.replacement ?? '').replace(/\s+/g, ' ').slice(0, 120)}`,
    )
    .sort();
}

async function runTarget(target: MutationTarget): Promise<{ score: Score; minutes: number; survivors: string[] }> {
  const reportDir = path.join(ROOT, 'reports', 'mutation', target.name);
  fs.mkdirSync(reportDir, { recursive: true });
  process.env.TOPICFORM_MUTATION_TESTS = target.tests.join(',');
  // @stryker-mutator/core is an ES module; loaded by name so this CommonJS script needs no type resolution for it.
  const core = '@stryker-mutator/core';
  const { Stryker } = (await import(core)) as { Stryker: new (options: Record<string, unknown>) => { runMutationTest(): Promise<MutantResult[]> } };
  const started = Date.now();
  const results = await new Stryker({
    configFile: path.join(ROOT, 'stryker.config.mjs'),
    mutate: [...target.mutate],
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
    process.stdout.write(`Usage: npm run mutation -- [--list] [${MUTATION_TARGETS.map((t) => t.name).join('|')} …]\n`);
    return 0;
  }
  if (argv.includes('--list')) {
    for (const t of MUTATION_TARGETS) process.stdout.write(`${t.name}: mutates ${t.mutate.join(', ')}; runs ${t.tests.join(', ')}\n`);
    return 0;
  }
  const unknown = argv.filter((a) => !MUTATION_TARGETS.some((t) => t.name === a));
  if (unknown.length > 0) {
    process.stderr.write(`unknown folder(s): ${unknown.join(', ')}; choose from ${MUTATION_TARGETS.map((t) => t.name).join(', ')}\n`);
    return 1;
  }
  const targets = argv.length === 0 ? MUTATION_TARGETS : MUTATION_TARGETS.filter((t) => argv.includes(t.name));
  // Stryker runs the tests in a sandbox copy of the repository, where ../shared is not beside it: point at the real one.
  const shared = path.resolve(ROOT, '..', 'shared');
  if (process.env.TOPICFORM_SHARED_DIR === undefined && fs.existsSync(shared)) process.env.TOPICFORM_SHARED_DIR = shared;
  // A missing sample skips its tests here rather than failing the dry run.
  process.env.TOPICFORM_TEST_STRICT = '0';
  const rows: Array<{ target: MutationTarget; score: Score; minutes: number }> = [];
  for (const target of targets) {
    process.stderr.write(`\n== mutation testing ${target.name}: ${target.mutate.join(', ')}\n`);
    const { score, minutes, survivors: left } = await runTarget(target);
    rows.push({ target, score, minutes });
    process.stderr.write(
      `${target.name}: ${percent(score.score)} in ${minutes.toFixed(1)} min; ${left.length} mutant(s) left in reports/mutation/${target.name}/survivors.txt\n`,
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
