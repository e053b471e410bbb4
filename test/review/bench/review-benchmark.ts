// Benchmark (not a test): reviewing two 10,000-topic outputs against JSON.parse of the same files, side by side in
// one process. Target (DESIGN.md): review ≤ 2× JSON.parse.
//
//   npx tsx test/review/bench/review-benchmark.ts [topics=10000] [runs=7]
//
// "review" is everything the command does after reading the files: parse + index both outputs, diff, classify,
// acknowledge, sort. Rendering is measured on its own. Medians of alternating runs, after a warm-up.
import { parseOutput } from '../../../review/parse';
import { renderMarkdown } from '../../../review/render/markdown';
import { renderJson } from '../../../review/render/json';
import { review } from '../../../review/review';
import type { ReviewResult } from '../../../review/types';
import { generateOutput } from './generate';

const topics = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const STACKS = 20;

const base = generateOutput('base', topics, STACKS);
const head = generateOutput('head', topics, STACKS, { partitionsIncreasedEvery: 97, retentionCutEvery: 193, removedEvery: 499, addedPerStack: 5 });
const texts = [...base.files, ...head.files].flatMap((f) => [f.terraform.text, f.topology.text]);

const gc = (globalThis as { gc?: () => void }).gc;
function time(run: () => unknown): number {
  gc?.();
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const parseAll = (): unknown[] => texts.map((t) => JSON.parse(t) as unknown);
let result: ReviewResult | undefined;
const reviewAll = (): void => {
  result = review({ base: parseOutput('base', base.files), head: parseOutput('head', head.files) });
};

// Warm-up: both paths once.
parseAll();
reviewAll();
const parseTimes: number[] = [];
const reviewTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) {
    parseTimes.push(time(parseAll));
    reviewTimes.push(time(reviewAll));
  } else {
    reviewTimes.push(time(reviewAll));
    parseTimes.push(time(parseAll));
  }
}
const markdownTimes: number[] = [];
const jsonTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  markdownTimes.push(time(() => renderMarkdown(result as ReviewResult)));
  jsonTimes.push(time(() => renderJson(result as ReviewResult)));
}

const p = median(parseTimes);
const r = median(reviewTimes);
const s = result?.summary;
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const rows = [
  [
    'outputs',
    `${base.topics} → ${head.topics} event topics (+ a DLQ, a group, a producer and 5 ACLs each) in ${STACKS} stacks; ${mb(base.bytes)} + ${mb(head.bytes)}`,
  ],
  ['findings', `${result?.findings.length ?? 0} (BLOCK ${s?.BLOCK}, WARN ${s?.WARN}, MOVE ${s?.MOVE}, SAFE ${s?.SAFE})`],
  ['JSON.parse of all files', `${p.toFixed(0)} ms (median of ${runs})`],
  ['review (parse, index, diff, classify)', `${r.toFixed(0)} ms (median of ${runs})`],
  ['ratio review / JSON.parse', `${(r / p).toFixed(2)}× (target ≤ 2×) ${r / p <= 2 ? 'OK' : 'OVER'}`],
  ['render Markdown / JSON', `${median(markdownTimes).toFixed(0)} ms / ${median(jsonTimes).toFixed(0)} ms`],
];
const width = Math.max(...rows.map(([k]) => (k ?? '').length));
process.stdout.write(`${rows.map(([k, v]) => `${(k ?? '').padEnd(width)}  ${v ?? ''}`).join('\n')}\n`);
process.exitCode = r / p <= 2 ? 0 : 1;
