/** Why an ACL no declaration derives is kept as a legacy ACL, in words a reviewer can act on. */
import type { AccessEventTopic } from './access';
import type { AclBinding } from '../../model/topology';

export function legacyReason(a: AclBinding, eventTopics: ReadonlyMap<string, AccessEventTopic>, groupReaders: ReadonlySet<string>): string {
  const why: string[] = [];
  if (a.permission === 'Deny') why.push('a DENY rule');
  if (a.principal.endsWith(':*')) why.push('a wildcard principal');
  if (a.resourceName === '*') why.push('a wildcard resource');
  if (a.operation === 'All') why.push('operation All');
  if (a.host !== '*') why.push(`only from host ${a.host}`);
  if (a.patternType === 'Prefixed' && a.resourceType !== 'TransactionalID') why.push(`every ${a.resourceType.toLowerCase()} starting with "${a.resourceName}"`);
  if (a.resourceType === 'Cluster') why.push('a cluster-wide permission');
  if (why.length === 0) {
    if (a.resourceType === 'Topic' && a.operation !== 'Read' && a.operation !== 'Write') {
      why.push(`operation ${a.operation}, which no producer or consumer needs (Describe is implied by Read and Write)`);
    } else if (a.resourceType === 'Topic' && !eventTopics.has(a.resourceName)) why.push('its topic is not adopted as an event topic');
    else if (a.resourceType === 'Topic' && a.operation === 'Read' && !groupReaders.has(a.principal)) {
      why.push('Topic READ without a Group READ of the same principal, so no consumer group can be declared');
    } else if (a.resourceType === 'Group') why.push('no adopted topic is read through this group');
    else why.push('no declared producer or consumer group derives it');
  }
  return `imported from the cluster by topicform import: ${why.join(', ')}; review it and replace it with declared access, or remove it`;
}
