/**
 * The path a pull request takes, end to end (`npm run bench -- --pr-path`), as the shipped GitHub workflows run it
 * (templates/github/workflows/topicform-pr*.yml.tmpl): synth of the head and of the base with `--no-artifacts`, as
 * both workflows run them (only the stacks and the manifest: all that review, guard and terraform read; bench/child.ts
 * mode `stacks`), `topicform review` of base → head, `topicform guard --base`, then `terraform init` and `terraform
 * plan` of exactly the stacks the guard lists to plan (`.plan` of its JSON report: the stacks whose Terraform JSON
 * differs from the base's), against the provider double installed from a filesystem mirror, each with the state an
 * apply of the base left.
 *
 * Scenarios (the issue's): one topic changed (more throughput: more partitions), one domain changed (every topic's
 * replay window three days longer), an environment change (`scaling.replayWindow` 0.5: every topic's retention), and
 * a topicform upgrade that changes nothing (the same declarations synthesized again; the guard compares the output).
 *
 * Per repeat, the base is synthesized once and its time is counted in every scenario (the same work); each scenario's
 * head is synthesized, reviewed, guarded and its changed stacks planned, each step its own process, timed from the
 * outside. Not timed: preparing a stack's state (init and apply of the base stack, once per stack and size, reused by
 * every repeat) and copying it into a fresh workspace (what checkout and artifact download do in CI).
 *
 * The organisation is the synth bench's (bench/spec.ts) with an S3 backend, so that the guard lists stacks to plan as
 * it does in CI (a local backend is never planned there); the workspace swaps the backend for a local one, as the
 * double's harness does for any remote backend.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childrenCpuMs, withChildrenCpu } from './children-cpu';
import { measure, REPO_ROOT } from './measure';
import { readStack } from './outputs';
import { BENCH_ENVIRONMENT, benchSpec, TOPICS_PER_DOMAIN, type BenchSpec } from './spec';
import { APPLY_PART, applyInParts } from './terraform-cost';
import { createTerraformWorkspace, terraformAvailable } from '../scripts/terraform/workspace';

export const PR_SCENARIOS = ['one topic', 'one domain', 'environment', 'upgrade, nothing changed'] as const;
export type PrScenario = (typeof PR_SCENARIOS)[number];

/** The pull-request bench's backend: remote, so the guard plans changed stacks as it does in CI (never contacted). */
const PR_BACKEND = { type: 's3', bucket: 'bench-state', region: 'eu-west-1' } as const;

export interface PlanStep {
  readonly stack: string;
  readonly initMs: number;
  readonly planMs: number;
  /** CPU time of init and plan: terraform and the provider processes it started. */
  readonly cpuMs: number;
  /** `terraform plan -detailed-exitcode`: 2 = changes (the expected), 0 = none. */
  readonly exitCode: number;
}

export interface PrRun {
  readonly scenario: PrScenario;
  readonly synthBaseMs: number;
  readonly synthHeadMs: number;
  readonly reviewMs: number;
  readonly guardMs: number;
  /** CPU time of each step's process (and its children): where the work goes, whatever the machine's load. */
  readonly cpuMs: { readonly synthBase: number; readonly synthHead: number; readonly review: number; readonly guard: number; readonly plans: number };
  /** Stacks in the output, and those the guard lists to plan. */
  readonly stacks: number;
  readonly toPlan: number;
  /** The plans that ran (at most `maxPlans` of `toPlan`). */
  readonly plans: readonly PlanStep[];
  /** Everything, one step after the other, as on one runner: every listed stack planned (see `estimated`). */
  readonly totalMs: number;
  /** CPU time of every step (the processes and theirs), counted like `totalMs`: on a loaded machine, what the work costs. */
  readonly totalCpuMs: number;
  /** With the base's output at hand (a cache of the default branch's synth): the total without the base synth. */
  readonly cachedBaseMs: number;
  /** The machine's 1-minute load average when the scenario finished (2 cores: above 2, the steps waited for a core). */
  readonly loadAverage: number;
  /** More stacks were listed than planned: the total counts each unplanned one at the median of those planned. */
  readonly estimated: boolean;
}

export interface PrPathOptions {
  readonly topics: number;
  readonly repeat: number;
  /** Plan at most this many of the listed stacks per run (the rest are estimated). @default Infinity */
  readonly maxPlans?: number;
  readonly scenarios?: readonly PrScenario[];
  /** Topics per domain stack. @default TOPICS_PER_DOMAIN (the synth bench's) */
  readonly perDomain?: number;
}

/** The base organisation: the synth bench's, with a remote backend. */
export function prBaseSpec(topics: number, perDomain = TOPICS_PER_DOMAIN): BenchSpec {
  const spec = benchSpec(topics, perDomain);
  return { ...spec, environment: { ...BENCH_ENVIRONMENT, backend: PR_BACKEND } };
}

/** The head of a scenario. */
export function prHeadSpec(base: BenchSpec, scenario: PrScenario): BenchSpec {
  switch (scenario) {
    case 'one topic':
      return {
        ...base,
        domains: base.domains.map((d, i) =>
          i === 0 ? { ...d, topics: d.topics.map((t, j) => (j === 0 ? { ...t, peakMessagesPerSecond: t.peakMessagesPerSecond * 3 } : t)) } : d,
        ),
      };
    case 'one domain': {
      const changed = base.domains.length > 1 ? 1 : 0;
      return {
        ...base,
        domains: base.domains.map((d, i) => (i === changed ? { ...d, topics: d.topics.map((t) => ({ ...t, replayDays: t.replayDays + 3 })) } : d)),
      };
    }
    case 'environment':
      return { ...base, environment: { ...base.environment, scaling: { replayWindow: 0.5 } } };
    case 'upgrade, nothing changed':
      return base;
  }
}

/** Runs a `topicform` command as a user's CI does (bin/topicform.js), timed from spawn to exit. */
function topicform(args: readonly string[], cwd: string): Promise<{ ms: number; cpuMs: number; code: number; stderr: string }> {
  const started = performance.now();
  const cpu = childrenCpuMs();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'topicform.js'), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, cpuMs: childrenCpuMs() - cpu, code: code ?? 1, stderr }));
  });
}

/** Placeholder values for variables without a default (the bootstrap servers): the double ignores them. */
function placeholders(stackJson: unknown): Record<string, unknown> {
  const variables = (stackJson as { variable?: Record<string, { default?: unknown; type?: string }> }).variable ?? {};
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(variables)) {
    if ('default' in variable) continue;
    const type = (variable.type ?? 'string').replace(/\s/g, '');
    values[name] = type.startsWith('list(') || type.startsWith('set(') ? ['localhost:9092'] : type === 'number' ? 1 : type === 'bool' ? false : 'placeholder';
  }
  return values;
}

/** The state an apply of the base stack leaves (terraform state and the double's cluster), prepared once per stack. */
async function preparedState(baseOut: string, stack: string, cache: string, log: (line: string) => void): Promise<{ state: string; cluster: string }> {
  const dir = join(cache, stack);
  const files = { state: join(dir, 'terraform.tfstate'), cluster: join(dir, 'kafka-cluster.json') };
  if (existsSync(files.state)) return files;
  const started = performance.now();
  const vars = placeholders(readStack(baseOut, stack));
  const workspace = await createTerraformWorkspace({ stackDir: join(baseOut, 'stacks', stack), vars, route: 'mirror' });
  try {
    await workspace.init();
    // A 10,000-topic organisation's stacks hold ~1,800 resources: one apply of them grows quadratically with a local
    // backend (bench/terraform-cost.ts, APPLY_PART), so they are applied in parts and the parts' states joined.
    await applyInParts(workspace, vars, APPLY_PART, log);
    mkdirSync(dir, { recursive: true });
    copyFileSync(workspace.stateFile, files.state);
    copyFileSync(workspace.clusterFile, files.cluster);
  } finally {
    await workspace.dispose();
  }
  log(`    (prepared the state of ${stack} by an apply of the base: ${((performance.now() - started) / 1000).toFixed(1)} s, not measured)`);
  return files;
}

/** init and plan of one stack of the head, as the workflow's plan job runs them (-lock=false, -detailed-exitcode, -out). */
async function planStack(headOut: string, baseOut: string, stack: string, cache: string, log: (line: string) => void): Promise<PlanStep> {
  const prepared = await preparedState(baseOut, stack, cache, log);
  const workspace = await createTerraformWorkspace({
    stackDir: join(headOut, 'stacks', stack),
    vars: placeholders(readStack(headOut, stack)),
    route: 'mirror',
  });
  try {
    workspace.writeStateText(readFileSync(prepared.state, 'utf8'));
    copyFileSync(prepared.cluster, workspace.clusterFile);
    const { result, cpuMs } = await withChildrenCpu(async () => {
      const init = await workspace.init();
      return { init, plan: await workspace.plan({ out: 'tfplan', detailedExitcode: true, args: ['-lock=false'] }) };
    });
    return { stack, initMs: result.init.durationMs, planMs: result.plan.durationMs, cpuMs, exitCode: result.plan.exitCode };
  } finally {
    await workspace.dispose();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One repeat of every scenario at one size. `dir` holds this size's specs, outputs and prepared states. */
export async function prPathRound(options: PrPathOptions, dir: string, round: number, log: (line: string) => void): Promise<PrRun[]> {
  const available = terraformAvailable();
  if (!available.ok) throw new Error(`--pr-path needs terraform: ${available.reason}`);
  const scenarios = options.scenarios ?? PR_SCENARIOS;
  const maxPlans = options.maxPlans ?? Number.POSITIVE_INFINITY;
  const base = prBaseSpec(options.topics, options.perDomain);
  const cache = join(dir, 'states');
  mkdirSync(dir, { recursive: true });
  const specFile = (name: string, spec: BenchSpec): string => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(spec));
    return file;
  };
  const baseOut = join(dir, `round-${round}`, 'base');
  const synthBase = await measure('stacks', [specFile('base', base), baseOut]);
  log(`  round ${round + 1}: base synthesized in ${(synthBase.wallMs / 1000).toFixed(1)} s`);
  const runs: PrRun[] = [];
  for (const scenario of scenarios) {
    const name = scenario.replace(/[^a-z]+/g, '-');
    const work = join(dir, `round-${round}`, name);
    mkdirSync(work, { recursive: true });
    const headOut = join(work, 'head');
    const synthHead = await measure('stacks', [specFile(name, prHeadSpec(base, scenario)), headOut]);
    const review = await topicform(['review', '--base', baseOut, '--head', headOut, '--format', 'markdown', '--output', join(work, 'review.md')], work);
    // review exits 2 for blocking findings: the measured work is done either way.
    if (review.code !== 0 && review.code !== 2) throw new Error(`${scenario}: topicform review exited with ${review.code}\n${review.stderr}`);
    const guardFile = join(work, 'guard.json');
    const guard = await topicform(['guard', '--untrusted', '--base', baseOut, '--format', 'json', '--output', guardFile, headOut], work);
    if (guard.code !== 0) throw new Error(`${scenario}: topicform guard exited with ${guard.code}\n${guard.stderr}`);
    const report = JSON.parse(readFileSync(guardFile, 'utf8')) as { plan: string[]; stacks: unknown[] };
    const plans: PlanStep[] = [];
    for (const stack of report.plan.slice(0, maxPlans)) {
      const step = await planStack(headOut, baseOut, stack, cache, log);
      if (step.exitCode !== 2) throw new Error(`${scenario}: the plan of ${stack} exited with ${step.exitCode}, expected 2 (changes)`);
      plans.push(step);
    }
    const planned = plans.reduce((n, p) => n + p.initMs + p.planMs, 0);
    const unplanned = report.plan.length - plans.length;
    const estimate = unplanned > 0 ? unplanned * median(plans.map((p) => p.initMs + p.planMs)) : 0;
    const cpuEstimate = unplanned > 0 ? unplanned * median(plans.map((p) => p.cpuMs)) : 0;
    const totalCpuMs = synthBase.cpuMs + synthHead.cpuMs + review.cpuMs + guard.cpuMs + plans.reduce((n, p) => n + p.cpuMs, 0) + cpuEstimate;
    const totalMs = synthBase.wallMs + synthHead.wallMs + review.ms + guard.ms + planned + estimate;
    const run: PrRun = {
      scenario,
      synthBaseMs: synthBase.wallMs,
      synthHeadMs: synthHead.wallMs,
      reviewMs: review.ms,
      guardMs: guard.ms,
      cpuMs: {
        synthBase: synthBase.cpuMs,
        synthHead: synthHead.cpuMs,
        review: review.cpuMs,
        guard: guard.cpuMs,
        plans: plans.reduce((n, p) => n + p.cpuMs, 0) + cpuEstimate,
      },
      stacks: report.stacks.length,
      toPlan: report.plan.length,
      plans,
      totalMs,
      totalCpuMs,
      cachedBaseMs: totalMs - synthBase.wallMs,
      estimated: unplanned > 0,
      loadAverage: loadavg()[0] ?? Number.NaN,
    };
    log(
      `    ${scenario}: ${(totalMs / 1000).toFixed(1)} s, CPU ${(totalCpuMs / 1000).toFixed(1)} s${run.estimated ? ' (estimated)' : ''}, load ${run.loadAverage.toFixed(1)} — head synth ${(synthHead.wallMs / 1000).toFixed(1)} s, review ${(review.ms / 1000).toFixed(1)} s, guard ${(guard.ms / 1000).toFixed(1)} s, ${report.plan.length} of ${report.stacks.length} stacks to plan, ${plans.length} planned: ${plans.map((p) => `${p.stack} init ${(p.initMs / 1000).toFixed(1)} s + plan ${(p.planMs / 1000).toFixed(1)} s (CPU ${(p.cpuMs / 1000).toFixed(1)} s)`).join(', ') || 'none'}`,
    );
    runs.push(run);
  }
  return runs;
}
