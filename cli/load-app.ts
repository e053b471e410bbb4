/**
 * Finds the user's app: a module (default `main.ts` in the working directory) exporting `buildApp(outdir): App`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { App } from '../constructs/cdktf';
import { registerTypeScript } from './typescript-loader';

export type AppBuilder = (outdir: string) => App;

export class UsageError extends Error {}

export function loadAppBuilder(appFile: string, cwd = process.cwd()): AppBuilder {
  const path = resolve(cwd, appFile);
  if (!existsSync(path)) throw new UsageError(`app file ${appFile} not found in ${cwd} (use --app <file>)`);
  // tsx's require hook, registered now (cli/typescript-loader.ts), loads a TypeScript app like any module. A dynamic
  // path needs require().
  registerTypeScript();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as { buildApp?: unknown };
  if (typeof loaded.buildApp !== 'function') {
    throw new UsageError(`${appFile} does not export buildApp(outdir): App — export the function that builds your stacks`);
  }
  return loaded.buildApp as AppBuilder;
}
