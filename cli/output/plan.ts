/**
 * What a commit will do to the output, worked out before anything is touched: each step of the journal
 * (cli/output/journal.ts). A folder the output does not have yet moves whole with one rename (a first synth of 10,000
 * topics commits ~42,000 files in a handful of renames); every other staged file replaces its target, and a stale
 * generated file is deleted. A file whose target already holds the same bytes is left alone, so its timestamp does not
 * change. Something in the way (a file where a folder goes, a folder where a file goes) is an error before the first
 * step, naming the path.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputBlockedError } from './errors';

/** One step of a commit; paths are POSIX and relative to the output folder ('' is the output folder itself). */
export type CommitStep =
  /** A folder the output lacks, made before what goes into it. */
  | { readonly op: 'mkdir'; readonly dir: string }
  /** A staged folder the output lacks, moved whole; `files` are what it holds. */
  | { readonly op: 'move'; readonly dir: string; readonly files: readonly string[] }
  /** A staged file moved into place; when it `replaces` a file, that file goes to the backup first. */
  | { readonly op: 'put'; readonly file: string; readonly replaces: boolean }
  /** A stale generated file, moved to the backup. */
  | { readonly op: 'delete'; readonly file: string }
  /** A folder that deletions may leave empty, removed if they did (and made again on undo). */
  | { readonly op: 'prune'; readonly dir: string };

export interface CommitPlan {
  readonly steps: readonly CommitStep[];
  /** The files the commit changes (written or deleted), POSIX paths in step order. */
  readonly changed: readonly string[];
}

/** Files to commit as a tree of folders: each folder's files by name, and its sub-folders. */
interface FolderTree {
  readonly files: Set<string>;
  readonly folders: Map<string, FolderTree>;
}

export interface PlanOptions {
  /** Stale files to delete. @default [] */
  readonly deletions?: readonly string[];
  /** Folders (POSIX, relative to the output) below which a folder the deletions leave empty is removed. @default [] */
  readonly prunable?: readonly string[];
  /** How messages name the output. @default the output's path */
  readonly label?: string;
}

/** Plans moving `files` (staged below `stageDir`) into `target`, and deleting stale files from it. */
export function planCommit(stageDir: string, target: string, files: readonly string[], options: PlanOptions = {}): CommitPlan {
  const deletions = options.deletions ?? [];
  const label = options.label ?? target;
  const steps: CommitStep[] = [];
  const changed: string[] = [];
  const made = new Set<string>();
  const at = (path: string): string => (path === '' ? target : join(target, ...path.split('/')));
  const blocked = (path: string, what: string): never => {
    throw new OutputBlockedError(`cannot write ${label}/${path}: ${what} is in the way; move it away and run synth again`);
  };
  /** Plans the folders a path needs, outermost first, and checks that nothing but folders stands there. */
  const folder = (dir: string): void => {
    if (made.has(dir)) return;
    const parts = dir === '' ? [] : dir.split('/');
    for (let i = 0; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      if (made.has(path)) continue;
      const kind = kindOf(at(path));
      if (kind === 'missing') {
        steps.push({ op: 'mkdir', dir: path });
        made.add(path);
      } else if (kind !== 'dir') {
        blocked(path, `a ${kind} where a folder goes`);
      } else {
        made.add(path);
      }
    }
  };
  const parentOf = (path: string): string => path.split('/').slice(0, -1).join('/');

  const moved = new Set<string>();
  const root = folderTree(files);
  // A first synth: the staging folder holds exactly the output, and becomes it with one rename.
  if (kindOf(target) === 'missing' && holdsExactly(stageDir, root)) {
    const all = [...files].sort();
    return { steps: [{ op: 'move', dir: '', files: all }], changed: all };
  }
  const moveNewFolders = (tree: FolderTree, dir: string): void => {
    for (const [name, sub] of [...tree.folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = dir === '' ? name : `${dir}/${name}`;
      if (!made.has(path) && kindOf(at(path)) === 'missing' && holdsExactly(join(stageDir, ...path.split('/')), sub)) {
        folder(dir);
        const inside = filesOf(sub, path);
        steps.push({ op: 'move', dir: path, files: inside });
        for (const file of inside) moved.add(file);
      } else {
        moveNewFolders(sub, path);
      }
    }
  };
  moveNewFolders(root, '');

  for (const file of files) {
    if (moved.has(file)) continue;
    const from = join(stageDir, ...file.split('/'));
    const to = at(file);
    const kind = kindOf(to);
    if (kind !== 'missing' && kind !== 'file') blocked(file, `a ${kind} where a file goes`);
    if (kind === 'file' && sameContent(from, to)) continue;
    folder(parentOf(file));
    steps.push({ op: 'put', file, replaces: kind === 'file' });
  }
  const deleted = deletions.filter((file) => kindOf(at(file)) === 'file');
  for (const file of deleted) steps.push({ op: 'delete', file });
  // Deepest first, so that a folder emptied by the removal of its sub-folders goes too.
  const prunable = options.prunable ?? [];
  const pruned = new Set<string>();
  for (const file of deleted) {
    const parts = file.split('/');
    for (let i = parts.length - 1; i >= 1; i--) {
      const dir = parts.slice(0, i).join('/');
      if (prunable.some((top) => dir === top || dir.startsWith(`${top}/`))) pruned.add(dir);
    }
  }
  for (const dir of [...pruned].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1))) steps.push({ op: 'prune', dir });
  for (const step of steps) {
    if (step.op === 'move') changed.push(...step.files);
    else if (step.op === 'put' || step.op === 'delete') changed.push(step.file);
  }
  return { steps, changed };
}

type Kind = 'missing' | 'file' | 'dir' | 'symbolic link' | 'special file';

function kindOf(path: string): Kind {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : stat.isSymbolicLink() ? 'symbolic link' : 'special file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // a file where a folder of the path goes
    if (code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

function folderTree(files: readonly string[]): FolderTree {
  const root: FolderTree = { files: new Set(), folders: new Map() };
  for (const file of files) {
    const parts = file.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let next = node.folders.get(part);
      if (next === undefined) {
        next = { files: new Set(), folders: new Map() };
        node.folders.set(part, next);
      }
      node = next;
    }
    node.files.add(parts[parts.length - 1] as string);
  }
  return root;
}

/** Whether the folder on disk holds the tree's files and folders and nothing else (a staged file not to commit stays). */
function holdsExactly(dir: string, tree: FolderTree): boolean {
  if (!existsSync(dir)) return false;
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length !== tree.files.size + tree.folders.size) return false;
  return entries.every((entry) => {
    if (entry.isFile()) return tree.files.has(entry.name);
    const sub = tree.folders.get(entry.name);
    return entry.isDirectory() && sub !== undefined && holdsExactly(join(dir, entry.name), sub);
  });
}

function filesOf(tree: FolderTree, folder: string): string[] {
  return [...[...tree.files].map((f) => `${folder}/${f}`), ...[...tree.folders].flatMap(([name, sub]) => filesOf(sub, `${folder}/${name}`))].sort();
}

function sameContent(a: string, b: string): boolean {
  let existing: Buffer;
  try {
    existing = readFileSync(b);
  } catch {
    return false;
  }
  return existing.equals(readFileSync(a));
}
