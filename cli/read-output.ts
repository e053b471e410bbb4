/**
 * Reading the inputs of the commands that treat them as data (guard, plan, ci): synthesized outputs, stack
 * directories listed with lstat (a symbolic link is reported as one and never followed), and JSON reports and plans.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry } from '../guard/types';
import { isObject } from '../model/json-object';

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
export function readRegularFile(path: string): string | undefined {
  if (!existsSync(path) && !isDanglingLink(path)) return undefined;
  return entryKind(path) === 'file' ? readFileSync(path, 'utf8') : undefined;
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
}

export function readOutputStacks(dir: string, label: string): OutputStack[] {
  if (!existsSync(dir)) throw new InputError(`${label}: no such directory`);
  if (!isOutputDirectory(dir)) throw new InputError(`${label}: not a synthesized output (it has no stacks/ directory)`);
  const stacks: OutputStack[] = [];
  for (const entry of listEntries(join(dir, 'stacks'))) {
    if (entry.kind !== 'directory') continue;
    const terraformFile = join(dir, 'stacks', entry.name, 'cdk.tf.json');
    if (!existsSync(terraformFile)) continue;
    const terraform = parseJson(readFileSync(terraformFile, 'utf8'), `${label}/stacks/${entry.name}/cdk.tf.json`);
    const topologyFile = join(dir, 'stacks', entry.name, 'topology.json');
    const topology = existsSync(topologyFile) ? parseJson(readFileSync(topologyFile, 'utf8'), `${label}/stacks/${entry.name}/topology.json`) : undefined;
    const environment = isObject(topology) && isObject(topology.environment) ? topology.environment : {};
    stacks.push({
      stack: entry.name,
      terraform,
      environment: typeof environment.name === 'string' ? environment.name : null,
      production: typeof environment.production === 'boolean' ? environment.production : null,
    });
  }
  return stacks;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
