/**
 * The provider block of an environment with auth `aws-iam` (Amazon MSK IAM access control): the Mongey provider's
 * `sasl_mechanism = "aws-iam"` and its `sasl_aws_*` settings (provider-schema/NOTES.md), credentials never in it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import { guard } from '../../guard/guard';
import { topologySchema } from '../../model/topology-schema';
import type { EnvironmentInput } from '../../model/schema';
import { PROVIDER_SECRET_ATTRIBUTES } from '../../model/schema/auth';
import { schemaProblems } from '../helpers/provider-schema';
import { synthStack } from '../helpers/synth';
import { MSK_IAM, shop } from '../model/msk-iam/fixture';
import { synthShop, stackFolder } from '../helpers/shop';

const providerOf = (json: Record<string, unknown>): Record<string, unknown> => (json.provider as { kafka: Array<Record<string, unknown>> }).kafka[0] ?? {};

describe('KafkaCluster with auth aws-iam', () => {
  it('writes sasl_mechanism aws-iam over TLS and leaves region and credentials to the AWS environment (secrets: environment)', () => {
    const { json, stack } = synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'aws-iam' } });
    expect(providerOf(json)).toEqual({ bootstrap_servers: '${var.kafka_bootstrap_servers}', sasl_mechanism: 'aws-iam', tls_enabled: true });
    expect(stack.cluster.requiredEnvironment).toEqual(['AWS_REGION']);
    expect(stack.cluster.requiredVariables).toEqual(['kafka_bootstrap_servers']);
    expect(schemaProblems(json)).toEqual([]);
  });

  it('lists AWS_ROLE_ARN and AWS_PROFILE when the environment assumes a role or uses a profile', () => {
    const { stack } = synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'aws-iam', aws: { assumeRole: true, profile: true } } });
    expect(stack.cluster.requiredEnvironment).toEqual(['AWS_REGION', 'AWS_ROLE_ARN', 'AWS_PROFILE']);
  });

  it('wires region, role ARN and profile to ephemeral, non-secret variables with secrets: variables', () => {
    const env: EnvironmentInput = { ...MSK_IAM, auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { assumeRole: true, profile: true } } };
    const { json, stack } = synthStack((s) => shop(s), env);
    expect(providerOf(json)).toEqual({
      bootstrap_servers: '${var.kafka_bootstrap_servers}',
      sasl_aws_profile: '${var.kafka_sasl_aws_profile}',
      sasl_aws_region: '${var.kafka_sasl_aws_region}',
      sasl_aws_role_arn: '${var.kafka_sasl_aws_role_arn}',
      sasl_mechanism: 'aws-iam',
      tls_enabled: true,
    });
    const variables = json.variable as Record<string, Record<string, unknown>>;
    expect(variables.kafka_sasl_aws_region).toMatchObject({ type: 'string', nullable: false, ephemeral: true, sensitive: false });
    expect(stack.cluster.requiredVariables).toEqual(['kafka_bootstrap_servers', 'kafka_sasl_aws_region', 'kafka_sasl_aws_role_arn', 'kafka_sasl_aws_profile']);
    expect(stack.cluster.requiredEnvironment).toEqual([]);
    expect(schemaProblems(json)).toEqual([]);
  });

  it('never writes an AWS credential attribute, whatever is declared', () => {
    const { json } = synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { assumeRole: true, profile: true } } });
    const text = JSON.stringify(json);
    for (const attribute of ['sasl_aws_access_key', 'sasl_aws_secret_key', 'sasl_aws_token', 'sasl_aws_container_authorization_token_file']) {
      expect(text.includes(attribute), attribute).toBe(false);
    }
    expect(PROVIDER_SECRET_ATTRIBUTES.filter((a) => a.startsWith('sasl_aws_'))).toEqual(['sasl_aws_region', 'sasl_aws_role_arn', 'sasl_aws_profile']);
  });

  it('fails, naming the environment field, when aws-iam is declared without TLS', () => {
    const stack = new KafkaStack(Testing.app(), 'msk', { environment: { ...MSK_IAM, auth: { mechanism: 'aws-iam', tls: false } } });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.tls: must be true with mechanism 'aws-iam'/);
  });

  it('fails, naming the environment field, when aws settings come with another mechanism', () => {
    const stack = new KafkaStack(Testing.app(), 'msk', { environment: { ...MSK_IAM, auth: { mechanism: 'scram-sha512', aws: { kafkaAcls: true } } } });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws: applies only to mechanism 'aws-iam', got mechanism 'scram-sha512'/);
  });

  it('fails, naming the environment field, when the cluster ARN is not one', () => {
    const stack = new KafkaStack(Testing.app(), 'msk', {
      environment: { ...MSK_IAM, auth: { mechanism: 'aws-iam', aws: { clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:topic/shop/u/t' } } },
    });
    shop(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/auth\.aws\.clusterArn: must be an MSK cluster ARN/);
  });

  it('passes topicform guard, and its topology.json reads back with the MSK IAM policies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-msk-guard-'));
    try {
      const environment: EnvironmentInput = { ...MSK_IAM, auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { assumeRole: true, profile: true } } };
      const out = synthShop(join(dir, 'cdktf.out'), environment);
      const read = (file: string): string => readFileSync(join(stackFolder(out, environment), file), 'utf8');
      const stack = {
        stack: 'msk',
        directory: 'out/stacks/msk',
        entries: [
          { name: 'cdk.tf.json', kind: 'file' as const },
          { name: 'topology.json', kind: 'file' as const },
        ],
        terraform: read('cdk.tf.json'),
        topology: read('topology.json'),
      };
      expect(guard({ stacks: [stack] }).violations).toEqual([]);
      const topology = topologySchema.parse(JSON.parse(read('topology.json')));
      expect(topology.mskIam?.policies.map((p) => p.principal)).toContain('User:payment-service');
      expect(topology.acls).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
