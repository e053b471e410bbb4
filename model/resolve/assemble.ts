/**
 * The steps in order, and step 9, assembly: parse (environment first), check single declarations, drop duplicates,
 * check references, resolve topics (after the groups that read them), companions, producers, topic names, ACLs and
 * quotas, then the Topology in canonical order — or, when any error was found, the issues alone.
 */
import { deriveAcls } from '../acl';
import { connectAclNeeds } from '../connect/acl';
import { mskIamPolicies } from '../msk-iam/policies';
import { mskIamAttachments } from '../msk-iam/roles';
import { legacyAclsNotRendered } from '../msk-iam/legacy-acls';
import { checkPlatform } from '../confluent/environment-checks';
import { resolveServiceAccounts } from '../confluent/service-accounts';
import { deriveRoleBindings } from '../confluent/role-bindings';
import { CONFLUENT_CLOUD_DEFAULTS } from '../schema/confluent';
import { fromZod, hasErrors } from '../issues';
import { deriveQuotas } from '../quota';
import { eventTopicName } from '../naming';
import { sortByKey } from '../compare';
import {
  connectClusterSchema,
  connectorSchema,
  consumerGroupSchema,
  domainSchema,
  environmentSchema,
  eventTopicSchema,
  legacyAclSchema,
  producerSchema,
  streamsApplicationSchema,
  topicRefKey,
  type DomainDeclaration,
  type SourceLocation,
} from '../schema';
import {
  TOPOLOGY_FORMAT_VERSION,
  type ResolvedConsumerGroup,
  type ResolvedDomain,
  type ResolvedEventTopic,
  type ResolvedProducer,
  type ResolvedTopic,
} from '../topology';
import { checkCompanionShape, checkPrincipalType, checkTopicConfig } from './checks';
import { byName, compare, Collector, parseAll, rawNames, sortIssues, sourceOf, where } from './collect';
import { connectTopics, resolveConnect } from './connect';
import { checkGroupIdNamespace } from './group-ids';
import { resolveConsumerGroup } from './consumer-groups';
import { CODES_READING_ENVIRONMENT_FIELD, scaleTopic, withoutBrokenFields } from './environment';
import { readerParallelismByTopic, resolveEventTopic } from './event-topic';
import * as m from './messages';
import { resolveProducer } from './producers';
import { resolveStreamsApplications } from './streams-applications';
import { checkQuotaOverrides } from './quotas';
import { resolveScramCredentials } from './credentials';
import { readersByTopic, references } from './references';
import type { Declarations, ResolveResult } from './types';
import { checkTopicNames, uniqueBy } from './uniqueness';

export function resolveDeclarations(declarations: Declarations, environment: unknown, environmentSource: SourceLocation): ResolveResult {
  const out = new Collector();
  const envResult = environmentSchema.safeParse(environment);
  if (!envResult.success) {
    out.add(environmentSource, ...fromZod(envResult.error));
    // The declarations are still checked, against the environment without its broken fields, so that every problem is
    // reported at once.
    const repaired = withoutBrokenFields(environment, envResult.error);
    if (repaired !== undefined) {
      // Checks that read a repaired field would judge the declarations by a value nobody declared.
      const unsure = new Set(repaired.fields.flatMap((field) => CODES_READING_ENVIRONMENT_FIELD[field] ?? []));
      out.issues.push(
        ...resolveDeclarations(declarations, repaired.environment, environmentSource).issues.filter(
          (i) => i.source !== environmentSource && !unsure.has(i.code),
        ),
      );
    }
    return { topology: null, issues: sortIssues(out.issues) };
  }
  const env = envResult.data;

  const domains = parseAll(domainSchema, declarations.domains, out);
  let topicDecls = parseAll(eventTopicSchema, declarations.topics, out).map((t) => scaleTopic(t, env));
  // Config keys are checked on the raw declarations, so they are reported even when another field fails the schema.
  for (const raw of declarations.topics) out.add(sourceOf(raw), ...checkTopicConfig(raw, env));
  let groupDecls = parseAll(consumerGroupSchema, declarations.consumerGroups, out);
  const producerDecls = parseAll(producerSchema, declarations.producers, out);
  const legacyAcls = parseAll(legacyAclSchema, declarations.legacyAcls ?? [], out);
  const connectClusterDecls = parseAll(connectClusterSchema, declarations.connectClusters ?? [], out);
  const connectorDecls = parseAll(connectorSchema, declarations.connectors ?? [], out);
  const streamsDecls = parseAll(streamsApplicationSchema, declarations.streamsApplications ?? [], out);
  for (const client of [...groupDecls, ...producerDecls, ...connectClusterDecls, ...streamsDecls]) {
    out.add(client.source, ...checkPrincipalType(client.principal, env));
  }
  for (const k of connectorDecls) if (k.principal !== undefined) out.add(k.source, ...checkPrincipalType(k.principal, env));
  for (const g of groupDecls) out.add(g.source, ...checkCompanionShape(g, env));

  // A declaration made twice is reported once, at the second, and left out from then on: its topics, companions and group
  // id would otherwise be reported again as clashes of the same cause.
  const domainByName = uniqueBy(
    domains,
    (d) => d.name,
    out,
    (d, first) => m.duplicateDomain(d.name, where(first.source)),
  );
  const topicByRef = uniqueBy(
    topicDecls,
    (t) => topicRefKey({ domain: t.domain, event: t.name }),
    out,
    (t, first) => m.duplicateTopic(t.name, t.domain, where(first.source)),
  );
  const groupByName = uniqueBy(
    groupDecls,
    (g) => `${g.domain}/${g.name}`,
    out,
    (g, first) => m.duplicateConsumerGroup(g.name, g.domain, where(first.source)),
  );
  const streamsByName = uniqueBy(
    streamsDecls,
    (a) => `${a.domain}/${a.name}`,
    out,
    (a, first) => m.duplicateStreamsApplication(a.name, a.domain, where(first.source)),
  );
  topicDecls = [...topicByRef.values()];
  groupDecls = [...groupByName.values()];

  // Declarations that failed their schema were reported already; references to them are not reported again.
  const invalidDomains = new Set(rawNames(declarations.domains, (r) => r.name).filter((n) => !domainByName.has(n)));
  const invalidTopics = new Set(
    rawNames(declarations.topics, (r) => (typeof r.domain === 'string' && typeof r.name === 'string' ? `${r.domain}/${r.name}` : undefined)),
  );
  const refs = references(domainByName, topicByRef, invalidDomains, invalidTopics, out);
  for (const t of topicDecls) refs.requireDomain(t.domain, t.source, 'domain');
  for (const g of groupDecls) refs.requireDomain(g.domain, g.source, 'domain');

  // An explicit topicName wins over the derived `<domain>.<event>`; the environment's prefix applies to both.
  const nameOf = (t: { domain: string; name: string; topicName?: string | undefined }): string =>
    t.topicName === undefined ? eventTopicName(env.topicPrefix, t.domain, t.name) : `${env.topicPrefix}${t.topicName}`;

  // Consumer groups first: their processing time and tolerated lag size the topics they read.
  const readersOf = readersByTopic(groupDecls, refs, out);
  // Streams applications and sink connectors that declare how many threads or tasks they run size them too.
  const parallelismOf = readerParallelismByTopic([...streamsByName.values()], connectorDecls);

  const topics: ResolvedTopic[] = [];
  const eventTopics = new Map<string, ResolvedEventTopic>();
  for (const t of topicDecls) {
    const key = topicRefKey({ domain: t.domain, event: t.name });
    const resolved = resolveEventTopic(t, env, readersOf.get(key) ?? [], nameOf(t), out, parallelismOf.get(key) ?? []);
    if (resolved !== undefined) {
      eventTopics.set(topicRefKey(resolved.ref), resolved);
      topics.push(resolved);
    }
  }

  const groups: ResolvedConsumerGroup[] = [];
  for (const g of groupDecls) {
    const { group, companions } = resolveConsumerGroup(g, eventTopics, env);
    topics.push(...companions);
    groups.push(group);
  }

  const producers: ResolvedProducer[] = [];
  const producerByKey = uniqueBy(
    producerDecls,
    (p) => `${topicRefKey(p.topic)}|${p.service}|${p.principal}`,
    out,
    (p, first) => m.duplicateProducer(p.service, p.principal, topicRefKey(p.topic), where(first.source)),
  );
  for (const p of producerByKey.values()) {
    const topic = refs.lookupTopic(p.topic, p.source, 'topic');
    if (topic === undefined) continue;
    producers.push(resolveProducer(p, nameOf(topic)));
  }

  const streams = resolveStreamsApplications([...streamsByName.values()], refs, nameOf, out);

  const connect = resolveConnect({ clusters: connectClusterDecls, connectors: connectorDecls, env, refs, eventTopics }, out);
  checkGroupIdNamespace(groups, streams, connect?.clusters ?? [], connect?.connectors ?? [], out);
  const ownConnectTopics = connectTopics(connect);
  checkTopicNames(ownConnectTopics.length === 0 ? topics : [...topics, ...ownConnectTopics], out);

  const owners = new Map([...topics, ...ownConnectTopics].map((t) => [t.name, t.domain]));
  for (const l of legacyAcls) refs.requireDomain(l.domain, l.source, 'domain');
  const derivedAcls = deriveAcls(
    groups,
    producers,
    owners,
    { ...env.acl, topicPrefix: env.topicPrefix },
    legacyAcls,
    connectAclNeeds(connect, owners, env.acl),
    streams,
  );
  // Amazon MSK IAM access control: IAM policies from the same grants; Kafka ACLs only when asked for (docs/msk-iam.md).
  const mskIamPolicyList =
    env.auth.mechanism === 'aws-iam'
      ? mskIamPolicies({
          consumerGroups: groups,
          producers,
          streamsApplications: streams,
          connect,
          owners,
          patterns: env.acl.patterns,
          topicPrefix: env.topicPrefix,
        })
      : undefined;
  // With auth.aws.iam, each policy is attached to its principal's IAM role in Terraform (model/msk-iam/roles.ts).
  const iamDeclaration = env.auth.aws?.iam;
  const attached = mskIamPolicyList === undefined || iamDeclaration === undefined ? undefined : mskIamAttachments(mskIamPolicyList, iamDeclaration);
  if (attached !== undefined) out.add(environmentSource, ...attached.issues);
  const mskIam =
    mskIamPolicyList === undefined
      ? undefined
      : {
          clusterArn: env.auth.aws?.clusterArn ?? null,
          kafkaAcls: env.auth.aws?.kafkaAcls ?? false,
          policies: mskIamPolicyList,
          ...(attached === undefined ? {} : { attachments: attached.attachments }),
        };
  const acls = mskIam === undefined || mskIam.kafkaAcls ? derivedAcls : [];
  if (mskIam !== undefined && !mskIam.kafkaAcls) for (const { source, issue } of legacyAclsNotRendered(legacyAcls, env.name)) out.add(source, issue);
  // Confluent Cloud: the same grants, in the name of each principal's service account (docs/confluent-cloud.md).
  out.add(environmentSource, ...checkPlatform(environment, env));
  const confluentOptions = env.platform === 'confluent-cloud' ? (env.confluent ?? CONFLUENT_CLOUD_DEFAULTS) : undefined;
  const accounts = confluentOptions === undefined ? undefined : resolveServiceAccounts(confluentOptions, acls);
  if (accounts !== undefined) out.add(environmentSource, ...accounts.issues);
  const roles = confluentOptions?.access === 'role-bindings' ? deriveRoleBindings(acls) : undefined;
  if (roles !== undefined) out.add(environmentSource, ...roles.issues);
  const confluentCloud =
    confluentOptions === undefined || accounts === undefined
      ? undefined
      : {
          access: confluentOptions.access,
          secrets: confluentOptions.secrets,
          serviceAccounts: accounts.serviceAccounts,
          ...(roles === undefined ? {} : { roleBindings: roles.roleBindings }),
        };
  out.add(environmentSource, ...checkQuotaOverrides(env, groups, producers, [...streams, ...(connect?.connectors ?? [])]));
  const quotas = deriveQuotas(
    new Map([...eventTopics.values()].map((t) => [t.name, t])),
    groups,
    producers,
    {
      // kafka_quota is the Mongey provider's; Confluent Cloud sets client quotas its own way (not managed here).
      enabled: env.quotas.enabled && env.platform !== 'confluent-cloud',
      overrides: env.quotas.overrides,
      environment: env.name,
      throughputScaling: env.scaling.throughput,
    },
    { streamsApplications: streams, connectors: connect?.connectors ?? [] },
  );

  // Connect workers, connectors and Streams applications authenticate too: their principals get credentials like any client's.
  const otherClients = [...(connect?.clusters ?? []), ...(connect?.connectors ?? []), ...streams].map((c) => ({
    principal: c.principal,
    domain: c.domain,
    service: c.service,
  }));
  const scram = resolveScramCredentials(env, groups, producers, otherClients);
  out.add(environmentSource, ...scram.issues);

  const resolvedDomains: ResolvedDomain[] = domains.map((d: DomainDeclaration) => ({
    name: d.name,
    owner: d.owner,
    description: d.description,
    ...(d.recoveryProcedure === undefined ? {} : { recoveryProcedure: d.recoveryProcedure }),
    suppressions: d.suppressions,
    source: d.source,
  }));

  const issues = sortIssues(out.issues);
  if (hasErrors(issues)) return { topology: null, issues };
  return {
    topology: {
      formatVersion: TOPOLOGY_FORMAT_VERSION,
      environment: {
        name: env.name,
        production: env.production,
        replicationFactor: env.replicationFactor,
        minInsyncReplicas: env.minInsyncReplicas,
        topicPrefix: env.topicPrefix,
        scaling: { replayWindow: env.scaling.replayWindow, throughput: env.scaling.throughput },
        ...(env.acl.patterns === 'literal' ? {} : { aclPatterns: env.acl.patterns }),
        ...(env.platform === 'apache-kafka' ? {} : { platform: env.platform }),
      },
      domains: resolvedDomains.sort(byName),
      topics: topics.sort(byName),
      consumerGroups: groups.sort((a, b) => compare(a.groupId, b.groupId)),
      producers: sortByKey(producers, (p) => `${p.topicName}|${p.principal}|${p.service}|${p.source.path}`),
      acls,
      quotas,
      ...(scram.credentials.length === 0 ? {} : { scramCredentials: scram.credentials }),
      ...(connect === undefined ? {} : { connect }),
      // Left out when there are none, so that an environment without any writes the same topology.json as before.
      ...(streams.length === 0 ? {} : { streamsApplications: streams }),
      ...(mskIam === undefined ? {} : { mskIam }),
      ...(confluentCloud === undefined ? {} : { confluentCloud }),
    },
    issues,
  };
}
