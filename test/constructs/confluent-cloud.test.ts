/**
 * Platform confluent-cloud: the same declarations rendered with the confluentinc/confluent provider
 * (docs/confluent-cloud.md) — topics, the grants as ACLs or role bindings in the name of service accounts, created
 * service accounts by option — and nothing that synth cannot know (cluster id, endpoint, keys).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guard } from '../../guard/guard';
import { schemaProblems } from '../helpers/provider-schema';
import { aclSet, synthStack } from '../helpers/synth';
import { topologySchema } from '../../model/topology-schema';
import { shop } from '../model/msk-iam/fixture';
import { CONFLUENT, SERVICE_ACCOUNTS, withConfluent } from '../model/confluent/fixture';
import { KafkaStack } from '../../constructs';
import { Testing } from '../../constructs/cdktf';
import type { EnvironmentInput } from '../../model/schema';
import { synthShop, stackFolder } from '../helpers/shop';

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;
const resources = (json: unknown, type: string): Array<Record<string, unknown>> => Object.values((json as Json).resource?.[type] ?? {});

/** `TOPIC:shop.order-created:READ` lines of one Confluent principal, sorted, in the provider's spelling. */
const confluentAclSet = (json: unknown, principal: string): string[] =>
  resources(json, 'confluent_kafka_acl')
    .filter((a) => a.principal === principal)
    .map(
      (a) => `${String(a.resource_type)}:${String(a.resource_name)}:${String(a.operation)}${a.pattern_type === 'LITERAL' ? '' : `:${String(a.pattern_type)}`}`,
    )
    .sort();

const upper = (line: string): string => {
  const [type = '', name = '', operation = '', pattern] = line.split(':');
  const snake = (s: string): string => s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return [snake(type), name, snake(operation), ...(pattern === undefined ? [] : [pattern.toUpperCase()])].join(':');
};

describe('platform confluent-cloud, access acls (the default)', () => {
  const { json, topology, stack } = synthStack((s) => shop(s), CONFLUENT);

  it('uses only the Confluent provider, with an empty block: the cluster id, endpoint and keys come from its environment', () => {
    expect((json as unknown as { provider: unknown }).provider).toEqual({ confluent: [{}] });
    expect((json as unknown as { terraform: { required_providers: unknown } }).terraform.required_providers).toEqual({
      confluent: { source: 'confluentinc/confluent', version: '~> 2.0' },
    });
    expect(Object.keys((json as unknown as Json).resource ?? {}).sort()).toEqual(['confluent_kafka_acl', 'confluent_kafka_topic']);
    expect(stack.cluster.requiredEnvironment).toEqual([
      'KAFKA_ID',
      'KAFKA_REST_ENDPOINT',
      'KAFKA_API_KEY',
      'KAFKA_API_SECRET',
      'CONFLUENT_CLOUD_API_KEY',
      'CONFLUENT_CLOUD_API_SECRET',
    ]);
    expect(stack.cluster.requiredVariables).toEqual([]);
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('renders each topic with its partitions and configs, no replication factor and no credentials block', () => {
    const topic = resources(json, 'confluent_kafka_topic').find((t) => t.topic_name === 'shop.order-created');
    const declared = topology.topics.find((t) => t.name === 'shop.order-created');
    expect(topic).toMatchObject({ topic_name: 'shop.order-created', partitions_count: declared?.partitions.value, config: declared?.config });
    for (const t of resources(json, 'confluent_kafka_topic')) {
      expect(Object.keys(t).filter((k) => !['//', 'topic_name', 'partitions_count', 'config', 'lifecycle'].includes(k))).toEqual([]);
    }
  });

  it('grants every principal exactly the ACLs it gets on Apache Kafka, in the name of its service account', () => {
    const kafka = synthStack((s) => shop(s), { ...CONFLUENT, platform: 'apache-kafka', confluent: undefined }).json;
    for (const [principal, account] of Object.entries(SERVICE_ACCOUNTS)) {
      expect(confluentAclSet(json, `User:${account}`), principal).toEqual(aclSet(kafka, principal).map(upper));
      expect(confluentAclSet(json, `User:${account}`).length, principal).toBeGreaterThan(0);
    }
    expect(resources(json, 'confluent_kafka_acl').every((a) => a.host === '*' && a.permission === 'ALLOW')).toBe(true);
  });

  it('keeps the grants in topology.json in the Kafka-ACL model and records the service accounts', () => {
    expect(topology.acls.length).toBe(resources(json, 'confluent_kafka_acl').length);
    expect(topology.confluentCloud).toEqual({
      access: 'acls',
      secrets: 'environment',
      serviceAccounts: Object.entries(SERVICE_ACCOUNTS).map(([principal, id]) => ({ principal, id, domain: 'shop' })),
    });
    expect(topologySchema.safeParse(JSON.parse(JSON.stringify(topology))).success).toBe(true);
  });

  it('gives byte-identical output whatever the declaration order', () => {
    const reversed = synthStack((s) => shop(s, true), CONFLUENT).json;
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(json));
  });
});

describe('platform confluent-cloud, other options', () => {
  it('takes every setting from ephemeral variables with confluent.secrets: variables, the keys sensitive', () => {
    const { json, stack } = synthStack((s) => shop(s), withConfluent({ secrets: 'variables' }));
    const root = json as unknown as {
      provider: { confluent: Array<Record<string, unknown>> };
      variable: Record<string, Record<string, unknown>>;
      terraform: Record<string, unknown>;
    };
    expect(root.provider.confluent[0]).toEqual({
      cloud_api_key: '${var.confluent_cloud_api_key}',
      cloud_api_secret: '${var.confluent_cloud_api_secret}',
      kafka_api_key: '${var.confluent_kafka_api_key}',
      kafka_api_secret: '${var.confluent_kafka_api_secret}',
      kafka_id: '${var.confluent_kafka_id}',
      kafka_rest_endpoint: '${var.confluent_kafka_rest_endpoint}',
    });
    expect(root.variable.confluent_kafka_api_secret).toMatchObject({ sensitive: true, ephemeral: true, nullable: false });
    expect(root.variable.confluent_kafka_id).toMatchObject({ sensitive: false, nullable: false });
    expect(root.variable.confluent_kafka_id?.ephemeral).toBeUndefined();
    expect(root.terraform.required_version).toBe('>= 1.11');
    expect(stack.cluster.requiredEnvironment).toEqual([]);
    expect(stack.cluster.requiredVariables).toEqual([
      'confluent_cloud_api_key',
      'confluent_cloud_api_secret',
      'confluent_kafka_api_key',
      'confluent_kafka_api_secret',
      'confluent_kafka_id',
      'confluent_kafka_rest_endpoint',
    ]);
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('creates a service account for each principal without an id when asked, and names it by reference in the ACLs', () => {
    const env = withConfluent({ createServiceAccounts: true, serviceAccounts: { 'User:order-service': 'sa-order1' } });
    const { json, topology } = synthStack((s) => shop(s), env);
    const accounts = (json as unknown as Json).resource?.confluent_service_account ?? {};
    expect(
      Object.values(accounts)
        .map((a) => a.display_name)
        .sort(),
    ).toEqual(
      Object.keys(SERVICE_ACCOUNTS)
        .filter((p) => p !== 'User:order-service')
        .map((p) => p.slice('User:'.length))
        .sort(),
    );
    const [address] = Object.entries(accounts).find(([, a]) => a.display_name === 'payment-service') ?? [];
    expect(confluentAclSet(json, `User:\${confluent_service_account.${String(address)}.id}`)).toContain('GROUP:shop.payment:READ');
    expect(confluentAclSet(json, 'User:sa-order1')).toEqual(['TOPIC:shop.order-created:WRITE']);
    expect(topology.confluentCloud?.serviceAccounts.find((a) => a.principal === 'User:payment-service')).toEqual({
      principal: 'User:payment-service',
      id: null,
      domain: 'shop',
    });
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('renders role bindings on topic, group and transactional-id CRNs instead of ACLs with access role-bindings', () => {
    const { json, topology, stack } = synthStack((s) => shop(s), withConfluent({ access: 'role-bindings' }));
    expect(resources(json, 'confluent_kafka_acl')).toEqual([]);
    const bindings = resources(json, 'confluent_role_binding');
    const line = (b: Record<string, unknown>): string => `${String(b.principal)} ${String(b.role_name)} ${String(b.crn_pattern)}`;
    const crn = '${var.confluent_kafka_rbac_crn}/kafka=${var.confluent_kafka_id}';
    expect(bindings.map(line)).toEqual(
      expect.arrayContaining([
        `User:sa-pay1 DeveloperRead ${crn}/topic=shop.order-created`,
        `User:sa-pay1 DeveloperRead ${crn}/group=shop.payment`,
        `User:sa-pay1 DeveloperWrite ${crn}/topic=shop.order-created.payment.dlq`,
        `User:sa-order1 DeveloperWrite ${crn}/topic=shop.order-created`,
        `User:sa-ledger1 DeveloperWrite ${crn}/transactional-id=ledger-tx-*`,
      ]),
    );
    expect(bindings.length).toBe(topology.confluentCloud?.roleBindings?.length);
    // Every grant is rendered by exactly one binding.
    expect(topology.confluentCloud?.roleBindings?.flatMap((b) => b.aclIds).sort()).toEqual(topology.acls.map((a) => a.id).sort());
    expect(stack.cluster.requiredVariables).toEqual(['confluent_kafka_id', 'confluent_kafka_rbac_crn']);
    expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('never writes a key, a secret, a cluster id or an endpoint it finds in the environment during synth', () => {
    const planted = {
      KAFKA_ID: 'lkc-planted1',
      KAFKA_REST_ENDPOINT: 'https://pkc-planted.example:443',
      KAFKA_API_KEY: 'PLANTEDKEY',
      KAFKA_API_SECRET: 'planted-secret-value',
      CONFLUENT_CLOUD_API_KEY: 'PLANTEDCLOUD',
      CONFLUENT_CLOUD_API_SECRET: 'planted-cloud-secret',
    };
    const saved = Object.fromEntries(Object.keys(planted).map((k) => [k, process.env[k]]));
    Object.assign(process.env, planted);
    try {
      for (const env of [CONFLUENT, withConfluent({ secrets: 'variables', access: 'role-bindings', createServiceAccounts: true })]) {
        const text = JSON.stringify(synthStack((s) => shop(s), env).json);
        for (const value of Object.values(planted)) expect(text.includes(value), value).toBe(false);
      }
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('platform confluent-cloud: what may not be set', () => {
  const failure = (env: EnvironmentInput): string => {
    const app = Testing.app();
    const stack = new KafkaStack(app, env.name, { environment: env });
    shop(stack);
    try {
      Testing.synth(stack, true);
    } catch (error) {
      return String(error);
    }
    throw new Error('synth passed');
  };

  it('fails when a principal has no service account, naming it and who needs it', () => {
    const accounts = { ...SERVICE_ACCOUNTS };
    delete (accounts as Record<string, string>)['User:payment-service'];
    expect(failure({ ...CONFLUENT, confluent: { serviceAccounts: accounts } })).toMatch(
      /confluent\.serviceAccounts\["User:payment-service"\]: User:payment-service has no Confluent Cloud service account for its grants \(consumer group shop\.payment/,
    );
  });

  it('fails when auth, SCRAM credentials or another replication factor are set, and when confluent is set on apache-kafka', () => {
    expect(failure({ ...CONFLUENT, auth: { mechanism: 'scram-sha512' } })).toMatch(/auth: does not apply on platform 'confluent-cloud'/);
    expect(failure({ ...CONFLUENT, replicationFactor: 2, minInsyncReplicas: 1 })).toMatch(/replicationFactor: must be 3 on platform 'confluent-cloud', got 2/);
    expect(
      failure({
        ...CONFLUENT,
        scramCredentials: { mechanism: 'SCRAM-SHA-512', iterations: 8192, principals: { 'User:order-service': { passwordVersion: '1' } } },
      }),
    ).toMatch(/scramCredentials: does not apply on platform 'confluent-cloud'/);
    expect(failure({ ...CONFLUENT, platform: 'apache-kafka' })).toMatch(/confluent: applies only to platform 'confluent-cloud', got platform 'apache-kafka'/);
  });

  it('fails when service accounts are created in an environment split per domain', () => {
    expect(failure(withConfluent({ createServiceAccounts: true }, { layout: 'domain' }))).toMatch(
      /confluent\.createServiceAccounts: needs layout 'environment'/,
    );
  });
});

describe('topicform guard on Confluent Cloud stacks', () => {
  const guarded = (environment: EnvironmentInput, edit?: (json: Record<string, unknown>) => void): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-confluent-guard-'));
    try {
      const out = synthShop(join(dir, 'cdktf.out'), environment);
      const read = (file: string): string => readFileSync(join(stackFolder(out, environment), file), 'utf8');
      const json = JSON.parse(read('cdk.tf.json')) as Record<string, unknown>;
      edit?.(json);
      const stack = {
        stack: environment.name,
        directory: `out/stacks/${environment.name}`,
        entries: [
          { name: 'cdk.tf.json', kind: 'file' as const },
          { name: 'topology.json', kind: 'file' as const },
        ],
        terraform: JSON.stringify(json),
        topology: read('topology.json'),
      };
      return guard({ stacks: [stack] }).violations.map((v) => `${v.code} ${v.message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('accepts what synth writes in every mode: ACLs, role bindings, created accounts, variables', () => {
    expect(guarded(CONFLUENT)).toEqual([]);
    expect(guarded(withConfluent({ access: 'role-bindings', createServiceAccounts: true, secrets: 'variables' }))).toEqual([]);
  });

  it('refuses a literal API secret in the provider block, a credentials block, and any other expression', () => {
    const found = guarded(withConfluent({ access: 'role-bindings' }), (json) => {
      (json.provider as { confluent: Array<Record<string, unknown>> }).confluent[0] = { kafka_api_secret: 'literal-secret' };
      const resource = json.resource as Record<string, Record<string, Record<string, unknown>>>;
      const [topic] = Object.values(resource.confluent_kafka_topic ?? {});
      if (topic !== undefined) topic.credentials = [{ key: 'k', secret: 's' }];
      const [binding] = Object.values(resource.confluent_role_binding ?? {});
      if (binding !== undefined) binding.crn_pattern = '${file("/etc/passwd")}';
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^provider-connection-literal kafka_api_secret must be \$\{var\.confluent_kafka_api_secret\}/),
        expect.stringMatching(/^attribute-not-allowed confluent_kafka_topic attribute "credentials"/),
        expect.stringMatching(/^interpolation /),
      ]),
    );
  });
});
