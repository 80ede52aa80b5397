// The audit log: every log-in (success and failure), every read of a dossier's personal data,
// every status change and every deletion, with who, when, from where and which dossier.
// Never the personal data itself: the record says that a dossier was read, not what it holds.
import { CODE_PATTERN } from './dossier-code.js';

/**
 * @typedef {object} AuditEntry
 * @property {string} actor a clerk's user name, "applicant", "system", or "(unknown account)" for a log-in
 *   with a name that is no account's (never the text typed: auth.js UNKNOWN_ACCOUNT)
 * @property {string} action e.g. login, logout, dossier.read, dossier.status, dossier.delete
 * @property {string} outcome success, failure, locked, throttled, refused…
 * @property {string} [dossier]
 * @property {string} [ip]
 * @property {Record<string, unknown>} [detail] small, non-personal facts (statuses, counts)
 */

/**
 * The route options that name the audit action a route records, e.g. `auditAs('dossier.read')`.
 * Declared once per route and read by both its handler and the clerk hook that may answer for it
 * (a dossier outside the clerk's procedures, status.js), so the two records of the same try
 * cannot drift apart.
 * @param {string} action
 */
export const auditAs = (action) => ({ config: { audit: action } });

/**
 * The audit action the matched route declared (`auditAs`); for a route that declared none, its
 * method and path, so the record still says what was tried.
 * @param {import('fastify').FastifyRequest} request
 * @returns {string}
 */
export function routeAction(request) {
  const action = /** @type {{ audit?: unknown } | undefined} */ (request.routeOptions?.config)
    ?.audit;
  return typeof action === 'string'
    ? action
    : `${request.method} ${request.routeOptions?.url ?? ''}`;
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {Date} at
 * @param {AuditEntry} entry
 */
export async function audit(db, at, entry) {
  await db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, outcome, dossier_code, ip, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      at.toISOString(),
      entry.actor.slice(0, 200),
      entry.action,
      entry.outcome,
      entry.dossier ?? null,
      entry.ip ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    );
}

/**
 * The newest records first, filtered by dossier, actor or action; at most `limit`.
 * @param {import('./storage/index.js').Storage} db
 * @param {{ dossier?: string, actor?: string, action?: string, before?: number, limit?: number }} [filter]
 */
export async function listAudit(db, filter = {}) {
  const where = [];
  /** @type {unknown[]} */
  const params = [];
  // A dossier's records include the lists that showed it (`dossier.list` names the dossiers it
  // showed in its detail, desk.js): who saw its applicant's name is part of who read it. Only
  // for a whole code (anchored pattern), so no LIKE wildcard reaches the condition.
  const listed = filter.dossier && CODE_PATTERN.test(filter.dossier) ? filter.dossier : undefined;
  /** @type {[string, unknown, ...unknown[]][]} */
  const conditions = [
    listed
      ? [
          "(dossier_code = ? OR (action = 'dossier.list' AND detail LIKE ?))",
          listed,
          `%"${listed}"%`,
        ]
      : ['dossier_code = ?', filter.dossier],
    ['actor = ?', filter.actor],
    ['action = ?', filter.action],
    ['id < ?', filter.before],
  ];
  for (const [sql, value, ...more] of conditions) {
    if (value === undefined || value === '' || value === 0) continue;
    where.push(sql);
    params.push(value, ...more);
  }
  const limit = Math.min(Math.max(1, filter.limit ?? 100), 500);
  const rows = await db
    .prepare(
      `SELECT id, at, actor, action, outcome, dossier_code AS dossier, ip, detail FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`,
    )
    .all(...params);
  return rows.map((/** @type {any} */ r) => ({
    ...r,
    detail: r.detail ? JSON.parse(r.detail) : undefined,
  }));
}
