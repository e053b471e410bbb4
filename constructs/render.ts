/**
 * Topology → L1 resources of the generated bindings. Every Terraform address is derived from content (topic name; an
 * ACL's seven fields), never from position or construct path, so adding one resource never renames another.
 */
import { Construct, TerraformVariable, type IConstruct } from './cdktf';
import { Acl } from '../gen/provider-kafka/lib/acl';
import { Quota } from '../gen/provider-kafka/lib/quota';
import { Topic } from '../gen/provider-kafka/lib/topic';
import { UserScramCredential } from '../gen/provider-kafka/lib/user-scram-credential';
import { aclAddress } from '../model/acl';
import { renderedTopicConfig, type BrokerDefaults } from '../model/adopted-config';
import { topicAddress } from '../model/naming';
import { hasRates, quotaAddress, quotaConfig } from '../model/quota';
import { connectTopics } from '../model/resolve/connect';
import { scramCredentialAddress } from '../model/scram';
import type { RenderedConfluentResources } from './confluent-render';
import type { ResolvedConnectTopic, ResolvedScramCredential, ResolvedTopic, Topology } from '../model/topology';

export interface RenderTarget {
  /** The construct a declaration came from, by its construct path. */
  readonly scopeFor: (path: string) => IConstruct | undefined;
  /** Where resources without a declaring construct go (ACLs). */
  readonly fallback: Construct;
  /** Only resources of these domains are rendered (a domain's stack); all when undefined. */
  readonly domains?: ReadonlySet<string>;
  /** Adopted topics' configs the broker applies (AdoptedResources.brokerDefaults): left out where the value matches. */
  readonly brokerDefaults?: BrokerDefaults;
}

export type { BrokerDefaults } from '../model/adopted-config';

/**
 * The resources that exist on the cluster already (`adopted/<env>.json`, written by `topicform import`).
 */
export interface AdoptedResources {
  /** Topic names: each gets an `import` block. */
  readonly topics?: readonly string[];
  /** ACL ids (`principal|host|operation|permission|type|name|pattern`): each gets an `import` block. */
  readonly acls?: readonly string[];
  /**
   * Per adopted topic, the configs it gets from the broker rather than from a topic override, e.g.
   * `{ "orders.order-shipped": { "cleanup.policy": "delete", "min.insync.replicas": "2" } }`. topicform writes every
   * config it derives as a topic override; a key listed here with the same value the declaration derives is left out of
   * the topic's Terraform config instead, so adopting the topic changes nothing. Once the declaration derives another
   * value, the key is rendered again and the plan shows the change. The resolved topology (lint, docs, review) keeps the
   * effective values. Should the broker's setting change later, these topics follow it, as they did before adoption.
   *
   * @default - none: every derived config is a topic override
   */
  readonly brokerDefaults?: BrokerDefaults;
}

export interface RenderedResources {
  readonly topics: ReadonlyMap<string, Topic>;
  readonly acls: ReadonlyMap<string, Acl>;
  /** By principal. */
  readonly quotas: ReadonlyMap<string, Quota>;
  /** SCRAM credentials by principal. */
  readonly credentials: ReadonlyMap<string, UserScramCredential>;
  /** The constructs rendering attached to the tree (topics, the ACL and quota scopes): what removes them all again. */
  readonly constructs: readonly IConstruct[];
  /** On platform `confluent-cloud` the resources are the Confluent provider's, here; the maps above are then empty. */
  readonly confluent?: RenderedConfluentResources;
}

export function renderTopology(topology: Topology, target: RenderTarget): RenderedResources {
  const inScope = (domain: string): boolean => target.domains === undefined || target.domains.has(domain);
  const topics = new Map<string, Topic>();
  for (const topic of topology.topics) {
    if (!inScope(topic.domain)) continue;
    topics.set(topic.name, renderTopic(topic, target, target.brokerDefaults?.[topic.name] ?? {}));
  }
  // Kafka Connect's storage and dead-letter topics, under the Connect cluster or connector that needs them.
  for (const topic of connectTopics(topology.connect)) {
    if (!inScope(topic.domain)) continue;
    topics.set(topic.name, renderTopic(topic, target, target.brokerDefaults?.[topic.name] ?? {}));
  }
  const acls = new Map<string, Acl>();
  const aclScope = new Construct(target.fallback, 'Acls');
  const constructs: IConstruct[] = [...topics.values(), aclScope];
  for (const acl of topology.acls) {
    if (!inScope(acl.domain)) continue;
    const address = aclAddress(acl);
    const resource = new Acl(aclScope, address, {
      aclPrincipal: acl.principal,
      aclHost: acl.host,
      aclOperation: acl.operation,
      aclPermissionType: acl.permission,
      resourceType: acl.resourceType,
      resourceName: acl.resourceName,
      resourcePatternTypeFilter: acl.patternType,
    });
    resource.overrideLogicalId(address);
    acls.set(acl.id, resource);
  }
  // Client quotas: `kafka_quota` per User principal, addressed by its entity (never by its rates: model/quota.ts).
  const quotas = new Map<string, Quota>();
  let quotaScope: Construct | undefined;
  for (const quota of topology.quotas ?? []) {
    if (!inScope(quota.domain) || !hasRates(quota)) continue;
    if (quotaScope === undefined) {
      quotaScope = new Construct(target.fallback, 'Quotas');
      constructs.push(quotaScope);
    }
    const address = quotaAddress(quota);
    const resource = new Quota(quotaScope, address, { entityType: 'user', entityName: quota.entityName, config: quotaConfig(quota) });
    resource.overrideLogicalId(address);
    quotas.set(quota.principal, resource);
  }
  const credentials = new Map<string, UserScramCredential>();
  let credentialScope: Construct | undefined;
  for (const credential of topology.scramCredentials ?? []) {
    if (!inScope(credential.domain)) continue;
    if (credentialScope === undefined) {
      credentialScope = new Construct(target.fallback, 'Credentials');
      constructs.push(credentialScope);
    }
    credentials.set(credential.principal, renderScramCredential(credentialScope, credential));
  }
  return { topics, acls, quotas, credentials, constructs };
}

/**
 * A `kafka_user_scram_credential` whose password comes from an ephemeral, sensitive variable through the write-only
 * `password_wo` (model/scram.ts): the value is in no file synth writes, in no plan and in no state.
 */
function renderScramCredential(scope: Construct, credential: ResolvedScramCredential): UserScramCredential {
  const variable = new TerraformVariable(scope, credential.variable, {
    type: 'string',
    sensitive: true,
    nullable: false,
    description: `SCRAM password of ${credential.principal} (${credential.services.join(', ')}); supply as TF_VAR_${credential.variable}, and bump passwordVersion in environments.ts when it changes`,
  });
  variable.overrideLogicalId(credential.variable);
  // Ephemeral (Terraform ≥ 1.10): the saved plan file never holds the value either. cdktf 0.21 has no prop for it.
  variable.addOverride('ephemeral', true);
  const address = scramCredentialAddress(credential);
  const resource = new UserScramCredential(scope, address, {
    username: credential.username,
    scramMechanism: credential.mechanism,
    scramIterations: credential.iterations,
    passwordWo: variable.stringValue,
    passwordWoVersion: credential.passwordVersion,
  });
  resource.overrideLogicalId(address);
  return resource;
}

function renderTopic(topic: ResolvedTopic | ResolvedConnectTopic, target: RenderTarget, brokerLevel: Readonly<Record<string, string>>): Topic {
  const owner = target.scopeFor(topic.source.path);
  const address = topicAddress(topic.name);
  // An event topic is its construct's 'Resource'; companions live under the consumer group that needs them.
  const [scope, id] = owner !== undefined && topic.kind === 'event' ? [owner, 'Resource'] : [owner ?? target.fallback, address];
  const config = renderedTopicConfig(topic.config, brokerLevel);
  const resource = new Topic(scope, id, {
    name: topic.name,
    partitions: topic.partitions.value,
    replicationFactor: topic.replicationFactor,
    // A topic whose every config comes from the broker has no `config` at all: terraform tells an empty map from none,
    // and the provider reads a topic without overrides as none.
    ...(Object.keys(config).length === 0 ? {} : { config }),
    ...(topic.protect ? { lifecycle: { preventDestroy: true } } : {}),
  });
  resource.overrideLogicalId(address);
  return resource;
}
