/**
 * Compares two synth output directories byte for byte: the one synthesized with cdktf and the one synthesized with CDK
 * Terrain (cdktn, installed under the cdktf name), run by the cdktn CI leg (.ci/cdktn-leg, docs/runtimes.md).
 *
 * The only difference allowed is the library's version stamp, at the two places cdktf and cdktn write it, and each one
 * is listed with its explanation rather than ignored:
 * - `//.metadata.version` of every `stacks/<stack>/cdk.tf.json`: TerraformStack.toTerraform() writes the App's
 *   `cdktfVersion` context, which App sets to the library's own package.json version; terraform ignores the `//` key;
 * - `version` of `manifest.json`: the version the App's Manifest is created with, the same package.json version.
 * A file that differs anywhere else, in any other way, or exists on one side only, is a failure.
 *
 * The Node.js legs use it too, with one library version on both sides, to show that synth writes the same bytes on
 * each Node.js line.
 *
 * Usage: tsx scripts/compare-synth.ts <reference> <other> <reference-library-version> <other-library-version> [<reference-name> <other-name>]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A version stamp change, from the reference library's version to the other library's. */
export interface Stamp {
  readonly from: string;
  readonly to: string;
}

/** One file that differs only in the version stamp, at `path` (a JSON path such as `//.metadata.version`). */
export interface StampDifference {
  readonly file: string;
  readonly path: string;
  readonly why: string;
}

export interface Comparison {
  /** Files present in both outputs. */
  readonly compared: number;
  readonly identical: number;
  /** Differences that are the version stamp, each listed and explained. */
  readonly stamps: readonly StampDifference[];
  /** Everything else: each one fails the comparison. */
  readonly problems: readonly string[];
}

/** Where each output writes the library version, and why it is the library's version rather than topicform's data. */
const STAMP_PLACES: ReadonlyArray<{ readonly file: RegExp; readonly path: readonly string[]; readonly why: string }> = [
  {
    file: /^stacks\/[^/]+\/cdk\.tf\.json$/,
    path: ['//', 'metadata', 'version'],
    why: "the library version TerraformStack.toTerraform() writes into the stack's metadata (the App's cdktfVersion context, set from the library's package.json); terraform ignores the '//' key",
  },
  {
    file: /^manifest\.json$/,
    path: ['version'],
    why: "the library version the App's Manifest is created with (the library's package.json version); terraform never reads manifest.json",
  },
];

/**
 * Compares `reference` (cdktf's output) with `other` (cdktn's): every file byte for byte, the stamp being the only change
 * allowed. With the same version on both sides (two Node.js versions, one library) no difference at all is allowed.
 * `names` label the two sides in the problems.
 */
export function compareOutputs(reference: string, other: string, stamp: Stamp, names: readonly [string, string] = ['cdktf', 'cdktn']): Comparison {
  const problems: string[] = [];
  const stamps: StampDifference[] = [];
  for (const dir of [reference, other]) if (!existsSync(dir)) problems.push(`${dir}: no such directory`);
  const left = existsSync(reference) ? listFiles(reference) : [];
  const right = existsSync(other) ? listFiles(other) : [];
  for (const file of left) if (!right.includes(file)) problems.push(`${file}: written with ${names[0]} only`);
  for (const file of right) if (!left.includes(file)) problems.push(`${file}: written with ${names[1]} only`);
  if (left.length === 0 && existsSync(reference)) problems.push(`${reference}: no file synthesized`);

  let compared = 0;
  let identical = 0;
  for (const file of left.filter((f) => right.includes(f))) {
    compared++;
    const a = readFileSync(join(reference, file));
    const b = readFileSync(join(other, file));
    if (a.equals(b)) {
      identical++;
      continue;
    }
    const place = STAMP_PLACES.find((p) => p.file.test(file));
    const found = place === undefined || stamp.from === stamp.to ? undefined : stampOnly(a.toString('utf8'), b.toString('utf8'), place.path, stamp, names);
    if (place !== undefined && found === true) stamps.push({ file, path: place.path.join('.'), why: place.why });
    else problems.push(`${file}: ${found === undefined || found === true ? firstDifference(a, b, names) : found}`);
  }
  return { compared, identical, stamps, problems };
}

/**
 * True when `b` is `a` with the stamp at `path` changed from `stamp.from` to `stamp.to` and nothing else; otherwise the
 * reason it is not.
 */
function stampOnly(a: string, b: string, path: readonly string[], stamp: Stamp, names: readonly [string, string]): true | string {
  let left: unknown;
  let right: unknown;
  try {
    left = JSON.parse(a);
    right = JSON.parse(b);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const was = valueAt(left, path);
  const is = valueAt(right, path);
  const where = path.join('.');
  if (was !== stamp.from || is !== stamp.to) {
    return `${where} is ${JSON.stringify(was)} → ${JSON.stringify(is)}, not the library versions ${stamp.from} → ${stamp.to}`;
  }
  // Byte for byte apart from the stamp: the stamp's text replaced, and only it, gives the other file exactly.
  const key = JSON.stringify(path[path.length - 1]);
  const before = `${key}: ${JSON.stringify(stamp.from)}`;
  const after = `${key}: ${JSON.stringify(stamp.to)}`;
  if (a.split(before).length !== 2) return `${where}: expected the stamp text ${before} exactly once`;
  if (a.replace(before, after) !== b) return `differs beyond ${where}: ${firstDifference(Buffer.from(a.replace(before, after)), Buffer.from(b), names)}`;
  return true;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Where two buffers first differ: line and column, and both lines. */
function firstDifference(a: Buffer, b: Buffer, names: readonly [string, string]): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const lineOf = (buffer: Buffer): string => {
    const text = buffer.toString('utf8');
    const start = text.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
    const end = text.indexOf('\n', i);
    return `\`${text.slice(start, end === -1 ? undefined : end).trim()}\``;
  };
  const line = a.subarray(0, i).toString('utf8').split('\n').length;
  return `first difference at byte ${i} (line ${line}): ${names[0]} ${lineOf(a)}, ${names[1]} ${lineOf(b)}`;
}

/** Files below `dir`, relative, with POSIX separators, sorted. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? listFiles(full, base) : [relative(base, full).split(sep).join('/')];
    });
}

/** The report the CI leg prints: every stamp difference with its reason, every problem, and a summary line. */
export function report(result: Comparison, stamp: Stamp): string {
  const lines: string[] = [];
  if (result.stamps.length > 0) {
    lines.push(`version stamp ${stamp.from} → ${stamp.to}, the only difference allowed (${result.stamps.length} file(s)):`);
    const reasons = new Map<string, string>();
    for (const s of result.stamps) {
      lines.push(`  ${s.file}: ${s.path}`);
      reasons.set(s.path, s.why);
    }
    lines.push('  why:');
    for (const [path, why] of reasons) lines.push(`    ${path}: ${why}`);
  }
  for (const problem of result.problems) lines.push(`DIFFERENT ${problem}`);
  if (stamp.from === stamp.to) {
    const verdict = result.problems.length === 0 ? 'identical' : `${result.problems.length} difference(s)`;
    lines.push(`${result.compared} file(s) compared: ${result.identical} byte-identical; ${verdict}`);
  } else {
    const verdict =
      result.problems.length === 0 ? 'identical apart from the version stamp' : `${result.problems.length} difference(s) beyond the version stamp`;
    lines.push(
      `${result.compared} file(s) compared: ${result.identical} byte-identical, ${result.stamps.length} differing only in the version stamp; ${verdict}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  const [reference, other, from, to, first = 'cdktf', second = 'cdktn'] = process.argv.slice(2);
  if (reference === undefined || other === undefined || from === undefined || to === undefined) {
    process.stderr.write(
      'usage: tsx scripts/compare-synth.ts <reference> <other> <reference-library-version> <other-library-version> [<reference-name> <other-name>]\n',
    );
    process.exit(2);
  }
  const stamp = { from, to };
  const result = compareOutputs(reference, other, stamp, [first, second]);
  process.stdout.write(report(result, stamp));
  process.exitCode = result.problems.length === 0 ? 0 : 1;
}
