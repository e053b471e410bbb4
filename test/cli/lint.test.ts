/**
 * `topicform lint` end to end: the real bin, the repository's app and the fixture apps in test/fixtures/apps/, each
 * exporting buildApp(outdir) with a dev and a prod stack.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { META_RULES, RULES } from '../../rules/registry';
import { itWithSarifSchemas, sarifProblems, SKIP_REASON } from '../rules/sarif-validator';
import { runTopicform } from '../helpers/cli';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'topicform-lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const app = (name: string): string => `test/fixtures/apps/${name}/main.ts`;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const topicform = (...args: string[]): Run => runTopicform(args);

interface JsonReport {
  readonly findings: ReadonlyArray<{
    readonly ruleId: string;
    readonly level: string;
    readonly environments: readonly string[];
    readonly constructPath: string;
    readonly file: string | null;
    readonly line: number | null;
    readonly field: string;
    readonly suppressed: { readonly reason: string; readonly by: string } | null;
  }>;
}

interface SarifReport {
  readonly version: string;
  readonly runs: ReadonlyArray<{
    readonly tool: { readonly driver: { readonly rules: ReadonlyArray<{ readonly id: string }> } };
    readonly results: ReadonlyArray<{
      readonly ruleId: string;
      readonly level: string;
      readonly locations: ReadonlyArray<{
        readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region: { readonly startLine: number } };
      }>;
      readonly suppressions?: ReadonlyArray<{ readonly justification: string }>;
    }>;
  }>;
}

describe('topicform lint: the examples in topics/', () => {
  it('lint clean: exit 0, text report says passed', () => {
    const result = topicform('lint');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^0 error\(s\), 0 warning\(s\), \d+ info, \d+ suppressed — passed$/m);
  });

  it('--format json parses, with no error or warning (and every suppression justified)', () => {
    const result = topicform('lint', '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.suppressed === null && (f.level === 'error' || f.level === 'warning'))).toEqual([]);
    for (const f of report.findings.filter((x) => x.suppressed !== null)) expect(f.suppressed?.reason.length).toBeGreaterThanOrEqual(10);
  });

  itWithSarifSchemas(`--format sarif validates against SARIF 2.1.0${SKIP_REASON}`, () => {
    const result = topicform('lint', '--format', 'sarif');
    expect(result.status).toBe(0);
    const log = JSON.parse(result.stdout) as SarifReport;
    expect(sarifProblems(log, 'prose')).toEqual([]);
    expect(sarifProblems(log, 'schemastore')).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual([...RULES, ...META_RULES].map((r) => r.id));
  });
});

describe('topicform lint: a fixture app with an error (TF-GROUP-001 in dev and prod)', () => {
  it('exits 1 and prints the finding grouped by domain, with file:line, construct path, field and both environments', () => {
    const result = topicform('lint', '--app', app('lint-error'));
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('orders');
    expect(result.stdout).toMatch(
      /^ {2}error {3}TF-GROUP-001 test\/fixtures\/apps\/orders\.ts:\d+ orders\/payment › idempotency: group orders\.payment states no idempotency strategy \[dev, prod\]$/m,
    );
    expect(result.stdout).toMatch(/^ {10}fix: set idempotency/m);
    expect(result.stdout).toMatch(/^1 error\(s\), 0 warning\(s\), 0 info, 0 suppressed — failed$/m);
  });

  // One run of the command, shared by the test of what it writes and the schema check (which may be skipped).
  let written: { result: Run; log: SarifReport } | undefined;
  const writtenSarif = (): { result: Run; log: SarifReport } => {
    if (written === undefined) {
      const out = join(work, 'lint-error.sarif');
      const result = topicform('lint', '--app', app('lint-error'), '--format', 'sarif', '--output', out);
      written = { result, log: JSON.parse(readFileSync(out, 'utf8')) as SarifReport };
    }
    return written;
  };

  it('writes the report to the --output file (SARIF here) instead of stdout, still exiting 1', () => {
    const { result, log } = writtenSarif();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const results = log.runs[0]?.results ?? [];
    expect(results.map((r) => `${r.ruleId} ${r.level}`)).toEqual(['TF-GROUP-001 error']);
    const location = results[0]?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation.uri).toBe('test/fixtures/apps/orders.ts');
    expect(location?.region.startLine).toBe(lineOf('test/fixtures/apps/orders.ts', "created.addConsumerGroup('payment'"));
  });

  itWithSarifSchemas(`writes a SARIF file that validates against SARIF 2.1.0${SKIP_REASON}`, () => {
    expect(sarifProblems(writtenSarif().log, 'prose')).toEqual([]);
  });

  it('stops synth: exit 1, the finding on stderr, and nothing written to the output folder', () => {
    const out = join(work, 'synth-lint-error');
    const result = topicform('synth', '--app', app('lint-error'), '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TF-GROUP-001');
    expect(result.stderr).toMatch(/nothing was written/);
    expect(existsSync(join(out, 'stacks'))).toBe(false);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('topicform lint: a fixture app with only warnings, an info and a suppressed error', () => {
  it('exits 0, listing the suppressed finding with who suppressed it and why', () => {
    const result = topicform('lint', '--app', app('lint-warnings'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}warning TF-DOMAIN-001 .* \[dev, prod\]$/m);
    expect(result.stdout).toMatch(/^ {2}info {4}TF-GROUP-005 /m);
    expect(result.stdout).toMatch(
      /^ {2}error {3}TF-GROUP-003 .* — suppressed by consumer group orders\.payment: payments are reconciled nightly; a poison pill is caught there$/m,
    );
    expect(result.stdout).toMatch(/^0 error\(s\), 1 warning\(s\), 1 info, 1 suppressed — passed$/m);
  });

  it('exits 1 with --strict (warnings fail), though suppressed errors and infos still do not', () => {
    const result = topicform('lint', '--app', app('lint-warnings'), '--strict', '--format', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.ruleId} ${f.level} ${f.suppressed === null ? '' : 'suppressed'}`.trim())).toEqual([
      'TF-DOMAIN-001 warning',
      'TF-GROUP-003 error suppressed',
      'TF-GROUP-005 info',
    ]);
  });

  it('lets synth write the stacks (warnings do not stop it) and mentions the suppressed findings', () => {
    const out = join(work, 'synth-lint-warnings');
    const result = topicform('synth', '--app', app('lint-warnings'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^lint: 0 error\(s\), 1 warning\(s\), 1 info, 1 suppressed \(topicform lint lists every finding\)/);
    expect(result.stderr).toContain('TF-DOMAIN-001');
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['dev', 'prod']);
  });
});

describe('topicform lint --env: a fixture app whose contract is an error in prod and a warning in dev', () => {
  it('exits 1 over all environments', () => {
    expect(topicform('lint', '--app', app('contract-none')).status).toBe(1);
  });

  it('exits 0 with --env dev, reporting dev findings only', () => {
    const result = topicform('lint', '--app', app('contract-none'), '--env', 'dev', '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.level, f.environments])).toEqual([['TF-CONTRACT-001', 'warning', ['dev']]]);
  });

  it('exits 1 with --env prod, reporting prod findings only', () => {
    const result = topicform('lint', '--app', app('contract-none'), '--env', 'prod');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}error {3}TF-CONTRACT-001 .* \[prod\]$/m);
    expect(result.stdout).not.toContain('[dev]');
  });

  it('exits 1 with a message naming the environments the app has when --env names an unknown one', () => {
    const result = topicform('lint', '--app', app('contract-none'), '--env', 'qa');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown environment "qa"; the app has dev, prod/);
  });
});

describe('topicform lint: usage and declaration errors', () => {
  it('exits 1 on declaration errors (a suppression reason under 10 characters), naming file, construct path and field', () => {
    const result = topicform('lint', '--app', app('invalid-suppression'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: test\/fixtures\/apps\/orders\.ts:\d+ › orders\/payment › suppressions\[0\]\.reason: must be a written reason of at least 10 characters \[dev, prod\]$/m,
    );
  });

  it('exits 1 on an unknown --format', () => {
    const result = topicform('lint', '--format', 'xml');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/argument 'xml' is invalid/);
  });

  it('documents its options in --help', () => {
    const result = topicform('lint', '--help');
    expect(result.status).toBe(0);
    for (const option of ['--format', '--strict', '--env', '--app', '--output']) expect(result.stdout).toContain(option);
  });
});

/** The 1-based line of the first line of `file` (repo-relative) containing `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index === -1) throw new Error(`"${text}" not in ${file}`);
  return index + 1;
}
