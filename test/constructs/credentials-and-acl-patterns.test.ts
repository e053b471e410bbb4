/**
 * Rendering of the two environment options of issue 22 through Testing.synth(stack, true): SCRAM credentials
 * (`scramCredentials`: kafka_user_scram_credential + an ephemeral, sensitive password variable, Terraform ≥ 1.11) and
 * the ACL pattern modes (`acl.patterns`). The default of each leaves the output as it was.
 */
import { describe, expect, it } from 'vitest';
import { scramPasswordVariable } from '../../model/scram';
import type { EnvironmentInput } from '../../model/schema';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { schemaProblems } from '../helpers/provider-schema';
import { aclSet, DEV, PROD, synthStack } from '../helpers/synth';

interface CredentialBody {
  readonly username: string;
  readonly scram_mechanism: string;
  readonly scram_iterations: number;
  readonly password_wo: string;
  readonly password_wo_version: string;
  readonly password?: string;
}

const both = (environment: EnvironmentInput) =>
  synthStack((s) => {
    orders(s);
    search(s);
  }, environment);

const credentialsOf = (json: object): Record<string, CredentialBody> =>
  (json as { resource: { kafka_user_scram_credential?: Record<string, CredentialBody> } }).resource.kafka_user_scram_credential ?? {};
const variablesOf = (json: object): Record<string, Record<string, unknown>> => (json as { variable?: Record<string, Record<string, unknown>> }).variable ?? {};

describe('SCRAM credentials', () => {
  const withCredentials: EnvironmentInput = {
    ...PROD,
    scramCredentials: {
      principals: { 'User:order-service': {}, 'User:payment-service': { passwordVersion: '2026-12-01', mechanism: 'SCRAM-SHA-256', iterations: 8192 } },
    },
  };

  it('renders one credential per listed principal, its password from the write-only password_wo and an ephemeral, sensitive variable', () => {
    const { json, topology } = both(withCredentials);
    const byUser = Object.fromEntries(Object.values(credentialsOf(json)).map((c) => [c.username, c]));
    expect(byUser).toEqual({
      'order-service': {
        username: 'order-service',
        scram_mechanism: 'SCRAM-SHA-512',
        scram_iterations: 4096,
        password_wo: `\${var.${scramPasswordVariable('order-service')}}`,
        password_wo_version: '1',
      },
      'payment-service': {
        username: 'payment-service',
        scram_mechanism: 'SCRAM-SHA-256',
        scram_iterations: 8192,
        password_wo: `\${var.${scramPasswordVariable('payment-service')}}`,
        password_wo_version: '2026-12-01',
      },
    });
    for (const user of ['order-service', 'payment-service']) {
      expect(variablesOf(json)[scramPasswordVariable(user)]).toMatchObject({ type: 'string', sensitive: true, ephemeral: true, nullable: false });
      expect(variablesOf(json)[scramPasswordVariable(user)]).not.toHaveProperty('default');
    }
    expect(scramPasswordVariable('order-service')).toBe('kafka_scram_password_order_service');
    expect((json as unknown as { terraform: { required_version?: string } }).terraform.required_version).toBe('>= 1.11');
    expect(topology.scramCredentials?.map((c) => c.principal)).toEqual(['User:order-service', 'User:payment-service']);
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('is checked by the schema conformance check: a literal password or an unknown attribute is a problem', () => {
    const { json } = both(withCredentials);
    const [address] = Object.keys(credentialsOf(json));
    const broken = structuredClone(json) as unknown as { resource: { kafka_user_scram_credential: Record<string, Record<string, unknown>> } };
    const body = broken.resource.kafka_user_scram_credential[address ?? ''] ?? {};
    body.password_wo = 'literal-secret';
    body.scram_mechanisms = 'SCRAM-SHA-512';
    delete body.username;
    const problems = schemaProblems(broken);
    expect(problems).toEqual([
      `resource.kafka_user_scram_credential.${address}.password_wo: write-only attribute set to a literal (value not shown)`,
      `resource.kafka_user_scram_credential.${address}.scram_mechanisms: not an attribute of the schema`,
      `resource.kafka_user_scram_credential.${address}.username: required attribute missing`,
    ]);
    expect(problems.join('\n')).not.toContain('literal-secret');
  });

  it('leaves the output as it was when the environment declares none', () => {
    const { json, topology } = both(PROD);
    expect(credentialsOf(json)).toEqual({});
    expect(Object.keys(variablesOf(json))).toEqual(['kafka_bootstrap_servers']);
    expect((json as unknown as { terraform: { required_version?: string } }).terraform.required_version).toBeUndefined();
    expect('scramCredentials' in topology).toBe(false);
  });

  it('fails when iterations are below Kafka’s minimum, naming the environment field', () => {
    expect(() => both({ ...PROD, scramCredentials: { iterations: 1000, principals: { 'User:order-service': {} } } })).toThrow(
      /scramCredentials\.iterations: .*must be at least 4096/,
    );
  });

  it('fails when a listed principal is not a User', () => {
    expect(() => both({ ...PROD, scramCredentials: { principals: { 'Group:order-service': {} } } })).toThrow(
      /scramCredentials\.principals\["Group:order-service"\]: SCRAM credential for "Group:order-service": SCRAM credentials belong to "User:" principals/,
    );
  });
});

describe('ACL pattern modes', () => {
  it('keeps Literal ACLs by default', () => {
    const { json, topology } = both(DEV);
    // Prefixed only where a client needs a prefix whatever the mode: transactional ids, and a Streams application's
    // internal topics (`<application.id>-`), which Kafka Streams names itself.
    const internal = new Set((topology.streamsApplications ?? []).map((a) => a.internalPrefix));
    const prefixed = Object.values(json.resource.kafka_acl).filter((a) => a.resource_pattern_type_filter !== 'Literal');
    expect(prefixed.filter((a) => a.resource_type !== 'TransactionalID' && !internal.has(a.resource_name))).toEqual([]);
  });

  it('gives the domain’s own clients Prefixed ACLs on the domain prefix in prefixed mode, with fewer ACL resources', () => {
    const literal = both(DEV).json;
    const { json, topology } = both({ ...DEV, acl: { patterns: 'prefixed' } });
    expect(aclSet(json, 'User:payment-service')).toEqual(['Group:orders.:Read:Prefixed', 'Topic:orders.:Read:Prefixed', 'Topic:orders.:Write:Prefixed']);
    expect(Object.keys(json.resource.kafka_acl).length).toBeLessThan(Object.keys(literal.resource.kafka_acl).length);
    expect(topology.environment.aclPatterns).toBe('prefixed');
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('emits both in literal-and-prefixed, the first step of a switch', () => {
    const literal = new Set(Object.keys(both(DEV).json.resource.kafka_acl));
    const prefixed = new Set(Object.keys(both({ ...DEV, acl: { patterns: 'prefixed' } }).json.resource.kafka_acl));
    const transition = new Set(Object.keys(both({ ...DEV, acl: { patterns: 'literal-and-prefixed' } }).json.resource.kafka_acl));
    expect([...literal, ...prefixed].every((address) => transition.has(address))).toBe(true);
  });
});
