#!/usr/bin/env node
/**
 * The published package's `topicform` command (package.json `bin` → cli/bin.js). The toolkit runs as compiled
 * JavaScript; a user's app (main.ts, topics/*.ts) is TypeScript, so tsx's require hook is registered right before the
 * app is loaded (cli/typescript-loader.ts, called by cli/load-app.ts), not here: everything the command loads before
 * then loads without it, faster. The repository's own bin/topicform.js runs the TypeScript sources instead.
 */
import { describeFailure, isVerbose } from './failure';
import { main } from './main';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An exception from the app's code: where it came from, and the whole stack with --verbose or DEBUG=topicform.
    process.stderr.write(`topicform: ${describeFailure(error, isVerbose(process.argv.includes('--verbose'))).join('\n')}\n`);
    process.exitCode = 1;
  },
);
