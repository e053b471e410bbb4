/**
 * What `topicform guard` reads and reports. The guard runs from trusted code over a synthesized output as data,
 * before any `terraform init` with credentials (docs/threat-model.md): the command layer lists the stack directories
 * and reads their files; everything here is pure.
 */
import type { GuardCode } from './codes';

/** One entry of a stack directory, as `lstat` saw it (a symlink is never followed). */
export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
}

/** A stack directory of the output under guard. */
export interface GuardStack {
  /** The directory name: the stack's name. */
  readonly stack: string;
  /** The directory as the user named it, for messages (e.g. `out/head/stacks/dev`). */
  readonly directory: string;
  readonly entries: readonly DirectoryEntry[];
  /** The text of cdk.tf.json, when it is a regular file. */
  readonly terraform?: string;
  /** The text of topology.json, when it is a regular file. */
  readonly topology?: string;
}

/** A stack of the trusted base output (synthesized by the default branch's own code). */
export interface BaseStack {
  readonly stack: string;
  /** Its cdk.tf.json, parsed (the command layer parses it on first use: most stacks of a change never need it). */
  readonly terraform: unknown;
  readonly environment: string | null;
  readonly production: boolean | null;
  /**
   * The texts of its cdk.tf.json and topology.json, when the reader kept them. A head stack whose file is the same
   * text is compared and described without parsing the base's (guard.ts): the same text is the same Terraform and the
   * same environment.
   */
  readonly terraformText?: string;
  readonly topologyText?: string;
}

export interface GuardOptions {
  /**
   * The output came from another job (a pull request's artifact): nothing has run terraform there, so terraform's
   * own `.terraform/` and lock file are refused too — a planted provider binary or lock file would run with the
   * credentials. @default false (a local output where terraform ran keeps them)
   */
  readonly untrusted?: boolean;
  /** Refuse a local (or missing) backend: in CI its state would live on the runner and be lost. @default false */
  readonly remoteBackend?: boolean;
}

export interface GuardInput {
  readonly stacks: readonly GuardStack[];
  /** Entries beside the stack directories (in `<output>/stacks/`) that are not directories, as shown paths. */
  readonly strays?: readonly string[];
  /** The base output; with it, backend and provider settings must equal the base's. */
  readonly base?: { readonly label: string; readonly stacks: readonly BaseStack[] };
  readonly options?: GuardOptions;
}

export interface GuardViolation {
  /** The stack directory name ('' for an entry beside the stacks). */
  readonly stack: string;
  /** The file or directory, as shown (`out/head/stacks/dev/cdk.tf.json`). */
  readonly file: string;
  /** The JSON path inside the file (`resource.null_resource.x`), '' for the file itself. */
  readonly path: string;
  readonly code: GuardCode;
  readonly message: string;
}

/** What CI needs to know of each stack that passed or failed: for the plan matrix and the environment checks. */
export interface GuardStackInfo {
  readonly stack: string;
  readonly directory: string;
  /** From the base's stack (or a base stack of the same environment) when there is one, else from topology.json. */
  readonly environment: string | null;
  readonly production: boolean | null;
  /** The Terraform JSON differs from the base's (metadata comments aside), or there is no base. */
  readonly changed: boolean;
  /** The base has no stack of this name. */
  readonly new: boolean;
  /** No violation in this stack. */
  readonly ok: boolean;
  /** Its backend keeps state outside the runner (not local, not missing): CI can plan it against real state. */
  readonly remoteBackend: boolean;
}

export interface GuardResult {
  /** Nothing refused. */
  readonly ok: boolean;
  /**
   * Every violation is a settings difference from the base (SETTINGS_CODES): the output holds only what topicform
   * writes, so review may read it, while the stacks that differ are not planned. True when `ok`.
   */
  readonly reviewable: boolean;
  /** The base output compared with, or null (then every stack counts as changed). */
  readonly base: string | null;
  readonly violations: readonly GuardViolation[];
  readonly stacks: readonly GuardStackInfo[];
  /**
   * The stacks CI may plan: those with no violation that changed against the base and keep their state in a remote
   * backend, when the output is reviewable (none otherwise). Sorted.
   */
  readonly plan: readonly string[];
}
