#!/usr/bin/env node
// The author CLI: lint, check, test, preview, compile, verify, keygen. See `dvc-forms --help`.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli.js'))
    throw err;
  // Only happens in a source checkout: the published package always ships dist/.
  console.error('dvc-forms: the CLI is not built yet; run "npm run build" first.');
  process.exit(2);
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exitCode = 2;
  },
);
