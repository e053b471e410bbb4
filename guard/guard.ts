/**
 * guard(stacks, base?) → violations: whether a synthesized output holds only what topicform writes, so terraform can
 * be run on it with credentials. Pure: the command layer lists each stack directory (lstat, no symlink followed) and
 * reads its two files. With a base (the default branch's own output), a stack's backend, provider settings, variables
 * and required providers must equal the base's: a stack that differs is never planned before the change is merged,
 * and the difference arrives through review (the result is then `reviewable`: nothing in it is foreign content).
 */
import { formatPath } from '../model/issues';
import { isObject } from '../model/json-object';
import { STACK_FILES, TERRAFORM_WORKING_FILES } from './allowlist';
import { SETTINGS_CODES } from './codes';
import type { GuardCode } from './codes';
import { diffSettings, settingsCounterpart, stackSettings } from './settings';
import type { SettingsPart } from './settings';
import { sameTerraform } from './stack-changes';
import { parseStrictJson } from './strict-json';
import { checkStackJson } from './terraform-json';
import type { BaseStack, GuardInput, GuardResult, GuardStack, GuardStackInfo, GuardViolation } from './types';

const PART_CODES: Readonly<Record<SettingsPart, GuardCode>> = {
  backend: 'backend-changed',
  provider: 'provider-changed',
  variables: 'variables-changed',
  'required-providers': 'required-providers-changed',
};

export function guard(input: GuardInput): GuardResult {
  const violations: GuardViolation[] = [];
  for (const stray of input.strays ?? []) {
    violations.push({
      stack: '',
      file: stray,
      path: '',
      code: 'unexpected-file',
      message: 'not a stack directory: an output holds only stack directories under stacks/',
    });
  }
  const infos: GuardStackInfo[] = [];
  const baseByName = new Map((input.base?.stacks ?? []).map((s) => [s.stack, s]));
  for (const stack of [...input.stacks].sort((a, b) => compare(a.stack, b.stack))) {
    const found: GuardViolation[] = [];
    const info = guardStack(stack, input, baseByName, found);
    violations.push(...found);
    infos.push({ ...info, ok: found.length === 0 });
  }
  const reviewable = violations.every((v) => SETTINGS_CODES.includes(v.code));
  const plan = reviewable ? infos.filter((s) => s.ok && s.changed && s.remoteBackend).map((s) => s.stack) : [];
  return { ok: violations.length === 0, reviewable, base: input.base?.label ?? null, violations, stacks: infos, plan };
}

function guardStack(stack: GuardStack, input: GuardInput, baseByName: ReadonlyMap<string, BaseStack>, out: GuardViolation[]): Omit<GuardStackInfo, 'ok'> {
  const options = input.options ?? {};
  const file = (name: string): string => `${stack.directory}/${name}`;
  const add = (name: string, code: GuardCode, message: string, path = ''): void => {
    out.push({ stack: stack.stack, file: file(name), path, code, message });
  };

  for (const entry of [...stack.entries].sort((a, b) => compare(a.name, b.name))) {
    const working = (TERRAFORM_WORKING_FILES as readonly string[]).includes(entry.name);
    if (entry.kind === 'symlink') add(entry.name, 'symlink', 'a symbolic link: terraform would follow it to any file on the runner');
    else if (working && options.untrusted === true) {
      add(
        entry.name,
        'terraform-working-files',
        "terraform's own working files in an output from another job: a planted provider binary or lock file would run with the credentials; hand over only cdk.tf.json and topology.json",
      );
    } else if (working) continue;
    else if (entry.name === STACK_FILES.terraform || entry.name === STACK_FILES.topology) {
      if (entry.kind !== 'file') add(entry.name, 'unexpected-file', `expected a regular file, got a ${entry.kind}`);
    } else {
      add(
        entry.name,
        'unexpected-file',
        `${entry.kind === 'directory' ? 'a directory' : 'a file'} topicform does not write${/\.tf(\.json)?$|\.tfvars(\.json)?$/.test(entry.name) ? ': terraform would load it with the stack' : ''} (a stack directory holds ${STACK_FILES.terraform} and ${STACK_FILES.topology})`,
      );
    }
  }

  const own = { environment: null as string | null, production: null as boolean | null };
  if (stack.topology === undefined) add(STACK_FILES.topology, 'missing-file', 'missing: synth writes it beside cdk.tf.json');
  else {
    const parsed = parseStrictJson(stack.topology);
    for (const p of parsed.problems) add(STACK_FILES.topology, p.kind, p.message, p.path);
    const environment = isObject(parsed.value) && isObject(parsed.value.environment) ? parsed.value.environment : undefined;
    if (typeof environment?.name === 'string') own.environment = environment.name;
    if (typeof environment?.production === 'boolean') own.production = environment.production;
  }

  let terraform: unknown;
  if (stack.terraform === undefined) add(STACK_FILES.terraform, 'missing-file', 'missing: there is nothing to plan');
  else {
    const parsed = parseStrictJson(stack.terraform);
    for (const p of parsed.problems) add(STACK_FILES.terraform, p.kind, p.message, p.path);
    terraform = parsed.value;
    if (terraform !== undefined) {
      checkStackJson(terraform, (path, code, message) => add(STACK_FILES.terraform, code, message, formatPath(path)), {
        remoteBackend: options.remoteBackend === true,
      });
    }
  }

  const remoteBackend = hasRemoteBackend(terraform);
  const base = input.base;
  if (base === undefined) return { stack: stack.stack, directory: stack.directory, ...own, changed: true, new: false, remoteBackend };
  const same = baseByName.get(stack.stack);
  // A new stack of a known environment (a domain added under layout `domain`) is compared with a base stack of that
  // environment, the stack names aside; a stack of an environment the base does not have cannot be compared at all.
  const sibling = settingsCounterpart(stack.stack, own.environment, baseByName, (s) => s.environment);
  // The base's own topology.json, byte for byte: its environment is the one just read from the head's (not parsed twice).
  const sameTopology = same !== undefined && same.topologyText !== undefined && same.topologyText === stack.topology;
  const info = {
    stack: stack.stack,
    directory: stack.directory,
    environment: sameTopology ? own.environment : (sibling?.environment ?? own.environment),
    production: sameTopology ? own.production : (sibling?.production ?? own.production),
    new: same === undefined,
    remoteBackend,
  };
  if (sibling === undefined) {
    add(
      STACK_FILES.terraform,
      'new-environment',
      `stack ${stack.stack} (environment ${own.environment ?? 'unknown'}) has no counterpart in ${base.label}: a new environment's backend and provider settings are reviewed and merged before anything plans them`,
    );
    return { ...info, changed: true };
  }
  // The base's cdk.tf.json, byte for byte: the same settings and the same Terraform, known without comparing them.
  if (terraform !== undefined && same !== undefined && same.terraformText !== undefined && same.terraformText === stack.terraform) {
    return { ...info, changed: false };
  }
  if (terraform !== undefined) {
    const rename = same === undefined ? { before: sibling.stack, after: stack.stack } : undefined;
    for (const change of diffSettings(stackSettings(sibling.terraform), stackSettings(terraform), rename)) {
      const where = same === undefined ? `${base.label} stack ${sibling.stack} (the same environment)` : base.label;
      add(
        STACK_FILES.terraform,
        PART_CODES[change.part],
        `${change.part} setting ${change.key} differs from ${where}: ${change.before ?? '(none)'} → ${change.after ?? '(none)'}; such a change is reviewed and merged before anything plans it`,
      );
    }
  }
  // The one comparison of every plan-what-changed decision (guard/stack-changes.ts): comments and key order aside.
  const changed = same === undefined || terraform === undefined || !sameTerraform(same.terraform, terraform);
  return { ...info, changed };
}

/** One backend, not local: the state lives outside the runner (the parsed cdk.tf.json; undefined when unreadable). */
function hasRemoteBackend(terraform: unknown): boolean {
  const backend = isObject(terraform) && isObject(terraform.terraform) && isObject(terraform.terraform.backend) ? Object.keys(terraform.terraform.backend) : [];
  return backend.length === 1 && backend[0] !== 'local';
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
