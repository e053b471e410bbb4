/**
 * Type-checking is `topicform check`, not synth (docs/declarations.md, "Type-checking"): check type-checks a repository with its own
 * tsconfig.json, validates and lints, writes nothing, and fails on a type error with its file, line and column; synth
 * of the same repository goes on (tsx strips types), which is why CI runs check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'topicform-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A small repository using the toolkit's sources; `replayDays` is the line that may carry a type error. It loads the
 * toolkit with require() so that the type-check covers only its own files (the toolkit's sources, bindings included,
 * would take a minute; a real repository gets the package's declarations, which skipLibCheck skips).
 */
function repository(name: string, replayDays: string, partitions = 6): string {
  const repo = join(work, name);
  mkdirSync(join(repo, 'topics'), { recursive: true });
  // The domain's recoveryProcedure: lint checks that it exists in the repository (TF-DOMAIN-004).
  mkdirSync(join(repo, 'docs', 'runbooks'), { recursive: true });
  writeFileSync(join(repo, 'docs', 'runbooks', 'orders.md'), '# Recovery procedure: orders\n');
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  // The toolkit's compiler options; only the repository's own files are roots.
  writeFileSync(join(repo, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), files: ['main.ts', 'topics/orders.ts'], include: [] }));
  writeFileSync(
    join(repo, 'topics', 'orders.ts'),
    [
      `// eslint-disable-next-line`,
      `const { Domain, Duration, KafkaPrincipal, Replay, SideEffects } = require(${JSON.stringify(join(ROOT, 'constructs'))}) as any;`,
      ``,
      `export function orders(scope: unknown): void {`,
      `  const domain = new Domain(scope, 'orders', { owner: '@acme/orders', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md', suppressions: [{ ruleId: 'TF-CONTRACT-004', reason: 'test repository: no schemas here' }] });`,
      `  const replayDays: number = ${replayDays};`,
      `  const topic = domain.addEventTopic('order-created', { eventTypes: ['OrderCreated'], ordering: 'none', partitions: ${partitions}, replay: Replay.window(Duration.days(Number(replayDays))), contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' } });`,
      `  topic.addConsumerGroup('payment', { service: 'payment-service', principal: KafkaPrincipal.user('payment-service'), idempotency: 'payment id is unique per order; duplicates are ignored', replaySafety: { deterministic: true, sideEffects: SideEffects.none() }, maxProcessingLag: '5m', processingTimePerMessage: '5ms' });`,
      `}`,
      ``,
    ].join('\n'),
  );
  writeFileSync(
    join(repo, 'main.ts'),
    [
      `const { App } = require(${JSON.stringify(join(ROOT, 'constructs', 'cdktf'))}) as any;`,
      `const { KafkaEnvironment } = require(${JSON.stringify(join(ROOT, 'constructs'))}) as any;`,
      `import { orders } from './topics/orders';`,
      ``,
      `export function buildApp(outdir: string): unknown {`,
      `  const app = new App({ outdir, stackTraces: false });`,
      `  orders(new KafkaEnvironment(app, 'dev', { environment: { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 } }));`,
      `  return app;`,
      `}`,
      ``,
    ].join('\n'),
  );
  return repo;
}

const topicform = (repo: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('topicform check', () => {
  it('fails on a type error with its file, line and column, and writes nothing; synth does not type-check', () => {
    const repo = repository('type-error', "'7'");
    const check = topicform(repo, 'check');
    expect(check.status).toBe(1);
    const line =
      readFileSync(join(repo, 'topics', 'orders.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('const replayDays')) + 1;
    expect(check.stderr).toMatch(new RegExp(`^error: topics/orders\\.ts:${line}:9 › TS2322: Type 'string' is not assignable to type 'number'\\.$`, 'm'));
    expect(check.stdout).toContain('type-check: 1 error(s); declarations: 0 error(s); lint: 0 error(s)');
    expect(existsSync(join(repo, 'cdktf.out'))).toBe(false);
    // The decision this test pins down: synth does not type-check, so CI runs check.
    expect(topicform(repo, 'synth').status).toBe(0);
  }, 60_000);

  it('passes a repository without type, declaration or lint errors', () => {
    const check = topicform(repository('clean', '7'), 'check');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(
      /^type-check: 0 error\(s\); declarations: 0 error\(s\); lint: 0 error\(s\), 0 warning\(s\), \d+ info, 1 suppressed — passed$/m,
    );
  }, 60_000);

  it('fails on a declaration error as synth would', () => {
    const check = topicform(repository('declaration-error', '7', 0), 'check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^error: topics\/orders\.ts:7 › orders\/order-created › partitions: .*\[dev\]$/m);
  }, 60_000);
});
