/**
 * Runs every rule over one environment's Topology and returns the findings, sorted, with suppressed findings kept
 * (and marked with their reason) so a reviewer always sees them.
 */
import { topicRefKey, type SourceLocation, type Suppression } from '../model/schema';
import type { Topology } from '../model/topology';
import { buildContext } from './context';
import { compare } from '../model/compare';
import { groupBy } from '../model/group-by';
import { META_RULES, RULE_IDS, RULES, UNKNOWN_RULE_SUPPRESSED, UNUSED_SUPPRESSION } from './registry';
import type { Finding, FindingSubject, LintContext, LintOptions, RuleDefinition, RuleResult, SubjectKind } from './types';

interface ScopedSuppression {
  readonly suppression: Suppression;
  /** Where it was declared, e.g. `domain orders` or `consumer group orders.payment`. */
  readonly by: string;
  readonly key: string;
}

interface Subject {
  readonly kind: SubjectKind;
  readonly value: unknown;
  readonly info: FindingSubject;
  readonly suppressions: readonly ScopedSuppression[];
}

const KIND_ORDER: Readonly<Record<SubjectKind, number>> = {
  environment: -1,
  domain: 0,
  topic: 1,
  'consumer-group': 2,
  'streams-application': 2.5,
  producer: 3,
  client: 4,
  reader: 4.5,
  acl: 5,
  'connect-cluster': 6,
  connector: 7,
};

function scoped(list: readonly Suppression[], by: string): ScopedSuppression[] {
  return list.map((suppression) => ({ suppression, by, key: `${by}\u0000${suppression.ruleId}` }));
}

/**
 * Each subject in turn, in a fixed order. Handed over one at a time rather than collected: ~190,000 subjects at 10,000
 * topics, which a list would keep alive (and the garbage collector copy) for the whole run.
 */
function forEachSubject(topology: Topology, environmentSource: SourceLocation, visit: (subject: Subject) => void): void {
  const domainSuppressions = new Map(topology.domains.map((d) => [d.name, scoped(d.suppressions, `domain ${d.name}`)]));
  const inDomain = (domain: string): readonly ScopedSuppression[] => domainSuppressions.get(domain) ?? [];
  // Built once per group: its companion topics (a dead-letter topic each, retry topics) share them.
  const groupSuppressions = new Map(topology.consumerGroups.map((g) => [g.groupId, scoped(g.suppressions, `consumer group ${g.groupId}`)]));
  const groupScope = (groupId: string): readonly ScopedSuppression[] => groupSuppressions.get(groupId) ?? [];
  const domainSource = new Map(topology.domains.map((d) => [d.name, d.source]));

  const emit = (...subjects: Subject[]): void => subjects.forEach((subject) => visit(subject));
  const environment = topology.environment;
  emit({
    kind: 'environment',
    value: environment,
    info: { kind: 'environment', name: environment.name, domain: '', source: environmentSource },
    suppressions: [],
  });
  for (const d of topology.domains) {
    emit({ kind: 'domain', value: d, info: { kind: 'domain', name: d.name, domain: d.name, source: d.source }, suppressions: inDomain(d.name) });
  }
  for (const t of topology.topics) {
    const own = t.kind === 'event' ? scoped(t.suppressions, `topic ${t.name}`) : groupScope(t.groupId);
    // A topic's name carries the environment's prefix; its declared identity does not.
    const key = t.kind === 'event' ? `event ${topicRefKey(t.ref)}` : `${t.kind} ${topicRefKey(t.parent)} ${t.groupId} ${t.retry?.tier ?? ''}`;
    emit({
      kind: 'topic',
      value: t,
      info: { kind: 'topic', name: t.name, key, domain: t.domain, source: t.source },
      suppressions: [...own, ...inDomain(t.domain)],
    });
  }
  for (const g of topology.consumerGroups) {
    const suppressions = [...groupScope(g.groupId), ...inDomain(g.domain)];
    const info: FindingSubject = { kind: 'consumer-group', name: g.groupId, domain: g.domain, source: g.source };
    emit(
      { kind: 'consumer-group', value: g, info, suppressions },
      { kind: 'client', value: g, info, suppressions },
      { kind: 'reader', value: g, info, suppressions },
    );
  }
  for (const app of topology.streamsApplications ?? []) {
    const suppressions = [...scoped(app.suppressions, `streams application ${app.applicationId}`), ...inDomain(app.domain)];
    const info: FindingSubject = { kind: 'streams-application', name: app.applicationId, domain: app.domain, source: app.source };
    emit({ kind: 'streams-application', value: app, info, suppressions }, { kind: 'reader', value: app, info, suppressions });
  }
  for (const p of topology.producers) {
    const suppressions = [...scoped(p.suppressions, `producer ${p.service} → ${p.topicName}`), ...inDomain(p.topic.domain)];
    const info: FindingSubject = { kind: 'producer', name: `${p.service} → ${p.topicName}`, domain: p.topic.domain, source: p.source };
    emit({ kind: 'producer', value: p, info, suppressions }, { kind: 'client', value: p, info, suppressions });
  }
  for (const a of topology.acls) {
    const info: FindingSubject = { kind: 'acl', name: a.id, domain: a.domain, source: a.legacy?.source ?? domainSource.get(a.domain) ?? { path: a.domain } };
    emit({ kind: 'acl', value: a, info, suppressions: inDomain(a.domain) });
  }
  const clusterSuppressions = new Map((topology.connect?.clusters ?? []).map((c) => [c.groupId, scoped(c.suppressions, `connect cluster ${c.groupId}`)]));
  for (const c of topology.connect?.clusters ?? []) {
    const info: FindingSubject = { kind: 'connect-cluster', name: c.groupId, domain: c.domain, source: c.source };
    emit({ kind: 'connect-cluster', value: c, info, suppressions: [...(clusterSuppressions.get(c.groupId) ?? []), ...inDomain(c.domain)] });
  }
  for (const k of topology.connect?.connectors ?? []) {
    const name = `${k.cluster.groupId}/${k.name}`;
    const suppressions = [...scoped(k.suppressions, `connector ${name}`), ...(clusterSuppressions.get(k.cluster.groupId) ?? []), ...inDomain(k.domain)];
    const info: FindingSubject = { kind: 'connector', name, domain: k.domain, source: k.source };
    emit({ kind: 'connector', value: k, info, suppressions });
    // A sink connector reads its topics like a consumer group: the replay-safety rules judge it as a reader.
    if (k.type === 'sink') emit({ kind: 'reader', value: k, info, suppressions });
  }
}

function evaluate(rule: RuleDefinition, subject: unknown, context: LintContext): RuleResult {
  // The registry pairs each rule with its subject kind; the runner only passes subjects of that kind.
  return (rule.check as (s: unknown, c: LintContext) => RuleResult)(subject, context);
}

export function lint(topology: Topology, rules: readonly RuleDefinition[] = RULES, options: LintOptions = {}): Finding[] {
  const context = buildContext(topology, options.layout, options.repository);
  const environment = topology.environment.name;
  const prefix = topology.environment.topicPrefix;
  const findings: Finding[] = [];
  const used = new Set<string>();

  // Each subject is checked against its own kind's rules only, in registry order (all rules times ~190,000 subjects at
  // 10,000 topics, otherwise); the environment subject also runs every rule's environment-wide check.
  const rulesOf = groupBy(rules, (rule) => rule.appliesTo);
  // The subjects that declare a suppression, for suppressionFindings: the others have nothing it reports.
  const declaring: Subject[] = [];
  forEachSubject(topology, options.environmentSource ?? { path: topology.environment.name }, (subject) => {
    if (subject.suppressions.some((s) => declares(subject, s))) declaring.push(subject);
    for (const rule of subject.kind === 'environment' ? rules : (rulesOf.get(subject.kind) ?? [])) {
      const result =
        rule.appliesTo === subject.kind
          ? evaluate(rule, subject.value, context)
          : subject.kind === 'environment' && rule.environmentCheck !== undefined
            ? rule.environmentCheck(topology.environment, context)
            : undefined;
      if (result === undefined) continue;
      const raw =
        result.status === 'violations'
          ? result.violations.map((v) => ({ field: v.field, message: v.message, level: v.level ?? rule.level, undecided: false }))
          : result.status === 'unknown'
            ? [{ field: result.field, message: `cannot decide: ${result.reason}`, level: 'info' as const, undecided: true }]
            : [];
      for (const r of raw) {
        const match = subject.suppressions.find((s) => s.suppression.ruleId === rule.id);
        if (match !== undefined) used.add(match.key);
        const shared = prefix === '' ? r.message : r.message.split(`"${prefix}`).join('"');
        findings.push({
          ruleId: rule.id,
          level: r.level,
          title: rule.title,
          environment,
          subject: subject.info,
          field: r.field,
          message: r.message,
          ...(shared === r.message ? {} : { sharedMessage: shared }),
          fix: rule.fix,
          undecided: r.undecided,
          ...(match === undefined ? {} : { suppressed: { reason: match.suppression.reason, by: match.by } }),
        });
      }
    }
  });
  findings.push(...suppressionFindings(declaring, used, environment));
  return dedupe(findings).sort(
    (a, b) =>
      compare(a.subject.domain, b.subject.domain) ||
      KIND_ORDER[a.subject.kind] - KIND_ORDER[b.subject.kind] ||
      compare(a.subject.name, b.subject.name) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.field, b.field) ||
      compare(a.message, b.message),
  );
}

/** Suppressions of unknown rules are errors; suppressions that matched nothing are reported as info. */
function suppressionFindings(subjects: readonly Subject[], used: ReadonlySet<string>, environment: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const subject of subjects) {
    for (const s of subject.suppressions) {
      if (seen.has(s.key) || !declares(subject, s)) continue;
      seen.add(s.key);
      // The suppression rules themselves cannot be suppressed: that would hide a typo or a stale suppression.
      const suppressible = RULE_IDS.has(s.suppression.ruleId) && !META_RULES.some((m) => m.id === s.suppression.ruleId);
      const meta = !suppressible ? UNKNOWN_RULE_SUPPRESSED : used.has(s.key) ? undefined : UNUSED_SUPPRESSION;
      if (meta === undefined) continue;
      out.push({
        ruleId: meta.id,
        level: meta.level,
        title: meta.title,
        environment,
        subject: subject.info,
        field: 'suppressions',
        message:
          meta === UNKNOWN_RULE_SUPPRESSED
            ? `${s.by} suppresses ${RULE_IDS.has(s.suppression.ruleId) ? 'the suppression rule' : 'unknown rule'} ${s.suppression.ruleId}`
            : `${s.by} suppresses ${s.suppression.ruleId}, which reports nothing here`,
        fix: meta.fix,
        undecided: false,
      });
    }
  }
  return out;
}

/** A suppression is reported once, on the subject that declares it. */
function declares(subject: Subject, s: ScopedSuppression): boolean {
  return s.by.startsWith(subjectPrefix(subject));
}

function subjectPrefix(subject: Subject): string {
  switch (subject.kind) {
    case 'domain':
      return 'domain ';
    case 'topic':
      return 'topic ';
    case 'consumer-group':
      return 'consumer group ';
    case 'producer':
      return 'producer ';
    case 'streams-application':
      return 'streams application ';
    case 'connect-cluster':
      return 'connect cluster ';
    case 'connector':
      return 'connector ';
    default:
      return '\u0000'; // clients, readers and ACLs repeat a declaration's suppressions or declare none
  }
}

/** A client subject repeats its group or producer; keep one finding per rule, subject and message. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.ruleId, f.subject.kind, f.subject.name, f.field, f.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { META_RULES, RULES };
