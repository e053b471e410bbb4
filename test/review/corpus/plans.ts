// Real plan JSON for the corpus: apply what was deployed (the case's base stack, unless the case says otherwise) with
// the real terraform against the provider double, optionally change the double's cluster behind terraform's back
// (drift), then plan the head stack and keep `terraform show -json` of that plan. Used by
// test/review/corpus/generate.ts (which commits the result) and by the live test (which checks it stays true).
import type { ClusterFile, ClusterSeed } from '../../../scripts/terraform/cluster-file';
import { createTerraformWorkspace } from '../../../scripts/terraform/workspace';
import { SCRAM_PASSWORD_VARIABLE_PREFIX } from '../../../model/scram';
import type { CorpusCase, PlanSpec } from './cases';
import type { MutableOutput, TfJson } from './output';

/** Variables every stack declares; the double accepts any bootstrap servers. */
const VARS = { kafka_bootstrap_servers: ['localhost:9092'] };

/** The cluster a stack's Terraform JSON describes, as if it had been applied (for resources moving in). */
export function clusterOf(tf: TfJson): ClusterSeed {
  const topics: ClusterFile['topics'] = {};
  for (const t of Object.values(tf.resource.kafka_topic ?? {})) {
    topics[t.name] = { partitions: t.partitions, replication_factor: t.replication_factor, config: { ...(t.config ?? {}) } };
  }
  const acls = Object.values(tf.resource.kafka_acl ?? {}).map((a) => ({
    acl_principal: a.acl_principal,
    acl_host: a.acl_host,
    acl_operation: a.acl_operation,
    acl_permission_type: a.acl_permission_type,
    resource_type: a.resource_type,
    resource_name: a.resource_name,
    resource_pattern_type_filter: a.resource_pattern_type_filter,
  }));
  return { topics, acls };
}

/**
 * A made-up password per SCRAM password variable of the stacks (prod's service credentials). The variables are
 * ephemeral, so terraform keeps their values out of the plan JSON these files commit.
 */
function scramPasswords(...stacks: readonly TfJson[]): Record<string, string> {
  const names = stacks.flatMap((tf) => Object.keys((tf as { variable?: Record<string, unknown> }).variable ?? {}));
  return Object.fromEntries(names.filter((n) => n.startsWith(SCRAM_PASSWORD_VARIABLE_PREFIX)).map((n) => [n, `corpus-${n}`]));
}

function merge(seeds: readonly ClusterSeed[]): ClusterSeed {
  return { topics: Object.assign({}, ...seeds.map((s) => s.topics ?? {})) as ClusterFile['topics'], acls: seeds.flatMap((s) => s.acls ?? []) };
}

/** Plans `spec.stack` of the case's head against what was deployed; returns what `terraform show -json` printed. */
export async function generatePlan(c: CorpusCase, spec: PlanSpec, base: MutableOutput, head: MutableOutput): Promise<string> {
  const deployed = base.clone();
  spec.deployed?.(deployed);
  const cluster = merge((spec.clusterFrom ?? []).map((s) => clusterOf(base.stack(s).tf)));
  const vars = { ...VARS, ...scramPasswords(deployed.stack(spec.stack).tf, head.stack(spec.stack).tf) };
  const workspace = await createTerraformWorkspace({ json: deployed.stack(spec.stack).tf, cluster, vars, route: 'reattach' });
  try {
    await workspace.init();
    await workspace.apply();
    if (spec.drift !== undefined) {
      const file = workspace.readCluster();
      spec.drift(file);
      workspace.writeCluster(file);
    }
    workspace.writeStack(head.stack(spec.stack).tf);
    const plan = await workspace.plan({ out: 'tfplan', allowFailure: true });
    if (plan.exitCode !== 0) throw new Error(`case ${c.name}: terraform plan of ${spec.stack} failed:\n${plan.stdout}\n${plan.stderr}`);
    const shown = await workspace.run(['show', '-no-color', '-json', 'tfplan']);
    return shown.stdout;
  } finally {
    await workspace.dispose();
  }
}
