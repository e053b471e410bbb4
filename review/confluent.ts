/**
 * Review on platform confluent-cloud: the stack's `confluent_kafka_topic`, `confluent_kafka_acl` and
 * `confluent_role_binding` read back into the Kafka model review already judges (docs/confluent-cloud.md). A Confluent
 * ACL is the Kafka ACL it was rendered from (model/confluent/acl.ts); a role binding is every grant its role allows on
 * its resource (model/confluent/role-bindings.ts), so a removed binding a declared client still needs is the same BLOCK
 * as a removed ACL. Principals go back from the service account (`User:sa-…`, or a created account's reference) to the
 * declared principal through topology.json's service accounts.
 */
import { aclId } from '../model/acl';
import { bindingOfConfluentAcl } from '../model/confluent/acl';
import { grantsOf } from '../model/confluent/role-bindings';
import { confluentPrincipal } from '../model/confluent/service-accounts';
import { CONFLUENT_CLOUD_REPLICATION_FACTOR } from '../model/schema/confluent';
import type { AclBinding, ResolvedConfluentCloud, ResolvedRoleBinding } from '../model/topology';
import { asNumber, asObject, asString } from './json-reader';
import type { JsonObject } from './json-reader';
import type { AclResource, TopicResource } from './types';

/** The Confluent provider's default partition count ("Defaults to `6`", its topic page). */
const CONFLUENT_DEFAULT_PARTITIONS = 6;

/** Declared principal by the principal the Confluent resources name. */
function principalsBack(confluent: ResolvedConfluentCloud | undefined): (written: string) => string {
  const back = new Map((confluent?.serviceAccounts ?? []).map((a) => [confluentPrincipal(a), a.principal]));
  // A service account nobody declares any more keeps its own name: review then shows it as it is written.
  return (written) => back.get(written) ?? written;
}

export function readConfluentTopic(key: string, value: unknown): TopicResource {
  const path = ['resource', 'confluent_kafka_topic', key];
  const body = asObject(value, path);
  const config: Record<string, string> = {};
  if (body.config !== undefined && body.config !== null) {
    const raw = asObject(body.config, [...path, 'config']);
    for (const k of Object.keys(raw)) config[k] = asString(raw[k], [...path, 'config', k]);
  }
  const lifecycle = body.lifecycle === undefined ? {} : asObject(body.lifecycle, [...path, 'lifecycle']);
  return {
    address: `confluent_kafka_topic.${key}`,
    key,
    name: asString(body.topic_name, [...path, 'topic_name']),
    partitions: body.partitions_count === undefined ? CONFLUENT_DEFAULT_PARTITIONS : asNumber(body.partitions_count, [...path, 'partitions_count']),
    replicationFactor: CONFLUENT_CLOUD_REPLICATION_FACTOR,
    config,
    preventDestroy: lifecycle.prevent_destroy === true,
  };
}

const aclResource = (type: string, key: string, binding: AclBinding): AclResource => ({ address: `${type}.${key}`, key, id: aclId(binding), binding });

export function readConfluentAcls(acls: JsonObject, confluent: ResolvedConfluentCloud | undefined): AclResource[] {
  const back = principalsBack(confluent);
  return Object.keys(acls).map((key) => {
    const path = ['resource', 'confluent_kafka_acl', key];
    const body = asObject(acls[key], path);
    const field = (name: string): string => asString(body[name], [...path, name]);
    const principal = field('principal');
    const binding = bindingOfConfluentAcl(
      {
        principal,
        host: field('host'),
        operation: field('operation'),
        permission: field('permission'),
        resourceType: field('resource_type'),
        resourceName: field('resource_name'),
        patternType: field('pattern_type'),
      },
      back(principal),
    );
    return aclResource('confluent_kafka_acl', key, binding);
  });
}

/** `…/kafka=<id>/topic=<name>[*]` → the binding's resource; the cluster itself when the CRN ends at `kafka=<id>`. */
function crnResource(crn: string): Pick<ResolvedRoleBinding, 'resourceType' | 'resourceName' | 'prefix'> | undefined {
  const match = /\/kafka=[^/]+(?:\/(topic|group|transactional-id)=([^/]+))?$/.exec(crn);
  if (match === null) return undefined;
  if (match[1] === undefined) return { resourceType: 'cluster', resourceName: '', prefix: false };
  const name = match[2] as string;
  const prefix = name.endsWith('*');
  return { resourceType: match[1] as ResolvedRoleBinding['resourceType'], resourceName: prefix ? name.slice(0, -1) : name, prefix };
}

const ROLES = new Set(['DeveloperRead', 'DeveloperWrite', 'DeveloperManage']);

/** Each role binding as the grants its role allows; a binding on anything else (another role, a non-Kafka CRN) is left out. */
export function readRoleBindings(bindings: JsonObject, confluent: ResolvedConfluentCloud | undefined): AclResource[] {
  const back = principalsBack(confluent);
  return Object.keys(bindings).flatMap((key) => {
    const path = ['resource', 'confluent_role_binding', key];
    const body = asObject(bindings[key], path);
    const role = asString(body.role_name, [...path, 'role_name']);
    const resource = crnResource(asString(body.crn_pattern, [...path, 'crn_pattern']));
    if (!ROLES.has(role) || resource === undefined) return [];
    const principal = back(asString(body.principal, [...path, 'principal']));
    return grantsOf({ principal, role: role as ResolvedRoleBinding['role'], ...resource }).map((binding) =>
      aclResource('confluent_role_binding', key, binding),
    );
  });
}
