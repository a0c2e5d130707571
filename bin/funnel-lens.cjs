#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci` is the whole set-up: no build step can be
// stale or missing. tsx compiles each file once and caches the result.
'use strict';
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then(code => {
    process.exitCode = code;
    // A failed or interrupted command is over once it has said why: nothing left in flight may
    // hold the process open (the unfinished run was already removed).
    if (code !== 0) process.exit(code);
  });
