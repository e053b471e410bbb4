/**
 * Resources per topic in each ACL pattern mode (environment `acl.patterns`, docs/acls.md): the same declarations
 * resolved in `literal` and `prefixed` mode, counted with the rules the constructs render by (model/stack-resources.ts),
 * without synthesizing the prefixed side. The literal count is checked against the synthesized output's.
 */
import { stackResources } from '../model/stack-resources';
import type { StackLayout } from '../model/schema';
import type { Topology } from '../model/topology';
import type { AclPatternMode } from '../model/vocabulary';

/** The two modes the bench compares (`literal-and-prefixed` is a transition, the sum of both). */
export const BENCH_ACL_MODES = ['literal', 'prefixed'] as const satisfies readonly AclPatternMode[];
export type BenchAclMode = (typeof BENCH_ACL_MODES)[number];

export interface ModeResources {
  /** Terraform resources of every stack. */
  readonly total: number;
  readonly acls: number;
  /** Resources per declared event topic. */
  readonly perTopic: number;
}

/** What one mode's Topology renders to, per declared event topic. */
export function modeResources(topology: Topology, layout: StackLayout): ModeResources {
  const stacks = stackResources(topology, layout);
  const total = stacks.reduce((n, s) => n + s.total, 0);
  const acls = stacks.reduce((n, s) => n + s.acls, 0);
  const eventTopics = topology.topics.filter((t) => t.kind === 'event').length;
  return { total, acls, perTopic: eventTopics === 0 ? 0 : total / eventTopics };
}
