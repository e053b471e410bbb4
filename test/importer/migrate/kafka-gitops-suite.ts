/**
 * kafka-gitops's own test suite (../shared/fixtures/kafka-gitops/plans) run against the migration: for each case, its
 * state file is migrated (with the cluster output of the case's pre-state, so that what exists is imported), the
 * generated declarations are synthesized, and the real terraform plans them against the provider double seeded with
 * that pre-state. Every topic and ACL the case's `-plan.json` adds or updates must be in terraform's plan with the
 * same partitions, replication, configs and ACL tuple; what it removes must be in the migration's undeclared listing;
 * what it leaves unchanged must be a plain import. Invalid cases must be refused with the reason kafka-gitops gives.
 *
 * Shared by the test (which also checks docs/migration.md's table) and test/importer/migrate/gen-table.ts, which writes
 * the table from these results.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInput } from '../../../cli/import-io';
import { UsageError } from '../../../cli/load-app';
import { environments } from '../../../environments';
import { runMigration } from '../../../importer/migrate';
import type { UndeclaredReport } from '../../../importer/undeclared';
import { aclId } from '../../../model/acl';
import type { EnvironmentInput } from '../../../model/schema';
import type { AclBinding } from '../../../model/topology';
import type { ClusterSeed } from '../../../scripts/terraform/cluster-file';
import { providerSpelling } from '../../double/seed-from-tools';
import type { PlanJson, ResourceChange, TerraformWorkspace } from '../../../scripts/terraform/workspace';
import { CONSTRUCTS_MODULE, loadGenerated, synthDomains } from '../helpers/load-generated';
import { clusterSeed, renderAclsList, renderConfigsDescribe, renderTopicsDescribe, type AclResource, type TopicResource } from '../helpers/render-cluster';

/** The shared samples (helpers/fixtures.ts SHARED_FIXTURES, without vitest: test/importer/migrate/gen-table.ts loads this too). */
export const PLANS = resolve(__dirname, '../../../../shared/fixtures/kafka-gitops/plans');
export const ENVIRONMENT = environments.find((e) => e.name === 'prod') as EnvironmentInput;
export const VARS = { kafka_bootstrap_servers: ['broker-1.example.com:9092'] };

/**
 * The pre-state kafka-gitops's tests seed (fixtures README; described there from its Groovy test utils): every topic
 * with replication 2, and one ACL.
 */
const SEED_TOPICS: readonly TopicResource[] = [
  { name: 'delete-topic', partitions: 1, replication_factor: 2, config: {} },
  { name: 'test-topic', partitions: 1, replication_factor: 2, config: {} },
  { name: 'topic-with-configs-1', partitions: 3, replication_factor: 2, config: { 'cleanup.policy': 'compact', 'segment.bytes': '100000' } },
  { name: 'topic-with-configs-2', partitions: 6, replication_factor: 2, config: { 'retention.ms': '60000' } },
];
const SEED_ACLS: readonly AclResource[] = [
  {
    acl_principal: 'User:test',
    acl_host: '*',
    acl_operation: 'Read',
    acl_permission_type: 'Allow',
    resource_type: 'Topic',
    resource_name: 'test-topic',
    resource_pattern_type_filter: 'Literal',
  },
];

/** Cases whose expected outcome exists only against the seeded cluster, although their names do not start with `seed-`. */
const ALSO_SEEDED = new Set(['no-changes', 'no-changes-include-unchanged', 'invalid-topic-remove-partitions']);

export interface SuiteCase {
  /** The case name: `<case>` of `<case>.yaml` / `<case>-plan.json`. */
  readonly name: string;
  readonly stateFile: string;
  /** `-plan.json` for a valid case; the kafka-gitops output for an invalid one. */
  readonly expected: string;
  readonly kind: 'valid' | 'invalid';
  readonly seeded: boolean;
  /** The kafka-gitops options the case's name says it ran with. */
  readonly flags: readonly string[];
}

/** Every case of the suite, in name order; empty when ../shared is absent. */
export function suiteCases(): SuiteCase[] {
  if (!existsSync(PLANS)) return [];
  const files = readdirSync(PLANS);
  const cases: SuiteCase[] = [];
  for (const plan of files.filter((f) => f.endsWith('-plan.json')).sort()) {
    const name = plan.slice(0, -'-plan.json'.length);
    const base = name.replace(/-include-unchanged$/, '');
    const stateFile = files.includes(`${base}.yaml`) ? `${base}.yaml` : undefined;
    if (stateFile === undefined) continue;
    cases.push({ name, stateFile, expected: plan, kind: 'valid', seeded: base.startsWith('seed-') || ALSO_SEEDED.has(name), flags: flagsOf(name) });
  }
  for (const yaml of files.filter((f) => /^(invalid-|unrecognized-)/.test(f) && f.endsWith('.yaml')).sort()) {
    const name = yaml.slice(0, -'.yaml'.length);
    const output = files.find((f) => f === `${name}-output.txt` || f === `${name}-validate-output.txt`);
    if (output !== undefined) cases.push({ name, stateFile: yaml, expected: output, kind: 'invalid', seeded: ALSO_SEEDED.has(name), flags: [] });
  }
  // The plan file kafka-gitops's apply refuses (not a state file): given to --kafka-gitops it must be refused too.
  if (files.includes('invalid-plan.json')) {
    cases.push({ name: 'invalid-plan', stateFile: 'invalid-plan.json', expected: 'invalid-plan-output.txt', kind: 'invalid', seeded: false, flags: [] });
  }
  // A state file (or plan file) that is not there.
  for (const name of ['null-file', 'read-input-exception']) {
    if (files.includes(`${name}-output.txt`)) {
      cases.push({ name, stateFile: `${name}-does-not-exist.yaml`, expected: `${name}-output.txt`, kind: 'invalid', seeded: false, flags: [] });
    }
  }
  return cases.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function flagsOf(name: string): string[] {
  return [
    ...(name.includes('skip-acls') ? ['--skip-acls'] : []),
    ...(name.includes('no-delete') ? ['--no-delete'] : []),
    ...(name.endsWith('include-unchanged') ? ['--include-unchanged'] : []),
  ];
}

export const seedCluster = (): ClusterSeed => clusterSeed(SEED_TOPICS, SEED_ACLS);

/** The pre-state as the Kafka tools print it: what a user migrating an existing cluster gives. */
export function seedCapture(): {
  topicsDescribe: Array<{ file: string; text: string }>;
  configs: Array<{ file: string; text: string }>;
  acls: Array<{ file: string; text: string }>;
} {
  return {
    topicsDescribe: [{ file: 'topics.txt', text: renderTopicsDescribe(SEED_TOPICS) }],
    configs: [{ file: 'configs.txt', text: renderConfigsDescribe(SEED_TOPICS) }],
    acls: [{ file: 'acls.txt', text: renderAclsList(SEED_ACLS) }],
  };
}

interface GitopsAcl {
  readonly name: string;
  readonly type: string;
  readonly pattern: string;
  readonly principal: string;
  readonly host: string;
  readonly operation: string;
  readonly permission: string;
}
interface GitopsPlan {
  readonly topicPlans: ReadonlyArray<{
    readonly name: string;
    readonly action: string;
    readonly topicDetailsPlan: { partitions: number | null; replication: number | null; partitionsAction: string; replicationAction: string } | null;
    readonly topicConfigPlans: ReadonlyArray<{ key: string; value: string | null; action: string }>;
  }>;
  readonly aclPlans: ReadonlyArray<{ readonly aclDetails: GitopsAcl; readonly action: string }>;
}

/** One difference between kafka-gitops's plan and terraform's, with its kind (docs/migration.md explains each kind). */
export interface Difference {
  readonly kind: 'missing' | 'different' | 'extra-change' | 'removal-not-listed' | 'listed-not-removed';
  readonly detail: string;
}

export interface CaseResult {
  readonly case: SuiteCase;
  /** `matches`: every expectation holds (differences, if any, are extra); `refused`: an invalid case refused; `failed`. */
  readonly outcome: 'matches' | 'refused' | 'failed';
  /** terraform's plan line, or the refusal's first line. */
  readonly summary: string;
  readonly checked: { readonly adds: number; readonly updates: number; readonly unchanged: number; readonly removals: number };
  readonly differences: readonly Difference[];
}

const bindingOf = (a: GitopsAcl): AclBinding =>
  ({
    principal: a.principal,
    host: a.host,
    operation: providerSpelling(a.operation),
    permission: providerSpelling(a.permission),
    resourceType: providerSpelling(a.type),
    resourceName: a.name,
    patternType: providerSpelling(a.pattern),
  }) as AclBinding;

const aclOfChange = (rc: ResourceChange): string => {
  const a = rc.change.after ?? rc.change.before ?? {};
  return aclId({
    principal: String(a.acl_principal),
    host: String(a.acl_host),
    operation: String(a.acl_operation),
    permission: String(a.acl_permission_type),
    resourceType: String(a.resource_type),
    resourceName: String(a.resource_name),
    patternType: typeof a.resource_pattern_type_filter === 'string' ? a.resource_pattern_type_filter : 'Literal',
  } as AclBinding);
};

/** Why kafka-gitops refused an invalid case: the field or fact its message names, which ours must name too. */
export function refusalKey(output: string): RegExp {
  const field =
    /for field '([^']+)'/.exec(output)?.[1] ??
    /Not set: \[([^\]]+)\]/.exec(output)?.[1] ??
    /Unrecognized field: \[([^\]]+)\]/.exec(output)?.[1] ??
    /format for: \[([^\]]+)\]/.exec(output)?.[1];
  if (field !== undefined) return new RegExp(field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (/Missing principal|Not set: \[principal\]/.test(output)) return /principal is not set/;
  if (/default replication factor/.test(output)) return /default replication factor/;
  if (/Removing the partition number/.test(output)) return /cannot remove partitions/;
  if (/could not be found/.test(output)) return /cannot read input file/;
  if (/Error reading execution plan/.test(output)) return /is not a kafka-gitops state file/;
  return /.^/;
}

/** Runs one case; `workspace` is an initialised terraform workspace for ENVIRONMENT, reused across cases. */
export async function runCase(c: SuiteCase, workspace: TerraformWorkspace): Promise<CaseResult> {
  const empty = { adds: 0, updates: 0, unchanged: 0, removals: 0 };
  if (!existsSync(join(PLANS, c.stateFile))) {
    // What the command does with a file that is not there (cli/import-io.ts readInput).
    const output = readFileSync(join(PLANS, c.expected), 'utf8');
    try {
      readInput(c.stateFile, PLANS);
      return { case: c, outcome: 'failed', summary: 'read a file that does not exist', checked: empty, differences: [{ kind: 'missing', detail: 'refusal' }] };
    } catch (error) {
      const message = error instanceof UsageError ? error.message : String(error);
      return { case: c, outcome: refusalKey(output).test(message) ? 'refused' : 'failed', summary: message, checked: empty, differences: [] };
    }
  }
  const state = { file: c.stateFile, text: readFileSync(join(PLANS, c.stateFile), 'utf8') };
  const result = runMigration({
    tool: 'kafka-gitops',
    files: [state],
    include: (path) => (existsSync(join(PLANS, path)) ? { file: path, text: readFileSync(join(PLANS, path), 'utf8') } : `${path} not found`),
    ...(c.seeded ? { cluster: seedCapture() } : {}),
    environment: ENVIRONMENT,
    generate: { constructsModule: CONSTRUCTS_MODULE },
  });
  if (c.kind === 'invalid') {
    const output = readFileSync(join(PLANS, c.expected), 'utf8');
    if (!('error' in result)) {
      return {
        case: c,
        outcome: 'failed',
        summary: 'accepted, but kafka-gitops refuses it',
        checked: empty,
        differences: [{ kind: 'missing', detail: `refusal: ${output.trim().split('\n').pop() ?? ''}` }],
      };
    }
    const key = refusalKey(output);
    const lines = result.error.split('\n');
    const at = Math.max(
      0,
      lines.findIndex((l) => key.test(l)),
    );
    // The line that names the reason, and the one after a line that introduces a list.
    const reason = [lines[at] ?? '', ...(lines[at]?.trimEnd().endsWith(':') === true ? [lines[at + 1] ?? ''] : [])].map((l) => l.trim()).join(' ');
    return {
      case: c,
      outcome: key.test(result.error) ? 'refused' : 'failed',
      summary: reason,
      checked: empty,
      differences: key.test(result.error) ? [] : [{ kind: 'different', detail: `refused for another reason than kafka-gitops's (${key.source})` }],
    };
  }
  if ('error' in result) {
    return { case: c, outcome: 'failed', summary: result.error.split('\n')[0] ?? '', checked: empty, differences: [{ kind: 'missing', detail: result.error }] };
  }

  const loaded = await loadGenerated(result.files, ENVIRONMENT.name);
  try {
    workspace.writeStack(synthDomains(Object.values(loaded.domains), ENVIRONMENT, loaded.adopt));
  } finally {
    loaded.dispose();
  }
  workspace.writeCluster(c.seeded ? seedCluster() : {});
  const planned = await workspace.plan();
  const plan = await workspace.showJson();
  const expected = JSON.parse(readFileSync(join(PLANS, c.expected), 'utf8')) as GitopsPlan;
  const { differences, checked } = compare(expected, plan, result.plan.undeclared, c);
  return {
    case: c,
    outcome: differences.some((d) => explain(d, c) === undefined) ? 'failed' : 'matches',
    summary: /^(Plan: .*|No changes\..*)$/m.exec(planned.stdout)?.[0] ?? '',
    checked,
    differences,
  };
}

/** Why a difference is not a defect; undefined for one that is (the case then fails). */
export function explain(d: Difference, c: SuiteCase): string | undefined {
  if (d.kind === 'extra-change' && c.flags.includes('--skip-acls') && d.detail.startsWith('acl ')) {
    return "kafka-gitops ran this case with --skip-acls, so its plan leaves the services' ACLs out; a migration always carries them, and each is in kafka-gitops's plan of the same state file without the option (skip-acls-apply-plan.json)";
  }
  if (d.kind === 'listed-not-removed' && c.flags.includes('--no-delete')) {
    return 'kafka-gitops ran this case with --no-delete, so it keeps the topics its state file leaves out; topicform never deletes what nobody declared either, and lists them as undeclared (the topics kafka-gitops deletes without the option)';
  }
  return undefined;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table docs/migration.md holds between its kafka-gitops-suite markers. */
export function renderTable(results: readonly CaseResult[]): string {
  const rows = results.map((r) => {
    const c = r.case;
    const expected =
      c.kind === 'invalid'
        ? 'refused'
        : [
            r.checked.adds > 0 ? `${r.checked.adds} add` : '',
            r.checked.updates > 0 ? `${r.checked.updates} update` : '',
            r.checked.unchanged > 0 ? `${r.checked.unchanged} unchanged` : '',
            r.checked.removals > 0 ? `${r.checked.removals} remove` : '',
          ]
            .filter((x) => x !== '')
            .join(', ') || 'no changes';
    const differences =
      r.differences.length === 0
        ? '—'
        : r.differences.map((d) => `${d.kind}: ${d.detail}${explain(d, c) === undefined ? ' (**unexplained**)' : ''}`).join('; ');
    return `| \`${c.name}\`${c.flags.length > 0 ? ` (${c.flags.join(' ')})` : ''} | ${c.seeded ? 'seeded' : 'empty'} | ${expected} | ${r.outcome} | ${cell(r.summary)} | ${cell(differences)} |`;
  });
  const explained = [...new Set(results.flatMap((r) => r.differences.map((d) => explain(d, r.case)).filter((x): x is string => x !== undefined)))];
  return [
    '| case | pre-state | kafka-gitops plans | result | topicform: terraform plan, or the refusal | differences |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${results.length} cases: ${results.filter((r) => r.outcome === 'matches').length} match, ${results.filter((r) => r.outcome === 'refused').length} refused as kafka-gitops refuses them, ${results.filter((r) => r.outcome === 'failed').length} failed.`,
    ...(explained.length === 0 ? [] : ['', 'The differences, explained:', '', ...explained.map((e) => `- ${e}`)]),
  ].join('\n');
}

export const TABLE_START =
  '<!-- kafka-gitops-suite:start (generated by test/importer/migrate/gen-table.ts from test/importer/migrate/kafka-gitops-suite.ts; do not edit) -->';
export const TABLE_END = '<!-- kafka-gitops-suite:end -->';

function compare(
  expected: GitopsPlan,
  plan: PlanJson,
  undeclared: UndeclaredReport | undefined,
  c: SuiteCase,
): { differences: Difference[]; checked: CaseResult['checked'] } {
  const differences: Difference[] = [];
  const checked = { adds: 0, updates: 0, unchanged: 0, removals: 0 };
  const changes = plan.resource_changes ?? [];
  const topicChange = new Map(changes.filter((rc) => rc.type === 'kafka_topic').map((rc) => [String((rc.change.after ?? rc.change.before)?.name), rc]));
  const aclChange = new Map(changes.filter((rc) => rc.type === 'kafka_acl').map((rc) => [aclOfChange(rc), rc]));
  const listedTopics = new Set(undeclared?.owners.flatMap((o) => o.topics.map((t) => t.name)) ?? []);
  const listedAcls = new Set(undeclared?.owners.flatMap((o) => o.acls.map((a) => a.id)) ?? []);
  const accounted = new Set<ResourceChange>();
  const actions = (rc: ResourceChange): string => `${rc.change.importing === undefined ? '' : 'import+'}${rc.change.actions.join('+')}`;

  for (const t of expected.topicPlans) {
    const rc = topicChange.get(t.name);
    if (t.action === 'REMOVE') {
      checked.removals++;
      if (!listedTopics.has(t.name)) differences.push({ kind: 'removal-not-listed', detail: `topic ${t.name}` });
      continue;
    }
    if (rc === undefined) {
      differences.push({ kind: 'missing', detail: `topic ${t.name} (${t.action})` });
      continue;
    }
    accounted.add(rc);
    const after = rc.change.after ?? {};
    const config = (after.config ?? {}) as Record<string, string>;
    const problems: string[] = [];
    const want = (ok: boolean, what: string): void => void (ok ? undefined : problems.push(what));
    if (t.action === 'ADD') {
      checked.adds++;
      want(rc.change.actions.join() === 'create' && rc.change.importing === undefined, `planned ${actions(rc)}, not a create`);
      want(
        after.partitions === t.topicDetailsPlan?.partitions,
        `partitions ${String(after.partitions)}, kafka-gitops ${String(t.topicDetailsPlan?.partitions)}`,
      );
      want(
        after.replication_factor === t.topicDetailsPlan?.replication,
        `replication ${String(after.replication_factor)}, kafka-gitops ${String(t.topicDetailsPlan?.replication)}`,
      );
      const configs = Object.fromEntries(t.topicConfigPlans.filter((p) => p.action === 'ADD').map((p) => [p.key, p.value]));
      want(
        JSON.stringify(sorted(config)) === JSON.stringify(sorted(configs)),
        `config ${JSON.stringify(sorted(config))}, kafka-gitops ${JSON.stringify(sorted(configs))}`,
      );
    } else {
      if (t.action === 'UPDATE') checked.updates++;
      else checked.unchanged++;
      want(rc.change.importing !== undefined, 'not imported');
      const expectChange = t.action === 'UPDATE';
      want(expectChange ? rc.change.actions.join() === 'update' : rc.change.actions.join() === 'no-op', `planned ${actions(rc)}, kafka-gitops ${t.action}`);
      const d = t.topicDetailsPlan;
      if (d !== null && d.partitionsAction !== 'NO_CHANGE') {
        want(after.partitions === d.partitions, `partitions ${String(after.partitions)}, kafka-gitops ${String(d.partitions)}`);
      }
      if (d !== null && d.replicationAction !== 'NO_CHANGE') {
        want(after.replication_factor === d.replication, `replication ${String(after.replication_factor)}, kafka-gitops ${String(d.replication)}`);
      }
      for (const p of t.topicConfigPlans) {
        if (p.action === 'REMOVE') want(config[p.key] === undefined, `${p.key}=${config[p.key] ?? ''} kept, kafka-gitops removes it`);
        else want(config[p.key] === p.value, `${p.key}=${config[p.key] ?? '(not set)'}, kafka-gitops ${p.value ?? ''}`);
      }
      // Nothing beyond what kafka-gitops changes: every config key terraform changes is one kafka-gitops names.
      const before = (rc.change.before?.config ?? {}) as Record<string, string>;
      const named = new Set(t.topicConfigPlans.map((p) => p.key));
      for (const key of new Set([...Object.keys(before), ...Object.keys(config)])) {
        if (before[key] !== config[key] && !named.has(key)) problems.push(`also changes ${key} ${before[key] ?? '(not set)'} → ${config[key] ?? '(removed)'}`);
      }
    }
    if (problems.length > 0) differences.push({ kind: 'different', detail: `topic ${t.name}: ${problems.join('; ')}` });
  }
  const aclExpected = new Map<string, string>();
  for (const a of expected.aclPlans) aclExpected.set(aclId(bindingOf(a.aclDetails)), a.action);
  for (const [id, action] of aclExpected) {
    const rc = aclChange.get(id);
    if (action === 'REMOVE') {
      checked.removals++;
      if (!listedAcls.has(id)) differences.push({ kind: 'removal-not-listed', detail: `acl ${id}` });
      continue;
    }
    if (action === 'ADD') checked.adds++;
    else checked.unchanged++;
    if (rc === undefined) {
      differences.push({ kind: 'missing', detail: `acl ${id} (${action})` });
      continue;
    }
    accounted.add(rc);
    const ok =
      action === 'ADD'
        ? rc.change.actions.join() === 'create' && rc.change.importing === undefined
        : rc.change.importing !== undefined && rc.change.actions.join() === 'no-op';
    if (!ok) differences.push({ kind: 'different', detail: `acl ${id}: planned ${actions(rc)}, kafka-gitops ${action}` });
  }
  // A case run with --skip-acls has the ACLs of the same state file in its -apply-plan.json (planned without the option).
  const applyPlan = join(PLANS, `${c.name}-apply-plan.json`);
  const withoutSkip =
    c.flags.includes('--skip-acls') && existsSync(applyPlan)
      ? new Set((JSON.parse(readFileSync(applyPlan, 'utf8')) as GitopsPlan).aclPlans.map((a) => aclId(bindingOf(a.aclDetails))))
      : new Set<string>();
  for (const rc of changes) {
    if (accounted.has(rc) || (rc.change.importing !== undefined && rc.change.actions.join() === 'no-op')) continue;
    const what = rc.type === 'kafka_topic' ? `topic ${String((rc.change.after ?? rc.change.before)?.name)}` : `acl ${aclOfChange(rc)}`;
    const expectedWithoutSkip = rc.type === 'kafka_acl' && withoutSkip.has(aclOfChange(rc));
    differences.push({
      kind: expectedWithoutSkip ? 'extra-change' : 'different',
      detail: `${what}: ${actions(rc)}${expectedWithoutSkip || !c.flags.includes('--skip-acls') ? '' : ' (not in the plan without --skip-acls either)'}`,
    });
  }
  if (c.flags.includes('--no-delete')) {
    const removed = new Set(expected.topicPlans.filter((t) => t.action === 'REMOVE').map((t) => t.name));
    for (const t of listedTopics) if (!removed.has(t)) differences.push({ kind: 'listed-not-removed', detail: `topic ${t}` });
  }
  return { differences, checked };
}

function sorted(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
