// Properties of review over random changes to the seed output (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import type { ReviewResult } from '../../review/types';
import { allow, MutableOutput } from './corpus/output';
import type { MutableStack } from './corpus/output';

const SEED = MutableOutput.seed();
const STACKS = [...SEED.stacks.keys()];
const topicsOf = (stack: string): string[] => SEED.stack(stack).topology.topics.map((t) => t.name);

type Mutation = (s: MutableStack) => void;

/** A change to one topic, skipped when an earlier mutation removed the topic. */
const onTopic =
  (topic: string, change: (s: MutableStack) => void): Mutation =>
  (s) => {
    if (s.topology.topics.some((x) => x.name === topic)) change(s);
  };

const mutation: fc.Arbitrary<{ stack: string; apply: Mutation }> = fc.constantFrom(...STACKS).chain((stack) =>
  fc
    .oneof(
      fc.tuple(fc.constantFrom(...topicsOf(stack)), fc.integer({ min: 1, max: 96 })).map(([t, p]) => onTopic(t, (s) => void s.setPartitions(t, p))),
      fc.tuple(fc.constantFrom(...topicsOf(stack)), fc.integer({ min: 1, max: 5 })).map(([t, rf]) => onTopic(t, (s) => void s.setReplication(t, rf))),
      fc
        .tuple(fc.constantFrom(...topicsOf(stack)), fc.integer({ min: 1, max: 10 ** 10 }))
        .map(([t, ms]) => onTopic(t, (s) => void s.setConfig(t, 'retention.ms', String(ms)))),
      fc.constantFrom(...topicsOf(stack)).map((t) => onTopic(t, (s) => void s.removeTopic(t))),
      fc.stringMatching(/^[a-z][a-z-]{0,11}$/).map(
        (p): Mutation =>
          (s) =>
            void s.addAcl(allow(`User:${p}`, 'Read', 'Topic', 'orders.order-created')),
      ),
    )
    .map((apply) => ({ stack, apply })),
);

function reviewOf(base: MutableOutput, head: MutableOutput): ReviewResult {
  return review({ base: parseOutput('base', base.files('base')), head: parseOutput('head', head.files('head')) });
}

/** The same JSON with every object's keys and every Topology list in another order. */
function shuffled(value: unknown, seed: number): unknown {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const shuffle = <T>(list: T[]): T[] =>
    list
      .map((v) => [next(), v] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(shuffle(Object.entries(v as Record<string, unknown>)).map(([k, x]) => [k, walk(x)]));
  };
  const out = walk(value) as Record<string, unknown>;
  for (const list of ['topics', 'acls', 'consumerGroups', 'producers', 'domains']) if (Array.isArray(out[list])) out[list] = shuffle(out[list] as unknown[]);
  return out;
}

describe('review properties', () => {
  it('finds nothing between identical outputs, whatever they contain', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 6 }), (mutations) => {
        const out = SEED.clone();
        for (const m of mutations) m.apply(out.stack(m.stack));
        expect(reviewOf(out, out.clone()).findings).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('blocks every partition decrease and warns of every increase', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STACKS).chain((stack) => fc.tuple(fc.constant(stack), fc.constantFrom(...topicsOf(stack)), fc.integer({ min: 1, max: 200 }))),
        ([stack, topic, partitions]) => {
          const current = SEED.stack(stack).tfTopic(topic).partitions;
          fc.pre(partitions !== current);
          const head = SEED.clone();
          head.stack(stack).setPartitions(topic, partitions);
          const findings = reviewOf(SEED, head).findings.map((f) => [f.verdict, f.id]);
          expect(findings).toEqual([
            partitions < current ? ['BLOCK', `${stack}/${topic}/partitions-decreased`] : ['WARN', `${stack}/${topic}/partitions-increased`],
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of keys and lists in the files', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 2 ** 30 }), (mutations, seed) => {
        const head = SEED.clone();
        for (const m of mutations) m.apply(head.stack(m.stack));
        const reordered = head.clone();
        for (const s of reordered.stacks.values()) {
          Object.assign(s.tf, shuffled(s.tf, seed));
          Object.assign(s.topology, shuffled(s.topology, seed + 1));
        }
        const ids = (r: ReviewResult): string[] => r.findings.map((f) => `${f.verdict} ${f.id}`);
        expect(ids(reviewOf(SEED, reordered))).toEqual(ids(reviewOf(SEED, head)));
      }),
      { numRuns: 40 },
    );
  });
});
