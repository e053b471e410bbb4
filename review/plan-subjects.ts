/**
 * Which findings a plan's resource change is about, per Terraform type, on every platform topicform renders: the
 * Mongey provider's topics, ACLs and SCRAM credentials, Confluent Cloud's topics, ACLs, role bindings and service
 * accounts (docs/confluent-cloud.md), and the MSK IAM policies and their attachments (docs/msk-iam.md). review/plan-evidence.ts
 * attaches the change to the findings about these subjects and judges a delete or replacement none of them explains.
 *
 * A change is matched by content where its attributes say what it is (a topic's name, a Kafka ACL's seven parts), else
 * by its address in the head and the base output: a role binding is every grant its role allows, and a principal's
 * service account, IAM policy or attachment stands for all of that principal's grants.
 */
import { iamGrantId } from '../model/msk-iam/grants';
import { policyAddress } from '../model/msk-iam/terraform';
import { serviceAccountAddress } from '../model/confluent/service-accounts';
import { aclIdFromAttributes } from './classify';
import { iamGrantsByPrincipal } from './iam';
import type { ClassifyContext } from './classify';
import type { PlanResourceChange, PlanResourceType, PrincipalResourceType, Snapshot, StackSnapshot, Subject } from './types';

export interface PlanSubjects {
  /** What the change is about, first the subject of a plan-delete / plan-replace finding when nothing explains it. */
  readonly subjects: readonly Subject[];
  /**
   * For a principal's access resource: whether the head keeps grants for the principal (its delete or replacement is
   * then explained by no finding about those grants); undefined for every other type.
   */
  readonly principalKeepsAccess?: boolean;
}

type Resolve = (change: PlanResourceChange, stack: string, context: ClassifyContext) => PlanSubjects;

const sides = (context: ClassifyContext, stack: string): StackSnapshot[] =>
  [context.head.stacks.get(stack), context.base.stacks.get(stack)].filter((s): s is StackSnapshot => s !== undefined);

/** A topic, by the attribute holding its name; else by address; else the address itself. */
const topic =
  (nameAttribute: string): Resolve =>
  (change, stack, context) => {
    const name = change.before?.[nameAttribute] ?? change.after?.[nameAttribute];
    if (typeof name === 'string') return { subjects: [{ kind: 'topic', name }] };
    const t = sides(context, stack)
      .map((s) => s.topicAt(change.address))
      .find((x) => x !== undefined);
    return { subjects: [{ kind: 'topic', name: t?.name ?? change.address }] };
  };

/** The grants at the change's address in the head and the base (a replacement is about both). */
function aclsAt(change: PlanResourceChange, stack: string, context: ClassifyContext): Subject[] {
  const ids = new Set(sides(context, stack).flatMap((s) => s.aclsAt(change.address).map((a) => a.id)));
  return [...ids].map((id) => ({ kind: 'acl', id }));
}

const withFallback = (subjects: Subject[], address: string): PlanSubjects => ({ subjects: subjects.length > 0 ? subjects : [{ kind: 'acl', id: address }] });

/** A Kafka ACL: its attributes are its 7-part id, the before side first (what a replacement removes). */
const kafkaAcl: Resolve = (change, stack, context) => {
  const id = aclIdFromAttributes(change.before) ?? aclIdFromAttributes(change.after);
  if (id !== null) return { subjects: [{ kind: 'acl', id }] };
  return withFallback(aclsAt(change, stack, context).slice(0, 1), change.address);
};

/**
 * A Confluent ACL or role binding, by address: its attributes name the service account (`User:sa-…`, or an id
 * terraform knows only after creating the account), which the outputs map back to the declared principal.
 */
const confluentGrants: Resolve = (change, stack, context) => withFallback(aclsAt(change, stack, context), change.address);

/** A SCRAM credential: the principal whose credential goes away (before's username: a username change deletes that user). */
const credential: Resolve = (change) => {
  const username = change.before?.username ?? change.after?.username;
  return { subjects: [{ kind: 'credential', principal: typeof username === 'string' ? `User:${username}` : change.address }] };
};

/** The declared principal whose access resource of `type` is at `address`, from the head's, else the base's, topology. */
function principalAt(type: PrincipalResourceType, address: string, snapshots: readonly StackSnapshot[]): string | undefined {
  const key = address.slice(type.length + 1);
  for (const s of snapshots) {
    const principals =
      type === 'confluent_service_account'
        ? (s.topology.confluentCloud?.serviceAccounts ?? []).filter((a) => a.id === null && serviceAccountAddress(a.principal) === key).map((a) => a.principal)
        : (s.topology.mskIam?.policies ?? []).filter((p) => policyAddress(p.principal) === key).map((p) => p.principal);
    if (principals[0] !== undefined) return principals[0];
  }
  return undefined;
}

/** The principal's grants in one output's environment: its ACLs (Confluent) or its MSK IAM grants. */
function grantsOf(type: PrincipalResourceType, principal: string, snapshot: Snapshot, environment: string): Subject[] {
  if (type !== 'confluent_service_account') {
    return (iamGrantsByPrincipal(snapshot, environment).get(principal) ?? []).map((g) => ({ kind: 'iam-grant', id: iamGrantId(g) }));
  }
  const out: Subject[] = [];
  for (const s of snapshot.stacks.values()) {
    if (s.environment.name !== environment) continue;
    for (const a of s.aclsById.values()) if (a.binding.principal === principal) out.push({ kind: 'acl', id: a.id });
  }
  return out;
}

/**
 * A principal's service account, IAM policy or attachment: about the principal's grants in the base and the head (a
 * policy update shows on the findings of the grants it adds and drops), and about itself.
 */
const principalResource =
  (type: PrincipalResourceType): Resolve =>
  (change, stack, context) => {
    const snapshots = sides(context, stack);
    const principal = principalAt(type, change.address, snapshots) ?? change.address;
    const environment = snapshots[0]?.environment.name ?? stack;
    const head = grantsOf(type, principal, context.head, environment);
    const base = grantsOf(type, principal, context.base, environment);
    return { subjects: [{ kind: 'principal-resource', type, principal }, ...head, ...base], principalKeepsAccess: head.length > 0 };
  };

/** What the changes of each type review reads from a plan are about. */
const RESOLVERS: Readonly<Record<PlanResourceType, Resolve>> = {
  kafka_topic: topic('name'),
  kafka_acl: kafkaAcl,
  kafka_user_scram_credential: credential,
  confluent_kafka_topic: topic('topic_name'),
  confluent_kafka_acl: confluentGrants,
  confluent_role_binding: confluentGrants,
  confluent_service_account: principalResource('confluent_service_account'),
  aws_iam_policy: principalResource('aws_iam_policy'),
  aws_iam_role_policy_attachment: principalResource('aws_iam_role_policy_attachment'),
};

export function planSubjects(change: PlanResourceChange, stack: string, context: ClassifyContext): PlanSubjects {
  // parsePlan keeps only these types; a PlanSnapshot built by hand with another type is read as a Kafka ACL, as before.
  const resolve = (RESOLVERS as Readonly<Record<string, Resolve | undefined>>)[change.type] ?? kafkaAcl;
  return resolve(change, stack, context);
}
