/**
 * Reading the same file of two outputs (a pull request's base and head) once: most stacks of a change are byte-identical
 * on both sides, and decoding a 10,000-topic output's JSON to strings costs about a second of CPU per side. The first
 * side's bytes are kept per key (`<stack>/<file>`); the other side's file, when it has the same bytes, gets the very
 * same string, so that comparing the two texts later costs nothing and each identical text is decoded once.
 */
import { readFileSync } from 'node:fs';

export class SharedTexts {
  private readonly first = new Map<string, { readonly bytes: Buffer; readonly text: string }>();

  /** The file's UTF-8 text, as readFileSync(path, 'utf8') gives it; the first side's string when the bytes are the same. */
  read(key: string, path: string): string {
    const bytes = readFileSync(path);
    const known = this.first.get(key);
    if (known !== undefined) {
      // Each key is read once per side: the first side's bytes are not needed after the second side's read.
      this.first.delete(key);
      if (known.bytes.equals(bytes)) return known.text;
      return bytes.toString('utf8');
    }
    const text = bytes.toString('utf8');
    this.first.set(key, { bytes, text });
    return text;
  }
}
