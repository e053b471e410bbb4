/**
 * The synth pipeline (DESIGN.md "Atomic, non-destructive writes"): take the output's lock, so that one synth at a time
 * writes it (cli/output/lock.ts), and undo whatever an interrupted synth left (cli/output/journal.ts); resolve and lint
 * every environment; synthesize into a run folder beside the output, every file canonical, staging only files whose
 * bytes the output does not hold yet; then commit them as one journaled transaction, all or nothing for the whole output
 * folder. Nothing is written when anything fails, and files terraform keeps beside the output (.terraform/, lock files,
 * state) are never touched. A subset synth (`--env`, `--domain`) still validates everything but rewrites only its
 * stacks and their manifest entries. A synth without artifacts (`--no-artifacts`, a pull request's CI) validates and
 * lints the same and writes only the stacks and the manifest.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath, sep } from 'node:path';
import { ARTIFACT_ROOTS, isGeneratedArtifact } from '../artifacts';
import { isGeneratedSchemaFile, SCHEMA_ROOT } from '../contracts/output';
import type { App } from '../constructs/cdktf';
import { synthesizeStacks } from '../constructs/synth/synthesize-stacks';
import type { Topology } from '../model/topology';
import { fileWriter, stageArtifacts, type StageRequest } from './artifact-stage';
import { boundHeapGrowth } from './heap-growth';
import { formatIssueReport } from './issues-report';
import { renderApp, selectStacks, unknownNames, type StackFilter } from './render-app';
import { canonicalJson } from './write';
import { describeFailure, isVerbose } from './failure';
import { OutputBlockedError, OutputBusyError, OutputCommitError } from './output/errors';
import { faultPoint } from './output/faults';
import { applyCommit, recoverOutput, removeRunFolder, type Recovery } from './output/journal';
import { acquireOutputLock } from './output/lock';
import { RUN_LAYOUT, runFolderPrefix } from './output/names';
import { planCommit } from './output/plan';
import { SYNTH_LOCK_WAIT_MS } from './limits';
import { isBlocking } from '../rules/format/merge';
import { formatProblems, type Paint } from '../rules/format/text';
import { paintFor } from './colour';
import { NO_PROGRESS, progressOn, type Progress } from './progress';
import { repositoryFacts } from './repository';
import { useRepositoryFacts } from '../constructs/repository-facts';

/** Files synth generates inside a stack directory; everything else there belongs to terraform or the user. */
export const GENERATED_STACK_FILES = ['cdk.tf.json', 'topology.json'] as const;

/**
 * Set to `1` by whoever runs an app for its stacks only: `review`/`changed`/`atlantis` with `--base-ref`/`--head-ref`
 * (cli/synth-ref.ts) run the ref's own app file, which takes no flag from them, and an app from before `--no-artifacts`
 * would refuse that flag but ignores a variable (it then writes everything, as before). `0` or unset: the default.
 */
export const NO_ARTIFACTS_ENV = 'TOPICFORM_NO_ARTIFACTS';

/** false when NO_ARTIFACTS_ENV asks for the stacks only; a value other than 0 or 1 is refused, naming the variable. */
export function artifactsFromEnv(env: NodeJS.ProcessEnv): boolean | string {
  const value = env[NO_ARTIFACTS_ENV];
  if (value === undefined || value === '' || value === '0') return true;
  if (value === '1') return false;
  return `${NO_ARTIFACTS_ENV}=${JSON.stringify(value)} is not 0 or 1 (1: write only the stacks, as --no-artifacts)`;
}

export interface SynthOptions extends SynthesizeOptions {
  readonly outdir: string;
  /** The whole stack of an exception in the app's code (also DEBUG=topicform). @default false */
  readonly verbose?: boolean;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

export interface SynthResult {
  readonly ok: boolean;
  readonly stacks: readonly string[];
  readonly written: readonly string[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /**
   * One line counting lint's findings across environments, as `topicform lint` counts them, e.g. `lint: 0 error(s),
   * 1 warning(s), 2 info, 30 suppressed (topicform lint lists every finding)`; the unsuppressed errors and warnings
   * themselves are in `errors` / `warnings`.
   */
  readonly lintSummary?: string;
}

/** Runs the pipeline and prints a summary; returns the process exit code. */
export function runSynth(buildApp: (outdir: string) => App, options: SynthOptions): number {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Progress on a terminal only (cli/progress.ts); its line is cleared before anything else is printed.
  const progress = options.progress ?? progressOn(stderr);
  const say = (line: string): void => {
    progress.done();
    stderr.write(`${line}\n`);
  };
  let result: SynthResult;
  try {
    result = synthesize(buildApp, options.outdir, { ...options, progress, paint: options.paint ?? paintFor(stderr), onNotice: options.onNotice ?? say });
  } catch (error) {
    progress.done();
    if (error instanceof OutputCommitError) {
      stderr.write(`synth failed: ${error.message}\n`);
    } else if (error instanceof OutputBusyError || error instanceof OutputBlockedError) {
      stderr.write(`synth stopped: ${error.message}\nnothing was written to ${options.outdir}\n`);
    } else {
      // An exception from the app's code (or from the toolkit, called wrongly): where it came from, and the stack on request.
      stderr.write(`synth failed: ${describeFailure(error, isVerbose(options.verbose)).join('\n')}\nnothing was written to ${options.outdir}\n`);
    }
    return 1;
  }
  progress.done();
  for (const line of result.warnings) stderr.write(`${line}\n`);
  if (!result.ok) {
    for (const line of result.errors) stderr.write(`${line}\n`);
    if (result.lintSummary !== undefined) stderr.write(`\n${result.lintSummary}\n`);
    stderr.write(`\nsynth stopped; nothing was written to ${options.outdir}\n`);
    return 1;
  }
  stdout.write(
    `${result.lintSummary ?? 'lint passed'}; synthesized ${result.stacks.length} stack(s) [${result.stacks.join(', ')}] to ${options.outdir}${options.artifacts === false ? ' (stacks only: --no-artifacts)' : ''}: ${result.written.length} file(s) changed\n`,
  );
  return 0;
}

export interface SynthesizeOptions extends StackFilter {
  /**
   * How long to wait for another synth writing the same output before giving up, in ms; 0 refuses at once.
   * @default SYNTH_LOCK_WAIT_MS (cli/limits.ts)
   */
  readonly lockWaitMs?: number;
  /** What happens around the output that a person should hear about (waiting for a lock, a recovery). */
  readonly onNotice?: (message: string) => void;
  /** How messages name the output. @default the outdir as given */
  readonly label?: string;
  /** How lint's findings are styled (runSynth colours them on a terminal: cli/colour.ts). @default no colour */
  readonly paint?: Paint;
  /** Stages and counts while it runs (runSynth shows them on a terminal). @default none */
  readonly progress?: Progress;
  /**
   * false (`--no-artifacts`): write only what terraform, guard and review read — each stack's `cdk.tf.json` and
   * `topology.json`, and the manifest, byte for byte as a full synth writes them — and none of the files for people
   * (client configs, docs, portal, IAM policies, event schemas); those an earlier synth left in the output are removed
   * in the same commit, so that none describes other declarations than the stacks'. Everything is still validated and
   * linted. A pull request's CI synthesizes this way (issue 26). @default true
   */
  readonly artifacts?: boolean;
}

export function synthesize(buildApp: (outdir: string) => App, outdir: string, options: SynthesizeOptions = {}): SynthResult {
  const target = resolvePath(outdir);
  const label = options.label ?? outdir;
  const progress = options.progress ?? NO_PROGRESS;
  // The lock and the run folder sit beside the output so that the final renames stay on one filesystem.
  mkdirSync(dirname(target), { recursive: true });
  const lock = acquireOutputLock(target, {
    waitMs: options.lockWaitMs ?? SYNTH_LOCK_WAIT_MS,
    label,
    ...(options.onNotice === undefined ? {} : { onWait: options.onNotice, onStale: options.onNotice }),
  });
  let runDir: string | undefined;
  let keepRunDir = false;
  const restoreHeapGrowth = boundHeapGrowth();
  try {
    // Whatever an interrupted synth left is undone first: the output is then the previous one, whole.
    const recovery = recover(target, label);
    if (recovery.undone > 0) {
      options.onNotice?.(`an interrupted synth had started to write ${label}; its changes were undone, the previous output is whole again`);
    } else if (recovery.removed > 0) options.onNotice?.(`removed ${recovery.removed} staging folder(s) left beside ${label} by interrupted synths`);
    faultPoint('locked');
    runDir = mkdtempSync(join(dirname(target), `${runFolderPrefix(target)}${process.pid}-`));
    const stageDir = join(runDir, RUN_LAYOUT.stage);
    const stage = synthesizeTerraform(buildApp(join(runDir, RUN_LAYOUT.app)), target, stageDir, options);
    if (!stage.ok) return stage;
    // The construct tree is gone by now (synthesizeTerraform released it): the artifacts need only the Topologies.
    const artifacts = stageArtifacts(stage.artifacts, progress);
    faultPoint('staged');

    // Stale files (a stack, service or domain no longer declared) are deleted in the same commit, and the folders that
    // leaves empty with them (a stack folder where terraform keeps files is not empty). Without artifacts, every
    // generated artifact is stale, a subset synth's too: it would describe declarations other than the new stacks'.
    // (Without artifacts `artifacts.generated` is empty.)
    const stale = stage.subset
      ? options.artifacts === false
        ? staleArtifacts(target, new Set())
        : []
      : [...staleStackFiles(target, new Set(stage.allStacks)), ...staleArtifacts(target, new Set(artifacts.generated))];
    const plan = planCommit(stageDir, target, [...stage.staged, ...artifacts.staged].sort(), {
      deletions: stale,
      prunable: ['stacks', ...ARTIFACT_FOLDERS.map(([root]) => root)],
      label,
    });
    try {
      progress.stage('writing the output', plan.steps.length);
      applyCommit(runDir, target, plan, label, () => progress.tick());
    } catch (error) {
      // Not put back: the journal in the run folder is what the next synth puts the output back from.
      if (error instanceof OutputCommitError && !error.restored) keepRunDir = true;
      throw error;
    }
    return {
      ok: true,
      stacks: stage.stacks,
      written: plan.changed.map((f) => f.split('/').join(sep)),
      errors: [],
      warnings: stage.warnings,
      lintSummary: stage.lintSummary,
    };
  } finally {
    if (runDir !== undefined && !keepRunDir) removeRunFolder(runDir);
    restoreHeapGrowth();
    lock.release();
  }
}

/** Undoes an interrupted synth's commit; a failure to do so says that the output is not whole. */
function recover(target: string, label: string): Recovery {
  try {
    return recoverOutput(target);
  } catch (error) {
    throw new OutputCommitError(
      `an interrupted synth left ${label} half-written, and putting the previous output back failed: ${error instanceof Error ? error.message : String(error)}; fix that and run synth again`,
      false,
    );
  }
}

/** A synth stopped by errors: nothing written. */
type SynthFailure = SynthResult & { readonly ok: false };

/** What synthesizeTerraform hands on: names only, so that nothing of the construct tree outlives it. */
interface TerraformStage {
  readonly ok: true;
  /** The stacks synthesized (the selected ones), and every stack of the app. */
  readonly stacks: readonly string[];
  readonly allStacks: readonly string[];
  /** Staged files, POSIX paths relative to the output. */
  readonly staged: readonly string[];
  readonly subset: boolean;
  readonly warnings: string[];
  readonly lintSummary: string;
  /** What the artifacts step renders: the Topologies, not the construct tree. */
  readonly artifacts: StageRequest;
}

/**
 * Everything of synth that needs the construct tree: resolve, lint and validate every declaration, stage each selected
 * stack's Terraform JSON and the manifest, then release the tree. It returns before the artifacts are rendered so that
 * the tree — the declarations and every environment's resolved model, ~45 MB of live heap at 10,000 topics — can be
 * collected while they are (README "Memory").
 */
function synthesizeTerraform(app: App, target: string, stageDir: string, options: SynthesizeOptions): TerraformStage | SynthFailure {
  const filter: StackFilter = options;
  const progress = options.progress ?? NO_PROGRESS;
  useRepositoryFacts(app, repositoryFacts());
  const rendered = renderApp(app, progress);
  const unknown = unknownNames(rendered, filter);
  if (unknown.length > 0) return { ok: false, stacks: [], written: [], errors: unknown, warnings: [] };
  const errors = formatIssueReport(rendered.issues.filter((i) => (i.severity ?? 'error') === 'error'));
  const warnings = formatIssueReport(rendered.issues.filter((i) => i.severity === 'warning'));
  if (errors.length > 0) return { ok: false, stacks: [], written: [], errors, warnings };

  // Lint runs on every synth: unsuppressed errors stop it before anything is written. Only what to act on is printed,
  // and one line counting everything; `topicform lint` lists every finding.
  const problems = formatProblems(rendered.findings, options.paint);
  const lintSummary = `lint: ${problems.counts} (topicform lint lists every finding)`;
  if (rendered.findings.some((f) => isBlocking(f, false))) {
    return {
      ok: false,
      stacks: [],
      written: [],
      errors: [...problems.lines],
      warnings,
      lintSummary: `lint: ${problems.counts} — failed (topicform lint lists every finding)`,
    };
  }
  warnings.push(...problems.lines);

  // Validations other constructs registered (cdktf's own, or a user's) count too.
  for (const construct of app.node.findAll()) {
    for (const message of construct.node.validate()) errors.push(`error: ${construct.node.path} › ${message}`);
  }
  if (errors.length > 0) return { ok: false, stacks: [], written: [], errors, warnings };

  const subset = (filter.environments ?? []).length > 0 || (filter.domains ?? []).length > 0;
  const selected = selectStacks(rendered.stacks, filter);
  const allStacks = rendered.stacks.map((s) => s.node.id);
  // An app that declares no stack at all (every environment empty) writes an empty output; a filter that matches none
  // is a mistake.
  if (selected.length === 0 && subset) {
    return { ok: false, stacks: [], written: [], errors: [`error: no stack matches ${describeFilter(filter)}; the app has ${allStacks.join(', ')}`], warnings };
  }

  // Every stack's Topology is written beside its stack, and the artifacts (client configs, catalog, runbooks, graphs,
  // capacity, event schemas) are rendered from them once the stacks are written and the tree released
  // (cli/artifact-stage.ts). A subset synth stages only its environments' files.
  // Files the output already holds with the same bytes are not staged (a synth that changes nothing stages nothing).
  const output = existsSync(target) ? target : undefined;
  const stageFile = fileWriter(stageDir, output);
  const topologies: Array<{ file: string; topology: Topology }> = [];
  const commit: string[] = [];
  const selectedNames = selected.map((s) => s.node.id);
  const isSelected = new Set(selectedNames);
  for (const stack of rendered.stacks) {
    if (stack.topology === null) continue;
    const file = `stacks/${stack.node.id}/topology.json`;
    topologies.push({ file, topology: stack.topology });
    if (isSelected.has(stack.node.id)) commit.push(file);
  }
  const selectedEnvironments = [...new Set(selected.map((s) => s.environmentName))];
  const artifacts: StageRequest = {
    topologies,
    commit,
    stageDir,
    ...(output === undefined ? {} : { output }),
    subset,
    environments: selectedEnvironments,
    artifacts: options.artifacts !== false,
  };

  const staged: string[] = [];
  // Stack by stack, each released once written (constructs/synth/synthesize-stacks.ts): its Terraform JSON is staged in
  // canonical form, and moved into place with the other staged files on commit.
  progress.stage('synthesizing stacks', selected.length);
  const manifest = synthesizeStacks(app, selected, (stack, json) => {
    const file = `stacks/${stack.node.id}/cdk.tf.json`;
    if (stageFile(file, canonicalJson(json))) staged.push(file);
    progress.tick();
  });
  if (stageFile('manifest.json', canonicalJson(mergeManifest(target, manifest, isSelected, subset)))) staged.push('manifest.json');
  releaseTree(app);
  return { ok: true, stacks: selectedNames, allStacks, staged, subset, warnings, lintSummary, artifacts };
}

/**
 * Detaches every construct from its parent once the stacks are written. Detaching the app's children is not enough:
 * cdktf's token map is global and lives as long as the process, and its references keep their stack, so through the
 * stack's scope the environment and every declaration (~40,000 constructs at 10,000 topics) would stay alive.
 */
function releaseTree(app: App): void {
  for (const construct of app.node.findAll().reverse()) {
    for (const child of construct.node.children) construct.node.tryRemoveChild(child.node.id);
  }
}

interface Manifest {
  readonly version?: string;
  readonly stacks: Record<string, unknown>;
}

/** The new manifest: this run's entries for the written stacks; on a subset synth, the other entries kept as they were. */
function mergeManifest(target: string, fresh: Manifest, written: ReadonlySet<string>, subset: boolean): Manifest {
  const previousPath = join(target, 'manifest.json');
  const previous = subset && existsSync(previousPath) ? (JSON.parse(readFileSync(previousPath, 'utf8')) as Manifest) : { stacks: {} };
  const stacks: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(previous.stacks)) if (!written.has(name)) stacks[name] = entry;
  for (const [name, entry] of Object.entries(fresh.stacks)) if (written.has(name)) stacks[name] = entry;
  return { ...fresh, stacks };
}

function describeFilter(filter: StackFilter): string {
  const parts = [...(filter.environments ?? []).map((e) => `--env ${e}`), ...(filter.domains ?? []).map((d) => `--domain ${d}`)];
  return parts.join(' ');
}

/** The generated files of stacks that are no longer declared (POSIX paths); terraform's files there stay. */
function staleStackFiles(target: string, current: ReadonlySet<string>): string[] {
  const stacksDir = join(target, 'stacks');
  if (!isFolder(stacksDir)) return [];
  const stale: string[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    if (current.has(name) || !isFolder(join(stacksDir, name))) continue;
    for (const file of GENERATED_STACK_FILES) {
      if (existsSync(join(stacksDir, name, file))) stale.push(`stacks/${name}/${file}`);
    }
  }
  return stale;
}

/** Artifact roots and how to tell a file topicform generated there from one a person put there. */
const ARTIFACT_FOLDERS: ReadonlyArray<readonly [string, (content: string) => boolean]> = [
  ...ARTIFACT_ROOTS.map((r) => [r, isGeneratedArtifact] as const),
  [SCHEMA_ROOT, isGeneratedSchemaFile],
];

/**
 * Generated artifacts under clients/, docs/ and schemas/ that the declarations no longer produce (a deleted service,
 * group, domain or environment), POSIX paths. Only files carrying topicform's marker are listed.
 */
function staleArtifacts(target: string, current: ReadonlySet<string>): string[] {
  const stale: string[] = [];
  for (const [root, isGenerated] of ARTIFACT_FOLDERS) {
    const dir = join(target, root);
    if (!isFolder(dir)) continue;
    for (const file of listFiles(dir, root).sort()) {
      if (current.has(file) || !isGenerated(readFileSync(join(target, ...file.split('/')), 'utf8'))) continue;
      stale.push(file);
    }
  }
  return stale;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Files below `dir`, as POSIX paths starting with `prefix`. */
function listFiles(dir: string, prefix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listFiles(join(dir, entry.name), path);
    return entry.isFile() ? [path] : [];
  });
}
