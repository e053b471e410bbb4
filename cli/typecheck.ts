/**
 * Type-checks the user's repository with its own TypeScript and tsconfig.json, as `tsc --noEmit` would. Synth does not
 * type-check (tsx strips types without checking them, like ts-node's transpile-only mode): a type-check of a large
 * repository takes longer than its synth, so it is a separate step, `topicform check`, that CI runs before synth.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type * as TypeScript from 'typescript';
import { UsageError } from './load-app';

export interface TypeError {
  /** Relative to the working directory, POSIX separators; undefined for a problem with the configuration itself. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** `TS2322` */
  readonly code: string;
  readonly message: string;
}

/** The type errors of the project whose tsconfig is `project` (default: tsconfig.json found from `cwd` upwards). */
export function typeCheck(cwd: string, project?: string): { readonly config: string; readonly errors: readonly TypeError[] } {
  const ts = loadTypeScript(cwd);
  const config = project === undefined ? ts.findConfigFile(cwd, (f) => ts.sys.fileExists(f), 'tsconfig.json') : resolve(cwd, project);
  if (config === undefined || !ts.sys.fileExists(config)) throw new UsageError(`no ${project ?? 'tsconfig.json'} in ${cwd} or above it (use --project <file>)`);
  const read = ts.readConfigFile(config, (f) => ts.sys.readFile(f));
  if (read.error !== undefined) return { config, errors: [toTypeError(ts, read.error, cwd)] };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(config), { noEmit: true }, config);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences ?? [],
  });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].filter((d) => d.category === ts.DiagnosticCategory.Error);
  return { config, errors: diagnostics.map((d) => toTypeError(ts, d, cwd)) };
}

/** `error: topics/orders.ts:12:5 › TS2322: Type 'string' is not assignable to type 'number'.` */
export function formatTypeError(error: TypeError): string {
  const where = error.file === undefined ? '' : `${error.file}${error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`} › `;
  return `error: ${where}${error.code}: ${error.message}`;
}

/** The repository's own TypeScript (a devDependency of every topicform repository), else the one beside topicform. */
function loadTypeScript(cwd: string): typeof TypeScript {
  let path: string;
  try {
    path = require.resolve('typescript', { paths: [cwd, __dirname] });
  } catch {
    throw new UsageError('TypeScript is not installed in this repository: npm install --save-dev typescript');
  }
  // A path found at run time needs require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as typeof TypeScript;
}

function toTypeError(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic, cwd: string): TypeError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const code = `TS${diagnostic.code}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) return { code, message };
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { file: relative(cwd, diagnostic.file.fileName).split(sep).join('/'), line: line + 1, column: character + 1, code, message };
}
