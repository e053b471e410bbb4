// Runs the real terraform binary against the Kafka provider test double (test/double/README.md), offline, in a
// temporary copy of a stack. Shared by `npm run e2e` (scripts/e2e.ts) and the tests, so it lives in scripts/: tooling
// imports nothing from test/ (eslint.config.mjs), while tests may import tooling.
//
// Terraform never runs inside the original stack directory: `terraform init` would write a lock file there holding
// the double's checksum, and a lock file with the real provider's checksums makes init against the double fail.
// The default route is a filesystem mirror (what `terraform init` installs from when the registry is out of reach);
// the reattach route starts one long-lived double per workspace and hands it to every command through
// TF_REATTACH_PROVIDERS, which is 5-8x faster because terraform then starts no provider processes.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { completeCluster } from './cluster-file';
import type { ClusterFile, ClusterSeed } from './cluster-file';

export const PROVIDER_ADDRESS = 'registry.terraform.io/mongey/kafka';
export const PROVIDER_VERSION = '0.13.1';
/**
 * The hashicorp/aws subset a stack with MSK IAM policies needs (provider-schema/hashicorp-aws.NOTES.md): the same double
 * serves it with `--provider=aws`, its account kept in AWS_DOUBLE_STATE. The version satisfies the stacks' `~> 6.0`.
 */
export const AWS_PROVIDER_ADDRESS = 'registry.terraform.io/hashicorp/aws';
export const AWS_PROVIDER_VERSION = '6.0.0';

/** The confluentinc/confluent subset platform confluent-cloud renders, served by the same double with `--provider=confluent`. */
export const CONFLUENT_PROVIDER_ADDRESS = 'registry.terraform.io/confluentinc/confluent';
// The version of the provider's examples the vendored schema was written from (provider-schema/confluentinc-confluent.NOTES.md).
export const CONFLUENT_PROVIDER_VERSION = '2.83.0';

/**
 * The providers the double serves: terraform address, version, the launcher's file name and the double's flag. The
 * Kafka double always runs; the others only for a stack that requires them.
 */
const DOUBLES = [
  { address: PROVIDER_ADDRESS, version: PROVIDER_VERSION, type: 'kafka', flag: [] as string[] },
  { address: AWS_PROVIDER_ADDRESS, version: AWS_PROVIDER_VERSION, type: 'aws', flag: ['--provider=aws'] },
  { address: CONFLUENT_PROVIDER_ADDRESS, version: CONFLUENT_PROVIDER_VERSION, type: 'confluent', flag: ['--provider=confluent'] },
] as const;

/** What the AWS double's account holds before terraform runs (test/double/aws/account.cjs): the IAM roles that exist. */
export interface AwsAccountSeed {
  readonly account_id?: string;
  /** Role names, or name → `{ path }`. */
  readonly roles?: readonly string[] | Readonly<Record<string, { readonly path: string }>>;
}
const REPO_ROOT = path.resolve(__dirname, '../..');
export const DOUBLE_SERVER = path.join(REPO_ROOT, 'test/double/server.cjs');
/** Write-only attributes (kafka_user_scram_credential.password_wo) need terraform 1.11. */
const MINIMUM_TERRAFORM = [1, 11] as const;

// ---------------------------------------------------------------------------------------------------------------
// Is terraform here?

export interface Availability {
  ok: boolean;
  /** Why the terraform tests cannot run here, or the version that runs them. */
  reason: string;
  version?: string;
}

let availability: Availability | undefined;

/** Whether terraform (>= 1.11) is on PATH and the platform can run the double's POSIX launcher. Cached. */
export function terraformAvailable(): Availability {
  availability ??= probeTerraform();
  return availability;
}

function probeTerraform(): Availability {
  if (process.platform === 'win32') {
    return { ok: false, reason: 'the provider double is started through a #!/bin/sh launcher, which Windows cannot run' };
  }
  const probe = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: terraformBaseEnv(), timeout: 30_000 });
  if (probe.error) return { ok: false, reason: `terraform is not on PATH (${probe.error.message})` };
  if (probe.status !== 0) return { ok: false, reason: `\`terraform version\` exited with ${String(probe.status)}: ${probe.stderr.trim()}` };
  let version: string;
  try {
    version = (JSON.parse(probe.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    return { ok: false, reason: `cannot read \`terraform version -json\`: ${probe.stdout.slice(0, 200)}` };
  }
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < MINIMUM_TERRAFORM[0] || (major === MINIMUM_TERRAFORM[0] && minor < MINIMUM_TERRAFORM[1])) {
    return { ok: false, reason: `terraform ${version} is too old: the double needs >= ${MINIMUM_TERRAFORM.join('.')} (write-only attributes)`, version };
  }
  return { ok: true, reason: `terraform ${version}`, version };
}

// ---------------------------------------------------------------------------------------------------------------
// Results and errors

export interface CommandResult {
  /** terraform's arguments, e.g. ['plan', '-no-color', '-out=tfplan'] */
  args: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export class TerraformCommandError extends Error {
  constructor(
    readonly result: CommandResult,
    readonly dir: string,
  ) {
    super(
      `terraform ${result.args.join(' ')} exited with ${result.exitCode} (in ${dir})\n` +
        `--- stdout ---\n${result.stdout.trimEnd()}\n--- stderr ---\n${result.stderr.trimEnd()}`,
    );
    this.name = 'TerraformCommandError';
  }
}

/** The parts of `terraform show -json <planfile>` the tests read. */
export interface ResourceChange {
  address: string;
  type: string;
  name: string;
  change: {
    actions: string[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    after_unknown?: Record<string, unknown>;
    replace_paths?: unknown[][];
    importing?: { id?: string };
  };
  action_reason?: string;
}

export interface PlanJson {
  format_version: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, { actions: string[]; after?: unknown }>;
  planned_values?: unknown;
  errored?: boolean;
}

/** The resource change at `address`; throws listing the addresses there are when it is missing. */
export function changeAt(plan: PlanJson, address: string): ResourceChange {
  const found = plan.resource_changes?.find((change) => change.address === address);
  if (!found) {
    const there = (plan.resource_changes ?? []).map((change) => change.address).join(', ');
    throw new Error(`no resource change for ${address} in the plan (there are: ${there || 'none'})`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Workspaces

export type Route = 'mirror' | 'reattach';

export interface WorkspaceOptions {
  /** A directory holding cdk.tf.json (e.g. cdktf.out/stacks/dev); it is copied, never changed. */
  stackDir?: string;
  /** Or the stack's Terraform JSON itself. */
  json?: unknown;
  /** What the double's cluster holds before terraform runs; empty by default. */
  cluster?: ClusterSeed;
  /** 'mirror' (default): terraform installs and starts the double itself. 'reattach': one double serves all. */
  route?: Route;
  /** Terraform input variables, passed as TF_VAR_<name> (non-strings as JSON). */
  vars?: Record<string, unknown>;
  /** The AWS double's account (IAM roles that exist), for stacks with MSK IAM policies; empty by default. */
  awsAccount?: AwsAccountSeed;
  /**
   * Extra environment of terraform (and so of the doubles), e.g. AWS_REGION and made-up AWS credentials the AWS
   * double checks for; `undefined` removes a variable.
   */
  env?: Record<string, string | undefined>;
  /** Keep the temporary directory after dispose() (its path is printed) for a look at what happened. */
  keep?: boolean;
}

export interface PlanOptions {
  /** Write the plan to this file (relative to the workspace); default 'tfplan'. null: no -out. */
  out?: string | null;
  /** -detailed-exitcode: exit 2 means "changes", which is then not an error. */
  detailedExitcode?: boolean;
  /** Return a failed command instead of throwing. */
  allowFailure?: boolean;
  args?: string[];
}

export interface TerraformWorkspace {
  readonly dir: string;
  readonly route: Route;
  readonly clusterFile: string;
  /** The AWS double's account file (AWS_DOUBLE_STATE). */
  readonly awsAccountFile: string;
  /** The Confluent double's cloud (test/double/resources/confluent-provider.cjs); absent until it writes one. */
  readonly confluentFile: string;
  readonly stateFile: string;
  /** Every command run so far, in order, with its duration. */
  readonly history: readonly CommandResult[];
  /** Runs `terraform <args>`; throws TerraformCommandError unless the exit code is in allowedExitCodes (default [0]). */
  run(args: string[], options?: { allowedExitCodes?: number[] }): Promise<CommandResult>;
  init(): Promise<CommandResult>;
  validate(options?: { allowFailure?: boolean }): Promise<CommandResult>;
  plan(options?: PlanOptions): Promise<CommandResult>;
  /** `terraform show -json <planfile>`, parsed. */
  showJson(planfile?: string): Promise<PlanJson>;
  /** Applies a saved plan, or runs `apply -auto-approve` without one. */
  apply(planfile?: string, options?: { allowFailure?: boolean }): Promise<CommandResult>;
  /** `terraform import <address> <id>`. */
  importResource(address: string, id: string, options?: { allowFailure?: boolean }): Promise<CommandResult>;
  /** `terraform providers schema -json`, parsed. */
  providersSchema(): Promise<unknown>;
  /** The stack JSON in the workspace (cdk.tf.json). */
  readStack(): Record<string, unknown>;
  /** Replaces the workspace's cdk.tf.json, e.g. to plan a change. */
  writeStack(json: unknown): void;
  readCluster(): ClusterFile;
  writeCluster(cluster: ClusterSeed): void;
  /** The raw text of terraform's state file ('' before the first apply). */
  readStateText(): string;
  /** Replaces terraform's state file, e.g. with one an older provider version wrote. */
  writeStateText(text: string): void;
  dispose(): Promise<void>;
}

const STACK_FILE = 'cdk.tf.json';

/** Sets up a temporary workspace for a stack. Call init() next, and dispose() when done. */
export async function createTerraformWorkspace(options: WorkspaceOptions): Promise<TerraformWorkspace> {
  if ((options.stackDir === undefined) === (options.json === undefined)) {
    throw new Error('createTerraformWorkspace needs exactly one of stackDir and json');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-tf-'));
  const route = options.route ?? 'mirror';
  const clusterFile = path.join(dir, 'kafka-cluster.json');
  const awsAccountFile = path.join(dir, 'aws-account.json');
  const confluentFile = path.join(dir, 'confluent-cloud.json');
  const stateFile = path.join(dir, 'terraform.tfstate');
  const cliConfig = path.join(dir, 'cli.tfrc');
  const history: CommandResult[] = [];

  const servers: ChildProcess[] = [];
  let backendArgs: string[];
  const env: NodeJS.ProcessEnv = {
    ...terraformBaseEnv(),
    TF_CLI_CONFIG_FILE: cliConfig,
    KAFKA_DOUBLE_STATE: clusterFile,
    AWS_DOUBLE_STATE: awsAccountFile,
    CONFLUENT_DOUBLE_STATE: confluentFile,
    // The double puts its unix socket in os.tmpdir(): keep it inside the workspace, so nothing is left behind.
    TMPDIR: dir,
    ...variablesEnv(options.vars ?? {}),
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  try {
    copyStack(options, dir);
    backendArgs = prepareBackend(dir, stateFile);
    fs.writeFileSync(clusterFile, JSON.stringify(completeCluster(options.cluster), null, 2) + '\n');
    fs.writeFileSync(awsAccountFile, JSON.stringify(awsAccount(options.awsAccount), null, 2) + '\n');
    writeMirror(path.join(dir, 'mirror'));
    fs.writeFileSync(cliConfig, cliConfigText(path.join(dir, 'mirror')));
    if (route === 'reattach') {
      // One double per provider the stack requires (a go-plugin process serves one provider); their entries merge.
      const reattach: Record<string, unknown> = {};
      for (const double of DOUBLES.filter((d) => d.type === 'kafka' || requiresProvider(dir, d.address))) {
        const started = await startReattachServer(env, double.flag);
        servers.push(started.child);
        Object.assign(reattach, JSON.parse(started.reattach) as Record<string, unknown>);
      }
      env.TF_REATTACH_PROVIDERS = JSON.stringify(reattach);
    }
  } catch (error) {
    await Promise.all(servers.map(stopServer));
    fs.rmSync(dir, { recursive: true, force: true }); // a workspace that never started leaves nothing behind
    throw error;
  }

  const run = async (args: string[], runOptions: { allowedExitCodes?: number[] } = {}): Promise<CommandResult> => {
    const result = await runTerraform(args, dir, env);
    history.push(result);
    if (!(runOptions.allowedExitCodes ?? [0]).includes(result.exitCode)) throw new TerraformCommandError(result, dir);
    return result;
  };
  const allowing = (allowFailure: boolean | undefined, ...codes: number[]) => ({ allowedExitCodes: allowFailure ? [...codes, 1] : codes });

  return {
    dir,
    route,
    clusterFile,
    awsAccountFile,
    confluentFile,
    stateFile,
    history,
    run,
    init: () => run(['init', '-no-color', '-input=false', ...backendArgs]),
    validate: (validateOptions = {}) => run(['validate', '-no-color'], allowing(validateOptions.allowFailure, 0)),
    plan: (planOptions = {}) => {
      const out = planOptions.out === undefined ? 'tfplan' : planOptions.out;
      const args = ['plan', '-no-color', '-input=false', ...(out === null ? [] : [`-out=${out}`])];
      if (planOptions.detailedExitcode) args.push('-detailed-exitcode');
      args.push(...(planOptions.args ?? []));
      return run(args, allowing(planOptions.allowFailure, ...(planOptions.detailedExitcode ? [0, 2] : [0])));
    },
    showJson: async (planfile = 'tfplan') => {
      const result = await run(['show', '-no-color', '-json', planfile]);
      return JSON.parse(result.stdout) as PlanJson;
    },
    apply: (planfile, applyOptions = {}) =>
      run(['apply', '-no-color', '-input=false', ...(planfile === undefined ? ['-auto-approve'] : [planfile])], allowing(applyOptions.allowFailure, 0)),
    importResource: (address, id, importOptions = {}) => run(['import', '-no-color', '-input=false', address, id], allowing(importOptions.allowFailure, 0)),
    providersSchema: async () => JSON.parse((await run(['providers', 'schema', '-json'])).stdout) as unknown,
    readStack: () => JSON.parse(fs.readFileSync(path.join(dir, STACK_FILE), 'utf8')) as Record<string, unknown>,
    writeStack: (json) => fs.writeFileSync(path.join(dir, STACK_FILE), JSON.stringify(json, null, 2) + '\n'),
    readCluster: () => completeCluster(JSON.parse(fs.readFileSync(clusterFile, 'utf8')) as ClusterSeed),
    writeCluster: (cluster) => fs.writeFileSync(clusterFile, JSON.stringify(completeCluster(cluster), null, 2) + '\n'),
    readStateText: () => (fs.existsSync(stateFile) ? fs.readFileSync(stateFile, 'utf8') : ''),
    writeStateText: (text) => fs.writeFileSync(stateFile, text),
    dispose: async () => {
      await Promise.all(servers.map(stopServer));
      if (options.keep) {
        process.stderr.write(`terraform workspace kept at ${dir}\n`);
      } else {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The full cycle scripts/e2e.ts runs

export type LifecycleStep = 'init' | 'validate' | 'plan' | 'show' | 'apply' | 're-plan';

export interface LifecycleResult {
  plan: PlanJson;
  /** true when the plan after apply still shows changes (it must not) */
  replanHasChanges: boolean;
}

/**
 * init, validate, plan -out, show -json, apply, then plan -detailed-exitcode, which must show no changes.
 * Throws TerraformCommandError when a step fails; onStep sees each command's result as it completes.
 */
export async function runLifecycle(
  workspace: TerraformWorkspace,
  onStep: (step: LifecycleStep, result: CommandResult) => void = () => {},
): Promise<LifecycleResult> {
  onStep('init', await workspace.init());
  onStep('validate', await workspace.validate());
  onStep('plan', await workspace.plan({ out: 'tfplan' }));
  const plan = await workspace.showJson('tfplan');
  onStep('show', workspace.history[workspace.history.length - 1] as CommandResult);
  onStep('apply', await workspace.apply('tfplan'));
  const replan = await workspace.plan({ out: null, detailedExitcode: true });
  onStep('re-plan', replan);
  return { plan, replanHasChanges: replan.exitCode === 2 };
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up details

/** The host environment minus TF_* settings that would change what terraform does (plugin cache, data dir, ...). */
function terraformBaseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TF_') || key.startsWith('TF_LOG')) env[key] = value;
  }
  return { ...env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
}

function variablesEnv(vars: Record<string, unknown>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [`TF_VAR_${name}`, typeof value === 'string' ? value : JSON.stringify(value)]));
}

function copyStack(options: WorkspaceOptions, dir: string): void {
  if (options.json !== undefined) {
    fs.writeFileSync(path.join(dir, STACK_FILE), JSON.stringify(options.json, null, 2) + '\n');
    return;
  }
  const source = path.resolve(options.stackDir as string);
  if (!fs.existsSync(path.join(source, STACK_FILE))) throw new Error(`${source} has no ${STACK_FILE}`);
  // Terraform's own files from an earlier run in the source (lock file, state, .terraform) must not come along.
  const skip = new Set(['.terraform', '.terraform.lock.hcl', 'tfplan']);
  fs.cpSync(source, dir, {
    recursive: true,
    filter: (file) => {
      const base = path.basename(file);
      return file === source || (!skip.has(base) && !/\.tfstate(\.|$)/.test(base));
    },
  });
}

/**
 * cdktf writes a local backend with an absolute path into the synthesized JSON; -backend-config overrides it so
 * state lands in the workspace. Any other backend (s3, remote, cloud) is swapped for a local one in the copy: the
 * double's plan must not touch real state.
 */
function prepareBackend(dir: string, stateFile: string): string[] {
  const file = path.join(dir, STACK_FILE);
  const stack = JSON.parse(fs.readFileSync(file, 'utf8')) as { terraform?: { backend?: Record<string, unknown>; cloud?: unknown } };
  const backend = stack.terraform?.backend;
  if (!stack.terraform || (!backend && !stack.terraform.cloud)) return [];
  if (backend && Object.keys(backend).length === 1 && 'local' in backend) return [`-backend-config=path=${stateFile}`];
  delete stack.terraform.cloud;
  stack.terraform.backend = { local: { path: stateFile } };
  fs.writeFileSync(file, JSON.stringify(stack, null, 2) + '\n');
  return [];
}

function goPlatform(): string {
  const goos = process.platform === 'win32' ? 'windows' : process.platform;
  const goarch = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${goos}_${goarch}`;
}

/**
 * <mirror>/registry.terraform.io/mongey/kafka/0.13.1/<os>_<arch>/terraform-provider-kafka_v0.13.1, and the same for
 * hashicorp/aws (whose launcher passes --provider=aws).
 */
function writeMirror(mirror: string): void {
  for (const double of DOUBLES) {
    const packageDir = path.join(mirror, double.address, double.version, goPlatform());
    fs.mkdirSync(packageDir, { recursive: true });
    const launcher = path.join(packageDir, `terraform-provider-${double.type}_v${double.version}`);
    const flags = double.flag.map((f) => ` ${shellQuote(f)}`).join('');
    // `exec`, and nothing printed before it: stdout must carry only the go-plugin handshake line.
    fs.writeFileSync(launcher, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(DOUBLE_SERVER)}${flags} "$@"\n`, { mode: 0o755 });
  }
}

/** Whether the workspace's stack requires a provider (by its source in terraform.required_providers). */
function requiresProvider(dir: string, address: string): boolean {
  const stack = JSON.parse(fs.readFileSync(path.join(dir, STACK_FILE), 'utf8')) as { terraform?: { required_providers?: Record<string, { source?: string }> } };
  return Object.values(stack.terraform?.required_providers ?? {}).some((p) => p.source !== undefined && address.endsWith(`/${p.source}`));
}

/** The account file's content from a seed. */
function awsAccount(seed: AwsAccountSeed | undefined): unknown {
  const roles = seed?.roles ?? [];
  return {
    ...(seed?.account_id === undefined ? {} : { account_id: seed.account_id }),
    roles: Array.isArray(roles) ? Object.fromEntries((roles as readonly string[]).map((r) => [r, { path: '/' }])) : roles,
    policies: {},
    attachments: [],
  };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function cliConfigText(mirror: string): string {
  const addresses = DOUBLES.map((d) => JSON.stringify(d.address)).join(', ');
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = [${addresses}]`,
    '  }',
    '  direct {',
    `    exclude = [${addresses}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function runTerraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        args,
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (signal ? `\n(terraform was killed by ${signal})` : ''),
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}

/** Starts `server.cjs --reattach` and reads the TF_REATTACH_PROVIDERS value it prints. */
function startReattachServer(env: NodeJS.ProcessEnv, flags: readonly string[] = []): Promise<{ child: ChildProcess; reattach: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOUBLE_SERVER, '--reattach', ...flags], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error('the provider double did not print TF_REATTACH_PROVIDERS within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- double's stderr ---\n${stderr}`));
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`the provider double exited with ${String(code)} before it was ready`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = /^TF_REATTACH_PROVIDERS='(.*)'\n/.exec(stdout);
      if (!line?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // Neither the server nor its pipes may keep a test process alive; the double exits when its parent does.
      child.unref();
      child.stdout?.destroy();
      (child.stderr as Socket | null)?.unref();
      resolve({ child, reattach: line[1] });
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
