// POST /api/dossiers: verify a signed submission with the library and store the dossier.
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { newDossierCode } from './dossier-code.js';
import { readMultipartToDisk } from './multipart.js';
import { FILE_MESSAGES } from './guard-messages.js';
import { requestLang, sendProblem } from './problems.js';
import { localVerifyErrors } from './verify-errors.js';
import { checkSubmissionFiles, slotOrdinals } from './submission-files.js';
import { recordMultipartFile, uploadIdFromUrl } from './uploads.js';
import { UploadTakenError } from './upload-files.js';
import { identifyingValues, secretHmac } from './secrets.js';
import { createDossierKey, encryptDossierFiles, sealDossier } from './vault.js';
import { retainUntil } from './retention.js';
import { DOSSIER_STATUS } from './status.js';
import { enqueueForward } from './outbox/index.js';
import { idempotencyKeys } from './idempotency.js';
import { indexDossier } from './desk-search.js';
import { heldNonces } from './held-nonces.js';
import { GROUP_COMMIT, groupedWrites } from './storage/index.js';

/** Multipart part names (also in docs/receiver.md and docs/uploads.md). */
export const MULTIPART_PAYLOAD_PART = 'payload';
const MULTIPART_FILE_PART = /^file:([A-Za-z0-9_-]{1,64}):(\d{1,3})$/;

/**
 * A file part of a multipart submission, already streamed to disk.
 * @typedef {{ name: string, slot: string, stored: import('./multipart.js').StoredPart, sha256: string }} FilePart
 */

/**
 * A NonceStore (the verify module's interface) over the `nonces` table: a nonce is accepted
 * once, only if this server issued it and it has not expired.
 * @param {import('./storage/index.js').Storage} db
 * @param {() => Date} now
 */
export function sqliteNonceStore(db, now) {
  const find = db.prepare('SELECT expires_at, consumed_at, procedure FROM nonces WHERE nonce = ?');
  const consume = db.prepare(
    'UPDATE nonces SET consumed_at = ? WHERE nonce = ? AND consumed_at IS NULL AND expires_at > ?',
  );
  /**
   * @param {unknown} nonce
   * @param {{ procedure?: { code: string, version: string } }} [context]
   * @returns {Promise<'fresh' | 'replayed' | 'expired' | 'unknown' | 'wrong-procedure'>}
   */
  const state = async (nonce, context) => {
    // One read of the row for both checks.
    const row = /** @type {any} */ (await findRow(find, nonce));
    const s = rowState(row, now());
    if (s !== 'fresh' || !context) return s;
    const wanted = context.procedure ? procedureKey(context.procedure) : undefined;
    return row.procedure !== null && row.procedure !== wanted ? 'wrong-procedure' : 'fresh';
  };
  return {
    /**
     * @param {unknown} nonce
     * @param {{ procedure?: { code: string, version: string } }} [context]
     */
    async consume(nonce, context) {
      if ((await state(nonce, context ?? {})) !== 'fresh') return false;
      const t = now().toISOString();
      // Atomic: of two concurrent submissions with one nonce, only one UPDATE changes the row.
      return (await consume.run(t, nonce, t)).changes === 1;
    },
    /**
     * @param {unknown} nonce
     * @param {{ procedure?: { code: string, version: string } }} [context]
     */
    async refusal(nonce, context) {
      const s = await state(nonce, context ?? {});
      return s === 'fresh' ? 'replayed' : s;
    },
    /** @param {unknown} nonce */
    state: (nonce) => nonceState(find, nonce, now()),
    /**
     * Whether `consume` would spend it now (held-nonces.js spends it later, in a transaction).
     * @param {unknown} nonce
     * @param {{ procedure?: { code: string, version: string } }} context
     */
    isFresh: async (nonce, context) => (await state(nonce, context)) === 'fresh',
  };
}

/**
 * @param {import('./storage/index.js').Statement} find
 * @param {unknown} nonce
 * @param {Date} at
 * @returns {Promise<'fresh' | 'replayed' | 'expired' | 'unknown'>}
 */
async function nonceState(find, nonce, at) {
  return rowState(await findRow(find, nonce), at);
}

/**
 * @param {import('./storage/index.js').Statement} find
 * @param {unknown} nonce
 */
async function findRow(find, nonce) {
  if (typeof nonce !== 'string' || nonce.length > 200) return undefined;
  return find.get(nonce);
}

/**
 * @param {any} row the nonce's row, undefined when there is none
 * @param {Date} at
 * @returns {'fresh' | 'replayed' | 'expired' | 'unknown'}
 */
function rowState(row, at) {
  if (!row) return 'unknown';
  if (row.consumed_at) return 'replayed';
  if (row.expires_at <= at.toISOString()) return 'expired';
  return 'fresh';
}

/** @param {{ code: string, version: string }} p */
const procedureKey = (p) => `${p.code}@${p.version}`;

/** When each database last dropped its day-old nonces (server clock, ms). */
const lastNoncePrune = new WeakMap();

/**
 * Issues a one-time nonce: 128 random bits, base64url, stored with its expiry.
 * @param {import('./storage/index.js').Storage} db
 * @param {Date} at
 * @param {number} ttlSeconds
 * @param {{ code: string, version: string }} [procedure] the procedure the nonce may be spent on
 */
export async function issueNonce(db, at, ttlSeconds, procedure) {
  const nonce = randomBytes(16).toString('base64url');
  const expiresAt = new Date(at.getTime() + ttlSeconds * 1000).toISOString();
  // Expired nonces are useless: drop those a day old so the table does not grow without end,
  // at most once a minute per database (a write per challenge bought nothing more).
  const last = lastNoncePrune.get(db);
  const prune = last === undefined || Math.abs(at.getTime() - last) >= 60_000;
  if (prune) lastNoncePrune.set(db, at.getTime());
  // Answered once committed, in the commit concurrent requests' writes share (storage/).
  await groupedWrites(db, async (w) => {
    if (prune) {
      await w
        .prepare('DELETE FROM nonces WHERE expires_at < ?')
        .run(new Date(at.getTime() - 86400_000).toISOString());
    }
    await w
      .prepare('INSERT INTO nonces (nonce, issued_at, expires_at, procedure) VALUES (?, ?, ?, ?)')
      .run(nonce, at.toISOString(), expiresAt, procedure ? procedureKey(procedure) : null);
  });
  return { nonce, expiresAt };
}

/**
 * Reads the payload of a compact JWS WITHOUT checking anything, only to pick the procedure file
 * (and the multipart files) that verifySubmission will then check it against.
 * @param {string} jws
 * @returns {{ code: string, version: string, documents: any[], nonce: unknown } | undefined}
 */
export function peekPayload(jws) {
  const parts = jws.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const p = payload?.procedure;
    if (typeof p?.code === 'string' && typeof p?.version === 'string') {
      const documents = Array.isArray(payload.documents) ? payload.documents : [];
      return { code: p.code, version: p.version, documents, nonce: payload.nonce };
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
 * @param {import('./storage/index.js').Storage} db
 * @param {Map<string, { id: string, sha256: string }>} multipart part name → stored file
 * @param {any[]} documents the payload's documents (as peeked)
 * @param {import('./upload-files.js').UploadFiles} [uploadFiles] when given, the SHA-256 is
 *   computed again from the decrypted stored bytes (CTR has no authentication of its own: a file
 *   changed on disk since it was uploaded no longer matches the signed payload and is refused)
 */
export function attachmentResolver(db, multipart, documents, uploadFiles) {
  const byId = db.prepare('SELECT sha256, path FROM uploads WHERE id = ? AND dossier_code IS NULL');
  /** @type {Set<string>} */
  const used = new Set();
  const ordinals = slotOrdinals(documents);
  return {
    /**
     * @param {any} entry
     * @param {number} index
     * @returns {Promise<string | undefined>}
     */
    async sha256For(entry, index) {
      let id = uploadIdFromUrl(entry?.url);
      if (!id && typeof entry?.slot === 'string') {
        id = multipart.get(`file:${entry.slot}:${ordinals[index]}`)?.id;
      }
      if (!id) return undefined;
      used.add(id);
      const row = /** @type {{ sha256: string, path: string } | undefined} */ (await byId.get(id));
      if (!row || !uploadFiles) return row?.sha256;
      // Unreadable (removed, its key gone): as if it were missing, never a crash.
      return uploadFiles.sha256(id, row.path).catch(() => undefined);
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
  const nonceStore = sqliteNonceStore(db, ctx.now);
  // Spent by the dossier's transaction, not by the verifier's call (held-nonces.js).
  const nonces = heldNonces(nonceStore, ctx.now);
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
  const idempotency = idempotencyKeys(db, ctx.now);

  // Multipart bodies are handed over as a stream and parsed by the WHATWG Response (undici, built
  // into Node 20), so no multipart package is needed; the size is capped while reading.
  app.addContentTypeParser('multipart/form-data', (_req, payload, done) => done(null, payload));

  // A challenge names the procedure it is for ({ "procedure": { "code", "version" } }): its nonce
  // is only accepted in a payload for that procedure.
  app.post(
    '/api/challenges',
    { onRequest: ctx.guards.challenges, bodyLimit: 4096 },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const p = /** @type {any} */ (request.body)?.procedure;
      if (typeof p?.code !== 'string' || typeof p?.version !== 'string') {
        return sendProblem(request, reply, 'invalid-request', {
          errors: [
            {
              code: 'procedure-required',
              message: 'Send { "procedure": { "code", "version" } } to get a challenge.',
            },
          ],
        });
      }
      if (
        !ctx.procedures.some(
          (e) => e.procedure.code === p.code && e.procedure.version === p.version,
        )
      ) {
        return sendProblem(request, reply, 'unknown-procedure', {
          errors: [
            {
              code: 'unknown-procedure',
              message: `Procedure ${String(p.code).slice(0, 50)} version ${String(p.version).slice(0, 50)} is not offered by this receiver.`,
            },
          ],
        });
      }
      const issued = await issueNonce(db, ctx.now(), config.challengeTtlSeconds, {
        code: p.code,
        version: p.version,
      });
      return reply.code(201).send(issued);
    },
  );

  /** Multipart files written for a request, by request. */
  const written = new WeakMap();
  app.post(
    '/api/dossiers',
    {
      bodyLimit: 4 * 1024 * 1024,
      onRequest: ctx.guards.dossiers,
      // Multipart files not linked to a dossier (any refusal, any early answer) are deleted
      // before the answer leaves, so a client that sees the refusal never sees them on disk.
      onSend: async (request, _reply, payload) => {
        const files = written.get(request);
        if (files) {
          written.delete(request);
          await discardMultipartFiles(
            db,
            ctx.uploadFiles.objects,
            files.map((/** @type {any} */ f) => f.id),
            files.map((/** @type {any} */ f) => f.path),
          );
        }
        return payload;
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return submission(request, reply, (files) => written.set(request, files));
    },
  );

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {(files: import('./multipart.js').StoredPart[]) => void} track
   */
  async function submission(request, reply, track) {
    const contentType = String(request.headers['content-type'] ?? '');
    /** @type {string | undefined} */
    let jws;
    /** @type {FilePart[]} */
    const fileParts = [];
    if (contentType.startsWith('multipart/form-data')) {
      const parsed = await readMultipartToDisk(
        /** @type {import('node:stream').Readable} */ (request.body),
        request.headers,
        {
          dir: ctx.uploadDir,
          maxFileBytes: config.maxUploadBytes,
          maxFiles: config.maxMultipartFiles,
          maxFieldBytes: 4 * 1024 * 1024,
          maxTotalBytes: config.maxDossierBytes,
          keys: ctx.uploadFiles.keys,
        },
      );
      if (!parsed.ok) {
        // Unread bytes may remain: do not keep the connection for another request.
        reply.header('connection', 'close');
        return sendProblem(
          request,
          reply,
          parsed.reason === 'too-large' ? 'payload-too-large' : 'invalid-request',
        );
      }
      track(parsed.files);
      // Into the store uploads live in (a no-op for the local folder; with S3 the bucket).
      for (const f of parsed.files) f.path = await ctx.uploadFiles.objects.adopt(f.id, f.path);
      for (const [name] of parsed.fields) {
        if (name !== MULTIPART_PAYLOAD_PART) return sendProblem(request, reply, 'invalid-request');
      }
      jws = parsed.fields.get(MULTIPART_PAYLOAD_PART)?.trim();
      for (const f of parsed.files) {
        const m = MULTIPART_FILE_PART.exec(f.part);
        if (!m) return sendProblem(request, reply, 'invalid-request');
        fileParts.push({ name: f.part, slot: m[1], stored: f, sha256: f.sha256 });
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

    return idempotency.run(request, reply, requestSha256, (key) =>
      receive(request, reply, { jws, fileParts, key, requestSha256 }),
    );
  }

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {{ jws: string, fileParts: FilePart[], key?: string, requestSha256: string }} sub
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
            // Cut as the challenge's refusal cuts them: a stranger's text is not echoed whole.
            message: `Procedure ${wanted.code.slice(0, 50)} version ${wanted.version.slice(0, 50)} is not offered by this receiver.`,
          },
        ],
      });
    }
    const verifySubmission = ctx.verifySubmission;
    if (!verifySubmission) return sendProblem(request, reply, 'verifier-unavailable');
    // More entries than the procedure's documents can take is refused before any work is spent
    // on them (the verifier would refuse them too, after walking every one).
    const maxEntries = ctx.files?.maxDocumentEntries?.(entry.procedure.documents);
    if (maxEntries !== undefined && wanted.documents.length > maxEntries) {
      const lang = requestLang(request);
      const message = FILE_MESSAGES['file-too-many'][lang].replace('{max}', String(maxEntries));
      request.log.info({ errors: ['file-too-many'] }, 'submission refused');
      return sendProblem(request, reply, 'invalid-submission', {
        errors: [{ code: 'file-too-many', message }],
      });
    }

    /** @type {Map<string, { id: string, sha256: string }>} */
    const stored = new Map();
    for (const p of fileParts) {
      await recordMultipartFile(db, p, ctx.files, ctx.uploadFiles);
      stored.set(p.name, { id: p.stored.id, sha256: p.sha256 });
    }
    // The stored files, checked before the signature is verified so that a refusal does not
    // spend the nonce: ownership, replay, then the browser's own file rules on the bytes.
    const refused = await checkSubmissionFiles({
      db,
      uploadFiles: ctx.uploadFiles,
      files: ctx.files,
      procedure: entry.procedure,
      documents: wanted.documents,
      multipart: stored,
      request,
      maxDossierBytes: config.maxDossierBytes,
      nonce: wanted.nonce,
      nonceState: nonceStore.state,
      lang: requestLang(request),
    });
    if (refused?.slug === 'upload-quota-exceeded') {
      return ctx.uploadGuard.quotaProblem(request, reply, 'dossier', config.maxDossierBytes);
    }
    if (refused) {
      request.log.info({ errors: refused.errors.map((e) => e.code) }, 'submission refused');
      return sendProblem(request, reply, refused.slug, { errors: refused.errors });
    }
    const receivedAt = ctx.now();
    // Verified, then stored with the nonce spent in the same transaction. Only when another
    // process spent the nonce between the two (its UPDATE is refused in the transaction) is the
    // submission verified again: the verifier then refuses it and says why, as before.
    for (let attempt = 1; ; attempt++) {
      const nonce = nonces.forRequest();
      try {
        const sent = await verifyAndStore(request, reply, {
          jws,
          key,
          requestSha256,
          entry,
          stored,
          documents: wanted.documents,
          receivedAt,
          nonce,
          verifySubmission,
        });
        if (sent !== NONCE_LOST) return sent;
        if (attempt === 2) throw new Error('the nonce was spent elsewhere twice');
      } catch (e) {
        // Its transaction rolled back: nothing stored, the nonce not spent.
        if (!(e instanceof UploadTakenError)) throw e;
        return sendUploadTaken(request, reply, wanted.documents, e.uploadId, ctx.files);
      } finally {
        nonce.release();
      }
    }
  }

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {{ jws: string, key?: string, requestSha256: string, entry: import('./procedures.js').ProcedureEntry,
   *   stored: Map<string, { id: string, sha256: string }>, documents: any[], receivedAt: Date,
   *   nonce: ReturnType<ReturnType<typeof heldNonces>['forRequest']>,
   *   verifySubmission: (jws: string, options: object) => Promise<any> }} sub
   *   `verifySubmission`: the one checked present (when no per-procedure verifier was built)
   */
  async function verifyAndStore(
    request,
    reply,
    { jws, key, requestSha256, entry, stored, documents, receivedAt, nonce, verifySubmission },
  ) {
    const attachments = attachmentResolver(db, stored, documents, ctx.uploadFiles);
    const verifier = verifiers.get(entry);
    const nonceStore = nonce.nonceStore;
    const result = verifier
      ? await verifier.verify(jws, { nonceStore, attachments, now: receivedAt })
      : await verifySubmission(jws, {
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
        ? // A verifier passed in by configuration (tests, an agency's own) speaks for itself.
          localVerifyErrors(
            result.errors,
            requestLang(request),
            ctx.config.verifySubmission ? undefined : ctx.verifyMessage,
          ).map(({ code, message }) => ({ code, message }))
        : [{ code: 'verify-failed', message: 'verifySubmission gave no result.' }];
      request.log.info({ errors: errors.map((e) => e.code) }, 'submission refused');
      return sendProblem(request, reply, 'invalid-submission', { errors });
    }

    const payload =
      result.submission ?? JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));
    const at = receivedAt.toISOString();
    const expected = ctx.resultDate(receivedAt, Number(entry.procedure.processingDays) || 0);
    const identifying = identifyingValues(entry.procedure, payload.answers);
    const keyring = ctx.keyring;
    /** @type {{ dossierCode: string, receivedAt: string, expectedResultDate: string, paymentUrl?: string }} */
    let answer = { dossierCode: '', receivedAt: at, expectedResultDate: expected };
    // Grouped: concurrent submissions share one COMMIT; each is answered once it is committed.
    const spent = await db.transaction(async (tx) => {
      // First: when the nonce cannot be spent, nothing else is written.
      if (!(await nonce.spend(tx))) return false;
      const code = await freeDossierCode(tx, entry.prefix, receivedAt);
      answer = { dossierCode: code, receivedAt: at, expectedResultDate: expected };
      // A fee to pay: the receipt links to the payment page (docs/payments.md).
      const fee = Number(payload.fee?.total) + (Number(payload.delivery?.postage) || 0);
      if (ctx.payments && Number.isSafeInteger(fee) && fee > 0) {
        answer = { ...answer, paymentUrl: ctx.payments.payLink(code, request) };
      }
      // Personal data is written only encrypted, under this dossier's own data key.
      const dossierKey = createDossierKey(tx, keyring, code);
      const sealed = sealDossier(dossierKey.dataKey, code, {
        payloadJson: JSON.stringify(payload),
        jws,
      });
      await tx
        .prepare(
          `INSERT INTO dossiers (code, procedure_code, procedure_version, procedure_name, status,
           received_at, expected_result_date, lang, signer_kid, jws, payload_json, updated_at,
           retain_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          code,
          entry.procedure.code,
          entry.procedure.version,
          entry.name,
          DOSSIER_STATUS.received,
          at,
          expected,
          typeof payload.lang === 'string' ? payload.lang : null,
          typeof result.kid === 'string' ? result.kid : null,
          sealed.jws,
          sealed.payloadJson,
          at,
          retainUntil(entry.procedure, receivedAt, config),
        );
      await dossierKey.store();
      await tx
        .prepare(
          'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, NULL, ?, ?)',
        )
        .run(code, DOSSIER_STATUS.received, 'system', at);
      const addSecret = tx.prepare(
        'INSERT OR IGNORE INTO dossier_lookup_secrets (dossier_code, key_id, secret_hmac) VALUES (?, ?, ?)',
      );
      for (const v of identifying) {
        await addSecret.run(code, keyring.lookup.id, secretHmac(keyring.lookup.key, code, v));
      }
      // Keyed blind index of the applicant's name, ID and phone for the clerk's search.
      await indexDossier(tx, keyring, code, entry.procedure, payload, receivedAt);
      // The files become the dossier's, their keys wrapped by its key (upload-files.js); one
      // another dossier took meanwhile rolls all of this back (UploadTakenError).
      await ctx.uploadFiles.link(tx, dossierKey.dataKey, code, attachments.usedIds());
      // Its forwarding to the one-stop system, in the same transaction (outbox/).
      if (ctx.forwarder) await enqueueForward(tx, code, receivedAt);
      await idempotency.answered(tx, key, requestSha256, answer, at);
      // The applicant is told the dossier was received (notify/), once it is stored.
      await ctx.notifier?.enqueue(tx, code, 'received', DOSSIER_STATUS.received);
      return true;
    }, GROUP_COMMIT);
    if (!spent) return NONCE_LOST;
    // The files are immutable from now on: encrypt them under the dossier's key. A failure here
    // loses nothing (the purge job retries files left unencrypted) and is not the sender's.
    await encryptDossierFiles(db, keyring, answer.dossierCode).catch((e) =>
      request.log.error({ err: e, dossier: answer.dossierCode }, 'files not encrypted yet'),
    );
    request.log.info({ dossier: answer.dossierCode, procedure: entry.name }, 'dossier received');
    ctx.forwarder?.wake();
    return reply.code(201).send(answer);
  }
}

/**
 * 409 upload-already-attached: a file the submission names was taken by another dossier (or
 * deleted) while it was being verified; nothing of it was stored and its nonce is not spent.
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 * @param {any[]} documents the payload's documents
 * @param {string} id the upload taken
 * @param {{ cleanFileName: (name: string) => string } | undefined} files
 */
export function sendUploadTaken(request, reply, documents, id, files) {
  request.log.info({ upload: id }, 'submission refused: file taken by another dossier');
  const index = documents.findIndex((d) => uploadIdFromUrl(d?.url) === id);
  const doc = documents[index];
  const raw = typeof doc?.name === 'string' ? doc.name : '';
  const name = files ? files.cleanFileName(raw) : raw;
  const message = FILE_MESSAGES['upload-already-attached'][requestLang(request)];
  return sendProblem(request, reply, 'upload-already-attached', {
    errors: [
      {
        code: 'upload-already-attached',
        message: message.replace('{name}', name),
        ...(index >= 0 ? { index } : {}),
        ...(typeof doc?.slot === 'string' ? { slot: doc.slot } : {}),
        ...(name ? { name } : {}),
      },
    ],
  });
}

/** verifyAndStore's answer when another process spent the nonce after it was verified. */
const NONCE_LOST = Symbol('nonce spent elsewhere');

/**
 * Files of a refused multipart submission are not kept: the applicant sends them again.
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./storage/objects.js').ObjectStore} objects
 * @param {string[]} ids
 * @param {string[]} paths
 */
async function discardMultipartFiles(db, objects, ids, paths) {
  const linked = db.prepare(
    "SELECT 1 FROM uploads WHERE id = ? AND via = 'multipart' AND dossier_code IS NOT NULL",
  );
  const drop = db.prepare('DELETE FROM uploads WHERE id = ? AND dossier_code IS NULL');
  const dropKey = db.prepare(
    'DELETE FROM upload_keys WHERE upload_id = ? AND dossier_code IS NULL',
  );
  for (const [i, id] of ids.entries()) {
    if (await linked.get(id)) continue;
    await drop.run(id);
    await dropKey.run(id);
    // In the store once adopted; before that, the local file multipart.js wrote.
    if (paths[i] === objects.refOf(id)) await objects.remove(paths[i]);
    else await rm(paths[i], { force: true });
  }
}

/**
 * A dossier code not yet in the table, drawn by newDossierCode (dossier-code.js). Run in the
 * transaction that inserts the dossier; the primary key still refuses a duplicate.
 * @param {import('./storage/index.js').Storage} tx
 * @param {string} prefix
 * @param {Date} receivedAt
 */
async function freeDossierCode(tx, prefix, receivedAt) {
  /** @type {Set<string>} */
  const taken = new Set();
  for (;;) {
    // Throws when 20 draws in a row are taken: the day's codes are nearly used up.
    const code = newDossierCode(prefix, receivedAt, (c) => taken.has(c));
    // Another process drawing the same code waits here until this transaction ends, then sees it.
    await tx.lock(`dossier-code:${code}`);
    if (!(await tx.prepare('SELECT 1 FROM dossiers WHERE code = ?').get(code))) return code;
    taken.add(code);
  }
}
