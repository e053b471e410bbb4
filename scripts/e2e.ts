// npm run e2e [-- options] [dir...]: runs the real terraform (init, validate, plan, show, apply, re-plan) on a
// temporary copy of each synthesized stack, against the Kafka provider test double (test/double/README.md), and
// fails when a step fails or the re-plan after apply still shows changes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TerraformCommandError, createTerraformWorkspace, runLifecycle, terraformAvailable } from './terraform/workspace';
import type { CommandResult, LifecycleStep, PlanJson, Route } from './terraform/workspace';
import type { ClusterSeed } from './terraform/cluster-file';

const REPO_ROOT = path.resolve(__dirname, '..');
const SYNTH_DIR = path.join(REPO_ROOT, 'cdktf.out', 'stacks');
const EXAMPLE_STACK = path.join(REPO_ROOT, 'test', 'fixtures', 'stacks', 'two-topics');

const USAGE = `Usage: npm run e2e -- [options] [stack-dir...]

Runs terraform init, validate, plan, show -json, apply and a second plan on a temporary copy of each stack,
against a stand-in for the mongey/kafka provider (no Kafka cluster is involved, nothing real is changed).
Fails if a step fails or the second plan still shows changes.

Stacks: the directories given (each holding a cdk.tf.json), else every cdktf.out/stacks/*/ (run \`npm run synth\` first).

Options:
  --example            use the hand-written two-topic stack in test/fixtures/stacks/two-topics
  --cluster FILE       seed the stand-in cluster from FILE (JSON: topics, acls, quotas, scram_users; see
                       test/double/README.md), e.g. for stacks whose data sources expect existing topics
  --var NAME=VALUE     set a Terraform variable (repeatable); variables without a default and without --var get
                       a placeholder value, since the stand-in provider connects to nothing
  --reattach           serve all commands from one long-lived stand-in (faster) instead of letting terraform
                       install and start it from a filesystem mirror (the default, like a real provider)
  --keep               keep the temporary directories and print where they are
  -h, --help           show this help
`;

interface Options {
  stackDirs: string[];
  cluster?: ClusterSeed;
  vars: Record<string, string>;
  route: Route;
  keep: boolean;
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  console.log('NOTE: the plans below come from the real terraform running against a stand-in for the mongey/kafka');
  console.log('provider (test/double), not against a real Kafka cluster. They check that the synthesized Terraform is');
  console.log('valid, plans, applies and converges; they say nothing about what a real cluster holds.\n');

  const availability = terraformAvailable();
  if (!availability.ok) {
    console.error(`e2e cannot run: ${availability.reason}. Install terraform >= 1.11 and put it on PATH.`);
    return 1;
  }
  console.log(`Using ${availability.reason}; the stand-in is installed by ${options.route === 'mirror' ? 'a filesystem mirror' : 'reattach'}.\n`);

  const failures: string[] = [];
  for (const stackDir of options.stackDirs) {
    const failure = await runStack(stackDir, options);
    if (failure) failures.push(`${stackDir}: ${failure}`);
  }
  console.log(`\n== e2e: ${options.stackDirs.length - failures.length} of ${options.stackDirs.length} stack(s) passed`);
  for (const failure of failures) console.log(`FAILED ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

/** Runs the whole cycle on one stack; returns why it failed, or undefined. */
async function runStack(stackDir: string, options: Options): Promise<string | undefined> {
  const relative = path.relative(process.cwd(), stackDir);
  const name = relative === '' || relative.startsWith('..') ? stackDir : relative;
  console.log(`== ${name}`);
  const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as { variable?: Record<string, { default?: unknown; type?: string }> };
  const vars = { ...placeholderVariables(stack.variable ?? {}, options.vars), ...options.vars };
  const workspace = await createTerraformWorkspace({ stackDir, cluster: options.cluster, vars, route: options.route, keep: options.keep });
  try {
    const { plan, replanHasChanges } = await runLifecycle(workspace, printStep);
    if (replanHasChanges) return 'the plan after apply still shows changes (see "re-plan" above)';
    console.log(`-- ${name}: OK (${summarize(plan)})`);
    return undefined;
  } catch (error) {
    if (!(error instanceof TerraformCommandError)) throw error;
    console.log(`-- FAILED: ${describeCommand(error.result)}`);
    printResult(error.result);
    return `terraform ${error.result.args[0] ?? ''} exited with ${error.result.exitCode}`;
  } finally {
    await workspace.dispose();
  }
}

function printStep(step: LifecycleStep, result: CommandResult): void {
  if (step === 'show') {
    // The plan JSON is long; what a reader wants from it is the list of changes.
    const plan = JSON.parse(result.stdout) as PlanJson;
    console.log(`-- show -json (${result.durationMs} ms): ${summarize(plan)}`);
    for (const change of plan.resource_changes ?? []) console.log(`   ${change.change.actions.join('/').padEnd(14)} ${change.address}`);
    return;
  }
  console.log(`-- ${step}: ${describeCommand(result)}`);
  printResult(result);
  if (step === 're-plan' && result.exitCode === 2) console.log('!! the re-plan after apply shows changes: the stack does not converge');
}

function describeCommand(result: CommandResult): string {
  return `terraform ${result.args.join(' ')} (exit ${result.exitCode}, ${result.durationMs} ms)`;
}

function printResult(result: CommandResult): void {
  if (result.stdout.trim()) console.log(indent(result.stdout));
  if (result.stderr.trim()) console.log(indent(result.stderr));
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}

function summarize(plan: PlanJson): string {
  const counts = new Map<string, number>();
  for (const change of plan.resource_changes ?? []) {
    const key = change.change.actions.join('/');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([action, count]) => `${count} ${action}`).join(', ') || 'no resource changes';
}

/**
 * Values for variables that have no default and were not given with --var: terraform (with TF_INPUT=0) would
 * stop at them, and the stand-in provider never connects, so any value of the declared type will do.
 */
function placeholderVariables(variables: Record<string, { default?: unknown; type?: string }>, given: Record<string, string>): Record<string, unknown> {
  const placeholders: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(variables)) {
    if ('default' in variable || name in given) continue;
    const type = (variable.type ?? 'string').replace(/\s/g, '');
    placeholders[name] =
      type.startsWith('list(') || type.startsWith('set(') ? ['localhost:9092'] : type === 'number' ? 1 : type === 'bool' ? false : 'placeholder';
    console.log(`   variable "${name}" has no default: using placeholder ${JSON.stringify(placeholders[name])}`);
  }
  return placeholders;
}

function parseOptions(): Options | 'help' {
  const { values, positionals } = parseArgs({
    options: {
      example: { type: 'boolean', default: false },
      cluster: { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      reattach: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  const vars: Record<string, string> = {};
  for (const assignment of values.var) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new UsageError(`--var wants NAME=VALUE, got "${assignment}"`);
    vars[assignment.slice(0, at)] = assignment.slice(at + 1);
  }
  const stackDirs = values.example ? [EXAMPLE_STACK, ...positionals.map((dir) => path.resolve(dir))] : positionals.map((dir) => path.resolve(dir));
  if (stackDirs.length === 0) stackDirs.push(...synthesizedStacks());
  for (const dir of stackDirs) {
    if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) throw new UsageError(`${dir} has no cdk.tf.json`);
  }
  const cluster = values.cluster === undefined ? undefined : (JSON.parse(fs.readFileSync(values.cluster, 'utf8')) as ClusterSeed);
  return { stackDirs, cluster, vars, route: values.reattach ? 'reattach' : 'mirror', keep: values.keep };
}

function synthesizedStacks(): string[] {
  const stacks = fs.existsSync(SYNTH_DIR)
    ? fs
        .readdirSync(SYNTH_DIR)
        .map((entry) => path.join(SYNTH_DIR, entry))
        .filter((dir) => fs.existsSync(path.join(dir, 'cdk.tf.json')))
        .sort()
    : [];
  if (stacks.length === 0) {
    throw new UsageError(
      `no synthesized stacks in ${path.relative(process.cwd(), SYNTH_DIR)}/*/cdk.tf.json: run \`npm run synth\` first, pass stack directories, or use --example`,
    );
  }
  return stacks;
}

class UsageError extends Error {}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`e2e: ${error.message}\n\n${USAGE}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
