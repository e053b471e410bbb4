/**
 * The two questions a security review asks, answered from the resolved Topologies of every environment:
 * - `principalReport`: everything a principal can do — every ACL that applies to it (its own, and `<Type>:*` ones),
 *   with the environment, the stack that holds it and why it exists; the declarations that use it; its quotas;
 * - `topicReport`: everyone who can read or write a topic — every principal with an ACL that covers it (Literal,
 *   Prefixed or `*`), whether that lets it read / write, which services it is and why, plus the topic's owner.
 * Pure: no cdktf, no file system.
 */
import { connectTopics } from '../model/resolve/connect';
import { allows, READ_DATA, WRITE_DATA } from '../model/msk-iam/grants';
import type { MskIamAction, MskIamResourceType } from '../model/msk-iam/actions';
import { iamAccessGrants } from './iam';
import type { ResolvedAcl, ResolvedConnectTopic, ResolvedQuota, ResolvedTopic, SizedValue, Topology } from '../model/topology';
import type { AclOperation, AclPatternType, AclPermission, AclResourceType, TopicKind } from '../model/vocabulary';
import {
  compare,
  effectiveAccess,
  mergeEnvironments,
  operationLabel,
  ownerOf,
  principalMatches,
  resourceMatches,
  stackOf,
  whyOf,
  type StackPlacement,
} from './topologies';

export interface AccessSource {
  /** Topologies of every environment: whole ones, or the stacks' slices (merged per environment). */
  readonly topologies: readonly Topology[];
  /** Where each environment's domains live; without it, `stack` is null in the report. */
  readonly stacks?: readonly StackPlacement[];
}

export interface Owner {
  readonly domain: string;
  /** The domain's owner (team handle); null when the domain is not declared in the environment. */
  readonly team: string | null;
}

export interface PrincipalGrant {
  readonly environment: string;
  /** The stack that holds the ACL (the resource owner's); null when unknown. */
  readonly stack: string | null;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
  readonly host: string;
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly patternType: AclPatternType;
  /** The provider's 7-part ACL id. */
  readonly aclId: string;
  /** The ACL names a wildcard principal (`User:*`) rather than this one. */
  readonly viaWildcard: boolean;
  /** The domain that owns the resource, and its team. */
  readonly owner: Owner;
  /** The declarations that need it, or the reason a legacy ACL is kept. */
  readonly why: readonly string[];
}

/**
 * One action of the principal's Amazon MSK IAM policy on one resource (an `aws-iam` environment): the access MSK
 * enforces there, in place of Kafka ACLs.
 */
export interface PrincipalIamGrant {
  readonly environment: string;
  /** The stack of the domain that owns the resource; null for the cluster or when unknown. */
  readonly stack: string | null;
  readonly action: MskIamAction;
  readonly resourceType: MskIamResourceType;
  /** The topic, group or transactional id; '' for the cluster. */
  readonly resourceName: string;
  /** The resource is a prefix: the ARN ends in `*`. */
  readonly prefix: boolean;
  /** model/msk-iam/grants.ts iamGrantId. */
  readonly grantId: string;
  /** The domain that owns the resource, and its team; null for the cluster. */
  readonly owner: Owner | null;
  /** The reasons of the principal's policy that concern the resource. */
  readonly why: readonly string[];
}

export interface PrincipalUse {
  readonly environment: string;
  readonly kind: 'consumer-group' | 'producer' | 'streams-application' | 'connect-worker' | 'sink-connector' | 'source-connector';
  readonly service: string;
  /** The group id, the topic produced to, the application id, the Connect group id, or the connector's name. */
  readonly name: string;
  readonly domain: string;
  /** Declared reason of a cross-domain read or write, per topic (consumer groups, Streams applications, connectors). */
  readonly reasons: ReadonlyArray<{ readonly topic: string; readonly reason: string }>;
}

export interface PrincipalQuota {
  readonly environment: string;
  readonly stack: string | null;
  readonly producerByteRate: SizedValue<number> | null;
  readonly consumerByteRate: SizedValue<number> | null;
  readonly undeclaredThroughput: ResolvedQuota['undeclaredThroughput'];
}

/** The SCRAM credential terraform creates for the principal in an environment: no password, only where it comes from. */
export interface PrincipalCredential {
  readonly environment: string;
  readonly stack: string | null;
  readonly mechanism: string;
  readonly iterations: number;
  readonly passwordVersion: string;
  /** The ephemeral Terraform variable its password comes from (`TF_VAR_<variable>`). */
  readonly variable: string;
}

export interface PrincipalReport {
  readonly principal: string;
  /** The environments looked at, sorted. */
  readonly environments: readonly string[];
  readonly uses: readonly PrincipalUse[];
  readonly grants: readonly PrincipalGrant[];
  /** Its MSK IAM policy actions, on the environments with auth `aws-iam`; sorted like `grants`. */
  readonly iamGrants: readonly PrincipalIamGrant[];
  readonly quotas: readonly PrincipalQuota[];
  /** Its SCRAM credentials, one per environment that declares one (environments' `scramCredentials`). */
  readonly credentials: readonly PrincipalCredential[];
  /** Per environment, the topics the principal can read and write (an Allow and no Deny), sorted. */
  readonly topics: ReadonlyArray<{ readonly environment: string; readonly read: readonly string[]; readonly write: readonly string[] }>;
  /** True when no ACL, IAM grant, declaration or quota in the looked-at environments names the principal. */
  readonly unknown: boolean;
}

export interface TopicPrincipal {
  readonly principal: string;
  readonly read: boolean;
  readonly write: boolean;
  /** Operation labels (`Read`, `Deny Write`, `Read from 10.0.0.7`), sorted. */
  readonly operations: readonly string[];
  /** The services that authenticate as the principal (from the declarations), sorted. */
  readonly services: readonly string[];
  readonly why: readonly string[];
  readonly aclIds: readonly string[];
  /** The MSK IAM policy actions that cover the topic (an `aws-iam` environment), sorted; absent when none. */
  readonly iamActions?: readonly string[];
}

export interface TopicEntry {
  readonly environment: string;
  /** The Kafka topic name (with the environment's prefix). */
  readonly topic: string;
  /** The topic's kind: an event, dead-letter or retry topic, or a Kafka Connect storage or dead-letter topic. */
  readonly kind: TopicKind | ResolvedConnectTopic['kind'];
  readonly owner: Owner;
  readonly stack: string | null;
  readonly principals: readonly TopicPrincipal[];
}

export interface TopicReport {
  /** The name asked for. */
  readonly topic: string;
  readonly environments: readonly string[];
  /** One entry per environment that has the topic. */
  readonly entries: readonly TopicEntry[];
}

function selected(source: AccessSource, environments: readonly string[] | undefined): Topology[] {
  const all = mergeEnvironments(source.topologies);
  return environments === undefined || environments.length === 0 ? all : all.filter((t) => environments.includes(t.environment.name));
}

/** Every principal any ACL, declaration or quota of the topologies names, sorted (for did-you-mean hints). */
export function knownPrincipals(source: AccessSource): string[] {
  return [
    ...new Set(
      mergeEnvironments(source.topologies).flatMap((t) => [
        ...t.acls.map((a) => a.principal),
        ...t.consumerGroups.map((g) => g.principal),
        ...t.producers.map((p) => p.principal),
        ...(t.streamsApplications ?? []).map((a) => a.principal),
        ...(t.connect?.clusters ?? []).map((c) => c.principal),
        ...(t.connect?.connectors ?? []).map((k) => k.principal),
        ...(t.quotas ?? []).map((q) => q.principal),
        ...(t.mskIam?.policies ?? []).map((p) => p.principal),
      ]),
    ),
  ].sort(compare);
}

/** Every topic name of the topologies, with and without the environment's prefix, sorted (for did-you-mean hints). */
export function knownTopics(source: AccessSource): string[] {
  return [...new Set(mergeEnvironments(source.topologies).flatMap((t) => allTopics(t).flatMap((x) => [x.name, unprefixed(t, x.name)])))].sort(compare);
}

/** Every topic terraform creates for the environment: event and companion topics, and Kafka Connect's. */
const allTopics = (t: Topology): ReadonlyArray<ResolvedTopic | ResolvedConnectTopic> => [...t.topics, ...connectTopics(t.connect)];

const unprefixed = (t: Topology, name: string): string =>
  t.environment.topicPrefix !== '' && name.startsWith(t.environment.topicPrefix) ? name.slice(t.environment.topicPrefix.length) : name;

export function principalReport(source: AccessSource, principal: string, environments?: readonly string[]): PrincipalReport {
  const stacks = source.stacks ?? [];
  const topologies = selected(source, environments);
  const uses: PrincipalUse[] = [];
  const grants: PrincipalGrant[] = [];
  const iamGrants: PrincipalIamGrant[] = [];
  const quotas: PrincipalQuota[] = [];
  const credentials: PrincipalCredential[] = [];
  const topics: Array<{ environment: string; read: string[]; write: string[] }> = [];
  for (const t of topologies) {
    const env = t.environment.name;
    for (const g of t.consumerGroups.filter((x) => x.principal === principal)) {
      const reasons = g.subscriptions.flatMap((s) => (s.reason === undefined ? [] : [{ topic: s.topicName, reason: s.reason }]));
      uses.push({ environment: env, kind: 'consumer-group', service: g.service, name: g.groupId, domain: g.domain, reasons });
    }
    for (const p of t.producers.filter((x) => x.principal === principal)) {
      uses.push({ environment: env, kind: 'producer', service: p.service, name: p.topicName, domain: p.topic.domain, reasons: [] });
    }
    for (const a of (t.streamsApplications ?? []).filter((x) => x.principal === principal)) {
      const reasons = [...a.inputs, ...a.outputs].flatMap((s) => (s.reason === undefined ? [] : [{ topic: s.topicName, reason: s.reason }]));
      uses.push({ environment: env, kind: 'streams-application', service: a.service, name: a.applicationId, domain: a.domain, reasons });
    }
    for (const c of (t.connect?.clusters ?? []).filter((x) => x.principal === principal)) {
      uses.push({ environment: env, kind: 'connect-worker', service: c.service, name: c.groupId, domain: c.domain, reasons: [] });
    }
    for (const k of (t.connect?.connectors ?? []).filter((x) => x.principal === principal)) {
      const reasons = k.topics.flatMap((s) => (s.reason === undefined ? [] : [{ topic: s.topicName, reason: s.reason }]));
      uses.push({
        environment: env,
        kind: k.type === 'sink' ? 'sink-connector' : 'source-connector',
        service: k.service,
        name: k.name,
        domain: k.domain,
        reasons,
      });
    }
    const mine = t.acls.filter((a) => principalMatches(a.principal, principal));
    for (const a of mine) {
      grants.push({
        environment: env,
        stack: stackOf(stacks, env, a.domain),
        operation: a.operation,
        permission: a.permission,
        host: a.host,
        resourceType: a.resourceType,
        resourceName: a.resourceName,
        patternType: a.patternType,
        aclId: a.id,
        viaWildcard: a.principal !== principal,
        owner: { domain: a.domain, team: ownerOf(t, a.domain) },
        why: whyOf(a),
      });
    }
    const iam = iamAccessGrants(t).filter((g) => g.principal === principal);
    for (const g of iam) {
      iamGrants.push({
        environment: env,
        // The cluster's grants are the environment's: its first stack holds them, as review places their findings.
        stack:
          g.domain === null
            ? (stacks
                .filter((x) => x.environment === env)
                .map((x) => x.stack)
                .sort(compare)[0] ?? null)
            : stackOf(stacks, env, g.domain),
        action: g.action,
        resourceType: g.resource.type,
        resourceName: g.resource.name,
        prefix: g.resource.prefix,
        grantId: g.id,
        owner: g.domain === null ? null : { domain: g.domain, team: ownerOf(t, g.domain) },
        why: g.why,
      });
    }
    const quota = (t.quotas ?? []).find((q) => q.principal === principal);
    if (quota !== undefined) {
      quotas.push({
        environment: env,
        stack: stackOf(stacks, env, quota.domain),
        producerByteRate: quota.producerByteRate,
        consumerByteRate: quota.consumerByteRate,
        undeclaredThroughput: quota.undeclaredThroughput,
      });
    }
    const credential = (t.scramCredentials ?? []).find((c) => c.principal === principal);
    if (credential !== undefined) {
      credentials.push({
        environment: env,
        stack: stackOf(stacks, env, credential.domain),
        mechanism: credential.mechanism,
        iterations: credential.iterations,
        passwordVersion: credential.passwordVersion,
        variable: credential.variable,
      });
    }
    const access = allTopics(t).map((topic) => {
      const acl = effectiveAccess(mine.filter((a) => resourceMatches(a, 'Topic', topic.name)));
      const resource = { type: 'topic' as const, name: topic.name, prefix: false };
      return { name: topic.name, read: acl.read || allows(iam, READ_DATA, resource), write: acl.write || allows(iam, WRITE_DATA, resource) };
    });
    if (mine.length > 0 || iam.length > 0) {
      topics.push({ environment: env, read: access.filter((x) => x.read).map((x) => x.name), write: access.filter((x) => x.write).map((x) => x.name) });
    }
  }
  return {
    principal,
    environments: topologies.map((t) => t.environment.name),
    uses,
    grants: grants.sort(
      (a, b) =>
        compare(a.environment, b.environment) ||
        compare(a.resourceType, b.resourceType) ||
        compare(a.resourceName, b.resourceName) ||
        compare(a.aclId, b.aclId),
    ),
    iamGrants: iamGrants.sort(
      (a, b) =>
        compare(a.environment, b.environment) ||
        compare(a.resourceType, b.resourceType) ||
        compare(a.resourceName, b.resourceName) ||
        compare(a.grantId, b.grantId),
    ),
    quotas,
    credentials,
    topics,
    unknown: uses.length === 0 && grants.length === 0 && iamGrants.length === 0 && quotas.length === 0 && credentials.length === 0,
  };
}

/**
 * Everyone who can read or write `topic`, per environment. `topic` is the Kafka name (`staging.orders.order-created`)
 * or the name without the environment's prefix (`orders.order-created`, found in every environment).
 */
export function topicReport(source: AccessSource, topic: string, environments?: readonly string[]): TopicReport {
  const stacks = source.stacks ?? [];
  const topologies = selected(source, environments);
  const entries: TopicEntry[] = [];
  for (const t of topologies) {
    const topics = allTopics(t);
    const found = topics.find((x) => x.name === topic) ?? topics.find((x) => x.name === `${t.environment.topicPrefix}${topic}`);
    if (found === undefined) continue;
    entries.push(topicEntry(t, found, stacks));
  }
  return { topic, environments: topologies.map((t) => t.environment.name), entries };
}

function topicEntry(t: Topology, topic: ResolvedTopic | ResolvedConnectTopic, stacks: readonly StackPlacement[]): TopicEntry {
  const env = t.environment.name;
  const covering = t.acls.filter((a) => resourceMatches(a, 'Topic', topic.name));
  const byPrincipal = new Map<string, ResolvedAcl[]>();
  for (const a of covering) byPrincipal.set(a.principal, [...(byPrincipal.get(a.principal) ?? []), a]);
  const services = (principal: string): string[] =>
    [
      ...new Set(
        [...t.consumerGroups, ...t.producers, ...(t.streamsApplications ?? []), ...(t.connect?.clusters ?? []), ...(t.connect?.connectors ?? [])]
          .filter((c) => principalMatches(principal, c.principal))
          .map((c) => c.service),
      ),
    ].sort(compare);
  // An aws-iam environment: the IAM policy actions on the topic (a literal grant, or a prefix it starts with).
  const iam = iamAccessGrants(t).filter(
    (g) => g.resource.type === 'topic' && (g.resource.prefix ? topic.name.startsWith(g.resource.name) : g.resource.name === topic.name),
  );
  const iamBy = new Map<string, typeof iam>();
  for (const g of iam) iamBy.set(g.principal, [...(iamBy.get(g.principal) ?? []), g]);
  const principals = [...new Set([...byPrincipal.keys(), ...iamBy.keys()])].sort(compare).map((principal): TopicPrincipal => {
    const acls = byPrincipal.get(principal) ?? [];
    const grants = iamBy.get(principal) ?? [];
    const acl = effectiveAccess(acls);
    const actions = [...new Set(grants.map((g) => g.action))].sort(compare);
    return {
      principal,
      read: acl.read || actions.includes(READ_DATA),
      write: acl.write || actions.includes(WRITE_DATA),
      operations: [...new Set(acls.map(operationLabel))].sort(compare),
      services: services(principal),
      why: [...new Set([...acls.flatMap(whyOf), ...grants.flatMap((g) => g.why)])].sort(compare),
      aclIds: acls.map((a) => a.id).sort(compare),
      ...(actions.length === 0 ? {} : { iamActions: actions }),
    };
  });
  return {
    environment: env,
    topic: topic.name,
    kind: topic.kind,
    owner: { domain: topic.domain, team: ownerOf(t, topic.domain) },
    stack: stackOf(stacks, env, topic.domain),
    principals,
  };
}
