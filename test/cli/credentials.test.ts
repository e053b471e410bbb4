/**
 * An inline credential — a user name or password in a URL, a `password=` assignment, a private key, a cloud or chat
 * token — is refused wherever a declaration or an environment carries it, and never echoed back: not in the error,
 * not in any output file.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, KafkaPrincipal, Replay, type EventTopicProps } from '../../constructs';
import type { EnvironmentInput } from '../../model/schema';
import { synthesize } from '../../cli/synth';

const work = mkdtempSync(join(tmpdir(), 'topicform-credentials-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

const PROD: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };

function app(
  environment: EnvironmentInput,
  domain: { description?: string; recoveryProcedure?: string } = {},
  topic: Partial<EventTopicProps> = {},
): (outdir: string) => App {
  return (outdir) => {
    const built = new App({ outdir, stackTraces: false });
    const env = new KafkaEnvironment(built, environment.name, { environment });
    const orders = new Domain(env, 'orders', {
      owner: '@acme/orders',
      description: domain.description ?? 'Orders',
      recoveryProcedure: domain.recoveryProcedure ?? 'docs/runbooks/orders.md',
      suppressions: [{ ruleId: 'TF-CONTRACT-004', reason: 'test app: schemas are not what this test is about' }],
    });
    const created = orders.addEventTopic('order-created', {
      eventTypes: ['OrderCreated'],
      key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering; orders are independent of each other', cardinality: 1_000_000 },
      partitions: 6,
      replay: Replay.window('7d'),
      contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' },
      ...topic,
    });
    created.addConsumerGroup('payment', {
      service: 'payment-service',
      principal: KafkaPrincipal.user('payment-service'),
      idempotency: 'payment id is unique per order; duplicates are ignored',
      maxProcessingLag: '5m',
      processingTimePerMessage: '5ms',
    });
    return built;
  };
}

function expectRefused(build: (outdir: string) => App, secret: string, where: RegExp): void {
  const out = join(work, `out-${n++}`);
  const result = synthesize(build, out, { onNotice: () => undefined });
  expect(result.ok).toBe(false);
  const text = [...result.errors, ...result.warnings].join('\n');
  expect(text).toMatch(where);
  expect(text).not.toContain(secret);
  expect(existsSync(out)).toBe(false);
}

describe('inline credentials', () => {
  it('are refused in a backend address, which would otherwise land in every stack of the environment', () => {
    expectRefused(
      app({ ...PROD, backend: { type: 'http', address: 'https://admin:s3cr3t-pw@state.example.com/{stack}' } }),
      's3cr3t-pw',
      / › prod › backend\.address: looks like an inline credential \(a user name or password in a URL\); the value is not shown/,
    );
  });

  it('are refused in a URL anywhere in a declaration, with only a user name too', () => {
    expectRefused(
      app(PROD, { recoveryProcedure: 'https://oncall-bot@wiki.example.com/runbooks/orders' }),
      'oncall-bot',
      / › orders › recoveryProcedure: looks like an inline credential \(a user name or password in a URL\)/,
    );
  });

  it.each([
    ['a password assignment', 'jaas: username="svc" password="hunter22"', 'hunter22'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA'],
    ['an AWS access key id', 'uses AKIAIOSFODNN7EXAMPLE for the archive', 'AKIAIOSFODNN7EXAMPLE'],
    ['a GitHub token', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
  ])('are refused as %s in free text', (_kind, text, secret) => {
    expectRefused(app(PROD, { description: text }), secret, / › orders › description: looks like an inline credential/);
  });

  it('are refused in a topic config value without echoing it (an invalid value is otherwise shown)', () => {
    expectRefused(
      app(PROD, {}, { config: { 'compression.type': 'token=sk_live_51HqLyjWDarjtT1zdp7dc' } }),
      'sk_live_51HqLyjWDarjtT1zdp7dc',
      / › orders\/order-created › config\["compression\.type"\]: looks like an inline credential/,
    );
  });

  it('are reported once for the field, not again as an invalid value', () => {
    const out = join(work, `out-${n++}`);
    const result = synthesize(app(PROD, {}, { config: { 'compression.type': 'password=hunter22' } }), out, { onNotice: () => undefined });
    expect(result.errors.filter((e) => e.includes('compression.type'))).toHaveLength(1);
  });

  it('leave ordinary text alone: a prose mention of a password, an e-mail address, a URL without a user', () => {
    const out = join(work, `out-${n++}`);
    const result = synthesize(
      app(PROD, {
        description: 'no password: consumers authenticate with mTLS; ask orders@example.com',
        recoveryProcedure: 'https://wiki.example.com/runbooks/orders?section=replay',
      }),
      out,
      { onNotice: () => undefined },
    );
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
