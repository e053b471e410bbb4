/**
 * The access reports as text (a terminal), Markdown (a pull request or a security review document) and JSON (tools).
 * Deterministic: the reports are sorted, and nothing here adds a clock or a path.
 */
import type { SizedValue } from '../model/topology';
import type { PrincipalCredential, PrincipalGrant, PrincipalIamGrant, PrincipalQuota, PrincipalReport, PrincipalUse, TopicEntry, TopicReport } from './report';

export const ACCESS_FORMATS = ['text', 'json', 'markdown'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

const bytes = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const rate = (v: SizedValue<number> | null): string => (v === null ? 'none' : `${bytes(v.value)} B/s`);
const list = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));
const owner = (o: { domain: string; team: string | null }): string => `${o.domain} (${o.team ?? 'no owner declared'})`;
const resource = (g: PrincipalGrant): string => `${g.resourceType} ${g.resourceName}${g.patternType === 'Prefixed' ? '* (Prefixed)' : ''}`;
const operation = (g: PrincipalGrant): string => `${g.permission === 'Deny' ? 'Deny ' : ''}${g.operation}${g.host === '*' ? '' : ` from ${g.host}`}`;
const iamResource = (g: PrincipalIamGrant): string => (g.resourceType === 'cluster' ? 'cluster' : `${g.resourceType} ${g.resourceName}${g.prefix ? '*' : ''}`);
const iamOwner = (g: PrincipalIamGrant): string => (g.owner === null ? 'none (cluster-wide)' : owner(g.owner));
/** Said wherever IAM grants are listed: on an aws-iam environment they are the access, and they are not ACLs. */
const IAM_NOTE = 'MSK IAM policy actions (auth aws-iam; iam/<env>/<principal>.json), not Kafka ACLs';
/** The operations cell of a topic's principal: its ACL operations, then its IAM policy actions. */
const topicOperations = (p: TopicEntry['principals'][number]): string =>
  [...p.operations, ...(p.iamActions === undefined ? [] : [`IAM policy: ${p.iamActions.join(', ')}`])].join('; ');

/** How a use other than a producer's is named in the reports. */
const USE_LABELS: Readonly<Record<Exclude<PrincipalUse['kind'], 'producer'>, string>> = {
  'consumer-group': 'consumer group',
  'streams-application': 'streams application',
  'connect-worker': 'Kafka Connect workers',
  'sink-connector': 'sink connector',
  'source-connector': 'source connector',
};
/** Markdown table cells: no pipes, no line breaks. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `SCRAM-SHA-512, 8192 iterations, password version 1, password from TF_VAR_x (ephemeral: never in a plan or the state)`. */
function credentialText(c: PrincipalCredential): string {
  return `${c.mechanism}, ${c.iterations} iterations, password version ${c.passwordVersion}, password from TF_VAR_${c.variable} (ephemeral: never in a plan or the state)`;
}

function quotaWhy(q: PrincipalQuota): string[] {
  const why = [q.producerByteRate, q.consumerByteRate].flatMap((v, i) =>
    v === null ? [] : [`${i === 0 ? 'producer_byte_rate' : 'consumer_byte_rate'}: ${v.explanation}`],
  );
  const missing = [
    ...(q.undeclaredThroughput.produce.length > 0 ? [`no producer_byte_rate: no throughput declared on ${q.undeclaredThroughput.produce.join(', ')}`] : []),
    ...(q.undeclaredThroughput.consume.length > 0 ? [`no consumer_byte_rate: no throughput declared on ${q.undeclaredThroughput.consume.join(', ')}`] : []),
  ];
  return [...why, ...missing];
}

export function formatPrincipalReport(report: PrincipalReport, format: AccessFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? principalMarkdown(report) : principalText(report);
}

export function formatTopicReport(report: TopicReport, format: AccessFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? topicMarkdown(report) : topicText(report);
}

function principalText(r: PrincipalReport): string {
  const out: string[] = [`principal ${r.principal}`];
  if (r.unknown) return `${out[0] ?? ''}: no ACL, declaration, quota or credential names it in ${list(r.environments)}\n`;
  for (const env of r.environments) {
    const uses = r.uses.filter((u) => u.environment === env);
    const grants = r.grants.filter((g) => g.environment === env);
    const iam = r.iamGrants.filter((g) => g.environment === env);
    const quota = r.quotas.find((q) => q.environment === env);
    const topics = r.topics.find((t) => t.environment === env);
    out.push('', `== ${env}`);
    if (uses.length === 0 && grants.length === 0 && iam.length === 0 && quota === undefined && r.credentials.every((c) => c.environment !== env)) {
      out.push('  nothing');
      continue;
    }
    for (const u of uses) {
      const why = u.reasons.map((x) => `; reads ${x.topic} because "${x.reason}"`).join('');
      out.push(
        `  used by ${u.kind === 'producer' ? `producer ${u.service} → ${u.name}` : `${USE_LABELS[u.kind]} ${u.name} (${u.service})`}, domain ${u.domain}${why}`,
      );
    }
    out.push(`  reads:  ${list(topics?.read ?? [])}`, `  writes: ${list(topics?.write ?? [])}`);
    if (grants.length > 0) out.push('  ACLs:');
    for (const g of grants) {
      out.push(
        `    ${operation(g).padEnd(10)} ${resource(g)}  — owner ${owner(g.owner)}, stack ${g.stack ?? '?'}${g.viaWildcard ? `, via wildcard ${g.aclId.split('|')[0] ?? ''}` : ''}`,
      );
      for (const why of g.why) out.push(`      why: ${why}`);
    }
    if (iam.length > 0) out.push(`  ${IAM_NOTE}:`);
    for (const g of iam) {
      out.push(`    ${g.action.padEnd(38)} ${iamResource(g)}  — owner ${iamOwner(g)}, stack ${g.stack ?? '?'}`);
      for (const why of g.why) out.push(`      why: ${why}`);
    }
    if (quota !== undefined) {
      out.push(`  quota (stack ${quota.stack ?? '?'}): producer_byte_rate ${rate(quota.producerByteRate)}, consumer_byte_rate ${rate(quota.consumerByteRate)}`);
      for (const why of quotaWhy(quota)) out.push(`    ${why}`);
    }
    const credential = r.credentials.find((c) => c.environment === env);
    if (credential !== undefined) out.push(`  SCRAM credential (stack ${credential.stack ?? '?'}): ${credentialText(credential)}`);
  }
  return `${out.join('\n')}\n`;
}

function principalMarkdown(r: PrincipalReport): string {
  const out: string[] = [`# Access of \`${r.principal}\``, ''];
  if (r.unknown) return `${out.join('\n')}No ACL, declaration, quota or credential names it in ${list(r.environments)}.\n`;
  for (const env of r.environments) {
    const uses = r.uses.filter((u) => u.environment === env);
    const grants = r.grants.filter((g) => g.environment === env);
    const iam = r.iamGrants.filter((g) => g.environment === env);
    const quota = r.quotas.find((q) => q.environment === env);
    const topics = r.topics.find((t) => t.environment === env);
    out.push(`## ${env}`, '');
    if (uses.length === 0 && grants.length === 0 && iam.length === 0 && quota === undefined && r.credentials.every((c) => c.environment !== env)) {
      out.push('Nothing.', '');
      continue;
    }
    for (const u of uses) {
      const why = u.reasons.map((x) => `; reads \`${x.topic}\` because “${x.reason}”`).join('');
      out.push(
        `- used by ${u.kind === 'producer' ? `producer \`${u.service}\` → \`${u.name}\`` : `${USE_LABELS[u.kind]} \`${u.name}\` (\`${u.service}\`)`}, domain ${u.domain}${why}`,
      );
    }
    out.push(`- reads: ${list((topics?.read ?? []).map((t) => `\`${t}\``))}`, `- writes: ${list((topics?.write ?? []).map((t) => `\`${t}\``))}`, '');
    if (grants.length > 0) {
      out.push('| operation | resource | owner | stack | why |', '| --- | --- | --- | --- | --- |');
      for (const g of grants) {
        out.push(
          `| ${cell(operation(g))}${g.viaWildcard ? ' (wildcard principal)' : ''} | ${cell(resource(g))} | ${cell(owner(g.owner))} | ${cell(g.stack ?? '?')} | ${cell(g.why.join('; '))} |`,
        );
      }
      out.push('');
    }
    if (iam.length > 0) {
      out.push(`${IAM_NOTE}:`, '', '| IAM action | resource | owner | stack | why |', '| --- | --- | --- | --- | --- |');
      for (const g of iam) {
        out.push(`| \`${g.action}\` | ${cell(iamResource(g))} | ${cell(iamOwner(g))} | ${cell(g.stack ?? '?')} | ${cell(g.why.join('; '))} |`);
      }
      out.push('');
    }
    if (quota !== undefined) {
      out.push(
        `Quota (stack ${quota.stack ?? '?'}): \`producer_byte_rate\` ${rate(quota.producerByteRate)}, \`consumer_byte_rate\` ${rate(quota.consumerByteRate)}`,
        '',
      );
      for (const why of quotaWhy(quota)) out.push(`- ${why}`);
      out.push('');
    }
    const credential = r.credentials.find((c) => c.environment === env);
    if (credential !== undefined) out.push(`SCRAM credential (stack ${credential.stack ?? '?'}): ${credentialText(credential)}`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function access(p: TopicEntry['principals'][number]): string {
  return p.read && p.write ? 'read, write' : p.read ? 'read' : p.write ? 'write' : 'neither read nor write';
}

function topicText(r: TopicReport): string {
  const out: string[] = [`topic ${r.topic}`];
  if (r.entries.length === 0) return `${out[0] ?? ''}: not found in ${list(r.environments)}\n`;
  for (const e of r.entries) {
    out.push('', `== ${e.environment}: ${e.topic} (${e.kind}), owner ${owner(e.owner)}, stack ${e.stack ?? '?'}`);
    if (e.principals.length === 0) out.push('  no principal has an ACL or an IAM grant on it');
    for (const p of e.principals) {
      out.push(`  ${p.principal}: ${access(p)} [${topicOperations(p)}]${p.services.length === 0 ? '' : ` — services ${p.services.join(', ')}`}`);
      for (const why of p.why) out.push(`    why: ${why}`);
    }
    if (e.principals.some((p) => p.iamActions !== undefined)) out.push(`  (IAM policy: ${IAM_NOTE})`);
  }
  return `${out.join('\n')}\n`;
}

function topicMarkdown(r: TopicReport): string {
  const out: string[] = [`# Access to \`${r.topic}\``, ''];
  if (r.entries.length === 0) return `${out.join('\n')}Not found in ${list(r.environments)}.\n`;
  for (const e of r.entries) {
    out.push(`## ${e.environment}: \`${e.topic}\``, '', `${e.kind} topic owned by ${owner(e.owner)}, stack ${e.stack ?? '?'}.`, '');
    if (e.principals.length === 0) {
      out.push('No principal has an ACL or an IAM grant on it.', '');
      continue;
    }
    out.push('| principal | can | ACL operations | services | why |', '| --- | --- | --- | --- | --- |');
    for (const p of e.principals) {
      out.push(`| \`${cell(p.principal)}\` | ${access(p)} | ${cell(topicOperations(p))} | ${cell(list(p.services))} | ${cell(p.why.join('; '))} |`);
    }
    out.push('');
    if (e.principals.some((p) => p.iamActions !== undefined)) out.push(`IAM policy: ${IAM_NOTE}.`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
