/**
 * Prefixed ACL mode (environment `acl.patterns`): which Literal Topic and Group ACLs a domain prefix replaces, and
 * whether one ACL covers another. Pure; deriveAcls (model/acl.ts) and review (review/acl-patterns.ts) both read it.
 *
 * Only a domain's own clients get the prefix: a consumer group of the domain reading the domain's topics, a producer
 * of the domain's topics. A cross-domain reader keeps its Literal ACL (the owning team granted one topic, not its
 * prefix), and so does a resource whose name is outside the prefix (an explicit `topicName`, a custom group id, a
 * companion of another domain's topic).
 */
import type { AclBinding } from './topology';
import type { AclPatternMode } from './vocabulary';

/**
 * The prefix a domain owns for its topics: `<topicPrefix><domain>.`. The trailing separator keeps `orders.` from
 * matching `orders-archive.x` (a Prefixed ACL matches by plain string prefix).
 */
export function domainTopicPrefix(topicPrefix: string, domain: string): string {
  return `${topicPrefix}${domain}.`;
}

/** The prefix a domain owns for its consumer group ids: `<domain>.` (group ids carry no topic prefix). */
export function domainGroupPrefix(domain: string): string {
  return `${domain}.`;
}

/** Whether the mode emits Literal ACLs for a domain's own clients. */
export const keepsLiteral = (mode: AclPatternMode): boolean => mode !== 'prefixed';

/** Whether the mode emits Prefixed ACLs for a domain's own clients. */
export const emitsPrefixed = (mode: AclPatternMode): boolean => mode !== 'literal';

/**
 * The Prefixed binding that stands for a Literal Topic or Group binding of a domain's own client, or undefined when
 * the binding stays Literal (another resource type, a cross-domain client, a name outside the domain's prefix).
 */
export function prefixedBinding(binding: AclBinding, owner: string, requester: string, topicPrefix: string): AclBinding | undefined {
  if (binding.patternType !== 'Literal' || owner !== requester) return undefined;
  const prefix =
    binding.resourceType === 'Topic' ? domainTopicPrefix(topicPrefix, owner) : binding.resourceType === 'Group' ? domainGroupPrefix(owner) : undefined;
  if (prefix === undefined || !binding.resourceName.startsWith(prefix) || binding.resourceName === prefix) return undefined;
  return { ...binding, resourceName: prefix, patternType: 'Prefixed' };
}

/**
 * Whether `wide` grants everything `narrow` grants: the same principal, host, operation, permission and resource
 * type, and `wide` is `narrow` itself or a Prefixed pattern that `narrow`'s name starts with. (A Prefixed `narrow` is
 * covered only by a shorter or equal prefix.)
 */
export function covers(wide: AclBinding, narrow: AclBinding): boolean {
  if (
    wide.principal !== narrow.principal ||
    wide.host !== narrow.host ||
    wide.operation !== narrow.operation ||
    wide.permission !== narrow.permission ||
    wide.resourceType !== narrow.resourceType
  ) {
    return false;
  }
  if (wide.patternType === 'Literal') return narrow.patternType === 'Literal' && wide.resourceName === narrow.resourceName;
  return wide.patternType === 'Prefixed' && narrow.resourceName.startsWith(wide.resourceName);
}
