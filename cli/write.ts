/**
 * Atomic, non-destructive file writes: each file goes to a temporary sibling and is renamed over its target (atomic on
 * one filesystem), so a crash never leaves a half-written file and readers see the old or the new content, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `content` to `target` atomically; returns false (and touches nothing) when the file already holds it. */
export function writeFileAtomic(target: string, content: string): boolean {
  try {
    if (readFileSync(target, 'utf8') === content) return false;
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
  return `${JSON.stringify(value, sortedKeys, 2)}\n`;
}

/**
 * A JSON.stringify replacer that hands over objects with their keys sorted. It copies only objects whose keys are out of
 * order: cdktf's output and the Topology are mostly sorted already, and copying every object showed in the synth
 * profile. The copy goes through Object.fromEntries like any object, so integer-like keys enumerate the way JSON.parse
 * gives them either way.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(keys.sort().map((k) => [k, record[k]]));
    }
  }
  return value;
}
