/**
 * The bench's opt-in terraform sections, `npm run bench -- --pr-path` and `npm run bench -- --terraform-cost`
 * (bench/run.ts hands them here): each runs the real terraform against the provider double, minutes per size, so
 * neither is part of the default run. Prints Markdown tables (medians, min–max, load average), or JSON with --json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PR_SCENARIOS, prPathRound, type PrRun } from './pr-path';
import { median } from './report';
import { TOPICS_PER_DOMAIN } from './spec';
import { TERRAFORM_COST_SIZES, terraformCost, type TerraformCostRow } from './terraform-cost';

export const PR_PATH_SIZES = [1_000, 10_000] as const;

/** A scenario as `--scenarios` names it: `one-topic`, `one-domain`, `environment`, `upgrade`. */
function scenarioSlug(scenario: string): string {
  return scenario.replace(/,.*/, '').replace(/ /g, '-');
}

export const TERRAFORM_HELP = `Usage: npm run bench -- --pr-path [options]
       npm run bench -- --terraform-cost [options]

  --pr-path          a pull request end to end: synth of base and head (--no-artifacts, as the PR workflows run
                     them), review, guard, terraform init and plan of the stacks whose Terraform changed (against
                     the provider double), for one topic changed, one domain changed, an environment change and an
                     upgrade that changes nothing
  --terraform-cost   terraform plan (refresh included, state from an apply) of one stack of
                     ${TERRAFORM_COST_SIZES.join(', ')} resources, against the provider double
  --sizes <n,n,…>    topic counts (--pr-path, default ${PR_PATH_SIZES.join(',')}) or resources per stack
                     (--terraform-cost, default ${TERRAFORM_COST_SIZES.join(',')})
  --repeat <n>       measured runs; medians are reported (default 3)
  --max-plans <n>    --pr-path: plan at most n of the stacks the guard lists per run; the others are counted at the
                     median of those planned, and the total says "estimated" (default: every listed stack)
  --topics-per-domain <n>  --pr-path: topics per domain stack (default ${TOPICS_PER_DOMAIN}, the synth bench's)
  --scenarios <a,b,…>  --pr-path: only these scenarios (${PR_SCENARIOS.map(scenarioSlug).join(', ')}); the
                     environment change alone takes most of a 10,000-topic round (default: all)
  --json             JSON instead of Markdown
  --keep             keep the temporary directory (its path goes to stderr)
`;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const range = (values: readonly number[]): string => `${seconds(median(values))} (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

export async function terraformMain(argv: readonly string[], progress: (line: string) => void): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        'pr-path': { type: 'boolean', default: false },
        'terraform-cost': { type: 'boolean', default: false },
        sizes: { type: 'string' },
        repeat: { type: 'string', default: '3' },
        'max-plans': { type: 'string' },
        'topics-per-domain': { type: 'string' },
        scenarios: { type: 'string' },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${TERRAFORM_HELP}`);
    return 1;
  }
  if (values.help === true) {
    process.stdout.write(TERRAFORM_HELP);
    return 0;
  }
  if (values['pr-path'] === values['terraform-cost']) {
    process.stderr.write(`bench: give one of --pr-path and --terraform-cost\n\n${TERRAFORM_HELP}`);
    return 1;
  }
  const repeat = Number(values.repeat);
  const maxPlans = values['max-plans'] === undefined ? undefined : Number(values['max-plans']);
  const perDomain = Number(values['topics-per-domain'] ?? TOPICS_PER_DOMAIN);
  const sizes = values.sizes?.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (
    !Number.isInteger(repeat) ||
    repeat < 1 ||
    !Number.isInteger(perDomain) ||
    perDomain < 1 ||
    (maxPlans !== undefined && (!Number.isInteger(maxPlans) || maxPlans < 1))
  ) {
    process.stderr.write('bench: --repeat, --max-plans and --topics-per-domain take positive integers\n');
    return 1;
  }
  if (sizes?.some((n) => !Number.isInteger(n) || n < 1)) {
    process.stderr.write(`bench: --sizes takes positive integers separated by commas, got "${values.sizes}"\n`);
    return 1;
  }
  const words = values.scenarios?.split(',').map((s) => s.trim());
  const scenarios = words === undefined ? PR_SCENARIOS : PR_SCENARIOS.filter((s) => words.includes(scenarioSlug(s)));
  const unknownScenario = words?.find((w) => !PR_SCENARIOS.some((s) => scenarioSlug(s) === w));
  if (unknownScenario !== undefined) {
    process.stderr.write(`bench: unknown scenario "${unknownScenario}" in --scenarios (one of ${PR_SCENARIOS.map(scenarioSlug).join(', ')})\n`);
    return 1;
  }
  const root = mkdtempSync(join(tmpdir(), 'topicform-bench-tf-'));
  if (values.keep === true) progress(`working in ${root}`);
  const started = Date.now();
  const context = { node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`, loadAtStart: load(), repeat };
  try {
    if (values['terraform-cost'] === true) {
      const rows = await terraformCost(sizes ?? TERRAFORM_COST_SIZES, repeat, root, progress);
      const done = { ...context, loadAtEnd: load(), seconds: (Date.now() - started) / 1000 };
      process.stdout.write(values.json === true ? `${JSON.stringify({ context: done, rows }, null, 2)}\n` : costMarkdown(rows, done));
    } else {
      const results: { topics: number; runs: PrRun[] }[] = [];
      for (const topics of sizes ?? PR_PATH_SIZES) {
        progress(`pull-request path at ${topics} topics`);
        const runs: PrRun[] = [];
        for (let round = 0; round < repeat; round++) {
          runs.push(
            ...(await prPathRound(
              { topics, repeat, perDomain, scenarios, ...(maxPlans === undefined ? {} : { maxPlans }) },
              join(root, String(topics)),
              round,
              progress,
            )),
          );
        }
        results.push({ topics, runs });
      }
      const done = { ...context, loadAtEnd: load(), seconds: (Date.now() - started) / 1000 };
      process.stdout.write(values.json === true ? `${JSON.stringify({ context: done, results }, null, 2)}\n` : prMarkdown(results, done));
    }
  } finally {
    if (values.keep !== true) rmSync(root, { recursive: true, force: true });
  }
  return 0;
}

interface Context {
  readonly node: string;
  readonly cpus: string;
  readonly loadAtStart: string;
  readonly loadAtEnd: string;
  readonly repeat: number;
  readonly seconds: number;
}

const footer = (c: Context): string =>
  `Medians of ${c.repeat} (min–max); node ${c.node}, ${c.cpus}; load average ${c.loadAtStart} at the start, ${c.loadAtEnd} at the end; ${Math.round(c.seconds)} s in all.\n`;

export function costMarkdown(rows: readonly TerraformCostRow[], c: Context): string {
  const lines = [
    '| resources | topics | init | apply (preparation) | plan, refresh included | CPU of the plan (terraform + provider) | plan per 1,000 resources |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.resources.toLocaleString('en-US')} | ${r.topics} | ${seconds(r.initMs)} | ${seconds(r.applyMs)} | ${range(r.planMs)} | ${range(r.planCpuMs)} | ${seconds((median(r.planMs) * 1000) / r.resources)} |`,
    ),
  ];
  return `${lines.join('\n')}\n\n${footer(c)}`;
}

export function prMarkdown(results: readonly { topics: number; runs: readonly PrRun[] }[], c: Context): string {
  const lines = [
    '| topics | scenario | stacks to plan | synth base | synth head | review | guard | init + plan | total | total, base output cached | CPU of the total |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { topics, runs } of results) {
    for (const scenario of PR_SCENARIOS) {
      const of = runs.filter((r) => r.scenario === scenario);
      if (of.length === 0) continue;
      const first = of[0] as PrRun;
      const plans = of.map((r) => r.plans.reduce((n, p) => n + p.initMs + p.planMs, 0));
      const planned = first.plans.length === first.toPlan ? '' : ` (${first.plans.length} planned)`;
      const estimated = of.some((r) => r.estimated) ? ' (estimated)' : '';
      lines.push(
        `| ${topics.toLocaleString('en-US')} | ${scenario} | ${first.toPlan} of ${first.stacks}${planned} | ${range(of.map((r) => r.synthBaseMs))} | ${range(of.map((r) => r.synthHeadMs))} | ${range(of.map((r) => r.reviewMs))} | ${range(of.map((r) => r.guardMs))} | ${first.toPlan === 0 ? '—' : range(plans)} | **${range(of.map((r) => r.totalMs))}**${estimated} | ${range(of.map((r) => r.cachedBaseMs))}${estimated} | ${range(of.map((r) => r.totalCpuMs))} |`,
      );
    }
  }
  lines.push(
    '',
    'CPU time per step (each process and its children), medians: where the work goes, whatever the load.',
    '',
    '| topics | scenario | synth base | synth head | review | guard | init + plan (all listed stacks) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const { topics, runs } of results) {
    for (const scenario of PR_SCENARIOS) {
      const of = runs.filter((r) => r.scenario === scenario);
      if (of.length === 0) continue;
      const cpu = (step: keyof PrRun['cpuMs']): string => seconds(median(of.map((r) => r.cpuMs[step])));
      lines.push(
        `| ${topics.toLocaleString('en-US')} | ${scenario} | ${cpu('synthBase')} | ${cpu('synthHead')} | ${cpu('review')} | ${cpu('guard')} | ${of[0]?.toPlan === 0 ? '—' : cpu('plans')} |`,
      );
    }
  }
  return `${lines.join('\n')}\n\n${footer(c)}`;
}
