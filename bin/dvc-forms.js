#!/usr/bin/env node
// The author CLI: lint, check, test, compile, verify, keygen. See `dvc-forms --help`.
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exitCode = 2;
  },
);
