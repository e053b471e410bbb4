/** How a finding's subject is named: in finding ids (stable) and in titles (readable). */
import { parseAclId } from '../model/acl';
import { iamGrantLabel, parseIamGrantId } from '../model/msk-iam/grants';
import type { PrincipalResourceType, Subject } from './types';

/** The subject part of a finding id: a topic name, an ACL's 7-part id, `group:<id>`, `connector:<cluster group id>/<name>`, `producer:<service>@<topic>`, `domain:<name>`, `credential:<principal>`, `<terraform type>:<principal>`. */
export function subjectKey(subject: Subject): string {
  switch (subject.kind) {
    case 'topic':
      return subject.name;
    case 'acl':
      return subject.id;
    case 'group':
      return `group:${subject.groupId}`;
    case 'connector':
      return `connector:${subject.clusterGroupId}/${subject.name}`;
    case 'producer':
      return `producer:${subject.service}@${subject.topic}`;
    case 'domain':
      return `domain:${subject.name}`;
    case 'credential':
      return `credential:${subject.principal}`;
    case 'stack':
      return 'stack';
    case 'iam-grant':
      return `iam:${subject.id}`;
    case 'principal-resource':
      return `${subject.type}:${subject.principal}`;
  }
}

const PRINCIPAL_RESOURCE_NOUN: Readonly<Record<PrincipalResourceType, string>> = {
  confluent_service_account: 'Confluent Cloud service account',
  aws_iam_policy: 'MSK IAM policy',
  aws_iam_role_policy_attachment: 'MSK IAM policy attachment',
};

/** `ACL User:payment-service Read on Topic orders.order-created`, with pattern, host and Deny only when unusual. */
export function aclLabel(id: string): string {
  const b = parseAclId(id);
  if (b === undefined) return `ACL ${id}`;
  const pattern = b.patternType === 'Literal' ? '' : ` (${b.patternType})`;
  const host = b.host === '*' ? '' : ` from ${b.host}`;
  const permission = b.permission === 'Allow' ? '' : `${b.permission} `;
  return `ACL ${b.principal} ${permission}${b.operation} on ${b.resourceType} ${b.resourceName}${pattern}${host}`;
}

/** Readable name of a subject for titles. */
export function subjectLabel(subject: Subject): string {
  switch (subject.kind) {
    case 'topic':
      return `topic ${subject.name}`;
    case 'acl':
      return aclLabel(subject.id);
    case 'group':
      return `consumer group ${subject.groupId}`;
    case 'connector':
      return `connector ${subject.name} on ${subject.clusterGroupId}`;
    case 'producer':
      return `producer ${subject.service} of ${subject.topic}`;
    case 'domain':
      return `domain ${subject.name}`;
    case 'credential':
      return `SCRAM credential of ${subject.principal}`;
    case 'stack':
      return 'the stack';
    case 'iam-grant': {
      const g = parseIamGrantId(subject.id);
      return g === undefined ? `IAM grant ${subject.id}` : iamGrantLabel(g);
    }
    case 'principal-resource':
      return `${PRINCIPAL_RESOURCE_NOUN[subject.type]} of ${subject.principal}`;
  }
}
