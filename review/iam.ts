/**
 * Amazon MSK IAM grants in review: the grants of each environment's policies (topology.json `mskIam`, whole in every
 * stack of the environment) compared between base and head one action on one resource at a time, as ACLs are compared
 * one binding at a time; classify judges each with the ACL review's own logic (review/classify.ts). Pure.
 *
 * The policies are one per principal and environment, not per domain, so a grant's finding is placed in the
 * environment's first stack by name (its whole-environment stack under the `environment` layout).
 */
import { compare } from '../model/compare';
import { groupBy } from '../model/group-by';
import { iamGrantId, iamGrantsOf, type IamGrant } from '../model/msk-iam/grants';
import type { ResolvedMskIam } from '../model/topology';
import type { Change, Snapshot, StackSnapshot } from './types';

interface EnvironmentIam {
  /** The environment's first stack by name. */
  readonly stack: string;
  readonly mskIam: ResolvedMskIam | undefined;
}

/** Per environment name, its first stack and its MSK IAM policies (undefined on an environment without IAM). */
function byEnvironment(snapshot: Snapshot): Map<string, EnvironmentIam> {
  const out = new Map<string, EnvironmentIam>();
  const stacks = [...snapshot.stacks.values()].sort((a, b) => compare(a.stack, b.stack));
  for (const s of stacks) if (!out.has(s.environment.name)) out.set(s.environment.name, { stack: s.stack, mskIam: mskIamOf(stacks, s) });
  return out;
}

/** The environment's policies, from any of its stacks that has them (every slice carries them whole). */
function mskIamOf(stacks: readonly StackSnapshot[], first: StackSnapshot): ResolvedMskIam | undefined {
  return stacks.find((s) => s.environment.name === first.environment.name && s.topology.mskIam !== undefined)?.topology.mskIam;
}

/** The IAM grants added and removed per environment; none where neither side has MSK IAM policies. */
export function iamChanges(base: Snapshot, head: Snapshot): Change[] {
  const before = byEnvironment(base);
  const after = byEnvironment(head);
  const changes: Change[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
    const b = before.get(name);
    const h = after.get(name);
    if (b?.mskIam === undefined && h?.mskIam === undefined) continue;
    const was = new Map(iamGrantsOf(b?.mskIam).map((g) => [iamGrantId(g), g]));
    const now = new Map(iamGrantsOf(h?.mskIam).map((g) => [iamGrantId(g), g]));
    const stack = h?.stack ?? b?.stack ?? name;
    for (const [id, grant] of now) if (!was.has(id)) changes.push({ kind: 'iam-grant-added', stack, grant });
    for (const [id, grant] of was) if (!now.has(id)) changes.push({ kind: 'iam-grant-removed', stack: h === undefined ? (b?.stack ?? name) : stack, grant });
  }
  return changes;
}

const byPrincipalCache = new WeakMap<Snapshot, Map<string, Map<string, IamGrant[]>>>();

/** An output's grants in one environment, by principal (empty when the environment has none); built once per output. */
export function iamGrantsByPrincipal(snapshot: Snapshot, environment: string): Map<string, IamGrant[]> {
  let perEnvironment = byPrincipalCache.get(snapshot);
  if (perEnvironment === undefined) {
    perEnvironment = new Map([...byEnvironment(snapshot)].map(([name, e]) => [name, groupBy(iamGrantsOf(e.mskIam), (g) => g.principal)]));
    byPrincipalCache.set(snapshot, perEnvironment);
  }
  return perEnvironment.get(environment) ?? new Map<string, IamGrant[]>();
}
