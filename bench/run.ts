/**
 * `npm run bench`: topicform's synth, lint and review at 100 / 1,000 / 10,000 topics, next to plain cdktf
 * synthesizing exactly the same resources with the same process settings, in the same run (DESIGN.md, "Performance
 * and reliability targets"). Prints a Markdown table and the target checks, or JSON with `--json`.
 *
 * First, not measured: the package is built (`npm run build`, into dist/), and every topicform synth loads topicform's
 * compiled JavaScript from it, as a repository that installed topicform does, while plain cdktf loads cdktf's compiled
 * JavaScript from node_modules; the benchmark apps (bench/apps/) go through tsx on both sides. `--from-sources` loads
 * the repository's TypeScript sources through tsx instead, as `npm run synth` in this repository does.
 *
 * Per size, in a temporary directory:
 * 1. Preparation, not measured: a topicform synth of the spec (bench/spec.ts); its stacks become the baseline's input
 *    (bench/outputs.ts). Before it, one process imports every module of every mode, so tsx's on-disk transform cache
 *    is filled and no measured run of either side pays for compiling TypeScript.
 * 2. Synth, measured: `repeat` runs of each side as a whole process, start included (bench/cli-process.ts): topicform
 *    as `topicform synth --app <app>` (the package's bin, loading the benchmark's declarations as a user's app), the
 *    same with `--no-artifacts` (stacks and manifest only, as the pull-request workflows run it; shown, not judged),
 *    plain cdktf as its app (bench/child.ts baseline); interleaved, rotating which side goes first, each into a fresh
 *    output directory. The first baseline output must equal topicform's —
 *    every stack's Terraform JSON except cdktf's "//" metadata — or the bench aborts. Every topicform output is
 *    compared byte for byte with the preparation's.
 * 3. Lint: `repeat` processes that build the same construct tree (from the sources) and time `resolve()` and `lint()`
 *    (each its first, cold call), as a share of the median topicform synth: lint alone, and with resolve() (judged).
 * 4. Review: a head with 1 % of the topics changed is synthesized (not measured); then `repeat` interleaved rounds of
 *    processes time the review of base → head and `JSON.parse` of the same files, both from text already read:
 *    keeping the parsed values (as review keeps both outputs), and, as the stricter reference that the target is
 *    judged against, dropping each at once.
 *
 * No output is deleted before the whole run is over: on a filesystem like this VM's (ext4 without a journal), creating
 * a file scans the inodes deleted in the last one to six minutes (the kernel's `recently_deleted`), so right after
 * 42,000 files were deleted each new file cost ~300 µs of kernel time instead of ~30 µs. Deleting one run's output
 * before the next would make the bench, not the code, slow whichever side writes more files. A 10,000-topic size
 * keeps ~3.5 GB until the end.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_ACL_MODES } from './acl-modes';
import { measureBaselineSynth, measureCliSynth, writeCliApp } from './cli-process';
import { measure, NODE_FLAGS, type Measurement, type RunOptions } from './measure';
import { baselineData, compareOutputs, countResources, outputSize } from './outputs';
import { checks, markdown, median, series, type ReportContext, type SideResult, type SizeResult } from './report';
import { benchSpec, changeSpec, type BenchSpec } from './spec';
import { terraformMain } from './terraform-run';
import { build, DIST } from '../scripts/build';
import type { ChildResult } from './child';

export const DEFAULT_SIZES = [100, 1_000, 10_000] as const;
export const QUICK_SIZES = [100, 1_000] as const;
export const DEFAULT_REPEAT = 3;
/** The share of topics a pull request changes in the review benchmark. */
export const CHANGE_FRACTION = 0.01;

const HELP = `Usage: npm run bench -- [options]

Synth, lint and review of a synthetic organisation (each topic: a producer, two consumer groups with their
dead-letter topics, their ACLs; ⌈N/150⌉ domain stacks), next to plain cdktf synthesizing the same resources;
topicform synth is timed in full (judged) and with --no-artifacts (stacks and manifest only, shown beside it).

Options:
  --sizes <n,n,…>   topic counts (default ${DEFAULT_SIZES.join(',')})
  --quick           sizes ${QUICK_SIZES.join(',')} only
  --repeat <n>      measured runs per side and size; medians are reported (default ${DEFAULT_REPEAT}, at least 3 for the README)
  --json            print JSON instead of the Markdown table
  --keep            keep the temporary directory (its path goes to stderr); without it, it is deleted at the
                    end of the run, never between measurements (a deletion would slow the next run's file writes)
  --no-source-maps  process.setSourceMapsEnabled(false) in bench/child.ts's processes (plain cdktf, lint,
                    review); topicform synth runs as its CLI does, which turns them on for the user's files
  --from-sources    topicform from the repository's TypeScript sources through tsx (as npm run synth here), not
                    from the package built into dist/ (as a repository that installed topicform loads it)
  -h, --help        this help

  --pr-path, --terraform-cost: opt-in sections that run terraform against the provider double (npm run bench --
  --pr-path --help)
`;

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly json: boolean;
  readonly keep: boolean;
  /** Source maps off in every measured process (a process setting: both sides). */
  readonly noSourceMaps: boolean;
  /** topicform from the TypeScript sources instead of the built package. */
  readonly fromSources: boolean;
}

/** Parses the command line; a string is a usage error (or the help text, for --help). */
export function parseOptions(argv: readonly string[]): BenchOptions | { readonly help: string } | { readonly error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        sizes: { type: 'string' },
        quick: { type: 'boolean', default: false },
        repeat: { type: 'string' },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        'no-source-maps': { type: 'boolean', default: false },
        'from-sources': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const v = parsed.values;
  if (v.help === true) return { help: HELP };
  if (v.quick === true && v.sizes !== undefined) return { error: 'give --quick or --sizes, not both' };
  const sizes =
    v.sizes === undefined ? [...(v.quick === true ? QUICK_SIZES : DEFAULT_SIZES)] : v.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    return { error: `--sizes takes positive integers separated by commas, got "${v.sizes}"` };
  }
  const repeat = v.repeat === undefined ? DEFAULT_REPEAT : Number(v.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) return { error: `--repeat takes a positive integer, got "${v.repeat}"` };
  return { sizes, repeat, json: v.json === true, keep: v.keep === true, noSourceMaps: v['no-source-maps'] === true, fromSources: v['from-sources'] === true };
}

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** Every file under `dir`, relative, sorted. */
function files(dir: string, under = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path, under) : [relative(under, path)];
    });
}

/** Whether two output directories hold the same files with the same bytes. */
export function sameTree(a: string, b: string): boolean {
  const list = files(a);
  if (list.join('\n') !== files(b).join('\n')) return false;
  return list.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/** One measured synth process; `child` only where the process is bench/child.ts (plain cdktf), which marks its phases. */
interface SynthRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssKiB: number;
  readonly child?: ChildResult;
}

function side(runs: readonly SynthRun[]): SideResult {
  return {
    wallMs: series(runs.map((r) => r.wallMs)),
    cpuMs: series(runs.map((r) => r.cpuMs)),
    peakRssMiB: series(runs.map((r) => r.peakRssKiB / 1024)),
    loadedMs: median(runs.map((r) => r.child?.marks.loaded ?? Number.NaN)),
    loadedRssMiB: median(runs.map((r) => (r.child?.rssAtMarks.loaded ?? Number.NaN) / 1024)),
  };
}

const timing = (m: Measurement, name: string): number => m.child.timings[name] ?? Number.NaN;

function describe(m: SynthRun): string {
  return `${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(m.peakRssKiB / 1024)} MiB`;
}

function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/**
 * Benchmarks one size in a new folder below `root`, leaving every file there (the caller deletes `root` at the end).
 * topicform runs from `packageDir` (the built package), or from the sources when it is undefined.
 */
export async function benchSize(
  topics: number,
  options: Pick<BenchOptions, 'repeat' | 'noSourceMaps'>,
  root: string,
  packageDir?: string,
): Promise<SizeResult> {
  const { repeat } = options;
  const topicformArgs = (spec: string, out: string): string[] => (packageDir === undefined ? [spec, out] : [spec, out, packageDir]);
  // Every measured process gets the same settings: this environment, NODE_FLAGS, the repository root as cwd.
  const settings: RunOptions = { env: options.noSourceMaps ? { BENCH_SOURCE_MAPS: 'off' } : {} };
  const dir = mkdtempSync(join(root, `${topics}-`));
  const tag = `[${topics.toLocaleString('en-US')}]`;
  const spec: BenchSpec = benchSpec(topics);
  const head = changeSpec(spec, CHANGE_FRACTION);
  const specFile = writeJson(join(dir, 'spec.json'), spec);
  const headFile = writeJson(join(dir, 'head-spec.json'), head.spec);

  // The user's repository: an app module `topicform synth --app` loads (bench/cli-process.ts).
  const appDir = join(dir, 'app');
  mkdirSync(appDir);
  writeCliApp(appDir, specFile, packageDir);

  // 1. Preparation.
  const base = join(dir, 'base.out');
  progress(`${tag} preparing: topicform synth → baseline input`);
  await measure('load', [], settings);
  await measureCliSynth(appDir, base, packageDir, settings);
  const baselineFile = writeJson(join(dir, 'baseline.json'), baselineData(base));

  // 2. Synth, interleaved, each side its whole process as a user starts it: `topicform synth` (the package's bin), the
  // same without artifacts (what the pull-request workflows run) and plain cdktf's app; the order rotates every round,
  // so no side always runs right after another's file writes. The first baseline output is checked against
  // topicform's before anything else counts.
  const sides = ['topicform', 'stacksOnly', 'baseline'] as const;
  const runs: Record<(typeof sides)[number], SynthRun[]> = { topicform: [], stacksOnly: [], baseline: [] };
  let deterministic = true;
  for (let r = 0; r < repeat; r++) {
    for (const which of sides.map((_, i) => sides[(i + r) % sides.length] as (typeof sides)[number])) {
      const out = join(dir, `${which}-${r}.out`);
      const resultFile = join(dir, `${which}-${r}.result.json`);
      const m: SynthRun =
        which === 'baseline'
          ? {
              ...(await measureBaselineSynth(baselineFile, out, resultFile, settings)),
              child: JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult,
            }
          : await measureCliSynth(appDir, out, packageDir, settings, which === 'stacksOnly' ? ['--no-artifacts'] : []);
      runs[which].push(m);
      if (which === 'topicform' && !sameTree(base, out)) deterministic = false;
      if (which === 'stacksOnly' && !sameTree(join(base, 'stacks'), join(out, 'stacks'))) deterministic = false;
      if (which === 'baseline' && runs.baseline.length === 1) {
        const equivalence = compareOutputs(base, out);
        if (!equivalence.equal) {
          throw new Error(`${tag} the baseline does not synthesize the same resources as topicform:\n  ${equivalence.problems.join('\n  ')}`);
        }
        progress(
          `${tag} equivalent: ${equivalence.stacks} stacks, ${equivalence.resources.toLocaleString('en-US')} resources, same Terraform JSON on both sides`,
        );
      }
      progress(`${tag} ${which === 'stacksOnly' ? 'topicform --no-artifacts' : which} ${r + 1}/${repeat}: ${describe(m)}`);
    }
  }
  const topicform = side(runs.topicform);
  const stacksOnly = side(runs.stacksOnly);
  const baseline = side(runs.baseline);

  // 3. Lint.
  const lints: Measurement[] = [];
  for (let r = 0; r < repeat; r++) {
    const scratch = join(dir, `lint-${r}`);
    mkdirSync(scratch);
    lints.push(await measure('lint', [specFile, scratch], settings));
    progress(
      `${tag} lint ${r + 1}/${repeat}: ${Math.round(timing(lints[r] as Measurement, 'lint'))} ms (resolve ${Math.round(timing(lints[r] as Measurement, 'resolve'))} ms)`,
    );
  }
  const lintMs = series(lints.map((m) => timing(m, 'lint')));
  const lintWithResolveMs = series(lints.map((m) => timing(m, 'lint') + timing(m, 'resolve')));

  // 3b. Resources per topic in each ACL pattern mode (counted from the resolved Topology, not synthesized or timed).
  const modesScratch = join(dir, 'acl-modes');
  mkdirSync(modesScratch);
  const modeInfo = (await measure('acl-modes', [specFile, modesScratch], settings)).child.info;
  const byAclMode = Object.fromEntries(
    BENCH_ACL_MODES.map((mode) => [
      mode,
      { total: Number(modeInfo[`${mode}Total`]), acls: Number(modeInfo[`${mode}Acls`]), perTopic: Number(modeInfo[`${mode}PerTopic`]) },
    ]),
  ) as NonNullable<SizeResult['resources']['byAclMode']>;
  progress(`${tag} ACL modes: literal ${byAclMode.literal.total} resources, prefixed ${byAclMode.prefixed.total}`);

  // 4. Review.
  const headOut = join(dir, 'head.out');
  progress(`${tag} synthesizing the head (${head.changed} topics changed)`);
  await measure('topicform', topicformArgs(headFile, headOut), settings);
  const runsOf: Record<'review' | 'parse' | 'parse-discard', Measurement[]> = { review: [], parse: [], 'parse-discard': [] };
  for (let r = 0; r < repeat; r++) {
    const order = r % 2 === 0 ? (['review', 'parse', 'parse-discard'] as const) : (['parse-discard', 'parse', 'review'] as const);
    for (const which of order) {
      const m = await measure(which, [base, headOut], settings);
      runsOf[which].push(m);
      progress(`${tag} ${which} ${r + 1}/${repeat}: ${Math.round(timing(m, which === 'review' ? 'review' : 'parse'))} ms`);
    }
  }
  const reviews = runsOf.review;
  const parses = runsOf.parse;
  const reviewMs = series(reviews.map((m) => timing(m, 'review')));
  const parseMs = series(parses.map((m) => timing(m, 'parse')));
  const parseDiscardMs = series(runsOf['parse-discard'].map((m) => timing(m, 'parse')));

  const counts = [...countResources(base)];
  const total = counts.reduce((n, [, c]) => n + c.total, 0);
  if (byAclMode.literal.total !== total) {
    throw new Error(`${tag} the literal ACL mode counts ${byAclMode.literal.total} resources, the synthesized output has ${total} (model/stack-resources.ts)`);
  }
  const largest = counts.reduce((a, b) => (b[1].total > a[1].total ? b : a));
  return {
    topics,
    stacks: counts.length,
    output: outputSize(base),
    resources: {
      total,
      topics: counts.reduce((n, [, c]) => n + c.topics, 0),
      acls: counts.reduce((n, [, c]) => n + c.acls, 0),
      perTopic: total / topics,
      perStack: total / counts.length,
      largestStack: { name: largest[0], resources: largest[1].total },
      byAclMode,
    },
    synth: {
      topicform,
      baseline,
      wallRatio: topicform.wallMs.median / baseline.wallMs.median,
      cpuRatio: topicform.cpuMs.median / baseline.cpuMs.median,
      rssRatio: topicform.peakRssMiB.median / baseline.peakRssMiB.median,
      stacksOnly,
      stacksOnlyWallRatio: stacksOnly.wallMs.median / baseline.wallMs.median,
      stacksOnlyCpuRatio: stacksOnly.cpuMs.median / baseline.cpuMs.median,
      deterministic,
    },
    lint: {
      lintMs,
      resolveMs: series(lints.map((m) => timing(m, 'resolve'))),
      lintWithResolveMs,
      share: lintMs.median / topicform.wallMs.median,
      shareWithResolve: lintWithResolveMs.median / topicform.wallMs.median,
      findings: Number(lints[0]?.child.info.findings ?? 0),
    },
    review: {
      changedTopics: head.changed,
      reviewMs,
      parseMs,
      parseDiscardMs,
      ratio: reviewMs.median / parseMs.median,
      strictRatio: reviewMs.median / parseDiscardMs.median,
      findings: Number(reviews[0]?.child.info.findings ?? 0),
      bytes: Number(parses[0]?.child.info.bytes ?? 0),
    },
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  // The opt-in terraform sections (a pull request end to end, terraform's cost per stack) have options of their own.
  if (argv.includes('--pr-path') || argv.includes('--terraform-cost')) return terraformMain(argv, progress);
  const options = parseOptions(argv);
  if ('help' in options) {
    process.stdout.write(options.help);
    return 0;
  }
  if ('error' in options) {
    process.stderr.write(`bench: ${options.error}\n\n${HELP}`);
    return 1;
  }
  const started = Date.now();
  const cpuList = cpus();
  const context: Omit<ReportContext, 'totalSeconds'> = {
    node: process.version,
    cpus: `${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}`,
    repeat: options.repeat,
    nodeFlags: options.noSourceMaps ? [...NODE_FLAGS, '(source maps off)'] : NODE_FLAGS,
    topicform: options.fromSources ? 'sources' : 'package',
    loadAverage: loadavg(),
  };
  const results: SizeResult[] = [];
  const root = mkdtempSync(join(tmpdir(), 'topicform-bench-'));
  if (options.keep) progress(`working in ${root}`);
  try {
    let packageDir: string | undefined;
    if (!options.fromSources) {
      progress('building the package (npm run build) into dist/; topicform runs from it');
      build(progress);
      packageDir = DIST;
    }
    for (const size of options.sizes) results.push(await benchSize(size, options, root, packageDir));
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
  const full: ReportContext = { ...context, totalSeconds: (Date.now() - started) / 1000 };
  process.stdout.write(options.json ? `${JSON.stringify({ context: full, results, checks: checks(results) }, null, 2)}\n` : markdown(results, full));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => void (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
