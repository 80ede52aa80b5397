// The reference receiver and demo agency site behind `npm start`.
// Configuration comes from environment variables: see docs/receiver.md.
import { EXAMPLE_POSTAGE, checkDataDir, loadConfig } from './config.js';
import { MissingBuildError } from './library.js';
import { requireKeysWithDatabase } from './crypto-at-rest.js';
import { isLoopbackHost } from './loopback.js';

// Fastify writes its "Server listening at …" lines as it starts to listen, and has no option to
// leave them out (fastify 5.12 lib/server.js: `this.log.info(listenTextResolver(address))`). The
// receiver listens before the mail check has answered (below), so those lines, and only those,
// are held on their way out and written with the start-up lines once the check has answered (not
// at all when it refuses the log-in): `listenTextResolver` is called just before each is written,
// and the next line is held if it is the one it gave. Every other line (a request, the check's
// warning) goes out at once, as it is logged.
/** The next line's message as JSON, when it is to be held. */
let holdNext = '';
const heldLines = /** @type {string[]} */ ([]);
const logStream = {
  /** @param {string} line */
  write(line) {
    if (holdNext && line.includes(holdNext)) heldLines.push(line);
    else process.stdout.write(line);
    holdNext = '';
  },
};
// As pino's own destination does: a reader gone (`| head`) ends the log, not the receiver.
process.stdout.on('error', (e) => {
  if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EPIPE') throw e;
});
let config;
let app;
try {
  // Imported here: the receiver's modules load the built engine and say so when it is missing.
  const { createServer } = await import('./app.js');
  config = loadConfig(process.env);
  requireKeysWithDatabase(config);
  checkDataDir(config.dataDir);
  app = await createServer({ ...config, logStream });
} catch (e) {
  if (e instanceof MissingBuildError) console.error(`dvc-forms demo: ${e.message}`);
  else console.error(`dvc-forms demo: cannot start: ${/** @type {Error} */ (e).message}`);
  process.exit(1);
}
// The mail server's log-in (notify/email.js) is checked beside the listening receiver, not
// before it: a mail server that does not answer may take 10 s to say so, and an orchestrator's
// probes must not fail meanwhile. /healthz answers at once; /readyz answers 503 "starting" until
// the check has answered, so a balancer sends no dossier to a process whose settings are not yet
// known; a refused log-in then stops the process with its line (docs/deployment.md).
const notifier = /** @type {import('./app.js').Context} */ (app.dvc.ctx).notifier;
const checked = notifier ? notifier.check() : Promise.resolve();
checked.catch(() => {}); // awaited once the receiver listens
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (process.stdout.isTTY) console.log('\nStopping…');
    else app.log.child({}, { level: 'info' }).info({ signal }, 'Stopping…');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
try {
  await app.listen({
    port: config.port,
    host: config.host,
    listenTextResolver: (address) => {
      const text = `Server listening at ${address}`;
      holdNext = `"msg":${JSON.stringify(text)}`;
      return text;
    },
  });
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
try {
  await checked;
} catch (e) {
  // The same line as a wrong setting found before listening: the process stops (exit 1), after
  // the requests it is answering (a balancer sent it none: /readyz said "starting").
  console.error(`dvc-forms demo: cannot start: ${/** @type {Error} */ (e).message}`);
  await app.close().catch(() => {});
  process.exit(1);
}
if (stopping) await new Promise(() => {}); // SIGTERM during the check: app.close() exits
for (const line of heldLines.splice(0)) process.stdout.write(line);
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
// The start-up lines: plain text when stdout is a terminal (a person reads them), otherwise JSON
// lines like every other log line (a collector reads them; `msg` holds the same words). Written
// whatever LOG_LEVEL says, as they always were: they say where the site is and what is missing.
const banner = app.log.child({}, { level: 'info' });
/**
 * @param {string} msg
 * @param {Record<string, unknown>} [fields]
 */
const say = (msg, fields = {}) =>
  process.stdout.isTTY ? console.log(msg) : banner.info({ startup: true, ...fields }, msg);
const site = `http://localhost:${port}/`;
say(`dvc-forms demo agency site: ${site}  (Ctrl-C to stop)`, { url: site });
say(`Data: ${config.dataDir}`, { dataDir: config.dataDir });
if (!process.env.POSTAGE?.trim()) {
  say(
    `POSTAGE unset: results by post use the demo's example tariff of ${EXAMPLE_POSTAGE} đồng; ` +
      'set POSTAGE to your agency’s price (or "none"), see docs/payments.md',
  );
}
const accounts = /** @type {{ n: number }} */ (
  await app.dvc.storage.prepare('SELECT COUNT(*) AS n FROM clerk_accounts').get()
).n;
if (!accounts) {
  say(
    `Clerk page ${site}can-bo.html — no clerk account yet: create one with` +
      // With PostgreSQL the command must reach the same database (an account created in a
      // SQLite file of DATA_DIR would never log in); the URL is not repeated: it holds a password.
      (config.databaseUrl
        ? ' DATABASE_URL=<the same DATABASE_URL> MASTER_KEYS=<the same> LOOKUP_KEYS=<the same> '
        : ` DATA_DIR=${config.dataDir} `) +
      'npm run clerk -- add <user> --role admin',
  );
}
// A count of proxies believes the last X-Forwarded-For entries whoever sent them: only safe
// when nothing but the proxy can reach the receiver (docs/deployment.md "Behind a reverse proxy").
if (typeof config.trustProxy === 'number' && !isLoopbackHost(config.host)) {
  app.log.warn(
    `TRUST_PROXY=${config.trustProxy} believes the last ${config.trustProxy} X-Forwarded-For ` +
      `entries from any peer, and HOST=${config.host} accepts connections from other machines: a ` +
      'client that reaches the receiver without the proxy chooses its own address (rate limits, ' +
      'quotas, logs). Listen on 127.0.0.1 behind the proxy, or set TRUST_PROXY to the proxy’s ' +
      'addresses (e.g. 10.0.1.5)',
  );
}
