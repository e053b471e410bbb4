/**
 * Builds the user's app in a throwaway output folder and hands back its stacks, resolved, for the commands that read
 * the Topology (lint, graph, …) without writing cdktf.out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaStack } from '../constructs/kafka-stack';
import { formatIssueReport } from './issues-report';
import type { AppBuilder } from './load-app';

export interface LoadedStacks {
  readonly stacks: readonly KafkaStack[];
  /** Declaration errors, formatted; when non-empty the stacks have no Topology. */
  readonly errors: readonly string[];
}

export function loadStacks(buildApp: AppBuilder, environments?: readonly string[]): LoadedStacks {
  const outdir = mkdtempSync(join(tmpdir(), 'topicform-app-'));
  try {
    const app = buildApp(outdir);
    const all = app.node.findAll().filter((c): c is KafkaStack => c instanceof KafkaStack);
    const stacks = environments === undefined || environments.length === 0 ? all : all.filter((s) => environments.includes(s.node.id));
    const unknownEnvironments = (environments ?? []).filter((e) => !all.some((s) => s.node.id === e));
    if (unknownEnvironments.length > 0) {
      return { stacks: [], errors: [`error: unknown environment ${unknownEnvironments.map((e) => `"${e}"`).join(', ')}; the app has ${all.map((s) => s.node.id).join(', ')}`] };
    }
    const issues = stacks.flatMap((s) => s.render().issues.filter((i) => (i.severity ?? 'error') === 'error').map((i) => ({ ...i, environment: s.node.id })));
    return { stacks, errors: formatIssueReport(issues) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
