/**
 * The commit of a synth's output as a journaled transaction, all or nothing for the whole output folder.
 *
 * 1. The plan's steps are written to `journal.json` in the run folder (written beside, fsynced, renamed into place, the
 *    folder fsynced): from then on a crash can be undone.
 * 2. Each step is one or two renames: a replaced or deleted file goes to the run folder's `backup/` first, then the
 *    staged file takes its place; a new folder moves whole.
 * 3. `committed` is written (and fsynced): the commit point. The backups and the run folder are then removed.
 *
 * If a step fails (a read-only folder, a full disk), the steps done so far are undone at once, newest first: backups go
 * back, new files and folders go away. If the process dies instead (SIGKILL, OOM, power loss), the next synth finds the
 * run folder and does the same before anything else (`recoverOutput`); a run that reached `committed` only needs its
 * leftovers removed. Undoing is idempotent, so a recovery interrupted in turn is simply run again.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { OutputCommitError } from './errors';
import { faultPoint } from './faults';
import { legacyStagingPrefix, RUN_LAYOUT, runFolderPrefix } from './names';
import type { CommitPlan, CommitStep } from './plan';

const JOURNAL_VERSION = 1;

interface Journal {
  readonly version: number;
  readonly pid: number;
  readonly steps: readonly CommitStep[];
}

/** Runs the plan's steps against `target`, journaled in `runDir`; on failure undoes them and throws OutputCommitError. */
export function applyCommit(runDir: string, target: string, plan: CommitPlan, label = target, onStep: () => void = () => undefined): void {
  if (plan.steps.length === 0) return;
  writeDurably(join(runDir, RUN_LAYOUT.journal), `${JSON.stringify({ version: JOURNAL_VERSION, pid: process.pid, steps: plan.steps } satisfies Journal)}\n`);
  faultPoint('journal');
  const paths = pathsOf(runDir, target);
  let failed: { step: CommitStep; error: unknown } | undefined;
  for (const [index, step] of plan.steps.entries()) {
    try {
      faultPoint('step', index);
      doStep(step, paths);
      onStep();
    } catch (error) {
      failed = { step, error };
      break;
    }
  }
  if (failed !== undefined) {
    const what = `could not write ${label}/${describeStep(failed.step)}: ${messageOf(failed.error)}`;
    try {
      undo(plan.steps, paths);
    } catch (undoError) {
      throw new OutputCommitError(
        `${what}; putting the previous output back failed as well (${messageOf(undoError)}): the next synth puts it back from ${join(runDir, RUN_LAYOUT.journal)}`,
        false,
      );
    }
    throw new OutputCommitError(`${what}; the previous output was put back, nothing changed in ${label}`, true);
  }
  writeDurably(join(runDir, RUN_LAYOUT.committed), `${new Date().toISOString()}\n`);
  faultPoint('committed');
}

export interface Recovery {
  /** Interrupted commits undone: the previous output stands again. */
  readonly undone: number;
  /** Folders of interrupted synths removed (undone or not, committed, or never committing). */
  readonly removed: number;
}

/**
 * Puts the output back as it was before any interrupted commit, and removes what interrupted synths left beside it.
 * Run with the output's lock held: no other synth is writing, so every run folder belongs to a synth that is gone.
 */
export function recoverOutput(target: string): Recovery {
  const parent = dirname(target);
  if (!existsSync(parent)) return { undone: 0, removed: 0 };
  const runs = runFolderPrefix(target);
  const legacy = legacyStagingPrefix(target);
  let undone = 0;
  let removed = 0;
  for (const name of readdirSync(parent).sort()) {
    if (!name.startsWith(runs) && !name.startsWith(legacy)) continue;
    const runDir = join(parent, name);
    const journal = join(runDir, RUN_LAYOUT.journal);
    if (name.startsWith(runs) && existsSync(journal) && !existsSync(join(runDir, RUN_LAYOUT.committed))) {
      const parsed = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
      if (parsed.version !== JOURNAL_VERSION) {
        throw new Error(`${journal} was written by another version of topicform; restore ${target} from it by hand or remove it`);
      }
      undo(parsed.steps, pathsOf(runDir, target));
      undone++;
    }
    removeRunFolder(runDir);
    removed++;
  }
  return { undone, removed };
}

/** Removes a run folder; the journal goes last, so a removal interrupted half-way is never mistaken for a fresh run. */
export function removeRunFolder(runDir: string): void {
  for (const name of [RUN_LAYOUT.stage, RUN_LAYOUT.backup, RUN_LAYOUT.app]) {
    rmSync(join(runDir, name), { recursive: true, force: true });
    faultPoint('cleanup');
  }
  rmSync(runDir, { recursive: true, force: true });
}

interface Paths {
  readonly target: (path: string) => string;
  readonly stage: (path: string) => string;
  readonly backup: (path: string) => string;
}

function pathsOf(runDir: string, target: string): Paths {
  const under = (root: string) => (path: string) => (path === '' ? root : join(root, ...path.split('/')));
  return { target: under(target), stage: under(join(runDir, RUN_LAYOUT.stage)), backup: under(join(runDir, RUN_LAYOUT.backup)) };
}

function doStep(step: CommitStep, paths: Paths): void {
  switch (step.op) {
    case 'mkdir':
      mkdirSync(paths.target(step.dir));
      return;
    case 'move':
      renameSync(paths.stage(step.dir), paths.target(step.dir));
      return;
    case 'put':
      if (step.replaces) moveAside(step.file, paths);
      renameSync(paths.stage(step.file), paths.target(step.file));
      return;
    case 'delete':
      moveAside(step.file, paths);
      return;
    case 'prune':
      removeIfEmpty(paths.target(step.dir));
      return;
  }
}

function moveAside(file: string, paths: Paths): void {
  mkdirSync(dirname(paths.backup(file)), { recursive: true });
  renameSync(paths.target(file), paths.backup(file));
}

/** Undoes steps newest first; each undo finds out how far its step got, so undoing twice is harmless. */
function undo(steps: readonly CommitStep[], paths: Paths): void {
  for (const step of [...steps].reverse()) {
    switch (step.op) {
      case 'mkdir':
        removeIfEmpty(paths.target(step.dir));
        break;
      case 'move':
        // Moved when the staged folder is gone: take out exactly its files, and the folders that leaves empty.
        if (!existsSync(paths.stage(step.dir)) && existsSync(paths.target(step.dir))) {
          for (const file of step.files) rmSync(paths.target(file), { force: true });
          removeEmptyFolders(paths.target(step.dir));
        }
        break;
      case 'put':
        if (step.replaces) {
          restore(step.file, paths);
        } else if (!existsSync(paths.stage(step.file))) {
          rmSync(paths.target(step.file), { force: true });
        }
        break;
      case 'delete':
        restore(step.file, paths);
        break;
      case 'prune':
        // It existed before the commit; restoring its files (later in this loop) needs it again.
        mkdirSync(paths.target(step.dir), { recursive: true });
        break;
    }
  }
}

function restore(file: string, paths: Paths): void {
  if (!existsSync(paths.backup(file))) return;
  mkdirSync(dirname(paths.target(file)), { recursive: true });
  renameSync(paths.backup(file), paths.target(file));
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}

/** Removes the empty folders below and including `dir`. */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir)) removeEmptyFolders(join(dir, name));
  removeIfEmpty(dir);
}

/** Writes a small file so that it survives a crash of the machine: beside, fsync, rename, fsync of the folder. */
function writeDurably(path: string, content: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content);
  syncPath(temporary);
  renameSync(temporary, path);
  syncPath(dirname(path));
}

/** fsync of a file or folder; folders cannot be opened for fsync on every platform (Windows), which is then skipped. */
function syncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on platforms without folder fsync
  } finally {
    closeSync(fd);
  }
}

function describeStep(step: CommitStep): string {
  return step.op === 'put' || step.op === 'delete' ? step.file : `${step.dir}/`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
