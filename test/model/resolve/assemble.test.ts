/**
 * Step 9 of resolve (model/resolve/assemble.ts) and the credential screen in front of it (model/resolve/index.ts): which
 * parts the Topology carries for which environment (MSK IAM, Confluent Cloud, SCRAM, quotas), and what an inline
 * credential does to the other issues. Expectations are worked from docs/msk-iam.md, docs/confluent-cloud.md and
 * model/credentials.ts, not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import type { EnvironmentInput, EventTopicInput, LegacyAclInput } from '../../../model/schema';
import { DOCUMENT_SINK, INDEXING } from './connect-fixtures';
import { DEV, INDEXER, NOTIFICATION, ORDER_CREATED, ORDER_TOTALS, ORDERS, PAYMENT, SEED, describeIssues, expectIssue, resolved } from './helpers';

/** The seed's four principals, each mapped to a Confluent Cloud service account. */
const SEED_ACCOUNTS = {
  'User:indexer': 'sa-index1',
  'User:notification-service': 'sa-notif1',
  'User:order-service': 'sa-order1',
  'User:payment-service': 'sa-pay1',
};
const cloud = (confluent?: EnvironmentInput['confluent']): EnvironmentInput => ({
  ...DEV,
  platform: 'confluent-cloud',
  replicationFactor: 3,
  minInsyncReplicas: 2,
  ...(confluent === undefined ? {} : { confluent }),
});
const msk = (aws?: NonNullable<EnvironmentInput['auth']>['aws']): EnvironmentInput => ({
  ...DEV,
  auth: { mechanism: 'aws-iam', ...(aws === undefined ? {} : { aws }) },
});

describe('resolve: declarations made twice', () => {
  it('a Streams application declared twice in its domain is reported at the second, naming the first', () => {
    const again = { ...ORDER_TOTALS, source: { path: 'dev/orders/order-totals-again' } };
    const result = resolve({ ...SEED, streamsApplications: [ORDER_TOTALS, again] }, DEV);
    expect(result.topology).toBeNull();
    expectIssue(result, {
      source: 'dev/orders/order-totals-again',
      path: 'name',
      code: 'duplicate-streams-application',
      message: 'streams application "order-totals" is declared twice in domain "orders" (first at dev/orders/order-totals',
    });
  });
});

describe('resolve: legacy ACLs', () => {
  it('a legacy ACL in an undeclared domain is reported at its domain field', () => {
    const legacy: LegacyAclInput = {
      domain: 'ops',
      principal: 'User:ops-console',
      host: '*',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Group',
      resourceName: 'ops-console',
      reason: 'the ops console reads every group',
      source: { path: 'dev/ops/legacy' },
    };
    const result = resolve({ ...SEED, legacyAcls: [legacy] }, DEV);
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'dev/ops/legacy', path: 'domain', code: 'unknown-domain' });
  });
});

describe('resolve: references beside declarations that failed their schema', () => {
  it('a topic without a domain, or without a name, hides no reference to "undefined/…" or "…/undefined"', () => {
    // A reference to a topic that failed its schema is not reported again; one without a domain or name is not that topic.
    const { domain: _domain, ...withoutDomain }: EventTopicInput = { ...ORDER_CREATED, name: 'refund-issued', source: { path: 'dev/refund-issued' } };
    const { name: _name, ...withoutName }: EventTopicInput = { ...ORDER_CREATED, source: { path: 'dev/orders/nameless' } };
    void _domain;
    void _name;
    const reader = {
      ...PAYMENT,
      subscriptions: [
        { topic: { domain: 'undefined', event: 'refund-issued' }, reason: 'refunds are paid back' },
        { topic: { domain: 'orders', event: 'undefined' } },
      ],
    };
    const result = resolve({ ...SEED, topics: [...SEED.topics, withoutDomain, withoutName], consumerGroups: [reader, NOTIFICATION, INDEXER] }, DEV);
    expect(result.topology).toBeNull();
    const source = 'dev/orders/order-created/payment';
    expectIssue(result, { source, path: 'subscriptions[0].topic', code: 'unknown-topic', message: 'event topic "undefined/refund-issued" is not declared' });
    expectIssue(result, { source, path: 'subscriptions[1].topic', code: 'unknown-topic', message: 'event topic "orders/undefined" is not declared' });
  });
});

describe('resolve: principal types', () => {
  it("a connector's own principal is held to the environment's principal types (User: only, by default)", () => {
    const sink = { ...DOCUMENT_SINK, principal: 'Group:document-index' };
    const result = resolve({ ...SEED, connectClusters: [INDEXING], connectors: [sink] }, DEV);
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'dev/search/indexing/document-index', path: 'principal', code: 'principal-type-not-allowed' });
  });
});

describe('resolve: a broken environment', () => {
  it('the declarations are still checked, but not by the broken field', () => {
    // With principalTypes broken, whether Group: is allowed is unknown: the group is not reported for it. Its typo is.
    const group = { ...PAYMENT, principal: 'Group:payments', subscriptions: [{ topic: { domain: 'orders', event: 'order-creatd' } }] };
    const result = resolve({ ...SEED, consumerGroups: [group] }, { ...DEV, principalTypes: ['not a type'] });
    expect(result.topology).toBeNull();
    expect(
      result.issues.map((i) => [i.source.path, i.path]),
      describeIssues(result.issues),
    ).toEqual([
      ['dev/orders/order-created/payment', 'subscriptions[0].topic'],
      ['environment', 'principalTypes[0]'],
    ]);
  });

  it("reports the broken field alone, not what the environment's re-check finds at the environment with a neutral value", () => {
    // With replicationFactor broken, the declarations are re-checked against the neutral factor 1, which Confluent Cloud
    // (factor 3, docs/confluent-cloud.md) would refuse at the environment: a value nobody declared, so not reported.
    const broken = { ...cloud({ serviceAccounts: { ...SEED_ACCOUNTS } }), replicationFactor: 'three' };
    const result = resolve(SEED, broken);
    expect(result.topology).toBeNull();
    expect(
      result.issues.map((i) => [i.source.path, i.path, i.code]),
      describeIssues(result.issues),
    ).toEqual([['environment', 'replicationFactor', 'schema-invalid_type']]);
  });

  it('an environment that is not an object: its own issue only', () => {
    const result = resolve(SEED, 42);
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => i.source.path)).toEqual(['environment']);
  });
});

describe('resolve: MSK IAM in the topology', () => {
  it('without auth.aws: no cluster ARN, no Kafka ACLs, policies only, no attachments', () => {
    const topology = resolved(SEED, msk());
    expect(topology.mskIam?.clusterArn).toBeNull();
    expect(topology.mskIam?.kafkaAcls).toBe(false);
    expect(topology.mskIam !== undefined && 'attachments' in topology.mskIam).toBe(false);
    // MSK ignores Kafka ACLs for IAM identities: none are rendered unless kafkaAcls is set.
    expect(topology.acls).toEqual([]);
    expect(topology.mskIam?.policies.map((p) => p.principal).sort()).toEqual([
      'User:indexer',
      'User:notification-service',
      'User:order-service',
      'User:payment-service',
    ]);
  });

  it('with kafkaAcls: the Kafka ACLs are rendered as well', () => {
    const topology = resolved(SEED, msk({ kafkaAcls: true }));
    expect(topology.mskIam?.kafkaAcls).toBe(true);
    expect(topology.acls.length).toBeGreaterThan(0);
  });

  it('with auth.aws.iam.defaultRole: each principal attached to its role, looked up not created', () => {
    const topology = resolved(SEED, msk({ iam: { defaultRole: 'msk-{name}' } }));
    expect(topology.mskIam?.attachments).toEqual([
      { principal: 'User:indexer', role: 'msk-indexer', declared: null },
      { principal: 'User:notification-service', role: 'msk-notification-service', declared: null },
      { principal: 'User:order-service', role: 'msk-order-service', declared: null },
      { principal: 'User:payment-service', role: 'msk-payment-service', declared: null },
    ]);
  });

  it('with auth.aws.iam but no role for a principal: an error at the environment, no topology', () => {
    const result = resolve(SEED, msk({ iam: { roles: { 'User:indexer': 'indexer', 'User:notification-service': 'n', 'User:order-service': 'o' } } }));
    expect(result.topology, describeIssues(result.issues)).toBeNull();
    expect(result.issues.map((i) => i.source.path)).toEqual(['environment']);
    expect(result.issues[0]?.message).toContain('User:payment-service');
  });
});

describe('resolve: Confluent Cloud in the topology', () => {
  it('without confluent options: the defaults, which create no service account, so every principal is reported', () => {
    const result = resolve(SEED, cloud());
    expect(result.topology).toBeNull();
    for (const principal of Object.keys(SEED_ACCOUNTS)) {
      expectIssue(result, {
        source: 'environment',
        path: `confluent.serviceAccounts[${JSON.stringify(principal)}]`,
        code: 'confluent-service-account-missing',
      });
    }
  });

  it("with access 'acls' (the default): service accounts, no role bindings, and no kafka_quota", () => {
    const topology = resolved(SEED, cloud({ serviceAccounts: { ...SEED_ACCOUNTS } }));
    expect(topology.confluentCloud).toEqual({
      access: 'acls',
      secrets: 'environment',
      serviceAccounts: [
        { principal: 'User:indexer', id: 'sa-index1', domain: 'search' },
        { principal: 'User:notification-service', id: 'sa-notif1', domain: 'orders' },
        { principal: 'User:order-service', id: 'sa-order1', domain: 'orders' },
        { principal: 'User:payment-service', id: 'sa-pay1', domain: 'orders' },
      ],
    });
    expect(topology.environment.platform).toBe('confluent-cloud');
    // Confluent Cloud sets client quotas its own way: the Mongey provider's kafka_quota is not derived there.
    expect(topology.quotas).toEqual([]);
  });

  it("with access 'role-bindings': role bindings as well", () => {
    const topology = resolved(SEED, cloud({ access: 'role-bindings', serviceAccounts: { ...SEED_ACCOUNTS } }));
    expect(topology.confluentCloud?.access).toBe('role-bindings');
    expect(topology.confluentCloud?.roleBindings?.length).toBeGreaterThan(0);
  });

  it("with access 'role-bindings': a legacy ACL on one host, which no role can express, is an error on confluent.access", () => {
    // docs/confluent-cloud.md: a grant no Developer role allows (a Deny, a legacy ACL on another host) is an error.
    const legacy: LegacyAclInput = {
      domain: 'orders',
      principal: 'User:order-service',
      host: '10.0.0.7',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Group',
      resourceName: 'orders-audit',
      reason: 'the audit job runs as order-service on one host',
      source: { path: 'dev/orders/legacy' },
    };
    const result = resolve({ ...SEED, legacyAcls: [legacy] }, cloud({ access: 'role-bindings', serviceAccounts: { ...SEED_ACCOUNTS } }));
    expect(result.topology).toBeNull();
    expectIssue(result, {
      source: 'environment',
      path: 'confluent.access',
      code: 'confluent-grant-without-role',
      message: 'no predefined role grants Allow Read on Group orders-audit to User:order-service',
      hint: "use access: 'acls' for this environment",
    });
  });

  it('on Apache Kafka: no confluentCloud, no mskIam, no scramCredentials, and quotas derived', () => {
    const topology = resolved(SEED, DEV);
    expect('confluentCloud' in topology).toBe(false);
    expect('mskIam' in topology).toBe(false);
    expect('scramCredentials' in topology).toBe(false);
    expect('platform' in topology.environment).toBe(false);
    // order-service declares 2,000 msg/s of 1 KiB: it gets a produce quota.
    expect(topology.quotas?.map((q) => q.principal)).toContain('User:order-service');
  });
});

describe('resolve: quotas in the topology', () => {
  it("derives each principal's rates from the declared throughput of the topics it writes and reads", () => {
    const topology = resolved(SEED, DEV);
    const quotaOf = (principal: string) => topology.quotas?.find((q) => q.principal === principal);
    // model/quota.ts: order-service writes order-created, 2,000 msg/s × 1,024 B = 2,048,000 B/s, × produce headroom 2.
    expect(quotaOf('User:order-service')).toMatchObject({ producerByteRate: { value: 4_096_000 }, consumerByteRate: null });
    // payment-service reads it once, in its group: 2,048,000 B/s × consume headroom 3.
    expect(quotaOf('User:payment-service')).toMatchObject({ producerByteRate: null, consumerByteRate: { value: 6_144_000 } });
  });

  it('accepts a quota override for a Streams application and a connector principal, and applies it', () => {
    const declarations = { ...SEED, streamsApplications: [ORDER_TOTALS], connectClusters: [INDEXING], connectors: [DOCUMENT_SINK] };
    const overrides = { 'User:order-totals': { consumerByteRate: 1_000_000 }, 'User:document-index': { consumerByteRate: 500_000 } };
    const result = resolve(declarations, { ...DEV, quotas: { overrides } });
    expect(result.issues, describeIssues(result.issues)).toEqual([]);
    const quotaOf = (principal: string) => result.topology?.quotas?.find((q) => q.principal === principal);
    expect(quotaOf('User:order-totals')?.consumerByteRate?.value).toBe(1_000_000);
    expect(quotaOf('User:document-index')?.consumerByteRate?.value).toBe(500_000);
  });
});

describe('resolve: SCRAM credentials in the topology', () => {
  it('a Streams application, a Connect worker and a connector get credentials like any client', () => {
    const declarations = { ...SEED, streamsApplications: [ORDER_TOTALS], connectClusters: [INDEXING], connectors: [DOCUMENT_SINK] };
    const principals = { 'User:order-totals': {}, 'User:search-connect': {}, 'User:document-index': {} };
    const result = resolve(declarations, { ...DEV, scramCredentials: { principals } });
    expect(result.issues, describeIssues(result.issues)).toEqual([]);
    // The connector runs in its cluster's domain and, declaring no service, as the cluster's service.
    expect(result.topology?.scramCredentials?.map((c) => [c.principal, c.variable, c.domain, c.services])).toEqual([
      ['User:document-index', 'kafka_scram_password_document_index', 'search', ['search-connect']],
      ['User:order-totals', 'kafka_scram_password_order_totals', 'orders', ['order-totals']],
      ['User:search-connect', 'kafka_scram_password_search_connect', 'search', ['search-connect']],
    ]);
  });

  it('a listed principal gets a credential', () => {
    const topology = resolved(SEED, { ...DEV, scramCredentials: { principals: { 'User:order-service': {} } } });
    expect(topology.scramCredentials?.map((c) => c.principal)).toEqual(['User:order-service']);
  });
});

describe('resolve: inline credentials', () => {
  it('in a declaration: refused at its field, and no topology even though nothing else is wrong', () => {
    const orders = { ...ORDERS, description: 'Order lifecycle; token=abc123xyz' };
    const result = resolve({ ...SEED, domains: [orders, SEED.domains[1]!] }, DEV);
    expect(result.topology).toBeNull();
    expect(result.issues).toHaveLength(1);
    expectIssue(result, { source: 'dev/orders', path: 'description', code: 'inline-credential' });
  });

  it("keeps every other field's issues, message and hint", () => {
    const orders = { ...ORDERS, description: 'Order lifecycle; token=abc123xyz' };
    const typo = { ...PAYMENT, subscriptions: [{ topic: { domain: 'orders', event: 'order-creatd' } }] };
    const result = resolve({ ...SEED, domains: [orders, SEED.domains[1]!], consumerGroups: [typo] }, DEV);
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'dev/orders', path: 'description', code: 'inline-credential' });
    const unknown = result.issues.find((i) => i.source.path === 'dev/orders/order-created/payment');
    expect(unknown?.message, describeIssues(result.issues)).toContain('order-creatd');
    expect(unknown?.hint).toContain('order-created');
  });

  it('redacts a credential another issue echoes, as it is in a message and JSON-quoted in a hint', () => {
    // The principal is refused as a credential at its field. The environment's missing-role error names it twice: as it
    // is in the message, and as a JSON string (quotes escaped) in the hint; both are replaced. The domain declared twice
    // is an issue without a hint, which stays without one.
    const secret = 'User:token="abc123"';
    const again = { ...ORDERS, source: { path: 'dev/orders-again' } };
    const roles = { 'User:indexer': 'indexer', 'User:notification-service': 'notification', 'User:order-service': 'order' };
    const declarations = { ...SEED, domains: [...SEED.domains, again], consumerGroups: [{ ...PAYMENT, principal: secret }, NOTIFICATION, INDEXER] };
    const result = resolve(declarations, msk({ iam: { roles } }));
    expect(result.topology).toBeNull();
    expect(result.issues).toStrictEqual([
      { source: { path: 'dev/orders-again' }, path: 'name', code: 'duplicate-domain', message: 'domain "orders" is declared twice (first at dev/orders)' },
      {
        source: { path: 'dev/orders/order-created/payment' },
        path: 'principal',
        code: 'inline-credential',
        message: 'looks like an inline credential (a password, secret, token or key assigned inline); the value is not shown',
        hint: 'declare no secrets: terraform and the clients read them from their own environment variables or secret stores',
      },
      {
        source: { path: 'environment' },
        path: 'auth.aws.iam.roles',
        code: 'msk-iam-role-missing',
        message: 'principal "<redacted>" has MSK IAM grants but no IAM role to attach its policy to',
        hint: "add \"<redacted>\": '<role name or ARN>' to auth.aws.iam.roles, or set auth.aws.iam.defaultRole (e.g. 'msk-{name}')",
      },
    ]);
  });

  it('in the environment: refused at the environment', () => {
    const result = resolve(SEED, { ...DEV, topicPrefix: 'token=abc123.' });
    expect(result.topology).toBeNull();
    expect(result.issues.map((i) => [i.source.path, i.path, i.code])).toEqual([['environment', 'topicPrefix', 'inline-credential']]);
  });

  it('one message per field: the field is not also reported as an invalid value, which would show the secret', () => {
    // An event name that looks like a credential also fails the name's pattern; only the credential is reported there.
    const bad = { ...PAYMENT, subscriptions: [{ topic: { domain: 'orders', event: 'password=hunter22' } }] };
    const result = resolve({ ...SEED, consumerGroups: [bad] }, DEV);
    expect(result.topology).toBeNull();
    expectIssue(result, { source: 'dev/orders/order-created/payment', path: 'subscriptions[0].topic.event', code: 'inline-credential' });
    expect(
      result.issues.filter((i) => i.source.path === 'dev/orders/order-created/payment' && i.path === 'subscriptions[0].topic.event'),
      describeIssues(result.issues),
    ).toHaveLength(1);
    for (const i of result.issues) {
      expect(i.message).not.toContain('hunter22');
      expect(i.hint ?? '').not.toContain('hunter22');
    }
  });
});
