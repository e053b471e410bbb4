/**
 * Shared vocabulary of the importer: where a fact came from, lines a parser did not understand, and what the importer
 * tells the user. The importer is a pure layer (no cdktf, no file system): the CLI reads the files and passes text in.
 */

/** A line of one input file (1-based). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** A line a parser did not recognise. It is reported, never silently dropped. */
export interface UnknownLine {
  readonly line: number;
  readonly text: string;
}

/** A line a parser recognised but deliberately did not use (a prompt, a broker entity, a topic being deleted). */
export interface SkippedLine {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export const FINDING_LEVELS = ['error', 'warning', 'info'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

/**
 * What the importer tells the user about one thing it read or decided. `code` is stable and machine-readable;
 * `subject` names the topic, ACL id or file the finding is about.
 */
export interface ImportFinding {
  readonly level: FindingLevel;
  readonly code: string;
  readonly subject: string;
  readonly message: string;
  readonly at?: SourceRef;
}
