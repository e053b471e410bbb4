/**
 * What the comparison of two synthesized outputs (guard/stack-changes.ts) reads from disk, for `topicform changed` and
 * `topicform atlantis --base-ref`, and the lockfile rule of a base synthesized from a git ref. Only each stack's cdk.tf.json is read, not followed
 * through a symbolic link; the guard, not this, decides whether an output may be planned at all.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { StackTerraformText } from '../guard/stack-changes';
import { InputError, isOutputDirectory, listEntries, readRegularFile } from './read-output';

/** An output directory's stacks and their cdk.tf.json texts; InputError naming `shown` when it is no output. */
export function readStackTexts(dir: string, shown: string): StackTerraformText[] {
  if (!isOutputDirectory(dir)) throw new InputError(`${shown}: not a synthesized output (it has no stacks/ directory)`);
  return listEntries(join(dir, 'stacks'))
    .filter((entry) => entry.kind === 'directory')
    .map((entry) => ({ stack: entry.name, terraform: readRegularFile(join(dir, 'stacks', entry.name, 'cdk.tf.json')) }));
}

/** The lockfile whose difference from a base ref makes every stack plan (module comment of cli/commands/changed.ts). */
export const LOCKFILE = 'package-lock.json';

/**
 * Why every stack must plan when a base synthesized from `ref` with this checkout's dependencies cannot show an
 * upgrade: package-lock.json of the working tree differs from the ref's (or exists in only one of them). Undefined
 * when it is the same.
 */
export function lockfileReason(ref: string, cwd: string): string | undefined {
  const diff = spawnSync('git', ['diff', '--quiet', ref, '--', LOCKFILE], { cwd, encoding: 'utf8' });
  // 0 same, 1 differs; anything else (no repository, unknown ref: refused by the base's synth before) counts as different.
  if (diff.status === 0) return undefined;
  return `${LOCKFILE} differs from ${ref}: the base was synthesized with this checkout's dependencies, so it cannot show what an upgrade changes`;
}
