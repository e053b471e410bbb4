/**
 * Topology → confluentinc/confluent resources (platform `confluent-cloud`, docs/confluent-cloud.md): topics as
 * `confluent_kafka_topic`, grants as `confluent_kafka_acl` or `confluent_role_binding`, and `confluent_service_account`
 * for principals whose account terraform creates. Addresses come from content as on every platform (a topic's name,
 * an ACL's seven fields, a role binding's principal, role and resource), so adding one resource never renames another.
 * No resource carries a `credentials` block or a cluster id: the provider block holds them (constructs/confluent-cluster.ts).
 */
import { Construct, type IConstruct } from './cdktf';
import type { RenderTarget } from './render';
import { KafkaAcl } from '../gen/provider-confluent/lib/kafka-acl';
import { KafkaTopic } from '../gen/provider-confluent/lib/kafka-topic';
import { RoleBinding } from '../gen/provider-confluent/lib/role-binding';
import { ServiceAccount } from '../gen/provider-confluent/lib/service-account';
import { aclAddress } from '../model/acl';
import { renderedTopicConfig } from '../model/adopted-config';
import { confluentAcl } from '../model/confluent/acl';
import { crnPattern, roleBindingAddress } from '../model/confluent/role-bindings';
import { confluentPrincipal, principalName, serviceAccountAddress } from '../model/confluent/service-accounts';
import { topicAddress } from '../model/naming';
import { connectTopics } from '../model/resolve/connect';
import type { ResolvedConfluentCloud, ResolvedConnectTopic, ResolvedServiceAccount, ResolvedTopic, Topology } from '../model/topology';

export interface RenderedConfluentResources {
  readonly topics: ReadonlyMap<string, KafkaTopic>;
  /** By the grant's 7-part id. */
  readonly acls: ReadonlyMap<string, KafkaAcl>;
  /** By address. */
  readonly roleBindings: ReadonlyMap<string, RoleBinding>;
  /** Created accounts, by principal. */
  readonly serviceAccounts: ReadonlyMap<string, ServiceAccount>;
  readonly constructs: readonly IConstruct[];
}

/** The cluster's RBAC CRN and id as Terraform expressions (ConfluentCluster.crn); needed with role bindings. */
export interface ConfluentCrn {
  readonly rbacCrn: string;
  readonly kafkaId: string;
}

export function renderConfluentTopology(
  topology: Topology,
  confluent: ResolvedConfluentCloud,
  target: RenderTarget,
  crn: ConfluentCrn | undefined,
): RenderedConfluentResources {
  const inScope = (domain: string): boolean => target.domains === undefined || target.domains.has(domain);
  const topics = new Map<string, KafkaTopic>();
  for (const topic of [...topology.topics, ...connectTopics(topology.connect)]) {
    if (inScope(topic.domain)) topics.set(topic.name, renderTopic(topic, target));
  }
  const constructs: IConstruct[] = [...topics.values()];
  const scope = (id: string): Construct => {
    const created = new Construct(target.fallback, id);
    constructs.push(created);
    return created;
  };

  const accounts = new Map(confluent.serviceAccounts.map((a) => [a.principal, a]));
  const principalOf = (principal: string): string => {
    const account = accounts.get(principal);
    // resolve refuses a topology whose principal has no account; a hand-made one fails loudly rather than granting nobody.
    if (account === undefined) throw new Error(`no Confluent Cloud service account for ${principal}`);
    return confluentPrincipal(account);
  };

  const serviceAccounts = new Map<string, ServiceAccount>();
  const created = confluent.serviceAccounts.filter((a) => a.id === null && inScope(a.domain));
  if (created.length > 0) {
    const accountScope = scope('ServiceAccounts');
    for (const account of created) serviceAccounts.set(account.principal, renderServiceAccount(accountScope, account, topology));
  }

  const acls = new Map<string, KafkaAcl>();
  const roleBindings = new Map<string, RoleBinding>();
  if (confluent.access === 'acls') {
    const aclScope = scope('Acls');
    for (const acl of topology.acls) {
      if (!inScope(acl.domain)) continue;
      const address = aclAddress(acl);
      const attributes = confluentAcl(acl, principalOf(acl.principal));
      const resource = new KafkaAcl(aclScope, address, {
        principal: attributes.principal,
        host: attributes.host,
        operation: attributes.operation,
        permission: attributes.permission,
        resourceType: attributes.resourceType,
        resourceName: attributes.resourceName,
        patternType: attributes.patternType,
      });
      resource.overrideLogicalId(address);
      acls.set(acl.id, resource);
    }
  } else {
    if (crn === undefined) throw new Error('role bindings need the cluster CRN variables (ConfluentCluster with access role-bindings)');
    const bindingScope = scope('RoleBindings');
    for (const binding of confluent.roleBindings ?? []) {
      if (!inScope(binding.domain)) continue;
      const address = roleBindingAddress(binding);
      const resource = new RoleBinding(bindingScope, address, {
        principal: principalOf(binding.principal),
        roleName: binding.role,
        crnPattern: crnPattern(binding, crn.rbacCrn, crn.kafkaId),
      });
      resource.overrideLogicalId(address);
      roleBindings.set(address, resource);
    }
  }
  return { topics, acls, roleBindings, serviceAccounts, constructs };
}

function renderServiceAccount(scope: Construct, account: ResolvedServiceAccount, topology: Topology): ServiceAccount {
  const address = serviceAccountAddress(account.principal);
  const resource = new ServiceAccount(scope, address, {
    displayName: principalName(account.principal),
    description: `${account.principal} of topicform environment ${topology.environment.name}`,
  });
  resource.overrideLogicalId(address);
  return resource;
}

function renderTopic(topic: ResolvedTopic | ResolvedConnectTopic, target: RenderTarget): KafkaTopic {
  const owner = target.scopeFor(topic.source.path);
  const address = topicAddress(topic.name);
  // As on Apache Kafka: an event topic is its construct's 'Resource'; companions live under the group that needs them.
  const [scope, id] = owner !== undefined && topic.kind === 'event' ? [owner, 'Resource'] : [owner ?? target.fallback, address];
  const config = renderedTopicConfig(topic.config);
  // No replication factor: Confluent Cloud keeps three replicas and the resource has no such attribute.
  const resource = new KafkaTopic(scope, id, {
    topicName: topic.name,
    partitionsCount: topic.partitions.value,
    ...(Object.keys(config).length === 0 ? {} : { config }),
    ...(topic.protect ? { lifecycle: { preventDestroy: true } } : {}),
  });
  resource.overrideLogicalId(address);
  return resource;
}
