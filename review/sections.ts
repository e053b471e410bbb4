/**
 * The two sections review adds to its findings, each computed by its own module over the Topologies both outputs
 * carry (each stack's topology.json, merged back into one Topology per environment):
 * - "Contract changes": the event schemas of every topic present in both outputs, compared under the head's
 *   compatibility mode (contracts/review.ts). Each finding is placed in the head stack that declares the topic and its
 *   id is prefixed with that stack, so it is acknowledged and blocks like any finding.
 * - "Access changes": every change of who can read or write what, with the owner who approves it (access/diff.ts),
 *   and the teams whose review the change needs.
 *
 * Environments are paired by name; slices of one environment are merged first, so a topic or an ACL that moves
 * between stacks of an environment is no contract or access change. An ACL in a stack's Terraform JSON that its
 * topology.json does not declare (the generated file edited by hand) counts as an ACL no declaration explains: it is
 * what terraform applies, so the access section shows it, placed in the domain of its topic or of its stack.
 */
import { accessChanges, requiredReviewers } from '../access/diff';
import { compare } from '../access/topologies';
import { reviewContracts } from '../contracts/review';
import type { ResolvedAcl, Topology } from '../model/topology';
import type { AccessSection, ContractChange, ReviewAccessChange, Snapshot, StackSnapshot } from './types';

/** One environment of an output: its stacks and their Topologies merged. */
interface Environment {
  readonly topology: Topology;
  readonly stacks: readonly StackSnapshot[];
}

export type Environments = ReadonlyMap<string, Environment>;

export function environmentsOf(snapshot: Snapshot): Environments {
  const stacks = new Map<string, StackSnapshot[]>();
  for (const s of snapshot.stacks.values()) stacks.set(s.environment.name, [...(stacks.get(s.environment.name) ?? []), s]);
  return new Map([...stacks].map(([name, list]) => [name, { topology: merge(list.map(withUndeclaredAcls)), stacks: list }]));
}

/**
 * The slices of one environment as one Topology: what access/topologies.ts mergeEnvironments does, without sorting
 * (both sections sort what they report), since review must stay within 2× of JSON.parse on 10,000-topic outputs.
 * A declaration present in two slices is kept once (the first).
 */
function merge(slices: readonly Topology[]): Topology {
  const [first] = slices;
  if (first === undefined) throw new Error('an environment without stacks');
  if (slices.length === 1) return first;
  const unique = <T>(pick: (t: Topology) => readonly T[], key: (item: T) => string): T[] => {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const t of slices) {
      for (const item of pick(t)) {
        // One hash of the key, not two (has, then add): there are ~150,000 of them per side at 10,000 topics.
        const size = seen.size;
        seen.add(key(item));
        if (seen.size > size) out.push(item);
      }
    }
    return out;
  };
  return {
    ...first,
    domains: unique(
      (t) => t.domains,
      (d) => d.name,
    ),
    topics: unique(
      (t) => t.topics,
      (t) => t.name,
    ),
    consumerGroups: unique(
      (t) => t.consumerGroups,
      (g) => g.groupId,
    ),
    producers: unique(
      (t) => t.producers,
      // join() makes a flat string, quicker to hash and compare than a template literal's rope (review/parse.ts ParsedAcl).
      (p) => [p.topicName, p.principal, p.service].join('\u0000'),
    ),
    acls: unique(
      (t) => t.acls,
      (a) => a.id,
    ),
    streamsApplications: unique(
      (t) => t.streamsApplications ?? [],
      (a) => a.applicationId,
    ),
  };
}

/** The stack's Topology with the ACLs of its Terraform JSON that it does not declare (none, for synth's own output). */
function withUndeclaredAcls(stack: StackSnapshot): Topology {
  const t = stack.topology;
  if (stack.aclsById.size === t.acls.length && t.acls.every((a) => stack.aclsById.has(a.id))) return t;
  const declared = new Set(t.acls.map((a) => a.id));
  const undeclared: ResolvedAcl[] = [];
  for (const acl of stack.aclsById.values()) {
    if (declared.has(acl.id)) continue;
    const b = acl.binding;
    const topicDomain = b.resourceType === 'Topic' ? stack.declared.topics.get(b.resourceName)?.domain : undefined;
    const domain = topicDomain ?? [...stack.declared.domains.keys()].sort(compare)[0] ?? stack.stack;
    undeclared.push({ ...b, id: acl.id, domain, neededBy: [] });
  }
  return undeclared.length === 0 ? t : { ...t, acls: [...t.acls, ...undeclared] };
}

/** The contract findings of every environment present in both outputs, sorted like findings (verdict, stack, id). */
export function contractChanges(base: Environments, head: Environments): ContractChange[] {
  const out: ContractChange[] = [];
  for (const [name, h] of head) {
    const b = base.get(name);
    if (b === undefined) continue;
    for (const f of reviewContracts(b.topology, h.topology)) {
      const stack = h.stacks.find((s) => s.declared.topics.has(f.topic)) ?? h.stacks[0];
      const stackName = stack?.stack ?? name;
      out.push({ ...f, id: `${stackName}/${f.id}`, environment: name, production: h.topology.environment.production, stack: stackName });
    }
  }
  const order = ['BLOCK', 'WARN', 'SAFE'];
  return out.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || compare(a.stack, b.stack) || compare(a.id, b.id));
}

/** The access changes of every environment (new or gone ones included), each with the stack its ACLs live in. */
export function accessSection(base: Environments, head: Environments): AccessSection {
  const changes: ReviewAccessChange[] = [];
  for (const name of [...new Set([...base.keys(), ...head.keys()])].sort(compare)) {
    const b = base.get(name);
    const h = head.get(name);
    for (const change of accessChanges(b?.topology ?? null, h?.topology ?? null)) {
      // MSK IAM policies are per environment: their changes go to its first stack, as review/iam.ts places their findings.
      const iamStack = change.via === undefined ? undefined : [...((h ?? b)?.stacks ?? [])].map((x) => x.stack).sort(compare)[0];
      const stack =
        iamStack ??
        change.added.flatMap((id) => h?.stacks.find((s) => s.aclsById.has(id))?.stack ?? []).at(0) ??
        change.removed.flatMap((id) => b?.stacks.find((s) => s.aclsById.has(id))?.stack ?? []).at(0) ??
        name;
      changes.push({ ...change, stack });
    }
  }
  return { changes, requiredReviewers: requiredReviewers(changes) };
}
