/**
 * The artifacts step of synth (client configs, catalog, runbooks, graphs, capacity, event schemas): render every file
 * from the Topologies and write it into a staging folder as soon as it is made, so that no process holds all of them
 * (hundreds of megabytes at 10,000 topics); the commit (cli/output/) moves the staged files into the output once the
 * whole synth has succeeded. Runs on the main thread once cdktf's synthesis is done and the construct tree released.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { artifactJobs, environmentOf } from '../artifacts';
import { environmentOfSchemaFile, schemaFiles } from '../contracts/output';
import type { Topology } from '../model/topology';
import type { Progress } from './progress';
import { canonicalJson } from './write';

export interface StageRequest {
  /**
   * Every stack's Topology, and where its `topology.json` goes (a POSIX path relative to `stageDir`, e.g.
   * `stacks/dev/topology.json`). The artifacts are rendered from all of them; only the files in `commit` (the stacks
   * this synth writes) are staged; writing each `topology.json` is a job like the artifacts.
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
   * false (`topicform synth --no-artifacts`): only each stack's `topology.json` is staged, none of the files for people
   * (event schemas, client configs, docs, portal, IAM policies); `generated` is then empty. @default true
   */
  readonly artifacts?: boolean;
}

export interface StageResult {
  /** Staged files, POSIX paths relative to the output. */
  readonly staged: readonly string[];
  /** Every file the declarations generate (staged or not): what stale-file removal keeps. */
  readonly generated: readonly string[];
}

/**
 * Stages the request's jobs: each stack's `topology.json`, the event schemas, then the artifacts (artifacts/index.ts
 * artifactJobs). Two jobs generating the same file is an error rather than one silently overwriting the other. A
 * failure says that it was this step that failed (synth's own rendering, not the app's code).
 */
export function stageArtifacts(request: StageRequest, progress?: Progress): StageResult {
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
  const topologyJobs = request.topologies
    .filter(({ file }) => commit.has(file))
    .map(({ file, topology }) => () => {
      if (write(file, canonicalJson(topology))) staged.push(file);
    });
  const withArtifacts = request.artifacts !== false;
  const jobs: Array<() => void> = withArtifacts
    ? [
        ...topologyJobs,
        () => {
          for (const [file, content] of schemaFiles(topologies)) stage(file, content, environmentOfSchemaFile(file));
        },
        ...artifactJobs(topologies).map((job) => () => job((file, content) => stage(file, content, environmentOf(file)))),
      ]
    : topologyJobs;
  progress?.stage(withArtifacts ? 'rendering client configs, docs and schemas' : 'writing the topologies', jobs.length);
  try {
    for (const job of jobs) {
      job();
      progress?.tick();
    }
    assertGeneratedOnce(generated);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`generating client configs, docs and schemas failed: ${detail}`, { cause: error });
  }
  return { staged, generated };
}

/** Throws when two jobs generated the same file: the second would have overwritten the first. */
export function assertGeneratedOnce(generated: readonly string[]): void {
  const seen = new Set<string>();
  for (const file of generated) {
    if (seen.has(file)) throw new Error(`two artifacts would be written to ${file}`);
    seen.add(file);
  }
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
