#!/usr/bin/env node
// The `topicform` command. The toolkit and a user's declarations are TypeScript, loaded through tsx's require hook.
'use strict';
require('tsx/cjs');
const { main } = require('../cli/main.ts');
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`topicform: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
