// Dossier status: the citizen's lookup (GET /api/status) and the clerk's changes.
import { createFailureCounter } from './storage/failure-store.js';
import { createHmac, randomBytes } from 'node:crypto';
import { DOSSIER_STATUS, DOSSIER_STATUS_LABELS, DOSSIER_TRANSITIONS } from './engine.js';
import { requestLang, sendProblem } from './problems.js';
import { matchesAny, normalizeSecret, secretHmac } from './secrets.js';
import { CODE_PATTERN } from './dossier-code.js';
import { scopeCondition } from './clerk-scope.js';
import { registerAuth } from './auth.js';
import { audit, auditAs, listAudit, routeAction } from './audit.js';
import { readDossier } from './vault.js';
import { deleteDossier } from './retention.js';
import { registerClerkFiles } from './clerk-files.js';
import { registerSupplementRoutes } from './supplement.js';
import { registerDesk } from './desk.js';

const STATUS_LABELS = DOSSIER_STATUS_LABELS;

// Statuses, labels and allowed moves are the engine's (src/dossier), shared with the elements.
export { DOSSIER_STATUS };
export const TRANSITIONS = DOSSIER_TRANSITIONS;

const NOTE_MAX = 1000;

/**
 * The result-delivery method of a dossier and, by post, its verified postage (`{ method,
 * postage? }`, no recipient), or null.
 * @param {any} payload the dossier's decrypted payload
 */
function deliveryMethod(payload) {
  const delivery = payload.delivery;
  const method = delivery?.method;
  if (typeof method !== 'string') return null;
  return Number.isSafeInteger(delivery.postage)
    ? { method, postage: delivery.postage }
    : { method };
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {string} code
 */
async function history(db, code, withActor = false) {
  const rows = await db
    .prepare(
      'SELECT status, note, actor, at FROM dossier_history WHERE dossier_code = ? ORDER BY id',
    )
    .all(code);
  return rows.map((/** @type {any} */ h) => ({
    status: h.status,
    label: STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (h.status)],
    at: h.at,
    ...(h.note ? { note: h.note } : {}),
    // Clerks see who made each move; the citizen's view does not name them.
    ...(withActor ? { actor: h.actor } : {}),
  }));
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {any} row a dossiers row
 * @param {import('./app.js').Context} ctx
 * @param {boolean} [forClerk]
 */
async function view(db, row, ctx, forClerk = false) {
  const entry = ctx.procedures.find((p) => p.name === row.procedure_name);
  return {
    dossierCode: row.code,
    procedure: {
      code: row.procedure_code,
      version: row.procedure_version,
      title: entry?.procedure.title ?? { vi: row.procedure_code },
    },
    status: row.status,
    label: STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (row.status)],
    receivedAt: row.received_at,
    expectedResultDate: row.expected_result_date,
    updatedAt: row.updated_at,
    history: await history(db, row.code, forClerk),
    ...(ctx.payments ? { payment: await ctx.payments.summary(row, { link: true }) } : {}),
  };
}

/**
 * Whether a raw request url names the clerk API once percent-decoded and compared without case
 * (belt and braces beside the matched route: also refuses look-alike paths that match no route).
 * @param {string} url
 */
function isClerkPath(url) {
  const path = url.split('?')[0];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape matches no route either; keep the raw path.
  }
  return decoded.toLowerCase().replace(/\/+/g, '/').startsWith('/api/clerk/');
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./app.js').Context} ctx
 */
export function registerStatusRoutes(app, ctx) {
  const { db, config } = ctx;
  // Counted in the database, over every process (storage/failure-store.js).
  // Failed look-ups per address; the named `status` rate limit (config.js) only bounds the
  // request rate, so a desk doing many correct look-ups is never blocked.
  const perIp = createFailureCounter(
    db,
    'status-ip',
    config.statusRateLimit ?? { max: 20, windowSeconds: 600 },
    ctx.now,
  );
  const perCode = createFailureCounter(
    db,
    'status-code',
    config.statusCodeLimit ?? { max: 10, windowSeconds: 3600 },
    ctx.now,
  );
  const byCode = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const secretsOf = db.prepare(
    'SELECT key_id, secret_hmac FROM dossier_lookup_secrets WHERE dossier_code = ?',
  );
  // Compared against when the code is unknown, so both failures do the same work.
  const decoy = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];

  /**
   * The applicant's proof, as the status look-up takes it: the dossier code and one of the
   * identifying answers (docs/receiver.md#status). Answers the problem itself and returns
   * undefined when the proof fails; failures count per address and per code.
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {unknown} rawCode
   * @param {unknown} rawSecret
   * @returns {Promise<any>} the dossiers row
   */
  async function applicantDossier(request, reply, rawCode, rawSecret) {
    const code = typeof rawCode === 'string' ? rawCode.trim().toUpperCase().slice(0, 40) : '';
    const secret = normalizeSecret(rawSecret);
    if (!code || typeof rawSecret !== 'string' || !rawSecret.trim()) {
      await sendProblem(request, reply, 'missing-parameters');
      return undefined;
    }
    // Failed look-ups count per address and per code (unknown codes too, so a 429 does not
    // tell that a code exists); successful ones never do.
    const retryAfter = Math.max(await perIp.blocked(request.ip), await perCode.blocked(code));
    if (retryAfter) {
      reply.header('retry-after', String(retryAfter));
      await sendProblem(request, reply, 'too-many-requests');
      return undefined;
    }
    const row = CODE_PATTERN.test(code) ? /** @type {any} */ (await byCode.get(code)) : undefined;
    // The secrets are read for an unknown code too (none come back): the same queries either way.
    const found = /** @type {{ key_id: string, secret_hmac: string }[]} */ (
      await secretsOf.all(code)
    );
    const rows = row ? found : [];
    let ok = false;
    // One HMAC per look-up key in use (one, except during a rotation), so the work is the same.
    for (const keyId of new Set([ctx.keyring.lookup.id, ...rows.map((r) => r.key_id)])) {
      const key = ctx.keyring.lookups.get(keyId);
      if (!key) continue;
      const stored = row ? rows.filter((r) => r.key_id === keyId).map((r) => r.secret_hmac) : decoy;
      if (matchesAny(secretHmac(key, code, secret || 'invalid'), stored)) ok = true;
    }
    if (!row || !secret || !ok) {
      await perIp.fail(request.ip);
      await perCode.fail(code);
      await sendProblem(request, reply, 'dossier-not-found');
      return undefined;
    }
    return row;
  }
  ctx.applicantDossier = applicantDossier;

  app.get('/api/status', { onRequest: ctx.guards.status }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const row = await applicantDossier(request, reply, q.code, q.secret);
    if (!row) return reply;
    const code = row.code;
    await audit(db, ctx.now(), {
      actor: 'applicant',
      action: 'status.lookup',
      outcome: 'success',
      dossier: code,
      ip: request.ip,
    });
    // With an open request for supplement: what to send (supplement.js).
    return { ...(await view(db, row, ctx)), ...(await ctx.supplementFor?.(row)) };
  });

  // --- clerk ---------------------------------------------------------------------------------
  const { authenticate, csrfOk } = registerAuth(app, ctx);

  // Judged by the route that matched, not by request.url: the router percent-decodes the path
  // before matching, so `/api/%63lerk/dossiers` reaches the clerk routes while its raw url does
  // not start with `/api/clerk/` (test/e2e/security.test.ts).
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions?.url ?? '';
    if (!route.startsWith('/api/clerk/') && !isClerkPath(request.url)) return;
    reply.header('cache-control', 'no-store');
    // The named `clerk` limit (config.js) also bounds guessing passwords and keys.
    if (await ctx.guards.clerk(request, reply)) return reply;
    const who = await authenticate(request);
    if (!who) return sendProblem(request, reply, 'clerk-unauthorized');
    if (!csrfOk(request, who)) return sendProblem(request, reply, 'csrf-failed');
    if (route.startsWith('/api/clerk/admin/') && who.role !== 'admin') {
      await audit(db, ctx.now(), {
        actor: who.actor,
        action: `${request.method} ${route}`,
        outcome: 'refused',
        ip: request.ip,
      });
      return sendProblem(request, reply, 'admin-only');
    }
    /** @type {any} */ (request).clerk = who;
    // Every route about one dossier (`:code`: the dossier, its files, notes, status, supplements,
    // payments at the desk, forwarding; any added later too) finds it here first, limited in the
    // SQL to the clerk's procedures (clerk-scope.js). A dossier outside them answers exactly as
    // one that does not exist, the same problem and the same audit record: nothing tells the
    // clerk it is there (test/e2e/clerk-scope.test.ts enumerates the routes).
    const scope = scopeCondition(who);
    if (!scope.all && route.includes('/:code')) {
      const code = String(/** @type {any} */ (request.params)?.code ?? '');
      const found = await db
        .prepare(`SELECT 1 FROM dossiers WHERE code = ? AND ${scope.sql}`)
        .get(code, ...scope.params);
      if (!found) {
        await audit(db, ctx.now(), {
          actor: who.actor,
          // The action the route itself declares and records, so the audit reads the same as for
          // a dossier that exists (the administrator's audit table words them).
          action: routeAction(request),
          outcome: 'not-found',
          dossier: code.slice(0, 40),
          ip: request.ip,
        });
        return sendProblem(request, reply, 'clerk-dossier-not-found');
      }
    }
  });
  /** @param {import('fastify').FastifyRequest} request @returns {import('./auth.js').Principal} */
  const clerkOf = (request) => /** @type {any} */ (request).clerk;

  // The list, its search and filters, notes and the weekly report: the clerk's desk (desk.js).
  const desk = registerDesk(app, ctx, {
    clerkOf,
    view: (/** @type {import('./app.js').DossierRow} */ row) => view(db, row, ctx, true),
    deliveryMethod,
    transitions: TRANSITIONS,
  });

  app.get('/api/clerk/dossiers/:code', auditAs('dossier.read'), async (request, reply) => {
    const { code } = /** @type {{ code: string }} */ (request.params);
    const row = /** @type {any} */ (await byCode.get(code));
    const who = clerkOf(request);
    const read = (/** @type {string} */ outcome) =>
      audit(db, ctx.now(), {
        actor: who.actor,
        action: routeAction(request),
        outcome,
        dossier: code.slice(0, 40),
        ip: request.ip,
      });
    if (!row) {
      await read('not-found');
      return sendProblem(request, reply, 'clerk-dossier-not-found');
    }
    const { payload, jws } = await readDossier(db, ctx.keyring, row);
    const body = {
      ...(await view(db, row, ctx, true)),
      allowed: TRANSITIONS[row.status] ?? [],
      payload,
      delivery: payload.delivery ?? null,
      // Forwarding to the one-stop system (outbox/): null when FORWARD_URL is unset.
      forwarding: (await ctx.forwarder?.stateOf(code)) ?? null,
      // The stored files with their hashes checked (copies: clerk-files.js), notes, deadline,
      // signature status and the procedure file to render the dossier with (desk.js).
      ...(await desk.detail({ ...row, jws_clear: jws }, payload)),
    };
    // The desk's refresh asks again for the dossier it shows (If-None-Match): when nothing in
    // it changed, nothing is read out (304, no body) and nothing audited, so that `dossier.read`
    // records a person's view, not every list refresh. Any change (a note, a file, the fee,
    // forwarding, the deadline's day) changes the tag and the dossier is sent, and audited.
    // Keyed (the look-up key, with its own label), so the tag is no plain fingerprint of the
    // applicant's data that anyone holding a guess could confirm.
    const tag = `"${createHmac('sha256', ctx.keyring.lookup.key)
      .update('dvc-forms clerk view etag v1\0')
      .update(JSON.stringify(body))
      .digest('base64url')}"`;
    reply.header('etag', tag);
    if (request.headers['if-none-match'] === tag) return reply.code(304).send();
    await read('success');
    return body;
  });
  registerClerkFiles(app, ctx, clerkOf);
  if (ctx.supplementLibrary) registerSupplementRoutes(app, ctx, ctx.supplementLibrary, clerkOf);

  app.post(
    '/api/clerk/dossiers/:code/status',
    auditAs('dossier.status'),
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const body = /** @type {any} */ (request.body ?? {});
      const to = body.status;
      const note = typeof body.note === 'string' ? body.note.trim().slice(0, NOTE_MAX) : '';
      if (typeof to !== 'string' || !(to in TRANSITIONS)) {
        return sendProblem(request, reply, 'invalid-status', {
          params: { allowed: Object.keys(TRANSITIONS).join(', ') },
        });
      }
      const row = /** @type {any} */ (await byCode.get(code));
      if (!row) return sendProblem(request, reply, 'clerk-dossier-not-found');
      const allowed = TRANSITIONS[row.status] ?? [];
      if (!allowed.includes(to)) {
        const lang = requestLang(request);
        return sendProblem(request, reply, 'transition-not-allowed', {
          params: {
            from: STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (row.status)][lang],
            to: STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (to)][lang],
          },
          extra: { from: row.status, to, allowed },
        });
      }
      // "Cần bổ sung hồ sơ" says what is missing: only a supplement request (supplement.js) leads there.
      if (to === DOSSIER_STATUS.needsMoreInformation && ctx.supplementLibrary) {
        return sendProblem(request, reply, 'supplement-request-required');
      }
      const now = ctx.now();
      const at = now.toISOString();
      const who = clerkOf(request);
      await db.transaction(async (tx) => {
        await tx
          .prepare('UPDATE dossiers SET status = ?, updated_at = ? WHERE code = ?')
          .run(to, at, code);
        // Leaving "needs more information" without the applicant's answer withdraws the request.
        if (row.status === DOSSIER_STATUS.needsMoreInformation) {
          await tx
            .prepare(
              "UPDATE supplement_requests SET status = 'withdrawn', answered_at = ? WHERE dossier_code = ? AND status = 'open'",
            )
            .run(at, code);
        }
        // The result (or the refusal) is the applicant's to know (notify/).
        if (to === DOSSIER_STATUS.resultReady || to === DOSSIER_STATUS.rejected) {
          await ctx.notifier?.enqueue(tx, code, 'result', to);
        }
        await tx
          .prepare(
            'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(code, to, note || null, who.actor, at);
        await audit(tx, now, {
          actor: who.actor,
          action: routeAction(request),
          outcome: 'success',
          dossier: code,
          ip: request.ip,
          detail: { from: row.status, to },
        });
      });
      request.log.info({ dossier: code, from: row.status, to }, 'status changed');
      const updated = await byCode.get(code);
      return { ...(await view(db, updated, ctx, true)), allowed: TRANSITIONS[to] };
    },
  );

  // --- admin: the audit log and deletion on request ------------------------------------------
  app.get('/api/clerk/admin/audit', async (request) => {
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const str = (/** @type {unknown} */ v) =>
      typeof v === 'string' && v ? v.slice(0, 200) : undefined;
    return {
      records: await listAudit(db, {
        dossier: str(q.dossier),
        actor: str(q.actor),
        action: str(q.action),
        before: Number(q.before) || undefined,
        limit: Number(q.limit) || undefined,
      }),
    };
  });

  app.delete('/api/clerk/admin/dossiers/:code', async (request, reply) => {
    const { code } = /** @type {{ code: string }} */ (request.params);
    const body = /** @type {any} */ (request.body ?? {});
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
    if (!reason) return sendProblem(request, reply, 'deletion-reason-missing');
    const who = clerkOf(request);
    const deleted = await deleteDossier(ctx, code, {
      actor: who.actor,
      ip: request.ip,
      reason,
      at: ctx.now(),
    });
    if (!deleted) return sendProblem(request, reply, 'clerk-dossier-not-found');
    return reply.code(204).send();
  });
}
