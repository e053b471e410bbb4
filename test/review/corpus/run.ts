// Runs the review over a corpus case: its base and head through parse (as files), the committed plans, and
// optional acknowledgements.
import fs from 'node:fs';
import path from 'node:path';
import { parseOutput, parsePlan } from '../../../review/parse';
import { review } from '../../../review/review';
import type { Acknowledgement, PlanSnapshot, ReviewResult } from '../../../review/types';
import { buildCase } from './cases';
import type { CorpusCase } from './cases';
import { FIXTURES } from './output';

/** The committed plan JSON of a case, parsed, one per planned stack. */
export function committedPlans(c: CorpusCase): PlanSnapshot[] {
  return (c.plans ?? []).map((spec) => {
    const file = path.join(FIXTURES, c.name, `plan.${spec.stack}.json`);
    return parsePlan(spec.stack, { file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') });
  });
}

export function runCase(c: CorpusCase, options: { plans?: PlanSnapshot[]; acknowledgements?: Acknowledgement[] } = {}): ReviewResult {
  const { base, head } = buildCase(c);
  return review({
    base: parseOutput('base', base.files('base')),
    head: parseOutput('head', head.files('head')),
    plans: options.plans ?? committedPlans(c),
    acknowledgements: options.acknowledgements ?? [],
  });
}
