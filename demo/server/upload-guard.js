// Uploads are not bearer capabilities (issue 17): an upload URL alone is useless. Creating a tus
// upload makes a secret for that upload, kept here only as a SHA-256 digest, and hands it to the
// uploader twice:
// - in the `Dvc-Upload-Token` answer header (exposed to allowed origins, cors.js): the upload
//   element keeps it with the upload URL and sends it back in the same header on every tus
//   request and, listed, on the submission. This is what works when the form is embedded on
//   another site: Safari and Firefox partition or block third-party cookies, and a cookie of the
//   receiver's site never comes back from a page on another site (issue 15);
// - in a cookie (`dvc_upload_<id>`, HttpOnly, SameSite=Strict, Path=/api/) for the receiver's own
//   pages: scripts cannot read it, and a page of the library without token support keeps working.
// Either proves the same secret. One secret per upload rather than one per browser session,
// because a form starts several uploads at once and concurrent first answers would overwrite a
// shared session secret. Only the holder may resume (PATCH), inspect (HEAD), delete or submit the
// upload; once a dossier holds it, it is immutable; nobody can download it here (GET is refused:
// clerks read files with their own tools, never from the public endpoint). Creation is rate
// limited and counted against a quota per client address (the quota per dossier is checked when
// the files are submitted); unfinished or never-submitted uploads expire and are removed.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { requestLang, sendProblem } from './problems.js';
import { QUOTA_SCOPE } from './guard-messages.js';

/** The cookie holding an upload's secret. */
export const uploadCookieName = (/** @type {string} */ id) => `dvc_upload_${id}`;
/** The header carrying upload tokens: one on tus requests, a comma-separated list on submissions. */
export const UPLOAD_TOKEN_HEADER = 'Dvc-Upload-Token';
/** At most this many tokens are read from one request (a dossier never holds more files). */
const MAX_TOKENS = 200;
const SECRET_VALUE = /^[A-Za-z0-9_-]{22,64}$/;
const UPLOAD_ID = /^[0-9a-f]{32}$/;
/** A multipart submission's file (multipart.js). */
const MULTIPART_ID = /^mp-[0-9a-f]{32}$/;
/** Set on the raw request for the tus hooks: the id reserved for this creation. */
const CREATING = Symbol('dvc.creatingUpload');

/**
 * The secret of upload `id` from the Cookie header, if well formed.
 * @param {{ headers: Record<string, string | string[] | undefined> }} request
 * @param {string} id
 */
export function uploadSecretOf(request, id) {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  const name = uploadCookieName(id);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (SECRET_VALUE.test(value)) return value;
  }
  return undefined;
}

/**
 * The well-formed upload tokens of the `Dvc-Upload-Token` header(s), at most MAX_TOKENS.
 * @param {{ headers: Record<string, string | string[] | undefined> }} request
 * @returns {string[]}
 */
export function uploadTokensOf(request) {
  const raw = request.headers[UPLOAD_TOKEN_HEADER.toLowerCase()];
  if (raw === undefined) return [];
  const values = Array.isArray(raw) ? raw : [raw];
  return values
    .flatMap((v) => v.split(','))
    .slice(0, MAX_TOKENS)
    .map((v) => v.trim())
    .filter((v) => SECRET_VALUE.test(v));
}

/**
 * Whether the request holds the secret of upload `id` whose owner digest is `ownerSha256`: as
 * its cookie or as one of its upload tokens.
 * @param {{ headers: Record<string, string | string[] | undefined> }} request
 * @param {string} id
 * @param {string} ownerSha256
 */
export function holdsUpload(request, id, ownerSha256) {
  const secret = uploadSecretOf(request, id);
  if (secret !== undefined && ownerDigest(secret) === ownerSha256) return true;
  return uploadTokensOf(request).some((token) => ownerDigest(token) === ownerSha256);
}

/** For the guards' "did I answer?" result: true once sendProblem has been called. */
const answered = (/** @type {unknown} */ _sent) => true;

/** @param {string} value */
export const ownerDigest = (value) =>
  createHash('sha256').update(`dvc-upload:${value}`).digest('hex');

/**
 * @param {{ db: import('./storage/index.js').Storage, config: import('./app.js').ServerConfig, now: () => Date, objects: import('./storage/objects.js').ObjectStore, log: import('fastify').FastifyBaseLogger, formatSize?: (bytes: number, lang: 'vi' | 'en') => string, stagingDir?: string }} options
 *   `stagingDir`: the local folder multipart.js writes to. With S3 a file stays there until the
 *   request moves it into the bucket, so a process that died in between leaves it there, where
 *   the bucket's listing never shows it.
 */
export function createUploadGuard({ db, config, now, objects, log, formatSize, stagingDir }) {
  /** The local copy of multipart file `id` when uploads live elsewhere (S3), else undefined. */
  const staged = (/** @type {string} */ id) =>
    stagingDir && objects.kind === 's3' ? join(stagingDir, id) : undefined;
  const ttlMs = config.uploadTtlHours * 3600_000;
  const owner = db.prepare('SELECT * FROM upload_owners WHERE id = ?');
  const finished = db.prepare('SELECT dossier_code, path, size FROM uploads WHERE id = ?');
  const ADDRESS_BYTES =
    'SELECT COALESCE(SUM(length), 0) AS n FROM upload_owners WHERE ip = ? AND created_at > ?';
  const INSERT = `INSERT INTO upload_owners (id, owner_sha256, ip, length, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`;
  // The upload's own key (upload-files.js) goes with it, unless a dossier holds the file.
  const FORGET_KEY = 'DELETE FROM upload_keys WHERE upload_id = ? AND dossier_code IS NULL';
  const FORGET_OWNER = 'DELETE FROM upload_owners WHERE id = ?';
  const forget = {
    run: (/** @type {string} */ id) =>
      db.transaction(async (tx) => {
        await tx.prepare(FORGET_KEY).run(id);
        await tx.prepare(FORGET_OWNER).run(id);
      }),
  };
  const expired = db.prepare(
    `SELECT o.id FROM upload_owners o LEFT JOIN uploads u ON u.id = o.id
     WHERE o.expires_at <= ? AND u.dossier_code IS NULL`,
  );
  // Multipart files recorded by a request whose process died before its dossier was stored
  // (recordMultipartFile, then a crash before the dossier's transaction): no dossier will ever
  // link them, and as they have no owner row the expiry above never sees them.
  const unlinkedMultipart = db.prepare(
    `SELECT id FROM uploads WHERE via = 'multipart' AND dossier_code IS NULL AND finished_at <= ?`,
  );

  /**
   * Checks a tus request before @tus/server sees it. Resolves true when it answered here
   * (refused), false to pass the request on (never the reply: a FastifyReply is thenable).
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<unknown>} rateLimit
   */
  async function admit(request, reply, rateLimit) {
    const path = request.url.split('?')[0];
    const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
    const id = UPLOAD_ID.test(last) ? last : undefined;
    const method = request.method;
    if (method === 'OPTIONS') return false;
    if (method === 'GET') {
      reply.header('allow', 'POST, HEAD, PATCH, DELETE, OPTIONS');
      return answered(sendProblem(request, reply, 'upload-not-readable'));
    }
    if (method === 'POST') {
      if (id || /^\/api\/uploads\/[^/]/.test(path))
        return answered(sendProblem(request, reply, 'not-found'));
      if (await rateLimit(request, reply)) return true;
      return create(request, reply);
    }
    if (!['PATCH', 'HEAD', 'DELETE'].includes(method))
      return answered(sendProblem(request, reply, 'not-found'));
    const row = id ? /** @type {any} */ (await owner.get(id)) : undefined;
    if (!row || row.expires_at <= now().toISOString()) {
      return answered(sendProblem(request, reply, 'upload-not-found'));
    }
    if (!holdsUpload(request, /** @type {string} */ (id), row.owner_sha256)) {
      return answered(sendProblem(request, reply, 'upload-forbidden'));
    }
    const done = /** @type {any} */ (await finished.get(id));
    if (done?.dossier_code && method !== 'HEAD') {
      return answered(sendProblem(request, reply, 'upload-immutable'));
    }
    if (done?.dossier_code) {
      // A submitted file is sealed under its dossier's key and its tus metadata is gone
      // (vault.js); a client checking its offset (a retry after a lost answer) hears "complete".
      reply
        .code(200)
        .header('tus-resumable', '1.0.0')
        .header('upload-offset', String(done.size))
        .header('upload-length', String(done.size))
        .header('cache-control', 'no-store');
      return answered(reply.send());
    }
    if (method === 'DELETE') {
      // The secret is of no use once the upload is gone.
      reply.raw.setHeader(
        'set-cookie',
        `${uploadCookieName(/** @type {string} */ (id))}=; Path=/api/; Max-Age=0; HttpOnly; SameSite=Strict`,
      );
    }
    return false;
  }

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   */
  async function create(request, reply) {
    const given = request.headers['upload-length'];
    if (
      request.headers['upload-defer-length'] !== undefined ||
      typeof given !== 'string' ||
      !/^\d{1,16}$/.test(given.trim())
    ) {
      return answered(sendProblem(request, reply, 'upload-length-required'));
    }
    const length = Number(given.trim());
    // Answered here: past this point tus would first ask namingFunction for the id, which only
    // a reserved creation has.
    if (length > config.maxUploadBytes) {
      return answered(sendProblem(request, reply, 'payload-too-large'));
    }
    const secret = randomBytes(18).toString('base64url');
    const digest = ownerDigest(secret);
    const at = now();
    const id = randomBytes(16).toString('hex');
    // Checked and recorded in one transaction: concurrent creations cannot both squeeze under
    // the quota.
    const since = new Date(at.getTime() - ttlMs).toISOString();
    const refusal = await db.transaction(async (tx) => {
      await tx.lock(`upload-quota:${request.ip}`);
      const theirs = Number(
        /** @type {{ n: number }} */ (await tx.prepare(ADDRESS_BYTES).get(request.ip, since)).n,
      );
      if (theirs + length > config.maxIpBytes) return { scope: 'ip', limit: config.maxIpBytes };
      await tx
        .prepare(INSERT)
        .run(
          id,
          digest,
          request.ip,
          length,
          at.toISOString(),
          new Date(at.getTime() + ttlMs).toISOString(),
        );
      return undefined;
    });
    if (refusal) {
      request.log.warn({ scope: refusal.scope, ip: request.ip }, 'upload quota exceeded');
      quotaProblem(request, reply, 'ip', refusal.limit);
      return true;
    }
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.raw.setHeader(
      'set-cookie',
      `${uploadCookieName(id)}=${secret}; Path=/api/; Max-Age=${config.uploadTtlHours * 3600}; HttpOnly; SameSite=Strict${secure}`,
    );
    // The same secret for pages on other sites, where the cookie never comes back. Shown once,
    // never stored: only its digest is.
    reply.raw.setHeader(UPLOAD_TOKEN_HEADER, secret);
    reply.raw.setHeader('cache-control', 'no-store');
    /** @type {any} */ (request.raw)[CREATING] = id;
    return false;
  }

  /**
   * tus `namingFunction`: the id reserved by {@link admit}, so quota and ownership are recorded
   * before any byte is written.
   * @param {Request & { runtime?: { node?: { req: any } } }} req
   */
  function namingFunction(req) {
    const id = req.runtime?.node?.req?.[CREATING];
    if (typeof id !== 'string')
      throw Object.assign(new Error('no upload reserved'), {
        status_code: 403,
        body: 'Forbidden\n',
      });
    return id;
  }

  /**
   * After @tus/server answered: a creation that failed (bad metadata, too large) gives its
   * reservation back; a terminated upload is forgotten.
   * @param {import('fastify').FastifyRequest} request
   * @param {number} statusCode
   */
  async function settle(request, statusCode) {
    const id = /** @type {any} */ (request.raw)[CREATING];
    if (typeof id === 'string' && statusCode !== 201) await forget.run(id);
  }

  /**
   * Takes upload `id` away from any submission before its bytes are removed: its row goes, so a
   * dossier being accepted now cannot link it (dossiers.js refuses a link that changes no row).
   * Resolves false, touching nothing, when a dossier already holds it: such a file is never
   * removed. Ordered on the row itself, so atomic against the link in SQLite and PostgreSQL
   * alike (a DELETE waiting for the linking transaction sees its dossier_code once it commits).
   * @param {string} id
   * @returns {Promise<boolean>}
   */
  async function release(id) {
    return db.transaction(async (tx) => {
      await tx.prepare('DELETE FROM uploads WHERE id = ? AND dossier_code IS NULL').run(id);
      if (await tx.prepare('SELECT 1 FROM uploads WHERE id = ?').get(id)) return false;
      await terminated(id, tx);
      return true;
    });
  }

  /**
   * The tus store's `beforeRemove`: an uploader's DELETE, under tus's lock for the upload, past
   * {@link admit}'s check. A dossier that took the file in between wins: 409 upload-immutable.
   * @param {string} id
   */
  async function claim(id) {
    if (await release(id)) return;
    // Answered as the problem in the request's language (uploads.js onResponseError).
    throw Object.assign(new Error('upload held by a dossier'), {
      status_code: 409,
      problem: 'upload-immutable',
    });
  }

  /** @param {string} id @param {import('./storage/index.js').Storage} [tx] */
  async function terminated(id, tx = db) {
    await tx.prepare('DELETE FROM uploads WHERE id = ? AND dossier_code IS NULL').run(id);
    await tx.prepare(FORGET_KEY).run(id);
    await tx.prepare(FORGET_OWNER).run(id);
  }

  /**
   * Removes uploads whose time ran out without a dossier: the rows and the files tus wrote
   * (`<id>` and `<id>.json`), and multipart files a dead request recorded more than the upload
   * TTL ago (a live request links its file within the request). Returns how many were removed.
   */
  async function sweep() {
    const t = now().toISOString();
    // Wall-clock time for multipart rows: recordMultipartFile stamps them with the real time.
    const recordedBefore = new Date(Date.now() - ttlMs).toISOString();
    const ids = [...(await expired.all(t)), ...(await unlinkedMultipart.all(recordedBefore))].map(
      (/** @type {any} */ r) => /** @type {string} */ (r.id),
    );
    let removed = 0;
    for (const id of ids) {
      // Rows first, bytes after (a crash in between leaves a stray file, sweepStrays removes
      // it); a dossier that took the file since the query keeps it.
      if (!(await release(id))) continue;
      await objects.remove(objects.refOf(id));
      removed++;
    }
    if (removed) log.info({ removed }, 'expired uploads removed');
    return removed;
  }

  /**
   * Files no row knows, from a process that died before it could clean up (power loss, kill -9):
   * - tus files (their reservation was given back, or a crash came in between): every tus upload
   *   is recorded before its first byte, so such files are never resumable;
   * - multipart files (`mp-…`, multipart.js) of a submission whose process died mid-request.
   *   Only the request that wrote one records it, so a file older than the upload TTL that no
   *   `uploads` row names will never be recorded; a younger one may be a live request's (in
   *   this process or another one sharing the store). A file an `uploads` row names is never
   *   touched here, nor one whose key a dossier holds.
   * Logs how many were removed, never which files nor what they held.
   */
  async function sweepStrays() {
    const ids = await objects.listIds();
    const rows = await db
      .prepare('SELECT id FROM upload_owners UNION SELECT id FROM uploads')
      .all();
    const known = new Set(rows.map((/** @type {any} */ r) => r.id));
    let removed = 0;
    for (const id of ids) {
      if (known.has(id)) continue;
      if (UPLOAD_ID.test(id) || (MULTIPART_ID.test(id) && (await multipartStray(id)))) {
        await objects.remove(objects.refOf(id));
        removed++;
      }
    }
    removed += await sweepStaged(known);
    if (removed) log.info({ removed }, 'stray upload files removed');
    return removed;
  }

  /**
   * With S3: multipart files a dead request left in the local staging folder before it could
   * move them into the bucket, by the same test as {@link multipartStray}. A file of the bucket
   * with the same id was handled by the caller's pass over the bucket.
   * @param {Set<string>} known the ids some row names
   */
  async function sweepStaged(known) {
    if (!staged('')) return 0;
    const names = await readdir(/** @type {string} */ (stagingDir)).catch(() => []);
    let removed = 0;
    for (const id of names) {
      const local = /** @type {string} */ (staged(id));
      if (known.has(id) || !MULTIPART_ID.test(id)) continue;
      const modified = (await stat(local).catch(() => undefined))?.mtimeMs;
      if (!(await strayAt(id, modified))) continue;
      await rm(local, { force: true });
      removed++;
    }
    return removed;
  }

  /**
   * Whether multipart file `id` of the store is a dead request's ({@link strayAt}).
   * @param {string} id
   */
  async function multipartStray(id) {
    return strayAt(id, await objects.modifiedAt(objects.refOf(id)));
  }

  /**
   * Whether multipart file `id`, last written at `modified` (ms), is a dead request's: old
   * enough, and no row names it. Its key (written before its first byte) goes in the same
   * transaction as the check, so a dossier can never be left holding a file without its key.
   * @param {string} id
   * @param {number | undefined} modified undefined when the file is gone
   */
  async function strayAt(id, modified) {
    // Wall-clock time, not `now()`: the file system stamps files with the real time.
    if (modified === undefined || Date.now() - modified < ttlMs) return false;
    return db.transaction(async (tx) => {
      if (await tx.prepare('SELECT 1 FROM uploads WHERE id = ?').get(id)) return false;
      await tx.prepare(FORGET_KEY).run(id);
      return !(await tx.prepare('SELECT 1 FROM upload_keys WHERE upload_id = ?').get(id));
    });
  }

  /** Sweeps now and every 10 minutes (or the TTL, when shorter); returns the stop function. */
  function startSweeping() {
    const run = () =>
      sweep()
        .then(sweepStrays)
        .catch((e) => log.error({ err: e }, 'upload sweep failed'));
    void run();
    const timer = setInterval(run, Math.min(600_000, ttlMs));
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {'dossier' | 'ip'} scope
   * @param {number} limit
   */
  function quotaProblem(request, reply, scope, limit) {
    const lang = requestLang(request);
    return sendProblem(request, reply, 'upload-quota-exceeded', {
      params: {
        scope: QUOTA_SCOPE[scope][lang],
        limit: formatSize ? formatSize(limit, lang) : `${limit} B`,
      },
    });
  }

  return {
    admit,
    namingFunction,
    settle,
    terminated,
    claim,
    sweep,
    startSweeping,
    quotaProblem,
  };
}
