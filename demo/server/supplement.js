// Supplements (bổ sung hồ sơ, docs/receiver.md#supplement): a clerk asks for specific answers and
// documents with a note; the dossier waits in "Cần bổ sung hồ sơ" with its clock paused; the
// applicant, proving who they are exactly as in the status look-up, signs and sends exactly those
// items; the receiver verifies them with the library (verifySupplement: the same envelope,
// procedure and nonce checks as a submission, and the one supplement check of src/supplement),
// links them to the dossier, resumes the clock and puts the dossier back in processing.
import { createHash, randomBytes } from 'node:crypto';
import { audit, auditAs, routeAction } from './audit.js';
import { attachmentResolver, sendUploadTaken, sqliteNonceStore } from './dossiers.js';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, DOSSIER_TRANSITIONS } from './engine.js';
import { idempotencyKeys } from './idempotency.js';
import { requestLang, sendProblem } from './problems.js';
import { seal, unseal, isSealed } from './crypto-at-rest.js';
import { checkSubmissionFiles } from './submission-files.js';
import { UploadTakenError } from './upload-files.js';
import { localVerifyErrors } from './verify-errors.js';
import { dossierKey, encryptDossierFiles, readDossier } from './vault.js';

const aad = (/** @type {string} */ code, /** @type {string} */ id, /** @type {string} */ part) =>
  `dossier:${code}:supplement:${id}:${part}`;

/**
 * @typedef {{ createSupplementVerifier: Function, checkSupplementRequest: Function, resumedResultDate: Function }} SupplementLibrary
 */

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 * @param {SupplementLibrary} library
 * @param {(request: import('fastify').FastifyRequest) => import('./auth.js').Principal} clerkOf
 */
export function registerSupplementRoutes(app, ctx, library, clerkOf) {
  const { db, config } = ctx;
  const byCode = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const openOf = db.prepare(
    "SELECT * FROM supplement_requests WHERE dossier_code = ? AND status = 'open'",
  );
  const nonceStore = sqliteNonceStore(db, ctx.now);
  const idempotency = idempotencyKeys(db, ctx.now);
  const verifiers = new Map(
    ctx.procedures.map((entry) => [
      entry,
      library.createSupplementVerifier({
        procedure: entry.procedure,
        procedureText: entry.text,
        trustedKeys: config.trustedKeys,
      }),
    ]),
  );
  const entryOf = (/** @type {any} */ row) =>
    ctx.procedures.find((p) => p.name === row.procedure_name);

  /** What the applicant's page needs to ask for the items: labels from the procedure file. */
  const applicantView = (/** @type {any} */ row, /** @type {any} */ req) => {
    const entry = entryOf(row);
    const items = JSON.parse(req.items_json);
    const questions = new Map(
      (entry?.procedure.ui.steps ?? []).flatMap((/** @type {any} */ s) =>
        s.fields.map((/** @type {any} */ f) => [f.field, f]),
      ),
    );
    const docs = new Map(
      (entry?.procedure.documents ?? []).map((/** @type {any} */ d) => [d.id, d]),
    );
    return {
      id: req.id,
      requestedAt: req.requested_at,
      note: req.note,
      items,
      fields: items.fields.map((/** @type {string} */ path) => ({
        path,
        label: questions.get(path)?.label ?? { vi: path },
      })),
      documents: items.documents.map((/** @type {string} */ slot) => ({
        slot,
        title: docs.get(slot)?.title ?? { vi: slot },
      })),
      procedure: entry
        ? {
            code: entry.procedure.code,
            version: entry.procedure.version,
            url: `/procedures/${entry.name}.json`,
          }
        : null,
    };
  };

  /** The open request for the applicant's status view, when the dossier waits for one. */
  ctx.supplementFor = async (/** @type {any} */ row) => {
    if (row.status !== DOSSIER_STATUS.needsMoreInformation) return {};
    const req = /** @type {any} */ (await openOf.get(row.code));
    return req ? { supplement: applicantView(row, req) } : {};
  };

  // --- clerk: ask ------------------------------------------------------------------------------
  app.post(
    '/api/clerk/dossiers/:code/supplement-requests',
    auditAs('dossier.supplement-request'),
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const row = /** @type {any} */ (await byCode.get(code));
      if (!row) return sendProblem(request, reply, 'clerk-dossier-not-found');
      const lang = requestLang(request);
      const to = DOSSIER_STATUS.needsMoreInformation;
      if (!(DOSSIER_TRANSITIONS[row.status] ?? []).includes(to)) {
        return sendProblem(request, reply, 'transition-not-allowed', {
          params: {
            from: DOSSIER_STATUS_LABELS[row.status][lang],
            to: DOSSIER_STATUS_LABELS[to][lang],
          },
          extra: { from: row.status, to, allowed: DOSSIER_TRANSITIONS[row.status] ?? [] },
        });
      }
      const entry = entryOf(row);
      const checked = library.checkSupplementRequest(entry?.procedure, request.body);
      if (!checked.ok) {
        return sendProblem(request, reply, 'invalid-supplement-request', {
          errors: checked.problems.map((/** @type {any} */ p) => ({
            code: p.code,
            path: p.path,
            message: p.message[lang],
          })),
        });
      }
      const who = clerkOf(request);
      const now = ctx.now();
      const at = now.toISOString();
      const id = randomBytes(12).toString('base64url');
      const moved = await db.transaction(async (tx) => {
        // The status in the same statement: of two clerks asking at once, one moves the dossier.
        const r = await tx
          .prepare('UPDATE dossiers SET status = ?, updated_at = ? WHERE code = ? AND status = ?')
          .run(to, at, code, row.status);
        if (r.changes !== 1) return false;
        await tx
          .prepare(
            `INSERT INTO supplement_requests (id, dossier_code, items_json, note, requested_by,
             requested_at, paused_due, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
          )
          .run(
            id,
            code,
            JSON.stringify(checked.items),
            checked.note,
            who.actor,
            at,
            row.expected_result_date,
          );
        await tx
          .prepare(
            'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(code, to, checked.note, who.actor, at);
        await audit(tx, now, {
          actor: who.actor,
          action: routeAction(request),
          outcome: 'success',
          dossier: code,
          ip: request.ip,
          detail: {
            request: id,
            fields: checked.items.fields.length,
            documents: checked.items.documents.length,
          },
        });
        await ctx.notifier?.enqueue(tx, code, 'supplement-requested', id);
        return true;
      });
      if (!moved) return sendProblem(request, reply, 'clerk-dossier-not-found');
      request.log.info({ dossier: code, request: id }, 'supplement requested');
      const updated = /** @type {any} */ (await byCode.get(code));
      return reply.code(201).send({
        dossierCode: code,
        status: updated.status,
        label: DOSSIER_STATUS_LABELS[updated.status],
        allowed: DOSSIER_TRANSITIONS[updated.status] ?? [],
        request: { id, items: checked.items, note: checked.note, requestedAt: at },
      });
    },
  );

  // --- clerk: see the requests and the supplements (a read of personal data: audited) ---------
  app.get(
    '/api/clerk/dossiers/:code/supplements',
    auditAs('dossier.supplements.read'),
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const row = /** @type {any} */ (await byCode.get(code));
      const who = clerkOf(request);
      await audit(db, ctx.now(), {
        actor: who.actor,
        action: routeAction(request),
        outcome: row ? 'success' : 'not-found',
        dossier: code.slice(0, 40),
        ip: request.ip,
      });
      if (!row) return sendProblem(request, reply, 'clerk-dossier-not-found');
      const rows = /** @type {any[]} */ (
        await db
          .prepare(
            'SELECT * FROM supplement_requests WHERE dossier_code = ? ORDER BY requested_at, id',
          )
          .all(code)
      );
      const key = rows.some((r) => isSealed(r.payload_json))
        ? await dossierKey(db, ctx.keyring, code)
        : undefined;
      return {
        supplements: await Promise.all(
          rows.map(async (r) => ({
            id: r.id,
            status: r.status,
            items: JSON.parse(r.items_json),
            note: r.note,
            requestedBy: r.requested_by,
            requestedAt: r.requested_at,
            answeredAt: r.answered_at,
            payload:
              r.payload_json && key
                ? JSON.parse(unseal(key, r.payload_json, aad(code, r.id, 'payload')))
                : null,
            files: await Promise.all(
              (
                await db
                  .prepare(
                    'SELECT id, slot, filename, type, size FROM uploads WHERE supplement_id = ? ORDER BY finished_at, id',
                  )
                  .all(r.id)
              ).map(async (/** @type {any} */ { filename, ...f }) => ({
                id: f.id,
                slot: f.slot,
                name: await ctx.uploadFiles.fileName({ id: f.id, filename }),
                type: f.type,
                size: f.size,
              })),
            ),
          })),
        ),
      };
    },
  );

  // --- applicant: send the supplement -------------------------------------------------------
  app.post(
    '/api/supplements',
    { onRequest: ctx.guards.dossiers, bodyLimit: 4 * 1024 * 1024 },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const body = /** @type {any} */ (request.body ?? {});
      const jws = typeof body.jws === 'string' ? body.jws : '';
      if (!jws || jws.length > 4 * 1024 * 1024)
        return sendProblem(request, reply, 'invalid-request');
      // The applicant's proof, exactly as the status look-up takes it (and counted the same way).
      const row = await ctx.applicantDossier?.(request, reply, body.code, body.secret);
      if (!row) return reply;
      const requestSha256 = createHash('sha256').update(`${row.code}\n${jws}`).digest('hex');
      return idempotency.run(request, reply, requestSha256, (key) =>
        receive(request, reply, row, jws, key, requestSha256),
      );
    },
  );

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {any} row the applicant's dossier
   * @param {string} jws
   * @param {string | undefined} key
   * @param {string} requestSha256
   */
  async function receive(request, reply, row, jws, key, requestSha256) {
    const req = /** @type {any} */ (await openOf.get(row.code));
    if (!req || row.status !== DOSSIER_STATUS.needsMoreInformation) {
      return sendProblem(request, reply, 'no-open-supplement-request');
    }
    const entry = entryOf(row);
    const verifier = entry && verifiers.get(entry);
    if (!verifier) return sendProblem(request, reply, 'verifier-unavailable');
    const peeked = peek(jws);
    const documents = Array.isArray(peeked?.documents) ? peeked.documents : [];
    // The files: uploaded by this browser, not part of another dossier, the browser's own rules.
    const refused = await checkSubmissionFiles({
      db,
      uploadFiles: ctx.uploadFiles,
      files: ctx.files,
      procedure: entry.procedure,
      documents,
      multipart: new Map(),
      request,
      maxDossierBytes: config.maxDossierBytes,
      nonce: peeked?.nonce,
      nonceState: nonceStore.state,
      lang: requestLang(request),
    });
    if (refused) {
      request.log.info({ errors: refused.errors.map((e) => e.code) }, 'supplement refused');
      return sendProblem(request, reply, refused.slug, { errors: refused.errors });
    }
    const attachments = attachmentResolver(db, new Map(), documents, ctx.uploadFiles);
    const { payload: dossier } = await readDossier(db, ctx.keyring, row);
    const receivedAt = ctx.now();
    const result = await verifier.verify(jws, {
      request: { id: req.id, dossierCode: row.code, items: JSON.parse(req.items_json) },
      base: { answers: dossier.answers ?? {}, documents: dossier.documents ?? [] },
      nonceStore,
      attachments,
      now: receivedAt,
    });
    if (!result || result.ok !== true) {
      const errors = localVerifyErrors(
        result?.errors ?? [],
        requestLang(request),
        ctx.verifyMessage,
      );
      request.log.info(
        { errors: errors.map((/** @type {any} */ e) => e.code) },
        'supplement refused',
      );
      return sendProblem(request, reply, 'invalid-supplement', { errors });
    }
    const at = receivedAt.toISOString();
    const expected = library.resumedResultDate({
      pausedAt: new Date(req.requested_at),
      resumedAt: receivedAt,
      due: req.paused_due,
      processingDays: Number(entry.procedure.processingDays) || 0,
      policy: config.supplementClock ?? 'pause',
      cutoffMinutes: config.receptionCutoffMinutes,
    }).resultDate;
    const answer = {
      dossierCode: row.code,
      requestId: req.id,
      receivedAt: at,
      expectedResultDate: expected,
    };
    const dataKey = await dossierKey(db, ctx.keyring, row.code);
    if (!dataKey) throw new Error(`dossier ${row.code} has no data key`);
    const to = DOSSIER_STATUS.processing;
    const storing = db.transaction(async (tx) => {
      const answered = await tx
        .prepare(
          `UPDATE supplement_requests SET status = 'answered', answered_at = ?, jws = ?,
             payload_json = ?, signer_kid = ? WHERE id = ? AND status = 'open'`,
        )
        .run(
          at,
          seal(dataKey, jws, aad(row.code, req.id, 'jws')),
          seal(dataKey, JSON.stringify(result.supplement), aad(row.code, req.id, 'payload')),
          typeof result.kid === 'string' ? result.kid : null,
          req.id,
        );
      if (answered.changes !== 1) return false;
      await tx
        .prepare(
          'UPDATE dossiers SET status = ?, expected_result_date = ?, updated_at = ? WHERE code = ?',
        )
        .run(to, expected, at, row.code);
      await tx
        .prepare(
          'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(row.code, to, 'Đã nhận hồ sơ bổ sung.', 'applicant', at);
      const ids = attachments.usedIds();
      // A file another dossier took meanwhile rolls this back (UploadTakenError, below).
      await ctx.uploadFiles.link(tx, dataKey, row.code, ids, req.id);
      await audit(tx, receivedAt, {
        actor: 'applicant',
        action: 'dossier.supplement',
        outcome: 'success',
        dossier: row.code,
        ip: request.ip,
        detail: { request: req.id, files: ids.length },
      });
      await idempotency.answered(tx, key, requestSha256, answer, at);
      return true;
    });
    const stored = await storing.catch((e) => {
      if (e instanceof UploadTakenError) return e;
      throw e;
    });
    if (stored instanceof UploadTakenError) {
      return sendUploadTaken(request, reply, documents, stored.uploadId, ctx.files);
    }
    if (!stored) return sendProblem(request, reply, 'no-open-supplement-request');
    await encryptDossierFiles(db, ctx.keyring, row.code).catch((e) =>
      request.log.error({ err: e, dossier: row.code }, 'files not encrypted yet'),
    );
    request.log.info({ dossier: row.code, request: req.id }, 'supplement received');
    return reply.code(201).send(answer);
  }
}

/**
 * The payload's documents and nonce WITHOUT checking anything, for the file checks that run
 * before the signature is verified (as for a submission).
 * @param {string} jws
 */
function peek(jws) {
  try {
    const p = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return p && typeof p === 'object' ? p : undefined;
  } catch {
    return undefined;
  }
}
