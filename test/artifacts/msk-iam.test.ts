/**
 * The MSK IAM policy artifacts (iam/<env>/<principal>.json) of an aws-iam environment: one per principal, the policy
 * document ready to attach, concrete ARNs when the cluster ARN is declared and template placeholders otherwise
 * (documents followed: see test/model/msk-iam/policies.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { generateArtifacts, isGeneratedArtifact } from '../../artifacts';
import { policyFileName } from '../../artifacts/msk-iam';
import { synthStack } from '../helpers/synth';
import { MSK_IAM, shop } from '../model/msk-iam/fixture';

interface PolicyFile {
  readonly principal: string;
  readonly clusterArn: string | null;
  readonly templateVariables?: readonly string[];
  readonly neededBy: readonly string[];
  readonly policy: { readonly Version: string; readonly Statement: ReadonlyArray<{ Effect: string; Action: string[]; Resource: string[] }> };
}

const iamFiles = (files: ReadonlyMap<string, string>): string[] => [...files.keys()].filter((p) => p.startsWith('iam/'));

describe('MSK IAM policy artifacts', () => {
  const files = generateArtifacts([synthStack((s) => shop(s), MSK_IAM).topology]);

  it('writes one policy per principal under iam/<env>/, each marked as generated', () => {
    expect(iamFiles(files)).toEqual([
      'iam/msk/audit-service.json',
      'iam/msk/ledger-service.json',
      'iam/msk/notification-service.json',
      'iam/msk/order-service.json',
      'iam/msk/order-totals.json',
      'iam/msk/payment-service.json',
      'iam/msk/shop-cdc.json',
      'iam/msk/shop-connect.json',
      'iam/msk/shop-sink.json',
    ]);
    for (const path of iamFiles(files)) expect(isGeneratedArtifact(files.get(path) ?? ''), path).toBe(true);
  });

  it('holds the principal\'s policy document with the declared cluster\'s ARNs ([USE-CASES] "Produce data idempotently")', () => {
    const file = JSON.parse(files.get('iam/msk/order-service.json') ?? '{}') as PolicyFile;
    expect(file.principal).toBe('User:order-service');
    expect(file.templateVariables).toBeUndefined();
    expect(file.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['kafka-cluster:Connect', 'kafka-cluster:WriteDataIdempotently'],
          Resource: ['arn:aws:kafka:eu-west-1:123456789012:cluster/shop/abcd-1234-ef'],
        },
        {
          Effect: 'Allow',
          Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'],
          Resource: ['arn:aws:kafka:eu-west-1:123456789012:topic/shop/abcd-1234-ef/shop.order-created'],
        },
      ],
    });
    expect(file.neededBy).toContain('producer order-service writes shop.order-created');
  });

  it('writes template placeholders when the cluster ARN is not declared', () => {
    const templated = generateArtifacts([synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'aws-iam' } }).topology]);
    const file = JSON.parse(templated.get('iam/msk/order-service.json') ?? '{}') as PolicyFile;
    expect(file.clusterArn).toBeNull();
    expect(file.templateVariables).toEqual(['partition', 'region', 'account', 'cluster_name', 'cluster_uuid']);
    expect(file.policy.Statement[1]?.Resource).toEqual([
      'arn:${partition}:kafka:${region}:${account}:topic/${cluster_name}/${cluster_uuid}/shop.order-created',
    ]);
  });

  it('writes nothing under iam/ for an environment that is not aws-iam', () => {
    expect(iamFiles(generateArtifacts([synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'scram-sha512' } }).topology]))).toEqual([]);
  });

  it('is byte-identical whatever the declaration order', () => {
    const reversed = generateArtifacts([synthStack((s) => shop(s, true), MSK_IAM).topology]);
    for (const path of iamFiles(files)) expect(reversed.get(path), path).toBe(files.get(path));
  });

  it('names files after the principal, made safe and distinct when the name is not a plain file name', () => {
    expect(policyFileName('User:payment-service')).toBe('payment-service');
    const dn = policyFileName('User:CN=orders svc,OU=x');
    expect(dn).toMatch(/^CN_orders_svc_OU_x-[0-9a-f]{8}$/);
    expect(policyFileName('User:CN=orders_svc,OU=x')).not.toBe(dn);
    expect(policyFileName('Group:payment-service')).not.toBe('payment-service');
  });
});
