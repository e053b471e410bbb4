/** The undeclared report as text (by owner, with the command that adopts each) and as JSON (for CI). */
import type { UndeclaredReport } from './undeclared';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** A shell-safe single-quoted argument. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export interface UndeclaredTextOptions {
  readonly title: string;
  /** The command line that adopts what an `--only` pattern selects. */
  readonly adoptCommand: (only: string) => string;
}

export function renderUndeclared(report: UndeclaredReport, options: UndeclaredTextOptions): string {
  const { counts } = report;
  const lines: string[] = [`${options.title} (${plural(counts.topics, 'topic')}, ${plural(counts.acls, 'ACL')}):`];
  if (report.owners.length === 0) lines.push('  nothing: every topic and ACL on the cluster is declared');
  for (const o of report.owners) {
    lines.push(
      `  ${o.owner} — ${[...(o.topics.length > 0 ? [plural(o.topics.length, 'topic')] : []), ...(o.acls.length > 0 ? [plural(o.acls.length, 'ACL')] : [])].join(', ')}; adopt: ${options.adoptCommand(o.only)}`,
    );
    for (const t of o.topics) {
      const configs = Object.entries(t.configs)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      lines.push(`    topic ${t.name} (${t.partitions} partitions, replication ${t.replicationFactor}${configs === '' ? '' : `, ${configs}`})`);
    }
    for (const a of o.acls) {
      const b = a.binding;
      lines.push(
        `    acl ${b.principal} ${b.permission} ${b.operation} ${b.resourceType} ${b.resourceName}${b.patternType === 'Literal' ? '' : ` (${b.patternType})`}${b.host === '*' ? '' : ` from ${b.host}`}`,
      );
    }
  }
  const apart = [
    ...(counts.internalTopics > 0 ? [`${plural(counts.internalTopics, 'internal topic')} (${report.internal.join(', ')})`] : []),
    ...(counts.ignoredTopics > 0 ? [`${plural(counts.ignoredTopics, 'topic')} under prefixes the source does not manage (${report.ignored.join(', ')})`] : []),
  ];
  if (apart.length > 0) lines.push(`  not counted: ${apart.join('; ')}`);
  lines.push(`  declared and on the cluster: ${plural(counts.claimedTopics, 'topic')}, ${plural(counts.claimedAcls, 'ACL')}`);
  return `${lines.join('\n')}\n`;
}

export function undeclaredJson(report: UndeclaredReport, environment: string, adoptCommand: (only: string) => string): string {
  return `${JSON.stringify(
    {
      environment,
      counts: report.counts,
      owners: report.owners.map((o) => ({
        owner: o.owner,
        adopt: adoptCommand(o.only),
        topics: o.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configs: t.configs,
          adopt: adoptCommand(t.only),
        })),
        acls: o.acls.map((a) => ({ id: a.id, ...a.binding, adopt: adoptCommand(a.only) })),
      })),
      internal: report.internal,
      ignored: report.ignored,
    },
    null,
    2,
  )}\n`;
}
