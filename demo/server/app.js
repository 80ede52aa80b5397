// The reference receiver: the demo agency site, the procedures, challenges, signed dossiers,
// tus uploads, the citizen's status lookup and the clerk's status changes.
// Plain JavaScript with JSDoc types: an agency can read it top to bottom and copy what it needs.
import Fastify, { LogController } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROCEDURES_DIR, loadConfig } from './config.js';
import { openStorage } from './storage/index.js';
import { DIST_DIR, loadLibrary, MissingBuildError } from './library.js';
import { readProcedures, summary } from './procedures.js';
import {
  clientErrorProblem,
  frameworkProblem,
  problem,
  requestLang,
  sendProblem,
} from './problems.js';
import { registerRateLimits } from './rate-limits.js';
import { createUploadGuard } from './upload-guard.js';
import { createTusServer, UPLOAD_PATH } from './uploads.js';
import { createLocker } from './storage/tus.js';
import { databaseRateLimitStore } from './storage/rate-limit-store.js';
import { registerDossierRoutes } from './dossiers.js';
import { registerStatusRoutes } from './status.js';
import { firstPageSource, registerFormPages } from './form-pages.js';
import {
  IMMUTABLE,
  assetStaticOptions,
  readPreloads,
  registerCompression,
  siteStaticOptions,
} from './static-assets.js';
import { registerCors } from './cors.js';
import { loadKeyring } from './crypto-at-rest.js';
import { checkKeys } from './key-checks.js';
import { purge, startPurgeJob } from './retention.js';
import { embeddedReader, readDossier } from './vault.js';
import { createUploadFiles, embeddedUploadReader } from './upload-files.js';
import { createObjectStore } from './storage/objects.js';
import { accounts } from './auth.js';
import { loadPaymentConfig } from './payments/config.js';
import { registerPaymentRoutes } from './payments/routes.js';
import { createForwarder } from './outbox/index.js';
import { registerForwardingRoutes } from './outbox/routes.js';
import { createNotifier, loadNotifyConfig } from './notify/index.js';
import { HEALTH_PATHS, STARTING_ANSWERS, registerHealthRoutes } from './health.js';

const here = (/** @type {string} */ p) => fileURLToPath(new URL(p, import.meta.url));

/** The page served under the strict Content-Security-Policy (the policy from the README). */
export const STRICT_CSP_PAGE = '/csp-nghiem-ngat.html';
/** Pages answered with STRICT_CSP: the strict-CSP form, the clerk page and the weekly report. */
export const STRICT_CSP_PAGES = [STRICT_CSP_PAGE, '/can-bo.html', '/bao-cao-tuan.html'];
export const STRICT_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dvc-forms";

// The server's configuration (ServerConfig) and the context every route module takes (Context)
// are declared in app.d.ts, where the route modules' JSDoc (`import('./app.js').Context`) finds
// them: an import of './app.js' resolves to that file.
/** @typedef {import('./app.js').ServerConfig} ServerConfig */
/** @typedef {import('./app.js').Context} Context */

/**
 * Builds the receiver (not listening yet). Every option has a default from the environment
 * (see config.js); tests pass `dataDir`, `logStream`, `now` and, before the library has a
 * verifier, `verifySubmission`.
 * @param {Partial<ServerConfig>} [options]
 */
export async function createServer(options = {}) {
  /** @type {ServerConfig} */
  const config = {
    ...loadConfig({}),
    proceduresDir: DEFAULT_PROCEDURES_DIR,
    siteDir: here('../site/'),
    distDir: DIST_DIR,
    ...options,
  };
  const library = await loadLibrary(config.distDir);
  const now = config.now ?? (() => new Date());

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(config.logStream ? { stream: config.logStream } : {}),
      // The status lookup's second factor travels in the query string: never log it.
      redact: ['req.headers.authorization'],
    },
    // One line per request, written in onResponse below, instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Requests refused before any route runs get the problem shape too (problems.js), with the
    // headers every answer carries (onSend does not run for them).
    frameworkErrors: (error, request, reply) => {
      for (const [k, v] of Object.entries(securityHeaders(request.url))) reply.header(k, v);
      return frameworkProblem(error, request, reply);
    },
    clientErrorHandler: clientErrorProblem,
    // Slow clients cannot hold connections: headers must arrive within HEADERS_TIMEOUT_SECONDS,
    // the whole request within REQUEST_TIMEOUT_SECONDS (408 request-timeout, then closed), and a
    // connection silent for IDLE_TIMEOUT_SECONDS is closed. Node checks every second.
    requestTimeout: config.requestTimeoutSeconds * 1000,
    connectionTimeout: config.idleTimeoutSeconds * 1000,
    // The same limit between two requests of a kept-alive connection, so the `Keep-Alive:
    // timeout=` hint a proxy's pool relies on is what the server does (fastify's default says
    // 72 s while the idle limit closes the connection first: a pooled request then met a reset).
    keepAliveTimeout: config.idleTimeoutSeconds * 1000,
    http: {
      headersTimeout: config.headersTimeoutSeconds * 1000,
      connectionsCheckingInterval: 1000,
    },
    // A count of proxies is trusted hop by hop from the right of X-Forwarded-For; fastify's own
    // number form trusts nothing at all (it cannot check the peer), so it is given as a function.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops) => (/** @type {string} */ _address, /** @type {number} */ i) =>
              i < hops
          )(config.trustProxy)
        : config.trustProxy,
  });

  // IDLE_TIMEOUT_SECONDS is for a silent client, not for a receiver still working on a request:
  // Node's socket timer also runs while we wait on PostgreSQL, S3 or an upload's lock, and on
  // its own it destroys the connection. Under load a tus PATCH answered after 30 s was cut before
  // its answer: the balancer's 502 in scaled.postgres.ts. So a request is cut only while we are
  // reading its body and nothing came (flowing, nothing buffered); received whole, not read yet
  // or held back by us, it waits for its answer, whose bytes re-arm the timer. An idle kept-alive
  // connection (no response attached) is closed as before; REQUEST_TIMEOUT_SECONDS still bounds
  // the time a client takes to send a request.
  app.server.on('request', (req, res) =>
    res.on('timeout', (/** @type {import('node:net').Socket} */ socket) => {
      const waitingForClient =
        (!req.complete && req.readableFlowing === true && req.readableLength === 0) ||
        // A client that does not read our answer (a slow read): its bytes wait in our buffer.
        socket.writableLength > 0 ||
        res.writableNeedDrain;
      if (waitingForClient) socket.destroy();
    }),
  );

  const db = await openStorage(config);
  app.addHook('onClose', async () => db.close());
  // Where upload bytes live: DATA_DIR/uploads, or the S3 bucket of S3_* (checked now, so a
  // wrong bucket or key stops the start instead of the first upload).
  const objects = createObjectStore({ dir: join(config.dataDir, 'uploads'), s3: config.s3 });
  app.addHook('onClose', async () => objects.close());
  try {
    await objects.check();
  } catch (e) {
    objects.close();
    await db.close();
    throw e;
  }
  const keyring = loadKeyring(config);
  try {
    // Keys that did not write this database stop the start (key-checks.js).
    await checkKeys(db, keyring, now());
  } catch (e) {
    objects.close();
    await db.close();
    throw e;
  }
  if (keyring.generatedFile) {
    app.log.warn(
      `MASTER_KEYS/LOOKUP_KEYS unset: demo keys generated in ${keyring.generatedFile}; ` +
        'keys beside the data do not protect a copy of the folder (docs/privacy.md)',
    );
  }

  const procedures = readProcedures(config.proceduresDir, {
    warn: (msg) => app.log.warn(msg),
    check: library.loadProcedure
      ? (text, file) => {
          // As `dvc-forms lint` loads it: a pattern the linear-time engine cannot read would
          // otherwise pass here and refuse every submission when its validator is compiled.
          const r = library.loadProcedure?.(text, {
            file,
            ...(library.checkPattern ? { checkPattern: library.checkPattern } : {}),
          });
          return r && r.ok === false
            ? r.problems
                .filter((/** @type {any} */ p) => p.severity !== 'warning')
                .map((/** @type {any} */ p) => `${p.code} at ${p.pointer}`)
            : [];
        }
      : undefined,
  });
  if (!library.verifySubmission && !config.verifySubmission) {
    app.log.warn('dist/verify.js has no verifySubmission yet: submissions get 503');
  }

  // Several processes on one database server count into shared counters (docs/deployment.md).
  const guards = await registerRateLimits(
    app,
    config.rateLimits,
    db.dialect === 'postgres' ? await databaseRateLimitStore(db) : undefined,
  );

  // The tus uploads' quotas and owners (upload-guard.js); the dossier route also answers with its
  // quota problem, so it is in the context from the start.
  const uploadGuard = createUploadGuard({
    db,
    config,
    now,
    objects,
    log: app.log,
    formatSize: library.files?.formatSize,
    stagingDir: join(config.dataDir, 'uploads'),
  });

  /** @type {Context} */
  const ctx = {
    guards,
    uploadGuard,
    files: library.files,
    config,
    db,
    procedures,
    uploadDir: join(config.dataDir, 'uploads'),
    uploadFiles: createUploadFiles(db, keyring, objects),
    keyring,
    now,
    verifySubmission: config.verifySubmission ?? library.verifySubmission,
    createVerifier: config.verifySubmission ? undefined : library.createVerifier,
    verifyMessage: library.verifyMessage,
    resultDate: (receivedAt, processingDays) => {
      if (!library.expectedResultDate) throw new MissingBuildError(`${config.distDir}engine.js`);
      return library.expectedResultDate(receivedAt, processingDays, {
        cutoffMinutes: config.receptionCutoffMinutes,
      }).resultDate;
    },
  };

  ctx.supplementLibrary = library.supplements;
  // Notifications on receipt, supplement requests and results (notify/): queued in the database
  // with the event, sent and retried by a sender in each process.
  ctx.notifier = createNotifier(
    { db, keyring, procedures, now, log: app.log },
    config.notify ?? loadNotifyConfig(process.env),
  );
  app.addHook('onReady', async () => ctx.notifier?.start());
  app.addHook('preClose', async () => ctx.notifier?.stop());

  // Other sites embedding the form (ALLOWED_ORIGINS): preflights and origin checks (cors.js).
  const cors = registerCors(app, { allowedOrigins: config.allowedOrigins ?? [] });

  // --- one JSON log line per request, and security headers on every answer -----------------
  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {number} statusCode
   * @param {number} ms
   */
  const logRequest = (request, statusCode, ms) => {
    const level = statusCode >= 500 ? 'error' : 'info';
    request.log[level](
      {
        method: request.method,
        url: redactUrl(request.url),
        statusCode,
        responseTime: Math.round(ms * 10) / 10,
        ip: request.ip,
      },
      'request',
    );
  };
  app.addHook('onResponse', async (request, reply) => {
    if (
      HEALTH_PATHS.has(request.url) &&
      (reply.statusCode < 400 || STARTING_ANSWERS.has(request))
    ) {
      return;
    }
    logRequest(request, reply.statusCode, reply.elapsedTime);
  });
  app.addHook('onSend', async (request, reply) => {
    for (const [k, v] of Object.entries(securityHeaders(request.url))) reply.header(k, v);
  });

  // Every route reads JSON (or multipart, tus bytes, the gateway's form): a text/plain body, which
  // another site's page may send without a preflight, is refused like any other type (415)
  // instead of reaching a route as a string.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error, request, reply) => {
    const status = /** @type {any} */ (error).statusCode;
    if (status === 413 || /** @type {any} */ (error).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(request, reply, 'payload-too-large');
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendProblem(
        request,
        reply,
        status === 415 ? 'unsupported-media-type' : 'invalid-request',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal-error');
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(request, reply, 'not-found');
    return reply.code(404).type('text/html; charset=utf-8').sendFile('404.html', config.siteDir);
  });

  // --- site, library bundle, procedures ----------------------------------------------------
  // Compressed, hashed names cached for a year, the rest revalidated (static-assets.js).
  await registerCompression(app);
  await app.register(fastifyStatic, {
    root: config.siteDir,
    prefix: '/',
    ...siteStaticOptions,
  });
  await app.register(fastifyStatic, {
    root: config.distDir,
    prefix: '/assets/',
    decorateReply: false,
    ...assetStaticOptions,
  });

  app.get('/api/procedures', async () => ({
    procedures: procedures.map((p) =>
      summary(p, existsSync(join(config.siteDir, 'thu-tuc', `${p.name}.html`))),
    ),
  }));

  app.get('/procedures/:file', async (request, reply) => {
    const { file } = /** @type {{ file: string }} */ (request.params);
    const entry = procedures.find((p) => `${p.name}.json` === file);
    if (!entry) return sendProblem(request, reply, 'not-found');
    // The exact bytes: the signed payload carries their SHA-256.
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('etag', `"${entry.sha256}"`)
      .send(entry.bytes);
  });

  // Precompiled validators for pages under a strict CSP (no 'unsafe-eval' means no runtime
  // ajv.compile): what `dvc-forms compile` writes, made at startup from the served file so the
  // module always matches it. A page imports `/compiled/<name>.js` and sets `form.compiled`.
  // The module also carries the procedure and the hash of the served bytes, so the form neither
  // fetches the file nor downloads the loader chunk, and signs the hash this server checks.
  /** @type {Map<string, string>} */
  const compiled = new Map();
  if (library.compileProcedureModule) {
    for (const p of procedures) {
      try {
        compiled.set(
          p.name,
          (await library.compileProcedureModule(p.procedure, { procedureSha256: p.sha256 })).source,
        );
      } catch (e) {
        app.log.warn(`no precompiled validator for ${p.name}: ${/** @type {Error} */ (e).message}`);
      }
    }
  }
  // The per-procedure form artefact (`dvc-forms compile --form`): the compiled module as the
  // page's one script, importing the bundle. Named by its content, so cached for a year.
  /** @type {Map<string, { fileName: string, source: string, chunks?: string[] }>} */
  const forms = new Map();
  if (library.compileProcedureModule) {
    for (const p of procedures) {
      try {
        const form = await library.compileProcedureModule(p.procedure, {
          procedureSha256: p.sha256,
          form: { bundle: '/assets/dvc-forms.min.js', file: `${p.name}.json` },
        });
        forms.set(p.name, form);
      } catch (e) {
        app.log.warn(`no form artefact for ${p.name}: ${/** @type {Error} */ (e).message}`);
      }
    }
  }
  const formFiles = new Map([...forms.values()].map((f) => [f.fileName, f.source]));
  app.get('/forms/:file', async (request, reply) => {
    const { file } = /** @type {{ file: string }} */ (request.params);
    const source = formFiles.get(file);
    if (!source) return sendProblem(request, reply, 'not-found');
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', IMMUTABLE)
      .send(source);
  });
  // The procedure pages, with the receiver's postage tariff on their form and the form artefact
  // as their script (form-pages.js).
  registerFormPages(app, {
    siteDir: config.siteDir,
    postage: config.postage,
    formScripts: new Map([...forms].map(([name, f]) => [name, `/forms/${f.fileName}`])),
    preload: readPreloads(config.distDir),
    formPreloads: new Map(
      [...forms].map(([name, f]) => [name, readPreloads(config.distDir, f.chunks ?? [])]),
    ),
    // The form's first page rendered here, adopted by <dvc-form> (form-pages.js, src/first-page).
    ...(library.firstPage && {
      firstPage: {
        page: firstPageSource(library.firstPage, procedures, { now, log: app.log }),
        css: library.firstPage.css,
        file: library.firstPage.file,
      },
    }),
  });

  app.get('/compiled/:file', async (request, reply) => {
    const { file } = /** @type {{ file: string }} */ (request.params);
    const source = compiled.get(file.replace(/\.js$/, ''));
    if (!source || !file.endsWith('.js')) return sendProblem(request, reply, 'not-found');
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(source);
  });

  // --- tus uploads ---------------------------------------------------------------------------
  const stopSweeping = uploadGuard.startSweeping();
  app.addHook('onClose', async () => stopSweeping());
  const tus = createTusServer({
    db,
    locker: await createLocker(db),
    dir: ctx.uploadDir,
    uploadFiles: ctx.uploadFiles,
    maxUploadBytes: config.maxUploadBytes,
    log: app.log,
    allowOrigin: cors.allowOrigin,
    guard: uploadGuard,
    files: library.files,
    problem,
  });
  // Leave tus bodies untouched: @tus/server reads the raw request stream itself.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  /** @type {import('fastify').RouteHandlerMethod} */
  const tusHandler = async (request, reply) => {
    // Ownership, immutability, no downloads, rate limit and quotas (upload-guard.js).
    if (await uploadGuard.admit(request, reply, guards.uploads)) return reply;
    // tus writes the raw response itself, so onSend does not run: add the headers here
    // (onResponse still runs and writes the log line).
    reply.hijack();
    for (const [k, v] of Object.entries(securityHeaders(request.url))) reply.raw.setHeader(k, v);
    try {
      await tus.handle(request.raw, reply.raw);
    } catch (err) {
      request.log.error({ err }, 'upload failed');
      if (!reply.raw.headersSent) {
        const body = JSON.stringify(problem('internal-error', requestLang(request)));
        reply.raw.writeHead(500, { 'content-type': 'application/problem+json; charset=utf-8' });
        reply.raw.end(body);
      } else reply.raw.destroy();
    } finally {
      await uploadGuard.settle(request, reply.raw.statusCode);
    }
  };
  app.all(UPLOAD_PATH, tusHandler);
  app.all(`${UPLOAD_PATH}/*`, tusHandler);

  if (config.forward) {
    const forwarder = createForwarder(
      { db, keyring, log: app.log, now, fileName: ctx.uploadFiles.fileName },
      config.forward,
    );
    ctx.forwarder = forwarder;
    app.addHook('onReady', async () => forwarder.start());
    // Before the storage closes (hooks run in reverse order): attempts in flight are recorded.
    app.addHook('onClose', async () => forwarder.stop());
  }
  registerHealthRoutes(app, {
    db,
    siteDir: config.siteDir,
    starting: () => ctx.notifier?.checking ?? false,
  });
  registerDossierRoutes(app, ctx);
  registerStatusRoutes(app, ctx);
  if (ctx.forwarder) registerForwardingRoutes(app, ctx, ctx.forwarder);
  startPurgeJob(app, ctx, config.purgeEveryMinutes ?? 0);
  if (library.payment) {
    ctx.payments = await registerPaymentRoutes(
      app,
      ctx,
      config.payments ?? loadPaymentConfig(process.env),
      library.payment,
    );
  }

  // Synchronous helpers for tests and scripts on the embedded database (`db` is better-sqlite3
  // itself there); `storage` is what the routes use, whichever the backend.
  const raw = db.raw;
  const reader = raw ? embeddedReader(raw, keyring) : undefined;
  // (Synchronous reads are for files in the local folder; from S3 every read is a promise.)
  const uploadReader =
    raw && objects.kind === 'file' ? embeddedUploadReader(raw, keyring) : undefined;
  app.decorate('dvc', {
    db: raw,
    storage: db,
    objects,
    config,
    procedures,
    ctx,
    uploads: uploadGuard,
    // Synchronous answers on the embedded database (tests rely on it), promises on PostgreSQL.
    accounts: accounts(
      raw ?? db,
      now,
      procedures.map((p) => p.name),
    ),
    /**
     * The decrypted payload and JWS of a stored dossier (tests, scripts): synchronous on the
     * embedded database, a promise on PostgreSQL.
     * @param {string} code
     */
    readDossier: (code) => {
      if (!raw) {
        return db
          .prepare('SELECT * FROM dossiers WHERE code = ?')
          .get(code)
          .then((row) =>
            row
              ? readDossier(
                  db,
                  keyring,
                  /** @type {{ code: string, payload_json: string, jws: string }} */ (row),
                )
              : undefined,
          );
      }
      const row = /** @type {any} */ (
        raw.prepare('SELECT * FROM dossiers WHERE code = ?').get(code)
      );
      return row ? reader?.readDossier(row) : undefined;
    },
    /** The notification queue (notify/): one sending run now, and the channels in use. */
    notifications: { runOnce: () => ctx.notifier?.runOnce(), kinds: ctx.notifier?.kinds ?? [] },
    /** One run of the retention purge job (it also runs every PURGE_EVERY_MINUTES). */
    purge: () => purge(ctx),
    /**
     * The decrypted bytes of a stored file, checked against its SHA-256: synchronous on the
     * embedded database, a promise on PostgreSQL.
     * @param {string} id
     */
    readUpload: (id) => (uploadReader ? uploadReader.readAll(id) : ctx.uploadFiles.readAll(id)),
    /**
     * The applicant's name of a stored file, decrypted (the column holds it sealed): synchronous
     * on the embedded database, a promise on PostgreSQL; undefined for an unknown upload.
     * @param {string} id
     */
    uploadName: (id) =>
      uploadReader
        ? uploadReader.fileName(id)
        : ctx.db
            .prepare('SELECT id, filename FROM uploads WHERE id = ?')
            .get(id)
            .then((/** @type {any} */ row) => (row ? ctx.uploadFiles.fileName(row) : undefined)),
  });
  return app;
}

/**
 * The query string of the status lookup holds a phone number or ID number: keep it out of logs.
 * @param {string} url
 */
export function redactUrl(url) {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const k of [...params.keys()]) if (k !== 'code') params.set(k, '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/**
 * @param {string} url
 * @returns {Record<string, string>}
 */
function securityHeaders(url) {
  // Decoded as the static file server decodes it: otherwise `/csp-nghiem-ngat%2Ehtml` would
  // serve the same page without its policy (test/e2e/security.test.ts).
  let path = url.split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is answered 400/404 by the router; keep the raw path.
  }
  return {
    'x-content-type-options': 'nosniff',
    // Dossier codes appear in URLs of the status page: never send them to other sites.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    // The clerk page shows personal data: it runs under the same strict policy as the form.
    ...(STRICT_CSP_PAGES.includes(path) ? { 'content-security-policy': STRICT_CSP } : {}),
  };
}
