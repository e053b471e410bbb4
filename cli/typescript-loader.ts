/**
 * tsx's require hook, registered right before the first module of the user's (a TypeScript app, environments.ts), not
 * when the CLI starts. Registering it turns on Node's source maps and puts tsx in front of every later `require`: cdktf
 * and constructs ship an inline base64 source map in each of their files, so every module loaded after it had its map
 * decoded and parsed, and was looked at by tsx, which cost ~0.45 s of CPU for the modules `topicform synth` loads
 * (node -e, require of the synth command, with and without the hook first: ~1.5 s against ~1.05 s, docs/performance.md).
 * The toolkit's own code is compiled JavaScript; only the user's files need the hook, and they still get source maps.
 */
import Module from 'node:module';

let registered = false;

/** Registers tsx's require hook once; a no-op where `.ts` already loads (the repository's bin/topicform.js, vitest). */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  // Module._extensions is what require.extensions points at; a loader already handling .ts needs no second hook.
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (extensions['.ts'] !== undefined) return;
  // tsx ships this entry's types for node16/bundler resolution only; the repository resolves like node10.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsx = require('tsx/cjs/api') as { register: () => () => void };
  tsx.register();
}
