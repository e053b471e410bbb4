/**
 * One measured process of the benchmark. `bench/run.ts` starts it as
 *
 *   node --import tsx bench/child.ts <mode> --result <file> <args…>
 *
 * with the same node flags, loader, working directory and environment for every mode, and measures its wall time
 * from the outside (start included). Inside, it records what only it can see and writes it to `--result` when the
 * process exits: phase times (ms since the process started, `performance.now()`), peak RSS (`VmHWM` of
 * /proc/self/status and `process.resourceUsage().maxRSS`) and CPU time.
 *
 * Modes (each imports only what it needs, so the baseline process never loads topicform):
 * - `topicform <spec.json> <outdir> [<package dir>]`: the real pipeline, `synthesize()` of cli/synth.ts (validate,
 *   lint, synth, canonical atomic write). With a package directory (the built package, `npm run build`'s dist/),
 *   topicform's compiled JavaScript is loaded from it, as a repository that installed topicform loads it; without,
 *   the repository's TypeScript sources through tsx, as `npm run synth` here loads them.
 * - `stacks <spec.json> <outdir> [<package dir>]`: the same with `artifacts: false`, as `topicform synth --no-artifacts`
 *   (a pull request's CI) runs it: validated and linted the same, only the stacks and the manifest written.
 * - `baseline <baseline.json> <outdir>`: plain cdktf, the same resources, `app.synth()`.
 * - `lint <spec.json>`: builds the construct tree, then times the two calls `resolveRoot` (constructs/declaration-root.ts)
 *   makes before rendering: `resolve()` and `lint()`, each its first (cold) call in the process, as inside synth.
 * - `review <base> <head>`: reads both outputs' files (timed apart), then times review as `topicform review` runs it:
 *   `parseOutput` of both, `review()`, and the Markdown report.
 * - `parse <base> <head>`: reads the same files, then times `JSON.parse` of each of them, keeping the parsed values (review
 *   keeps both outputs in memory too).
 * - `parse-discard <base> <head>`: the same, dropping each parsed value at once (the stricter reference).
 * - `load`: imports every module the other modes import, and exits (fills tsx's transform cache; never measured).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BaselineData } from './outputs';
import type { BenchSpec } from './spec';
import type { TopicformLibrary } from './apps/source-library';
import type * as SynthModule from '../cli/synth';

export const CHILD_MODES = ['topicform', 'stacks', 'baseline', 'lint', 'acl-modes', 'review', 'parse', 'parse-discard', 'load'] as const;
export type ChildMode = (typeof CHILD_MODES)[number];

export interface ChildResult {
  readonly mode: ChildMode;
  /** Milliseconds since the process started at which each phase ended, in order. */
  readonly marks: Readonly<Record<string, number>>;
  /** RSS when each phase ended, KiB. */
  readonly rssAtMarks: Readonly<Record<string, number>>;
  /** Durations of the measured work, ms. */
  readonly timings: Readonly<Record<string, number>>;
  /** CPU time of the same work, ms (this process, all its threads). */
  readonly cpuTimings: Readonly<Record<string, number>>;
  readonly vmHwmKiB: number;
  readonly maxRssKiB: number;
  /** CPU time (user + system) of the whole process and the children it waited for, ms. */
  readonly cpuMs: number;
  readonly info: Readonly<Record<string, string | number | boolean>>;
}

const marks: Record<string, number> = {};
const rssAtMarks: Record<string, number> = {};
const timings: Record<string, number> = {};
const cpuTimings: Record<string, number> = {};
const info: Record<string, string | number | boolean> = {};
const mark = (name: string): void => {
  marks[name] = performance.now();
  rssAtMarks[name] = process.memoryUsage.rss() / 1024;
};

/** Runs `work`, adding its wall time to `timings[name]` and its CPU time (this process, all threads) to `cpuTimings`. */
function time<T>(name: string, work: () => T): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  timings[name] = (timings[name] ?? 0) + performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuTimings[name] = (cpuTimings[name] ?? 0) + (used.user + used.system) / 1000;
  return result;
}

/** CPU time of this process and of the children it waited for (utime, stime, cutime, cstime of /proc/self/stat), ms. */
function treeCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14–17 of proc(5), counted from 1; the slice starts at field 3.
    const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i] ?? 0), 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** USER_HZ on Linux (sysconf(_SC_CLK_TCK)); 100 on every mainstream kernel configuration. */
const CLOCK_TICKS_PER_SECOND = 100;

function vmHwmKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

interface OutputFiles {
  readonly stack: string;
  readonly terraform: { readonly file: string; readonly text: string };
  readonly topology: { readonly file: string; readonly text: string };
}

/** Every stack's two files, as `topicform review` reads them (cli/commands/review.ts, readOutput). */
function readOutputFiles(dir: string, label: string): OutputFiles[] {
  const stacks = join(dir, 'stacks');
  return readdirSync(stacks)
    .sort()
    .map((stack) => ({
      stack,
      terraform: { file: `${label}/stacks/${stack}/cdk.tf.json`, text: readFileSync(join(stacks, stack, 'cdk.tf.json'), 'utf8') },
      topology: { file: `${label}/stacks/${stack}/topology.json`, text: readFileSync(join(stacks, stack, 'topology.json'), 'utf8') },
    }));
}

/** The benchmark app's constructs from the built package (`npm run build`'s dist/): its compiled JavaScript only. */
async function packageLibrary(dir: string): Promise<TopicformLibrary> {
  const [constructs, cdktf] = (await Promise.all([import(join(dir, 'constructs', 'index.js')), import(join(dir, 'constructs', 'cdktf.js'))])) as [
    Omit<TopicformLibrary, 'App'>,
    Pick<TopicformLibrary, 'App'>,
  ];
  return { ...constructs, App: cdktf.App };
}

async function main(mode: ChildMode, args: readonly string[]): Promise<void> {
  const arg = (i: number): string => {
    const value = args[i];
    if (value === undefined) throw new Error(`${mode}: missing argument ${i + 1}`);
    return value;
  };
  switch (mode) {
    case 'topicform':
    case 'stacks': {
      const packageDir = args[2];
      const [{ synthesize }, lib, { topicformApp }] = await Promise.all([
        (packageDir === undefined ? import('../cli/synth') : import(join(packageDir, 'cli', 'synth.js'))) as Promise<typeof SynthModule>,
        packageDir === undefined ? import('./apps/source-library').then((m) => m.SOURCE_LIBRARY) : packageLibrary(packageDir),
        import('./apps/topicform-app'),
      ]);
      mark('loaded');
      info.library = packageDir === undefined ? 'sources' : 'package';
      const spec = JSON.parse(readFileSync(arg(0), 'utf8')) as BenchSpec;
      const result = time('synth', () => synthesize(topicformApp(spec, lib), arg(1), mode === 'stacks' ? { artifacts: false } : {}));
      mark('synthesized');
      if (!result.ok) throw new Error(`topicform synth failed:\n${result.errors.join('\n')}`);
      info.stacks = result.stacks.length;
      info.warnings = result.warnings.length;
      return;
    }
    case 'baseline': {
      const { baselineApp } = await import('./apps/baseline-app');
      mark('loaded');
      const data = JSON.parse(readFileSync(arg(0), 'utf8')) as BaselineData;
      const app = time('build', () => baselineApp(data, arg(1)));
      mark('built');
      time('synth', () => app.synth());
      mark('synthesized');
      return;
    }
    case 'lint': {
      const [{ SOURCE_LIBRARY }, { declareDomain }, { isDeclaration }, { resolve }, { lint }] = await Promise.all([
        import('./apps/source-library'),
        import('./apps/topicform-app'),
        import('../constructs/declaration'),
        import('../model/resolve'),
        import('../rules/run'),
      ]);
      mark('loaded');
      const spec = JSON.parse(readFileSync(arg(0), 'utf8')) as BenchSpec;
      const app = new SOURCE_LIBRARY.App({ outdir: arg(1), stackTraces: false });
      const environment = new SOURCE_LIBRARY.KafkaEnvironment(app, spec.environment.name, { environment: spec.environment });
      for (const domain of spec.domains) declareDomain(environment, domain, SOURCE_LIBRARY);
      mark('declared');
      // What resolveRoot does before rendering, split so that lint is timed alone.
      const declarations = time('collect', () => environment.node.findAll().filter(isDeclaration));
      const of = (kind: string): Array<Record<string, unknown>> => declarations.filter((d) => d.declarationKind === kind).map((d) => d.toDeclaration());
      const collected = time('collect', () => ({
        domains: of('domain'),
        topics: of('topic'),
        consumerGroups: of('consumerGroup'),
        producers: of('producer'),
        legacyAcls: of('legacyAcl'),
      }));
      const resolved = time('resolve', () => resolve(collected, spec.environment));
      if (resolved.topology === null) throw new Error(`declarations do not resolve: ${resolved.issues.map((i) => i.message).join('; ')}`);
      const topology = resolved.topology;
      const findings = time('lint', () => lint(topology));
      mark('linted');
      info.findings = findings.length;
      info.topics = topology.topics.length;
      info.acls = topology.acls.length;
      return;
    }
    case 'review': {
      const [{ parseOutput }, { review }, { renderMarkdown }] = await Promise.all([
        import('../review/parse'),
        import('../review/review'),
        import('../review/render/markdown'),
      ]);
      mark('loaded');
      const base = time('read', () => readOutputFiles(arg(0), 'base'));
      const head = time('read', () => readOutputFiles(arg(1), 'head'));
      mark('read');
      const result = time('review', () => review({ base: parseOutput('base', base), head: parseOutput('head', head) }));
      const report = time('review', () => renderMarkdown(result));
      mark('reviewed');
      info.findings = result.findings.length;
      info.blocking = result.summary.blocking;
      info.warn = result.summary.WARN;
      info.reportChars = report.length;
      return;
    }
    case 'parse': {
      mark('loaded');
      const files = time('read', () =>
        [...readOutputFiles(arg(0), 'base'), ...readOutputFiles(arg(1), 'head')].flatMap((s) => [s.terraform.text, s.topology.text]),
      );
      mark('read');
      // The parsed outputs are kept until the end, as review keeps both outputs in memory to compare them.
      const parsed = time('parse', () => files.map((text) => JSON.parse(text) as unknown));
      mark('parsed');
      info.files = files.length;
      info.bytes = files.reduce((n, t) => n + t.length, 0);
      info.values = parsed.length;
      return;
    }
    case 'acl-modes': {
      // The spec's declarations resolved in each ACL pattern mode and counted (bench/acl-modes.ts): not timed.
      const [{ SOURCE_LIBRARY }, { declareDomain }, { isDeclaration }, { resolve }, { BENCH_ACL_MODES, modeResources }] = await Promise.all([
        import('./apps/source-library'),
        import('./apps/topicform-app'),
        import('../constructs/declaration'),
        import('../model/resolve'),
        import('./acl-modes'),
      ]);
      const spec = JSON.parse(readFileSync(arg(0), 'utf8')) as BenchSpec;
      const app = new SOURCE_LIBRARY.App({ outdir: arg(1), stackTraces: false });
      const environment = new SOURCE_LIBRARY.KafkaEnvironment(app, spec.environment.name, { environment: spec.environment });
      for (const domain of spec.domains) declareDomain(environment, domain, SOURCE_LIBRARY);
      const declarations = environment.node.findAll().filter(isDeclaration);
      const of = (kind: string): Array<Record<string, unknown>> => declarations.filter((d) => d.declarationKind === kind).map((d) => d.toDeclaration());
      const collected = {
        domains: of('domain'),
        topics: of('topic'),
        consumerGroups: of('consumerGroup'),
        producers: of('producer'),
        legacyAcls: of('legacyAcl'),
      };
      for (const patterns of BENCH_ACL_MODES) {
        const resolved = resolve(collected, { ...spec.environment, acl: { patterns } });
        if (resolved.topology === null) {
          throw new Error(`declarations do not resolve in ACL mode ${patterns}: ${resolved.issues.map((i) => i.message).join('; ')}`);
        }
        const counted = modeResources(resolved.topology, spec.environment.layout ?? 'environment');
        info[`${patterns}Total`] = counted.total;
        info[`${patterns}Acls`] = counted.acls;
        info[`${patterns}PerTopic`] = counted.perTopic;
      }
      return;
    }
    case 'load': {
      await Promise.all([
        import('../cli/synth'),
        import('./apps/topicform-app'),
        import('./apps/baseline-app'),
        import('../review/parse'),
        import('../review/review'),
        import('../review/render/markdown'),
        import('../rules/run'),
      ]);
      mark('loaded');
      return;
    }
    case 'parse-discard': {
      mark('loaded');
      const files = time('read', () =>
        [...readOutputFiles(arg(0), 'base'), ...readOutputFiles(arg(1), 'head')].flatMap((s) => [s.terraform.text, s.topology.text]),
      );
      mark('read');
      // Each value is dropped right away: JSON.parse's own cost, without the garbage collector keeping both outputs.
      let keys = 0;
      time('parse', () => {
        for (const text of files) keys += Object.keys(JSON.parse(text) as object).length;
      });
      mark('parsed');
      info.keys = keys;
      return;
    }
  }
}

function run(argv: readonly string[]): void {
  // A process setting, so both sides get it or neither (bench/run.ts --no-source-maps): tsx turns source maps on when
  // it registers, which makes every formatted stack trace map each frame.
  if (process.env.BENCH_SOURCE_MAPS === 'off') process.setSourceMapsEnabled(false);
  const [mode, flag, resultFile, ...args] = argv;
  if (!CHILD_MODES.includes(mode as ChildMode) || flag !== '--result' || resultFile === undefined) {
    process.stderr.write(`usage: node --import tsx bench/child.ts <${CHILD_MODES.join('|')}> --result <file> <args…>\n`);
    process.exitCode = 2;
    return;
  }
  process.on('exit', () => {
    const result: ChildResult = {
      mode: mode as ChildMode,
      marks,
      rssAtMarks,
      timings,
      cpuTimings,
      vmHwmKiB: vmHwmKiB(),
      maxRssKiB: process.resourceUsage().maxRSS,
      cpuMs: treeCpuMs(),
      info,
    };
    writeFileSync(resultFile, JSON.stringify(result));
  });
  main(mode as ChildMode, args).then(
    () => mark('done'),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
