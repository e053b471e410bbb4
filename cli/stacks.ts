/**
 * Builds the user's app in a throwaway output folder and hands back its stacks, resolved, for the commands that read
 * the Topology (lint, graph, stacks, …) without writing cdktf.out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KafkaStack } from '../constructs/kafka-stack';
import type { Finding } from '../rules/types';
import { formatIssueReport } from './issues-report';
import type { AppBuilder } from './load-app';
import { renderApp, unknownNames } from './render-app';
import { repositoryFacts } from './repository';
import { useRepositoryFacts } from '../constructs/repository-facts';

export interface LoadedStacks {
  readonly stacks: readonly KafkaStack[];
  /** Lint findings of the selected environments. */
  readonly findings: readonly Finding[];
  /** Declaration errors, formatted; when non-empty the stacks have no Topology. */
  readonly errors: readonly string[];
}

export function loadStacks(buildApp: AppBuilder, environments?: readonly string[]): LoadedStacks {
  const outdir = mkdtempSync(join(tmpdir(), 'topicform-app-'));
  try {
    const app = buildApp(outdir);
    useRepositoryFacts(app, repositoryFacts());
    const rendered = renderApp(app);
    const wanted = environments ?? [];
    // Known from the app's environments, not from its stacks: an environment whose declarations fail has no stacks.
    const unknown = unknownNames(rendered, { environments: wanted });
    if (unknown.length > 0) return { stacks: [], findings: [], errors: unknown };
    const keep = (env: string): boolean => wanted.length === 0 || wanted.includes(env);
    const errors = formatIssueReport(rendered.issues.filter((i) => (i.severity ?? 'error') === 'error' && keep(i.environment)));
    return { stacks: rendered.stacks.filter((s) => keep(s.environmentName)), findings: rendered.findings.filter((f) => keep(f.environment)), errors };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
