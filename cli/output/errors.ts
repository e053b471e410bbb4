/** Why synth could not write its output; each message says what happened to the previous output. */

/** Another synth holds the output's lock, and waiting did not help. */
export class OutputBusyError extends Error {}

/** Something on disk is in the way of a file or folder synth writes; found before anything was touched. */
export class OutputBlockedError extends Error {}

/**
 * A step of the commit failed (a read-only folder, a full disk). `restored` says whether the previous output was put
 * back; when it was not, the journal stays beside the output and the next synth puts it back.
 */
export class OutputCommitError extends Error {
  constructor(
    message: string,
    readonly restored: boolean,
  ) {
    super(message);
  }
}
