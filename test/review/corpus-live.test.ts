// Keeps the committed plan JSON true: regenerates every case's plans with the real terraform against the provider
// double (as test/review/corpus/generate.ts does) and compares each with the committed file, everything terraform
// decided included (actions, before/after, replace_paths, drift, configuration); only what changes from run to run or
// machine to machine is left out: the timestamp and the terraform version. Skipped, with the reason, where terraform
// cannot run (failing instead with TOPICFORM_TEST_STRICT=1).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parsePlan } from '../../review/parse';
import { describeWithTerraform } from '../double/terraform-suite';
import { buildCase, CASES, corpusCase } from './corpus/cases';
import type { CorpusCase, PlanSpec } from './corpus/cases';
import { FIXTURES } from './corpus/output';
import { generatePlan } from './corpus/plans';
import { runCase } from './corpus/run';

/** Every plan the corpus commits: [case name, planned stack]. */
const PLANS: ReadonlyArray<readonly [string, string]> = CASES.flatMap((c) => (c.plans ?? []).map((p) => [c.name, p.stack] as const));

/** Keys whose values differ between two runs of the same plan (and machines): left out of the comparison. */
const VOLATILE = new Set(['timestamp', 'terraform_version']);

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

function specOf(c: CorpusCase, stack: string): PlanSpec {
  const spec = c.plans?.find((p) => p.stack === stack);
  if (spec === undefined) throw new Error(`case ${c.name} plans no stack ${stack}`);
  return spec;
}

async function freshPlan(name: string, stack: string): Promise<string> {
  const c = corpusCase(name);
  const { base, head } = buildCase(c);
  return generatePlan(c, specOf(c, stack), base, head);
}

describeWithTerraform('review corpus against a fresh plan', () => {
  it('commits the seven plans this test regenerates', () => {
    expect(PLANS.map(([c, s]) => `${c}/plan.${s}.json`)).toEqual([
      'dev-partitions-decreased/plan.dev.json',
      'address-changed/plan.dev.json',
      'address-moved/plan.dev.json',
      'plan-only-delete/plan.dev.json',
      'drift/plan.dev.json',
      'stack-move/plan.prod-orders.json',
      'stack-move/plan.prod-search.json',
    ]);
    for (const [c, s] of PLANS) expect(fs.existsSync(path.join(FIXTURES, c, `plan.${s}.json`)), `${c}/plan.${s}.json`).toBe(true);
  });

  it.each(PLANS)('%s: the committed plan of %s is what terraform plans today (timestamp and version aside)', async (name, stack) => {
    const file = path.join(FIXTURES, name, `plan.${stack}.json`);
    const committed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const fresh = JSON.parse(await freshPlan(name, stack)) as unknown;
    expect(stable(fresh), `${path.relative(process.cwd(), file)} is stale: npx tsx test/review/corpus/generate.ts --case ${name}`).toEqual(stable(committed));
  });

  it('classifies a freshly planned partition decrease in dev exactly like the committed plan', async () => {
    const c = corpusCase('dev-partitions-decreased');
    const plan = parsePlan('dev', { file: 'fresh plan', text: await freshPlan(c.name, 'dev') });
    const live = runCase(c, { plans: [plan] });
    const committed = runCase(c);
    const shape = (r: typeof live): unknown => r.findings.map((f) => ({ id: f.id, verdict: f.verdict, plan: f.plan }));
    expect(shape(live)).toEqual(shape(committed));
    expect(live.findings[0]?.plan[0]).toMatchObject({ actions: ['delete', 'create'], replacePaths: ['partitions'] });
  });
});
