/**
 * What a declaration root (an environment, or a self-contained stack) does before synthesis: collect the declarations
 * under it, resolve them into a Topology, lint it, and attach every issue and finding to the construct it is about so
 * that it names the construct path.
 */
import type { IConstruct } from './cdktf';
import { isDeclaration, type DeclarationConstruct } from './declaration';
import { repositoryFactsOf } from './repository-facts';
import { attachIssues } from './validation';
import type { Issue } from '../model/issues';
import { resolve, type Declarations, type LocatedIssue } from '../model/resolve';
import type { SourceLocation, StackLayout } from '../model/schema';
import type { Topology } from '../model/topology';
import { RULES } from '../rules/registry';
import { lint } from '../rules/run';
import type { Finding } from '../rules/types';
import { appendTo } from '../model/group-by';

export interface RootResult {
  /** Declaration errors and warnings; the topology is null when any is an error. */
  readonly issues: readonly LocatedIssue[];
  readonly topology: Topology | null;
  /** Lint findings, suppressed ones included; empty when the declarations have errors. */
  readonly findings: readonly Finding[];
  /** Declaration constructs by construct path. */
  readonly byPath: ReadonlyMap<string, IConstruct>;
}

/** `environmentSource`: where the environment was declared, for the environment's own errors and findings. */
export function resolveRoot(root: IConstruct, environment: unknown, layout: StackLayout | undefined, environmentSource: SourceLocation): RootResult {
  const declarations = root.node.findAll().filter(isDeclaration);
  const result = resolve(collect(declarations), environment, environmentSource);
  const byPath = new Map<string, IConstruct>(declarations.map((d) => [d.node.path, d]));
  const at = (path: string): IConstruct => byPath.get(path) ?? root;
  const grouped = new Map<IConstruct, Issue[]>();
  const add = (construct: IConstruct, issue: Issue): void => appendTo(grouped, construct, issue);
  for (const issue of result.issues) add(at(issue.source.path), { ...issue, path: `${where(issue.source)}${issue.path}` });
  const repository = repositoryFactsOf(root);
  const findings =
    result.topology === null
      ? []
      : lint(result.topology, RULES, { ...(layout === undefined ? {} : { layout }), environmentSource, ...(repository === undefined ? {} : { repository }) });
  // Unsuppressed lint errors stop synth like any validation error; warnings become annotations.
  for (const f of findings) {
    if (f.suppressed !== undefined || f.level === 'info') continue;
    add(at(f.subject.source.path), {
      path: `${where(f.subject.source)}${f.field}`,
      code: f.ruleId,
      message: `[${f.ruleId}] ${f.message}`,
      hint: f.fix,
      severity: f.level,
    });
  }
  for (const [construct, issues] of grouped) attachIssues(construct, issues);
  return { issues: result.issues, topology: result.topology, findings, byPath };
}

function where(source: { readonly file?: string; readonly line?: number }): string {
  return source.file === undefined ? '' : `${source.file}${source.line === undefined ? '' : `:${source.line}`} › `;
}

function collect(declarations: readonly DeclarationConstruct[]): Declarations {
  const of = (kind: DeclarationConstruct['declarationKind']): Array<Record<string, unknown>> =>
    declarations.filter((d) => d.declarationKind === kind).map((d) => d.toDeclaration());
  const connectClusters = of('connectCluster');
  const connectors = of('connector');
  return {
    domains: of('domain'),
    topics: of('topic'),
    consumerGroups: of('consumerGroup'),
    producers: of('producer'),
    legacyAcls: of('legacyAcl'),
    // Only when declared: declarations without Connect resolve exactly as before.
    ...(connectClusters.length === 0 ? {} : { connectClusters }),
    ...(connectors.length === 0 ? {} : { connectors }),
    streamsApplications: of('streamsApplication'),
  };
}
