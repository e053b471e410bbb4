// The real provider's validators, as the double reports them: SDKv2's wording, pointing at the offending line of
// cdk.tf.json through the attribute path.
import { beforeAll, expect, it } from 'vitest';
import type { CommandResult } from '../../scripts/terraform/workspace';
import { describeWithTerraform, diagnosticsIn, withWorkspace } from './terraform-suite';
import type { StackJson } from './terraform-suite';

/** One invalid resource per validator; each must produce exactly the diagnostic in `cases` below. */
const invalidStack: StackJson = {
  terraform: { required_providers: { kafka: { source: 'mongey/kafka', version: '0.13.1' } } },
  provider: { kafka: [{ bootstrap_servers: ['localhost:9092'] }] },
  resource: {
    kafka_topic: {
      no_partitions: { name: 'a', partitions: 0, replication_factor: 1 },
      no_replicas: { name: 'b', partitions: 1, replication_factor: 0 },
    },
    kafka_acl: {
      bad_operation: {
        acl_principal: 'User:a',
        acl_host: '*',
        acl_operation: 'Reed',
        acl_permission_type: 'Allow',
        resource_type: 'Topic',
        resource_name: 'a',
      },
      bad_type: { acl_principal: 'User:a', acl_host: '*', acl_operation: 'Read', acl_permission_type: 'Allow', resource_type: 'topic', resource_name: 'a' },
      bad_permission: {
        acl_principal: 'User:a',
        acl_host: '*',
        acl_operation: 'Read',
        acl_permission_type: 'Permit',
        resource_type: 'Topic',
        resource_name: 'a',
      },
      bad_pattern: {
        acl_principal: 'User:a',
        acl_host: '*',
        acl_operation: 'Read',
        acl_permission_type: 'Allow',
        resource_type: 'Topic',
        resource_name: 'a',
        resource_pattern_type_filter: 'Prefix',
      },
    },
    kafka_quota: { bad_entity: { entity_type: 'group', entity_name: 'x' } },
    kafka_user_scram_credential: {
      bad_mechanism: { username: 'u', scram_mechanism: 'SCRAM-SHA-1', password_wo: 'pw' },
      few_iterations: { username: 'v', scram_mechanism: 'SCRAM-SHA-256', scram_iterations: 1000, password_wo: 'pw' },
      blank_password: { username: 'w', scram_mechanism: 'SCRAM-SHA-256', password: '   ' },
    },
  },
};

const cases = [
  { address: 'kafka_topic.no_partitions', message: 'expected partitions to be at least (1), got 0', line: '"partitions": 0' },
  { address: 'kafka_topic.no_replicas', message: 'expected replication_factor to be at least (1), got 0', line: '"replication_factor": 0' },
  { address: 'kafka_acl.bad_operation', message: 'Unknown operation: Reed', line: '"acl_operation": "Reed"' },
  { address: 'kafka_acl.bad_type', message: 'Unknown resource type: topic', line: '"resource_type": "topic"' },
  { address: 'kafka_acl.bad_permission', message: 'Unknown permission type: Permit', line: '"acl_permission_type": "Permit"' },
  { address: 'kafka_acl.bad_pattern', message: "Unknown pattern type filter: 'Prefix'", line: '"resource_pattern_type_filter": "Prefix"' },
  { address: 'kafka_quota.bad_entity', message: 'expected entity_type to be one of ["client-id" "user" "ip"], got group', line: '"entity_type": "group"' },
  {
    address: 'kafka_user_scram_credential.bad_mechanism',
    message: 'expected scram_mechanism to be one of ["SCRAM-SHA-256" "SCRAM-SHA-512"], got SCRAM-SHA-1',
    line: '"scram_mechanism": "SCRAM-SHA-1"',
  },
  {
    address: 'kafka_user_scram_credential.few_iterations',
    message: 'expected scram_iterations to be at least (4096), got 1000',
    line: '"scram_iterations": 1000',
  },
  { address: 'kafka_user_scram_credential.blank_password', message: 'expected "password" to not be an empty string or whitespace', line: '"password": "   "' },
];

describeWithTerraform('the provider validators in the double', () => {
  let validate: CommandResult;
  let plan: CommandResult;
  beforeAll(async () => {
    // One workspace for all cases: terraform reports every diagnostic of a configuration at once.
    await withWorkspace({ json: invalidStack }, async (workspace) => {
      await workspace.init();
      validate = await workspace.validate({ allowFailure: true });
      plan = await workspace.plan({ allowFailure: true });
    });
  });

  it.each(cases)('fails validation of $address with "$message" at its line', ({ address, message, line }) => {
    const found = diagnosticsIn(validate.stderr).filter((diagnostic) => diagnostic.startsWith(`Error: ${message}\n`));

    expect(validate.exitCode).toBe(1);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`with ${address},`);
    expect(found[0]).toContain(line);
  });

  it('reports nothing beyond the cases, and plan fails with the same diagnostics', () => {
    expect(diagnosticsIn(validate.stderr)).toHaveLength(cases.length);
    expect(plan.exitCode).toBe(1);
    expect(diagnosticsIn(plan.stderr)).toHaveLength(cases.length);
  });
});
