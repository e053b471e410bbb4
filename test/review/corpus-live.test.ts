// Keeps the committed plan JSON true: regenerates one case's plan with the real terraform against the provider
// double (as scripts/gen-review-plans.ts does) and checks that the review classifies it exactly as it classifies the
// committed file. Skipped, with the reason, where terraform cannot run.
import { expect, it } from 'vitest';
import { parsePlan } from '../../review/parse';
import { describeWithTerraform } from '../double/terraform-suite';
import { buildCase, corpusCase } from './corpus/cases';
import { generatePlan } from './corpus/plans';
import { runCase } from './corpus/run';

describeWithTerraform('review corpus against a fresh plan', () => {
  it('classifies a freshly planned partition decrease in dev exactly like the committed plan', async () => {
    const c = corpusCase('dev-partitions-decreased');
    const spec = c.plans?.[0];
    if (spec === undefined) throw new Error('the case has no plan');
    const { base, head } = buildCase(c);
    const fresh = await generatePlan(c, spec, base, head);
    const plan = parsePlan(spec.stack, { file: 'fresh plan', text: fresh });

    const live = runCase(c, { plans: [plan] });
    const committed = runCase(c);
    const shape = (r: typeof live): unknown => r.findings.map((f) => ({ id: f.id, verdict: f.verdict, plan: f.plan }));
    expect(shape(live)).toEqual(shape(committed));
    expect(live.findings[0]?.plan[0]).toMatchObject({ actions: ['delete', 'create'], replacePaths: ['partitions'] });
  });
});
