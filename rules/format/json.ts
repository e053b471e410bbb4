import type { Finding } from '../types';
import { mergeFindings } from './merge';

/** Machine output: one object per finding, merged across environments, stable order. */
export function formatJson(findings: readonly Finding[]): string {
  const merged = mergeFindings(findings).map((f) => ({
    ruleId: f.ruleId,
    level: f.level,
    title: f.title,
    environments: f.environments,
    domain: f.subject.domain,
    subject: { kind: f.subject.kind, name: f.subject.name },
    constructPath: f.constructPath,
    file: f.subject.source.file ?? null,
    line: f.subject.source.line ?? null,
    field: f.field,
    message: f.message,
    fix: f.fix,
    undecided: f.undecided,
    suppressed: f.suppressed ?? null,
  }));
  return `${JSON.stringify({ findings: merged }, null, 2)}\n`;
}
