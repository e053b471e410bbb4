#!/usr/bin/env node
// The `topicform` command. The toolkit and a user's declarations are TypeScript, loaded through tsx's require hook.
'use strict';
require('tsx/cjs');
const { main } = require('../cli/main.ts');
const { describeFailure, isVerbose } = require('../cli/failure.ts');
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // An exception from the app's code: where it came from, and the whole stack with --verbose or DEBUG=topicform.
    process.stderr.write(`topicform: ${describeFailure(error, isVerbose(process.argv.includes('--verbose'))).join('\n')}\n`);
    process.exitCode = 1;
  },
);
