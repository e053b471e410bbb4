/**
 * A legacy ACL on an MSK IAM environment: MSK ignores Kafka ACLs for IAM identities but still applies them to SCRAM
 * and mTLS principals ("Apache Kafka ACLs have no effect on authorization for IAM identities",
 * https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html). Without auth.aws.kafkaAcls topicform
 * writes no ACL there, so a declared legacy ACL is said to be left out, where it is declared, instead of vanishing.
 */
import { describe, expect, it } from 'vitest';
import { legacyAclsNotRendered } from '../../../model/msk-iam/legacy-acls';
import { resolve } from '../../../model/resolve';
import { legacyAclSchema } from '../../../model/schema/legacy-acl';
import type { EnvironmentInput } from '../../../model/schema';
import { legacyAcl, ordersDeclarations } from '../../rules/declarations';
import { CLUSTER_ARN } from './fixture';

const MSK: EnvironmentInput = {
  name: 'msk',
  production: false,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  auth: { mechanism: 'aws-iam', aws: { clusterArn: CLUSTER_ARN } },
};
const declarations = { ...ordersDeclarations(), legacyAcls: [legacyAcl('orders')] };

describe('a legacy ACL on an aws-iam environment', () => {
  it('is a warning at its declaration when no Kafka ACL is written, and the environment still resolves', () => {
    const result = resolve(declarations, MSK);
    expect(result.topology?.acls).toEqual([]);
    expect(result.issues.map((i) => [i.source.path, i.code, i.severity, i.message])).toEqual([
      [
        'dev/orders/LegacyReporting',
        'legacy-acl-not-rendered',
        'warning',
        'legacy ACL Allow User:reporting Read on Topic orders. is not written: environment "msk" uses MSK IAM access control and renders no Kafka ACL without auth.aws.kafkaAcls',
      ],
    ]);
    expect(result.issues[0]?.hint).toMatch(/^set auth\.aws\.kafkaAcls: true in environments\.ts/);
  });

  it('is written, with no warning, when auth.aws.kafkaAcls is true', () => {
    const result = resolve(declarations, { ...MSK, auth: { mechanism: 'aws-iam', aws: { clusterArn: CLUSTER_ARN, kafkaAcls: true } } });
    expect(result.issues).toEqual([]);
    expect(
      result.topology?.acls.filter((a) => a.principal === 'User:reporting').map((a) => [a.operation, a.resourceType, a.resourceName, a.patternType]),
    ).toEqual([['Read', 'Topic', 'orders.', 'Prefixed']]);
  });

  it('gives no such warning on other environments', () => {
    const result = resolve(declarations, { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 });
    expect(result.issues.filter((i) => i.code === 'legacy-acl-not-rendered')).toEqual([]);
  });
});

describe('legacyAclsNotRendered', () => {
  it('says it at the declaration itself: its source, and no field inside it (an empty path)', () => {
    const declared = legacyAclSchema.parse(legacyAcl('orders'));
    const [only, ...rest] = legacyAclsNotRendered([declared], 'msk');
    expect(rest).toEqual([]);
    expect(only?.source).toEqual({ path: 'dev/orders/LegacyReporting', file: 'topics/orders.ts', line: 50 });
    expect(only?.issue.path).toBe('');
    expect(only?.issue.code).toBe('legacy-acl-not-rendered');
  });
});
