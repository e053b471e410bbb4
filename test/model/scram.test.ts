/**
 * SCRAM credentials in the model: the environment schema (mechanism, iterations within Kafka's bounds, password
 * versions), the names both terraform and CI agree on, and resolve's checks of the listed principals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCRAM_ITERATIONS, MIN_SCRAM_ITERATIONS } from '../../model/limits';
import { resolveScramCredentials } from '../../model/resolve/credentials';
import { deriveScramCredentials, scramCredentialAddress, scramPasswordVariable } from '../../model/scram';
import { environmentSchema, scramCredentialsSchema, type Environment } from '../../model/schema';
import type { ResolvedConsumerGroup, ResolvedProducer } from '../../model/topology';

const env = (scramCredentials: unknown): Environment =>
  environmentSchema.parse({ name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2, scramCredentials });

const producer = (principal: string, domain = 'orders'): ResolvedProducer => ({
  topic: { domain, event: 'e' },
  topicName: `${domain}.e`,
  service: principal.slice(principal.indexOf(':') + 1),
  principal,
  idempotent: true,
  transactionalIdPrefix: null,
  delivery: { timeoutMs: 120_000, backoffMs: 100, backoffMaxMs: 1_000, retries: null },
  suppressions: [],
  source: { path: 'p' },
});

const group = (principal: string, domain: string): ResolvedConsumerGroup => ({
  domain,
  name: 'g',
  groupId: `${domain}.g`,
  service: 'reader',
  principal,
  subscriptions: [],
  deadLetter: false,
  retryDelaysMs: [],
  idempotency: null,
  processingTimePerMessageMs: null,
  maxProcessingLagMs: null,
  offsetCommit: { mode: 'manual' },
  processing: 'sync',
  suppressions: [],
  source: { path: 'g' },
});

describe('scramCredentialsSchema', () => {
  it('defaults to SCRAM-SHA-512, Kafka’s minimum iterations and password version 1', () => {
    expect(scramCredentialsSchema.parse({ principals: { 'User:a': {} } })).toEqual({
      mechanism: 'SCRAM-SHA-512',
      iterations: MIN_SCRAM_ITERATIONS,
      principals: { 'User:a': { passwordVersion: '1' } },
    });
  });

  it('accepts exactly the iteration counts Kafka accepts, at both levels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (iterations) => {
        const ok = iterations >= MIN_SCRAM_ITERATIONS && iterations <= MAX_SCRAM_ITERATIONS;
        expect(scramCredentialsSchema.safeParse({ iterations }).success).toBe(ok);
        expect(scramCredentialsSchema.safeParse({ principals: { 'User:a': { iterations } } }).success).toBe(ok);
      }),
    );
  });

  it.each([
    ['a mechanism Kafka does not have', { mechanism: 'SCRAM-SHA-1' }, 'mechanism'],
    ['a fractional iteration count', { iterations: 4096.5 }, 'iterations'],
    ['a password version with spaces', { principals: { 'User:a': { passwordVersion: 'v 2' } } }, 'principals.User:a.passwordVersion'],
    ['an empty password version', { principals: { 'User:a': { passwordVersion: '' } } }, 'principals.User:a.passwordVersion'],
    ['a password in the declaration', { principals: { 'User:a': { password: 'x' } } }, 'principals.User:a'],
    ['a wildcard principal', { principals: { 'User:*': {} } }, 'principals.User:*'],
  ])('fails on %s', (_, input, path) => {
    const result = scramCredentialsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('names', () => {
  it('gives each user a variable CI can export as TF_VAR_…', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (user) => {
        expect(scramPasswordVariable(user)).toMatch(/^kafka_scram_password_[A-Za-z0-9_]+$/);
      }),
    );
    expect(scramPasswordVariable('CN=orders svc,OU=x')).toBe('kafka_scram_password_CN_orders_svc_OU_x');
  });

  it('addresses a credential by user and mechanism only, so a rotation is an update in place', () => {
    const a = scramCredentialAddress({ username: 'order-service', mechanism: 'SCRAM-SHA-512' });
    expect(a).toMatch(/^scram_order-service_[0-9a-f]{8}$/);
    expect(scramCredentialAddress({ username: 'order-service', mechanism: 'SCRAM-SHA-256' })).not.toBe(a);
  });

  it('writes each character a Terraform name cannot hold as an underscore, the hash taken of the user as it is', () => {
    // e90240b4 = the first 8 hex digits of sha256("orders.svc@x|SCRAM-SHA-512"), computed with coreutils sha256sum.
    expect(scramCredentialAddress({ username: 'orders.svc@x', mechanism: 'SCRAM-SHA-512' })).toBe('scram_orders_svc_x_e90240b4');
  });
});

describe('resolveScramCredentials', () => {
  it('creates credentials for Connect workers and connectors, which are neither producers nor consumer groups', () => {
    const { credentials, issues } = resolveScramCredentials(
      env({ principals: { 'User:connect': {}, 'User:sink': {} } }),
      [],
      [],
      [
        { principal: 'User:connect', domain: 'search', service: 'search-connect' },
        { principal: 'User:sink', domain: 'search', service: 'document-sink' },
      ],
    );
    expect(issues).toEqual([]);
    expect(credentials.map((c) => [c.principal, c.domain, c.services])).toEqual([
      ['User:connect', 'search', ['search-connect']],
      ['User:sink', 'search', ['document-sink']],
    ]);
  });

  it('resolves listed principals in the stack of the first domain that uses them, sorted', () => {
    const { credentials, issues } = resolveScramCredentials(
      env({ iterations: 8192, principals: { 'User:b': { passwordVersion: '3' }, 'User:a': { mechanism: 'SCRAM-SHA-256' } } }),
      [group('User:b', 'search')],
      [producer('User:a'), producer('User:b', 'search'), producer('User:b', 'orders')],
    );
    expect(issues).toEqual([]);
    expect(credentials).toEqual([
      {
        principal: 'User:a',
        username: 'a',
        mechanism: 'SCRAM-SHA-256',
        iterations: 8192,
        passwordVersion: '1',
        variable: 'kafka_scram_password_a',
        domain: 'orders',
        services: ['a'],
      },
      {
        principal: 'User:b',
        username: 'b',
        mechanism: 'SCRAM-SHA-512',
        iterations: 8192,
        passwordVersion: '3',
        variable: 'kafka_scram_password_b',
        domain: 'orders',
        services: ['b', 'reader'],
      },
    ]);
  });

  it('creates nothing when the environment declares no credentials', () => {
    expect(resolveScramCredentials(env(undefined), [], [producer('User:a')])).toEqual({ credentials: [], issues: [] });
    expect(deriveScramCredentials(undefined, new Map())).toEqual([]);
  });

  it('refuses a principal that is not a User, warns about one no declaration uses, and refuses two users sharing a variable', () => {
    const { credentials, issues } = resolveScramCredentials(
      env({ principals: { 'Group:ops': {}, 'User:order-servic': {}, 'User:a.b': {}, 'User:a_b': {} } }),
      [],
      [producer('User:order-service'), producer('User:a.b'), producer('User:a_b')],
    );
    expect(issues.map((i) => [i.path, i.code, i.severity ?? 'error', i.hint])).toEqual([
      ['scramCredentials.principals["Group:ops"]', 'scram-principal-not-user', 'error', undefined],
      ['scramCredentials.principals["User:a_b"]', 'scram-variable-clash', 'error', expect.stringContaining('rename one principal')],
      ['scramCredentials.principals["User:order-servic"]', 'scram-principal-unknown', 'warning', 'did you mean "User:order-service"?'],
    ]);
    expect(credentials.map((c) => c.principal)).toEqual(['User:a.b', 'User:a_b']);
  });
});
