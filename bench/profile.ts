/**
 * Where synth time goes: one topicform synth and one plain-cdktf synth of the same resources, each under
 * `node --cpu-prof` (added to the bench's usual flags, on both sides), summarised by bench/cpuprofile.ts.
 *
 *   npx tsx bench/profile.ts [--size 10000] [--top 25] [--keep]
 *
 * The .cpuprofile files can be opened in Chrome DevTools (Performance → Load profile); `--keep` keeps them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_INCLUSIVE, formatSummary, summarize, type CpuProfile } from './cpuprofile';
import { measure, type Measurement } from './measure';
import { baselineData } from './outputs';
import { benchSpec } from './spec';

function profileOf(dir: string): CpuProfile {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

async function profiled(mode: 'topicform' | 'baseline', args: readonly string[], dir: string): Promise<Measurement> {
  return measure(mode, args, { extraNodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '10000' }, top: { type: 'string', default: '25' }, keep: { type: 'boolean', default: false } },
  });
  const size = Number(values.size);
  const top = Number(values.top);
  const dir = mkdtempSync(join(tmpdir(), `topicform-profile-${size}-`));
  try {
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(benchSpec(size)));
    process.stderr.write(`[profile ${size}] preparing the baseline input\n`);
    await measure('topicform', [specFile, join(dir, 'prep.out')]);
    const baselineFile = join(dir, 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify(baselineData(join(dir, 'prep.out'))));

    const inclusive = [...DEFAULT_INCLUSIVE];
    for (const mode of ['topicform', 'baseline'] as const) {
      const profDir = join(dir, `${mode}-prof`);
      const m = await profiled(mode, [mode === 'topicform' ? specFile : baselineFile, join(dir, `${mode}.out`)], profDir);
      const marks = Object.entries(m.child.marks)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
        .join(', ');
      process.stdout.write(
        `${mode}: ${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(m.peakRssKiB / 1024)} MiB (marks: ${marks})\n`,
      );
      process.stdout.write(formatSummary(`${mode} ${size} topics`, summarize(profileOf(profDir), { top, inclusive })));
    }
    if (values.keep) process.stderr.write(`profiles kept in ${dir}\n`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
