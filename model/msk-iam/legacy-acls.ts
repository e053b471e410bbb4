/**
 * Legacy ACLs on an MSK IAM environment that writes no Kafka ACL: said, not dropped in silence. A legacy ACL is
 * usually for a principal outside IAM (a SCRAM or mTLS reporting tool on the same cluster), for which Kafka ACLs still
 * decide access ("Apache Kafka ACLs have no effect on authorization for IAM identities",
 * https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html); without `auth.aws.kafkaAcls` none
 * is rendered, so that principal would lose what the declaration says it keeps.
 */
import type { Issue } from '../issues';
import type { LegacyAclDeclaration } from '../schema/legacy-acl';

/** One warning per legacy ACL that an `aws-iam` environment without `auth.aws.kafkaAcls` will not render. */
export function legacyAclsNotRendered(
  legacyAcls: readonly LegacyAclDeclaration[],
  environment: string,
): Array<{ source: LegacyAclDeclaration['source']; issue: Issue }> {
  return legacyAcls.map((l) => ({
    source: l.source,
    issue: {
      path: '',
      code: 'legacy-acl-not-rendered',
      severity: 'warning',
      message: `legacy ACL ${l.permission} ${l.principal} ${l.operation} on ${l.resourceType} ${l.resourceName} is not written: environment "${environment}" uses MSK IAM access control and renders no Kafka ACL without auth.aws.kafkaAcls`,
      hint: 'set auth.aws.kafkaAcls: true in environments.ts when this principal signs in with SCRAM or mTLS on the same cluster; an IAM identity needs the action in its IAM policy instead',
    },
  }));
}
