/**
 * One line per cause, for the top of the review comment: the findings of one edit — the same rule on the same
 * declaration in every environment, and the companion topics (retry tiers, DLQs) that follow it — merged into one
 * line, production first, with the declaration's file:line, the consequence and the fix. Pure: it reads the result.
 */
import { appendTo } from '../../model/group-by';
import { REVIEW_RULES } from '../rules';
import type { ContractChange, Finding, ReviewResult } from '../types';

export interface Cause {
  readonly verdict: 'BLOCK' | 'WARN';
  /** The declaration, e.g. `orders.order-created`. */
  readonly label: string;
  /** What changed and where: `partitions 24 → 12 in prod-orders, staging`. */
  readonly what: string;
  /** `its 3 retry tiers`, `its DLQ`; '' when none. */
  readonly companions: string;
  readonly declaredAt: string | null;
  /** What applying it does. */
  readonly consequence: string;
  readonly fix: string | null;
  /** Why a derived value changed (the first finding's). */
  readonly because: string | null;
  /** Every finding and contract change id merged into the line. */
  readonly ids: readonly string[];
  readonly production: boolean;
}

/** Rules whose words read badly as `rule-id` → `rule id`. */
const RULE_WORDS: Readonly<Record<string, string>> = {
  'acl-removed-still-needed': 'ACL removed while still needed',
  'dlq-removed': 'DLQ removed',
  'client-config-changed': 'generated client config changes',
  'access-removed': 'access removed',
  'group-removed': 'consumer group removed',
  'connector-removed': 'connector removed',
  'topic-deleted': 'topic deleted',
  'acl-added': 'ACL added',
  'wildcard-acl-added': 'wildcard ACL added',
  'prefixed-acl-added': 'prefixed ACL added',
  'deny-acl-added': 'Deny ACL added',
};

export const ruleWords = (rule: string): string => RULE_WORDS[rule] ?? rule.replace(/-/g, ' ');

/** The unacknowledged BLOCK causes (`BLOCK`) or every WARN cause (`WARN`), production first. */
export function causesOf(result: ReviewResult, verdict: 'BLOCK' | 'WARN'): Cause[] {
  const findings = result.findings.filter((f) => f.verdict === verdict && (verdict === 'WARN' || f.acknowledgement === undefined));
  const contracts = result.contracts.filter((c) => c.verdict === verdict && (verdict === 'WARN' || c.acknowledgement === undefined));
  return [...findingCauses(findings, verdict), ...contractCauses(contracts, verdict)].sort(
    (a, b) => Number(b.production) - Number(a.production) || compare(a.label, b.label) || compare(a.what, b.what),
  );
}

interface Bucket {
  readonly key: string;
  readonly mains: Finding[];
  readonly companions: Finding[];
}

function findingCauses(findings: readonly Finding[], verdict: 'BLOCK' | 'WARN'): Cause[] {
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string): Bucket => {
    let b = buckets.get(key);
    if (b === undefined) buckets.set(key, (b = { key, mains: [], companions: [] }));
    return b;
  };
  const originKey = (f: Finding): string => f.origin?.key ?? `finding:${f.id}`;
  for (const f of findings) if (f.origin?.companion === null || f.origin === undefined) bucket(`${f.rule}\u0000${originKey(f)}`).mains.push(f);
  // The first cause (in order) of each declaration, for companions whose own rule has none: looked up, because a
  // search of every cause per companion grew with companions × causes (an environment-wide change has thousands of
  // both). Only the buckets so far have mains, and every tail after a NUL of a key is indexed, as the search's endsWith.
  const firstByOrigin = new Map<string, Bucket>();
  for (const b of buckets.values()) {
    for (let at = b.key.indexOf('\u0000'); at !== -1; at = b.key.indexOf('\u0000', at + 1)) {
      const origin = b.key.slice(at + 1);
      if (!firstByOrigin.has(origin)) firstByOrigin.set(origin, b);
    }
  }
  for (const f of findings) {
    if (f.origin === undefined || f.origin.companion === null) continue;
    // A companion follows its declaration's cause: the same rule on it first, else any cause of the declaration.
    const same = buckets.get(`${f.rule}\u0000${originKey(f)}`);
    (same ?? firstByOrigin.get(originKey(f)) ?? bucket(`${f.rule}\u0000${originKey(f)}`)).companions.push(f);
  }
  return [...buckets.values()].map((b) => toCause(b, verdict));
}

function toCause(b: Bucket, verdict: 'BLOCK' | 'WARN'): Cause {
  const all = [...b.mains, ...b.companions];
  const lead = b.mains[0] ?? all[0];
  if (lead === undefined) throw new Error('an empty cause');
  const rule = lead.rule;
  const subjects = new Set(b.mains.map((f) => subjectName(f)));
  const valued = b.mains.length > 0 && b.mains.every((f) => f.rows.length === 1 && f.before !== '—');
  let what: string;
  if (valued) {
    const byTransition = new Map<string, Finding[]>();
    for (const f of b.mains) {
      const t = `${f.rows[0]?.key ?? ''} ${f.before} → ${f.after}`;
      appendTo(byTransition, t, f);
    }
    what = [...byTransition].map(([t, fs]) => `${t} in ${stacksOf(fs)}`).join('; ');
  } else {
    // Per stack: the same declaration removes as many ACLs in each environment.
    const perStack = Math.max(...[...groupByStack(b.mains.length > 0 ? b.mains : all).values()].map((fs) => new Set(fs.map(subjectName)).size));
    const stackCount = new Set((b.mains.length > 0 ? b.mains : all).map((f) => f.stack)).size;
    const count = subjects.size > 1 ? ` (${perStack} ${subjectNoun(lead)}${stackCount > 1 ? ' each' : ''})` : '';
    what = `${ruleWords(rule)}${count} in ${stacksOf(b.mains.length > 0 ? b.mains : all)}`;
  }
  const companionNames = new Map<string, Set<string>>();
  for (const f of b.companions) {
    const kind = f.origin?.companion ?? 'companion';
    companionNames.set(kind, (companionNames.get(kind) ?? new Set()).add(f.origin?.subject ?? subjectName(f)));
  }
  const companions = [...companionNames]
    .map(([kind, names]) => (names.size === 1 ? `its ${kind}` : `its ${names.size} ${kind === 'DLQ' ? 'DLQs' : `${kind.replace(/y$/, 'ie')}s`}`))
    .join(' and ');
  const companionWhere = b.mains.length > 0 && b.companions.length > 0 && stacksOf(b.companions) !== stacksOf(b.mains) ? ` in ${stacksOf(b.companions)}` : '';
  const known = (REVIEW_RULES as Readonly<Record<string, { readonly summary: string }>>)[rule];
  return {
    verdict,
    label: lead.origin?.label ?? subjectName(lead),
    what,
    companions: companions === '' ? '' : `${companions}${companionWhere}`,
    declaredAt: lead.origin?.declaredAt ?? null,
    consequence: known?.summary ?? lead.reason,
    fix: all.find((f) => f.fix !== undefined)?.fix ?? null,
    because: all.find((f) => f.cause !== undefined)?.cause ?? null,
    ids: all.map((f) => f.id),
    production: all.some((f) => f.production),
  };
}

function contractCauses(contracts: readonly ContractChange[], verdict: 'BLOCK' | 'WARN'): Cause[] {
  const groups = new Map<string, ContractChange[]>();
  for (const c of contracts) {
    const topic = c.topic;
    const key = `${c.rule}\u0000${topic}\u0000${c.schema}\u0000${c.path}`;
    appendTo(groups, key, c);
  }
  return [...groups.values()].map((list) => {
    const lead = list[0] as ContractChange;
    return {
      verdict,
      label: `${lead.topic} ${lead.schema} ${lead.path}`,
      what: `${lead.title} in ${[...new Set(list.map((c) => c.stack))].join(', ')}`,
      companions: '',
      declaredAt: null,
      consequence: lead.reason,
      fix: null,
      because: null,
      ids: list.map((c) => c.id),
      production: list.some((c) => c.production),
    };
  });
}

/** Stacks of some findings, production first: `prod-orders, staging and dev`. */
export function stacksOf(findings: readonly Pick<Finding, 'stack' | 'production'>[]): string {
  const stacks = [...new Map(findings.map((f) => [f.stack, f.production])).entries()]
    .sort((a, b) => Number(b[1]) - Number(a[1]) || compare(a[0], b[0]))
    .map(([s]) => s);
  return stacks.length <= 1 ? (stacks[0] ?? '') : `${stacks.slice(0, -1).join(', ')} and ${stacks.at(-1) ?? ''}`;
}

function groupByStack(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) appendTo(out, f.stack, f);
  return out;
}

function subjectName(f: Finding): string {
  switch (f.subject.kind) {
    case 'topic':
      return f.subject.name;
    case 'acl':
      return f.subject.id;
    case 'group':
      return f.subject.groupId;
    case 'producer':
      return `${f.subject.service}@${f.subject.topic}`;
    case 'domain':
      return f.subject.name;
    case 'credential':
      return f.subject.principal;
    case 'stack':
      return f.stack;
    case 'connector':
      return `${f.subject.clusterGroupId}/${f.subject.name}`;
    case 'iam-grant':
      return f.subject.id;
    case 'principal-resource':
      return f.subject.principal;
  }
}

function subjectNoun(f: Finding): string {
  return f.subject.kind === 'acl'
    ? 'ACLs'
    : f.subject.kind === 'iam-grant'
      ? 'IAM grants'
      : f.subject.kind === 'principal-resource'
        ? 'access resources'
        : f.subject.kind === 'topic'
          ? 'topics'
          : `${f.subject.kind}s`;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
