/**
 * model/resolve/credentials.ts and quotas.ts unit by unit: the exact issues for SCRAM credentials and quota overrides
 * nobody can use, a did-you-mean drawn from `User:` principals only (the only ones either can name), the variable two
 * user names share, and overrides reported in principal order (issue 28, mutation pass). Expectations worked by hand
 * from docs/credentials.md (`kafka_scram_password_<user>`, every character but a letter, digit or `_` replaced by `_`).
 */
import { describe, expect, it } from 'vitest';
import { resolveScramCredentials } from '../../../model/resolve/credentials';
import { checkQuotaOverrides } from '../../../model/resolve/quotas';
import { environmentSchema, type EnvironmentInput } from '../../../model/schema';
import { DEV } from './helpers';

const env = (extra: Partial<EnvironmentInput>) => environmentSchema.parse({ ...DEV, ...extra });
/** A client other than a group or producer (a Streams application, a Connect worker or connector). */
const client = (principal: string, domain = 'search', service = 'search-connect') => ({ principal, domain, service });

describe('resolveScramCredentials', () => {
  it('warns about a credential nobody uses, and suggests no principal that is not a User: (a Group: cannot hold one)', () => {
    const { credentials, issues } = resolveScramCredentials(
      env({ scramCredentials: { principals: { 'User:search-connect': {} } } }),
      [],
      [],
      [client('Group:search-connect')],
    );
    expect(credentials).toEqual([]);
    expect(issues).toStrictEqual([
      {
        path: 'scramCredentials.principals["User:search-connect"]',
        code: 'scram-principal-unknown',
        severity: 'warning',
        message:
          'SCRAM credential for "User:search-connect", which no client (producer, consumer group, Streams application, Connect worker or connector) of environment "dev" uses: not created',
      },
    ]);
  });

  it('refuses a principal that is not a User:, saying why', () => {
    const { issues } = resolveScramCredentials(env({ scramCredentials: { principals: { 'Group:ops': {} } } }), [], [], [client('Group:ops')]);
    expect(issues).toStrictEqual([
      {
        path: 'scramCredentials.principals["Group:ops"]',
        code: 'scram-principal-not-user',
        message: 'SCRAM credential for "Group:ops": SCRAM credentials belong to "User:" principals, whose name is the user name',
      },
    ]);
  });

  it('names both principals and the one variable their user names map to', () => {
    // a.b and a_b both become kafka_scram_password_a_b ("." is neither a letter, a digit nor "_").
    const principals = { 'User:a_b': {}, 'User:a.b': {} };
    const { issues } = resolveScramCredentials(env({ scramCredentials: { principals } }), [], [], [client('User:a.b'), client('User:a_b')]);
    expect(issues).toStrictEqual([
      {
        path: 'scramCredentials.principals["User:a_b"]',
        code: 'scram-variable-clash',
        message: 'SCRAM credentials for "User:a.b" and "User:a_b" would both read their password from variable "kafka_scram_password_a_b"',
        hint: 'user names that differ only in characters other than letters, digits and "_" share a variable name: rename one principal',
      },
    ]);
  });
});

describe('checkQuotaOverrides', () => {
  it('refuses an override nobody uses, and suggests no principal that is not a User: (quotas are per user)', () => {
    const issues = checkQuotaOverrides(
      env({ quotas: { overrides: { 'User:search-connect': { producerByteRate: 1_000 } } } }),
      [],
      [],
      [client('Group:search-connect')],
    );
    expect(issues).toStrictEqual([
      {
        path: 'quotas.overrides["User:search-connect"]',
        code: 'quota-override-unknown-principal',
        message: 'quota override for "User:search-connect", which no producer or consumer group of environment "dev" uses',
      },
    ]);
  });

  it('with no other clients given, judges by groups and producers alone', () => {
    const issues = checkQuotaOverrides(env({ quotas: { overrides: { 'User:x': { consumerByteRate: 1_000 } } } }), [], []);
    expect(issues.map((i) => [i.path, i.code, i.hint])).toEqual([['quotas.overrides["User:x"]', 'quota-override-unknown-principal', undefined]]);
  });

  it('reports overrides in principal order, whatever the declaration order', () => {
    const overrides = { 'User:b': { producerByteRate: 1_000 }, 'Group:a': { producerByteRate: 1_000 } };
    const issues = checkQuotaOverrides(env({ quotas: { overrides } }), [], [], []);
    expect(issues).toStrictEqual([
      {
        path: 'quotas.overrides["Group:a"]',
        code: 'quota-override-not-user',
        message: 'quota override for "Group:a": Kafka\'s user quotas apply to "User:" principals only',
      },
      {
        path: 'quotas.overrides["User:b"]',
        code: 'quota-override-unknown-principal',
        message: 'quota override for "User:b", which no producer or consumer group of environment "dev" uses',
      },
    ]);
  });
});
