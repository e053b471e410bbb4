/**
 * Terraform's cost per stack (`npm run bench -- --terraform-cost`): how long `terraform plan` of one stack takes as the
 * stack grows, against the provider double (test/double) installed from a filesystem mirror, as CI installs the real
 * provider. The measurement STACK_RESOURCE_BUDGET (model/limits.ts) is set from.
 *
 * Per size (Terraform resources in the stack), in a temporary directory, nothing of it measured but the plans:
 * 1. a one-domain organisation of ⌈size / RESOURCES_PER_TOPIC⌉ event topics (bench/spec.ts, the same topics, groups,
 *    dead-letter topics and ACLs as the synth bench) is synthesized through the repository's own pipeline, so the
 *    resources are what topicform writes;
 * 2. `terraform init`, then `terraform apply`: the state and the double's cluster hold every resource;
 * 3. `repeat` times `terraform plan -lock=false -detailed-exitcode` (refresh included: every resource in the state is
 *    read back through the provider, as every pull request's plan does), which must report no changes.
 *
 * What it cannot measure: a real broker's round trip per read. The double answers from a local file, so these times
 * are terraform's own work (graph, state, gRPC, diff) plus the double's; the real provider adds the broker's latency
 * per resource read, divided by terraform's parallelism (model/limits.ts puts numbers on it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { withChildrenCpu } from './children-cpu';
import { measure } from './measure';
import { countResources, readStack, type ResourceCount } from './outputs';
import { benchSpec } from './spec';
import type { ClusterFile } from '../scripts/terraform/cluster-file';
import { createTerraformWorkspace, terraformAvailable, type CommandResult, type TerraformWorkspace } from '../scripts/terraform/workspace';

/** The stack sizes the issue asks for (Terraform resources per stack). */
export const TERRAFORM_COST_SIZES = [500, 1_000, 2_000, 5_000] as const;

/**
 * Terraform resources per event topic of the bench organisation in a one-domain stack: 3 topics (the event topic and
 * its two groups' dead-letter topics) and ~9 ACLs (bench/RESULTS.md: 11.99 per topic), so a size of N resources takes
 * ⌈N / 12⌉ topics. The resources actually synthesized are counted and reported.
 */
const RESOURCES_PER_TOPIC = 12;

export interface TerraformCostRow {
  /** The size asked for. */
  readonly size: number;
  readonly topics: number;
  /** Terraform resources the synthesized stack holds. */
  readonly resources: number;
  readonly initMs: number;
  /** The apply that creates every resource (preparation; reported, not judged). */
  readonly applyMs: number;
  /** Each measured plan's wall time, ms. */
  readonly planMs: readonly number[];
  /** Each measured plan's CPU time: terraform and the provider processes it started, ms. */
  readonly planCpuMs: readonly number[];
}

/** Placeholder values for the stack's variables without a default (the bootstrap servers): the double ignores them. */
function placeholders(stackJson: { variable?: Record<string, { default?: unknown; type?: string }> }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(stackJson.variable ?? {})) {
    if ('default' in variable) continue;
    const type = (variable.type ?? 'string').replace(/\s/g, '');
    values[name] = type.startsWith('list(') || type.startsWith('set(') ? ['localhost:9092'] : type === 'number' ? 1 : type === 'bool' ? false : 'placeholder';
  }
  return values;
}

function ensure(result: CommandResult, what: string): CommandResult {
  if (result.exitCode !== 0) throw new Error(`${what}: terraform ${result.args.join(' ')} exited with ${result.exitCode}\n${result.stderr}`);
  return result;
}

/**
 * Resources one apply creates at most. With a local backend terraform writes the whole state after nearly every
 * resource, so one apply grows quadratically (2,000 resources took 694 s here against 166 s for 1,012 and 64 s for
 * 512); a larger stack's state is made by applying its resources in parts of this size, each in its own workspace, and
 * joining the parts' states and clusters. The plan that follows must then show no changes, which checks the joined
 * state. Fitting those applies as n × (a + b × n / 2) gives a ≈ 85 ms and b ≈ 0.16 ms per resource already in the
 * state: parts of 250 cost ~105 ms a resource against ~165 ms for parts of 1,000, plus ~2 s of init per part, so a
 * 5,000-resource stack is prepared in ~9 minutes instead of ~14 (more under load). Preparation only: not measured.
 */
export const APPLY_PART = 250;

type StackJson = { resource?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
type StateJson = { serial: number; resources: unknown[] } & Record<string, unknown>;

/** Applies the workspace's stack (in parts of APPLY_PART resources) and leaves the state and cluster in it; wall ms. */
export async function applyInParts(
  workspace: TerraformWorkspace,
  vars: Record<string, unknown>,
  partSize: number,
  log: (line: string) => void,
): Promise<number> {
  const stack = workspace.readStack() as StackJson;
  const addresses = Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => [type, name] as const));
  if (addresses.length <= partSize) return ensure(await workspace.apply(), 'apply').durationMs;
  let ms = 0;
  const states: StateJson[] = [];
  const clusters: ClusterFile[] = [];
  for (let start = 0; start < addresses.length; start += partSize) {
    const resource: Record<string, Record<string, unknown>> = {};
    for (const [type, name] of addresses.slice(start, start + partSize)) (resource[type] ??= {})[name] = stack.resource?.[type]?.[name];
    const part = await createTerraformWorkspace({ json: { ...stack, resource }, vars, route: 'mirror' });
    try {
      ensure(await part.init(), 'init of a part');
      ms += ensure(await part.apply(), 'apply of a part').durationMs;
      states.push(JSON.parse(part.readStateText()) as StateJson);
      clusters.push(part.readCluster());
    } finally {
      await part.dispose();
    }
    log(`    applied resources ${start + 1}–${Math.min(start + partSize, addresses.length)} of ${addresses.length}`);
  }
  const [first] = states as [StateJson];
  workspace.writeStateText(
    `${JSON.stringify({ ...first, serial: Math.max(...states.map((s) => s.serial)) + 1, resources: states.flatMap((s) => s.resources) }, null, 2)}\n`,
  );
  workspace.writeCluster({
    topics: Object.assign({}, ...clusters.map((c) => c.topics)) as ClusterFile['topics'],
    acls: clusters.flatMap((c) => c.acls),
    quotas: clusters.flatMap((c) => c.quotas),
    scram_users: clusters.flatMap((c) => c.scram_users),
  });
  return ms;
}

/** Synthesizes, applies and plans one stack per size; `log` gets a line per step. */
export async function terraformCost(
  sizes: readonly number[],
  repeat: number,
  dir: string,
  log: (line: string) => void,
  partSize = APPLY_PART,
): Promise<TerraformCostRow[]> {
  const available = terraformAvailable();
  if (!available.ok) throw new Error(`--terraform-cost needs terraform: ${available.reason}`);
  const rows: TerraformCostRow[] = [];
  for (const size of sizes) {
    const topics = Math.ceil(size / RESOURCES_PER_TOPIC);
    const work = join(dir, `terraform-${size}`);
    mkdirSync(work, { recursive: true });
    const specFile = join(work, 'spec.json');
    writeFileSync(specFile, JSON.stringify(benchSpec(topics, topics)));
    const out = join(work, 'out');
    await measure('topicform', [specFile, out]);
    const counts = countResources(out);
    if (counts.size !== 1) throw new Error(`--terraform-cost: expected one stack at ${topics} topics, got ${counts.size}`);
    const [stack, count] = [...counts.entries()][0] as [string, ResourceCount];
    const stackDir = join(out, 'stacks', stack);
    const vars = placeholders(readStack(out, stack) as Parameters<typeof placeholders>[0]);
    const workspace = await createTerraformWorkspace({ stackDir, vars, route: 'mirror' });
    try {
      const init = ensure(await workspace.init(), 'init');
      const applyMs = await applyInParts(workspace, vars, partSize, log);
      log(`  ${size}: ${count.total} resources (${topics} topics): init ${init.durationMs} ms, apply ${applyMs} ms`);
      const planMs: number[] = [];
      const planCpuMs: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const { result: plan, cpuMs } = await withChildrenCpu(() => workspace.plan({ out: null, detailedExitcode: true, args: ['-lock=false'] }));
        if (plan.exitCode !== 0) {
          throw new Error(`--terraform-cost: the plan after apply of ${stack} shows changes (exit ${plan.exitCode})\n${plan.stdout.slice(-2000)}`);
        }
        planMs.push(plan.durationMs);
        planCpuMs.push(cpuMs);
        log(`    plan ${i + 1}/${repeat}: ${plan.durationMs} ms, CPU ${Math.round(cpuMs)} ms, load ${loadavg()[0]?.toFixed(1) ?? '?'}`);
      }
      rows.push({ size, topics, resources: count.total, initMs: init.durationMs, applyMs, planMs, planCpuMs });
    } finally {
      await workspace.dispose();
    }
  }
  return rows;
}
