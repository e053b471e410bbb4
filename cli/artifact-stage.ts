/**
 * The artifacts step of synth (client configs, catalog, runbooks, graphs, capacity, event schemas): render every file
 * from the Topologies and write it into a staging folder as soon as it is made, so that no process holds all of them
 * (hundreds of megabytes at 10,000 topics); `commitStaged` moves the staged files into the output once the whole synth
 * has succeeded. Runs inline or in a worker thread (cli/artifact-worker.ts) beside cdktf's synthesis.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eachArtifact, environmentOf } from '../artifacts';
import { environmentOfSchemaFile, schemaFiles } from '../contracts/output';
import type { Topology } from '../model/topology';

export interface StageRequest {
  /**
   * Every stack's `topology.json`, already written by the main thread into `stageDir` (POSIX paths relative to it, e.g.
   * `stacks/dev/topology.json`): read back from there rather than sent, which spares the main thread a copy of every
   * Topology. Those of the stacks this synth writes are in `commit`; the others are only read.
   */
  readonly topologyFiles: readonly string[];
  readonly commit: readonly string[];
  readonly stageDir: string;
  /** A subset synth stages only the files of `environments`. */
  readonly subset: boolean;
  readonly environments: readonly string[];
}

export interface StageResult {
  /** Staged files, POSIX paths relative to the output. */
  readonly staged: readonly string[];
  /** Every file the declarations generate (staged or not): what stale-file removal keeps. */
  readonly generated: readonly string[];
}

export function stageArtifacts(request: StageRequest): StageResult {
  const topologies = request.topologyFiles.map((file) => JSON.parse(readFileSync(join(request.stageDir, ...file.split('/')), 'utf8')) as Topology);
  const environments = new Set(request.environments);
  const staged: string[] = [...request.commit];
  const generated: string[] = [];
  const write = fileWriter(request.stageDir);
  const stage = (file: string, content: string, environment: string | null): void => {
    generated.push(file);
    if (request.subset && (environment === null || !environments.has(environment))) return;
    write(file, content);
    staged.push(file);
  };
  eachArtifact(topologies, (file, content) => stage(file, content, environmentOf(file)));
  for (const [file, content] of schemaFiles(topologies)) stage(file, content, environmentOfSchemaFile(file));
  return { staged, generated };
}

/**
 * Moves staged files into `target`, each with one rename (atomic on one filesystem); a file whose target already holds
 * the same bytes is left alone, so its timestamp does not change. Returns the files that changed, POSIX paths.
 */
export function commitStaged(stageDir: string, target: string, files: readonly string[]): string[] {
  const changed: string[] = [];
  const ensureFolder = folderMaker();
  for (const file of files) {
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

/** Makes a folder (and its parents) the first time it is asked for; thousands of files share a few hundred folders. */
function folderMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/** Writes files below `root`, named by POSIX paths relative to it, making each folder once. */
export function fileWriter(root: string): (file: string, content: string) => void {
  const ensureFolder = folderMaker();
  return (file, content) => {
    const path = join(root, ...file.split('/'));
    ensureFolder(dirname(path));
    writeFileSync(path, content);
  };
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
