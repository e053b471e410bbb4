/**
 * A Kafka ACL binding in the spelling of the confluentinc/confluent provider's `confluent_kafka_acl` (its resource page:
 * "resource_type … TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN", "operation … READ, WRITE, CREATE, DELETE,
 * ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, and IDEMPOTENT_WRITE", "pattern_type … LITERAL and
 * PREFIXED", "permission … DENY and ALLOW", "resource_name … Must be `kafka-cluster` if resource_type equals to CLUSTER",
 * "host … Should be set to `*` for Confluent Cloud"), and back.
 *
 * The mapping is one to one, so the Kafka-ACL model (topology.json, review, the access report) stays the same on
 * Confluent Cloud; only the principal changes, to the service account the declared principal maps to.
 */
import type { AclBinding } from '../topology';
import type { AclOperation, AclPatternType, AclResourceType } from '../vocabulary';

/** The attributes of a `confluent_kafka_acl` that carry the binding (the provider's names). */
export interface ConfluentAclAttributes {
  readonly principal: string;
  readonly host: string;
  readonly operation: string;
  readonly permission: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly patternType: string;
}

/** Kafka's CamelCase names (the Mongey spelling topicform uses) to the upper snake case of the Confluent REST API. */
const upperSnake = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** `confluent_kafka_acl` attributes of a binding, with `principal` the Confluent principal (`User:sa-…`). */
export function confluentAcl(binding: AclBinding, principal: string): ConfluentAclAttributes {
  return {
    principal,
    host: binding.host,
    operation: upperSnake(binding.operation),
    permission: binding.permission.toUpperCase(),
    // TransactionalID → TRANSACTIONAL_ID, DelegationToken → DELEGATION_TOKEN.
    resourceType: upperSnake(binding.resourceType),
    // Kafka's own Cluster resource name is already `kafka-cluster` (model/limits.ts).
    resourceName: binding.resourceName,
    patternType: binding.patternType.toUpperCase(),
  };
}

const fromUpperSnake = (name: string): string =>
  name
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * The Kafka-ACL binding a `confluent_kafka_acl` stands for, with `principal` the declared principal it was rendered for
 * (review maps `User:sa-…` back through the environment's service accounts).
 */
export function bindingOfConfluentAcl(attributes: ConfluentAclAttributes, principal: string): AclBinding {
  const resourceType = attributes.resourceType === 'TRANSACTIONAL_ID' ? 'TransactionalID' : fromUpperSnake(attributes.resourceType);
  return {
    principal,
    host: attributes.host,
    operation: fromUpperSnake(attributes.operation) as AclOperation,
    permission: fromUpperSnake(attributes.permission) as AclBinding['permission'],
    resourceType: resourceType as AclResourceType,
    resourceName: attributes.resourceName,
    patternType: fromUpperSnake(attributes.patternType) as AclPatternType,
  };
}
