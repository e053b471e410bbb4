/**
 * `topicform import` without the file system: tool outputs in, declarations, adopt list and a summary out.
 *
 *   const result = runImport({ inputs: { topicsDescribe: [{ file, text }], acls: [{ file, text }] }, environment });
 *   // result.files: topics/<domain>.ts, topics/imported.ts, adopted/<env>.json; result.summary: what to review
 */
import { generateFiles, type GeneratedFile, type GenerateOptions } from './generate/typescript';
import { planImport, type PlanOptions } from './plan/plan';
import type { ImportPlan } from './plan/types';
import { renderSummary } from './report';
import { DEFAULT_DOMAIN_PATTERN } from './naming';
import { buildSnapshot, type ClusterSnapshot, type ImportInputs } from './snapshot';
import { selectedByOnly } from './undeclared';

export interface ImportRequest extends PlanOptions {
  readonly inputs: ImportInputs;
  readonly generate?: GenerateOptions;
  /**
   * A regular expression: adopt only the topics whose name matches, and the ACLs whose topic, group or transactional
   * id name (or, on the cluster or on `*`, principal) matches — what `topicform import --undeclared` suggests.
   *
   * @default - everything the inputs show
   */
  readonly only?: string;
}

export interface ImportResult {
  readonly snapshot: ClusterSnapshot;
  readonly plan: ImportPlan;
  readonly files: readonly GeneratedFile[];
  readonly summary: string;
}

export function runImport(request: ImportRequest): ImportResult | { readonly error: string } {
  const built = buildSnapshot(request.inputs);
  // An empty, binary or foreign file is not imported around: the whole import stops, saying what each file should be.
  if (built.unusableInputs.length > 0) return { error: built.unusableInputs.join('\n') };
  let snapshot = built;
  if (request.only !== undefined) {
    let only: RegExp;
    try {
      only = new RegExp(request.only);
    } catch (error) {
      return { error: `--only: invalid regular expression ${JSON.stringify(request.only)}: ${error instanceof Error ? error.message : String(error)}` };
    }
    snapshot = { ...built, topics: built.topics.filter((t) => selectedByOnly(only, t)), acls: built.acls.filter((a) => selectedByOnly(only, a)) };
    if (snapshot.topics.length + snapshot.acls.length === 0) {
      return { error: `--only ${request.only} selects none of the ${built.topics.length} topics and ${built.acls.length} ACLs the inputs show` };
    }
  }
  const plan = planImport(snapshot, request);
  if ('error' in plan) return plan;
  return {
    snapshot,
    plan,
    files: generateFiles(plan, request.generate),
    summary: renderSummary(plan, snapshot, request.domainPattern ?? DEFAULT_DOMAIN_PATTERN),
  };
}

export { compileDomainPattern, DEFAULT_DOMAIN_PATTERN } from './naming';
export type { GeneratedFile, GenerateOptions } from './generate/typescript';
export type { ImportPlan } from './plan/types';
export type { ImportInputs, InputFile } from './snapshot';
export type { ImportFinding } from './types';
