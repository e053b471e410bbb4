/**
 * File access for `topicform import`: reading inputs and the environments module, and writing the generated files
 * all or nothing (every target is checked before the first is written; each is written atomically).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from './load-app';
import { registerTypeScript } from './typescript-loader';
import { writeFileAtomic } from './write';
import type { GeneratedFile, InputFile } from '../importer';

/** Reads one input file; an unreadable one is a usage error that names it. */
export function readInput(path: string, cwd: string): InputFile {
  try {
    return { file: path, text: readFileSync(resolve(cwd, path), 'utf8') };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new UsageError(`cannot read input file ${path} (${reason})`);
  }
}

/** Reads a file another input names, relative to that input (kafka-gitops `settings.files`); a string is why not. */
export function includeReader(from: string, cwd: string): (path: string) => InputFile | string {
  return (path) => {
    const target = join(dirname(resolve(cwd, from)), path);
    const shown = relative(cwd, target) || path;
    try {
      return { file: shown, text: readFileSync(target, 'utf8') };
    } catch (error) {
      return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    }
  };
}

/** The named environment from a module exporting `environments` (environments.ts by default). */
export function loadEnvironment(file: string, name: string, cwd: string): unknown {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`environments file ${file} not found in ${cwd} (use --environments <file>)`);
  // tsx's require hook, registered now (cli/typescript-loader.ts), loads a TypeScript module like any other. A dynamic
  // path needs require().
  registerTypeScript();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as { environments?: unknown };
  const list = Array.isArray(loaded.environments) ? (loaded.environments as Array<{ name?: unknown }>) : undefined;
  if (list === undefined) throw new UsageError(`${file} does not export environments (an array of environments)`);
  const found = list.find((e) => e.name === name);
  if (found === undefined) throw new UsageError(`unknown environment "${name}"; ${file} has ${list.map((e) => String(e.name)).join(', ')}`);
  return found;
}

/**
 * Prints what would be written (dry run) or writes every file; refuses, writing nothing, when one exists and `force`
 * is off.
 */
export function writeGenerated(files: readonly GeneratedFile[], outDir: string, options: { readonly dryRun: boolean; readonly force: boolean }): string {
  const targets = files.map((f) => ({ ...f, target: join(outDir, f.path) }));
  if (options.dryRun) return `\ndry run: would write ${targets.map((t) => `${t.path}${existsSync(t.target) ? ' (exists)' : ''}`).join(', ')}\n`;
  const existing = targets.filter((t) => existsSync(t.target));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.map((t) => t.path).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite)`,
    );
  }
  const written = targets.filter((t) => writeFileAtomic(t.target, t.content)).map((t) => t.path);
  return `\nwrote ${written.length === 0 ? 'nothing (every file was up to date)' : written.join(', ')}\n`;
}

/** `'x'` for a shell, safe whatever x holds. */
export function shellQuote(text: string): string {
  return /^[\w./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
