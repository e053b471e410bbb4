/**
 * How an exception is shown when it escapes a command: the error, and the file and line of the first frame in the
 * user's own code (a topics file that threw, or called a toolkit function wrongly), which is where to look. With
 * `--verbose` or `DEBUG=topicform` the whole stack follows.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

/** The toolkit's own folders (in the repository and in the package alike): frames there are not the user's. */
const TOOLKIT_ROOT = join(__dirname, '..');
const TOOLKIT_FOLDERS = ['access', 'artifacts', 'bin', 'cli', 'constructs', 'contracts', 'gen', 'importer', 'model', 'review', 'rules'];

/** `--verbose`, or DEBUG naming topicform (`DEBUG=topicform`, `DEBUG=topicform,other`, `DEBUG=*`). */
export function isVerbose(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === true) return true;
  return (env.DEBUG ?? '').split(',').some((name) => ['topicform', 'topicform:*', '*'].includes(name.trim()));
}

/** The lines to print for an error: message, where in the user's code, and the stack when verbose. */
export function describeFailure(error: unknown, verbose: boolean, cwd = process.cwd()): string[] {
  if (!(error instanceof Error)) return [String(error)];
  const message = error.name === 'Error' || error.message.startsWith(`${error.name}:`) ? error.message : `${error.name}: ${error.message}`;
  const lines = [message];
  const at = userFrame(error.stack ?? '', cwd);
  if (at !== undefined) lines.push(`  at ${at}`);
  if (verbose) {
    lines.push(...stackOf(error).map((line) => `  ${line.trim()}`));
    if (error.cause !== undefined) lines.push(`caused by: ${describeFailure(error.cause, true, cwd).join('\n')}`);
  } else {
    lines.push('  (the whole stack: --verbose or DEBUG=topicform)');
  }
  return lines;
}

/** The frames of the stack (`at …` lines), without the message. */
function stackOf(error: Error): string[] {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
}

/** `topics/orders.ts:12:7 (orders)`: the first frame outside the toolkit and node_modules, relative to `cwd`. */
export function userFrame(stack: string, cwd = process.cwd()): string | undefined {
  for (const line of stack.split('\n')) {
    const match = /^\s+at (?:(.*?) \()?(?:file:\/\/)?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (match === null) continue;
    const [, fn, file = '', lineNumber, column] = match;
    if (!isAbsolute(file) || file.includes(`${sep}node_modules${sep}`) || isToolkit(file)) continue;
    const shown = relative(cwd, file).split(sep).join('/');
    return `${shown}:${lineNumber}:${column}${fn === undefined || fn === '' ? '' : ` (${fn.replace(/^(new |Object\.)/, '')})`}`;
  }
  return undefined;
}

function isToolkit(file: string): boolean {
  const inside = relative(TOOLKIT_ROOT, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return false;
  return TOOLKIT_FOLDERS.includes(inside.split(sep)[0] ?? '');
}
