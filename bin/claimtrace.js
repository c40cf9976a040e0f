#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    // Last resort: a bug in claimtrace itself. Users get one line, not a stack trace,
    // unless they ask for it with CLAIMTRACE_DEBUG=1.
    process.stderr.write(`claimtrace: internal error (E_INTERNAL): ${error && error.message ? error.message : String(error)}\n`);
    if (process.env.CLAIMTRACE_DEBUG) process.stderr.write(String(error && error.stack) + '\n');
    process.exitCode = 70;
  },
);
