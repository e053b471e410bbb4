/**
 * Which stacks a change reaches: the one comparison behind every "plan only what changed" decision — the guard's
 * `changed` and `plan` (which the GitHub workflow's plan matrix is), `topicform changed`, and the Atlantis hook
 * (`topicform atlantis --base-ref`). Pure: the stacks' cdk.tf.json texts in, a verdict per stack out.
 *
 * A stack's Terraform is the base's when its cdk.tf.json is byte-identical, or the same JSON once the `//` comment
 * properties are removed and keys are sorted: terraform ignores both (cdktf writes its own version and the stack name
 * under `//`), so an upgrade of topicform or cdktf that changes only them plans nothing. Anything else — a value, an
 * array's order, a file that does not parse — counts as changed, so a doubt always plans.
 */
import { canonicalString } from '../model/canonical-json';
import { isObject } from '../model/json-object';
import { COMMENT_KEY } from './allowlist';

/** A stack's cdk.tf.json as read (undefined: the stack has none). */
export interface StackTerraformText {
  readonly stack: string;
  readonly terraform: string | undefined;
}

/**
 * `changed`: the head's Terraform differs from the base's stack of the same name; `new`: the base has no such stack;
 * `unchanged`: the same Terraform (module comment); `removed`: only the base has it (nothing of the head to plan).
 */
export type StackChange = 'changed' | 'new' | 'unchanged' | 'removed';

export interface StackChangeInfo {
  readonly stack: string;
  readonly change: StackChange;
  /** Why, in words: for a log line or a comment. */
  readonly reason: string;
}

export interface StackChanges {
  /** Every stack of either side, sorted by name. */
  readonly stacks: readonly StackChangeInfo[];
  /** The head's stacks to plan (changed or new), sorted. */
  readonly plan: readonly string[];
}

export interface CompareOptions {
  /**
   * Every head stack counts as changed, for this reason: the base was made in a way that cannot show the change
   * (`topicform changed --base-ref` synthesizes it with the head's dependencies, so an upgrade's effect is not in it).
   */
  readonly everyStack?: string;
}

/** The Terraform JSON as terraform reads it: canonical, without `//` comment properties at any depth. */
export function terraformIdentity(parsed: unknown): string {
  return canonicalString(withoutComments(parsed));
}

/** Whether two parsed cdk.tf.json documents are the same Terraform (module comment). */
export function sameTerraform(base: unknown, head: unknown): boolean {
  return terraformIdentity(base) === terraformIdentity(head);
}

/** Compares every stack of the head with the base's stack of the same name. */
export function compareStacks(base: readonly StackTerraformText[], head: readonly StackTerraformText[], options: CompareOptions = {}): StackChanges {
  const baseByName = new Map(base.map((s) => [s.stack, s]));
  const headNames = new Set(head.map((s) => s.stack));
  const stacks: StackChangeInfo[] = head.map((s) => ({ stack: s.stack, ...verdict(baseByName.get(s.stack), s, options) }));
  for (const s of base) if (!headNames.has(s.stack)) stacks.push({ stack: s.stack, change: 'removed', reason: 'only the base has this stack' });
  stacks.sort((a, b) => compare(a.stack, b.stack));
  const plan = stacks.filter((s) => s.change === 'changed' || s.change === 'new').map((s) => s.stack);
  return { stacks, plan };
}

function verdict(base: StackTerraformText | undefined, head: StackTerraformText, options: CompareOptions): Omit<StackChangeInfo, 'stack'> {
  if (base === undefined) return { change: 'new', reason: 'the base has no stack of this name' };
  if (options.everyStack !== undefined) return { change: 'changed', reason: options.everyStack };
  if (head.terraform === undefined) return { change: 'changed', reason: 'the head has no cdk.tf.json' };
  if (base.terraform === undefined) return { change: 'changed', reason: 'the base has no cdk.tf.json' };
  if (base.terraform === head.terraform) return { change: 'unchanged', reason: 'cdk.tf.json is byte-identical' };
  const a = parse(base.terraform);
  const b = parse(head.terraform);
  if (!b.ok) return { change: 'changed', reason: "the head's cdk.tf.json is not valid JSON" };
  if (!a.ok) return { change: 'changed', reason: "the base's cdk.tf.json is not valid JSON" };
  return sameTerraform(a.value, b.value)
    ? { change: 'unchanged', reason: "the same Terraform: only `//` comments (cdktf's metadata) or key order differ" }
    : { change: 'changed', reason: 'the Terraform JSON differs' };
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== COMMENT_KEY) out[k] = withoutComments(v);
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
