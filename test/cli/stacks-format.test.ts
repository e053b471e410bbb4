/** `topicform stacks` as people read it: headers, aligned columns, and a production stack on a local backend flagged. */
import { describe, expect, it } from 'vitest';
import { formatStacks, type StackInfo } from '../../cli/commands/stacks';
import { runTopicform } from '../helpers/cli';

const info = (overrides: Partial<StackInfo>): StackInfo => ({
  stack: 'dev',
  environment: 'dev',
  production: false,
  domains: ['orders'],
  directory: 'stacks/dev',
  backend: 'local',
  requiredVariables: ['kafka_bootstrap_servers'],
  requiredEnvironment: [],
  optionalEnvironment: [],
  ...overrides,
});

describe('formatStacks', () => {
  it('prints headers and aligned columns, and no warning when production state is remote', () => {
    const text = formatStacks([
      info({}),
      info({ stack: 'prod-orders', environment: 'prod', production: true, backend: 's3', requiredEnvironment: ['KAFKA_SASL_USERNAME'] }),
    ]);
    expect(text).toBe(
      [
        'STACK        ENVIRONMENT        BACKEND  DOMAINS',
        'dev          dev                local    orders',
        '             needs TF_VAR: kafka_bootstrap_servers',
        'prod-orders  prod (production)  s3       orders',
        '             needs TF_VAR: kafka_bootstrap_servers; env: KAFKA_SASL_USERNAME',
        '',
      ].join('\n'),
    );
  });

  it('flags a production stack on a local backend, in its row and in a warning that names it', () => {
    const text = formatStacks([info({}), info({ stack: 'prod', environment: 'prod', production: true })]);
    expect(text).toMatch(/^prod +prod \(production\) +local ! +orders$/m);
    expect(text).toMatch(/^dev +dev +local +orders$/m);
    expect(text).toContain('warning: production stack(s) on a local backend (!): prod.');
  });
});

describe('topicform stacks', () => {
  it("prints the example's stacks with headers and flags its production stacks, whose backend is local", () => {
    const result = runTopicform(['stacks']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^STACK +ENVIRONMENT +BACKEND +DOMAINS$/);
    expect(result.stdout).toContain('warning: production stack(s) on a local backend (!): confluent, msk, prod-orders, prod-search.');
    expect(result.stdout).not.toContain('\u001b[');
  });
});
