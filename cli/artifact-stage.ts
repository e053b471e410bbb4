/**
 * The artifacts step of synth (client configs, catalog, runbooks, graphs, capacity, event schemas): render every file
 * from the Topologies and write it into a staging folder as soon as it is made, so that no process holds all of them
 * (hundreds of megabytes at 10,000 topics); `commitStaged` moves the staged files into the output once the whole synth
 * has succeeded. Runs inline, or shared between a worker thread (cli/artifact-worker.ts) that starts beside cdktf's
 * synthesis and the main thread once cdktf is done.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { artifactJobs, environmentOf } from '../artifacts';
import { environmentOfSchemaFile, schemaFiles } from '../contracts/output';
import type { Topology } from '../model/topology';
import { canonicalJson } from './write';

export interface StageRequest {
  /**
   * Every stack's Topology, and where its `topology.json` goes (a POSIX path relative to `stageDir`, e.g.
   * `stacks/dev/topology.json`). The artifacts are rendered from all of them; only the files in `commit` (the stacks
   * this synth writes) are staged. A worker gets them as a structured clone: cheaper for the main thread than writing
   * canonical JSON for the worker to read back; writing each `topology.json` is a job like the artifacts.
   */
  readonly topologies: ReadonlyArray<{ readonly file: string; readonly topology: Topology }>;
  readonly commit: readonly string[];
  readonly stageDir: string;
  /**
   * The output folder, when it exists: a file it already holds with the same bytes is not staged at all (a synth that
   * changes little writes and deletes little; on some filesystems a mass deletion slows every file created after it).
   */
  readonly output?: string;
  /** A subset synth stages only the files of `environments`. */
  readonly subset: boolean;
  readonly environments: readonly string[];
  /**
   * The index of the next job to take, in shared memory (an Int32Array over a SharedArrayBuffer): every thread staging
   * the same request takes jobs from it until none is left, so a worker and the main thread share the work whoever
   * is free first. Without it, this thread does every job.
   */
  readonly next?: Int32Array;
}

export interface StageResult {
  /** Staged files, POSIX paths relative to the output. */
  readonly staged: readonly string[];
  /** Every file the declarations generate (staged or not): what stale-file removal keeps. */
  readonly generated: readonly string[];
}

/**
 * Stages the request's jobs this thread takes (all of them without `next`): each stack's `topology.json`, the event
 * schemas, then the artifacts (artifacts/index.ts artifactJobs). Threads sharing a request each return their part;
 * `mergeStaged` joins them.
 */
export function stageArtifacts(request: StageRequest): StageResult {
  const environments = new Set(request.environments);
  const staged: string[] = [];
  const generated: string[] = [];
  const write = fileWriter(request.stageDir, request.output);
  const commit = new Set(request.commit);
  const topologies = request.topologies.map((t) => t.topology);
  const stage = (file: string, content: string, environment: string | null): void => {
    generated.push(file);
    if (request.subset && (environment === null || !environments.has(environment))) return;
    if (write(file, content)) staged.push(file);
  };
  const jobs: Array<() => void> = [
    ...request.topologies
      .filter(({ file }) => commit.has(file))
      .map(({ file, topology }) => () => {
        if (write(file, canonicalJson(topology))) staged.push(file);
      }),
    () => {
      for (const [file, content] of schemaFiles(topologies)) stage(file, content, environmentOfSchemaFile(file));
    },
    ...artifactJobs(topologies).map((job) => () => job((file, content) => stage(file, content, environmentOf(file)))),
  ];
  const next = request.next ?? new Int32Array(1);
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) jobs[i]?.();
  return { staged, generated };
}

/** The parts of one request staged by several threads, as one result; a file generated twice is an error. */
export function mergeStaged(parts: readonly StageResult[]): StageResult {
  const generated = parts.flatMap((p) => p.generated);
  const seen = new Set<string>();
  for (const file of generated) {
    if (seen.has(file)) throw new Error(`two artifacts would be written to ${file}`);
    seen.add(file);
  }
  return { staged: parts.flatMap((p) => p.staged), generated };
}

/**
 * Moves staged files into `target`, each with one rename (atomic on one filesystem); a file whose target already holds
 * the same bytes is left alone, so its timestamp does not change. A folder the output does not have yet (a first synth,
 * as in CI; a new environment or service) moves whole with one rename, when the staging folder holds exactly the files
 * to commit below it: a first synth of 10,000 topics commits ~42,000 files. Returns the files that changed, POSIX
 * paths, in the order given.
 */
export function commitStaged(stageDir: string, target: string, files: readonly string[]): string[] {
  const changed: string[] = [];
  const ensureFolder = folderMaker();
  const moved = moveNewFolders(stageDir, target, folderTree(files), '', ensureFolder);
  for (const file of files) {
    if (moved.has(file)) {
      changed.push(file);
      continue;
    }
    const from = join(stageDir, ...file.split('/'));
    const to = join(target, ...file.split('/'));
    if (sameContent(from, to)) {
      rmSync(from);
      continue;
    }
    ensureFolder(dirname(to));
    renameSync(from, to);
    changed.push(file);
  }
  return changed;
}

/** Files to commit as a tree of folders: each folder's files by name, and its sub-folders. */
interface FolderTree {
  readonly files: Set<string>;
  readonly folders: Map<string, FolderTree>;
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

/** Renames each staged sub-folder of `folder` that is new to the output and holds exactly its tree; returns the files moved. */
function moveNewFolders(stageDir: string, target: string, tree: FolderTree, folder: string, ensureFolder: (dir: string) => void): Set<string> {
  const moved = new Set<string>();
  for (const [name, sub] of tree.folders) {
    const path = folder === '' ? name : `${folder}/${name}`;
    const from = join(stageDir, ...path.split('/'));
    const to = join(target, ...path.split('/'));
    if (!existsSync(to) && holdsExactly(from, sub)) {
      ensureFolder(dirname(to));
      renameSync(from, to);
      for (const file of filesOf(sub, path)) moved.add(file);
    } else {
      for (const file of moveNewFolders(stageDir, target, sub, path, ensureFolder)) moved.add(file);
    }
  }
  return moved;
}

/** Whether the folder on disk holds the tree's files and folders and nothing else (a staged file not to commit stays). */
function holdsExactly(dir: string, tree: FolderTree): boolean {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length !== tree.files.size + tree.folders.size) return false;
  return entries.every((entry) => {
    if (entry.isFile()) return tree.files.has(entry.name);
    const sub = tree.folders.get(entry.name);
    return entry.isDirectory() && sub !== undefined && holdsExactly(join(dir, entry.name), sub);
  });
}

function filesOf(tree: FolderTree, folder: string): string[] {
  return [...[...tree.files].map((f) => `${folder}/${f}`), ...[...tree.folders].flatMap(([name, sub]) => filesOf(sub, `${folder}/${name}`))];
}

/** Makes a folder (and its parents) the first time it is asked for; thousands of files share a few hundred folders. */
function folderMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/**
 * Writes files below `root`, named by POSIX paths relative to it, making each folder once; returns whether it wrote.
 * With `unlessIn` (the output folder), a file that folder already holds with the same content is not written.
 */
export function fileWriter(root: string, unlessIn?: string): (file: string, content: string) => boolean {
  const ensureFolder = folderMaker();
  return (file, content) => {
    const parts = file.split('/');
    if (unlessIn !== undefined && holds(join(unlessIn, ...parts), content)) return false;
    const path = join(root, ...parts);
    ensureFolder(dirname(path));
    writeFileSync(path, content);
    return true;
  };
}

/** Whether the file exists and holds exactly `content`. */
function holds(path: string, content: string): boolean {
  try {
    return readFileSync(path, 'utf8') === content;
  } catch {
    return false;
  }
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
