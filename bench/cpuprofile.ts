/**
 * A small summariser for V8 `.cpuprofile` files (`node --cpu-prof`): self time by function and by area (cdktf,
 * constructs, topicform's layers, node internals, GC), and inclusive time of chosen functions.
 *
 *   npx tsx bench/cpuprofile.ts <file.cpuprofile> [--top 25] [--inclusive lint,resolve,captureStackTrace]
 *
 * The pure part (`summarize`) is what bench/profile.ts prints for both sides of the benchmark.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

export interface Row {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface Summary {
  readonly totalMs: number;
  readonly byArea: readonly Row[];
  readonly byFunction: readonly Row[];
  readonly inclusive: readonly Row[];
}

/** Areas, first match wins; `url` is the script's file URL or path, or empty for native and VM frames. */
const AREAS: ReadonlyArray<readonly [string, (f: CallFrame) => boolean]> = [
  ['GC', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
  ['program (VM, not JS)', (f) => f.functionName === '(program)'],
  ['cdktf', (f) => f.url.includes('/node_modules/cdktf/')],
  ['constructs (library)', (f) => f.url.includes('/node_modules/constructs/')],
  ['zod', (f) => f.url.includes('/node_modules/zod/')],
  ['tsx loader, esbuild, source maps', (f) => /\/node_modules\/(tsx|esbuild|get-tsconfig|source-map)/.test(f.url)],
  ['other node_modules', (f) => f.url.includes('/node_modules/')],
  ['generated bindings (gen/)', (f) => f.url.includes('/gen/provider-kafka/')],
  ['topicform model/', (f) => f.url.includes('/model/')],
  ['topicform rules/ (lint)', (f) => f.url.includes('/rules/')],
  ['topicform review/', (f) => f.url.includes('/review/')],
  ['topicform artifacts/ (client configs, catalog, runbooks)', (f) => f.url.includes('/artifacts/')],
  ['topicform constructs/', (f) => f.url.includes('/constructs/')],
  ['topicform cli/ (pipeline, canonical write)', (f) => f.url.includes('/cli/')],
  ['bench harness', (f) => f.url.includes('/bench/')],
  ['node internals', (f) => f.url.startsWith('node:') || f.url.startsWith('internal/')],
  ['native / builtins', (f) => f.url === ''],
];

export function areaOf(frame: CallFrame): string {
  return AREAS.find(([, test]) => test(frame))?.[0] ?? 'other';
}

function location(frame: CallFrame): string {
  if (frame.url === '') return '';
  const path = frame.url.replace(/^file:\/\//, '');
  const short = path.includes('/node_modules/')
    ? path.slice(path.lastIndexOf('/node_modules/') + '/node_modules/'.length)
    : path.split('/').slice(-2).join('/');
  return ` ${short}:${frame.lineNumber + 1}`;
}

const label = (frame: CallFrame): string => `${frame.functionName === '' ? '(anonymous)' : frame.functionName}${location(frame)}`;

function rows(totals: ReadonlyMap<string, number>, totalMs: number, top: number): Row[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: totalMs === 0 ? 0 : ms / totalMs }));
}

/**
 * Self time per function and per area; inclusive time (each sample counted once per function on its stack) for the
 * functions named in `inclusive`, matched by function name.
 */
export function summarize(profile: CpuProfile, options: { readonly top?: number; readonly inclusive?: readonly string[] } = {}): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);

  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    byFunction.set(label(frame), (byFunction.get(label(frame)) ?? 0) + ms);
    byArea.set(areaOf(frame), (byArea.get(areaOf(frame)) ?? 0) + ms);
  }

  const wanted = new Set(options.inclusive ?? []);
  const inclusive = new Map<string, number>([...wanted].map((w) => [w, 0]));
  if (wanted.size > 0) {
    for (const [id, ms] of self) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)?.callFrame.functionName ?? '';
        if (wanted.has(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
        }
      }
    }
  }
  const top = options.top ?? 25;
  return { totalMs, byArea: rows(byArea, totalMs, 100), byFunction: rows(byFunction, totalMs, top), inclusive: rows(inclusive, totalMs, 100) };
}

export function formatSummary(title: string, summary: Summary): string {
  const line = (r: Row): string => `  ${(r.ms / 1000).toFixed(2).padStart(7)} s ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`;
  return [
    `${title}: ${(summary.totalMs / 1000).toFixed(2)} s sampled`,
    ' self time by area:',
    ...summary.byArea.map(line),
    ' self time by function:',
    ...summary.byFunction.map(line),
    ...(summary.inclusive.length > 0 ? [' inclusive time:', ...summary.inclusive.map(line)] : []),
    '',
  ].join('\n');
}

/** Functions whose inclusive time the profile report shows by default. */
export const DEFAULT_INCLUSIVE = [
  'synthesize',
  'buildApp',
  'render',
  'resolveRoot',
  'resolve',
  'lint',
  'renderTopology',
  'synth',
  'resolve$1',
  'captureStackTrace',
  'prepareStackTrace',
  'callerLocation',
  'canonicalJson',
  'writeFileAtomic',
  'validate',
  'findAll',
  'generateArtifacts',
  'renderApp',
] as const;

if (require.main === module) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string' }, inclusive: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (file === undefined) {
    process.stderr.write('usage: npx tsx bench/cpuprofile.ts <file.cpuprofile> [--top 25] [--inclusive name,name]\n');
    process.exitCode = 2;
  } else {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const inclusive = values.inclusive === undefined ? [...DEFAULT_INCLUSIVE] : values.inclusive.split(',');
    process.stdout.write(formatSummary(file, summarize(profile, { top: Number(values.top ?? 25), inclusive })));
  }
}
