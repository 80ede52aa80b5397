// The reference receiver and demo agency site behind `npm start`.
// Configuration comes from environment variables: see docs/receiver.md.
import { EXAMPLE_POSTAGE, checkDataDir, loadConfig } from './config.js';
import { MissingBuildError } from './library.js';
import { requireKeysWithDatabase } from './crypto-at-rest.js';

let config;
let app;
try {
  // Imported here: the receiver's modules load the built engine and say so when it is missing.
  const { createServer } = await import('./app.js');
  config = loadConfig(process.env);
  requireKeysWithDatabase(config);
  checkDataDir(config.dataDir);
  app = await createServer(config);
} catch (e) {
  if (e instanceof MissingBuildError) console.error(`dvc-forms demo: ${e.message}`);
  else console.error(`dvc-forms demo: cannot start: ${/** @type {Error} */ (e).message}`);
  process.exit(1);
}
try {
  // The mail server's log-in, before the receiver takes dossiers (notify/email.js).
  await /** @type {import('./app.js').Context} */ (app.dvc.ctx).notifier?.check();
} catch (e) {
  console.error(`dvc-forms demo: cannot start: ${/** @type {Error} */ (e).message}`);
  await app.close().catch(() => {});
  process.exit(1);
}
try {
  await app.listen({ port: config.port, host: config.host });
} catch (e) {
  // A port taken or an address not of this machine: said with the variables to change.
  const code = /** @type {NodeJS.ErrnoException} */ (e).code;
  console.error(
    `dvc-forms demo: cannot start: cannot listen on HOST=${config.host} PORT=${config.port}: ` +
      (code === 'EADDRINUSE'
        ? 'the port is in use by another process (set PORT to a free one)'
        : code === 'EACCES'
          ? 'a port below 1024 needs privileges (use a port from 1024 and a reverse proxy)'
          : `${code ?? ''} ${/** @type {Error} */ (e).message} (HOST must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0)`),
  );
  await app.close().catch(() => {});
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
console.log(`dvc-forms demo agency site: http://localhost:${port}/  (Ctrl-C to stop)`);
console.log(`Data: ${config.dataDir}`);
if (!process.env.POSTAGE?.trim()) {
  console.log(
    `POSTAGE unset: results by post use the demo's example tariff of ${EXAMPLE_POSTAGE} đồng; ` +
      'set POSTAGE to your agency’s price (or "none"), see docs/payments.md',
  );
}
const accounts = /** @type {{ n: number }} */ (
  await app.dvc.storage.prepare('SELECT COUNT(*) AS n FROM clerk_accounts').get()
).n;
if (!accounts) {
  console.log(
    `Clerk page http://localhost:${port}/can-bo.html — no clerk account yet: create one with\n` +
      // With PostgreSQL the command must reach the same database (an account created in a
      // SQLite file of DATA_DIR would never log in); the URL is not repeated: it holds a password.
      (config.databaseUrl
        ? '  DATABASE_URL=<the same DATABASE_URL> MASTER_KEYS=<the same> LOOKUP_KEYS=<the same> '
        : `  DATA_DIR=${config.dataDir} `) +
      'npm run clerk -- add <user> --role admin',
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
