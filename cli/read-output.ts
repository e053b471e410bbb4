/**
 * Reading the inputs of the commands that treat them as data (guard, plan, ci): synthesized outputs, stack
 * directories listed with lstat (a symbolic link is reported as one and never followed), and JSON reports and plans.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry } from '../guard/types';
import { isObject } from '../model/json-object';
import { SharedTexts } from './shared-texts';

/** An input a command cannot use; the message names it and says why (the command prints it and exits 1). */
export class InputError extends Error {}

/** A file's text; InputError naming it when it does not exist. */
export function readInputFile(path: string, shown: string): string {
  if (!existsSync(path)) throw new InputError(`${shown}: no such file`);
  return readFileSync(path, 'utf8');
}

/** A JSON file, parsed; InputError naming it when it does not exist or is not JSON. */
export function readJsonFile(path: string, shown: string): unknown {
  return parseJson(readInputFile(path, shown), shown);
}

/** The kind of a directory entry, without following a symbolic link. */
export function entryKind(path: string): DirectoryEntry['kind'] {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isDirectory()) return 'directory';
  return stat.isFile() ? 'file' : 'other';
}

export function listEntries(dir: string): DirectoryEntry[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, kind: entryKind(join(dir, name)) }));
}

/** A file's text when it is a regular file (not a link, not a directory), else undefined. */
export function readRegularFile(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string | undefined {
  if (!existsSync(path) && !isDanglingLink(path)) return undefined;
  return entryKind(path) === 'file' ? read(path) : undefined;
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `dir` is an output directory (it has `stacks/` and is not itself a stack directory). */
export function isOutputDirectory(dir: string): boolean {
  return existsSync(join(dir, 'stacks')) && entryKind(join(dir, 'stacks')) === 'directory' && !existsSync(join(dir, 'cdk.tf.json'));
}

/** A trusted output's stacks: name → parsed cdk.tf.json and what topology.json says of the environment. */
export interface OutputStack {
  readonly stack: string;
  readonly terraform: unknown;
  readonly environment: string | null;
  readonly production: boolean | null;
  readonly terraformText: string;
  readonly topologyText?: string;
}

/**
 * Each file is parsed on first use, not here: the guard compares a head stack whose files are byte-identical to the
 * base's by their text and never needs the base's parse (guard/guard.ts); a file that is not JSON is an InputError
 * naming it when it is used, as it was when it was read. `texts` shares the strings with the head's reading.
 */
export function readOutputStacks(dir: string, label: string, texts: SharedTexts = new SharedTexts()): OutputStack[] {
  if (!existsSync(dir)) throw new InputError(`${label}: no such directory`);
  if (!isOutputDirectory(dir)) throw new InputError(`${label}: not a synthesized output (it has no stacks/ directory)`);
  const stacks: OutputStack[] = [];
  for (const entry of listEntries(join(dir, 'stacks'))) {
    if (entry.kind !== 'directory') continue;
    const terraformFile = join(dir, 'stacks', entry.name, 'cdk.tf.json');
    if (!existsSync(terraformFile)) continue;
    const terraformText = texts.read(`${entry.name}/cdk.tf.json`, terraformFile);
    const topologyFile = join(dir, 'stacks', entry.name, 'topology.json');
    const topologyText = existsSync(topologyFile) ? texts.read(`${entry.name}/topology.json`, topologyFile) : undefined;
    const terraform = once(() => parseJson(terraformText, `${label}/stacks/${entry.name}/cdk.tf.json`));
    const environment = once(() => {
      const topology = topologyText === undefined ? undefined : parseJson(topologyText, `${label}/stacks/${entry.name}/topology.json`);
      return isObject(topology) && isObject(topology.environment) ? topology.environment : {};
    });
    stacks.push({
      stack: entry.name,
      terraformText,
      ...(topologyText === undefined ? {} : { topologyText }),
      get terraform() {
        return terraform();
      },
      get environment() {
        const name = environment().name;
        return typeof name === 'string' ? name : null;
      },
      get production() {
        const production = environment().production;
        return typeof production === 'boolean' ? production : null;
      },
    });
  }
  return stacks;
}

/** `compute`'s result, computed on the first call. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
