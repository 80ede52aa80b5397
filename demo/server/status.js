// Dossier status: the citizen's lookup (GET /api/status) and the clerk's changes.
import { createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_LABELS } from './messages.js';
import { requestLang, sendProblem } from './problems.js';
import { matchesAny, normalizeSecret, secretDigest } from './secrets.js';
import { CODE_PATTERN } from './dossier-code.js';

export const DOSSIER_STATUS = {
  received: 'received',
  processing: 'processing',
  needsMoreInformation: 'needs-more-information',
  resultReady: 'result-ready',
  rejected: 'rejected',
};

/**
 * Allowed moves. A dossier that needs more information goes back to processing once the citizen
 * has supplied it; result-ready and rejected are final.
 * @type {Record<string, string[]>}
 */
export const TRANSITIONS = {
  received: ['processing', 'rejected'],
  processing: ['needs-more-information', 'result-ready', 'rejected'],
  'needs-more-information': ['processing', 'rejected'],
  'result-ready': [],
  rejected: [],
};

const NOTE_MAX = 1000;

/**
 * A fixed-window counter per client address, in memory: enough for one reference process.
 * @param {{ max: number, windowSeconds: number }} limit
 * @param {() => Date} now
 */
export function createRateLimiter({ max, windowSeconds }, now) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const hits = new Map();
  return {
    /**
     * Counts one attempt; returns 0 when allowed, else the seconds until the window resets.
     * @param {string} ip
     */
    hit(ip) {
      const t = now().getTime();
      if (hits.size > 10_000) {
        for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
      }
      let h = hits.get(ip);
      if (!h || h.resetAt <= t) {
        h = { count: 0, resetAt: t + windowSeconds * 1000 };
        hits.set(ip, h);
      }
      h.count++;
      return h.count > max ? Math.max(1, Math.ceil((h.resetAt - t) / 1000)) : 0;
    },
  };
}

/**
 * @param {import('better-sqlite3').Database} db
 * @param {string} code
 */
function history(db, code) {
  return db
    .prepare('SELECT status, note, at FROM dossier_history WHERE dossier_code = ? ORDER BY id')
    .all(code)
    .map((/** @type {any} */ h) => ({
      status: h.status,
      label: STATUS_LABELS[/** @type {keyof typeof STATUS_LABELS} */ (h.status)],
      at: h.at,
      ...(h.note ? { note: h.note } : {}),
    }));
}

/**
 * @param {import('better-sqlite3').Database} db
 * @param {any} row a dossiers row
 * @param {import('./app.js').Context} ctx
 */
function view(db, row, ctx) {
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
    history: history(db, row.code),
    ...(ctx.payments ? { payment: ctx.payments.summary(row, { link: true }) } : {}),
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
  const limiter = createRateLimiter(config.statusRateLimit, ctx.now);
  const byCode = db.prepare('SELECT * FROM dossiers WHERE code = ?');
  const secretsOf = db.prepare('SELECT secret_sha256 FROM dossier_secrets WHERE dossier_code = ?');
  // Compared against when the code is unknown, so both failures take the same time.
  const decoy = [secretDigest('000000000000')];

  app.get('/api/status', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const retryAfter = limiter.hit(request.ip);
    if (retryAfter) {
      reply.header('retry-after', String(retryAfter));
      return sendProblem(request, reply, 'too-many-requests');
    }
    const q = /** @type {Record<string, unknown>} */ (request.query ?? {});
    const code = typeof q.code === 'string' ? q.code.trim().toUpperCase() : '';
    const secret = normalizeSecret(q.secret);
    if (!code || typeof q.secret !== 'string' || !q.secret.trim()) {
      return sendProblem(request, reply, 'missing-parameters');
    }
    const row = CODE_PATTERN.test(code) ? /** @type {any} */ (byCode.get(code)) : undefined;
    const stored = row ? secretsOf.all(code).map((/** @type {any} */ r) => r.secret_sha256) : decoy;
    const ok = matchesAny(secretDigest(secret || 'invalid'), stored);
    if (!row || !secret || !ok) return sendProblem(request, reply, 'dossier-not-found');
    return view(db, row, ctx);
  });

  // --- clerk ---------------------------------------------------------------------------------
  const expectedToken = createHash('sha256').update(config.clerkToken).digest();
  /** @param {import('fastify').FastifyRequest} request */
  const isClerk = (request) => {
    const h = request.headers.authorization;
    const m = typeof h === 'string' ? /^Bearer (.+)$/.exec(h) : null;
    if (!m) return false;
    const given = createHash('sha256').update(m[1]).digest();
    return timingSafeEqual(given, expectedToken);
  };

  // Judged by the route that matched, not by request.url: the router percent-decodes the path
  // before matching, so `/api/%63lerk/dossiers` reaches the clerk routes while its raw url does
  // not start with `/api/clerk/` (test/e2e/security.test.ts).
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions?.url ?? '';
    if (!route.startsWith('/api/clerk/') && !isClerkPath(request.url)) return;
    reply.header('cache-control', 'no-store');
    if (!isClerk(request)) return sendProblem(request, reply, 'clerk-unauthorized');
  });

  app.get('/api/clerk/dossiers', async () => {
    const rows = db
      .prepare('SELECT * FROM dossiers ORDER BY received_at DESC, code LIMIT 200')
      .all();
    return {
      dossiers: rows.map((/** @type {any} */ row) => ({
        ...view(db, row, ctx),
        // How the result goes back (docs/payments.md): the clerk prepares the envelope from it.
        delivery: JSON.parse(row.payload_json).delivery ?? null,
        allowed: TRANSITIONS[row.status] ?? [],
      })),
    };
  });

  app.get('/api/clerk/dossiers/:code', async (request, reply) => {
    const { code } = /** @type {{ code: string }} */ (request.params);
    const row = /** @type {any} */ (byCode.get(code));
    if (!row) return sendProblem(request, reply, 'not-found');
    return {
      ...view(db, row, ctx),
      allowed: TRANSITIONS[row.status] ?? [],
      payload: JSON.parse(row.payload_json),
    };
  });

  app.post('/api/clerk/dossiers/:code/status', async (request, reply) => {
    const { code } = /** @type {{ code: string }} */ (request.params);
    const body = /** @type {any} */ (request.body ?? {});
    const to = body.status;
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, NOTE_MAX) : '';
    if (typeof to !== 'string' || !(to in TRANSITIONS)) {
      return sendProblem(request, reply, 'invalid-status', {
        params: { allowed: Object.keys(TRANSITIONS).join(', ') },
      });
    }
    const row = /** @type {any} */ (byCode.get(code));
    if (!row) return sendProblem(request, reply, 'not-found');
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
    const at = ctx.now().toISOString();
    db.transaction(() => {
      db.prepare('UPDATE dossiers SET status = ?, updated_at = ? WHERE code = ?').run(to, at, code);
      db.prepare(
        'INSERT INTO dossier_history (dossier_code, status, note, actor, at) VALUES (?, ?, ?, ?, ?)',
      ).run(code, to, note || null, 'clerk', at);
    })();
    request.log.info({ dossier: code, from: row.status, to }, 'status changed');
    const updated = byCode.get(code);
    return { ...view(db, updated, ctx), allowed: TRANSITIONS[to] };
  });
}
