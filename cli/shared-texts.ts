/**
 * Reading the same file of two outputs (a pull request's base and head) once: most stacks of a change are byte-identical
 * on both sides, and decoding a 10,000-topic output's JSON to strings costs about a second of CPU per side. The first
 * side's text is kept per key (`<stack>/<file>`); the other side's file, when it has the same bytes, gets the very
 * same string, so that comparing the two texts later costs nothing and each identical text is decoded once.
 *
 * Every file's bytes go through one reused buffer: a fresh Buffer per file (readFileSync) cost 1–2 s of CPU for the
 * 368 MiB of two 10,000-topic outputs on the development machine, nearly all of it the kernel handing out new pages,
 * against ~0.05 s into a reused one. The first side's bytes are therefore not kept: the other side's file is compared
 * with the first side's text encoded again, into a second reused buffer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export class SharedTexts {
  private readonly first = new Map<string, string>();
  private bytes: Buffer = Buffer.alloc(0);
  private encoded: Buffer = Buffer.alloc(0);

  /** The file's UTF-8 text, as readFileSync(path, 'utf8') gives it; the first side's string when the bytes are the same. */
  read(key: string, path: string): string {
    const size = this.readBytes(path);
    const known = this.first.get(key);
    if (known === undefined) {
      const text = this.bytes.toString('utf8', 0, size);
      this.first.set(key, text);
      return text;
    }
    // Each key is read once per side: the first side's text is not needed here after the second side's read.
    this.first.delete(key);
    // Sound whatever the bytes: when they are the UTF-8 encoding of `known`, decoding them gives `known` back (even where
    // the first side's bytes were not valid UTF-8 and decoded to U+FFFD: its encoding is then a valid file of its own).
    if (Buffer.byteLength(known, 'utf8') === size) {
      if (this.encoded.length < size) this.encoded = Buffer.allocUnsafe(size);
      this.encoded.write(known, 0, 'utf8');
      if (this.encoded.subarray(0, size).equals(this.bytes.subarray(0, size))) return known;
    }
    return this.bytes.toString('utf8', 0, size);
  }

  /** Reads the whole file into `bytes` (grown when it is too small), to the end as readFileSync does; returns its length. */
  private readBytes(path: string): number {
    const fd = openSync(path, 'r');
    try {
      // One byte more than the file's size, so that the read that finds the end needs no larger buffer.
      const expected = fstatSync(fd).size + 1;
      if (this.bytes.length < expected) this.bytes = Buffer.allocUnsafe(expected);
      let size = 0;
      for (;;) {
        if (size === this.bytes.length) {
          const larger = Buffer.allocUnsafe(this.bytes.length * 2);
          this.bytes.copy(larger, 0, 0, size);
          this.bytes = larger;
        }
        const read = readSync(fd, this.bytes, size, this.bytes.length - size, null);
        if (read === 0) return size;
        size += read;
      }
    } finally {
      closeSync(fd);
    }
  }
}
