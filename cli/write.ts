/**
 * Atomic, non-destructive file writes: each file goes to a temporary sibling and is renamed over its target (atomic on
 * one filesystem), so a crash never leaves a half-written file and readers see the old or the new content, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalString } from '../model/canonical-json';

/**
 * Writes `content` (text, or bytes such as a tarball) to `target` atomically; returns false (and touches nothing) when
 * the file already holds it.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): boolean {
  try {
    const current = readFileSync(target);
    if (typeof content === 'string' ? current.toString('utf8') === content : current.equals(content)) return false;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}

/** JSON with object keys sorted at every level, two-space indented, with a final newline: byte-stable output. */
export function canonicalJson(value: unknown): string {
  return `${canonicalString(value, 2)}\n`;
}
