/**
 * Where synth keeps its lock and each run's working folder: hidden siblings of the output folder, so that the final
 * renames stay on the output's filesystem and the output itself holds only what synth generates. Every name starts
 * with `.topicform.` (git-ignored by the repository's and `topicform init`'s .gitignore, ignored by eslint.config.mjs).
 */
import { basename, dirname, join } from 'node:path';

/** The prefix of every file and folder synth keeps beside an output. */
export const SIBLING_PREFIX = '.topicform.';

/** The lock a synth holds on `target` for as long as it runs: `.topicform.<output>.lock`. */
export function lockPath(target: string): string {
  return join(dirname(target), `${SIBLING_PREFIX}${basename(target)}.lock`);
}

/** The start of a run folder's name: `.topicform.<output>.synth-<pid>-<random>`. */
export function runFolderPrefix(target: string): string {
  return `${SIBLING_PREFIX}${basename(target)}.synth-`;
}

/** Staging folders of topicform versions before the journal (`.<output>.staging-<random>`): removed on recovery. */
export function legacyStagingPrefix(target: string): string {
  return `.${basename(target)}.staging-`;
}

/** Inside a run folder: the staged files, the output's replaced and deleted files, the journal and the commit marker. */
export const RUN_LAYOUT = {
  /** What cdktf's App gets as its outdir (cdktf writes nothing there: synth writes the stacks itself). */
  app: 'app',
  stage: 'stage',
  backup: 'backup',
  journal: 'journal.json',
  /** Written once every step is done: from then on the new output stands, and recovery only cleans up. */
  committed: 'committed',
} as const;
