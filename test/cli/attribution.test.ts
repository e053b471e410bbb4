/**
 * One cause, one message, at the place to fix it (test/fixtures/apps/attribution): a topic's min.insync.replicas above
 * its replication factor is one finding on the topic's field (not one per dead-letter and retry topic, blamed on the
 * consumer group, and not split by environment prefix); an environment's replication is reported at the environment in
 * environments.ts; duplicate declarations are the model's duplicate errors with file and line; environment errors name
 * environments.ts and come together with every other error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, Replay } from '../../constructs';
import { synthesize } from '../../cli/synth';
import { BIN, ROOT } from '../helpers/cli';

const DIR = 'test/fixtures/apps/attribution';
const TOPICS = `${DIR}/topics.ts`;
const ENVIRONMENTS = `${DIR}/environments.ts`;

/** The line of a fixture file holding `text` (its first occurrence after `after`), 1-based. */
function lineOf(file: string, text: string, after = ''): number {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const start = after === '' ? 0 : lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i >= start && l.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

function synth(testCase: string): { status: number | null; lines: string[]; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'synth', '--app', `${DIR}/main.ts`, '--out', join(ROOT, 'node_modules', '.cache', 'never-written')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TOPICFORM_TEST_CASE: testCase },
  });
  return { status: result.status, stderr: result.stderr, lines: result.stderr.split('\n').filter((l) => /^\s*error/.test(l)) };
}

describe('where errors point', () => {
  it("reports a topic's min.insync.replicas above its replication factor once per message, on the topic's field", () => {
    const result = synth('topic-min-isr');
    expect(result.status).toBe(1);
    const topic = `${TOPICS}:${lineOf(TOPICS, "addEventTopic('order-created'")} orders/order-created › replication.minInsyncReplicas`;
    expect(result.lines).toEqual([
      `  error   TF-REPL-003 ${topic}: min.insync.replicas 4 is above the replication factor 1 (the environment's) [dev]`,
      `  error   TF-REPL-003 ${topic}: min.insync.replicas 4 is above the replication factor 3 (the environment's) [prod, staging]`,
    ]);
  });

  it('reports production replication set in environments.ts there, not on every topic', () => {
    const result = synth('prod-rf-1');
    expect(result.status).toBe(1);
    const prod = `${ENVIRONMENTS}:${lineOf(ENVIRONMENTS, "name: 'prod'")} prod`;
    expect(result.lines).toEqual([
      `  error   TF-REPL-001 ${prod} › replicationFactor: replication factor 1 in production environment "prod" [prod]`,
      `  error   TF-REPL-002 ${prod} › minInsyncReplicas: min.insync.replicas 1 with replication factor 1 in production environment "prod" [prod]`,
    ]);
  });

  it.each([
    [
      'duplicate-domain',
      "new Domain(scope, 'orders', { owner: '@acme/other-team'",
      'orders (2)',
      'domain "orders" is declared twice',
      "new Domain(scope, 'orders'",
    ],
    [
      'duplicate-topic',
      "domain.addEventTopic('order-created', { eventTypes",
      'orders/order-created (2)',
      'event topic "order-created" is declared twice in domain "orders"',
      "addEventTopic('order-created'",
    ],
    [
      'duplicate-group',
      "created.addConsumerGroup('payment'",
      'orders/payment (2)',
      'consumer group "payment" is declared twice in domain "orders"',
      'created.addConsumerGroup(name',
    ],
  ])('reports %s as one declaration error with its file and line, and the first', (testCase, second, path, message, first) => {
    const result = synth(testCase);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('There is already a Construct');
    expect(result.lines).toEqual([
      `error: ${TOPICS}:${lineOf(TOPICS, second)} › ${path} › name: ${message} (first at ${TOPICS}:${lineOf(TOPICS, first)}) [dev, prod, staging]`,
    ]);
  });

  it('reports an environment declared twice once, at the second declaration', () => {
    const result = synth('duplicate-environment');
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('There is already a Construct');
    expect(result.lines).toEqual([
      `error: ${ENVIRONMENTS}:${lineOf(ENVIRONMENTS, "name: 'dev'", 'duplicate-environment')} › dev (2) › name: environment "dev" is declared twice (first at ${ENVIRONMENTS}:${lineOf(ENVIRONMENTS, "name: 'dev'")}) [dev]`,
    ]);
  });

  it("reports an environment's unknown field at environments.ts, together with the declarations' errors", () => {
    const result = synth('env-unknown-key');
    expect(result.status).toBe(1);
    expect(result.lines).toContain(
      `error: ${ENVIRONMENTS}:${lineOf(ENVIRONMENTS, "name: 'staging'")} › staging › bootstrapServer: unknown field "bootstrapServer" [staging]`,
    );
    expect(result.lines.some((l) => l.includes(`${TOPICS}:${lineOf(TOPICS, "addEventTopic('order-created'")} › orders/order-created › partitions:`))).toBe(
      true,
    );
  });

  it("reports a typo in an environment's domains together with the declarations' errors", () => {
    const result = synth('env-domain-typo');
    expect(result.status).toBe(1);
    expect(result.lines).toContain(
      `error: ${ENVIRONMENTS}:${lineOf(ENVIRONMENTS, "name: 'staging'")} › staging › domains[1]: environment "staging" carries domain "ordres", which is not declared (did you mean "orders"?) [staging]`,
    );
    expect(result.lines.some((l) => l.includes('orders/order-created › partitions:') && l.endsWith('[dev, prod, staging]'))).toBe(true);
  });
});

describe('two environments whose stacks share a name', () => {
  it('is one error naming the stack and its name field', () => {
    const build = (outdir: string): App => {
      const app = new App({ outdir, stackTraces: false });
      for (const environment of [
        { name: 'prod', production: false, replicationFactor: 1, minInsyncReplicas: 1, layout: 'domain' as const },
        { name: 'prod-orders', production: false, replicationFactor: 1, minInsyncReplicas: 1 },
      ]) {
        const env = new KafkaEnvironment(app, environment.name, { environment });
        new Domain(env, 'orders', { owner: '@acme/orders', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md' }).addEventTopic(
          'order-created',
          { eventTypes: ['OrderCreated'], ordering: 'none', partitions: 3, replay: Replay.window('7d') },
        );
      }
      return app;
    };
    const result = synthesize(build, join(mkdtempSync(join(tmpdir(), 'topicform-stacks-')), 'cdktf.out'), { onNotice: () => undefined });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      'error: prod-orders › name: two stacks are named "prod-orders"; stack names must be unique across environments [prod-orders]',
    ]);
  });
});
