/** The summary `topicform import` prints: what was found, what is adopted, what the first plan shows, what is left. */
import type { ImportPlan } from './plan/types';
import type { ClusterSnapshot } from './snapshot';
import type { ImportFinding } from './types';
import { DECLARED_CLIENT_CODES } from './plan/client-findings';

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
  // Streams applications, Connect clusters and sink connectors: named only when there are any, so other summaries stay as they were.
  const streams = plan.domains.flatMap((d) => d.streamsApplications ?? []);
  const clusters = plan.domains.flatMap((d) => d.connectClusters ?? []);
  const sinks = clusters.flatMap((c) => c.sinks);
  const clientCounts = [
    ...(streams.length > 0 ? [plural(streams.length, 'Streams application')] : []),
    ...(clusters.length > 0 ? [plural(clusters.length, 'Connect cluster')] : []),
    ...(sinks.length > 0 ? [plural(sinks.length, 'sink connector')] : []),
  ];

  lines.push(`topicform import — environment "${plan.environment}", domains by the pattern ${domainPattern}`);
  lines.push(`found: ${plural(snapshot.topics.length, 'topic')}, ${plural(snapshot.acls.length, 'ACL')}`);
  lines.push(
    `adopted: ${plural(plan.adopt.topics.length, 'topic')} (${plural(
      plan.domains.reduce((n, d) => n + d.topics.length, 0),
      'event topic',
    )}` +
      `${topicsPerDomain.length > 0 ? ` — ${topicsPerDomain.join(', ')}` : ''}; the rest are DLQ / retry companions${clusters.length > 0 ? ' and Connect storage / dead-letter topics' : ''}), ` +
      `${plural(plan.adopt.acls.length, 'ACL')} (${plural(producers.length, 'producer')}, ${plural(groups.length, 'consumer group')}, ${[...clientCounts, plural(legacy.length, 'legacy ACL')].join(', ')})`,
  );
  const updates = plan.firstPlan.updates.length;
  const imports = plural(plan.firstPlan.importTopics.length + plan.firstPlan.importAcls.length, 'import');
  const creates = plan.firstPlan.creates;
  lines.push(
    `first terraform plan: ${imports}` +
      (updates > 0 ? `, ${plural(updates, 'topic')} updated in place (see below)` : '') +
      (creates.length > 0
        ? `, ${plural(creates.length, 'CREATE')}: ${creates.join(', ')}`
        : updates > 0
          ? ', nothing created, replaced or deleted'
          : ', nothing created, changed, replaced or deleted'),
  );
  if (plan.firstPlan.uncertain.length > 0) {
    lines.push(
      `  on a real cluster possibly config changes on ${plural(plan.firstPlan.uncertain.length, 'topic')} whose configs the inputs cannot tell exactly (see below)`,
    );
  }

  const declared = plan.findings.filter((f) => (DECLARED_CLIENT_CODES as readonly string[]).includes(f.code));
  if (declared.length > 0) {
    lines.push('', `Kafka Streams and Connect declared from their ACLs — adopted with their topics and ACLs (${declared.length}):`);
    for (const f of declared) lines.push(`  ${f.subject}: ${f.message}`);
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
    lines.push(
      '',
      `left to the broker — values ${plural(brokerLevel.length, 'topic')} inherit (no topic override), declared but not written, so adopting changes nothing (adopted/${plan.environment}.json brokerDefaults):`,
    );
    for (const [topic, configs] of brokerLevel) {
      lines.push(
        `  ${topic}: ${Object.entries(configs)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      );
    }
  }
  if (updates > 0) {
    lines.push('', 'in-place config updates on the first apply:');
    for (const u of plan.firstPlan.updates) {
      for (const c of u.changes) lines.push(`  ${u.topic}: ${c.key} ${c.before ?? '(not set)'} → ${c.after ?? '(removed)'}: ${c.why}`);
    }
  }
  const againstRules = plan.findings.filter((f) => f.code === 'adopted-against-rules');
  if (againstRules.length > 0) {
    lines.push('', `declared as found, against the rules — each marked in the generated files with a suppression that says so (${againstRules.length}):`);
    for (const f of againstRules) lines.push(`  ${f.subject}: ${f.message}`);
  }
  if (plan.firstPlan.uncertain.length > 0) {
    lines.push('', `configs the inputs cannot tell exactly (${plan.firstPlan.uncertain.length}):`);
    for (const u of plan.firstPlan.uncertain) lines.push(`  ${u.topic}: ${u.why}`);
  }
  const byLevel = (level: ImportFinding['level'], codes?: readonly string[]): ImportFinding[] =>
    plan.findings.filter((f) => f.level === level && (codes === undefined || codes.includes(f.code)));
  const unknown = byLevel('warning', ['unknown-line', 'unknown-field']);
  if (unknown.length > 0) {
    lines.push('', `input not understood — not used (${unknown.length}):`);
    for (const f of unknown) lines.push(`  ${where(f)}: ${f.message}`);
  }
  const shown = new Set([
    'unknown-line',
    'unknown-field',
    'topic-not-adopted',
    'maybe-broker-level',
    'configs-unknown',
    'config-update',
    'adopted-against-rules',
  ]);
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
