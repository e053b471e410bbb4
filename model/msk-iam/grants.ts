/**
 * MSK IAM grants one by one: a principal allowed one `kafka-cluster:` action on one resource. Review, the access report
 * and lint compare and explain IAM access at this grain, as they do Kafka ACLs one binding at a time. Pure.
 *
 * IAM evaluates a policy as a set: an action on a resource is allowed when any Allow statement lists the action and a
 * resource pattern that matches ("Policy evaluation logic", IAM User Guide,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). topicform writes no Deny
 * statement, so "allowed" here is "some grant covers it": a literal name covers itself, a prefix (`name*`) covers every
 * name it starts ("Create authorization policies for the IAM role": `topic/MyTestCluster/*`).
 */
import { compare } from '../compare';
import type { MskIamResource, ResolvedMskIam } from '../topology';
import type { AclBinding } from '../topology';
import { CONNECT, iamFor, type MskIamAction, type MskIamResourceType } from './actions';

export const WRITE_DATA: MskIamAction = 'kafka-cluster:WriteData';
export const WRITE_DATA_IDEMPOTENTLY: MskIamAction = 'kafka-cluster:WriteDataIdempotently';
export const READ_DATA: MskIamAction = 'kafka-cluster:ReadData';

/** One action on one resource for one principal. */
export interface IamGrant {
  readonly principal: string;
  readonly action: MskIamAction;
  readonly resource: MskIamResource;
}

/** The cluster itself, as the policies name it (model/msk-iam/policies.ts). */
export const CLUSTER_RESOURCE: MskIamResource = { type: 'cluster', name: '', prefix: false };

/**
 * A grant's identity: `<principal>|<action>|<resource type>|<name>|Literal|Prefixed`, stable across runs, used in
 * finding ids (acknowledgement files name them) and as the key of a diff.
 */
export function iamGrantId(g: IamGrant): string {
  return [g.principal, g.action, g.resource.type, g.resource.name, g.resource.prefix ? 'Prefixed' : 'Literal'].join('|');
}

const RESOURCE_TYPES: ReadonlySet<string> = new Set<MskIamResourceType>(['cluster', 'topic', 'group', 'transactional-id']);

/** The grant an id names, or undefined when it is not one. */
export function parseIamGrantId(id: string): IamGrant | undefined {
  const parts = id.split('|');
  if (parts.length !== 5) return undefined;
  const [principal, action, type, name, pattern] = parts as [string, string, string, string, string];
  if (!action.startsWith('kafka-cluster:') || !RESOURCE_TYPES.has(type) || (pattern !== 'Literal' && pattern !== 'Prefixed')) return undefined;
  return { principal, action: action as MskIamAction, resource: { type: type as MskIamResourceType, name, prefix: pattern === 'Prefixed' } };
}

/** `cluster`, `topic orders.order-created`, `transactional-id ledger-tx-*`. */
export function iamResourceLabel(r: MskIamResource): string {
  return r.type === 'cluster' ? 'cluster' : `${r.type} ${r.name}${r.prefix ? '*' : ''}`;
}

/** `IAM User:payment-service kafka-cluster:ReadData on topic orders.order-created`. */
export function iamGrantLabel(g: IamGrant): string {
  return `IAM ${g.principal} ${g.action} on ${iamResourceLabel(g.resource)}`;
}

/** Every grant of an environment's MSK IAM policies, sorted by id; none when there are none. */
export function iamGrantsOf(mskIam: ResolvedMskIam | undefined): IamGrant[] {
  const out = new Map<string, IamGrant>();
  for (const p of mskIam?.policies ?? []) {
    for (const s of p.statements) {
      for (const action of s.actions) {
        for (const resource of s.resources) {
          const g = { principal: p.principal, action, resource };
          out.set(iamGrantId(g), g);
        }
      }
    }
  }
  return [...out.entries()].sort(([a], [b]) => compare(a, b)).map(([, g]) => g);
}

/** Whether a granted resource pattern covers `wanted` (the same type; a literal name itself, a prefix every name it starts). */
export function resourceCovers(granted: MskIamResource, wanted: MskIamResource): boolean {
  if (granted.type !== wanted.type) return false;
  if (!granted.prefix) return !wanted.prefix && granted.name === wanted.name;
  return wanted.name.startsWith(granted.name);
}

/** Whether any of `grants` (one principal's) allows `action` on `wanted`. */
export function allows(grants: readonly IamGrant[], action: MskIamAction, wanted: MskIamResource): boolean {
  return grants.some((g) => g.action === action && resourceCovers(g.resource, wanted));
}

/**
 * The IAM grants standing for one Kafka ACL binding (its row in ./actions.ts, on the resource it names); empty for an
 * ACL topicform has no mapping for. The principal-wide actions — Connect, and WriteDataIdempotently for an idempotent
 * writer — come from `principalWide`, since no single ACL stands for them.
 */
export function iamGrantsForAcl(binding: Pick<AclBinding, 'principal' | 'resourceType' | 'operation' | 'resourceName' | 'patternType'>): IamGrant[] {
  const row = iamFor(binding.resourceType, binding.operation);
  if (row === undefined) return [];
  const resource: MskIamResource =
    row.resourceType === 'cluster' ? CLUSTER_RESOURCE : { type: row.resourceType, name: binding.resourceName, prefix: binding.patternType === 'Prefixed' };
  return row.actions.map((action) => ({ principal: binding.principal, action, resource }));
}

/**
 * The grants every principal with a declared client needs besides its ACL rows: Connect on the cluster, and
 * WriteDataIdempotently when it writes with an idempotent producer (./policies.ts says why).
 */
export function principalWide(principal: string, idempotentWriter: boolean): IamGrant[] {
  return [
    { principal, action: CONNECT, resource: CLUSTER_RESOURCE },
    ...(idempotentWriter ? [{ principal, action: WRITE_DATA_IDEMPOTENTLY, resource: CLUSTER_RESOURCE }] : []),
  ];
}
