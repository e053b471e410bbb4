/**
 * Synthesizing a git ref: the ref's tree is extracted with `git archive` into a temporary directory, this repository's
 * node_modules is linked into it, and the ref's own app runs with CDKTF_OUTDIR pointing at the output and
 * TOPICFORM_NO_ARTIFACTS=1, so that it writes only the stacks and the manifest (`synth --no-artifacts`). Used by
 * `topicform review --base-ref/--head-ref` (a temporary output) and `topicform atlantis --base-ref` (the base output
 * kept for every project's review, written to a staging sibling and renamed into place only when the synth succeeded).
 *
 * The ref's declarations and app are its own; topicform and every other dependency are this checkout's, so a change
 * of the lockfile between the ref and the checkout is not seen in the ref's output: a progress line says so when the
 * lockfiles differ.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ReviewInputError } from '../review/errors';
import { lockfileReason } from './stack-changes';
import { NO_ARTIFACTS_ENV } from './synth';

/** One side of a comparison: an output directory and how to name it. */
export interface Side {
  readonly dir: string;
  readonly label: string;
  /** The app directory inside the extracted tree (for the head's acknowledgement file). */
  readonly tree?: string;
}

/** Extracted trees and temporary outputs, removed by `dispose()`. */
export class RefWorkspace {
  private temp: string | undefined;

  constructor(
    private readonly cwd: string,
    private readonly progress: (line: string) => void,
    /** The command whose progress lines these are, e.g. `review`. */
    private readonly command: string,
    /**
     * Where the note that a ref's lockfile differs from the checkout's goes, shown even where progress is not (progress
     * may be for terminals only); none when the command handles a lockfile change itself (`changed`, `atlantis`).
     */
    private readonly warn?: (line: string) => void,
  ) {}

  /**
   * Synthesizes `ref` with its own `app`. The output goes to a temporary directory, or to `out` when given: then it is
   * written beside `out` and replaces it only once the synth succeeded, so a failed synth leaves no partial output.
   * Errors name the option (`--<side>-ref <ref>`) and what failed.
   */
  synthesizeRef(side: 'base' | 'head', ref: string, app: string, out?: string): Side & { tree: string } {
    const option = `--${side}-ref ${ref}`;
    const root = git(
      ['rev-parse', '--show-toplevel'],
      this.cwd,
      option,
      'not inside a git repository: --base-ref and --head-ref need one (or give --base/--head directories)',
    ).trim();
    const sha = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], this.cwd, option, `unknown git ref "${ref}"`).trim();
    this.temp ??= mkdtempSync(join(tmpdir(), 'topicform-ref-'));
    const tree = join(this.temp, `${side}-tree`);
    const staging = out === undefined ? join(this.temp, `${side}-out`) : `${out}.staging-${process.pid}`;
    if (out !== undefined) {
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(dirname(staging), { recursive: true });
    }
    mkdirSync(tree, { recursive: true });
    const started = Date.now();
    this.progress(`topicform ${this.command}: synthesizing ${side} ${ref} (${sha.slice(0, 12)})…`);

    const archive = spawnSync('git', ['archive', '--format=tar', sha], { cwd: root, maxBuffer: 2 ** 31 - 1 });
    if (archive.status !== 0) throw new ReviewInputError(option, `git archive failed: ${archive.stderr.toString('utf8').trim()}`);
    const untar = spawnSync('tar', ['-x', '-C', tree], { input: archive.stdout });
    if (untar.status !== 0) throw new ReviewInputError(option, `extracting the tree failed: ${untar.stderr.toString('utf8').trim()}`);

    // The app may live in a subdirectory of the repository: run it where the current directory is.
    const appDir = join(tree, relative(realpathSync(root), realpathSync(this.cwd)));
    if (!existsSync(join(appDir, app))) throw new ReviewInputError(option, `${app} does not exist at ${ref} (use --app <file>)`);
    const modules = nearestNodeModules(this.cwd);
    if (modules !== undefined && !existsSync(join(appDir, 'node_modules'))) symlinkSync(modules, join(appDir, 'node_modules'), 'dir');
    if (this.warn !== undefined && lockfileReason(ref, this.cwd) !== undefined) {
      this.warn(
        `topicform ${this.command}: note: package-lock.json differs between ${ref} and this checkout; ${ref} is synthesized with this checkout's topicform and dependencies, so what the upgrade alone changes is not in this comparison`,
      );
    }

    try {
      const synth = spawnSync(process.execPath, [require.resolve('tsx/cli'), app], {
        cwd: appDir,
        // Only the stacks: every caller reads cdk.tf.json and topology.json alone (as a pull request's synth does).
        env: { ...process.env, CDKTF_OUTDIR: staging, [NO_ARTIFACTS_ENV]: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (synth.error !== undefined) throw new ReviewInputError(option, `could not run the synth: ${synth.error.message}`);
      if (synth.status !== 0) {
        const tail = `${synth.stderr}\n${synth.stdout}`.trim().split('\n').slice(-15).join('\n');
        throw new ReviewInputError(option, `synthesizing ${app} at ${ref} failed (exit ${String(synth.status)}):\n${tail}`);
      }
      this.progress(`topicform ${this.command}: synthesized ${side} ${ref} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (out === undefined) {
        // An app that ignores CDKTF_OUTDIR writes to cdktf.out beside itself.
        return { dir: existsSync(staging) ? staging : join(appDir, 'cdktf.out'), label: ref, tree: appDir };
      }
      if (!existsSync(staging)) {
        throw new ReviewInputError(option, `${app} at ${ref} did not write to CDKTF_OUTDIR: it must synthesize into the directory that names`);
      }
      rmSync(out, { recursive: true, force: true });
      renameSync(staging, out);
      return { dir: out, label: ref, tree: appDir };
    } finally {
      if (out !== undefined) rmSync(staging, { recursive: true, force: true });
    }
  }

  dispose(): void {
    if (this.temp !== undefined) rmSync(this.temp, { recursive: true, force: true });
  }
}

function git(args: string[], cwd: string, option: string, failure: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new ReviewInputError(option, failure);
  }
}

function nearestNodeModules(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir || !isAbsolute(parent)) return undefined;
    dir = parent;
  }
}
