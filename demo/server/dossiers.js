// POST /api/dossiers: verify a signed submission with the library and store the dossier.
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { newDossierCode } from './dossier-code.js';
import { sendProblem } from './problems.js';
import { secretDigestsFromAnswers } from './secrets.js';
import { storeMultipartFile, uploadIdFromUrl } from './uploads.js';
import { DOSSIER_STATUS } from './status.js';

/** Multipart part names (also in docs/receiver.md and docs/uploads.md). */
export const MULTIPART_PAYLOAD_PART = 'payload';
const MULTIPART_FILE_PART = /^file:([A-Za-z0-9_-]{1,64}):(\d{1,3})$/;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * A NonceStore (the verify module's interface) over the `nonces` table: a nonce is accepted
 * once, only if this server issued it and it has not expired.
 * @param {import('better-sqlite3').Database} db
 * @param {() => Date} now
 */
export function sqliteNonceStore(db, now) {
  const consume = db.prepare(
    'UPDATE nonces SET consumed_at = ? WHERE nonce = ? AND consumed_at IS NULL AND expires_at > ?',
  );
  return {
    /** @param {unknown} nonce */
    async consume(nonce) {
      if (typeof nonce !== 'string' || nonce.length > 200) return false;
      const t = now().toISOString();
      return consume.run(t, nonce, t).changes === 1;
    },
  };
}

/**
 * Issues a one-time nonce: 128 random bits, base64url, stored with its expiry.
 * @param {import('better-sqlite3').Database} db
 * @param {Date} at
 * @param {number} ttlSeconds
 */
export function issueNonce(db, at, ttlSeconds) {
  const nonce = randomBytes(16).toString('base64url');
  const expiresAt = new Date(at.getTime() + ttlSeconds * 1000).toISOString();
  // Expired nonces are useless: drop those a day old so the table does not grow without end.
  db.prepare('DELETE FROM nonces WHERE expires_at < ?').run(
    new Date(at.getTime() - 86400_000).toISOString(),
  );
  db.prepare('INSERT INTO nonces (nonce, issued_at, expires_at) VALUES (?, ?, ?)').run(
    nonce,
    at.toISOString(),
    expiresAt,
  );
  return { nonce, expiresAt };
}

/**
 * Reads the payload of a compact JWS WITHOUT checking anything, only to pick the procedure file
 * (and the multipart files) that verifySubmission will then check it against.
 * @param {string} jws
 * @returns {{ code: string, version: string, documents: any[] } | undefined}
 */
export function peekPayload(jws) {
  const parts = jws.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const p = payload?.procedure;
    if (typeof p?.code === 'string' && typeof p?.version === 'string') {
      const documents = Array.isArray(payload.documents) ? payload.documents : [];
      return { code: p.code, version: p.version, documents };
    }
  } catch {
    // falls through: unreadable
  }
  return undefined;
}

/**
 * The `attachments` option of verifySubmission (its AttachmentResolver): for each document entry
 * of the payload, the SHA-256 of the file this server stored, found by the entry's tus `url` or,
 * for a multipart submission, by its part name `file:<slot>:<n>`, where n counts that slot's
 * entries from 0 in payload order. Uploads already part of another dossier are not reusable.
 * @param {import('better-sqlite3').Database} db
 * @param {Map<string, { id: string, sha256: string }>} multipart part name → stored file
 * @param {any[]} documents the payload's documents (as peeked)
 */
export function attachmentResolver(db, multipart, documents) {
  const byId = db.prepare('SELECT sha256 FROM uploads WHERE id = ? AND dossier_code IS NULL');
  /** @type {Set<string>} */
  const used = new Set();
  return {
    /**
     * @param {any} entry
     * @param {number} index
     * @returns {Promise<string | undefined>}
     */
    async sha256For(entry, index) {
      let id = uploadIdFromUrl(entry?.url);
      if (!id && typeof entry?.slot === 'string') {
        const n = documents.slice(0, index).filter((d) => d?.slot === entry.slot).length;
        id = multipart.get(`file:${entry.slot}:${n}`)?.id;
      }
      if (!id) return undefined;
      used.add(id);
      const row = /** @type {{ sha256: string } | undefined} */ (byId.get(id));
      return row?.sha256;
    },
    /** Upload ids matched (linked to the dossier once it is accepted). */
    usedIds: () => [...used],
  };
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 */
export function registerDossierRoutes(app, ctx) {
  const { db, config } = ctx;
  const inFlight = new Set();
  const nonceStore = sqliteNonceStore(db, ctx.now);
  // One verifier per procedure, built at start-up: the procedure hash, validator and rules are
  // prepared once instead of for every submission (docs/performance.md, verify).
  const createVerifier = ctx.createVerifier;
  const verifiers = new Map(
    createVerifier
      ? ctx.procedures.map((entry) => [
          entry,
          createVerifier({
            procedure: entry.procedure,
            procedureText: entry.text,
            trustedKeys: config.trustedKeys,
            postage: config.postage,
          }),
        ])
      : [],
  );
  const codeExists = db.prepare('SELECT 1 FROM dossiers WHERE code = ?');
  const findKey = db.prepare('SELECT * FROM idempotency_keys WHERE key = ?');

  // Multipart bodies are handed over as a stream and parsed by the WHATWG Response (undici, built
  // into Node 20), so no multipart package is needed; the size is capped while reading.
  app.addContentTypeParser('multipart/form-data', (_req, payload, done) => done(null, payload));

  app.post('/api/challenges', async (_request, reply) => {
    const issued = issueNonce(db, ctx.now(), config.challengeTtlSeconds);
    return reply.code(201).header('cache-control', 'no-store').send(issued);
  });

  app.post('/api/dossiers', { bodyLimit: 4 * 1024 * 1024 }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const contentType = String(request.headers['content-type'] ?? '');
    /** @type {string | undefined} */
    let jws;
    /** @type {{ name: string, slot: string, file: Blob, sha256: string }[]} */
    const fileParts = [];
    if (contentType.startsWith('multipart/form-data')) {
      const parsed = await readMultipart(
        /** @type {import('node:stream').Readable} */ (request.body),
        contentType,
        config.maxUploadBytes + 4 * 1024 * 1024,
      );
      if (parsed === 'too-large') return sendProblem(request, reply, 'payload-too-large');
      if (!parsed) return sendProblem(request, reply, 'invalid-request');
      const payloadPart = parsed.get(MULTIPART_PAYLOAD_PART);
      jws = typeof payloadPart === 'string' ? payloadPart.trim() : undefined;
      for (const [name, value] of parsed.entries()) {
        if (name === MULTIPART_PAYLOAD_PART) continue;
        const m = MULTIPART_FILE_PART.exec(name);
        if (!m || typeof value === 'string') return sendProblem(request, reply, 'invalid-request');
        if (value.size > config.maxUploadBytes) {
          return sendProblem(request, reply, 'payload-too-large');
        }
        const sha256 = createHash('sha256')
          .update(Buffer.from(await value.arrayBuffer()))
          .digest('hex');
        fileParts.push({ name, slot: m[1], file: value, sha256 });
      }
    } else if (contentType.startsWith('application/json')) {
      const body = /** @type {any} */ (request.body);
      jws = body && typeof body.jws === 'string' ? body.jws : undefined;
    } else {
      return sendProblem(request, reply, 'unsupported-media-type');
    }
    if (!jws || jws.length > 4 * 1024 * 1024) return sendProblem(request, reply, 'invalid-request');

    const requestHash = createHash('sha256').update(jws);
    for (const p of [...fileParts].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      requestHash.update(`\n${p.name}:${p.sha256}`);
    }
    const requestSha256 = requestHash.digest('hex');

    const keyHeader = request.headers['idempotency-key'];
    const key = typeof keyHeader === 'string' ? keyHeader : undefined;
    if (keyHeader !== undefined && (!key || !IDEMPOTENCY_KEY.test(key))) {
      return sendProblem(request, reply, 'idempotency-key-invalid');
    }
    if (key) {
      const previous = /** @type {any} */ (findKey.get(key));
      if (previous) {
        if (previous.request_sha256 !== requestSha256) {
          return sendProblem(request, reply, 'idempotency-key-reused');
        }
        return reply
          .code(previous.status_code)
          .header('idempotent-replayed', 'true')
          .send(JSON.parse(previous.response_json));
      }
      if (inFlight.has(key)) return sendProblem(request, reply, 'request-in-progress');
      inFlight.add(key);
    }
    try {
      return await receive(request, reply, { jws, fileParts, key, requestSha256 });
    } finally {
      if (key) inFlight.delete(key);
    }
  });

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {{ jws: string, fileParts: { name: string, slot: string, file: Blob, sha256: string }[], key?: string, requestSha256: string }} sub
   */
  async function receive(request, reply, { jws, fileParts, key, requestSha256 }) {
    const wanted = peekPayload(jws);
    if (!wanted) {
      return sendProblem(request, reply, 'invalid-submission', {
        errors: [
          {
            code: 'payload-unreadable',
            message:
              'The JWS payload is not a JSON object with procedure.code and procedure.version.',
          },
        ],
      });
    }
    const entry = ctx.procedures.find(
      (p) => p.procedure.code === wanted.code && p.procedure.version === wanted.version,
    );
    if (!entry) {
      return sendProblem(request, reply, 'unknown-procedure', {
        errors: [
          {
            code: 'unknown-procedure',
            message: `Procedure ${wanted.code} version ${wanted.version} is not offered by this receiver.`,
          },
        ],
      });
    }
    if (!ctx.verifySubmission) return sendProblem(request, reply, 'verifier-unavailable');

    /** @type {Map<string, { id: string, sha256: string }>} */
    const stored = new Map();
    for (const p of fileParts) {
      stored.set(p.name, await storeMultipartFile({ db, dir: ctx.uploadDir }, p));
    }
    const attachments = attachmentResolver(db, stored, wanted.documents);
    const receivedAt = ctx.now();
    const verifier = verifiers.get(entry);
    const result = verifier
      ? await verifier.verify(jws, { nonceStore, attachments, now: receivedAt })
      : await ctx.verifySubmission(jws, {
          procedure: entry.procedure,
          procedureText: entry.text,
          trustedKeys: config.trustedKeys,
          postage: config.postage,
          nonceStore,
          attachments,
          now: receivedAt,
        });
    if (!result || result.ok !== true) {
      const errors = Array.isArray(result?.errors)
        ? result.errors.map((/** @type {any} */ e) => ({
            code: String(e.code),
            message: String(e.message),
          }))
        : [{ code: 'verify-failed', message: 'verifySubmission gave no result.' }];
      request.log.info({ errors: errors.map((e) => e.code) }, 'submission refused');
      await discardMultipartFiles(
        db,
        [...stored.values()].map((f) => f.id),
      );
      return sendProblem(request, reply, 'invalid-submission', { errors });
    }

    const payload =
      result.submission ?? JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));
    const at = receivedAt.toISOString();
    const expected = ctx.resultDate(receivedAt, Number(entry.procedure.processingDays) || 0);
    const secrets = secretDigestsFromAnswers(entry.procedure.data, payload.answers);
    /** @type {{ dossierCode: string, receivedAt: string, expectedResultDate: string, paymentUrl?: string }} */
    let answer = { dossierCode: '', receivedAt: at, expectedResultDate: expected };
    db.transaction(() => {
      const code = newDossierCode(entry.prefix, receivedAt, (c) => codeExists.get(c) !== undefined);
      answer = { dossierCode: code, receivedAt: at, expectedResultDate: expected };
      // A fee to pay: the receipt links to the payment page (docs/payments.md).
      const fee = Number(payload.fee?.total) + (Number(payload.delivery?.postage) || 0);
      if (ctx.payments && Number.isSafeInteger(fee) && fee > 0) {
        answer = { ...answer, paymentUrl: ctx.payments.payLink(code, request) };
      }
      db.prepare(
        `INSERT INTO dossiers (code, procedure_code, procedure_version, procedure_name, status,
           received_at, expected_result_date, lang, signer_kid, jws, payload_json, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        code,
        entry.procedure.code,
        entry.procedure.version,
        entry.name,
        DOSSIER_STATUS.received,
        at,
        expected,
        typeof payload.lang === 'string' ? payload.lang : null,
        typeof result.kid === 'string' ? result.kid : null,
        jws,
        JSON.stringify(payload),
        at,
      );
      db.prepare(
        'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, NULL, ?, ?)',
      ).run(code, DOSSIER_STATUS.received, 'system', at);
      const addSecret = db.prepare(
        'INSERT OR IGNORE INTO dossier_secrets (dossier_code, secret_sha256) VALUES (?, ?)',
      );
      for (const s of secrets) addSecret.run(code, s);
      const link = db.prepare(
        'UPDATE uploads SET dossier_code = ? WHERE id = ? AND dossier_code IS NULL',
      );
      for (const id of attachments.usedIds()) link.run(code, id);
      if (key) {
        db.prepare(
          `INSERT INTO idempotency_keys (key, request_sha256, status_code, response_json, created_at)
           VALUES (?, ?, 201, ?, ?)`,
        ).run(key, requestSha256, JSON.stringify(answer), at);
      }
    })();
    request.log.info({ dossier: answer.dossierCode, procedure: entry.name }, 'dossier received');
    return reply.code(201).send(answer);
  }
}

/**
 * Files of a refused multipart submission are not kept: the applicant sends them again.
 * @param {import('better-sqlite3').Database} db
 * @param {string[]} ids
 */
async function discardMultipartFiles(db, ids) {
  const find = db.prepare("SELECT path FROM uploads WHERE id = ? AND via = 'multipart'");
  const drop = db.prepare('DELETE FROM uploads WHERE id = ? AND dossier_code IS NULL');
  for (const id of ids) {
    const row = /** @type {{ path: string } | undefined} */ (find.get(id));
    drop.run(id);
    if (row) await rm(row.path, { force: true });
  }
}

/**
 * Parses a multipart body with the WHATWG fetch implementation built into Node, refusing bodies
 * over `limit` bytes. Returns undefined when the body is not valid multipart.
 * @param {import('node:stream').Readable} stream
 * @param {string} contentType
 * @param {number} limit
 * @returns {Promise<FormData | 'too-large' | undefined>}
 */
async function readMultipart(stream, contentType, limit) {
  let size = 0;
  let tooLarge = false;
  const capped = Readable.from(
    (async function* () {
      for await (const chunk of stream) {
        size += chunk.length;
        if (size > limit) {
          tooLarge = true;
          throw new Error('too large');
        }
        yield chunk;
      }
    })(),
  );
  try {
    const body = /** @type {ReadableStream} */ (Readable.toWeb(capped));
    return await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return tooLarge ? 'too-large' : undefined;
  }
}
