/**
 * The benchmark's like-for-like claim, exercised on every `npm test`: one 10-topic size, one run per side, through
 * the same code `npm run bench` runs (bench/run.ts benchSize, each measurement its own process; topicform from the
 * sources, so no build). Both sides must write the same Terraform JSON, every mode of bench/child.ts must run, and
 * the report must judge the stricter references. Times are not asserted: this is a smoke test, not a benchmark.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareOutputs, countResources, outputSize, stackNames } from '../../bench/outputs';
import { checks, markdown, type SizeResult } from '../../bench/report';
import { benchSize, sameTree } from '../../bench/run';

const TOPICS = 10;
const root = mkdtempSync(join(tmpdir(), 'topicform-bench-smoke-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`the benchmark at ${TOPICS} topics, one run per side`, () => {
  let result: SizeResult;
  let dir: string;

  beforeAll(async () => {
    result = await benchSize(TOPICS, { repeat: 1, noSourceMaps: false }, root);
    const [only] = readdirSync(root);
    if (only === undefined) throw new Error('benchSize left no working folder');
    dir = join(root, only);
  }, 300_000);

  it('has both sides write the same Terraform JSON for every stack ("//" metadata aside)', () => {
    const equivalence = compareOutputs(join(dir, 'base.out'), join(dir, 'baseline-0.out'));
    expect(equivalence.problems).toEqual([]);
    expect(equivalence.equal).toBe(true);
    // 10 topics × (topic + 2 DLQs) and their ACLs, plus quotas: all compared.
    expect(equivalence.resources).toBe(result.resources.total);
    expect(result.resources.topics).toBe(TOPICS * 3);
    expect(stackNames(join(dir, 'baseline-0.out'))).toEqual(stackNames(join(dir, 'base.out')));
  });

  it('notices when the two sides differ (the comparison is not a rubber stamp)', () => {
    const altered = join(root, 'altered.out');
    cpSync(join(dir, 'baseline-0.out'), altered, { recursive: true });
    const [stack] = stackNames(altered);
    const file = join(altered, 'stacks', stack ?? '', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { resource: { kafka_topic: Record<string, { partitions: number }> } };
    const [address, topic] = Object.entries(json.resource.kafka_topic)[0] ?? [];
    if (topic === undefined) throw new Error('the baseline has no topic');
    topic.partitions += 1;
    writeFileSync(file, JSON.stringify(json));
    const equivalence = compareOutputs(join(dir, 'base.out'), altered);
    expect(equivalence.equal).toBe(false);
    expect(equivalence.problems).toEqual([`${stack ?? ''}.resource.kafka_topic.${address ?? ''}.partitions: ${topic.partitions - 1} ≠ ${topic.partitions}`]);
  });

  it('writes the same output on every topicform run', () => {
    expect(result.synth.deterministic).toBe(true);
    // The size table counts the measured output: every file under stacks/, docs/, clients/ and the rest.
    expect(result.output).toEqual(outputSize(join(dir, 'base.out')));
    expect(result.output.stacks.files).toBe(2 * stackNames(join(dir, 'base.out')).length);
    expect([...countResources(join(dir, 'topicform-0.out')).values()]).toEqual([...countResources(join(dir, 'base.out')).values()]);
    // --no-artifacts, measured beside it: the same stacks, no docs, client configs or portal files
    expect(result.synth.stacksOnly.wallMs.values).toHaveLength(1);
    expect(readdirSync(join(dir, 'stacksOnly-0.out')).sort()).toEqual(['manifest.json', 'stacks']);
    expect(sameTree(join(dir, 'stacksOnly-0.out', 'stacks'), join(dir, 'base.out', 'stacks'))).toBe(true);
  });

  it('times lint with and without resolve(), and review against JSON.parse with values kept and dropped', () => {
    expect(result.lint.lintWithResolveMs.median).toBeGreaterThanOrEqual(result.lint.lintMs.median);
    expect(result.lint.shareWithResolve).toBeGreaterThanOrEqual(result.lint.share);
    expect(result.review.changedTopics).toBe(1);
    expect(result.review.findings).toBeGreaterThan(0);
    expect(result.review.ratio).toBeGreaterThan(0);
    expect(result.review.strictRatio).toBeGreaterThan(0);
    const lint = checks([result]).find((c) => c.what === 'lint share');
    const review = checks([result]).find((c) => c.what === 'review');
    expect(lint?.value).toBe(result.lint.shareWithResolve);
    expect(review?.value).toBe(result.review.strictRatio);
    // DESIGN.md states the lint and review targets at 10,000 topics: shown, not judged, here.
    expect([lint?.applies, review?.applies]).toEqual([false, false]);
    const text = markdown([result], {
      node: process.version,
      cpus: '-',
      repeat: 1,
      nodeFlags: ['--import', 'tsx'],
      topicform: 'sources',
      loadAverage: [0, 0, 0],
      totalSeconds: 0,
    });
    expect(text).toContain('| lint + resolve() | / synth |');
    expect(text).toContain('JSON.parse with values dropped');
  });
});
