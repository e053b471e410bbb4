/**
 * SARIF 2.1.0 for code scanning: every result has a physical location (the declaration's file and line, recorded when
 * the construct was created), a logical location (its construct path), and suppressions carry their justification.
 */
import { META_RULES, RULES } from '../registry';
import type { Finding, RuleLevel } from '../types';
import { mergeFindings } from './merge';

const SARIF_LEVEL: Readonly<Record<RuleLevel, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  readonly toolVersion: string;
  /** Used when a declaration's file is unknown, so every result still has a physical location. @default 'main.ts' */
  readonly fallbackFile?: string;
}

export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  const catalogue = [...RULES, ...META_RULES];
  const index = new Map(catalogue.map((r, i) => [r.id, i]));
  const results = mergeFindings(findings).map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    level: SARIF_LEVEL[f.level],
    message: { text: `${f.field === '' ? '' : `${f.field}: `}${f.message} [${f.environments.join(', ')}]` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.subject.source.file ?? options.fallbackFile ?? 'main.ts'), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.subject.source.line ?? 1 },
        },
        logicalLocations: [{ fullyQualifiedName: f.constructPath, kind: 'resource' }],
      },
    ],
    ...(f.suppressed === undefined ? {} : { suppressions: [{ kind: 'inSource', justification: `${f.suppressed.by}: ${f.suppressed.reason}` }] }),
    properties: { environments: f.environments, field: f.field, subject: `${f.subject.kind} ${f.subject.name}`, undecided: f.undecided },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'topicform',
            version: options.toolVersion,
            rules: catalogue.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              help: { text: `Fix: ${r.fix}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.level] },
            })),
          },
        },
        // The repository root; code scanning resolves it (SARIF §3.14.14 allows no uri here, but not a relative one).
        originalUriBaseIds: { '%SRCROOT%': {} },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
