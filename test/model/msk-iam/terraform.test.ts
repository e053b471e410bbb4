/**
 * The Terraform names and texts of MSK IAM policies (model/msk-iam/terraform.ts, docs/msk-iam.md "Policies in
 * Terraform"). Expected names by hand from the definitions: a Terraform resource name starts with a letter or `_`
 * and holds letters, digits, `_` and `-` (Terraform language, "Resource Blocks"); an IAM policy name is 1-128 of
 * `[\w+=,.@-]` (IAM API reference, CreatePolicy `PolicyName`). The 8-character hashes are the first 8 hex digits of
 * SHA-256 of the text named, computed with coreutils (`printf '%s' 'ops' | sha256sum`), not with the code under test.
 */
import { describe, expect, it } from 'vitest';
import { policyAddress, policyDescription, policyName, roleAddress, terraformPolicyText } from '../../../model/msk-iam/terraform';

// printf '%s' <text> | sha256sum | cut -c1-8
const SHA8 = {
  'CN=reporting,OU=data': '4bf1b6b5',
  ops: 'a92c36e6',
  'msk.role': 'bd2ade9f',
  '1svc': '88ee543e',
  'Group:ops': 'e986f9fd',
  'User:CN=a b': '3f8f121d',
} as const;

describe('Terraform address names', () => {
  it('keep a User principal name that is already a Terraform name', () => {
    expect(policyAddress('User:order-service')).toBe('order-service');
    expect(policyAddress('User:_svc_2')).toBe('_svc_2');
  });

  it('make any other name safe, with the hash of the name so two names made alike stay apart', () => {
    expect(policyAddress('User:CN=reporting,OU=data')).toBe(`principal_CN_reporting_OU_data_${SHA8['CN=reporting,OU=data']}`);
    expect(policyAddress('User:1svc')).toBe(`principal_1svc_${SHA8['1svc']}`); // a name cannot start with a digit
    expect(policyAddress('Group:ops')).toBe(`principal_ops_${SHA8.ops}`); // only User: principals keep their name
  });

  it('keep a role name that is one, and make a dotted one safe', () => {
    expect(roleAddress('msk-order-service')).toBe('msk-order-service');
    expect(roleAddress('msk.role')).toBe(`role_msk_role_${SHA8['msk.role']}`);
  });
});

describe('IAM policy names', () => {
  it('are topicform-<environment>-<principal name> when IAM allows that', () => {
    expect(policyName('dev', 'User:order-service')).toBe('topicform-dev-order-service');
    expect(policyName('dev', 'User:CN=reporting,OU=data')).toBe('topicform-dev-CN=reporting,OU=data'); // = and , are allowed
  });

  it('replace what IAM refuses and add the hash of the principal; a non-User principal always gets the hash', () => {
    expect(policyName('dev', 'User:CN=a b')).toBe(`topicform-dev-CN=a_b-${SHA8['User:CN=a b']}`);
    expect(policyName('dev', 'Group:ops')).toBe(`topicform-dev-ops-${SHA8['Group:ops']}`);
  });

  it('keep 128 characters, and cut a longer name to 119 plus - and the 8-digit hash: 128 again', () => {
    const at = 'a'.repeat(114); // "topicform-dev-" is 14 characters: 128 in all
    expect(policyName('dev', `User:${at}`)).toBe(`topicform-dev-${at}`);
    const over = 'b'.repeat(115); // 129 in all
    const name = policyName('dev', `User:${over}`);
    expect(name.length).toBe(128);
    expect(name.slice(0, 120)).toBe(`topicform-dev-${'b'.repeat(105)}-`);
    expect(name).toMatch(/^topicform-dev-b{105}-[0-9a-f]{8}$/);
  });
});

describe('policy description and text', () => {
  it('describes the policy by principal and environment only (ForceNew in the provider)', () => {
    expect(policyDescription('prod', 'User:order-service')).toBe(
      'Amazon MSK IAM access of User:order-service in environment prod, from its grants declared in topicform',
    );
  });

  it('writes the policy document with ARNs built from the local that splits var.msk_cluster_arn', () => {
    const text = terraformPolicyText({
      principal: 'User:a',
      statements: [{ actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [{ type: 'topic', name: 'shop.', prefix: true }] }],
      neededBy: [],
    });
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
          Resource: [
            'arn:${local.msk_cluster.partition}:kafka:${local.msk_cluster.region}:${local.msk_cluster.account}:topic/${local.msk_cluster.cluster_name}/${local.msk_cluster.cluster_uuid}/shop.*',
          ],
        },
      ],
    });
  });
});
