/**
 * Why each MSK IAM grant exists, one grant at a time: the same derivation as the policies (./policies.ts grantAcls), each
 * ACL's `neededBy` carried to the actions that stand for it (./grants.ts iamGrantsForAcl). A policy's `neededBy` lists
 * its principal's reasons together; the access report and review say which of them a single action on a single
 * resource answers. Pure.
 */
import { connectTopics } from '../resolve/connect';
import type { Topology } from '../topology';
import { CONNECT } from './actions';
import { CLUSTER_RESOURCE, iamGrantId, iamGrantsForAcl, WRITE_DATA, WRITE_DATA_IDEMPOTENTLY } from './grants';
import { grantAcls, idempotentWhy, nonIdempotentWriters, type MskIamGrants } from './policies';

/** Why `kafka-cluster:Connect` is granted: every client authenticates first. */
export const connectWhy = (principal: string): string => `every client of ${principal} connects and authenticates first`;

/** Per grant id (./grants.ts iamGrantId), the declarations that need it, sorted; a grant no declaration needs is absent. */
export function iamGrantReasons(grants: MskIamGrants): Map<string, string[]> {
  const reasons = new Map<string, Set<string>>();
  const add = (id: string, why: readonly string[]): void => {
    const set = reasons.get(id) ?? new Set<string>();
    for (const w of why) set.add(w);
    reasons.set(id, set);
  };
  const writers = new Set<string>();
  const principals = new Set<string>();
  for (const acl of grantAcls(grants)) {
    principals.add(acl.principal);
    for (const g of iamGrantsForAcl(acl)) {
      add(iamGrantId(g), acl.neededBy);
      if (g.action === WRITE_DATA) writers.add(acl.principal);
    }
  }
  const nonIdempotent = nonIdempotentWriters(grants);
  for (const principal of principals) {
    add(iamGrantId({ principal, action: CONNECT, resource: CLUSTER_RESOURCE }), [connectWhy(principal)]);
    if (writers.has(principal) && !nonIdempotent.has(principal)) {
      add(iamGrantId({ principal, action: WRITE_DATA_IDEMPOTENTLY, resource: CLUSTER_RESOURCE }), [idempotentWhy(principal)]);
    }
  }
  return new Map([...reasons].map(([id, set]) => [id, [...set].sort()]));
}

/** The grants' inputs as a Topology holds them (an `aws-iam` environment's topology.json). */
export function grantsOfTopology(t: Topology): MskIamGrants {
  return {
    consumerGroups: t.consumerGroups,
    producers: t.producers,
    streamsApplications: t.streamsApplications ?? [],
    connect: t.connect,
    owners: new Map([...t.topics, ...connectTopics(t.connect)].map((x) => [x.name, x.domain])),
    ...(t.environment.aclPatterns === undefined ? {} : { patterns: t.environment.aclPatterns }),
    topicPrefix: t.environment.topicPrefix,
  };
}
