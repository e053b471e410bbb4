import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, KafkaPrincipal, Replay } from '../../constructs';
import { environments as repoEnvironments } from '../../environments';
import { domains as repoDomains, type DomainDeclarer } from '../../topics';
import { synthesize } from '../../cli/synth';
import { RETENTION_MARGIN_MS, TIME_MS } from '../../model/limits';
import type { EnvironmentInput } from '../../model/schema';
import { schemaProblems } from '../helpers/provider-schema';
import { readTree } from '../helpers/tree';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const outDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'topicform-env-'));
  dirs.push(d);
  return join(d, 'cdktf.out');
};

function appWith(environments: readonly EnvironmentInput[], domains: Readonly<Record<string, DomainDeclarer>> = repoDomains) {
  return (outdir: string): App => {
    const app = new App({ outdir, stackTraces: false });
    for (const environment of environments) {
      const env = new KafkaEnvironment(app, environment.name, { environment });
      for (const name of Object.keys(domains).sort()) if (env.carries(name)) domains[name]?.(env);
    }
    return app;
  };
}

function synthOk(environments: readonly EnvironmentInput[], domains?: Readonly<Record<string, DomainDeclarer>>): string {
  const out = outDir();
  const result = synthesize(appWith(environments, domains), out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return out;
}

interface StackJson {
  readonly resource?: {
    readonly kafka_topic?: Record<
      string,
      { name: string; partitions: number; replication_factor: number; config?: Record<string, string>; lifecycle?: { prevent_destroy?: boolean } }
    >;
    readonly kafka_acl?: Record<string, { acl_principal: string; resource_name: string; resource_type: string; acl_operation: string }>;
  };
  readonly terraform: { readonly backend: Record<string, Record<string, unknown>>; readonly required_version?: string };
  readonly provider: { readonly kafka: Array<Record<string, unknown>> };
  readonly variable?: Record<string, { sensitive?: boolean; ephemeral?: boolean }>;
  readonly import?: Array<{ to: string; id: string }>;
  readonly removed?: Array<{ from: string; lifecycle: { destroy: boolean } }>;
}

const stackJson = (out: string, stack: string): StackJson => JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
const topics = (
  json: StackJson,
): Array<{
  address: string;
  name: string;
  partitions: number;
  replication_factor: number;
  config?: Record<string, string>;
  lifecycle?: { prevent_destroy?: boolean };
}> => Object.entries(json.resource?.kafka_topic ?? {}).map(([address, t]) => ({ address, ...t }));
const stackNames = (out: string): string[] => readdirSync(join(out, 'stacks')).sort();

function synthesizeOnce(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-env-shared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'cdktf.out');
  const result = synthesize(appWith(repoEnvironments), out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return out;
}

/** A resource body without cdktf's "//" metadata (construct paths differ between layouts). */
function withoutMetadata(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '//'));
}

const DEV = repoEnvironments.find((e) => e.name === 'dev') as EnvironmentInput;
const STAGING = repoEnvironments.find((e) => e.name === 'staging') as EnvironmentInput;
const PROD = repoEnvironments.find((e) => e.name === 'prod') as EnvironmentInput;

describe('per-environment values', () => {
  // Kept for the whole describe (afterEach cleans only per-test folders).
  const out = synthesizeOnce();

  it('scales dev replay windows and traffic down, so retention and partitions shrink', () => {
    const dev = topics(stackJson(out, 'dev')).find((t) => t.name === 'orders.order-created');
    const prod = topics(stackJson(out, 'prod-orders')).find((t) => t.name === 'orders.order-created');
    // 7d × 0.1 (dev's replayWindow factor), + the largest tolerated lag of its readers (30m), + the margin
    const expected = Math.round(7 * TIME_MS.day * 0.1) + 30 * TIME_MS.minute + RETENTION_MARGIN_MS;
    expect(dev?.config?.['retention.ms']).toBe(String(expected));
    expect(Number(dev?.config?.['retention.ms'])).toBeLessThan(Number(prod?.config?.['retention.ms']));
    expect(dev?.partitions).toBeLessThan(prod?.partitions ?? 0);
  });

  it('prefixes staging topic names and keeps addresses derived from them', () => {
    const names = topics(stackJson(out, 'staging')).map((t) => t.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.startsWith('staging.')).toBe(true);
  });

  it('applies each environment replication and protects production only', () => {
    for (const t of topics(stackJson(out, 'dev'))) expect([t.replication_factor, t.lifecycle]).toEqual([1, undefined]);
    for (const t of topics(stackJson(out, 'staging'))) expect([t.replication_factor, t.lifecycle]).toEqual([3, undefined]);
    for (const stack of ['prod-orders', 'prod-search']) {
      for (const t of topics(stackJson(out, stack))) expect([t.replication_factor, t.lifecycle?.prevent_destroy]).toEqual([3, true]);
    }
  });

  it('configures the provider for the declared mechanism without any credential', () => {
    expect(stackJson(out, 'dev').provider.kafka[0]).toEqual({ bootstrap_servers: '${var.kafka_bootstrap_servers}', tls_enabled: false });
    expect(stackJson(out, 'prod-orders').provider.kafka[0]).toEqual({
      bootstrap_servers: '${var.kafka_bootstrap_servers}',
      sasl_mechanism: 'scram-sha512',
      tls_enabled: true,
    });
  });

  it('conforms to the provider schema in every stack', () => {
    for (const stack of stackNames(out)) expect(schemaProblems(stackJson(out, stack) as unknown as Record<string, unknown>), stack).toEqual([]);
  });
});

describe('stack layouts', () => {
  // MSK IAM policies in Terraform need layout 'environment' (docs/msk-iam.md): msk keeps its own under 'domain'.
  const layouts = (layout: 'environment' | 'domain'): EnvironmentInput[] =>
    repoEnvironments.map((e) => (layout === 'domain' && e.auth?.aws?.iam !== undefined ? e : { ...e, layout }));

  it.each(['environment', 'domain'] as const)('synthesizes dev, staging and prod in the %s layout', (layout) => {
    const out = synthOk(layouts(layout));
    expect(stackNames(out)).toEqual(
      layout === 'environment'
        ? ['confluent', 'dev', 'msk', 'prod', 'staging']
        : ['confluent-orders', 'confluent-search', 'dev-orders', 'dev-search', 'msk', 'prod-orders', 'prod-search', 'staging-orders', 'staging-search'],
    );
  });

  it('splits the same resources, with the same addresses and bodies, into one stack per domain', () => {
    const whole = synthOk(layouts('environment'));
    const split = synthOk(layouts('domain'));
    for (const env of ['dev', 'staging', 'prod']) {
      const union: Record<string, unknown> = {};
      for (const stack of [`${env}-orders`, `${env}-search`]) {
        for (const [type, byAddress] of Object.entries(stackJson(split, stack).resource ?? {})) {
          for (const [address, body] of Object.entries(byAddress as Record<string, Record<string, unknown>>)) {
            union[`${type}.${address}`] = withoutMetadata(body);
          }
        }
      }
      const reference: Record<string, unknown> = {};
      for (const [type, byAddress] of Object.entries(stackJson(whole, env).resource ?? {})) {
        for (const [address, body] of Object.entries(byAddress as Record<string, Record<string, unknown>>)) {
          reference[`${type}.${address}`] = withoutMetadata(body);
        }
      }
      expect(union).toEqual(reference);
    }
  });

  it("puts a cross-domain reader's Topic READ in the topic owner's stack and its group, DLQ and their ACLs in its own", () => {
    const out = synthOk(repoEnvironments);
    const orders = stackJson(out, 'prod-orders');
    const search = stackJson(out, 'prod-search');
    const acls = (json: StackJson): string[] =>
      Object.values(json.resource?.kafka_acl ?? {})
        .filter((a) => a.acl_principal === 'User:search-indexer')
        .map((a) => `${a.resource_type}:${a.resource_name}:${a.acl_operation}`)
        .sort();
    expect(acls(orders)).toEqual(['Topic:orders.order-created:Read']);
    expect(acls(search)).toEqual(
      expect.arrayContaining([
        'Group:search.order-indexer:Read',
        'Topic:orders.order-created.search.order-indexer.dlq:Read',
        'Topic:orders.order-created.search.order-indexer.dlq:Write',
      ]),
    );
    expect(topics(search).map((t) => t.name)).toContain('orders.order-created.search.order-indexer.dlq');
    expect(topics(orders).map((t) => t.name)).not.toContain('orders.order-created.search.order-indexer.dlq');
  });
});

describe('backends', () => {
  const withBackend = (backend: EnvironmentInput['backend']): EnvironmentInput => ({ ...PROD, backend });

  it.each([
    [
      { type: 's3', bucket: 'acme-tf', region: 'eu-west-1', dynamodbTable: 'tf-locks' },
      { s3: { bucket: 'acme-tf', key: 'topicform/prod-orders.tfstate', region: 'eu-west-1', dynamodb_table: 'tf-locks', encrypt: true, use_lockfile: true } },
    ],
    [
      { type: 's3', bucket: 'acme-tf', region: 'eu-west-1' },
      { s3: { bucket: 'acme-tf', key: 'topicform/prod-orders.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true } },
    ],
    [
      { type: 's3', bucket: 'acme-tf', region: 'eu-west-1', useLockfile: false, dynamodbTable: 'tf-locks' },
      { s3: { bucket: 'acme-tf', key: 'topicform/prod-orders.tfstate', region: 'eu-west-1', dynamodb_table: 'tf-locks', encrypt: true, use_lockfile: false } },
    ],
    [{ type: 'gcs', bucket: 'acme-tf', prefix: 'kafka/{stack}' }, { gcs: { bucket: 'acme-tf', prefix: 'kafka/prod-orders' } }],
    [
      { type: 'azurerm', resourceGroupName: 'rg', storageAccountName: 'acmetf', containerName: 'tfstate' },
      { azurerm: { resource_group_name: 'rg', storage_account_name: 'acmetf', container_name: 'tfstate', key: 'topicform/prod-orders.tfstate' } },
    ],
    [{ type: 'http', address: 'https://state.example.com/{stack}' }, { http: { address: 'https://state.example.com/prod-orders' } }],
    [{ type: 'remote', organization: 'acme', workspace: 'kafka-{stack}' }, { remote: { organization: 'acme', workspaces: { name: 'kafka-prod-orders' } } }],
  ] as const)('renders a %j backend per stack', (backend, expected) => {
    const out = synthOk([withBackend(backend)]);
    expect(stackJson(out, 'prod-orders').terraform.backend).toEqual(expected);
  });

  it('states Terraform >= 1.11 where the stack needs it (an S3 lock file, ephemeral credential variables), nowhere else', () => {
    const out = synthOk([
      { ...STAGING, name: 'locked', backend: { type: 's3', bucket: 'b', region: 'r' } },
      { ...STAGING, name: 'dynamo', backend: { type: 's3', bucket: 'b', region: 'r', useLockfile: false, dynamodbTable: 't' } },
      { ...STAGING, name: 'variables', auth: { mechanism: 'scram-sha512', secrets: 'variables' } },
      { ...STAGING, name: 'plain', backend: { type: 'gcs', bucket: 'b' } },
    ]);
    expect(['locked', 'dynamo', 'variables', 'plain'].map((s) => [s, stackJson(out, s).terraform.required_version])).toEqual([
      ['locked', '>= 1.11'],
      ['dynamo', undefined],
      ['variables', '>= 1.11'],
      ['plain', undefined],
    ]);
  });

  it('fails when a backend declaration carries a field it does not know (no place to type a secret)', () => {
    const result = synthesize(
      appWith([withBackend({ type: 's3', bucket: 'b', region: 'r', secretKey: 'x' } as unknown as EnvironmentInput['backend'])]),
      outDir(),
    );
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/ › prod › backend\.secretKey: unknown field "secretKey" \[prod\]/);
  });
});

describe('secrets', () => {
  it('never writes a value from the environment into cdktf.out', () => {
    const planted = {
      KAFKA_SASL_USERNAME: 'planted-user-7d1f',
      KAFKA_SASL_PASSWORD: 'planted-password-9c2e',
      TF_VAR_kafka_sasl_password: 'planted-tfvar-3b8a',
      AWS_SECRET_ACCESS_KEY: 'planted-aws-5e6f',
      TF_VAR_kafka_bootstrap_servers: '["planted-broker:9092"]',
    };
    const saved = { ...process.env };
    Object.assign(process.env, planted);
    try {
      const out = synthOk([...repoEnvironments, { ...STAGING, name: 'qa', auth: { mechanism: 'scram-sha256', secrets: 'variables' } }]);
      for (const [file, content] of Object.entries(readTree(out))) {
        for (const value of Object.values(planted)) expect(content, file).not.toContain(value.replace(/[["\]]/g, '').split(':')[0]);
      }
    } finally {
      process.env = saved;
    }
  });

  it("wires secrets to sensitive Terraform variables with secrets: 'variables'", () => {
    const out = synthOk([{ ...STAGING, auth: { mechanism: 'scram-sha512', secrets: 'variables' } }]);
    const json = stackJson(out, 'staging');
    expect(json.variable?.kafka_sasl_password?.sensitive).toBe(true);
    expect(json.provider.kafka[0]).toMatchObject({ sasl_username: '${var.kafka_sasl_username}', sasl_password: '${var.kafka_sasl_password}' });
  });

  it('makes credential variables ephemeral, so a saved plan and the state never hold them', () => {
    const out = synthOk([{ ...STAGING, auth: { mechanism: 'mtls', secrets: 'variables' } }]);
    const variables = stackJson(out, 'staging').variable ?? {};
    expect(Object.keys(variables).sort()).toEqual(['kafka_bootstrap_servers', 'kafka_client_cert', 'kafka_client_key']);
    expect(variables.kafka_client_key).toMatchObject({ ephemeral: true, sensitive: true });
    expect(variables.kafka_client_cert).toMatchObject({ ephemeral: true });
    // Bootstrap servers are not a secret, and terraform records them with the plan.
    expect(variables.kafka_bootstrap_servers?.ephemeral).toBeUndefined();
  });
});

describe('isolation between stacks', () => {
  const billing: DomainDeclarer = (scope) => {
    const domain = new Domain(scope, 'billing', { owner: '@acme/billing-team', description: 'Invoices', recoveryProcedure: 'docs/runbooks/billing.md' });
    domain
      .addEventTopic('invoice-issued', {
        eventTypes: ['InvoiceIssued'],
        key: { field: 'invoiceId', aggregate: 'invoice', reason: 'per-invoice ordering of lifecycle events', cardinality: 1_000_000 },
        partitions: 6,
        replay: Replay.window('14d'),
        contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only' },
      })
      .grantProduce(KafkaPrincipal.user('billing-service'), { service: 'billing-service' });
    return domain;
  };

  it('adding a domain to one environment changes no other stack file', () => {
    const envs = repoEnvironments.map((e) => ({ ...e, domains: ['orders', 'search'] }));
    const before = readTree(synthOk(envs, { ...repoDomains, billing }));
    const after = readTree(
      synthOk(
        envs.map((e) => (e.name === 'prod' ? { ...e, domains: ['billing', 'orders', 'search'] } : e)),
        { ...repoDomains, billing },
      ),
    );
    // The stacks are what terraform reads; docs, client configs and portal files (cdktf.out/docs, clients, portal)
    // describe the whole environment and change with it by design.
    const changed = Object.keys(after).filter((f) => before[f] !== after[f] && !f.startsWith('docs/') && !f.startsWith('clients/') && !f.startsWith('portal/'));
    expect(changed.sort()).toEqual(['manifest.json', 'stacks/prod-billing/cdk.tf.json', 'stacks/prod-billing/topology.json']);
  });
});

describe('moving resources between stacks', () => {
  it('imports moved resources in their new stack and forgets them (destroy = false) in the old one', () => {
    const out = synthOk([{ ...PROD, layout: 'domain', moves: [{ domains: ['orders', 'search'], from: 'prod' }] }]);
    expect(stackNames(out)).toEqual(['prod', 'prod-orders', 'prod-search']);
    const old = stackJson(out, 'prod');
    expect(old.resource).toBeUndefined();
    const orders = stackJson(out, 'prod-orders');
    const ordersAddresses = [
      ...Object.keys(orders.resource?.kafka_topic ?? {}).map((a) => `kafka_topic.${a}`),
      ...Object.keys(orders.resource?.kafka_acl ?? {}).map((a) => `kafka_acl.${a}`),
    ].sort();
    expect((orders.import ?? []).map((i) => i.to).sort()).toEqual(ordersAddresses);
    const forgotten = (old.removed ?? []).map((r) => r.from);
    expect(forgotten).toEqual(expect.arrayContaining(ordersAddresses));
    expect((old.removed ?? []).every((r) => r.lifecycle.destroy === false)).toBe(true);
  });

  it('fails when a move names the stack the domain is still in', () => {
    const result = synthesize(appWith([{ ...PROD, layout: 'domain', moves: [{ domains: ['orders'], from: 'prod-orders' }] }]), outDir());
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/ › prod › moves\[0\]\.from: domain "orders" is still in stack "prod-orders"/);
  });
});

describe('subset synth', () => {
  it('rewrites only the selected stacks and keeps the other manifest entries', () => {
    const out = outDir();
    expect(synthesize(appWith(repoEnvironments), out).ok).toBe(true);
    const before = readTree(out);
    const result = synthesize(appWith(repoEnvironments), out, { environments: ['prod'], domains: ['orders'] });
    expect(result.stacks).toEqual(['prod-orders']);
    expect(readTree(out)).toEqual(before);
  });

  it('fails when no stack matches', () => {
    const result = synthesize(appWith(repoEnvironments), outDir(), { environments: ['qa'] });
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/unknown environment "qa"; the app has /);
  });
});

void DEV;
