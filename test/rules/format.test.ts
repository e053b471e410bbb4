import { beforeEach, describe, expect, it } from 'vitest';
import { formatJson } from '../../rules/format/json';
import { isBlocking, mergeFindings, stripStack } from '../../rules/format/merge';
import { formatSarif } from '../../rules/format/sarif';
import { formatProblems, formatText, NO_PAINT } from '../../rules/format/text';
import { META_RULES, RULES } from '../../rules/registry';
import type { Finding } from '../../rules/types';
import { declareOrders, lintOrders, lintStack, PROD, type OrdersOverrides } from './helpers';
import { describeNeeding } from '../helpers/requirements';
import { itWithSarifSchemas, readJson, SAMPLE_LOG_DIR, SARIF_SCHEMA_REQUIREMENT, sampleLogs, sarifProblems, SKIP_REASON } from './sarif-validator';

// ---------------------------------------------------------------------------------------------------------------------
// Subjects

const STRATEGY = 'additive optional fields only; a breaking change is a new event type';

/**
 * The orders seed linted in dev and prod, with: a finding in both environments (TF-DOMAIN-001), one whose level differs
 * by environment (TF-CONTRACT-001), a prod-only one (TF-REPL-001 on the topic and its DLQ), an info finding
 * (TF-GROUP-005) and an undecided one (TF-KEY-002).
 */
const OVERRIDES: OrdersOverrides = {
  domain: { recoveryProcedure: undefined },
  topic: {
    contract: { compatibility: 'NONE', changeStrategy: STRATEGY },
    key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering of events' },
  },
  group: { processingTimePerMessage: undefined },
};
const dev = lintOrders(OVERRIDES).findings;
const prod = lintOrders(OVERRIDES, PROD).findings;
const both: readonly Finding[] = [...dev, ...prod];

/** A hand-built finding: every formatter input field under the test's control. */
function finding(overrides: Partial<Omit<Finding, 'subject'>> & { readonly subject?: Partial<Finding['subject']> } = {}): Finding {
  const { subject, ...rest } = overrides;
  return {
    ruleId: 'TF-GROUP-003',
    level: 'error',
    title: 'The consumer group has no dead-letter topic.',
    environment: 'dev',
    field: 'deadLetter',
    message: 'group orders.payment has no dead-letter topic',
    fix: 'leave deadLetter on (the default)',
    undecided: false,
    ...rest,
    subject: {
      kind: 'consumer-group',
      name: 'orders.payment',
      domain: 'orders',
      source: { path: 'dev/orders/payment', file: 'topics/orders.ts', line: 30 },
      ...subject,
    },
  };
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: ReadonlyArray<{
    readonly physicalLocation?: {
      readonly artifactLocation?: { readonly uri?: string; readonly uriBaseId?: string };
      readonly region?: { readonly startLine?: number };
    };
    readonly logicalLocations?: ReadonlyArray<{ readonly fullyQualifiedName: string }>;
  }>;
  readonly suppressions?: ReadonlyArray<{ readonly kind: string; readonly justification?: string }>;
  readonly properties: { readonly environments: readonly string[] };
}
interface SarifLog {
  readonly $schema: string;
  readonly version: string;
  readonly runs: ReadonlyArray<{
    readonly tool: {
      readonly driver: {
        readonly name: string;
        readonly version: string;
        readonly rules: ReadonlyArray<{
          readonly id: string;
          readonly defaultConfiguration: { readonly level: string };
          readonly shortDescription: { readonly text: string };
        }>;
      };
    };
    readonly results: readonly SarifResult[];
  }>;
}

const sarif = (findings: readonly Finding[]): SarifLog => JSON.parse(formatSarif(findings, { toolVersion: '0.1.0' })) as SarifLog;
const resultsOf = (log: SarifLog): readonly SarifResult[] => log.runs[0]?.results ?? [];

// ---------------------------------------------------------------------------------------------------------------------

describe('mergeFindings: one entry per finding with the environments it occurs in', () => {
  it('merges a finding of dev and prod into one entry with environments [dev, prod] and the stack stripped from the path', () => {
    const merged = mergeFindings(both).filter((f) => f.ruleId === 'TF-DOMAIN-001');
    expect(merged.map((f) => [f.environments, f.constructPath])).toEqual([[['dev', 'prod'], 'orders']]);
  });

  it('keeps findings whose level differs by environment apart, so a production-only error says so', () => {
    const merged = mergeFindings(both).filter((f) => f.ruleId === 'TF-CONTRACT-001');
    expect(merged.map((f) => `${f.level} [${f.environments.join(', ')}]`)).toEqual(['warning [dev]', 'error [prod]']);
  });

  it('orders entries by domain, construct path, subject, rule, field, message, then environments, whatever the input order', () => {
    const at = (path: string) => ({ source: { path, file: 'topics/orders.ts', line: 30 } });
    const entries = [
      finding({ subject: { domain: 'billing', ...at('dev/billing/payment') } }),
      finding({ subject: at('dev/orders/a') }),
      finding({ subject: { name: 'orders.a' } }),
      finding({ ruleId: 'TF-GROUP-002' }),
      finding({ message: 'a different message' }),
      finding(),
      finding({ environment: 'prod', subject: at('prod/orders/payment'), suppressed: { reason: 'only prod is reviewed', by: 'domain orders' } }),
      finding({ field: 'zzz' }),
    ];
    const expected = [
      'billing billing/payment orders.payment TF-GROUP-003 deadLetter [dev] group orders.payment has no dead-letter topic',
      'orders orders/a orders.payment TF-GROUP-003 deadLetter [dev] group orders.payment has no dead-letter topic',
      'orders orders/payment orders.a TF-GROUP-003 deadLetter [dev] group orders.payment has no dead-letter topic',
      'orders orders/payment orders.payment TF-GROUP-002 deadLetter [dev] group orders.payment has no dead-letter topic',
      'orders orders/payment orders.payment TF-GROUP-003 deadLetter [dev] a different message',
      'orders orders/payment orders.payment TF-GROUP-003 deadLetter [dev] group orders.payment has no dead-letter topic',
      'orders orders/payment orders.payment TF-GROUP-003 deadLetter [prod] group orders.payment has no dead-letter topic',
      'orders orders/payment orders.payment TF-GROUP-003 zzz [dev] group orders.payment has no dead-letter topic',
    ];
    const keys = (list: readonly Finding[]): string[] =>
      mergeFindings(list).map(
        (f) => `${f.subject.domain} ${f.constructPath} ${f.subject.name} ${f.ruleId} ${f.field} [${f.environments.join(', ')}] ${f.message}`,
      );
    expect(keys(entries)).toEqual(expected);
    expect(keys([...entries].reverse())).toEqual(expected);
  });

  it('strips only the leading stack name from a construct path', () => {
    expect(stripStack('dev/orders/order-created', 'dev')).toBe('orders/order-created');
    expect(stripStack('prod/dev/x', 'dev')).toBe('prod/dev/x');
    expect(stripStack('development/orders', 'dev')).toBe('development/orders');
  });

  it('treats unsuppressed errors as blocking, warnings only with strict, info and suppressed findings never', () => {
    expect(isBlocking(finding({ level: 'error' }), false)).toBe(true);
    expect(isBlocking(finding({ level: 'warning' }), false)).toBe(false);
    expect(isBlocking(finding({ level: 'warning' }), true)).toBe(true);
    expect(isBlocking(finding({ level: 'info' }), true)).toBe(false);
    expect(isBlocking(finding({ level: 'error', suppressed: { reason: 'reviewed by the platform team', by: 'domain orders' } }), true)).toBe(false);
  });

  // mergeFindings sorts after merging: kept in first-occurrence order, a subject's prod-only finding would follow other
  // subjects' findings when dev is listed first (here TF-REPL-001 on the topic after TF-GROUP-004 on the group).
  it('the merged report does not depend on the order of the environments', () => {
    const overrides: OrdersOverrides = { topic: { replication: { factor: 2 } }, group: { maxProcessingLag: undefined } };
    const devOnly = lintOrders(overrides).findings;
    const prodOnly = lintOrders(overrides, { ...PROD, minInsyncReplicas: 1 }).findings;
    expect(formatJson([...devOnly, ...prodOnly])).toBe(formatJson([...prodOnly, ...devOnly]));
  });
});

describe('formatText: human output grouped by domain', () => {
  it('prints each domain once, then its findings with level, rule, file:line, construct path, field, message and environments', () => {
    const text = formatText(both);
    const lines = text.split('\n');
    expect(lines[0]).toBe('orders');
    expect(lines.filter((l) => l === 'orders')).toHaveLength(1);
    expect(text).toMatch(
      /^ {2}warning TF-DOMAIN-001 test\/rules\/helpers\.ts:\d+ orders › recoveryProcedure: domain "orders" declares no recovery procedure \[dev, prod\]$/m,
    );
  });

  it('prints a rule that is an error in one environment and a warning in another as one line, by its worst level, errors first', () => {
    const lines = formatText(both).split('\n');
    const contract = lines.filter((l) => l.includes('TF-CONTRACT-001'));
    expect(contract).toHaveLength(1);
    expect(contract[0]).toMatch(
      /^ {2}error {3}TF-CONTRACT-001 test\/rules\/helpers\.ts:\d+ orders\/order-created › contract\.compatibility: .* error \[prod\] · warning \[dev\]$/,
    );
    const levels = lines.filter((l) => /^ {2}(error|warning|info) /.test(l)).map((l) => l.trim().split(' ')[0]);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'info'].indexOf(a ?? '') - ['error', 'warning', 'info'].indexOf(b ?? '')));
  });

  it('colours by level only through the Paint it is given', () => {
    const paint = {
      level: (level: string, text: string) => `<${level}>${text}</>`,
      heading: (text: string) => `<h>${text}</>`,
      dim: (text: string) => `<dim>${text}</>`,
      verdict: (passed: boolean, text: string) => `<${passed ? 'ok' : 'fail'}>${text}</>`,
    };
    const text = formatText(both, { paint });
    expect(text).toMatch(/^<h>orders<\/>$/m);
    expect(text).toMatch(/^ {2}<error>error {2}<\/> TF-CONTRACT-001 .* <error>error<\/> \[prod\] · <warning>warning<\/> \[dev\]$/m);
    expect(text).toMatch(/<fail> — failed<\/>\n$/);
    expect(formatText(both)).not.toContain('\u001b');
    expect(formatText(both)).not.toContain('<');
  });

  it('prints a fix line under errors and warnings, not under info findings', () => {
    const lines = formatText(both).split('\n');
    const at = lines.findIndex((l) => l.includes('TF-DOMAIN-001'));
    expect(lines[at + 1]).toBe("          fix: set recoveryProcedure to the runbook's path or URL, e.g. 'docs/runbooks/orders.md'");
    const info = lines.findIndex((l) => l.includes('TF-GROUP-005'));
    expect(lines[info]).toMatch(/^ {2}info {4}TF-GROUP-005 /);
    expect(lines[info + 1]).not.toMatch(/fix:/);
  });

  it('prints an undecided finding as info with its "cannot decide" reason', () => {
    expect(formatText(both)).toMatch(/^ {2}info {4}TF-KEY-002 .* › key\.cardinality: cannot decide: key cardinality is not declared \[dev, prod\]$/m);
  });

  it('puts the domains with errors first and prints exactly this for a small hand-built report', () => {
    const text = formatText([
      finding({
        subject: { domain: 'search', name: 'search.indexer', source: { path: 'dev/search/indexer', file: 'topics/search.ts', line: 40 } },
        message: 'group search.indexer has no dead-letter topic',
      }),
      finding({
        ruleId: 'TF-GROUP-004',
        level: 'warning',
        field: 'maxProcessingLag',
        message: 'group orders.payment states no maxProcessingLag',
        fix: "set maxProcessingLag, e.g. '5m'",
      }),
      finding({
        ruleId: 'TF-GROUP-004',
        level: 'warning',
        environment: 'prod',
        subject: { source: { path: 'prod/orders/payment', file: 'topics/orders.ts', line: 30 } },
        field: 'maxProcessingLag',
        message: 'group orders.payment states no maxProcessingLag',
        fix: "set maxProcessingLag, e.g. '5m'",
      }),
      finding({
        ruleId: 'TF-DOMAIN-001',
        level: 'warning',
        subject: { kind: 'domain', name: 'orders', source: { path: 'dev/orders' } },
        field: 'recoveryProcedure',
        message: 'domain "orders" declares no recovery procedure',
        suppressed: { reason: 'the runbook is being written this sprint', by: 'domain orders' },
      }),
    ]);
    expect(text).toBe(
      [
        'search',
        '  error   TF-GROUP-003 topics/search.ts:40 search/indexer › deadLetter: group search.indexer has no dead-letter topic [dev]',
        '          fix: leave deadLetter on (the default)',
        'orders',
        '  warning TF-DOMAIN-001 orders › recoveryProcedure: domain "orders" declares no recovery procedure [dev] — suppressed by domain orders: the runbook is being written this sprint',
        '  warning TF-GROUP-004 topics/orders.ts:30 orders/payment › maxProcessingLag: group orders.payment states no maxProcessingLag [dev, prod]',
        "          fix: set maxProcessingLag, e.g. '5m'",
        '',
        '1 error(s), 1 warning(s), 0 info, 1 suppressed — failed',
        '',
      ].join('\n'),
    );
  });

  it('ends with "— passed" when nothing blocks, and "— failed" when an error (or, with strict, a warning) does', () => {
    const warning = finding({ level: 'warning' });
    expect(formatText([warning])).toMatch(/1 warning\(s\), 0 info, 0 suppressed — passed\n$/);
    expect(formatText([warning], { strict: true })).toMatch(/0 suppressed — failed\n$/);
    expect(formatText([finding()])).toMatch(/^1 error\(s\).*0 suppressed — failed\n$/m);
    expect(formatText([])).toBe('\n0 error(s), 0 warning(s), 0 info, 0 suppressed — passed\n');
    expect(formatText([finding({ suppressed: { reason: 'reviewed by the platform team', by: 'consumer group orders.payment' } })])).toMatch(
      /0 error\(s\), 0 warning\(s\), 0 info, 1 suppressed — passed\n$/,
    );
  });
});

describe('formatText: findings outside a domain, suppressed lines, locations without a line', () => {
  const environmentFinding = finding({
    ruleId: 'TF-REPL-001',
    environment: 'prod',
    subject: { kind: 'environment', name: 'prod', domain: '', source: { path: 'prod', file: 'environments.ts' } },
    field: 'replicationFactor',
    message: 'replication factor 1 in production environment "prod"',
    fix: 'set replicationFactor to at least 3',
  });

  it('prints findings on an environment under "environments", with the file but no line when none is known', () => {
    expect(formatText([environmentFinding]).split('\n').slice(0, 3)).toEqual([
      'environments',
      '  error   TF-REPL-001 environments.ts prod › replicationFactor: replication factor 1 in production environment "prod" [prod]',
      '          fix: set replicationFactor to at least 3',
    ]);
  });

  it('dims a suppressed finding as a whole line through the Paint, and colours its level only when unsuppressed', () => {
    const paint = {
      level: (level: string, text: string) => `<${level}>${text}</>`,
      heading: (text: string) => text,
      dim: (text: string) => `<dim>${text}</>`,
      verdict: (_: boolean, text: string) => text,
    };
    const suppressed = finding({ suppressed: { reason: 'reviewed by the platform team', by: 'consumer group orders.payment' } });
    expect(formatText([suppressed], { paint }).split('\n')[1]).toBe(
      '<dim>  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [dev] — suppressed by consumer group orders.payment: reviewed by the platform team</>',
    );
  });
});

describe('formatProblems: what synth prints', () => {
  const warning = finding({
    ruleId: 'TF-GROUP-004',
    level: 'warning',
    field: 'maxProcessingLag',
    message: 'group orders.payment states no maxProcessingLag',
    fix: "set maxProcessingLag, e.g. '5m'",
  });
  const info = finding({ ruleId: 'TF-GROUP-005', level: 'info', field: 'processingTimePerMessage', message: 'group orders.payment states no processing time' });
  const suppressed = finding({
    ruleId: 'TF-DOMAIN-001',
    level: 'warning',
    subject: { kind: 'domain', name: 'orders', source: { path: 'dev/orders' } },
    field: 'recoveryProcedure',
    message: 'domain "orders" declares no recovery procedure',
    suppressed: { reason: 'the runbook is being written this sprint', by: 'domain orders' },
  });

  it('prints only unsuppressed errors and warnings, and counts the whole report', () => {
    const problems = formatProblems([info, suppressed, warning, finding()]);
    expect(problems.lines).toEqual([
      'orders',
      '  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [dev]',
      '          fix: leave deadLetter on (the default)',
      '  warning TF-GROUP-004 topics/orders.ts:30 orders/payment › maxProcessingLag: group orders.payment states no maxProcessingLag [dev]',
      "          fix: set maxProcessingLag, e.g. '5m'",
    ]);
    expect(problems.counts).toBe('1 error(s), 1 warning(s), 1 info, 1 suppressed');
  });

  it('prints nothing but the counts when only info and suppressed findings remain', () => {
    expect(formatProblems([info, suppressed])).toEqual({ lines: [], counts: '0 error(s), 0 warning(s), 1 info, 1 suppressed' });
  });
});

describe('formatJson: machine output', () => {
  it('has one object per merged finding with a fixed set of keys', () => {
    const parsed = JSON.parse(formatJson(both)) as { findings: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['findings']);
    expect(parsed.findings).toHaveLength(mergeFindings(both).length);
    for (const f of parsed.findings) {
      expect(Object.keys(f)).toEqual([
        'ruleId',
        'level',
        'title',
        'environments',
        'domain',
        'subject',
        'constructPath',
        'file',
        'line',
        'field',
        'message',
        'fix',
        'undecided',
        'suppressed',
      ]);
    }
    expect(parsed.findings.find((f) => f.ruleId === 'TF-DOMAIN-001')).toMatchObject({
      level: 'warning',
      environments: ['dev', 'prod'],
      domain: 'orders',
      subject: { kind: 'domain', name: 'orders' },
      constructPath: 'orders',
      file: 'test/rules/helpers.ts',
      line: expect.any(Number) as number,
      field: 'recoveryProcedure',
      undecided: false,
      suppressed: null,
    });
  });

  it('writes null for an unknown file or line, and the suppression when there is one', () => {
    const parsed = JSON.parse(
      formatJson([
        finding({ subject: { source: { path: 'dev/orders/payment' } }, suppressed: { reason: 'reviewed by the platform team', by: 'domain orders' } }),
      ]),
    ) as { findings: Array<Record<string, unknown>> };
    expect(parsed.findings[0]).toMatchObject({ file: null, line: null, suppressed: { reason: 'reviewed by the platform team', by: 'domain orders' } });
  });

  it('is indented, newline-terminated and byte-identical for the same findings', () => {
    const json = formatJson(both);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "findings": [');
    expect(formatJson([...both])).toBe(json);
    expect(formatJson([])).toBe('{\n  "findings": []\n}\n');
  });
});

describe('formatSarif: SARIF 2.1.0', () => {
  const suppressedFinding = finding({
    suppressed: { reason: 'poison pills are impossible: events are validated upstream', by: 'consumer group orders.payment' },
  });
  // Built before each test rather than once when the file is collected, so that a test's run is what builds it (mutation
  // testing attributes code to the tests that run it, and would otherwise run none of these for a change to formatSarif).
  let log: SarifLog;
  let results: readonly SarifResult[];
  beforeEach(() => {
    log = sarif([...both, suppressedFinding]);
    results = resultsOf(log);
  });

  itWithSarifSchemas.each(['prose', 'schemastore'] as const)(`validates against the %s SARIF 2.1.0 schema${SKIP_REASON}`, (schema) => {
    expect(sarifProblems(log, schema)).toEqual([]);
    expect(sarifProblems(sarif([]), schema)).toEqual([]);
  });

  it('is version 2.1.0 with the tool named and versioned', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'topicform', version: '0.1.0' });
  });

  it('gives every result a physical location: the declaration file (relative, under %SRCROOT%) and its line', () => {
    expect(results.length).toBe(mergeFindings([...both, suppressedFinding]).length);
    for (const r of results) {
      const physical = r.locations[0]?.physicalLocation;
      expect(physical?.artifactLocation?.uri, r.ruleId).toMatch(/^[^/].*\.ts$/);
      expect(physical?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(physical?.region?.startLine).toBeGreaterThanOrEqual(1);
    }
    const domainResult = results.find((r) => r.ruleId === 'TF-DOMAIN-001');
    expect(domainResult?.locations[0]?.physicalLocation?.artifactLocation?.uri).toBe('test/rules/helpers.ts');
    expect(domainResult?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('orders');
  });

  it('falls back to the app file and line 1 when a declaration has no known file', () => {
    const [r] = resultsOf(
      JSON.parse(
        formatSarif([finding({ subject: { source: { path: 'dev/orders/payment' } } })], { toolVersion: '0.1.0', fallbackFile: 'main.ts' }),
      ) as SarifLog,
    );
    expect(r?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'main.ts' }, region: { startLine: 1 } });
  });

  it('carries suppressions with their justification (who suppressed and why)', () => {
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions).toEqual([
      { kind: 'inSource', justification: 'consumer group orders.payment: poison pills are impossible: events are validated upstream' },
    ]);
  });

  it('lists every registry rule and meta rule, and points each result at its rule', () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([...RULES, ...META_RULES].map((r) => r.id));
    for (const r of [...RULES, ...META_RULES]) {
      const entry = rules.find((x) => x.id === r.id);
      expect(entry?.shortDescription.text).toBe(r.title);
      expect(entry?.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[r.level]);
    }
    for (const r of results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
  });

  it('maps levels (info → note) and names the environments in the message', () => {
    expect(results.find((r) => r.ruleId === 'TF-GROUP-005')?.level).toBe('note');
    const prodOnly = results.find((r) => r.ruleId === 'TF-CONTRACT-001' && r.level === 'error');
    expect(prodOnly?.message.text).toMatch(/^contract\.compatibility: topic "orders\.order-created" declares compatibility NONE \[prod\]$/);
    expect(prodOnly?.properties.environments).toEqual(['prod']);
  });

  itWithSarifSchemas(`fails validation when a result is broken (the validator is not a rubber stamp)${SKIP_REASON}`, () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const first = broken.runs[0]?.results[0];
    if (first === undefined) throw new Error('no result to break');
    first.level = 'fatal';
    first.locations = [{ physicalLocation: { artifactLocation: { uri: 'topics/my orders.ts' } } }];
    const problems = sarifProblems(broken, 'prose').map((p) => p.path);
    expect(problems).toContain('/runs/0/results/0/level');
    expect(problems).toContain('/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri');
  });

  // BUG (rules/format/sarif.ts, spec conformance — not caught by the JSON schema): originalUriBaseIds maps %SRCROOT% to
  // { uri: './' }, a relative reference without a uriBaseId. SARIF 2.1.0 §3.14.14 (enforced by the SARIF
  // multitool's rule SARIF1018): an originalUriBaseIds entry without uriBaseId has an absolute uri ending in '/', or no
  // uri at all (meaning "unknown"; consumers such as GitHub then resolve relative uris against the checkout).
  // Expected: drop the uri (`'%SRCROOT%': {}`) or drop originalUriBaseIds. Remove `.fails` once fixed.
  it('declares %SRCROOT% without a relative uri (SARIF §3.14.14)', () => {
    const run = (
      JSON.parse(formatSarif([], { toolVersion: '0.1.0' })) as { runs: Array<{ originalUriBaseIds?: Record<string, { uri?: string; uriBaseId?: string }> }> }
    ).runs[0];
    for (const base of Object.values(run?.originalUriBaseIds ?? {})) {
      if (base.uri !== undefined && base.uriBaseId === undefined) expect(base.uri).toMatch(/^[a-z][a-z0-9+.-]*:.*\/$/i);
    }
  });

  // BUG (rules/format/sarif.ts): the artifact uri is the file path as written, not a URI reference: a declaration file
  // with a space (or '%', '#', '?') in its path yields an invalid log. Expected: percent-encode each path segment
  // (encodeURI-like). Remove `.fails` once fixed.
  const spaced = (): SarifLog => sarif([finding({ subject: { source: { path: 'dev/orders/payment', file: 'topics/my orders.ts', line: 3 } } })]);

  it('percent-encodes the artifact uri of a path with a space', () => {
    expect(resultsOf(spaced())[0]?.locations[0]?.physicalLocation?.artifactLocation?.uri).toBe('topics/my%20orders.ts');
  });

  itWithSarifSchemas(`validates a log whose artifact path has a space${SKIP_REASON}`, () => {
    expect(sarifProblems(spaced(), 'prose')).toEqual([]);
  });

  // BUG (constructs/source-location.ts): for a V8 frame without a function name ("    at /abs/file.ts:7:13" — an
  // anonymous callback, or top-level module code) the regex keeps the "at " prefix, so the recorded file is
  // "at /work/main/test/rules/format.test.ts" (absolute and prefixed) instead of "test/rules/format.test.ts", and the
  // SARIF log no longer validates (the uri has a space). Expected: the path relative to the working directory.
  // Remove `.fails` once fixed.
  const anonymousCallback = (): ReturnType<typeof lintStack>['findings'] =>
    lintStack((stack) => {
      const { domain } = declareOrders(stack);
      // This call sits in an arrow function, so its V8 frame has no function name.
      domain.addEventTopic('order-paid', { eventTypes: ['OrderPaid'], partitions: 3, ordering: 'none', replay: { kind: 'window', window: '7d' } });
    }).findings;

  it('records the declaring file of a declaration made in an anonymous callback relative to the repo', () => {
    const paid = anonymousCallback().find((f) => f.subject.name === 'orders.order-paid');
    expect(paid?.subject.source.file).toBe('test/rules/format.test.ts');
  });

  itWithSarifSchemas(`validates the log of a declaration made in an anonymous callback${SKIP_REASON}`, () => {
    expect(sarifProblems(sarif(anonymousCallback()), 'prose')).toEqual([]);
  });
});

describeNeeding(SARIF_SCHEMA_REQUIREMENT, 'the SARIF validator on real logs', () => {
  const logs = sampleLogs();

  it('has the bundled sample logs to check', () => {
    expect(logs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(logs)('accepts the sample log %s (SchemaStore schema)', (file) => {
    expect(sarifProblems(readJson(`${SAMPLE_LOG_DIR}/${file}`), 'schemastore')).toEqual([]);
  });

  it.each(logs.filter((f) => f !== 'Suppressions.sarif'))('accepts the sample log %s (OASIS prose draft-07 schema)', (file) => {
    expect(sarifProblems(readJson(`${SAMPLE_LOG_DIR}/${file}`), 'prose')).toEqual([]);
  });

  it("rejects only suppression.status in Suppressions.sarif under the prose schema (it names that property 'state')", () => {
    const problems = sarifProblems(readJson(`${SAMPLE_LOG_DIR}/Suppressions.sarif`), 'prose');
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.path).toMatch(/^\/runs\/0\/results\/\d+\/suppressions\/\d+$/);
      expect(p.message).toContain('"additionalProperty":"status"');
    }
  });

  it.each(['prose', 'schemastore'] as const)('rejects a broken log under the %s schema: wrong version, result without a message, unknown level', (schema) => {
    const good = readJson(`${SAMPLE_LOG_DIR}/One-run-with-results.sarif`) as { version: string; runs: Array<{ results: Array<Record<string, unknown>> }> };
    expect(sarifProblems(good, schema)).toEqual([]);
    const wrongVersion = { ...good, version: '2.0.0' };
    expect(sarifProblems(wrongVersion, schema).map((p) => p.path)).toContain('/version');
    const broken = JSON.parse(JSON.stringify(good)) as typeof good;
    const result = broken.runs[0]?.results[0];
    if (result === undefined) throw new Error('the sample log has no result');
    delete result.message;
    result.level = 'fatal';
    const paths = sarifProblems(broken, schema).map((p) => p.path);
    expect(paths).toContain('/runs/0/results/0');
    expect(paths).toContain('/runs/0/results/0/level');
    expect(sarifProblems({ runs: [] }, schema).length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Cases worked by hand from the format's definition (docs/testing.md, mutation batch 4): every expected line is written
// out, never produced by the formatter.

describe('formatText and mergeFindings: orders and merges worked by hand', () => {
  const lag = (domain: string, name: string, file: string, line: number): Finding =>
    finding({
      ruleId: 'TF-GROUP-004',
      level: 'warning',
      subject: { domain, name: `${domain}.${name}`, source: { path: `dev/${domain}/${name}`, file, line } },
      field: 'maxProcessingLag',
      message: `group ${domain}.${name} states no maxProcessingLag`,
      fix: "set maxProcessingLag, e.g. '5m'",
    });
  const report = [
    lag('orders', 'a', 'topics/orders.ts', 20),
    finding({
      subject: { domain: 'billing', name: 'billing.ledger', source: { path: 'dev/billing/ledger', file: 'topics/billing.ts', line: 12 } },
      message: 'group billing.ledger has no dead-letter topic',
    }),
    lag('accounts', 'audit', 'topics/accounts.ts', 5),
    finding({
      ruleId: 'TF-GROUP-005',
      level: 'info',
      subject: { domain: 'ab-testing', name: 'ab-testing.rollup', source: { path: 'dev/ab-testing/rollup', file: 'topics/ab.ts', line: 8 } },
      field: 'processingTimePerMessage',
      message: 'group ab-testing.rollup states no processing time',
    }),
    finding(),
    finding({
      ruleId: 'TF-REPL-001',
      environment: 'prod',
      subject: { kind: 'environment', name: 'prod', domain: '', source: { path: 'prod', file: 'environments.ts' } },
      field: 'replicationFactor',
      message: 'replication factor 1 in production environment "prod"',
      fix: 'set replicationFactor to at least 3',
    }),
  ];
  const expected = [
    'environments',
    '  error   TF-REPL-001 environments.ts prod › replicationFactor: replication factor 1 in production environment "prod" [prod]',
    '          fix: set replicationFactor to at least 3',
    'billing',
    '  error   TF-GROUP-003 topics/billing.ts:12 billing/ledger › deadLetter: group billing.ledger has no dead-letter topic [dev]',
    '          fix: leave deadLetter on (the default)',
    'orders',
    '  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [dev]',
    '          fix: leave deadLetter on (the default)',
    '  warning TF-GROUP-004 topics/orders.ts:20 orders/a › maxProcessingLag: group orders.a states no maxProcessingLag [dev]',
    "          fix: set maxProcessingLag, e.g. '5m'",
    'accounts',
    '  warning TF-GROUP-004 topics/accounts.ts:5 accounts/audit › maxProcessingLag: group accounts.audit states no maxProcessingLag [dev]',
    "          fix: set maxProcessingLag, e.g. '5m'",
    'ab-testing',
    '  info    TF-GROUP-005 topics/ab.ts:8 ab-testing/rollup › processingTimePerMessage: group ab-testing.rollup states no processing time [dev]',
    '',
    '3 error(s), 2 warning(s), 1 info, 0 suppressed — failed',
    '',
  ].join('\n');

  it('orders domains by their worst finding, then by name (environments, with no domain, first among equals), whatever the input order', () => {
    // billing and orders both hold an error: alphabetical; accounts (a warning) follows them although it sorts before
    // both by name, and ab-testing (only info) comes last. Inside orders the error at orders/payment leads the warning
    // at orders/a, which comes first by construct path.
    expect(formatText(report)).toBe(expected);
    expect(formatText([...report].reverse())).toBe(expected);
  });

  /** One topic finding per environment, its level set by each; the topic's name carries the environment's prefix. */
  const headroom = (environment: string, level: Finding['level'], prefix: string): Finding =>
    finding({
      ruleId: 'TF-TOPIC-001',
      level,
      environment,
      subject: {
        kind: 'topic',
        name: `${prefix}orders.order-created`,
        key: 'event orders/order-created',
        source: { path: `${environment}/orders/order-created`, file: 'topics/orders.ts', line: 12 },
      },
      field: 'partitions',
      message: 'partitions 3 leave no headroom',
      fix: 'raise partitions',
    });

  it('prints one topic with a different level in each environment as one line, by its declared identity, levels most severe first', () => {
    const findings = [headroom('prod', 'info', ''), headroom('staging', 'warning', 'staging.'), headroom('dev', 'error', 'dev.')];
    const line = [
      '  error   TF-TOPIC-001 topics/orders.ts:12 orders/order-created › partitions: partitions 3 leave no headroom error [dev] · warning [staging] · info [prod]',
      '          fix: raise partitions',
    ];
    const text = ['orders', ...line, '', '1 error(s), 1 warning(s), 1 info, 0 suppressed — failed', ''].join('\n');
    expect(formatText(findings)).toBe(text);
    expect(formatText([...findings].reverse())).toBe(text);
  });

  it('lists the environments of one level comma-separated, as the header describes: error [prod] · warning [dev, staging]', () => {
    const findings = [headroom('staging', 'warning', 'staging.'), headroom('prod', 'error', ''), headroom('dev', 'warning', 'dev.')];
    const line = [
      '  error   TF-TOPIC-001 topics/orders.ts:12 orders/order-created › partitions: partitions 3 leave no headroom error [prod] · warning [dev, staging]',
      '          fix: raise partitions',
    ];
    expect(formatText(findings).split('\n').slice(0, 3)).toEqual(['orders', ...line]);
  });

  it('merges one topic across environments by its key although its names differ, and keeps it apart without a key', () => {
    const merged = mergeFindings([headroom('dev', 'error', 'dev.'), headroom('prod', 'error', '')]);
    expect(merged.map((f) => [f.constructPath, f.environments])).toEqual([['orders/order-created', ['dev', 'prod']]]);
    const unkeyed = (f: Finding): Finding => ({ ...f, subject: { ...f.subject, key: undefined } });
    expect(
      mergeFindings([unkeyed(headroom('dev', 'error', 'dev.')), unkeyed(headroom('prod', 'error', ''))]).map((f) => [f.subject.name, f.environments]),
    ).toEqual([
      ['dev.orders.order-created', ['dev']],
      ['orders.order-created', ['prod']],
    ]);
  });

  it('names an environment once when the same finding is given twice', () => {
    expect(mergeFindings([finding(), finding()]).map((f) => f.environments)).toEqual([['dev']]);
  });

  it('orders entries that differ only by level by their environments, whatever the input order', () => {
    const prodError = finding({ environment: 'prod', subject: { source: { path: 'prod/orders/payment', file: 'topics/orders.ts', line: 30 } } });
    const devWarning = finding({ level: 'warning' });
    expect(mergeFindings([prodError, devWarning]).map((f) => `${f.level} [${f.environments.join(', ')}]`)).toEqual(['warning [dev]', 'error [prod]']);
  });

  it('keeps a suppressed production error and an unsuppressed dev warning of one finding on two lines', () => {
    const prodError = finding({
      environment: 'prod',
      subject: { source: { path: 'prod/orders/payment', file: 'topics/orders.ts', line: 30 } },
      suppressed: { reason: 'accepted in prod until the migration', by: 'domain orders' },
    });
    expect(formatText([finding({ level: 'warning' }), prodError])).toBe(
      [
        'orders',
        '  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [prod] — suppressed by domain orders: accepted in prod until the migration',
        '  warning TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [dev]',
        '          fix: leave deadLetter on (the default)',
        '',
        '0 error(s), 1 warning(s), 0 info, 1 suppressed — passed',
        '',
      ].join('\n'),
    );
  });

  it('paints what synth prints with the Paint it is given', () => {
    const paint = {
      level: (level: string, text: string) => `<${level}>${text}</>`,
      heading: (text: string) => `<h>${text}</>`,
      dim: (text: string) => `<dim>${text}</>`,
      verdict: (passed: boolean, text: string) => `<${passed ? 'ok' : 'fail'}>${text}</>`,
    };
    expect(formatProblems([finding()], paint).lines).toEqual([
      '<h>orders</>',
      '  <error>error  </> TF-GROUP-003 topics/orders.ts:30 orders/payment › deadLetter: group orders.payment has no dead-letter topic [dev]',
      '          fix: leave deadLetter on (the default)',
    ]);
  });
});

describe('formats: details worked by hand (mutation batch 4 survivors)', () => {
  const noField = finding({ field: '' });
  const prodToo = finding({ environment: 'prod', subject: { source: { path: 'prod/orders/payment', file: 'topics/orders.ts', line: 30 } } });

  it('writes a finding without a field with no "field: " in the text and the SARIF message', () => {
    expect(formatText([noField]).split('\n')[1]).toBe(
      '  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › group orders.payment has no dead-letter topic [dev]',
    );
    expect(resultsOf(sarif([noField]))[0]?.message.text).toBe('group orders.payment has no dead-letter topic [dev]');
  });

  it('paints the verdict of a report that passed as passed', () => {
    const paint = { ...NO_PAINT, verdict: (passed: boolean, text: string) => `<${passed ? 'ok' : 'fail'}>${text}</>` };
    expect(formatText([], { paint })).toBe('\n0 error(s), 0 warning(s), 0 info, 0 suppressed<ok> — passed</>\n');
  });

  it('writes every detail of a SARIF result and rule: environments, logical location kind, subject, help, %SRCROOT%', () => {
    const log = JSON.parse(
      formatSarif([finding(), prodToo, finding({ ruleId: 'TF-NOPE-001', subject: { source: { path: 'dev/orders/payment' } } })], { toolVersion: '0.1.0' }),
    ) as {
      runs: Array<{
        originalUriBaseIds: unknown;
        tool: { driver: { rules: Array<{ id: string; help: { text: string } }> } };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: Array<{ kind: string }> }>;
          properties: { subject: string };
        }>;
      }>;
    };
    const run = log.runs[0];
    const [merged, unknownRule] = run?.results ?? [];
    expect(merged?.message.text).toBe('deadLetter: group orders.payment has no dead-letter topic [dev, prod]');
    expect(merged?.locations[0]?.logicalLocations[0]?.kind).toBe('resource');
    expect(merged?.properties.subject).toBe('consumer-group orders.payment');
    // A rule the catalogue does not hold has no index (SARIF's -1); an unknown file falls back to main.ts by default.
    expect(unknownRule?.ruleId).toBe('TF-NOPE-001');
    expect(unknownRule?.ruleIndex).toBe(-1);
    expect(unknownRule?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('main.ts');
    expect(run?.tool.driver.rules.find((r) => r.id === 'TF-GROUP-003')?.help.text).toBe(
      'Fix: leave deadLetter on (the default), or suppress this rule with the reason poison pills cannot occur',
    ); // the rule's own fix (rules/group/dead-letter-exists.ts)
    expect(run?.originalUriBaseIds).toEqual({ '%SRCROOT%': {} });
  });

  // Two findings whose field and message split the same characters differently ("x" + "yz", "xy" + "z") are different
  // findings: a key that joined its parts without a separator would merge them.
  const split = (level: Finding['level'], field: string, message: string): Finding => finding({ level, field, message });

  it('keeps findings apart whose field and message differ only where one ends and the other starts', () => {
    expect(mergeFindings([split('error', 'x', 'yz'), split('error', 'xy', 'z')]).map((f) => `${f.field}|${f.message}`)).toEqual(['x|yz', 'xy|z']);
    expect(
      formatText([split('error', 'x', 'yz'), split('warning', 'xy', 'z')])
        .split('\n')
        .slice(1, 5),
    ).toEqual([
      '  error   TF-GROUP-003 topics/orders.ts:30 orders/payment › x: yz [dev]',
      '          fix: leave deadLetter on (the default)',
      '  warning TF-GROUP-003 topics/orders.ts:30 orders/payment › xy: z [dev]',
      '          fix: leave deadLetter on (the default)',
    ]);
  });

  it('orders entries by their environments as a comma-separated list ("eu,west" before "euwest" and "eu-west")', () => {
    const at = (environment: string, level: Finding['level']): Finding =>
      finding({ environment, level, subject: { source: { path: `${environment}/orders/payment`, file: 'topics/orders.ts', line: 30 } } });
    // One finding that is a warning in euwest and an error in eu and west: ',' (U+002C) sorts before 'w'.
    const entries = mergeFindings([at('euwest', 'warning'), at('eu', 'error'), at('west', 'error')]);
    expect(entries.map((f) => `${f.level} ${f.environments.join(',')}`)).toEqual(['error eu,west', 'warning euwest']);
    // And a warning in eu-west: ',' (U+002C) sorts before '-' (U+002D), whichever entry comes first.
    const dashed = mergeFindings([at('eu', 'error'), at('west', 'error'), at('eu-west', 'warning')]);
    expect(dashed.map((f) => `${f.level} ${f.environments.join(',')}`)).toEqual(['error eu,west', 'warning eu-west']);
  });
});
