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

export interface ImportRequest extends PlanOptions {
  readonly inputs: ImportInputs;
  readonly generate?: GenerateOptions;
}

export interface ImportResult {
  readonly snapshot: ClusterSnapshot;
  readonly plan: ImportPlan;
  readonly files: readonly GeneratedFile[];
  readonly summary: string;
}

export function runImport(request: ImportRequest): ImportResult | { readonly error: string } {
  const snapshot = buildSnapshot(request.inputs);
  // An empty, binary or foreign file is not imported around: the whole import stops, saying what each file should be.
  if (snapshot.unusableInputs.length > 0) return { error: snapshot.unusableInputs.join('\n') };
  const plan = planImport(snapshot, request);
  if ('error' in plan) return plan;
  return { snapshot, plan, files: generateFiles(plan, request.generate), summary: renderSummary(plan, snapshot, request.domainPattern ?? DEFAULT_DOMAIN_PATTERN) };
}

export { DEFAULT_DOMAIN_PATTERN } from './naming';
export type { GeneratedFile, GenerateOptions } from './generate/typescript';
export type { ImportPlan } from './plan/types';
export type { ImportInputs, InputFile } from './snapshot';
export type { ImportFinding } from './types';
