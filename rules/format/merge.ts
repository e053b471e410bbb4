/**
 * The same declaration is linted once per environment; reports show each finding once with the environments it occurs
 * in (a production-only finding says so).
 */
import type { Finding } from '../types';
import { compare } from '../../model/compare';

export interface MergedFinding extends Finding {
  readonly environments: readonly string[];
  /** The construct path without the environment's stack, e.g. `orders/order-created`. */
  readonly constructPath: string;
}

export function stripStack(path: string, environment: string): string {
  return path.startsWith(`${environment}/`) ? path.slice(environment.length + 1) : path;
}

export function mergeFindings(findings: readonly Finding[]): MergedFinding[] {
  const merged = new Map<string, { finding: Finding; environments: string[]; constructPath: string; messages: Set<string> }>();
  for (const f of findings) {
    const constructPath = stripStack(f.subject.source.path, f.environment);
    // By the subject's declared identity, not its name: a topic's name carries the environment's prefix.
    const key = [
      f.ruleId,
      f.level,
      f.subject.kind,
      constructPath,
      f.subject.key ?? f.subject.name,
      f.field,
      f.sharedMessage ?? f.message,
      f.suppressed?.reason ?? '',
    ].join('\u0000');
    const entry = merged.get(key) ?? { finding: f, environments: [], constructPath, messages: new Set<string>() };
    entry.environments.push(f.environment);
    entry.messages.add(f.message);
    merged.set(key, entry);
  }
  // Sorted after merging, so reports do not depend on the order in which the app declares its environments.
  return (
    [...merged.values()]
      // Environments whose messages differ only by their topic prefix: the message without it, whatever comes first.
      .map(({ finding, environments, constructPath, messages }) => ({
        ...finding,
        message: messages.size === 1 ? finding.message : (finding.sharedMessage ?? finding.message),
        environments: [...new Set(environments)].sort(),
        constructPath,
      }))
      .sort(
        (a, b) =>
          compare(a.subject.domain, b.subject.domain) ||
          compare(a.constructPath, b.constructPath) ||
          compare(a.subject.name, b.subject.name) ||
          compare(a.ruleId, b.ruleId) ||
          compare(a.field, b.field) ||
          compare(a.message, b.message) ||
          compare(a.environments.join(','), b.environments.join(',')),
      )
  );
}

/** Findings that fail a run: unsuppressed errors, and unsuppressed warnings with `strict`. */
export function isBlocking(f: Finding, strict: boolean): boolean {
  if (f.suppressed !== undefined) return false;
  return f.level === 'error' || (strict && f.level === 'warning');
}
