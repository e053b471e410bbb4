#!/usr/bin/env node
// The `topicform` command. The toolkit and a user's declarations are TypeScript, loaded through tsx's require hook.
'use strict';
require('tsx/cjs');
// cli/main.ts loads the command a run names with import() (a require in the compiled package): here that is Node's
// ESM loader, which loads TypeScript once tsx's ESM hooks are registered.
import('tsx/esm')
  .then(() => {
    const { main } = require('../cli/main.ts');
    const { describeFailure, isVerbose } = require('../cli/failure.ts');
    return main(process.argv).then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        // An exception from the app's code: where it came from, and the whole stack with --verbose or DEBUG=topicform.
        process.stderr.write(`topicform: ${describeFailure(error, isVerbose(process.argv.includes('--verbose'))).join('\n')}\n`);
        process.exitCode = 1;
      },
    );
  })
  .catch((error) => {
    process.stderr.write(`topicform: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
