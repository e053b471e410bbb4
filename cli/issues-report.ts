/**
 * Prints declaration issues the way a reviewer wants them: file and line, construct path, field, message and hint,
 * once per problem with the environments it occurs in (the same declaration is resolved once per environment).
 */
import type { LocatedIssue } from '../model/resolve';

export interface EnvironmentIssue extends LocatedIssue {
  readonly environment: string;
}

export function formatIssueReport(issues: readonly EnvironmentIssue[]): string[] {
  const grouped = new Map<string, { issue: EnvironmentIssue; environments: string[] }>();
  for (const issue of issues) {
    const path = stripStack(issue.source.path, issue.environment);
    const key = [issue.severity ?? 'error', issue.source.file ?? '', issue.source.line ?? '', path, issue.path, issue.message].join('\u0000');
    const entry = grouped.get(key) ?? { issue, environments: [] };
    entry.environments.push(issue.environment);
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ issue, environments }) => {
    const mark = (issue.severity ?? 'error') === 'error' ? 'error' : 'warning';
    const file = issue.source.file === undefined ? '' : `${issue.source.file}${issue.source.line === undefined ? '' : `:${issue.source.line}`} › `;
    const field = issue.path === '' ? '' : `${issue.path}: `;
    const hint = issue.hint === undefined ? '' : ` (${issue.hint})`;
    return `${mark}: ${file}${stripStack(issue.source.path, issue.environment)} › ${field}${issue.message}${hint} [${[...new Set(environments)].sort().join(', ')}]`;
  });
}

function stripStack(path: string, stack: string): string {
  return path.startsWith(`${stack}/`) ? path.slice(stack.length + 1) : path;
}
