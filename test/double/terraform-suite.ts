// Shared set-up for the tests that run the real terraform against the provider double: skip with a visible
// reason where terraform is absent (fail with TOPICFORM_TEST_STRICT=1: test/helpers/requirements.ts), load the
// hand-written stacks, and keep workspaces from leaking.
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterSeed } from '../../scripts/terraform/cluster-file';
import { describeNeeding, terraformRequirement } from '../helpers/requirements';
import { createTerraformWorkspace, terraformAvailable } from '../../scripts/terraform/workspace';
import type { TerraformWorkspace, WorkspaceOptions } from '../../scripts/terraform/workspace';

export const terraform = terraformAvailable();

/**
 * describe() that is skipped, with the reason in its title and on the console, when terraform cannot run; with
 * TOPICFORM_TEST_STRICT=1 it fails instead, naming what is missing.
 */
export function describeWithTerraform(title: string, body: () => void): void {
  describeNeeding(terraformRequirement(), title, body);
}

export const STACKS_DIR = path.resolve(__dirname, '../fixtures/stacks');

type Block = Record<string, unknown>;

/** Terraform JSON as cdktf writes it, loosely typed: tests edit it and write it back. */
export interface StackJson {
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  import?: { to: string; id: string }[];
  output?: Record<string, { value: unknown }>;
  [key: string]: unknown;
}

/** A fresh copy of test/fixtures/stacks/<name>/cdk.tf.json. */
export function loadStack(name: string): StackJson {
  return JSON.parse(fs.readFileSync(path.join(STACKS_DIR, name, 'cdk.tf.json'), 'utf8')) as StackJson;
}

/** The block of `<type>.<name>` in a stack, for editing; throws when the stack has none. */
export function resourceBlock(stack: StackJson, type: string, name: string): Block {
  const block = stack.resource?.[type]?.[name];
  if (!block) throw new Error(`the stack has no resource ${type}.${name}`);
  return block;
}

/** Runs `body` with a workspace (reattach route unless told otherwise) and always disposes of it. */
export async function withWorkspace<T>(options: WorkspaceOptions, body: (workspace: TerraformWorkspace) => Promise<T>): Promise<T> {
  const workspace = await createTerraformWorkspace({ route: 'reattach', ...options });
  try {
    return await body(workspace);
  } finally {
    await workspace.dispose();
  }
}

/** A reattach workspace after `init` and `apply -auto-approve` of the stack; the caller disposes of it. */
export async function appliedWorkspace(stack: StackJson, cluster?: ClusterSeed): Promise<TerraformWorkspace> {
  const workspace = await createTerraformWorkspace({ route: 'reattach', json: stack, cluster });
  try {
    await workspace.init();
    await workspace.apply();
    return workspace;
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
}

/** Like withWorkspace, after `init` and `apply -auto-approve` of the stack. */
export function withAppliedStack<T>(stack: StackJson, body: (workspace: TerraformWorkspace) => Promise<T>, cluster?: ClusterSeed): Promise<T> {
  return withWorkspace({ json: stack, cluster }, async (workspace) => {
    await workspace.init();
    await workspace.apply();
    return body(workspace);
  });
}

/** Splits terraform's error output into one text per "Error: ..." diagnostic. */
export function diagnosticsIn(output: string): string[] {
  return output
    .split(/^(?=Error: )/m)
    .map((block) => block.trim())
    .filter((block) => block.startsWith('Error: '));
}
