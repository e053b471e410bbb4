/** The summary `topicform import --kafka-gitops | --julieops | --topicctl` prints: per source element and line, what it became. */
import type { ImportFinding } from '../types';
import { renderUndeclared } from '../undeclared-report';
import type { MigrationPlan } from './plan';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function renderMigrationSummary(plan: MigrationPlan, domainPattern: string, adoptCommand: (only: string) => string): string {
  const lines: string[] = [];
  const { source } = plan;
  const groups = plan.domains.flatMap((d) => d.groups);
  const producers = plan.domains.flatMap((d) => d.producers);
  const legacy = plan.domains.flatMap((d) => d.legacyAcls);
  const topics = plan.domains.flatMap((d) => d.topics);
  lines.push(`topicform import — ${source.tool} ${source.files.join(', ')} → environment "${plan.environment}", domains by the pattern ${domainPattern}`);
  lines.push(
    `found: ${plural(source.topics.length, 'topic')}, ${plural(source.producers.length, 'produced topic')}, ${plural(source.consumers.length, 'consumer')}, ${plural(source.acls.length, 'other ACL')}, ${plural(source.notes.length, 'thing')} topicform cannot express`,
  );
  lines.push(
    `declared: ${plural(topics.length, 'event topic')}, ${plural(producers.length, 'producer')}, ${plural(groups.length, 'consumer group')}, ${plural(legacy.length, 'legacy ACL')}`,
  );
  const mp = plan.migrationPlan;
  if (mp === undefined) {
    lines.push(
      `first terraform plan: no cluster output given, so every topic and ACL is new to terraform (${plural(topics.length, 'topic')}, ${plural(plan.topology?.acls.length ?? 0, 'ACL')}). ` +
        `If they exist (${source.tool} applied this), add --topics-describe, --configs and --acls output of the cluster: the first plan then imports them`,
    );
  } else {
    lines.push(
      `first terraform plan: ${plural(mp.imports.length, 'import')}, ${plural(mp.creates.length, 'create')}, ${plural(mp.updates.length, 'topic')} updated in place, nothing replaced or deleted`,
    );
  }

  lines.push('', `per source element — what it became (${plan.elements.length}):`);
  for (const e of plan.elements) {
    lines.push(`  ${e.at.file}:${e.at.line} ${e.element}`);
    for (const b of e.became) lines.push(`    → ${b}`);
    for (const n of e.notExpressed) lines.push(`    ✗ ${n}`);
  }
  if (mp !== undefined && mp.updates.length > 0) {
    lines.push('', 'in-place updates on the first apply (what the source wants and the cluster does not have yet):');
    for (const u of mp.updates) lines.push(`  ${u.topic}: ${u.changes.join(', ')}`);
  }
  if (mp !== undefined && mp.creates.length > 0) {
    lines.push('', `created by the first apply (${mp.creates.length}):`);
    for (const c of mp.creates) lines.push(`  ${c}`);
  }
  if (plan.undeclared !== undefined) {
    lines.push(
      '',
      ...renderUndeclared(plan.undeclared, {
        title: `on the cluster, not declared in ${source.files.join(', ')} — ${source.tool === 'kafka-gitops' ? 'kafka-gitops would delete these; ' : ''}topicform leaves them alone`,
        adoptCommand,
      })
        .trimEnd()
        .split('\n'),
    );
  }
  const byCode = (code: string): ImportFinding[] => plan.findings.filter((f) => f.code === code);
  const against = byCode('adopted-against-rules');
  if (against.length > 0) {
    lines.push(
      '',
      `declared as ${source.tool} has it, against the rules — each marked in the generated files with a suppression that says so (${against.length}):`,
    );
    for (const f of against) lines.push(`  ${f.subject}: ${f.message}`);
  }
  const added = byCode('acl-added');
  if (added.length > 0) {
    lines.push('', `ACLs the declarations derive that ${source.tool} does not create (the environment's acl options) (${added.length}):`);
    for (const f of added) lines.push(`  ${f.subject}`);
  }
  const errors = plan.findings.filter((f) => f.level === 'error');
  if (errors.length > 0) {
    lines.push('', `errors (${errors.length}):`);
    for (const f of errors) lines.push(`  ${f.subject}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
