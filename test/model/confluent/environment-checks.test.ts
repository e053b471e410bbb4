/**
 * checkPlatform: what an environment may set on each platform (docs/confluent-cloud.md "What does not apply").
 * Confluent Cloud runs its own brokers (API keys of service accounts, not a SASL mechanism or SCRAM), keeps three
 * replicas of every topic ("Confluent Cloud cluster types"), and a created service account must be nameable by every
 * stack's grants (one stack per environment).
 */
import { describe, expect, it } from 'vitest';
import { checkPlatform } from '../../../model/confluent/environment-checks';
import { environmentSchema, type EnvironmentInput } from '../../../model/schema';
import { CONFLUENT, withConfluent } from './fixture';

const check = (raw: EnvironmentInput) => checkPlatform(raw, environmentSchema.parse(raw));

const KAFKA: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };

describe('checkPlatform on apache-kafka', () => {
  it('accepts an environment without confluent settings, whatever its replication factor or auth', () => {
    expect(check(KAFKA)).toEqual([]);
    expect(check({ ...KAFKA, auth: { mechanism: 'scram-sha256', tls: true, secrets: 'environment' } })).toEqual([]);
  });

  it('rejects confluent settings, naming the platform it got', () => {
    expect(check({ ...KAFKA, confluent: { serviceAccounts: {} } })).toEqual([
      {
        path: 'confluent',
        code: 'confluent-settings-off-platform',
        message: "applies only to platform 'confluent-cloud', got platform 'apache-kafka'",
        hint: expect.stringContaining("set platform: 'confluent-cloud'") as unknown,
      },
    ]);
  });
});

describe('checkPlatform on confluent-cloud', () => {
  it('accepts the fixture environment (three replicas, no auth, no SCRAM) and one without a confluent block', () => {
    expect(check(CONFLUENT)).toEqual([]);
    expect(check({ ...CONFLUENT, confluent: undefined, layout: 'domain' })).toEqual([]);
  });

  it('reads auth from the declaration, not the parsed default, and rejects it when declared', () => {
    const env = environmentSchema.parse(CONFLUENT);
    expect(env.auth).toBeDefined(); // the schema's default is there after parsing…
    expect(checkPlatform(CONFLUENT, env)).toEqual([]); // …and is not reported
    expect(checkPlatform(undefined, env)).toEqual([]);
    expect(check({ ...CONFLUENT, auth: { mechanism: 'scram-sha512', tls: true, secrets: 'environment' } })).toEqual([
      {
        path: 'auth',
        code: 'platform-setting-unsupported',
        message: expect.stringMatching(/^does not apply on platform 'confluent-cloud': .*API keys/) as unknown,
        hint: expect.stringContaining('remove auth') as unknown,
      },
    ]);
  });

  it('rejects SCRAM credentials', () => {
    expect(check({ ...CONFLUENT, scramCredentials: { principals: {} } })).toEqual([
      {
        path: 'scramCredentials',
        code: 'platform-setting-unsupported',
        message: expect.stringMatching(/^does not apply on platform 'confluent-cloud': .*not SCRAM/) as unknown,
        hint: 'remove scramCredentials',
      },
    ]);
  });

  it.each([1, 2, 4])('rejects replication factor %i: Confluent Cloud keeps 3 replicas', (replicationFactor) => {
    expect(check({ ...CONFLUENT, replicationFactor, minInsyncReplicas: 1 })).toEqual([
      {
        path: 'replicationFactor',
        code: 'confluent-replication-factor',
        message: expect.stringMatching(new RegExp(`^must be 3 on platform 'confluent-cloud', got ${replicationFactor}: `)) as unknown,
      },
    ]);
  });

  it('reports every problem at once, in field order', () => {
    const raw = {
      ...CONFLUENT,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      auth: { mechanism: 'scram-sha512', tls: true, secrets: 'environment' },
      scramCredentials: {},
    };
    expect(check(raw as EnvironmentInput).map((i) => i.path)).toEqual(['auth', 'scramCredentials', 'replicationFactor']);
  });

  it.each([
    [true, 'domain', true],
    [true, 'environment', false],
    [false, 'domain', false],
  ] as const)('createServiceAccounts %s with layout %s: reported %s', (createServiceAccounts, layout, reported) => {
    const issues = check(withConfluent({ createServiceAccounts }, { layout }));
    expect(issues).toEqual(
      reported
        ? [
            {
              path: 'confluent.createServiceAccounts',
              code: 'confluent-created-accounts-layout',
              message: expect.stringMatching(/^needs layout 'environment': /) as unknown,
              hint: expect.stringContaining('confluent.serviceAccounts') as unknown,
            },
          ]
        : [],
    );
  });
});
