/**
 * Resolves every declaration root of an app — KafkaEnvironments and self-contained KafkaStacks — before anything is
 * synthesized, and gathers their issues, lint findings and stacks.
 */
import type { App } from '../constructs/cdktf';
import { Domain } from '../constructs/domain';
import { KafkaEnvironment } from '../constructs/kafka-environment';
import { didYouMean } from '../model/did-you-mean';
import { NO_PROGRESS, type Progress } from './progress';
import { KafkaStack } from '../constructs/kafka-stack';
import type { Finding } from '../rules/types';
import type { EnvironmentIssue } from './issues-report';

export interface RenderedApp {
  readonly issues: readonly EnvironmentIssue[];
  readonly findings: readonly Finding[];
  /** Every stack, sorted by name. */
  readonly stacks: readonly KafkaStack[];
  /** The app's environments (its KafkaEnvironments and self-contained stacks), sorted, whether they resolve or not. */
  readonly environments: readonly string[];
  /** Every domain the app declares in any environment, sorted. */
  readonly domains: readonly string[];
}

export function renderApp(app: App, progress: Progress = NO_PROGRESS): RenderedApp {
  const issues: EnvironmentIssue[] = [];
  const findings: Finding[] = [];
  const environmentRoots = app.node.findAll().filter((c): c is KafkaEnvironment => c instanceof KafkaEnvironment);
  progress.stage('resolving and linting environments', environmentRoots.length);
  for (const environment of environmentRoots) {
    const result = environment.render();
    progress.tick();
    issues.push(...result.issues.map((i) => ({ ...i, environment: environment.environmentName })));
    findings.push(...result.findings);
  }
  const standalone = app.node.findAll().filter((c): c is KafkaStack => c instanceof KafkaStack && !c.node.scopes.some((s) => s instanceof KafkaEnvironment));
  for (const stack of standalone) {
    issues.push(...stack.render().issues.map((i) => ({ ...i, environment: stack.node.id })));
    findings.push(...stack.findings);
  }
  const stacks = app.node
    .findAll()
    .filter((c): c is KafkaStack => c instanceof KafkaStack)
    .sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  const names = new Set<string>();
  for (const s of stacks) {
    if (names.has(s.node.id)) {
      issues.push({
        source: { path: s.node.path },
        path: 'name',
        code: 'duplicate-stack',
        message: `two stacks are named "${s.node.id}"; stack names must be unique across environments`,
        environment: s.environmentName,
      });
    }
    names.add(s.node.id);
  }
  const all = app.node.findAll();
  const environments = [
    ...new Set([
      ...all.filter((c): c is KafkaEnvironment => c instanceof KafkaEnvironment).map((c) => c.environmentName),
      ...standalone.map((s) => s.environmentName),
    ]),
  ].sort();
  const domainNames = [...new Set(all.filter((c): c is Domain => c instanceof Domain).map((d) => d.domainName))].sort();
  return { issues, findings, stacks, environments, domains: domainNames };
}

/**
 * Environments and domains a filter names that the app does not have: usage errors, reported whether or not the
 * declarations resolve.
 */
export function unknownNames(rendered: Pick<RenderedApp, 'environments' | 'domains'>, filter: StackFilter): string[] {
  const unknown = (kind: string, names: readonly string[], known: readonly string[], has: string): string[] =>
    names
      .filter((name) => !known.includes(name))
      .map((name) => {
        const guess = didYouMean(name, known);
        return `error: unknown ${kind} "${name}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; the app ${has} ${known.join(', ') || 'none'}`;
      });
  return [
    ...unknown('environment', filter.environments ?? [], rendered.environments, 'has'),
    ...unknown('domain', filter.domains ?? [], rendered.domains, 'declares'),
  ];
}

export interface StackFilter {
  readonly environments?: readonly string[];
  readonly domains?: readonly string[];
}

/** Stacks selected by environment and domain; a whole-environment stack is selected by any of its domains. */
export function selectStacks(stacks: readonly KafkaStack[], filter: StackFilter): KafkaStack[] {
  const envs = filter.environments ?? [];
  const domains = filter.domains ?? [];
  return stacks.filter((s) => {
    if (envs.length > 0 && !envs.includes(s.environmentName)) return false;
    if (domains.length === 0) return true;
    if (s.domains === undefined) return (s.topology?.domains ?? []).some((d) => domains.includes(d.name));
    return [...s.domains].some((d) => domains.includes(d));
  });
}
