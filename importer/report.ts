/** The summary `topicform import` prints: what was found, what is adopted, what the first plan shows, what is left. */
import type { ImportPlan } from './plan/types';
import type { ClusterSnapshot } from './snapshot';
import type { ImportFinding } from './types';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function where(f: ImportFinding): string {
  if (f.at === undefined) return f.subject;
  const at = `${f.at.file}:${f.at.line}`;
  return f.subject === at ? at : `${at} ${f.subject}`;
}

export function renderSummary(plan: ImportPlan, snapshot: ClusterSnapshot, domainPattern: string): string {
  const lines: string[] = [];
  const groups = plan.domains.flatMap((d) => d.groups);
  const producers = plan.domains.flatMap((d) => d.producers);
  const legacy = plan.domains.flatMap((d) => d.legacyAcls);
  const topicsPerDomain = plan.domains.filter((d) => d.topics.length > 0).map((d) => `${d.name}: ${d.topics.length}`);

  lines.push(`topicform import — environment "${plan.environment}", domains by the pattern ${domainPattern}`);
  lines.push(`found: ${plural(snapshot.topics.length, 'topic')}, ${plural(snapshot.acls.length, 'ACL')}`);
  lines.push(
    `adopted: ${plural(plan.adopt.topics.length, 'topic')} (${plural(plan.domains.reduce((n, d) => n + d.topics.length, 0), 'event topic')}` +
      `${topicsPerDomain.length > 0 ? ` — ${topicsPerDomain.join(', ')}` : ''}; the rest are DLQ / retry companions), ` +
      `${plural(plan.adopt.acls.length, 'ACL')} (${plural(producers.length, 'producer')}, ${plural(groups.length, 'consumer group')}, ${plural(legacy.length, 'legacy ACL')})`,
  );
  const updates = plan.firstPlan.updates.length;
  lines.push(
    `first terraform plan: ${plural(plan.firstPlan.importTopics.length + plan.firstPlan.importAcls.length, 'import')}` +
      `${updates > 0 ? `, ${plural(updates, 'harmless in-place config update')} (see below)` : ''}` +
      `, ${plan.firstPlan.creates.length === 0 ? 'nothing created, replaced or deleted' : `${plural(plan.firstPlan.creates.length, 'CREATE')}: ${plan.firstPlan.creates.join(', ')}`}`,
  );
  if (plan.firstPlan.uncertain.length > 0) {
    lines.push(
      `  and possibly config updates on ${plural(plan.firstPlan.uncertain.length, 'topic')} whose configs only kafka-topics --describe listed ` +
        '(a broker setting and an override look the same there; the values stay what the broker applies)',
    );
  }

  if (plan.unmanagedTopics.length > 0) {
    lines.push('', `not adopted — left on the cluster, unmanaged (${plan.unmanagedTopics.length}):`);
    for (const t of plan.unmanagedTopics) lines.push(`  ${t.name}: ${t.reason}`);
  }
  if (legacy.length > 0) {
    lines.push('', `kept as legacy ACLs — review each (${legacy.length}):`);
    for (const l of legacy) {
      const b = l.binding;
      lines.push(`  [${l.domain}] ${b.principal} ${b.permission} ${b.operation} ${b.resourceType} ${b.resourceName} (${b.patternType}, host ${b.host})`);
    }
  }
  const brokerLevel = Object.entries(plan.adopt.brokerDefaults);
  if (brokerLevel.length > 0) {
    lines.push('', `left to the broker — derived configs ${plural(brokerLevel.length, 'topic')} get from broker settings, not written as topic overrides (adopted/${plan.environment}.json brokerDefaults):`);
    for (const [topic, configs] of brokerLevel) lines.push(`  ${topic}: ${Object.entries(configs).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  if (updates > 0) {
    lines.push('', 'in-place config updates on the first apply (the broker applies these values already):');
    for (const u of plan.firstPlan.updates) {
      lines.push(`  ${u.topic}: ${u.changes.map((c) => `${c.key} ${c.before ?? '(not set)'} → ${c.after ?? '(removed)'}`).join(', ')}`);
    }
  }
  const byLevel = (level: ImportFinding['level'], codes?: readonly string[]): ImportFinding[] =>
    plan.findings.filter((f) => f.level === level && (codes === undefined || codes.includes(f.code)));
  const unknown = byLevel('warning', ['unknown-line', 'unknown-field']);
  if (unknown.length > 0) {
    lines.push('', `input not understood — not used (${unknown.length}):`);
    for (const f of unknown) lines.push(`  ${where(f)}: ${f.message}`);
  }
  const maybeBroker = plan.findings.filter((f) => f.code === 'maybe-broker-level');
  if (maybeBroker.length > 0) {
    lines.push(
      '',
      `configs of ${plural(maybeBroker.length, 'topic')} come from kafka-topics --describe, which mixes static broker settings in: they are kept as ` +
        'topic overrides, and each may be broker-level (the generated files say which). Import again with kafka-configs --describe output to know.',
    );
  }
  const shown = new Set(['unknown-line', 'unknown-field', 'topic-not-adopted', 'maybe-broker-level']);
  const errors = byLevel('error');
  const warnings = byLevel('warning').filter((f) => !shown.has(f.code));
  if (errors.length > 0) {
    lines.push('', `errors (${errors.length}):`);
    for (const f of errors) lines.push(`  ${where(f)}: ${f.message}`);
  }
  if (warnings.length > 0) {
    lines.push('', `warnings (${warnings.length}):`);
    for (const f of warnings) lines.push(`  ${where(f)}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
