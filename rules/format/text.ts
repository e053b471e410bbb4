/** Human output: grouped by domain, each finding with its location, construct path, field, message and fix. */
import type { Finding } from '../types';
import { isBlocking, mergeFindings, type MergedFinding } from './merge';
import { groupBy } from '../../model/group-by';

const MARK: Readonly<Record<Finding['level'], string>> = { error: 'error  ', warning: 'warning', info: 'info   ' };

function location(f: MergedFinding): string {
  const { file, line } = f.subject.source;
  return file === undefined ? f.constructPath : `${file}${line === undefined ? '' : `:${line}`} ${f.constructPath}`;
}

export function formatText(findings: readonly Finding[], options: { readonly strict?: boolean } = {}): string {
  const merged = mergeFindings(findings);
  const lines = findingLines(merged);
  const blocking = merged.filter((f) => isBlocking(f, options.strict ?? false)).length;
  lines.push('', `${countLine(merged)}${blocking > 0 ? '' : ' — passed'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What synth prints: only the unsuppressed errors and warnings (grouped and written as lint writes them), and the line
 * of counts of the whole report, suppressed and info findings included, counted as `formatText` counts them.
 */
export function formatProblems(findings: readonly Finding[]): { readonly lines: readonly string[]; readonly counts: string } {
  const merged = mergeFindings(findings);
  return { lines: findingLines(merged.filter((f) => f.suppressed === undefined && f.level !== 'info')), counts: countLine(merged) };
}

function findingLines(merged: readonly MergedFinding[]): string[] {
  const byDomain = groupBy(merged, (f) => f.subject.domain);
  const lines: string[] = [];
  for (const [domain, list] of [...byDomain.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Findings on an environment's own settings belong to no domain.
    lines.push(domain === '' ? 'environments' : domain);
    for (const f of list) {
      const field = f.field === '' ? '' : `${f.field}: `;
      const suppressed = f.suppressed === undefined ? '' : ` — suppressed by ${f.suppressed.by}: ${f.suppressed.reason}`;
      lines.push(`  ${MARK[f.level]} ${f.ruleId} ${location(f)} › ${field}${f.message} [${f.environments.join(', ')}]${suppressed}`);
      if (f.suppressed === undefined && f.level !== 'info') lines.push(`          fix: ${f.fix}`);
    }
  }
  return lines;
}

/** `1 error(s), 2 warning(s), 0 info, 30 suppressed`: findings merged across environments, as every report lists them. */
function countLine(merged: readonly MergedFinding[]): string {
  const count = (level: Finding['level']): number => merged.filter((f) => f.level === level && f.suppressed === undefined).length;
  const suppressed = merged.filter((f) => f.suppressed !== undefined).length;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${suppressed} suppressed`;
}
