#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci` is the whole set-up: no build step can be
// stale or missing. tsx compiles each file once and caches the result.
'use strict';
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then(code => {
    process.exitCode = code;
    // Stopped by a signal: requests still in flight or a 429 wait must not keep the process up;
    // the unfinished run was already removed.
    if (code === 130 || code === 143) process.exit(code);
  });
