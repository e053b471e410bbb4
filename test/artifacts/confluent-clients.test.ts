/**
 * Client configs on platform confluent-cloud name the service account the client authenticates as — the `User:sa-…`
 * its ACLs or role bindings name — and say whose API key the client needs (Confluent Cloud clients authenticate with
 * an API key of a service account: docs/confluent-cloud.md), never a key or a secret. Other platforms' headers keep
 * naming the principal.
 */
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import type { EnvironmentInput } from '../../model/schema';
import { serviceAccountAddress } from '../../model/confluent/service-accounts';
import { synthStack } from '../helpers/synth';
import { shop } from '../model/msk-iam/fixture';
import { CONFLUENT, SERVICE_ACCOUNTS, withConfluent } from '../model/confluent/fixture';

/** Every client file of the environment, by path. */
function clientFiles(environment: EnvironmentInput): Array<[string, string]> {
  const files = generateArtifacts([synthStack((s) => shop(s), environment).topology]);
  return [...files.entries()].filter(([path]) => path.startsWith(`clients/${environment.name}/`));
}

/** The `authenticating as …` / `authenticate as …` phrase of a file's header. */
const identity = (text: string): string | undefined => /authenticat(?:ing|e) as (.+?)(?:[:.] |\. )/.exec(text)?.[1];

describe('client configs on Confluent Cloud', () => {
  const files = clientFiles(CONFLUENT);

  it('name the service account and the declared principal in every header, and the API key the client needs', () => {
    expect(files.length).toBeGreaterThan(8);
    const ids = new Set(Object.values(SERVICE_ACCOUNTS));
    for (const [path, text] of files.filter(([p]) => !p.endsWith('.json'))) {
      const who = identity(text);
      const account = /^Confluent Cloud service account (sa-\w+) \((User:[\w-]+) in the declarations\)$/.exec(who ?? '');
      expect(account, `${path}: ${String(who)}`).not.toBeNull();
      const [, id = '', principal = ''] = account ?? [];
      expect(SERVICE_ACCOUNTS[principal], path).toBe(id);
      expect(ids.has(id)).toBe(true);
      expect(text, path).toContain(`an API key owned by ${id} (security.protocol=SASL_SSL, sasl.mechanism=PLAIN`);
      expect(text, path).not.toMatch(/authenticat(?:ing|e) as User:/);
    }
  });

  it('give client.json the service account beside the principal', () => {
    const [, text = '{}'] = files.find(([path]) => path.endsWith('payment-service/client.json')) ?? [];
    const json = JSON.parse(text) as { principal: string; serviceAccount: string; notIncluded: string };
    expect(json.principal).toBe('User:payment-service');
    expect(json.serviceAccount).toBe('sa-pay1');
    expect(json.notIncluded).toContain('an API key owned by sa-pay1');
  });

  it('name the account terraform creates when it has no id yet, and its resource', () => {
    const created = clientFiles(withConfluent({ createServiceAccounts: true, serviceAccounts: {} }, { layout: 'environment' }));
    const [path, text] = created.find(([p]) => p.endsWith('.properties') && p.includes('payment-service')) ?? ['', ''];
    expect(identity(text), path).toBe(
      `Confluent Cloud service account created by terraform as confluent_service_account.${serviceAccountAddress('User:payment-service')} (its id is in terraform's state) (User:payment-service in the declarations)`,
    );
    expect(text).toContain('an API key owned by the service account of User:payment-service');
    const json = JSON.parse(created.find(([p]) => p.endsWith('payment-service/client.json'))?.[1] ?? '{}') as { serviceAccount: unknown };
    expect(json.serviceAccount).toBeNull();
  });

  it('write no key or secret: nothing but the account ids and the settings names', () => {
    for (const [path, text] of files) expect(text, path).not.toMatch(/api[_.-]?secret|password=|username=/i);
  });
});

describe('client configs on other platforms', () => {
  it('keep naming the principal and say nothing of service accounts or API keys', () => {
    const files = clientFiles({ ...CONFLUENT, platform: undefined, confluent: undefined });
    for (const [path, text] of files.filter(([p]) => !p.endsWith('.json'))) {
      expect(identity(text), path).toMatch(/^User:[\w-]+$/);
      expect(text, path).not.toMatch(/service account|API key/);
    }
  });
});
