/**
 * A file a command generates and the repository commits (CODEOWNERS, atlantis.yaml): `--check` compares it with what
 * the command would write, so CI fails when it is missing or stale; otherwise it is written atomically, only when its
 * bytes change.
 */
import { readFileSync } from 'node:fs';

export interface GeneratedFile {
  /** The command, for messages: `codeowners`. */
  readonly command: string;
  /** The path as the user gave it, for messages. */
  readonly output: string;
  /** The absolute path. */
  readonly target: string;
  readonly content: string;
  /** What a stale file no longer matches, for the message: `the stacks`. */
  readonly source: string;
}

/** `--check`: 0 when the committed file is what the command writes, 1 (saying what to run) when missing or stale. */
export function checkGeneratedFile(file: GeneratedFile, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): number {
  let current: string | undefined;
  try {
    current = readFileSync(file.target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === file.content) {
    stdout.write(`${file.output} is up to date\n`);
    return 0;
  }
  const state = current === undefined ? 'missing' : `stale: it no longer matches ${file.source}`;
  stderr.write(`topicform ${file.command}: ${file.output} is ${state}; run \`topicform ${file.command}\` and commit it\n`);
  return 1;
}
