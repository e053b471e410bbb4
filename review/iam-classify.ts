/**
 * The verdict of an added or removed Amazon MSK IAM grant, by the ACL review's own logic (review/classify.ts): who
 * still needs a removed grant is the same derivation from the head declarations that judges a removed ACL
 * (`derivedNeeds`), each needed ACL mapped to the IAM actions that stand for it (model/msk-iam/), and the verdict comes
 * from the same `grantRemoved`; a prefix grant is explained by the same declared prefixes as a Prefixed ACL. Pure.
 *
 * What IAM changes: a policy is evaluated as a set, so a grant removed while another grant of the same policy still
 * allows the action on the resource (a literal topic under a new domain prefix) takes nothing away.
 */
import { parseAclId } from '../model/acl';
import { allows, iamGrantId, iamGrantLabel, iamGrantsForAcl, iamResourceLabel, principalWide, resourceCovers, type IamGrant } from '../model/msk-iam/grants';
import type { MskIamResourceType } from '../model/msk-iam/actions';
import { grantsOfTopology, iamGrantReasons } from '../model/msk-iam/reasons';
import { mergeEnvironments } from '../access/topologies';
import type { ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication } from '../model/topology';
import type { AclResourceType } from '../model/vocabulary';
import { iamGrantsByPrincipal } from './iam';
import * as m from './messages';
import type { Text } from './messages';
import type { ReviewRuleId } from './rules';
import type { ClassifyContext, Draft } from './classify';
import type { Row, Snapshot, StackSnapshot, Subject } from './types';

/** What the IAM verdicts use of the classifier: the ACL review's derivation, verdict and context. */
export interface GrantJudge {
  readonly context: ClassifyContext;
  push(d: Draft): void;
  stackOf(stack: string): StackSnapshot;
  headStacks(environment: string): StackSnapshot[];
  derivedNeeds(environment: string, principal: string): Map<string, string[]>;
  streamsOf(environment: string): readonly ResolvedStreamsApplication[];
  declarationsByPrincipal(environment: string): Map<string, { groups: ResolvedConsumerGroup[]; producers: ResolvedProducer[] }>;
  prefixExplained(environment: string, principal: string, resourceType: AclResourceType, prefix: string): boolean;
  grantRemoved(
    base: Pick<Draft, 'stack' | 'subject' | 'before' | 'rows'>,
    neededBy: readonly string[],
    rules: { readonly stillNeeded: readonly [ReviewRuleId, Text]; readonly unused: readonly [ReviewRuleId, () => Text] },
  ): void;
}

/** The Kafka resource type an IAM resource type names (for the prefix explanations the ACL review shares). */
const ACL_TYPE: Readonly<Record<Exclude<MskIamResourceType, 'cluster'>, AclResourceType>> = {
  topic: 'Topic',
  group: 'Group',
  'transactional-id': 'TransactionalID',
};

export function iamGrantAdded(judge: GrantJudge, stack: string, grant: IamGrant): void {
  const label = iamGrantLabel(grant);
  const base = { stack, subject: subjectOf(grant), before: '—', after: 'granted', rows: iamRows(grant, 'new') };
  if (grant.resource.prefix && grant.resource.type !== 'cluster') {
    const environment = judge.stackOf(stack).environment;
    const domainPrefixMode = environment.aclPatterns !== undefined && (grant.resource.type === 'topic' || grant.resource.type === 'group');
    const explained =
      grant.resource.name !== '' &&
      (domainPrefixMode || judge.prefixExplained(environment.name, grant.principal, ACL_TYPE[grant.resource.type], grant.resource.name));
    if (!explained) return judge.push({ ...base, rule: 'iam-wildcard-grant-added', verdict: 'WARN', text: m.iamWildcardGrantAdded(label) });
  }
  judge.push({ ...base, rule: 'iam-grant-added', verdict: 'SAFE', text: m.iamGrantAdded(label) });
}

export function iamGrantRemoved(judge: GrantJudge, stack: string, grant: IamGrant): void {
  const label = iamGrantLabel(grant);
  const base = { stack, subject: subjectOf(grant), before: 'granted', rows: iamRows(grant, 'current') };
  const environment = judge.stackOf(stack).environment.name;
  const headHasIam = judge.headStacks(environment).some((s) => s.topology.mskIam !== undefined);
  const still = iamGrantsByPrincipal(judge.context.head, environment).get(grant.principal) ?? [];
  const needs = headHasIam ? iamNeeds(judge, environment, grant.principal) : [];
  // The needs this grant covered that the head's policy no longer allows.
  const lost = needs.filter(
    (n) => n.grant.action === grant.action && resourceCovers(grant.resource, n.grant.resource) && !allows(still, n.grant.action, n.grant.resource),
  );
  const neededBy = [...new Set(lost.flatMap((n) => n.why))];
  if (neededBy.length === 0 && allows(still, grant.action, grant.resource)) {
    const by = still.find((g) => g.action === grant.action && resourceCovers(g.resource, grant.resource));
    const text = m.iamGrantCovered(label, by === undefined ? 'another grant' : `${grant.action} on ${iamResourceLabel(by.resource)}`);
    return judge.push({ ...base, rule: 'iam-grant-covered', verdict: 'SAFE', after: '(covered)', text });
  }
  judge.grantRemoved(base, neededBy, {
    stillNeeded: ['iam-grant-removed-still-needed', m.iamGrantRemovedStillNeeded(label, grant.action, neededBy)],
    unused: ['iam-access-removed', () => m.iamAccessRemoved(label, wasNeededBy(judge, stack, grant), headHasIam)],
  });
}

interface IamNeed {
  readonly grant: IamGrant;
  readonly why: readonly string[];
}

/**
 * The IAM grants the head declarations of one principal need, each with why: every ACL the ACL review derives for it
 * (`derivedNeeds`), through the mapping of model/msk-iam/actions.ts, plus Connect for every principal with a client and
 * WriteDataIdempotently for one that writes with an idempotent producer (model/msk-iam/policies.ts).
 */
function iamNeeds(judge: GrantJudge, environment: string, principal: string): IamNeed[] {
  const byId = new Map<string, { grant: IamGrant; why: string[] }>();
  const add = (grant: IamGrant, why: readonly string[]): void => {
    const id = iamGrantId(grant);
    const entry = byId.get(id) ?? { grant, why: [] };
    for (const w of why) if (!entry.why.includes(w)) entry.why.push(w);
    byId.set(id, entry);
  };
  const derived = judge.derivedNeeds(environment, principal);
  const writes: string[] = [];
  for (const [id, why] of derived) {
    const binding = parseAclId(id);
    if (binding === undefined) continue;
    for (const g of iamGrantsForAcl(binding)) add(g, why);
    if (binding.resourceType === 'Topic' && binding.operation === 'Write') writes.push(...why);
  }
  if (derived.size === 0) return [...byId.values()];
  const everyClient = [...new Set([...derived.values()].flat())];
  const idempotent = writes.length > 0 && !onlyNonIdempotentProducers(judge, environment, principal);
  for (const g of principalWide(principal, idempotent)) {
    add(g, g.action === 'kafka-cluster:Connect' ? everyClient : writes.map((w) => `${w} with an idempotent producer`));
  }
  return [...byId.values()];
}

/** The principal's only clients are producers declared `idempotent: false` (they need no WriteDataIdempotently). */
function onlyNonIdempotentProducers(judge: GrantJudge, environment: string, principal: string): boolean {
  const own = judge.declarationsByPrincipal(environment).get(principal);
  if (own === undefined || own.producers.length === 0 || own.groups.length > 0) return false;
  if (own.producers.some((p) => p.idempotent)) return false;
  if (judge.streamsOf(environment).some((a) => a.principal === principal)) return false;
  const connect = judge.headStacks(environment).flatMap((s) => [...(s.topology.connect?.clusters ?? []), ...(s.topology.connect?.connectors ?? [])]);
  return !connect.some((c) => c.principal === principal);
}

/** Why the base had the grant: the base declarations of its environment, derived per grant (model/msk-iam/reasons.ts). */
function wasNeededBy(judge: GrantJudge, stack: string, grant: IamGrant): readonly string[] {
  const environment = judge.stackOf(stack).environment.name;
  let perEnvironment = baseReasons.get(judge.context.base);
  if (perEnvironment === undefined) baseReasons.set(judge.context.base, (perEnvironment = new Map<string, Map<string, string[]>>()));
  let reasons = perEnvironment.get(environment);
  if (reasons === undefined) {
    const slices = [...judge.context.base.stacks.values()].filter((s) => s.environment.name === environment).map((s) => s.topology);
    const [whole] = mergeEnvironments(slices);
    reasons = whole?.mskIam === undefined ? new Map<string, string[]>() : iamGrantReasons(grantsOfTopology(whole));
    perEnvironment.set(environment, reasons);
  }
  return reasons.get(iamGrantId(grant)) ?? [];
}

/** The base's per-grant reasons, derived once per output and environment (a removed group drops many grants at once). */
const baseReasons = new WeakMap<Snapshot, Map<string, Map<string, string[]>>>();

const subjectOf = (grant: IamGrant): Subject => ({ kind: 'iam-grant', id: iamGrantId(grant) });

function iamRows(g: IamGrant, side: 'current' | 'new'): Row[] {
  const fields: [string, string][] = [
    ['principal', g.principal],
    ['IAM action', g.action],
    ['resource', iamResourceLabel(g.resource)],
  ];
  return fields.map(([key, value]) => (side === 'new' ? { key, current: '—', new: value } : { key, current: value, new: '(removed)' }));
}
