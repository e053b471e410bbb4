/**
 * The review for a terminal: blocking, warning and move findings in full (reason, `Key | Current | New` table, plan,
 * acknowledgement), safe findings one line each; then the contract changes (the same way), the access changes with
 * the team that approves each and the required reviewers, drift and stale acknowledgements. No colours, no logger.
 */
import type { ContractChange, Finding, ReviewAccessChange, ReviewResult, Row } from '../types';
import { describeSetting } from '../client-changes';
import { contractBreaks, countLine, describePlan, verdictLine } from './shared';

export function renderText(result: ReviewResult): string {
  const out: string[] = [];
  out.push(`topicform review: ${result.base} → ${result.head}`);
  out.push(`stacks: ${result.stacks.join(', ') || 'none'}${result.plans.length > 0 ? `; plans: ${result.plans.join(', ')}` : ''}`);
  out.push(countLine(result));
  if (result.failedPlans.length > 0) {
    out.push(`terraform plan failed: ${result.failedPlans.join(', ')} (the review cannot say what terraform would do there, so it blocks)`);
  }
  const full = result.findings.filter((f) => f.verdict !== 'SAFE');
  const safe = result.findings.filter((f) => f.verdict === 'SAFE');
  for (const f of full) out.push('', ...finding(f));
  if (safe.length > 0) {
    out.push('');
    for (const f of safe) out.push(`SAFE   ${f.id}: ${f.before} → ${f.after}`);
  }
  if (result.contracts.length > 0) {
    out.push('', "contract changes (each event schema under its topic's compatibility mode):");
    for (const c of result.contracts.filter((x) => x.verdict !== 'SAFE')) out.push('', ...contract(c));
    const safeContracts = result.contracts.filter((x) => x.verdict === 'SAFE');
    if (safeContracts.length > 0) out.push('');
    for (const c of safeContracts) out.push(`SAFE   ${c.id}: ${c.title}`);
  }
  if (result.access.changes.length > 0) {
    out.push('', 'access changes (who can read or write what; the owner of each resource approves):');
    for (const a of result.access.changes) out.push(...access(a));
    out.push('', `required reviewers: ${result.access.requiredReviewers.join(', ') || 'none (no owner declared)'}`);
  } else if (result.access.requiredReviewers.length > 0) {
    out.push('', `required reviewers: ${result.access.requiredReviewers.join(', ')}`);
  }
  if (result.clients.length > 0) {
    out.push('', 'client config changes (terraform does not deploy them: redeploy each service):');
    for (const c of result.clients) {
      out.push(`  ${c.environment}/${c.stack} ${c.service} (${c.profile}, ${c.status}): ${c.settings.map(describeSetting).join('; ')}`);
    }
  }
  if (result.drift.length > 0) {
    out.push('', "drift (the cluster differs from Terraform's state):");
    for (const d of result.drift) {
      out.push(`  ${d.stack} ${d.address}: ${d.actions.join(', ')}`);
      out.push(...table(d.rows, ['Key', 'State', 'Cluster'], '    '));
    }
  }
  if (result.unmatchedAcknowledgements.length > 0) {
    out.push('', 'acknowledgements that match no finding (stale or misspelt; remove or fix them):');
    for (const a of result.unmatchedAcknowledgements) out.push(`  ${a.finding}: ${a.reason}`);
  }
  out.push('', `result: ${verdictLine(result)}`);
  return `${out.join('\n')}\n`;
}

function finding(f: Finding): string[] {
  const label = f.acknowledgement === undefined ? f.verdict : `${f.verdict} (acknowledged)`;
  const lines = [
    `${label.padEnd(6)} ${f.id}`,
    `  ${f.title} (environment ${f.environment}, stack ${f.stack})`,
    ...(f.cause === undefined ? [] : [`  ${f.cause}`]),
    `  ${f.reason}`,
  ];
  lines.push(...table(f.rows, ['Key', 'Current', 'New'], '    '));
  for (const p of f.plan) lines.push(`  terraform plan: ${p.address}: ${describePlan(p)}`);
  if (f.acknowledgement !== undefined) {
    lines.push(`  acknowledged${f.acknowledgement.by === undefined ? '' : ` by ${f.acknowledgement.by}`}: ${f.acknowledgement.reason}`);
  }
  return lines;
}

function contract(c: ContractChange): string[] {
  const label = c.acknowledgement === undefined ? c.verdict : `${c.verdict} (acknowledged)`;
  const lines = [
    `${label.padEnd(6)} ${c.id}`,
    `  ${c.title}`,
    `  environment ${c.environment}, stack ${c.stack}; mode ${c.mode}, ${contractBreaks(c)}`,
    `  ${c.reason}`,
  ];
  if (c.acknowledgement !== undefined) {
    lines.push(`  acknowledged${c.acknowledgement.by === undefined ? '' : ` by ${c.acknowledgement.by}`}: ${c.acknowledgement.reason}`);
  }
  return lines;
}

function access(a: ReviewAccessChange): string[] {
  const lines = [`${a.verdict.padEnd(6)} ${a.environment}/${a.stack}: ${a.message}`];
  for (const why of a.why) lines.push(`  why: ${why}`);
  return lines;
}

function table(rows: readonly Row[], header: readonly [string, string, string], indent: string): string[] {
  if (rows.length === 0) return [];
  const all: (readonly [string, string, string])[] = [header, ...rows.map((r) => [r.key, r.current, r.new] as const)];
  const w0 = Math.max(...all.map((r) => r[0].length));
  const w1 = Math.max(...all.map((r) => r[1].length));
  return all.map((r) => `${indent}${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`.trimEnd());
}
