/**
 * The plain-cdktf baseline: the same stacks, provider, variable, backend and Topic / Acl / Quota resources (same attributes,
 * same addresses through overrideLogicalId), written the way a cdktf user with the values at hand would write them —
 * the generated bindings in a loop, then `app.synth()`. No topicform model, no lint, no canonical write.
 *
 * Imports only cdktf (through the repository's door module, which re-exports it) and the generated bindings, so this
 * process loads nothing of topicform.
 */
import { App, LocalBackend, TerraformStack, TerraformVariable } from '../../constructs/cdktf';
import { Acl } from '../../gen/provider-kafka/lib/acl';
import { KafkaProvider } from '../../gen/provider-kafka/lib/provider';
import { Quota } from '../../gen/provider-kafka/lib/quota';
import { Topic } from '../../gen/provider-kafka/lib/topic';
import type { BaselineData, BaselineStack } from '../outputs';

export function baselineApp(data: BaselineData, outdir: string): App {
  // The same App options as topicform's main.ts.
  const app = new App({ outdir, stackTraces: false });
  for (const stack of data.stacks) declareStack(app, stack);
  return app;
}

function declareStack(app: App, spec: BaselineStack): TerraformStack {
  const stack = new TerraformStack(app, spec.name);
  new LocalBackend(stack, { path: spec.statePath });
  const servers = new TerraformVariable(stack, spec.variable.name, {
    type: spec.variable.type,
    nullable: spec.variable.nullable,
    description: spec.variable.description,
  });
  servers.overrideLogicalId(spec.variable.name);
  new KafkaProvider(stack, 'kafka', {
    bootstrapServers: servers.listValue,
    tlsEnabled: spec.provider.tlsEnabled,
    ...(spec.provider.saslMechanism === undefined ? {} : { saslMechanism: spec.provider.saslMechanism }),
  });
  for (const [address, name, partitions, replicationFactor, config, preventDestroy] of spec.topics) {
    const topic = new Topic(stack, address, {
      name,
      partitions,
      replicationFactor,
      config,
      ...(preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    topic.overrideLogicalId(address);
  }
  for (const [address, principal, host, operation, permission, resourceType, resourceName, patternType] of spec.acls) {
    const acl = new Acl(stack, address, {
      aclPrincipal: principal,
      aclHost: host,
      aclOperation: operation,
      aclPermissionType: permission,
      resourceType,
      resourceName,
      resourcePatternTypeFilter: patternType,
    });
    acl.overrideLogicalId(address);
  }
  for (const [address, entityType, entityName, config] of spec.quotas) {
    const quota = new Quota(stack, address, { entityType, ...(entityName === null ? {} : { entityName }), config });
    quota.overrideLogicalId(address);
  }
  return stack;
}
