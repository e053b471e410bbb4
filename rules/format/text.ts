/**
 * Human output: grouped by domain, errors first, each finding with its location, construct path, field, message and
 * fix. A finding that is an error in one environment and a warning in others is one line: `error [prod] · warning
 * [dev, staging]`. Colour is the caller's choice (a Paint; cli/colour.ts decides from the terminal), so this stays pure.
 */
import type { Finding, RuleLevel } from '../types';
import { isBlocking, mergeFindings, type MergedFinding } from './merge';
import { groupBy } from '../../model/group-by';

const MARK: Readonly<Record<Finding['level'], string>> = { error: 'error  ', warning: 'warning', info: 'info   ' };
const SEVERITY: Readonly<Record<RuleLevel, number>> = { error: 0, warning: 1, info: 2 };

/** How the text is styled: by level, and the verdict of the summary line. Identity by default (no colour). */
export interface Paint {
  readonly level: (level: RuleLevel, text: string) => string;
  readonly heading: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly verdict: (passed: boolean, text: string) => string;
}

export const NO_PAINT: Paint = { level: (_, text) => text, heading: (text) => text, dim: (text) => text, verdict: (_, text) => text };

export interface TextOptions {
  readonly strict?: boolean;
  /** @default NO_PAINT */
  readonly paint?: Paint;
}

function location(f: MergedFinding): string {
  const { file, line } = f.subject.source;
  return file === undefined ? f.constructPath : `${file}${line === undefined ? '' : `:${line}`} ${f.constructPath}`;
}

export function formatText(findings: readonly Finding[], options: TextOptions = {}): string {
  const paint = options.paint ?? NO_PAINT;
  const merged = mergeFindings(findings);
  const lines = findingLines(merged, paint);
  const blocking = merged.filter((f) => isBlocking(f, options.strict ?? false)).length;
  lines.push('', `${countLine(merged)}${blocking > 0 ? paint.verdict(false, ' — failed') : paint.verdict(true, ' — passed')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What synth prints: only the unsuppressed errors and warnings (grouped and written as lint writes them), and the line
 * of counts of the whole report, suppressed and info findings included, counted as `formatText` counts them.
 */
export function formatProblems(findings: readonly Finding[], paint: Paint = NO_PAINT): { readonly lines: readonly string[]; readonly counts: string } {
  const merged = mergeFindings(findings);
  return {
    lines: findingLines(
      merged.filter((f) => f.suppressed === undefined && f.level !== 'info'),
      paint,
    ),
    counts: countLine(merged),
  };
}

/** One finding as printed: its levels by environment merged into one line. */
interface Line {
  readonly first: MergedFinding;
  /** Each level with its environments, most severe first. */
  readonly levels: ReadonlyArray<{ readonly level: RuleLevel; readonly environments: readonly string[] }>;
}

function findingLines(merged: readonly MergedFinding[], paint: Paint): string[] {
  const rows = [...groupBy(merged, sameFindingKey).values()].map((list): Line => {
    const sorted = [...list].sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]);
    const first = sorted[0] as MergedFinding;
    return { first, levels: sorted.map((f) => ({ level: f.level, environments: f.environments })) };
  });
  const severity = (row: Line): number => SEVERITY[row.first.level];
  const byDomain = groupBy(rows, (row) => row.first.subject.domain);
  // Errors first: the domains with an error lead, and inside each domain its errors come before its warnings.
  const domains = [...byDomain.entries()]
    .map(([domain, list]) => ({ domain, list: [...list].sort((a, b) => severity(a) - severity(b)), worst: Math.min(...list.map(severity)) }))
    .sort((a, b) => a.worst - b.worst || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  const lines: string[] = [];
  for (const { domain, list } of domains) {
    // Findings on an environment's own settings belong to no domain.
    lines.push(paint.heading(domain === '' ? 'environments' : domain));
    for (const { first: f, levels } of list) {
      const field = f.field === '' ? '' : `${f.field}: `;
      const suppressed = f.suppressed === undefined ? '' : ` — suppressed by ${f.suppressed.by}: ${f.suppressed.reason}`;
      const where =
        levels.length === 1
          ? `[${f.environments.join(', ')}]`
          : levels.map((l) => `${paint.level(l.level, l.level)} [${l.environments.join(', ')}]`).join(' · ');
      const text = `${f.ruleId} ${location(f)} › ${field}${f.message} ${where}${suppressed}`;
      lines.push(f.suppressed === undefined ? `  ${paint.level(f.level, MARK[f.level])} ${text}` : paint.dim(`  ${MARK[f.level]} ${text}`));
      if (f.suppressed === undefined && f.level !== 'info') lines.push(`          fix: ${f.fix}`);
    }
  }
  return lines;
}

/** Findings that differ only by their level (an error in production, a warning elsewhere) are one line. */
function sameFindingKey(f: MergedFinding): string {
  return [f.ruleId, f.subject.kind, f.constructPath, f.subject.key ?? f.subject.name, f.field, f.message, f.suppressed?.reason ?? ''].join('\u0000');
}

/** `1 error(s), 2 warning(s), 0 info, 30 suppressed`: findings merged across environments, as every report lists them. */
function countLine(merged: readonly MergedFinding[]): string {
  const count = (level: Finding['level']): number => merged.filter((f) => f.level === level && f.suppressed === undefined).length;
  const suppressed = merged.filter((f) => f.suppressed !== undefined).length;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${suppressed} suppressed`;
}
