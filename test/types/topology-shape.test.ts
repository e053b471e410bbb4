/**
 * One Topology shape: the zod schema that reads `topology.json` (model/topology-schema.ts) parses to exactly the
 * model's `Topology` type (model/topology.ts). `tsc --noEmit` fails naming the differing fields when a field is added
 * to, removed from or changed in one of them and not the other; the tests below check the same at run time on a
 * Topology the model resolves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { topologySchema } from '../../model/topology-schema';
import type {
  ResolvedAcl,
  ResolvedCompanionTopic,
  ResolvedConsumerGroup,
  ResolvedDomain,
  ResolvedEnvironment,
  ResolvedEventTopic,
  ResolvedProducer,
  ResolvedQuota,
  Topology,
} from '../../model/topology';
import { assertSameShape } from './same-shape';

type Parsed = z.output<typeof topologySchema>;
type Element<T> = T extends readonly (infer E)[] ? E : never;

// The whole, and each part, so that tsc's message names the field that differs rather than only the list holding it.
assertSameShape<Parsed, Topology>(true);
assertSameShape<Parsed['environment'], ResolvedEnvironment>(true);
assertSameShape<Element<Parsed['domains']>, ResolvedDomain>(true);
assertSameShape<Extract<Element<Parsed['topics']>, { kind: 'event' }>, ResolvedEventTopic>(true);
assertSameShape<Exclude<Element<Parsed['topics']>, { kind: 'event' }>, ResolvedCompanionTopic>(true);
assertSameShape<Element<Parsed['consumerGroups']>, ResolvedConsumerGroup>(true);
assertSameShape<Element<Parsed['producers']>, ResolvedProducer>(true);
assertSameShape<Element<Parsed['acls']>, ResolvedAcl>(true);
assertSameShape<Element<NonNullable<Parsed['quotas']>>, ResolvedQuota>(true);

// A deliberately different shape must not compile, or the assertions above would prove nothing.
// @ts-expect-error -- `name` is a string in the Topology, not a number
assertSameShape<Parsed['environment'], Omit<ResolvedEnvironment, 'name'> & { readonly name: number }>(true);

describe('Topology shape', () => {
  it('reads back, field for field and in the same key order, the Topologies synth wrote for the review seed', () => {
    for (const stack of ['dev', 'prod-orders', 'prod-search']) {
      const text = readFileSync(join(__dirname, '../fixtures/review/seed/stacks', stack, 'topology.json'), 'utf8');
      const written = JSON.parse(text) as unknown;
      const read = topologySchema.safeParse(written);
      expect(read.error?.issues ?? []).toEqual([]);
      expect(JSON.stringify(read.data)).toBe(JSON.stringify(written));
    }
  });
});
