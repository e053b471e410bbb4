/**
 * The one error review raises: an input it cannot read. The message names the file and, inside it, the JSON path or
 * field, so the command can print it and exit 1 without a stack trace.
 */
export class ReviewInputError extends Error {
  constructor(
    /** The file (or directory, or command-line argument) that is wrong. */
    readonly file: string,
    /** What is wrong with it, e.g. `resource.kafka_topic["x"].partitions: expected a number, got "12"`. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ReviewInputError';
  }
}
