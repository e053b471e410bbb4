/**
 * Output is byte-identical whatever the declaration order (DESIGN.md, "Performance and reliability targets"): the
 * benchmark's app, with its domains, topics and consumer groups declared in shuffled orders, synthesizes through the
 * real pipeline (cli/synth.ts) to exactly the bytes of the declaration-ordered app — every file, artifacts included.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicformApp } from '../../bench/apps/topicform-app';
import { SOURCE_LIBRARY } from '../../bench/apps/source-library';
import { benchSpec, type BenchSpec, type DomainSpec } from '../../bench/spec';
import { synthesize } from '../../cli/synth';

/** 3 domains × 5 topics, each with a producer and two consumer groups (one pair sharing a principal). */
const SPEC = benchSpec(15, 5);

function tree(dir: string, under = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of tree(path, under)) out.set(k, v);
    else out.set(relative(under, path), readFileSync(path));
  }
  return out;
}

let scratch = '';
let reference = new Map<string, Buffer>();

function synthesizeTree(spec: BenchSpec, name: string): Map<string, Buffer> {
  const outdir = join(scratch, name);
  const result = synthesize(topicformApp(spec, SOURCE_LIBRARY), outdir);
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  return tree(outdir);
}

/** A permutation of `items` chosen by fast-check. */
const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const shuffledDomain = (domain: DomainSpec): fc.Arbitrary<DomainSpec> =>
  fc
    .tuple(permutation(domain.topics), fc.array(fc.boolean(), { minLength: domain.topics.length, maxLength: domain.topics.length }))
    .map(([topics, flips]) => ({ ...domain, topics: topics.map((t, i) => (flips[i] === true ? { ...t, groups: [...t.groups].reverse() } : t)) }));

const shuffledSpec: fc.Arbitrary<BenchSpec> = fc
  .tuple(permutation(SPEC.domains), ...SPEC.domains.map(shuffledDomain))
  .map(([order, ...domains]) => ({ ...SPEC, domains: order.map((d) => domains.find((x) => x.name === d.name) ?? d) }));

describe('synth output does not depend on declaration order', () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'topicform-determinism-'));
    reference = synthesizeTree(SPEC, 'reference');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes some stacks and their topology files', () => {
    expect([...reference.keys()].filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(3);
    expect([...reference.keys()].filter((f) => f.endsWith('topology.json'))).toHaveLength(3);
  });

  it('shuffled domains, topics and consumer groups give byte-identical files', () => {
    let run = 0;
    fc.assert(
      fc.property(shuffledSpec, (spec) => {
        const files = synthesizeTree(spec, `shuffled-${run++}`);
        expect([...files.keys()]).toEqual([...reference.keys()]);
        for (const [file, bytes] of files) expect(bytes.equals(reference.get(file) ?? Buffer.alloc(0)), file).toBe(true);
      }),
      { numRuns: 6 },
    );
  });
});
