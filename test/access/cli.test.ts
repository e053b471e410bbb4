/**
 * `topicform access` and `topicform codeowners` end to end: a real process (bin/topicform.js, the command itself),
 * commander's argument parsing, the example app (main.ts) built and resolved,
 * output and exit codes; the error paths run in process against the same app.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runAccess, type AccessOptions } from '../../cli/commands/access';
import { runCodeowners } from '../../cli/commands/codeowners';
import type { PrincipalReport, TopicReport } from '../../access/report';
import { buildApp } from '../../main';
import { runTopicform, sink, type CliRun } from '../helpers/cli';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'topicform-access-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spawnCli = (...args: string[]): CliRun => runTopicform(args);

function inProcess(run: (io: { stdout: Writable; stderr: Writable }) => number): { status: number; stdout: string; stderr: string } {
  const stdout = sink();
  const stderr = sink();
  const status = run({ stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

const access = (options: Partial<AccessOptions>): { status: number; stdout: string; stderr: string } =>
  inProcess((io) => runAccess(buildApp, { format: 'text', ...options }, io));

describe('topicform access (a real process)', () => {
  it('--principal lists everything the principal can do, as JSON', () => {
    const result = spawnCli('access', '--principal', 'User:search-indexer', '--format', 'json', '--env', 'prod');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as PrincipalReport;
    expect(report.environments).toEqual(['prod']);
    expect(report.grants.find((g) => g.resourceName === 'orders.order-created')).toMatchObject({
      operation: 'Read',
      stack: 'prod-orders',
      owner: { domain: 'orders', team: '@acme/orders-team' },
    });
  }, 60_000);

  it('--topic lists everyone who can read or write the topic, as Markdown', () => {
    const result = spawnCli('access', '--topic', 'orders.order-created', '--format', 'markdown', '--env', 'staging');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('# Access to `orders.order-created`');
    expect(lines).toContain('event topic owned by orders (@acme/orders-team), stack staging.');
    expect(lines).toContain(
      '| `User:search-indexer` | read | Read | search-indexer | consumer group search.order-indexer (search-indexer) reads staging.orders.order-created |',
    );
  }, 60_000);

  it('exits 1 on a usage error and an unknown format', () => {
    const both = spawnCli('access', '--principal', 'User:a', '--topic', 'b');
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/give exactly one of --principal <principal> or --topic <name>/);
    const format = spawnCli('access', '--topic', 'orders.order-created', '--format', 'yaml');
    expect(format.status).toBe(1);
    expect(format.stderr).toMatch(/Allowed choices are text, json, markdown/);
  }, 60_000);
});

describe('topicform access (in process)', () => {
  it('takes a bare name as User:<name>, and prints text by default', () => {
    const result = access({ principal: 'payment-service', env: ['dev'] });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('principal User:payment-service');
    expect(result.stdout).toContain('reads:  orders.order-created, orders.order-created.payment.dlq');
  });

  it('finds a prefixed name as Kafka knows it', () => {
    const result = access({ topic: 'staging.orders.order-created', format: 'json' });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as TopicReport).entries.map((e) => e.environment)).toEqual(['staging']);
  });

  it.each([
    [{}, /give exactly one of --principal <principal> or --topic <name>/],
    [{ principal: 'User:*' }, /"User:\*" is not a principal/],
    [
      { principal: 'User:paymnt-service' },
      /no ACL, declaration or quota names User:paymnt-service in confluent, dev, msk, prod, staging \(did you mean "User:payment-service"\?\)/,
    ],
    [{ topic: 'orders.order-creatd' }, /no topic "orders.order-creatd" in confluent, dev, msk, prod, staging \(did you mean "orders.order-created"\?\)/],
    [{ principal: 'User:a', env: ['qa'] }, /unknown environment "qa"/],
  ])('exits 1 with a message for %j', (options, message) => {
    const result = access(options);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('topicform codeowners', () => {
  it('writes the file, then --check passes; a stale or missing file fails --check (a real process)', () => {
    const output = join(work, 'github', 'CODEOWNERS');
    const missing = spawnCli('codeowners', '--check', '--output', output);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/is missing; run `topicform codeowners` and commit it/);

    const written = spawnCli('codeowners', '--output', output);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`wrote ${output}\n`);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(ROOT, '.github', 'CODEOWNERS'), 'utf8'));

    const check = spawnCli('codeowners', '--check', '--output', output);
    expect(check.status).toBe(0);
    expect(check.stdout).toBe(`${output} is up to date\n`);

    writeFileSync(output, readFileSync(output, 'utf8').replace('@acme/orders-team', '@acme/someone-else'));
    const stale = spawnCli('codeowners', '--check', '--output', output);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/is stale: it no longer matches the owners the domains declare/);
  }, 120_000);

  it('does not rewrite an up-to-date file, puts a default owner first and validates it (in process)', () => {
    const output = join(work, 'with-default');
    const codeowners = (options: { defaultOwner?: string }): { status: number; stdout: string; stderr: string } =>
      inProcess((io) => runCodeowners(buildApp, { check: false, output, ...options }, io, ROOT));
    expect(codeowners({ defaultOwner: '@acme/platform-team' }).status).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('\n* @acme/platform-team\n');
    expect(codeowners({ defaultOwner: '@acme/platform-team' }).stdout).toBe(`${output} is up to date\n`);
    const bad = codeowners({ defaultOwner: 'platform' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/must be a team handle/);
  });

  it('takes the platform owner from package.json ("topicform.platformOwner") and warns without one', () => {
    const dir = mkdtempSync(join(work, 'platform-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', topicform: { platformOwner: '@acme/kafka-platform' } }));
    const output = join(dir, 'CODEOWNERS');
    const configured = inProcess((io) => runCodeowners(buildApp, { check: false, output }, io, dir));
    expect(configured.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('\n/review-acknowledgements.yaml @acme/kafka-platform\n');
    const none = inProcess((io) => runCodeowners(buildApp, { check: false, output: join(work, 'no-platform') }, io, work));
    expect(none.stderr).toMatch(/warning: no platform owner/);
  });
});
