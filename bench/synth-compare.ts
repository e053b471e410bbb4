/**
 * Synth alone, before against after against plain cdktf: the whole `topicform synth` process of the built package
 * (dist/, built first) and, with `--before <dir>`, of another build of the package (a copy of dist/ from the code before
 * a change), interleaved with plain cdktf's whole process on the same resources, in one run. Every topicform output
 * must be byte-identical to the first (before and after alike), and plain cdktf's first output must hold the same
 * Terraform JSON (bench/outputs.ts compareOutputs), or the run aborts.
 *
 *   npx tsx bench/synth-compare.ts [--sizes 100,1000] [--repeat 5] [--before /tmp/before/dist] [--no-build]
 *
 * The order of the sides rotates every round, so no side always runs first after another's file writes. CPU time (user
 * + system of the whole process) is the figure to read on a shared machine; wall time is shown beside it, with the load
 * average at the start and end of each size. `npm run bench` measures the same two processes (without a before) along
 * with lint and review.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBaselineSynth, measureCliSynth, writeCliApp } from './cli-process';
import { measure, type CommandMeasurement } from './measure';
import { baselineData, compareOutputs } from './outputs';
import { series, type Series } from './report';
import { sameTree } from './run';
import { benchSpec } from './spec';
import { build, DIST } from '../scripts/build';

type SideName = 'before' | 'after' | 'cdktf';

const progress = (line: string): void => void process.stderr.write(`${line}\n`);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const secs = (ms: number): string => (ms / 1000).toFixed(2);
const range = (s: Series): string => `${secs(s.median)} s (${secs(s.min)}–${secs(s.max)})`;

async function compareSize(topics: number, repeat: number, root: string, before: string | undefined): Promise<string[]> {
  const tag = `[${topics.toLocaleString('en-US')}]`;
  const dir = mkdtempSync(join(root, `${topics}-`));
  const specFile = join(dir, 'spec.json');
  writeFileSync(specFile, JSON.stringify(benchSpec(topics)));
  const apps: Partial<Record<SideName, { dir: string; pkg: string }>> = {};
  for (const [name, pkg] of [['after', DIST], ...(before === undefined ? [] : [['before', before]])] as Array<[SideName, string]>) {
    const appDir = join(dir, `${name}-app`);
    mkdirSync(appDir);
    writeCliApp(appDir, specFile, pkg);
    apps[name] = { dir: appDir, pkg };
  }
  const loadAtStart = load();

  // Preparation, not measured: tsx's transform cache filled, the reference output, the baseline's input.
  await measure('load', []);
  const base = join(dir, 'base.out');
  await measureCliSynth(apps.after?.dir ?? dir, base, DIST);
  if (apps.before !== undefined) {
    const first = join(dir, 'before-prep.out');
    await measureCliSynth(apps.before.dir, first, apps.before.pkg);
    if (!sameTree(base, first)) throw new Error(`${tag} the output of --before differs from the output of dist/: the change is not byte-identical`);
    progress(`${tag} before and after write byte-identical outputs`);
  }
  const baselineFile = join(dir, 'baseline.json');
  writeFileSync(baselineFile, JSON.stringify(baselineData(base)));

  const sides: SideName[] = [...(before === undefined ? [] : (['before'] as const)), 'after', 'cdktf'];
  const runs: Record<SideName, CommandMeasurement[]> = { before: [], after: [], cdktf: [] };
  for (let r = 0; r < repeat; r++) {
    const order = sides.map((_, i) => sides[(i + r) % sides.length] as SideName);
    for (const side of order) {
      const out = join(dir, `${side}-${r}.out`);
      const app = side === 'cdktf' ? undefined : apps[side];
      const m =
        app === undefined ? await measureBaselineSynth(baselineFile, out, join(dir, `cdktf-${r}.result.json`)) : await measureCliSynth(app.dir, out, app.pkg);
      runs[side].push(m);
      if (side === 'cdktf' && r === 0) {
        const equivalence = compareOutputs(base, out);
        if (!equivalence.equal) throw new Error(`${tag} plain cdktf does not write the same resources:\n  ${equivalence.problems.join('\n  ')}`);
        progress(`${tag} like for like: ${equivalence.stacks} stacks, ${equivalence.resources.toLocaleString('en-US')} resources, same Terraform JSON`);
      }
      if (side !== 'cdktf' && !sameTree(base, out)) throw new Error(`${tag} ${side} run ${r + 1} wrote an output that differs from the first`);
      progress(`${tag} ${side} ${r + 1}/${repeat}: ${secs(m.cpuMs)} s CPU, ${secs(m.wallMs)} s wall, ${Math.round(m.peakRssKiB / 1024)} MiB (load ${load()})`);
    }
  }
  const cdktf = {
    cpu: series(runs.cdktf.map((m) => m.cpuMs)),
    wall: series(runs.cdktf.map((m) => m.wallMs)),
    rss: series(runs.cdktf.map((m) => m.peakRssKiB / 1024)),
  };
  const rows: string[] = [];
  for (const side of sides) {
    const cpu = series(runs[side].map((m) => m.cpuMs));
    const wall = series(runs[side].map((m) => m.wallMs));
    const rss = series(runs[side].map((m) => m.peakRssKiB / 1024));
    const ratios =
      side === 'cdktf'
        ? '—'
        : `**${(cpu.median / cdktf.cpu.median).toFixed(2)}×** CPU, ${(wall.median / cdktf.wall.median).toFixed(2)}× wall, ${(rss.median / cdktf.rss.median).toFixed(2)}× RSS`;
    rows.push(
      `| ${topics.toLocaleString('en-US')} | ${side === 'cdktf' ? 'plain cdktf' : `topicform ${side}`} | ${repeat} | ${range(cpu)} | ${range(wall)} | ${Math.round(rss.median)} MiB | ${ratios} | ${loadAtStart} → ${load()} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000' },
      repeat: { type: 'string', default: '5' },
      before: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  const repeat = Number(values.repeat);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(repeat) || repeat < 1) {
    throw new Error('--sizes and --repeat take positive integers');
  }
  if (!values['no-build']) build(progress);
  const root = mkdtempSync(join(tmpdir(), 'topicform-synth-compare-'));
  if (values.keep) progress(`working in ${root}`);
  const rows: string[] = [];
  try {
    for (const size of sizes) rows.push(...(await compareSize(size, repeat, root, values.before)));
  } finally {
    // Deleted only now: deleting many files slows the next file creations on this filesystem (bench/run.ts).
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      '| topics | process | runs | CPU (user + system), median (min–max) | wall, median (min–max) | peak RSS | against plain cdktf | load average, start → end |',
      '| ---: | --- | ---: | ---: | ---: | ---: | --- | --- |',
      ...rows,
      '',
      `node ${process.version}; topicform: \`node <package>/cli/bin.js synth --app ${'bench-app.ts'}\`; plain cdktf: \`node --import tsx bench/child.ts baseline\`.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`synth-compare failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
